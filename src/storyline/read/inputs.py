"""Inputs (files, folders, globs, URLs, standard input) read into RawDocuments.

One module per input kind; this one finds the inputs and sends each to its reader.
Every problem with one input becomes an InputError in the stream, never an exception
that stops the batch.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import stat
import sys
import zlib
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from storyline.errors import InputError
from storyline.models import InputKind, RawDocument
from storyline.read.decode import decode_bytes, text_encoding
from storyline.read.html import parse_html
from storyline.read.records import (
    FieldNames,
    csv_records,
    parse_jsonl_line,
    read_csv,
    read_json,
    read_jsonl,
)
from storyline.read.text import parse_text
from storyline.read.url import fetch, is_url
from storyline.sizes import format_size

STDIN = "-"
# Standard input has no name; its documents never replace each other as a file's would.
STDIN_SOURCE = "<stdin>"
SUFFIX_KINDS: dict[str, InputKind] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
}
CONTENT_TYPE_KINDS: dict[str, InputKind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/csv": "csv",
}
_SUPPORTED = ", ".join(SUFFIX_KINDS) + " (each also as .gz)"
_GLOB_CHARS = frozenset("*?[")
# Files that are read as a stream of records, so memory stays bounded however long.
_STREAMED: frozenset[InputKind | None] = frozenset({"jsonl", "csv"})
_HEAD_BYTES = 1 << 16  # what the encoding of a streamed file is guessed from


@dataclass(slots=True, frozen=True)
class ReadOptions:
    max_bytes: int = 20_000_000
    timeout: float = 20.0
    fields: FieldNames = field(default_factory=FieldNames)
    kind: InputKind | None = None  # force a reader instead of guessing from the name


@dataclass(slots=True, frozen=True)
class InputRef:
    """One input the user named, resolved: a file, a URL or standard input.

    `problem` is set when the input is already known to be unreadable (a missing
    path, an unsupported type); reading it then yields that error.
    """

    source: str
    kind: InputKind | None
    path: Path | None = None
    compressed: bool = False
    problem: str | None = None

    def estimated_documents(self) -> int:
        """A cheap guess of how many documents this input holds, for progress bars."""
        if self.path is None or self.problem or self.kind not in _STREAMED:
            return 1
        try:
            with _open(self) as handle:
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        except (OSError, EOFError, zlib.error):
            return 1
        return max(1, lines - (self.kind == "csv"))


def is_stdin(source: str) -> bool:
    return source == STDIN_SOURCE or source.startswith(STDIN_SOURCE + "#")


def expand_inputs(args: Iterable[str], skip: Collection[Path] = ()) -> Iterator[InputRef]:
    """Resolve what the user typed: '-', URLs, files, folders (recursively) and globs.

    Files in `skip` (resolved paths, e.g. the database itself) are left out.
    """
    for arg in args:
        if arg == STDIN:
            yield InputRef(STDIN_SOURCE, None)
        elif is_url(arg):
            yield InputRef(arg, "url")
        elif Path(arg).exists():
            yield from _expand_path(Path(arg), arg, skip)
        elif _GLOB_CHARS & set(arg):
            # Path.glob cannot take an absolute pattern; glob.glob can.
            matches = sorted(glob.glob(arg, recursive=True))  # noqa: PTH207
            if not matches:
                yield InputRef(arg, None, problem="no files match this pattern")
            for match in matches:
                yield from _expand_path(Path(match), match, skip)
        else:
            yield InputRef(arg, None, problem="no such file or directory")


def _expand_path(path: Path, source: str, skip: Collection[Path]) -> Iterator[InputRef]:
    if not path.is_dir():
        if path.resolve() not in skip:
            yield file_ref(path, source)
        return
    found: list[InputRef] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or str(path)
        found.append(InputRef(where, None, problem=f"cannot read this folder ({error.strerror})"))

    for folder, folders, files in os.walk(path, onerror=unreadable):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            child = Path(folder, name)
            if not name.startswith(".") and child.resolve() not in skip:
                found.append(file_ref(child, str(child)))
    yield from sorted(found, key=lambda ref: Path(ref.source))


def _special(path: Path) -> str | None:
    """What a path is when it is not a regular file one can read to its end."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # reading it says why
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def file_ref(path: Path, source: str) -> InputRef:
    special = _special(path)
    if special:
        # it may never end (nothing writes to it) and has no size to check first
        return InputRef(
            source,
            None,
            problem=f"not a regular file ({special}); pipe it in instead: "
            f"storyline ingest - < {source}",
        )
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes.pop()
    kind = SUFFIX_KINDS.get(suffixes[-1]) if suffixes else None
    if kind is None:
        shown = "".join(path.suffixes) or "no extension"
        return InputRef(
            source,
            None,
            path,
            compressed,
            problem=f"unsupported file type ({shown}); storyline reads {_SUPPORTED}",
        )
    return InputRef(source, kind, path, compressed)


