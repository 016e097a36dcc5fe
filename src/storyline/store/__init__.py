"""Storage: SQLite by default; every SQL statement of storyline lives in this package."""

from __future__ import annotations

from pathlib import Path

from storyline.store.sqlite import SearchHit, SQLiteStore, StoreStats

__all__ = ["SQLiteStore", "SearchHit", "StoreStats", "open_store"]


def open_store(path: str | Path, *, create: bool = True) -> SQLiteStore:
    """Open (and migrate) the store at `path`; with create=False it must exist already."""
    return SQLiteStore(path, create=create)
