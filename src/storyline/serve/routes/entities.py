"""/api/entities: entities by name or alias, and one entity's page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from storyline.present.export import entity_record, event_record, relation_record
from storyline.present.pages import entity_page
from storyline.serve.deps import Limit, Offset, Store, page

router = APIRouter(prefix="/api/entities", tags=["entities"])


@router.get("")
def list_entities(
    store: Store,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Annotated[str | None, Query(description="A name or any alias.")] = None,
    type: Annotated[str | None, Query(description="person, work, org, …")] = None,
) -> dict[str, Any]:
    """Entities, the most mentioned first; `q` finds them by any spelling."""
    if q:
        found = store.entities_by_id([e.id for e in store.find_entities(q)])
        if type:
            found = [e for e in found if e.type == type]
        total, entities = len(found), found[offset : offset + limit]
    else:
        total, entities = store.entity_page(limit=limit, offset=offset, type_=type)
    return page(total, limit, offset, [entity_record(e) for e in entities])


@router.get("/{entity_id}")
def get_entity(store: Store, entity_id: str) -> dict[str, Any]:
    """One entity with its aliases, its latest documents and events (totals say how
    many there are) and its relations."""
    found = entity_page(store, entity_id)
    record = entity_record(found.entity)
    record["documents_total"] = len(found.entity.documents)
    record["documents"] = found.documents
    record["events"] = [event_record(e) for e in found.events]
    record["events_total"] = found.events_total
    record["relations"] = [
        {
            **relation_record(r),
            "subject_name": found.names.get(r.subject),
            "object_name": found.names.get(r.object),
        }
        for r in found.relations
    ]
    return record
