"""What every route shares: a store from the pool, paging parameters and the shape of a
page, and the labels that evidence is shown with."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from storyline.store import SQLiteStore, open_store

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # SQLite takes 64-bit integers; no list is this long

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def _db(request: Request) -> Iterator[SQLiteStore]:
    """A connection of the pool for the length of one request (SQLite in WAL mode lets
    readers run beside the writer)."""
    pool: queue.SimpleQueue[SQLiteStore] = request.app.state.pool
    try:
        store = pool.get_nowait()
    except queue.Empty:
        store = open_store(request.app.state.database, create=False, pooled=True)
    try:
        yield store
    finally:
        pool.put(store)


Store = Annotated[SQLiteStore, Depends(_db)]


def page(total: int, limit: int, offset: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def without_text(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "text"}


def with_sources(store: SQLiteStore, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each piece of evidence with the outlet and title of its document, for display."""
    labels = store.document_labels(p["document"] for r in records for p in r["evidence"])
    for record in records:
        for piece in record["evidence"]:
            label = labels.get(piece["document"])
            if label is not None:
                piece.update(outlet=label.outlet, title=label.title, published=label.published)
    return records
