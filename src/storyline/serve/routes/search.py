"""/api/search: full-text search over titles and texts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from storyline.serve.deps import Limit, Store

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("")
def search(
    store: Store,
    q: Annotated[str, Query(min_length=1, description="Words, all of which must occur.")],
    limit: Limit = 20,
) -> dict[str, Any]:
    """Full-text search over titles and texts (SQLite FTS5), best first."""
    hits = store.search(q, limit=limit)
    items = [
        {"document": h.document, "title": h.title, "source": h.source, "snippet": h.snippet}
        for h in hits
    ]
    return {"total": len(items), "items": items}
