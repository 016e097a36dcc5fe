"""Record files: JSON Lines, JSON arrays and CSV, one article per record."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from storyline.errors import InputError
from storyline.models import InputKind, RawDocument
from storyline.read.clean import strip_controls

# CSV cells can hold whole articles; the default limit (128 KiB) is too small.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(slots=True, frozen=True)
class FieldNames:
    """Which record fields hold what; the first one present and non-empty wins."""

    text: tuple[str, ...] = ("text", "content", "body", "article", "maintext")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link", "canonical_url")
    date: tuple[str, ...] = ("published", "date", "dct", "published_at", "date_publish")
    outlet: tuple[str, ...] = ("outlet", "site_name", "sitename", "publisher")
    author: tuple[str, ...] = ("author", "authors", "byline")


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        # a field of control characters alone is empty: nothing a reader could see
        if value is not None and (cleaned := strip_controls(str(value)).strip()):
            return cleaned
    return None


def record_to_document(
    record: Any, location: str, kind: InputKind, fields: FieldNames
) -> RawDocument:
    """One record as a RawDocument; `location` is FILE#LINE, the fallback source."""
    if not isinstance(record, Mapping):
        raise InputError(location, f"expected a JSON object, found {type(record).__name__}")
    text = _first(record, fields.text)
    if text is None:
        raise InputError(location, f"no text (looked for fields: {', '.join(fields.text)})")
    url = _first(record, fields.url)
    published = _first(record, fields.date)
    return RawDocument(
        source=url or location,
        kind=kind,
        text=text,
        title=_first(record, fields.title),
        url=url,
        outlet=_first(record, fields.outlet),
        author=_first(record, fields.author),
        published=published,
        published_basis="input" if published else "unknown",
    )


def parse_jsonl_line(line: str, location: str, fields: FieldNames) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(location, f"malformed JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(location, "JSON nested too deeply to read") from exc
    return record_to_document(record, location, "jsonl", fields)


def read_jsonl(text: str, path: str, fields: FieldNames) -> Iterator[RawDocument | InputError]:
    # Only "\n" ends a record: str.splitlines() would also cut at U+2028 or U+0085,
    # which JSON allows unescaped inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                yield parse_jsonl_line(line, f"{path}#{number}", fields)
            except InputError as exc:
                yield exc


def read_json(text: str, path: str, fields: FieldNames) -> Iterator[RawDocument | InputError]:
    """A JSON file: one record, a list of records, or an object holding such a list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"malformed JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise InputError(path, "JSON nested too deeply to read") from exc
    records = _records_in(data, fields)
    if records is None:
        raise InputError(path, "no records found (expected an object or a list of objects)")
    for index, record in enumerate(records):
        location = f"{path}#{index + 1}"
        try:
            yield record_to_document(record, location, "json", fields)
        except InputError as exc:
            yield exc


def _records_in(data: Any, fields: FieldNames) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1 and not _first(data, fields.text):
            return lists[0]
        return [data]
    return None


def read_csv(text: str, path: str, fields: FieldNames) -> Iterator[RawDocument | InputError]:
    """CSV text with a header row; FILE#LINE names the line where a record starts."""
    return csv_records(io.StringIO(text.lstrip("\ufeff"), newline=""), path, fields)


def csv_records(
    stream: TextIO, path: str, fields: FieldNames
) -> Iterator[RawDocument | InputError]:
    """The records of a CSV stream with a header row, read one row at a time."""
    reader = csv.DictReader(stream)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV header ({exc})") from exc
    if not header:
        raise InputError(path, "CSV file has no header row")
    start = reader.line_num + 1
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # the reader starts again on the next line
            rows += 1
            yield InputError(f"{path}#{start}", f"malformed CSV ({exc})")
            if reader.line_num < start:
                return  # it read nothing more: the error will not go away
            start = reader.line_num + 1
            continue
        rows += 1
        location = f"{path}#{start}"
        start = reader.line_num + 1
        try:
            yield record_to_document(row, location, "csv", fields)
        except InputError as exc:
            yield exc
    if not rows:
        raise InputError(path, "only a header row, no records")
