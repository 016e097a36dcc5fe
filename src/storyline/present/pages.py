"""Evidence: the sentences behind an entity, and how its spellings came together."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.models import Entity, EntityLink
from storyline.store import SQLiteStore

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
