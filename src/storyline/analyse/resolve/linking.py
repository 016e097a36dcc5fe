"""Entities across the store: each entity of a document joins the stored entity it is,
found through blocking keys (spellings, romanisation, company suffixes, event years);
near spellings and bare given names join only with shared context; merges are
recorded with their reason. Also the name and type an entity goes by."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from rapidfuzz import fuzz

from storyline.analyse.annotate import Annotation
from storyline.analyse.names import (
    fold,
    given_name_key,
    is_hyphenated_korean,
    romanisation_key,
    without_event_year,
)
from storyline.analyse.resolve.callings import callings, different_callings
from storyline.analyse.resolve.local import (
    INTERCHANGEABLE,
    LocalEntity,
    entity_keys,
    resolve_in_document,
)
from storyline.models import Document, EntityType, Mention, Sentence, Spelling, StoredEntity, new_id


class EntityStore(Protocol):
    """What resolution reads and writes of the store."""

    def add_account(self, entity_id: str, handle: str, document_id: str, evidence: str) -> None: ...

    def add_callings(self, entity_id: str, document_id: str, callings: Iterable[str]) -> None: ...

    def add_link(
        self,
        entity_id: str,
        document_id: str,
        alias: str,
        reason: str,
        merged: StoredEntity | None = None,
    ) -> None: ...

    def create_entity(
        self, entity_id: str, type_: EntityType, name: str, document_id: str
    ) -> None: ...

    def credited_accounts(self, entity_id: str) -> list[str]: ...

    def entities_for_keys(self, keys: Iterable[str]) -> dict[str, list[StoredEntity]]: ...

    def entity_size(self, entity_id: str) -> int: ...

    def entity_keys_of(self, entity_id: str) -> set[str]: ...

    def insert_mentions(
        self, document_id: str, mentions: Iterable[Mention], how: dict[int, str]
    ) -> None: ...

    def insert_sentences(self, document_id: str, sentences: Sequence[Sentence]) -> None: ...

    def mark_annotated(self, document_id: str) -> None: ...

    def merge_entity(self, into: str, merged: str) -> None: ...

    def shared_context(self, entity_id: str, others: Iterable[str]) -> int: ...

    def spellings(self, entity_id: str) -> list[Spelling]: ...

    def update_entity(
        self, entity_id: str, type_: EntityType, name: str, keys: Iterable[str]
    ) -> None: ...


_KEY_REASONS = {
    "n": "the same name",
    "r": "a romanisation of the same Korean name",
    "s": "a near spelling of the same Korean name, in the company of the same people",
    "g": "the given name of the same Korean name, in the company of the same people",
    "o": "the same organisation name without its company suffix",
    "e": "the same event without its year",
    "w": "the same work without its season",
    "l": "the surname of the same person, in the company of the same people",
}
# Spellings this alike (rapidfuzz ratio, 0-100) may be one name spelled two ways.
ALIKE = 60.0
NEAR_SPELLING = 85.0
# A near spelling or a bare given name joins a stored entity only if this many of the
# people and works the document names have appeared beside it.
SHARED_CONTEXT = 2
_CONTEXT_TYPES = frozenset({"person", "work"})  # not 'Seoul' or 'Netflix': they are everywhere
# Keys that only join with the support of shared context.
_CONTEXTUAL_KEYS = ("s:", "g:", "l:")


def new_entity_id(entity: LocalEntity, document_id: str) -> str:
    keys = "\n".join(sorted(entity.blocking_keys()))
    seed = f"{entity.type}\n{keys}\n{entity.display}\n{document_id}"
    return new_id("e", seed)


def compatible(a: EntityType, b: EntityType) -> bool:
    return a == b or {a, b} == {"person", "account"}


def _alike(entity: LocalEntity, candidate: StoredEntity) -> float:
    names = [fold(n) for n in {*entity.names, *entity.accounts}]
    return max((fuzz.ratio(n, fold(candidate.name)) for n in names), default=0.0)


def choose_matches(
    entity: LocalEntity, candidates: dict[str, list[StoredEntity]]
) -> list[tuple[StoredEntity, str]]:
    """The stored entities this local entity is, oldest first, each with the key that
    says so. `candidates` maps each of the entity's keys to the stored entities holding it.

    An exact spelling matches across the types the NER mixes up (and across all types
    when only the NER typed it: "Glass Garden" the person is the drama); the looser keys need
    the same type and names that still look alike. Near spellings ("s:" keys) are
    and bare given names ("g:") are left to `contextual_matches`, which also weighs
    the company an entity keeps.
    """
    found: dict[str, tuple[StoredEntity, str]] = {}
    for key, stored in candidates.items():
        for candidate in stored:
            if candidate.id in found or key.startswith(_CONTEXTUAL_KEYS):
                continue
            if key.startswith("n:"):
                ok = (
                    compatible(entity.type, candidate.type)
                    or {entity.type, candidate.type} <= INTERCHANGEABLE
                    or not entity.ruled
                )
            else:
                ok = compatible(entity.type, candidate.type) and _alike(entity, candidate) >= ALIKE
            if ok:
                found[candidate.id] = (candidate, key)
    return sorted(found.values(), key=lambda pair: pair[0].rowid)


def contextual_matches(
    store: EntityStore,
    entity: LocalEntity,
    candidates: dict[str, list[StoredEntity]],
    context: set[str],
) -> list[tuple[StoredEntity, str]]:
    """Matches that need the company an entity keeps (`context`: the stored people and
    works this document names) as well as a key:

    - 'Park Hye-il' for a stored 'Park Hae-il': a spelling one letter apart;
    - 'Tae-sang' alone for a stored 'Jang Tae-sang', when he is the only one of that
      given name in such company.

    Never an entity the document already names otherwise: an article that writes both
    'Kim So-hyun' and 'Kim Soo-hyun' means two people."""
    for key, stored in candidates.items():
        if key.startswith("s:"):
            for candidate in stored:
                if (
                    candidate.id not in context
                    and compatible(entity.type, candidate.type)
                    and _alike(entity, candidate) >= NEAR_SPELLING
                    and store.shared_context(candidate.id, context) >= SHARED_CONTEXT
                ):
                    return [(candidate, key)]
        elif key.startswith("l:") and all(len(n.split()) == 1 for n in entity.names):
            # "Dr Murray" alone for a stored "Conrad Murray", the Murray of such company
            full = [
                c
                for c in stored
                if c.type == "person" and len(c.name.split()) > 1 and c.id not in context
            ]
            if (chosen := _clearly_in_company(store, full, context)) is not None:
                return [(chosen, key)]
        elif key.startswith("g:") and not _has_full_korean_name(entity.names):
            people = [c for c in stored if c.type == "person" and c.id not in context]
            full = [c for c in people if romanisation_key(c.name)]
            # a full name first; else another article's bare 'Tae-sang'
            for group in (full, [c for c in people if not romanisation_key(c.name)]):
                if len(group) == 1 and store.shared_context(group[0].id, context) >= SHARED_CONTEXT:
                    return [(group[0], key)]
                if group:
                    break
    return []


def _clearly_in_company(
    store: EntityStore, candidates: Sequence[StoredEntity], context: set[str]
) -> StoredEntity | None:
    """The one candidate that keeps the document's company: enough shared context, and
    twice as much as any other candidate ("Conrad Murray" beside Michael Jackson, not
    the radio host Colin Murray)."""
    shared = sorted(
        ((store.shared_context(c.id, context), c) for c in candidates),
        key=lambda pair: pair[0],
        reverse=True,
    )
    if not shared or shared[0][0] < SHARED_CONTEXT:
        return None
    if len(shared) > 1 and shared[0][0] < 2 * shared[1][0]:
        return None
    return shared[0][1]


def _has_full_korean_name(names: Iterable[str]) -> bool:
    return any(romanisation_key(name) for name in names)


def _absorb_given_names(
    store: EntityStore, document_id: str, linked: dict[str, LocalEntity], context: set[str]
) -> None:
    """The other way round: earlier articles called him only 'Tae-sang'; this one
    introduces 'Jang Tae-sang' in the same company. The bare entity merges into his."""
    for entity_id, entity in linked.items():
        if entity.type != "person" or not _has_full_korean_name(entity.names):
            continue
        keys = [k for k in entity.blocking_keys() if k.startswith("g:")]
        others = context - {entity_id}
        for stored in store.entities_for_keys(keys).values():
            for candidate in stored:
                if (
                    candidate.id not in linked
                    and candidate.type == "person"
                    and given_name_key(candidate.name) is not None
                    and romanisation_key(candidate.name) is None
                    and store.shared_context(candidate.id, others) >= SHARED_CONTEXT
                ):
                    reason = (
                        f"{document_id}: “{entity.display}” has the given name of "
                        f"“{candidate.name}”, in the company of the same people"
                    )
                    store.merge_entity(entity_id, candidate.id)
                    store.add_link(entity_id, document_id, entity.display, reason, candidate)


def link_reason(document_id: str, alias: str, key: str, target: str) -> str:
    why = _KEY_REASONS.get(key[:1], "the same key")
    return f"{document_id}: “{alias}” is {why} as “{target}”"


def link_document(store: EntityStore, document_id: str, entities: list[LocalEntity]) -> list[str]:
    """Give each local entity a stored entity (found through keys, else new), store its
    mentions, and return the ids of the stored entities the document touched.

    Matches that weigh context go last, so the company the document keeps is known."""
    linked: dict[str, LocalEntity] = {}
    waiting: list[tuple[LocalEntity, dict[str, list[StoredEntity]]]] = []
    namesakes: list[tuple[LocalEntity, list[tuple[StoredEntity, str]]]] = []
    for entity in entities:
        candidates = store.entities_for_keys(entity.blocking_keys())
        matches = choose_matches(entity, candidates)
        callings_seen = [entity.callings, *(c.callings for c, _ in matches)]
        if any(different_callings(a, b) for a in callings_seen for b in callings_seen):
            namesakes.append((entity, matches))
        elif matches or not any(key.startswith(_CONTEXTUAL_KEYS) for key in candidates):
            linked[_link(store, document_id, entity, matches)] = entity
        else:
            waiting.append((entity, candidates))
    context = {i for i, e in linked.items() if e.type in _CONTEXT_TYPES}
    for entity, matches in namesakes:
        linked[_link(store, document_id, entity, _namesake(store, entity, matches, context))] = (
            entity
        )
    found = [
        contextual_matches(store, e, _same_callings(e, candidates), context)
        for e, candidates in waiting
    ]
    # two people of one article who both resemble a stored one: neither is surely them
    chosen = Counter(stored.id for matches in found for stored, _ in matches)
    for (entity, _), matches in zip(waiting, found, strict=True):
        sure = [(stored, key) for stored, key in matches if chosen[stored.id] == 1]
        linked[_link(store, document_id, entity, sure)] = entity
    _absorb_given_names(store, document_id, linked, context)
    for entity_id in linked:
        refresh_entity(store, entity_id)
    return list(linked)


def _namesake(
    store: EntityStore,
    entity: LocalEntity,
    matches: list[tuple[StoredEntity, str]],
    context: set[str],
) -> list[tuple[StoredEntity, str]]:
    """Of stored namesakes of different callings, those this entity may be: the actor is
    not the analyst of his name, unless in the actor's company; and the one whose company
    it keeps, else the one most written about, first."""
    shared = {c.id: store.shared_context(c.id, context) for c, _ in matches}
    kept = [
        (c, key)
        for c, key in matches
        if not different_callings(entity.callings, c.callings) or shared[c.id] >= SHARED_CONTEXT
    ]
    return sorted(kept, key=lambda m: (-shared[m[0].id], -store.entity_size(m[0].id)))


def _same_callings(
    entity: LocalEntity, candidates: dict[str, list[StoredEntity]]
) -> dict[str, list[StoredEntity]]:
    return {
        key: [c for c in stored if not different_callings(entity.callings, c.callings)]
        for key, stored in candidates.items()
    }


def _link(
    store: EntityStore,
    document_id: str,
    entity: LocalEntity,
    matches: list[tuple[StoredEntity, str]],
) -> str:
    if matches:
        # namesakes of different callings are two people, whoever names them alike
        first = matches[0][0]
        matches = [m for m in matches if not different_callings(first.callings, m[0].callings)]
    if not matches:
        entity_id = new_entity_id(entity, document_id)
        store.create_entity(entity_id, entity.type, entity.display, document_id)
    else:
        # the oldest stored entity keeps its id; the others merge into it
        (target, key), *others = matches
        entity_id = target.id
        known = store.entity_keys_of(entity_id)
        for name in dict.fromkeys(entity.names + entity.accounts):
            if f"n:{fold(name)}" not in known:
                reason = link_reason(document_id, name, key, target.name)
                store.add_link(entity_id, document_id, name, reason)
        for other, other_key in others:
            why = _KEY_REASONS.get(other_key[:1], "the same key")
            reason = (
                f"{document_id}: “{entity.display}” is {why} as “{target.name}” "
                f"and as “{other.name}”"
            )
            store.merge_entity(entity_id, other.id)
            store.add_link(entity_id, document_id, entity.display, reason, merged=other)
    mentions = [replace(m, entity=entity_id) for m in entity.mentions]
    store.insert_mentions(document_id, mentions, entity.notes)
    for handle, evidence in entity.credited_accounts:
        store.add_account(entity_id, handle, document_id, evidence)
    store.add_callings(entity_id, document_id, entity.callings)
    return entity_id


def resolve_document(store: EntityStore, document: Document, annotation: Annotation) -> None:
    """Store a document's sentences and mentions, each resolved to a stored entity."""
    store.insert_sentences(document.id, annotation.sentences)
    entities = resolve_in_document(document.text, annotation, document.removed, document.title)
    for entity in entities:
        if entity.type == "person":
            entity.callings = callings(document.text, entity.mentions)
    link_document(store, document.id, entities)
    store.mark_annotated(document.id)


