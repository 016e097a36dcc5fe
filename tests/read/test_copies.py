"""Near-duplicates: signatures, the LSH index in the store, and ingest marking copies.

Texts are written for the tests (fictional outlets and people)."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.pipeline import ingest, reannotate
from storyline.read.copies import NEAR_DUPLICATE, shingles, signature, similarity
from storyline.store import SQLiteStore

ARTICLE = " ".join(
    f"Actor Baek Ji-hoon spoke about the drama Winter Lantern in scene {n}, saying the "
    f"harbour town of Seogwipo felt like home after {n} weeks of night shoots."
    for n in range(1, 13)
)


def write(folder: Path, name: str, title: str, text: str) -> str:
    path = folder / name
    path.write_text(json.dumps({"title": title, "text": text}) + "\n", encoding="utf-8")
    return str(path)


def test_signatures_estimate_shared_wording() -> None:
    copy = ARTICLE + " Copyright Tidewater News. All rights reserved."
    assert similarity(signature(ARTICLE), signature(copy)) >= NEAR_DUPLICATE
    other = "Singer Moon Ha-rin released a new album about the sea on Friday. " * 8
    assert similarity(signature(ARTICLE), signature(other)) < 0.2
    assert shingles("One two three") == {b"one two three"}


def test_a_copy_with_another_headline_and_footer_is_a_duplicate(
    store: SQLiteStore, tmp_path: Path
) -> None:
    first = write(tmp_path, "a.jsonl", "Baek Ji-hoon on Winter Lantern", ARTICLE)
    copy = ARTICLE + "\n\nRead more on Bora News. Follow us on X."
    second = write(tmp_path, "b.jsonl", "Baek opens up about night shoots", copy)
    again = write(tmp_path, "c.jsonl", "Syndicated: Baek Ji-hoon", copy + " Photo: Tidewater.")
    other = write(tmp_path, "d.jsonl", "Moon Ha-rin", "Singer Moon Ha-rin released an album. " * 9)
    messages: list[str] = []
    summary = ingest(
        store, [first, second, again, other], on_result=lambda r: messages.append(r.message or "")
    )
    assert summary.failed == 0
    [original, copy_doc, copy_of_copy, unrelated] = store.documents()
    assert original.duplicate_of is None
    assert copy_doc.duplicate_of == original.id
    assert copy_of_copy.duplicate_of == original.id  # a copy of a copy: the original
    assert unrelated.duplicate_of is None
    assert messages[1].startswith(f"a near-copy of {original.id} (")


def test_documents_stored_before_signatures_get_them(store: SQLiteStore, tmp_path: Path) -> None:
    ingest(store, [write(tmp_path, "a.jsonl", "One", ARTICLE)])
    ingest(store, [write(tmp_path, "b.jsonl", "Two", ARTICLE + " Follow us on X for more.")])
    with store.transaction():  # as an older storyline left them
        store.conn.execute("DELETE FROM document_minhash")
        store.conn.execute("DELETE FROM minhash_bands")
        store.conn.execute("UPDATE documents SET duplicate_of = NULL")
    reannotate(store)
    assert store.documents_without_signature() == []
    first, second = store.documents()
    assert second.duplicate_of == first.id
