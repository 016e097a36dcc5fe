"""Storage: SQLite by default; every SQL statement of storyline lives in this package."""

from __future__ import annotations

from pathlib import Path

from storyline.store.sqlite import SearchHit, SQLiteStore, StoreStats

__all__ = ["SQLiteStore", "SearchHit", "StoreStats", "open_store"]


def open_store(path: str | Path, *, create: bool = True, pooled: bool = False) -> SQLiteStore:
    """Open (and migrate) the store at `path`; with create=False it must exist already.
    A `pooled` store may be used from one thread after another."""
    return SQLiteStore(path, create=create, pooled=pooled)
