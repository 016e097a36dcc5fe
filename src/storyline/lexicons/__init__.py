"""Word lists: package data files, one per list. Each file's `#` lines say what it holds
and where it came from; the other lines hold its entries."""

from __future__ import annotations

from importlib import resources


def _lines(name: str) -> list[str]:
    text = (resources.files(__package__) / f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def words(name: str) -> frozenset[str]:
    """The words of a list (separated by spaces or lines)."""
    return frozenset(word for line in _lines(name) for word in line.split())


def entries(name: str) -> tuple[str, ...]:
    """The entries of a list, one per line, in order (some lists match the first)."""
    return tuple(_lines(name))
