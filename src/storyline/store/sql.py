"""Small helpers for writing SQL: placeholders, chunks of ids, WHERE clauses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
# SQLite takes at most 32,766 parameters; lists of ids are sent this many at a time.
CHUNK = 500


def marks(count: int) -> str:
    """'?, ?, ?': placeholders for `count` parameters."""
    return ", ".join("?" * count)


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Where:
    """A WHERE clause built a condition at a time, with its parameters in order."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def add_in(self, expression: str, values: Sequence[Any]) -> None:
        """`expression IN (values)`."""
        self.add(f"{expression} IN ({marks(len(values))})", *values)

    @property
    def sql(self) -> str:
        """The conditions joined by AND; '1' when there are none."""
        return " AND ".join(self.conditions) or "1"
