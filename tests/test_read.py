from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.models import RawDocument
from storyline.read import FieldNames, ReadOptions, expand_inputs, read_input, sniff_kind
from storyline.read.decode import decode_bytes
from storyline.read.text import split_title


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
    [doc] = read_all(Path(__file__).parents[1] / "examples/corpus/kwavetimes_agency_denial.html")
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
