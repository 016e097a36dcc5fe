"""Export the store as one storyline/v1 object (the contract evaluation tools read)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from storyline.connect.fusion import fused_events
from storyline.connect.relations import relations
from storyline.connect.stories import story_entities
from storyline.models import Conflict, Document, Entity, Event, Evidence, Relation, Story, TimeValue
from storyline.present.timeline import Entry
from storyline.store import SQLiteStore

SCHEMA = "storyline/v1"


def document_record(doc: Document) -> dict[str, Any]:
    """A document as the export schema spells it (plus a few extra fields)."""
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "credited_sources": list(doc.credited_sources),
        "language": doc.language,
        "published": {
            "value": doc.published.value,
            "precision": doc.published.precision,
            "basis": doc.published.basis,
        },
        "story": doc.story,
        "duplicate_of": doc.duplicate_of,
        "kind": doc.kind,
        "text": doc.text,
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "accounts": list(entity.accounts),
        "documents": list(entity.documents),
        "mentions": entity.mentions,
    }


def _evidence(pieces: Iterable[Evidence]) -> list[dict[str, Any]]:
    return [
        {"document": e.document, "start": e.start, "end": e.end, "text": e.text} for e in pieces
    ]


def _conflicts(conflicts: Iterable[Conflict]) -> list[dict[str, Any]]:
    return [{"field": c.field, "value": c.value, "documents": list(c.documents)} for c in conflicts]


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "participants": [
            {"role": p.role, "entity": p.entity, "name": p.name} for p in event.participants
        ],
        "time": {
            "value": event.time.value,
            "precision": event.time.precision,
            "text": event.time.text,
        },
        "modality": event.modality,
        "summary": event.summary,
        "quote": event.quote,
        "evidence": _evidence(event.evidence),
        "outlets": event.outlets,
        "conflicts": _conflicts(event.conflicts),
    }


def _time(value: TimeValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"value": value.value, "precision": value.precision, "text": value.text}


def relation_record(relation: Relation) -> dict[str, Any]:
    return {
        "id": relation.id,
        "type": relation.type,
        "subject": relation.subject,
        "object": relation.object,
        "since": _time(relation.since),
        "until": _time(relation.until),
        "modality": relation.modality,
        "events": relation.events,
        "evidence": _evidence(relation.evidence),
    }


def entry_record(entry: Entry) -> dict[str, Any]:
    """A timeline entry; `date` and `text` are what timeline scorers read."""
    return {
        "date": entry.date,
        "precision": entry.precision,
        "text": entry.text,
        "undated": entry.undated,
        "modality": entry.modality,
        "outlets": entry.outlets,
        "event": entry.event,
        "type": entry.type,
        "evidence": _evidence(entry.evidence),
        "conflicts": _conflicts(entry.conflicts),
    }


def story_record(store: SQLiteStore, story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "documents": list(story.documents),
        "entities": story_entities(store, story.id),
        "first": story.first,
        "last": story.last,
    }


def export_json(store: SQLiteStore) -> dict[str, Any]:
    """Everything storyline knows, in schema storyline/v1."""
    events = fused_events(store)
    return {
        "schema": SCHEMA,
        "documents": [document_record(doc) for doc in store.documents()],
        "entities": [entity_record(e) for e in store.entities()],
        "events": [event_record(e) for e in events],
        "relations": [relation_record(r) for r in relations(store, events=events)],
        "stories": [story_record(store, s) for s in store.stories()],
    }
