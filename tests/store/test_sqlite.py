from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import NotFoundError, StoreError
from storyline.models import RawDocument
from storyline.pipeline import prepare, store_document
from storyline.store import SQLiteStore, open_store
from storyline.store.migrations import latest_version


def add(store: SQLiteStore, source: str, text: str, title: str | None = None) -> str:
    result = store_document(store, prepare(RawDocument(source, "txt", text, title=title)))
    assert result.document_id is not None
    return result.document_id


def test_new_database_is_migrated_and_in_wal_mode(store: SQLiteStore) -> None:
    assert store.schema_version == latest_version() >= 1
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    open_store(tmp_path / "a.db").close()
    with open_store(tmp_path / "a.db") as again:
        rows = again.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0]
        assert rows == latest_version()


def test_missing_database_is_an_error_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database at"):
        open_store(tmp_path / "nope.db", create=False)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path / "a.db").close()
    conn = sqlite3.connect(tmp_path / "a.db")
    conn.execute("INSERT INTO schema_version VALUES (999, 'future.sql', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this storyline"):
        open_store(tmp_path / "a.db")


def test_get_document_by_id_prefix_and_source(store: SQLiteStore) -> None:
    doc_id = add(store, "a.txt", "Kim Soo-hyun denied the rumours.", "Denial")
    assert store.get_document(doc_id).title == "Denial"
    assert store.get_document(doc_id[:8]).id == doc_id
    assert store.get_document("a.txt").id == doc_id
    with pytest.raises(NotFoundError):
        store.get_document("d_ffffffff")


def test_ambiguous_prefix(store: SQLiteStore) -> None:
    for n in range(17):  # 17 ids, 16 hex digits: two share their first digit
        add(store, f"{n}.txt", f"Article number {n} about a film.")
    with pytest.raises(NotFoundError, match="no document"):
        store.get_document("d_")  # too short to be a prefix
    prefixes: dict[str, list[str]] = {}
    for doc in store.documents():
        prefixes.setdefault(doc.id[:3], []).append(doc.id)
    shared = next(p for p, ids in prefixes.items() if len(ids) > 1)
    with pytest.raises(NotFoundError, match="several documents"):
        store.get_document(shared)


def test_full_text_search(store: SQLiteStore) -> None:
    add(store, "a.txt", "Han So-hee was suspected of an affair with Ryu Jun-yeol.", "Affair")
    add(store, "b.txt", "Song Hye-kyo liked the post from Cannes.", "Like")
    [hit] = store.search("Han So-hee")
    assert hit.title == "Affair" and "\x02" in hit.snippet
    assert store.search("cannes SONG")[0].title == "Like"
    assert store.search("nothing-like-this") == []
    assert len(store.search("affair OR cannes", raw=True)) == 2


def test_search_syntax_error_is_a_user_error(store: SQLiteStore) -> None:
    add(store, "a.txt", "Text.")
    with pytest.raises(Exception, match="cannot search"):
        store.search('"unbalanced', raw=True)


def test_stats(store: SQLiteStore) -> None:
    add(store, "a.txt", "Text one.\n\nSource: Herald Pop")
    stats = store.stats()
    assert stats.documents == 1 and stats.sources == 1
    assert stats.credited_sources == {"Herald Pop": 1}
    assert stats.by_date_basis == {"unknown": 1}