def read_input(ref: InputRef, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Every document in one input, and an InputError for each part that failed; an
    input that holds no document at all is an InputError too. Never raises: a reader
    that breaks on odd bytes fails the input (or the record) it was reading."""
    found = False
    try:
        for item in _read(ref, options):
            found = True
            yield item
    except InputError as exc:
        yield exc
    except RecursionError:
        yield InputError(ref.source, "nested too deeply to read")
    except Exception as exc:  # a library choking on odd input must not end the batch
        what = f"{type(exc).__name__}: {exc}"
        yield InputError(ref.source, f"unexpected error while reading ({what})")
    else:
        if not found:
            yield InputError(ref.source, "no documents in it")


def _read(ref: InputRef, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    # --format reads a file whose name says nothing (notes.log) as the format given.
    forced = options.kind is not None and ref.path is not None
    if ref.problem and not forced:
        raise InputError(ref.source, ref.problem)
    kind = options.kind or ref.kind
    if ref.kind == "url":
        yield from _read_url(ref.source, options)
    elif ref.path is None:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        _check_size(ref.source, len(data), options.max_bytes)
        yield from parse_bytes(data, ref.source, options.kind or sniff_kind(data), options)
    elif kind == "jsonl":
        yield from _read_jsonl_file(ref, options)
    elif kind == "csv":
        yield from _read_csv_file(ref, options)
    else:
        assert kind is not None  # file_ref() sets a problem when it is None
        yield from parse_bytes(_read_file(ref, options.max_bytes), ref.source, kind, options)


def parse_bytes(
    data: bytes, source: str, kind: InputKind, options: ReadOptions, *, url: str | None = None
) -> Iterator[RawDocument | InputError]:
    """Documents in the bytes of one input of a known kind."""
    if not data.strip():
        raise InputError(source, "empty file" if not data else "empty file (only whitespace)")
    text, note = decode_bytes(data, source, html=kind == "html")
    if not text.strip():
        raise InputError(source, "empty file (only whitespace)")
    notes = (note,) if note else ()
    if kind == "html":
        yield replace(parse_html(text, source, url=url), notes=notes)
    elif kind == "txt":
        yield replace(parse_text(text, source), url=url, notes=notes)
    elif kind == "jsonl":
        yield from read_jsonl(text, source, options.fields)
    elif kind == "json":
        yield from read_json(text, source, options.fields)
    else:
        yield from read_csv(text, source, options.fields)


def sniff_kind(data: bytes) -> InputKind:
    """Guess the kind of unnamed input (standard input) from its first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] == b"<":
        return "html"
    if head[:1] in (b"{", b"["):
        first_line = data.lstrip().split(b"\n", 1)[0]
        try:
            json.loads(first_line)
        except ValueError:
            return "json"
        return "jsonl" if head[:1] == b"{" else "json"
    return "txt"


