from __future__ import annotations

import ast
import gzip
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.models import RawDocument
from storyline.read import FieldNames, ReadOptions, expand_inputs, read_input
from storyline.read.decode import decode_bytes
from storyline.read.inputs import parse_bytes, sniff_kind
from storyline.read.text import split_title
from tests.conftest import EXAMPLES


def read_all(path: Path | str, **options: object) -> list[RawDocument | InputError]:
    opts = ReadOptions(**options)  # type: ignore[arg-type]
    return [item for ref in expand_inputs([str(path)]) for item in read_input(ref, opts)]


def test_text_title_is_the_first_line_when_it_looks_like_one() -> None:
    title, body = split_title("A Headline\n\nThe body.")
    assert (title, body.strip()) == ("A Headline", "The body.")
    assert split_title("This is a sentence.\nAnother one.")[0] is None
    assert split_title("Only one line")[0] is None


def test_folder_is_read_recursively_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Title\n\nBody text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    refs = list(expand_inputs([str(tmp_path)]))
    assert [Path(r.source).name for r in refs] == ["a.txt"]


def test_glob_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("T\n\nBody.", encoding="utf-8")
    refs = list(expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt")]))
    assert refs[0].kind == "txt" and refs[0].problem is None
    assert refs[1].problem == "no such file or directory"
    assert next(iter(expand_inputs([str(tmp_path / "*.csv")]))).problem == (
        "no files match this pattern"
    )


def test_unsupported_type_is_named(tmp_path: Path) -> None:
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    [error] = read_all(tmp_path / "slides.pdf")
    assert isinstance(error, InputError)
    assert "unsupported file type (.pdf)" in error.reason


def test_jsonl_records_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "First.", "title": "One"})
        + "\n{not json\n\n"
        + json.dumps({"content": "Second.", "url": "https://x.example/2", "date": "2024-01-02"})
        + "\n"
        + json.dumps({"title": "no text"})
        + "\n",
        encoding="utf-8",
    )
    first, bad, second, missing = read_all(path)
    assert isinstance(first, RawDocument) and first.source == f"{path}#1"
    assert isinstance(bad, InputError) and bad.source == f"{path}#2"
    assert "malformed JSON" in bad.reason
    assert isinstance(second, RawDocument)
    assert (second.source, second.url, second.published) == (
        "https://x.example/2",
        "https://x.example/2",
        "2024-01-02",
    )
    assert isinstance(missing, InputError) and missing.source == f"{path}#5"


def test_json_array_and_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps({"items": [{"maintext": "Body one."}, {"maintext": "Two."}]}))
    docs = read_all(path, fields=FieldNames(text=("maintext",)))
    assert [d.text for d in docs if isinstance(d, RawDocument)] == ["Body one.", "Two."]


def test_csv_with_bom_and_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes(
        b'\xef\xbb\xbftitle,body,published\n"A","line one\n\nline two",2024-05-01\n"B","x",\n'
    )
    first, second = read_all(path)
    assert isinstance(first, RawDocument) and first.text == "line one\n\nline two"
    assert first.published == "2024-05-01" and first.source == f"{path}#2"
    assert isinstance(second, RawDocument) and second.source == f"{path}#5"


def test_html_metadata(tmp_path: Path) -> None:
    [doc] = read_all(EXAMPLES / "kwavetimes_agency_denial.html")
    assert isinstance(doc, RawDocument)
    assert doc.outlet == "K-Wave Times"
    assert doc.published == "2025-06-16" and doc.published_basis == "metadata"
    assert doc.url and doc.url.endswith("yoon-ha-rin-kang-do-jin-denial")
    assert "Copyright" not in doc.text and "Most read" not in doc.text


def test_gzipped_html(tmp_path: Path) -> None:
    html = "<html><head><title>T</title></head><body><article><p>" + "Word " * 80 + "</p>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html.encode()))
    [doc] = read_all(tmp_path / "page.html.gz")
    assert isinstance(doc, RawDocument) and "Word Word" in doc.text


