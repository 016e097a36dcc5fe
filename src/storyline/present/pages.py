"""Pages: what the CLI and the web page show of one story, one entity or a list of
events, built once here. A story's page (its documents in time order, what it is
about, its events and relations); an entity's evidence (the sentences behind it, and
how its spellings came together) and its page of latest documents, events and
relations; a page of events filtered by participant, type, modality and dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.connect.fusion import fused_event_page, fused_events, latest_fused_events
from storyline.connect.relations import relations
from storyline.connect.stories import story_entities
from storyline.models import Document, Entity, EntityLink, Event, Relation, Story
from storyline.store import SQLiteStore

# An entity's page shows its latest documents and events (totals say how many there
# are), and relations from its latest events that make relations.
ENTITY_DOCUMENTS = 100
ENTITY_EVENTS = 100
RELATION_EVENTS = 200

# Marks around the mention inside its sentence, as search snippets use.
MARK_START, MARK_END = "\x02", "\x03"


@dataclass(slots=True, frozen=True)
class MentionEvidence:
    document: str
    start: int
    end: int
    text: str
    kind: str
    how: str | None
    context: str  # the sentence, with the mention between MARK_START and MARK_END


@dataclass(slots=True)
class EntityDetail:
    entity: Entity
    documents: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    mentions: list[MentionEvidence] = field(default_factory=list)
    spellings: list[tuple[str, str, str]] = field(default_factory=list)  # alias, first doc, how
    links: list[EntityLink] = field(default_factory=list)
    credited: list[tuple[str, str, str]] = field(default_factory=list)  # handle, doc, line

    def as_dict(self) -> dict[str, Any]:
        e = self.entity
        return {
            "id": e.id,
            "type": e.type,
            "name": e.name,
            "aliases": list(e.aliases),
            "accounts": list(e.accounts),
            "documents": [{"id": d, "title": t} for d, t in self.documents],
            "mentions": e.mentions,
            "evidence": [
                {
                    "document": m.document,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "kind": m.kind,
                    "how": m.how,
                    "sentence": m.context.replace(MARK_START, "").replace(MARK_END, ""),
                }
                for m in self.mentions
            ],
            "spellings": [
                {"alias": a, "first_document": d, "how": h} for a, d, h in self.spellings
            ],
            "links": [
                {
                    "document": link.document,
                    "alias": link.alias,
                    "reason": link.reason,
                    "merged": link.merged,
                    "merged_name": link.merged_name,
                }
                for link in self.links
            ],
            "credited_accounts": [
                {"handle": h, "document": d, "evidence": line} for h, d, line in self.credited
            ],
        }


def entity_detail(store: SQLiteStore, entity: Entity, *, mentions: int | None = 5) -> EntityDetail:
    """Documents, mentions in their sentences (the first `mentions`, None for all), the
    first appearance of each spelling and every recorded link or merge."""
    detail = EntityDetail(entity, links=store.entity_links(entity.id))
    texts: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    for doc_id in entity.documents:
        document = store.get_document(doc_id)
        sentences = [(s.start, s.end) for s in store.document_sentences(doc_id)]
        texts[doc_id] = (document.text, sentences)
        detail.documents.append((doc_id, document.title or document.text[:80]))
    seen: set[str] = set()
    for row in store.entity_mentions(entity.id):
        m = row.mention
        if m.text not in seen:
            seen.add(m.text)
            how = row.how or ("its name as written" if m.kind == "name" else m.kind)
            detail.spellings.append((m.text, row.document, how))
        if mentions is None or len(detail.mentions) < mentions:
            text, sentences = texts[row.document]
            start, end = sentences[m.sentence] if m.sentence < len(sentences) else (m.start, m.end)
            context = (
                text[start : m.start]
                + MARK_START
                + text[m.start : m.end]
                + MARK_END
                + text[m.end : end]
            ).strip()
            detail.mentions.append(
                MentionEvidence(row.document, m.start, m.end, m.text, m.kind, row.how, context)
            )
    detail.credited = store.credited_account_evidence(entity.id)
    return detail


@dataclass(slots=True)
class StoryPage:
    story: Story
    documents: list[Document]  # in time order, undated last
    entities: list[tuple[str, str]]  # (id, name), what it is most about first
    events: list[Event]
    relations: list[Relation]
    outlets: list[str]


def story_page(store: SQLiteStore, story_id: str) -> StoryPage:
    """A story by id (or the id of a story since merged into it)."""
    resolved = store.story_named(story_id)
    story = store.story(resolved)
    documents = sorted(
        (store.get_document(d) for d in story.documents),
        key=lambda d: (d.published.value or "9999", d.id),
    )
    about = story_entities(store, resolved)
    names = store.entity_names(about)
    events = fused_events(store, story_id=resolved)
    return StoryPage(
        story,
        documents,
        [(e, names.get(e, e)) for e in about],
        events,
        relations(store, story_id=resolved, events=events),
        store.story_outlets(resolved),
    )


@dataclass(slots=True)
class EntityPage:
    entity: Entity
    documents: list[str]  # the latest ENTITY_DOCUMENTS
    events: list[Event]  # the latest ENTITY_EVENTS, in time order
    events_total: int
    relations: list[Relation]
    names: dict[str, str]  # of the entities its relations name


def entity_page(store: SQLiteStore, entity_id: str) -> EntityPage:
    """An entity by id or any of its names, its latest documents, events and relations
    (bounded work, however many documents name it)."""
    entity = store.get_entity(store.entity_named(entity_id))
    found = relations(store, entity_ids=[entity.id], latest=RELATION_EVENTS)
    return EntityPage(
        entity,
        list(entity.documents[-ENTITY_DOCUMENTS:]),
        latest_fused_events(store, ENTITY_EVENTS, entity_ids=[entity.id]),
        store.count_events(entity_ids=[entity.id]),
        found,
        store.entity_names({r.subject for r in found} | {r.object for r in found}),
    )


def event_list(
    store: SQLiteStore,
    *,
    limit: int,
    offset: int = 0,
    entity_ids: Sequence[str] = (),
    type_pattern: str | None = None,
    modality: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[int, list[Event]]:
    """How many fused events match, and `limit` of them from `offset`, in time order.
    Participant, type and dates select in SQL (a date: any of the event's readings');
    modality, which is the latest report's, is judged on the fused events."""
    if modality is None:
        return fused_event_page(
            store,
            limit=limit,
            offset=offset,
            entity_ids=entity_ids,
            type_pattern=type_pattern,
            since=since,
            until=until,
        )
    events = [
        e
        for e in fused_events(
            store, entity_ids=entity_ids, type_pattern=type_pattern, since=since, until=until
        )
        if e.modality == modality
    ]
    return len(events), events[offset : offset + limit]