def refresh_entity(store: EntityStore, entity_id: str) -> None:
    """Recompute an entity's type, canonical name and keys from its spellings."""
    spellings = store.spellings(entity_id)
    if not spellings:
        return
    type_ = entity_type(spellings)
    keys = {
        key
        for s in spellings
        if s.kind in {"name", "account"}
        for key in entity_keys(s.text, type_ if s.kind == "name" else "account")
    }
    keys |= {f"n:{fold(handle)}" for handle in store.credited_accounts(entity_id)}
    store.update_entity(entity_id, type_, canonical_name(spellings, type_), keys)


def entity_type(spellings: Sequence[Spelling]) -> EntityType:
    """The type most of its full-name mentions carry; accounts only if nothing else."""
    votes: dict[EntityType, int] = {}
    for s in spellings:
        if s.kind != "account":
            votes[s.type] = votes.get(s.type, 0) + s.mentions
    return max(votes, key=lambda t: votes[t]) if votes else "account"


def canonical_name(spellings: Sequence[Spelling], type_: EntityType) -> str:
    """The most frequent full name, and of its spellings, for people the hyphenated
    romanisation first ('Song Hye-kyo' over 'Song Hye Kyo'; but 'IU' over 'Lee
    Ji-eun' when she is mostly called IU), for events the name without its year, and
    never a long name in capitals when it is also written otherwise."""
    counts: dict[str, int] = {}
    for s in spellings:
        if s.kind == "name":
            text = without_event_year(s.text) if type_ == "event" else s.text
            counts[text] = counts.get(text, 0) + s.mentions
    if not counts:
        return spellings[0].text

    def group(text: str) -> str:
        return (type_ == "person" and romanisation_key(text)) or fold(text)

    sizes: Counter[str] = Counter()
    for text, count in counts.items():
        sizes[group(text)] += count
    lowered = {t.casefold() for t in counts if not t.isupper()}
    return max(
        counts,
        key=lambda t: (
            sizes[group(t)],
            type_ == "person" and is_hyphenated_korean(t),
            not (t.isupper() and t.casefold() in lowered),  # "SEOUL" of a dateline is "Seoul"
            counts[t],
            len(t),
        ),
    )