def test_broken_gzip(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(b"\x1f\x8bnot really")
    [error] = read_all(tmp_path / "page.html.gz")
    assert isinstance(error, InputError) and "gzip" in error.reason


def test_size_cap(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Title\n\n" + "x" * 2000, encoding="utf-8")
    [error] = read_all(tmp_path / "big.txt", max_bytes=1000)
    assert isinstance(error, InputError) and "over the size limit of 1 KB" in error.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image), not text"),
        (b"abc\x00\x00\x01def", "binary file (binary data), not text"),
    ],
)
def test_bad_files(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    [error] = read_all(tmp_path / "bad.txt")
    assert isinstance(error, InputError) and error.reason == reason


def test_non_utf8_falls_back_and_says_so() -> None:
    original = (
        "The café on the corner “reopened” on Friday – after a naïve renovation, "
        "the owner said. Crème brûlée is back on the menu, and so is the façade. " * 3
    )
    text, note = decode_bytes(original.encode("cp1252"), "x.txt")
    assert text == original
    assert note is not None and note.startswith("not UTF-8; decoded as")


def test_declared_charset_wins_for_html() -> None:
    page = '<html><head><meta charset="euc-kr"></head><body>서울</body></html>'
    text, note = decode_bytes(page.encode("euc-kr"), "p.html", html=True)
    assert "서울" in text and note is not None and "euc-kr" in note


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"<!doctype html><p>x", "html"),
        (b'{"text": "a"}\n{"text": "b"}', "jsonl"),
        (b'[{"text": "a"}]', "json"),
        (b"Title\n\nBody", "txt"),
    ],
)
def test_sniffing_stdin(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


def test_url_fetch_from_a_real_local_server(http_root: tuple[Path, str]) -> None:
    root, base = http_root
    body = "<p>" + "The agency denied the dating rumours on Monday. " * 10 + "</p>"
    (root / "story.html").write_text(
        f"<html><head><title>Denial</title></head><body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    [doc] = read_all(f"{base}/story.html")
    assert isinstance(doc, RawDocument)
    assert doc.kind == "url" and doc.source == f"{base}/story.html"
    assert "agency denied" in doc.text


def test_url_errors_are_input_errors(http_root: tuple[Path, str]) -> None:
    root, base = http_root
    (root / "big.txt").write_text("x" * 5000, encoding="utf-8")
    [missing] = read_all(f"{base}/missing.html")
    assert isinstance(missing, InputError) and missing.reason.startswith("HTTP 404")
    [big] = read_all(f"{base}/big.txt", max_bytes=1000)
    assert isinstance(big, InputError) and "over the 1 KB limit" in big.reason
    [refused] = read_all("http://127.0.0.1:9/nothing", timeout=2)
    assert isinstance(refused, InputError) and "cannot fetch" in refused.reason


def test_format_option_reads_an_unknown_extension(tmp_path: Path) -> None:
    (tmp_path / "notes.log").write_text("Title\n\nA plain article.", encoding="utf-8")
    [doc] = read_all(tmp_path / "notes.log", kind="txt")
    assert isinstance(doc, RawDocument) and doc.title == "Title"


def test_gzipped_jsonl_and_csv_are_read_as_records(tmp_path: Path) -> None:
    records = [{"text": f"Record number {n}.", "title": f"T{n}"} for n in (1, 2)]
    lines = "\n".join(json.dumps(r) for r in records) + "\n"
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    table = 'title,text\nA,"First, with a comma."\nB,"Second ""quoted""."\n'
    (tmp_path / "table.csv.gz").write_bytes(gzip.compress(table.encode()))
    found = read_all(tmp_path)
    assert [d.source for d in found if isinstance(d, RawDocument)] == [
        f"{tmp_path}/dump.jsonl.gz#1",
        f"{tmp_path}/dump.jsonl.gz#2",
        f"{tmp_path}/table.csv.gz#2",
        f"{tmp_path}/table.csv.gz#3",
    ]
    assert found[3].text == 'Second "quoted".'  # type: ignore[union-attr]


def test_a_bad_record_fails_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First."}),
        "[" * 200_000,  # nested past the parser's recursion limit
        json.dumps({"text": "Third.", "url": "http://[::1"}),  # an invalid URL is kept
        '{"text": "Fourth',
        json.dumps({"text": "Fifth."}),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines), encoding="utf-8")
    found = read_all(tmp_path / "dump.jsonl")
    assert [type(item).__name__ for item in found] == [
        "RawDocument", "InputError", "RawDocument", "InputError", "RawDocument"
    ]  # fmt: skip
    assert found[1].source.endswith("dump.jsonl#2") and "nested" in str(found[1])


def test_only_a_newline_ends_a_json_line() -> None:
    # U+2028 and U+0085 are allowed unescaped inside JSON strings
    data = '{"text": "One\u2028record\u0085with breaks."}\n{"text": "Two."}\n'.encode()
    found = list(parse_bytes(data, "<stdin>", "jsonl", ReadOptions()))
    assert [d.text for d in found if isinstance(d, RawDocument)] == [
        "One\u2028record\u0085with breaks.",
        "Two.",
    ]


def test_an_overlong_jsonl_line_is_skipped_not_held(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x" * 5000}), json.dumps({"text": "Short."})]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines), encoding="utf-8")
    big, small = read_all(tmp_path / "dump.jsonl", max_bytes=1000)
    assert isinstance(big, InputError) and big.source.endswith("#1")
    assert "size limit" in big.reason
    assert isinstance(small, RawDocument) and small.text == "Short."


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("header.csv", b"title,text\n", "only a header row, no records"),
        ("blank.jsonl", b"\n\n   \n", "no documents in it"),
        ("list.json", b"[]", "no documents in it"),
    ],
)
def test_an_input_without_documents_is_reported(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    [error] = read_all(tmp_path / name)
    assert isinstance(error, InputError) and error.reason == reason


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)  # nothing ever writes to it: opening it would wait forever
    for found in (read_all(pipe), read_all(tmp_path)):
        [error] = found
        assert isinstance(error, InputError) and "not a regular file (a named pipe)" in str(error)


