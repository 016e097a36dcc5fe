"""/api/documents: list, read one (with mentions and events by offset), add one."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Security
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field

from storyline.connect.fusion import fused_events
from storyline.models import RawDocument
from storyline.present.export import document_record, event_record
from storyline.serve.deps import Limit, Offset, Store, page, without_text

router = APIRouter(prefix="/api/documents", tags=["documents"])


class NewDocument(BaseModel):
    """A document to add: its text or its HTML page, or (when the server allows
    fetching) a URL to read it from."""

    text: str | None = Field(None, description="Plain text; the first line may be the title.")
    html: str | None = Field(None, description="A whole HTML page; main text is extracted.")
    url: str | None = Field(None, description="Where it was published (fetched if alone).")
    source: str | None = Field(
        None,
        description="What the document is to be known by: posting again with the same "
        "source replaces it. By default its URL; without one, each post is a new source.",
    )
    title: str | None = None
    published: str | None = Field(None, description="Publication date, e.g. 2024-05-20.")
    outlet: str | None = None


@router.get("")
def list_documents(
    store: Store,
    limit: Limit = 50,
    offset: Offset = 0,
    story: str | None = None,
    outlet: str | None = None,
) -> dict[str, Any]:
    """Documents in ingest order, optionally of one story or one outlet."""
    story_id = store.story_named(story) if story else None
    total, documents = store.document_page(
        limit=limit, offset=offset, story_id=story_id, outlet=outlet
    )
    return page(total, limit, offset, [without_text(document_record(d)) for d in documents])


@router.get("/{document_id}")
def get_document(store: Store, document_id: str) -> dict[str, Any]:
    """One document with its cleaned text, and its entity mentions and events as
    character offsets into that text (for highlighting)."""
    document = store.get_document(document_id)
    found = [m for m in store.document_mentions(document.id) if m.entity]
    names = store.entity_names(str(m.entity) for m in found)
    record = document_record(document)
    record["mentions"] = [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "type": m.type,
            "entity": m.entity,
            "name": names.get(str(m.entity), ""),
        }
        for m in found
    ]
    record["events"] = [event_record(e) for e in fused_events(store, document_id=document.id)]
    return record


@router.post(
    "",
    status_code=201,
    dependencies=[Security(HTTPBearer(auto_error=False))],  # the Guard checks it
)
def add_document(request: Request, store: Store, body: NewDocument) -> dict[str, Any]:
    """Add a document (bearer token required). Returns what became of it."""
    raw = _raw_document(body, request.app.state.allow_fetch)
    from storyline.pipeline import ingest, ingest_raw

    with request.app.state.writing:
        results = ingest(store, [body.url]) if raw is None and body.url else None
        outcome = ingest_raw(store, [raw]) if raw is not None else []
    if results is not None:
        if results.failures:
            raise HTTPException(422, results.failures[0].message or "could not read it")
        return {"outcome": "fetched", "counts": results.as_dict()}
    [result] = outcome
    if result.outcome.value == "failed":
        raise HTTPException(422, result.message or "could not ingest it")
    return {"outcome": result.outcome.value, "document": result.document_id}


def _raw_document(body: NewDocument, allow_fetch: bool) -> RawDocument | None:
    """The document the request carries; None when it is a URL to fetch."""
    # A post names no file: without a source or URL of its own it is a new source,
    # never the replacement of the post before.
    source = body.source or body.url or f"api:{uuid.uuid4().hex[:16]}"
    if body.html:
        from storyline.read.html import parse_html

        raw = parse_html(body.html, source, url=body.url)
    elif body.text:
        from storyline.read.text import parse_text

        raw = parse_text(body.text, source)
        raw.url = body.url
    else:
        raw = None
    if raw is not None:
        raw.title = body.title or raw.title
        raw.outlet = body.outlet or raw.outlet
        if body.published:
            raw.published, raw.published_basis = body.published, "input"
        return raw
    if body.url:
        if not allow_fetch:
            raise HTTPException(
                403, "this server does not fetch URLs (start it with --allow-fetch)"
            )
        return None
    raise HTTPException(422, "give text, html or url")
