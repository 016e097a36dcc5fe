from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.analyse.annotate import Annotation, Annotator
from storyline.connect.fusion import fused_events
from storyline.models import Outcome, RawDocument
from storyline.pipeline import (
    INPUT,
    STAGES,
    IngestResult,
    document_id,
    fingerprint,
    ingest,
    prepare,
)
from storyline.store import SQLiteStore
from tests.conftest import CLI
from tests.read.test_inputs import input_file


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


def test_a_text_over_a_million_characters_is_stored_with_the_rest(
    store: SQLiteStore, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"good{n}.txt").write_text(f"Title {n}\n\nArticle {n}.", encoding="utf-8")
    # one long run of a single token parses fast, yet spaCy refuses it whole
    huge = "Huge\n\nActress Baek Ji-hoon spoke on Friday.\n\n" + "x" * 1_050_000 + "\n\nEnd."
    (inbox / "huge.txt").write_text(huge, encoding="utf-8")
    summary = ingest(store, [str(inbox)])
    assert summary.failed == 0 and store.count_documents() == 4
    document = store.get_document(str(inbox / "huge.txt"))
    assert document.text.endswith("x\n\nEnd.")
    [mention] = [m for m in store.document_mentions(document.id) if m.text == "Baek Ji-hoon"]
    assert document.text[mention.start : mention.end] == "Baek Ji-hoon"


class _CountingAnnotator(Annotator):
    """The real annotator, noting the batches it is given; it breaks on 'EXPLODE'."""

    def __init__(self, batch_size: int) -> None:
        super().__init__(batch_size=batch_size)
        self.batches: list[int] = []

    def annotate_many(self, texts: Iterable[str]) -> Iterator[Annotation]:
        texts = list(texts)
        self.batches.append(len(texts))
        if any("EXPLODE" in t for t in texts):
            raise MemoryError("the parser gave up")
        return super().annotate_many(texts)


def test_records_are_annotated_and_stored_a_batch_at_a_time(
    store: SQLiteStore, tmp_path: Path
) -> None:
    records = [{"text": f"Record {n} of a long dump."} for n in range(10)]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    annotator = _CountingAnnotator(batch_size=4)
    stored_when_seen: list[int] = []

    def seen(result: IngestResult) -> None:
        stored_when_seen.append(store.count_documents())

    summary = ingest(store, [str(tmp_path / "dump.jsonl")], on_result=seen, annotator=annotator)
    assert summary.counts[Outcome.INGESTED] == 10
    assert annotator.batches == [4, 4, 2]  # not the whole file at once
    assert stored_when_seen[0] == 1


def test_a_document_that_breaks_the_parser_fails_alone(store: SQLiteStore, tmp_path: Path) -> None:
    records = [{"text": f"Record {n}."} for n in range(3)] + [{"text": "EXPLODE here."}]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    seen: list[IngestResult] = []
    annotator = _CountingAnnotator(batch_size=8)
    summary = ingest(store, [str(tmp_path / "dump.jsonl")], on_result=seen.append,
                     annotator=annotator)  # fmt: skip
    assert summary.counts[Outcome.INGESTED] == 3 and summary.failed == 1
    [failed] = summary.failures
    assert failed.source.endswith("dump.jsonl#4")
    assert failed.message == "could not annotate it (MemoryError: the parser gave up)"


def test_dates_off_the_calendar_are_unknown_not_lost(store: SQLiteStore, tmp_path: Path) -> None:
    day = "2011-05-02"
    records = [
        {"text": "Baek Ji-hoon will star in a drama next year.", "published": "9999-12-31T23:59Z"},
        {"text": "People lived there 7,000 years ago, Moon Seul-gi said.", "published": day},
        {"text": "Kwon Nayeon said 99999999 days ago was long ago.", "published": day},
    ]
    (tmp_path / "dates.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    seen: list[IngestResult] = []
    summary = ingest(store, [str(tmp_path / "dates.jsonl")], on_result=seen.append)
    assert summary.failed == 0 and store.count_documents() == 3
    first = store.get_document(f"{tmp_path}/dates.jsonl#1")
    assert first.published.value is None
    assert "out of range" in seen[0].notes[0]
    assert all(e.time.value is None for e in fused_events(store, document_id=first.id))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(input_file(), min_size=1, max_size=3))
def test_ingesting_any_files_completes_and_names_each_failure(
    files: list[tuple[str, bytes]],
) -> None:
    """The batch completes; each input is stored or named on one `failed:` line."""
    with tempfile.TemporaryDirectory() as folder:
        inbox = Path(folder) / "inbox"
        inbox.mkdir()
        paths = []
        for n, (name, data) in enumerate(files):
            paths.append(inbox / f"{n}{name}")
            paths[-1].write_bytes(data)
        (inbox / "good.txt").write_text("Good\n\nActor Baek Ji-hoon spoke.", encoding="utf-8")
        db = Path(folder) / "fuzz.db"
        result = CLI(db)("ingest", str(inbox))
        assert result.exit_code in (0, 1) and not isinstance(result.exception, Exception), (
            result.output
        )
        failed = re.findall(r"^failed: (.+?)(?:#\d+)?: .+$", result.output, re.MULTILINE)
        with sqlite3.connect(db) as connection:
            rows = connection.execute("SELECT source FROM document_sources").fetchall()
        stored = {source.split("#")[0] for (source,) in rows}
        assert str(inbox / "good.txt") in stored
        # a record that names its own URL is stored under it, not under its file
        own_urls = {s for s in stored if not s.startswith(str(inbox))}
        for path in paths:
            records = path.suffix in {".csv", ".jsonl", ".json", ".gz"} and own_urls
            assert str(path) in stored or str(path) in failed or records, result.output


def test_stages_are_declared_in_an_order_that_works() -> None:
    known = set(INPUT)
    for stage in STAGES:
        assert set(stage.needs) <= known, f"{stage.name} needs {set(stage.needs) - known}"
        known |= set(stage.sets)
    # nothing is annotated before it is prepared, nor stored before it is annotated
    rank = {"prepare": 0, "annotate": 1, "store": 2, "analyse": 2}
    ranks = [rank[stage.phase] for stage in STAGES]
    assert ranks == sorted(ranks)
    assert all(stage.run is not None for stage in STAGES if stage.phase != "annotate")
