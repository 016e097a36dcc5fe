"""Read inputs (files, folders, globs, URLs, standard input) into RawDocuments.

One module per input kind; this one finds the inputs and sends each to its reader.
Every problem with one input becomes an InputError in the stream, never an exception
that stops the batch.
"""

from __future__ import annotations

import glob
import gzip
import json
import sys
import zlib
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline.errors import InputError
from storyline.models import InputKind, RawDocument
from storyline.read.decode import decode_bytes
from storyline.read.html import parse_html
from storyline.read.records import FieldNames, parse_jsonl_line, read_csv, read_json, read_jsonl
from storyline.read.text import parse_text
from storyline.read.url import fetch, is_url
from storyline.sizes import format_size

__all__ = [
    "STDIN_SOURCE",
    "FieldNames",
    "InputRef",
    "ReadOptions",
    "expand_inputs",
    "is_stdin",
    "read_input",
]

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
        if (
            self.path is None
            or self.problem
            or self.compressed
            or self.kind not in ("jsonl", "csv")
        ):
            return 1
        try:
            with self.path.open("rb") as handle:
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        except OSError:
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
    for child in sorted(path.rglob("*")):
        hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
        if child.is_file() and not hidden and child.resolve() not in skip:
            yield file_ref(child, str(child))


def file_ref(path: Path, source: str) -> InputRef:
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
    """Every document in one input, and an InputError for each part that failed."""
    # --format reads a file whose name says nothing (notes.log) as the format given.
    forced = options.kind is not None and ref.path is not None
    if ref.problem and not forced:
        yield InputError(ref.source, ref.problem)
        return
    try:
        if ref.kind == "url":
            yield from _read_url(ref.source, options)
        elif ref.path is None:
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            _check_size(ref.source, len(data), options.max_bytes)
            yield from parse_bytes(data, ref.source, options.kind or sniff_kind(data), options)
        elif ref.kind == "jsonl" and not options.kind:
            yield from _read_jsonl_file(ref, options)
        else:
            data = _read_file(ref, options.max_bytes)
            kind = options.kind or ref.kind
            assert kind is not None  # file_ref() sets a problem when it is None
            yield from parse_bytes(data, ref.source, kind, options)
    except InputError as exc:
        yield exc


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


def _read_file(ref: InputRef, max_bytes: int) -> bytes:
    assert ref.path is not None
    with _file_errors(ref.source):
        size = ref.path.stat().st_size
        if not ref.compressed:
            if size > max_bytes:
                raise InputError(
                    ref.source,
                    f"file is {format_size(size)}, over the size limit of {format_size(max_bytes)}"
                    " (--max-size)",
                )
            return ref.path.read_bytes()
        with gzip.open(ref.path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    _check_size(ref.source, len(data), max_bytes)
    return data


def _read_jsonl_file(ref: InputRef, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Stream a JSONL file line by line, so a large dump never sits in memory whole."""
    assert ref.path is not None
    with _file_errors(ref.source):
        if ref.path.stat().st_size == 0:
            raise InputError(ref.source, "empty file")
        with ref.path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield _jsonl_record(raw, f"{ref.source}#{number}", options)


def _jsonl_record(raw: bytes, location: str, options: ReadOptions) -> RawDocument | InputError:
    try:
        _check_size(location, len(raw), options.max_bytes)
        try:
            line, note = raw.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            line, note = decode_bytes(raw, location)
        document = parse_jsonl_line(line, location, options.fields)
    except InputError as exc:
        return exc
    return replace(document, notes=(note,)) if note else document


def _read_url(url: str, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    fetched = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes)
    kind = options.kind or CONTENT_TYPE_KINDS.get(fetched.content_type)
    if kind is None:
        raise InputError(url, f"unsupported content type {fetched.content_type}")
    for item in parse_bytes(fetched.body, url, kind, options, url=fetched.final_url):
        if isinstance(item, RawDocument) and kind in ("html", "txt"):
            item = replace(item, kind="url")
        yield item