def _check_size(source: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(source, f"over the size limit of {format_size(max_bytes)} (--max-size)")


@contextmanager
def _file_errors(source: str) -> Iterator[None]:
    """OS errors while reading a file, as the InputError a user can act on."""
    try:
        yield
    except PermissionError as exc:
        raise InputError(source, "permission denied") from exc
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(source, f"not a valid gzip file ({exc})") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from exc


def _open(ref: InputRef) -> BinaryIO:
    """The file's bytes, decompressed when it is gzip'd."""
    assert ref.path is not None
    if ref.compressed:
        return gzip.open(ref.path, "rb")  # type: ignore[return-value]
    return ref.path.open("rb")


def _check_file_size(ref: InputRef, max_bytes: int) -> None:
    assert ref.path is not None
    size = ref.path.stat().st_size
    if size == 0:
        raise InputError(ref.source, "empty file")
    if not ref.compressed and size > max_bytes:
        raise InputError(
            ref.source,
            f"file is {format_size(size)}, over the size limit of {format_size(max_bytes)}"
            " (--max-size)",
        )


def _read_file(ref: InputRef, max_bytes: int) -> bytes:
    with _file_errors(ref.source):
        _check_file_size(ref, max_bytes)
        with _open(ref) as handle:
            data = handle.read(max_bytes + 1)
    _check_size(ref.source, len(data), max_bytes)
    return data


def _read_jsonl_file(ref: InputRef, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Stream a JSONL file line by line, so a large dump never sits in memory whole;
    each line is read, and fails, on its own."""
    with _file_errors(ref.source):
        assert ref.path is not None
        if ref.path.stat().st_size == 0:
            raise InputError(ref.source, "empty file")
        with _open(ref) as handle:
            for number, raw in _lines(handle, options.max_bytes):
                location = f"{ref.source}#{number}"
                if raw is None:
                    yield InputError(location, _over_limit(options.max_bytes))
                elif raw.strip():
                    yield _jsonl_record(raw, location, options)


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most `max_bytes`; None for a longer one, which is skipped
    without being held in memory. Only "\n" ends a line: U+2028 inside a JSON
    string is text."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
            yield number, None
        else:
            yield number, line


def _over_limit(max_bytes: int) -> str:
    return f"over the size limit of {format_size(max_bytes)} (--max-size)"


def _jsonl_record(raw: bytes, location: str, options: ReadOptions) -> RawDocument | InputError:
    try:
        try:
            line, note = raw.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            line, note = decode_bytes(raw, location)
        document = parse_jsonl_line(line, location, options.fields)
    except InputError as exc:
        return exc
    return replace(document, notes=(note,)) if note else document


def _read_csv_file(ref: InputRef, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Stream a CSV file row by row, in the encoding its first bytes show."""
    with _file_errors(ref.source):
        _check_file_size(ref, options.max_bytes)
        with _open(ref) as handle:
            head = handle.peek(_HEAD_BYTES)[:_HEAD_BYTES]  # type: ignore[attr-defined]
            if not head.strip():
                raise InputError(ref.source, "empty file (only whitespace)")
            encoding, note = text_encoding(head, ref.source, complete=False)
            text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
            for item in csv_records(text, ref.source, options.fields):
                if ref.compressed and handle.tell() > options.max_bytes:
                    raise InputError(ref.source, _over_limit(options.max_bytes) + " decompressed")
                if note and isinstance(item, RawDocument):  # said once, with the first
                    item, note = replace(item, notes=(note,)), None
                yield item


def _read_url(url: str, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    fetched = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes)
    kind = options.kind or CONTENT_TYPE_KINDS.get(fetched.content_type)
    if kind is None:
        raise InputError(url, f"unsupported content type {fetched.content_type}")
    for item in parse_bytes(fetched.body, url, kind, options, url=fetched.final_url):
        if isinstance(item, RawDocument) and kind in ("html", "txt"):
            item = replace(item, kind="url")
        yield item
