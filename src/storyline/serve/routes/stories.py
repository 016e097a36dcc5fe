"""/api/stories: the stories, the biggest first, and one story's page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from storyline.present.export import document_record, event_record, relation_record, story_record
from storyline.present.pages import story_page
from storyline.serve.deps import Limit, Offset, Store, page, with_sources, without_text

router = APIRouter(prefix="/api/stories", tags=["stories"])


@router.get("")
def list_stories(store: Store, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stories, the biggest first: title, span, documents, outlets."""
    items = []
    for story in store.stories(limit=limit, offset=offset):
        record = story_record(store, story)
        record["outlets"] = store.story_outlets(story.id)
        record["size"] = len(story.documents)
        items.append(record)
    return page(store.count_stories(), limit, offset, items)


@router.get("/{story_id}")
def get_story(store: Store, story_id: str) -> dict[str, Any]:
    """One story: its documents, entities, events, relations and span."""
    found = story_page(store, story_id)
    story = found.story
    return {
        "id": story.id,
        "title": story.title,
        "documents": [without_text(document_record(d)) for d in found.documents],
        "entities": [{"id": e, "name": name} for e, name in found.entities],
        "first": story.first,
        "last": story.last,
        "outlets": found.outlets,
        "events": with_sources(store, [event_record(e) for e in found.events]),
        "relations": [relation_record(r) for r in found.relations],
    }
