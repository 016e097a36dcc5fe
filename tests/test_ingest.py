from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import IngestResult, document_id, fingerprint, ingest, prepare
from storyline.models import Outcome, RawDocument
from storyline.store import SQLiteStore


def test_sample_corpus_ingests_once(store: SQLiteStore, examples: Path) -> None:
    first = ingest(store, [str(examples)])
    assert first.counts[Outcome.INGESTED] == 11 and first.failed == 0
    again = ingest(store, [str(examples)])
    assert again.counts[Outcome.UNCHANGED] == 11
    assert again.counts[Outcome.INGESTED] == 0
    assert store.count_documents() == 11


def test_copy_under_another_name_is_a_duplicate(store: SQLiteStore, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nThe same article text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\nThe  same article TEXT.", encoding="utf-8")
    summary = ingest(store, [str(tmp_path)])
    assert summary.counts[Outcome.INGESTED] == 1 and summary.counts[Outcome.DUPLICATE] == 1
    assert store.count_documents() == 1
    assert store.get_document(str(tmp_path / "b.txt")).source == str(tmp_path / "a.txt")


def test_same_text_at_another_url_is_stored_and_marked(store: SQLiteStore, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"url": f"https://news.example/{n}", "text": "Syndicated wire copy."} for n in (1, 2)
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    ingest(store, [str(feed)])
    first, second = store.documents()
    assert second.duplicate_of == first.id and first.duplicate_of is None


def test_changed_file_replaces_its_document(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nFirst version.", encoding="utf-8")
    ingest(store, [str(path)])
    path.write_text("Title\n\nSecond version, corrected.", encoding="utf-8")
    summary = ingest(store, [str(path)])
    assert summary.counts[Outcome.UPDATED] == 1
    [doc] = store.documents()
    assert doc.text == "Second version, corrected."
    assert store.search("First") == []


def test_mixed_folder_good_files_land_and_bad_ones_are_named(
    store: SQLiteStore, examples: Path
) -> None:
    bad = {
        "empty.txt": b"",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "broken.jsonl": b'{"text": "Fine record."}\n{"text": broken\n',
        "slides.pdf": b"%PDF-1.7",
        "latin1.txt": "Title\n\nThe caf\u00e9 reopened on Friday, the owner said, after a "
        "long and costly renovation of the fa\u00e7ade.".encode("latin-1"),
    }
    for name, data in bad.items():
        (examples / name).write_bytes(data)
    seen: list[IngestResult] = []
    summary = ingest(store, [str(examples), str(examples / "missing.txt")], on_result=seen.append)
    failed = {Path(r.source).name: r.message for r in seen if r.outcome is Outcome.FAILED}
    assert failed == {
        "empty.txt": "empty file",
        "photo.txt": "binary file (a PNG image), not text",
        "broken.jsonl#2": "malformed JSON (Expecting value at column 10)",
        "slides.pdf": failed["slides.pdf"],
        "missing.txt": "no such file or directory",
    }
    assert "unsupported file type (.pdf)" in (failed["slides.pdf"] or "")
    assert summary.failed == 5
    # 11 sample documents, the good record of broken.jsonl, and the latin-1 file
    assert summary.counts[Outcome.INGESTED] == 13 == store.count_documents()
    [latin] = [r for r in seen if r.source.endswith("latin1.txt")]
    assert latin.notes and "not UTF-8" in latin.notes[0]


def test_a_failed_write_leaves_nothing_behind(
    store: SQLiteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nAn article.", encoding="utf-8")

    def fail(source: str, document_id: str, input_hash: str) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "set_source", fail)
    summary = ingest(store, [str(tmp_path / "a.txt")])
    assert summary.failed == 1 and "disk on fire" in (summary.failures[0].message or "")
    assert store.count_documents() == 0  # the insert before the failure was rolled back


def test_prepare_removes_repeated_headline_and_dates_from_content() -> None:
    raw = RawDocument(
        "x.html",
        "html",
        "Stars fly to Cannes\n\nOn the morning of May 19, she left for the 2024 Cannes "
        "Film Festival.\n\nSource: Herald Pop",
        title="Stars fly to Cannes",
    )
    doc = prepare(raw).document
    assert doc.text.startswith("On the morning of May 19")
    assert (doc.published.value, doc.published.basis) == ("2024-05", "content")
    assert doc.credited_sources == ("Herald Pop",)
    assert doc.language == "en"


def test_identity_folds_case_and_spacing_but_not_urls() -> None:
    assert fingerprint("A  b\nC") == fingerprint("a b c")
    h = fingerprint("text")
    assert document_id(h, None) != document_id(h, "https://a.example/1")
    assert document_id(h, None).startswith("d_") and len(document_id(h, None)) == 18