def test_an_unreadable_folder_is_reported() -> None:
    # pytest's tmp_path lies in a folder only its owner may enter
    inbox = Path(tempfile.mkdtemp(prefix="storyline-")) / "inbox"
    (inbox / "locked").mkdir(parents=True)
    (inbox / "a.txt").write_text("Title\n\nText.", encoding="utf-8")
    inbox.parent.chmod(0o755)
    (inbox / "locked").chmod(0o000)
    try:
        found = _unprivileged(lambda: [(r.source, r.problem) for r in expand_inputs([str(inbox)])])
    finally:
        (inbox / "locked").chmod(0o755)
        shutil.rmtree(inbox.parent)
    assert found == [
        (str(inbox / "a.txt"), None),
        (str(inbox / "locked"), "cannot read this folder (Permission denied)"),
    ]


def _unprivileged(work: Callable[[], object]) -> object:
    """`work()` done by a user a mode-000 folder stops (root reads every folder): in a
    forked child that gives up root, so it needs no file the other user cannot read."""
    if os.geteuid() != 0:
        return work()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child)
        os.close(reader)
        try:
            os.setgid(65534)
            os.setuid(65534)
            os.write(writer, repr(work()).encode())
        except BaseException as exc:
            os.write(writer, repr(repr(exc)).encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        printed = pipe.read()
    os.waitpid(child, 0)
    return ast.literal_eval(printed)


# Fuzzing: whatever bytes a file holds, reading it yields documents and one-line errors
# naming the file (or its record), and never raises.

_TEXTS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from("\u2028\x85\x00\x1b\"',\n"),
    max_size=60,
)
_RECORD = st.fixed_dictionaries(
    {}, optional={"text": _TEXTS, "title": _TEXTS, "published": _TEXTS, "outlet": _TEXTS}
)


@st.composite
def _jsonl(draw: st.DrawFn) -> bytes:
    lines = [
        json.dumps(r, ensure_ascii=draw(st.booleans())) for r in draw(st.lists(_RECORD, max_size=4))
    ]
    if draw(st.booleans()):
        depth = draw(st.integers(1, 3000))
        lines.insert(
            draw(st.integers(0, len(lines))), "[" * depth + "]" * draw(st.integers(0, depth))
        )
    data = "\n".join(lines).encode("utf-8")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@st.composite
def _csv(draw: st.DrawFn) -> bytes:
    cell = _TEXTS.map(lambda t: '"' + t.replace('"', '""') + '"') | _TEXTS
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=3), max_size=4))
    header = draw(st.sampled_from(["title,text", "text", "headline,body,url", ""]))
    return "\n".join([header, *(",".join(r) for r in rows)]).encode("utf-8")


def _encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    codecs = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "shift_jis"])
    return st.tuples(text, codecs).map(lambda tc: tc[0].encode(tc[1], errors="replace"))


_CONTENTS = st.one_of(
    st.binary(max_size=300),
    _jsonl(),
    _csv(),
    _encoded(_TEXTS),
    st.builds(lambda r: json.dumps(r).encode(), st.lists(_RECORD, max_size=3) | _RECORD),
)
_NAMES = st.sampled_from(
    ["a.txt", "a.html", "a.jsonl", "a.json", "a.csv", "a.jsonl.gz", "a.csv.gz", "a.txt.gz"]
)


@st.composite
def input_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name storyline reads, and bytes that may or may not fit it."""
    name, data = draw(_NAMES), draw(_CONTENTS)
    if name.endswith(".gz"):
        data = gzip.compress(data)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]  # a download cut short
    return name, data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(input_file())
def test_reading_any_bytes_yields_documents_or_one_line_errors(
    file: tuple[str, bytes],
) -> None:
    name, data = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        found = read_all(path)
    assert found
    for item in found:
        assert isinstance(item, RawDocument | InputError)
        if isinstance(item, InputError):
            assert item.source == str(path) or item.source.startswith(f"{path}#")
            assert "\n" not in item.reason and item.reason


def test_a_record_url_of_control_characters_alone_is_no_url() -> None:
    # a terminal shows nothing of it, so a failure naming it would name nothing
    data = b'{"url": "\\u0007", "text": "A record."}\n'
    [record] = parse_bytes(data, "records.jsonl", "jsonl", ReadOptions())
    assert isinstance(record, RawDocument)
    assert record.source == "records.jsonl#1" and record.url is None
