"""/api/events, /api/timeline and /api/graph: what happened, and who is what to whom."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from storyline.present.export import entry_record, event_record
from storyline.present.graph import story_graph
from storyline.present.pages import event_list
from storyline.present.timeline import timeline, timeline_page
from storyline.serve.deps import Limit, Offset, Store, page, with_sources

router = APIRouter(prefix="/api")


@router.get("/events", tags=["events"])
def list_events(
    store: Store,
    limit: Limit = 50,
    offset: Offset = 0,
    entity: str | None = None,
    type: Annotated[str | None, Query(description="A type or a glob: social.*")] = None,
    modality: str | None = None,
    since: Annotated[str | None, Query(description="Earliest date, e.g. 2024-05")] = None,
    until: Annotated[str | None, Query(description="Latest date, e.g. 2024-06-30")] = None,
) -> dict[str, Any]:
    """Events in time order, filtered by participant, type, modality and dates."""
    total, events = event_list(
        store,
        limit=limit,
        offset=offset,
        entity_ids=[store.entity_named(entity)] if entity else (),
        type_pattern=type,
        modality=modality,
        since=since,
        until=until,
    )
    return page(total, limit, offset, [event_record(e) for e in events])


@router.get("/timeline", tags=["timelines"])
def get_timeline(
    store: Store,
    story: str | None = None,
    entity: str | None = None,
    pair: Annotated[list[str] | None, Query(description="Two names: pair=A&pair=B")] = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The timeline of a story, an entity or a pair, as `storyline timeline` prints it,
    a page at a time: entries with date, text, modality, outlets and evidence."""
    if sum(bool(x) for x in (story, entity, pair)) != 1:
        raise HTTPException(400, "give one of story=, entity= or pair= (twice)")
    if pair is not None:
        if len(pair) != 2:
            raise HTTPException(400, "pair= takes two entities: pair=A&pair=B")
        both = (store.entity_named(pair[0]), store.entity_named(pair[1]))
        entries = timeline(store, pair=both)
        total, entries = len(entries), entries[offset : offset + limit]
    else:
        total, entries = timeline_page(
            store,
            limit=limit,
            offset=offset,
            story_id=store.story_named(story) if story else None,
            entity_ids=[store.entity_named(entity)] if entity else (),
        )
    records = with_sources(store, [entry_record(e) for e in entries])
    return {"total": total, "limit": limit, "offset": offset, "entries": records}


@router.get("/graph", tags=["graph"])
def get_graph(store: Store, story: str | None = None, entity: str | None = None) -> dict[str, Any]:
    """Nodes (entities) and edges (relations) of a story or around an entity."""
    if bool(story) == bool(entity):
        raise HTTPException(400, "give one of story= or entity=")
    graph = story_graph(
        store,
        story_id=store.story_named(story) if story else None,
        entity_ids=[store.entity_named(entity)] if entity else (),
    )
    return {
        "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)],
        "edges": [
            {"id": key, "source": a, "target": b, **data}
            for a, b, key, data in graph.edges(keys=True, data=True)
        ],
    }
