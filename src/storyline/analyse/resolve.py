"""Resolve: which mentions name the same real thing, in one document and across all.

Within a document, full names group by their keys ("Song Hye Kyo" and "Song Hye-kyo"
are one person), short forms ("Han", "Song’s") and possessives attach to the full name
the document introduced, accounts attach to their owner, and a description such as
the "The Glory" actress attaches to the person it describes. Where two people share a
surname, "Han" goes to the one of them mentioned last, and to nobody when neither was
mentioned in the last few sentences.

Across documents, each local entity looks up stored entities through blocking keys
(folded spelling, romanisation, organisation name without its suffix, event without
its year, account handle), never by comparing against every stored entity. A local
entity whose keys reach two stored entities merges them, and the store records why.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Protocol

from rapidfuzz import fuzz

from storyline.analyse.annotate import ACCOUNT_PATTERN as _ACCOUNT
from storyline.analyse.annotate import NOT_NAME_WORDS, Annotation
from storyline.analyse.names import (
    KOREAN_SURNAMES,
    consonant_skeleton,
    event_key,
    fold,
    given_name_key,
    is_hyphenated_korean,
    korean_name_parts,
    org_key,
    romanisation_key,
    without_event_year,
    work_key,
)
from storyline.models import (
    Document,
    EntityType,
    Mention,
    Sentence,
    Spelling,
    StoredEntity,
)

# How far back (in sentences) a shared surname may look for the person it means.
SURNAME_WINDOW = 3
# Least similarity between a handle and a name for the handle to be that person's.
HANDLE_SIMILARITY = 75.0

_DESCRIPTOR = re.compile(
    r"\b[Tt]he\s+[“\"‘']([^”\"’']{1,60})[”\"’']\s+"
    r"(actress|actor|star|singer|director|rapper|idol|musician|artist|writer)\b"
)


@dataclass(slots=True)
class LocalEntity:
    """The mentions of one entity within one document."""

    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    # How a mention that is not a full name was attached, for `entity --why`.
    notes: dict[int, str] = field(default_factory=dict)
    # Accounts from lines cleaning removed (photo credits): (handle, the line).
    credited_accounts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [m.text for m in self.mentions if m.kind == "name"]

    @property
    def accounts(self) -> list[str]:
        return [m.text for m in self.mentions if m.kind == "account"]

    @property
    def ruled(self) -> bool:
        """Some full name of it was found by a rule, so its type is more than a guess."""
        return any(m.ruled for m in self.mentions if m.kind == "name")

    @property
    def display(self) -> str:
        counts = Counter(self.names or self.accounts or [self.mentions[0].text])
        return max(counts, key=lambda n: (len(n.split()), counts[n]))

    def blocking_keys(self) -> set[str]:
        return {
            key for name in {*self.names, *self.accounts} for key in entity_keys(name, self.type)
        }


class EntityStore(Protocol):
    """What resolution reads and writes of the store."""

    def add_account(self, entity_id: str, handle: str, document_id: str, evidence: str) -> None: ...

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


def entity_keys(name: str, type_: EntityType) -> list[str]:
    """Blocking keys of one full name: stored entities sharing one are candidates."""
    folded = fold(name)
    given = given_name_key(name) if type_ == "person" else None
    roman = romanisation_key(name) if given else None
    if given and not roman:
        # 'Ji-eun' alone could be anyone called Ji-eun: it joins only with context
        return [f"g:{given}"]
    keys = [f"n:{folded}"]
    if roman:
        keys += [f"r:{roman}", f"s:{consonant_skeleton(name)}", f"g:{given}"]
    elif type_ == "org" and len(core := org_key(name)) > 2:
        keys.append(f"o:{core}")
    elif type_ == "event":
        keys.append(f"e:{event_key(name)}")
    elif type_ == "work" and (core := work_key(name)) != folded:
        keys.append(f"w:{core}")
    return keys


# Within one document ------------------------------------------------------------


def resolve_in_document(
    text: str, annotation: Annotation, removed: Sequence[str] = ()
) -> list[LocalEntity]:
    """Group one document's mentions into entities, adding short forms, accounts and
    descriptions the annotator could not know were names. `removed` are the lines
    cleaning took out, where photo credits name accounts."""
    starts = [s.start for s in annotation.sentences]
    names = [m for m in annotation.mentions if m.type != "account"]
    short_forms = _short_forms(names)
    # A bare surname or given name is a short form, whatever type the NER gave it.
    full = [m for m in names if m.text not in short_forms or len(m.text.split()) > 1]
    entities = _join_other_names(text, _group_full_names(full))
    by_form = {form: [entities[i] for i in owners] for form, owners in _owners(entities).items()}
    _attach_short_forms(text, entities, by_form, starts)
    _attach_descriptors(text, entities, starts)
    accounts = [m for m in annotation.mentions if m.type == "account"]
    entities.extend(_attach_accounts(text, accounts, entities))
    _attach_credited_accounts(removed, entities)
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
    return [e for e in entities if e.mentions]


_OTHER_NAME = re.compile(
    r"^\s*[,(]?\s*(?:whose (?:real|legal|birth|stage|given) name is|"
    r"(?:real|legal|birth|stage) name[:,]?|also known as|a\.?k\.?a\.?|better known as|"
    r"who (?:also )?goes by (?:her|his|their|the) (?:legal |real |stage |birth )?name|"
    r"born)\s*$"
)


def _join_other_names(text: str, entities: list[LocalEntity]) -> list[LocalEntity]:
    """'IU, who also goes by her legal name Lee Ji-eun': the second name is the first
    person's too."""
    owner = {id(m): e for e in entities for m in e.mentions}
    mentions = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
    for first, second in pairwise(mentions):
        a, b = owner[id(first)], owner[id(second)]
        if (
            a is not b
            and a.type == "person"
            and b.type in _INTERCHANGEABLE
            and first.sentence == second.sentence
            and _OTHER_NAME.match(text[first.end : second.start])
        ):
            how = f"another name of {first.text}: “{text[first.start : second.end]}”"
            for mention in b.mentions:
                owner[id(mention)] = a
                a.mentions.append(replace(mention, type="person"))
                a.notes[mention.start] = how
            b.mentions.clear()
    return [e for e in entities if e.mentions]


def _group_key(mention: Mention) -> tuple[str, str]:
    kind: str = "person" if mention.type == "account" else mention.type
    if mention.type == "person":
        name = mention.text
        return kind, romanisation_key(name) or given_name_key(name) or fold(name)
    if mention.type == "org":
        return kind, org_key(mention.text)
    if mention.type == "event":
        return kind, event_key(mention.text)
    return kind, fold(mention.text)


def _group_full_names(mentions: Iterable[Mention]) -> list[LocalEntity]:
    groups: dict[tuple[str, str], LocalEntity] = {}
    for mention in mentions:
        key = _group_key(mention)
        if key[1]:
            groups.setdefault(key, LocalEntity(mention.type)).mentions.append(mention)
    return list(groups.values())


def short_forms_of(name: str, type_: EntityType) -> list[str]:
    """'Song Hye-kyo' -> ['Song', 'Hye-kyo']; 'Barack Obama' -> ['Obama'];
    'JYP Entertainment' -> ['JYP']; never a common word ('American' of 'American
    Music', 'Girls' of 'Wonder Girls')."""
    return [form for form in _candidate_short_forms(name, type_) if form not in NOT_NAME_WORDS]


def _candidate_short_forms(name: str, type_: EntityType) -> list[str]:
    words = name.split()
    if len(words) < 2:
        return []
    if type_ == "person":
        if korean_name_parts(name):
            return [words[0], *([words[1]] if len(words) == 2 else [])]
        return [words[-1]] if words[-1][:1].isupper() else []
    if type_ == "org":
        core = org_key(name)
        shortened = name[: len(core) + name.count(" ") + 2].strip()
        first = words[0]
        if fold(first) == core and len(first) > 1 and first[:1].isupper():
            return [first]
        return [shortened] if fold(shortened) == core and shortened != name else []
    return []


def _short_forms(mentions: Iterable[Mention]) -> set[str]:
    return {form for m in mentions for form in short_forms_of(m.text, m.type)}


def _owners(entities: Sequence[LocalEntity]) -> dict[str, list[int]]:
    owners: dict[str, list[int]] = {}
    for i, entity in enumerate(entities):
        for name in set(entity.names):
            for form in short_forms_of(name, entity.type):
                if i not in owners.setdefault(form, []):
                    owners[form].append(i)
    return owners


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


def _taken(entities: Iterable[LocalEntity]) -> list[tuple[int, int]]:
    return sorted((m.start, m.end) for e in entities for m in e.mentions)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(spans, (start, 10**12))
    return any(s < end and start < e for s, e in spans[max(i - 2, 0) : i + 1])


def _attach_short_forms(
    text: str,
    entities: list[LocalEntity],
    by_form: dict[str, list[LocalEntity]],
    starts: Sequence[int],
) -> None:
    if not by_form:
        return
    forms = sorted(by_form, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w@-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
    taken = _taken(entities)
    for match in pattern.finditer(text):
        start, end = match.span()
        if _overlaps(taken, start, end):
            continue
        owner = _owner_by_recency(
            by_form[match.group()], start, _sentence_of(starts, start), starts
        )
        if owner is None:
            continue
        mention = Mention(
            start, end, match.group(), owner.type, _sentence_of(starts, start), "short"
        )
        owner.mentions.append(mention)
        owner.notes[start] = f"short form of {owner.display}"


def _owner_by_recency(
    candidates: list[LocalEntity], offset: int, sentence: int, starts: Sequence[int]
) -> LocalEntity | None:
    """The candidate mentioned last before `offset`; with several candidates, only
    one mentioned within the last SURNAME_WINDOW sentences."""
    if len(candidates) == 1:
        return candidates[0]
    last: list[tuple[int, LocalEntity]] = []
    for entity in candidates:
        before = [m.start for m in entity.mentions if m.start < offset]
        if before:
            last.append((max(before), entity))
    if not last:
        return None
    position, entity = max(last, key=lambda pair: pair[0])
    return entity if sentence - _sentence_of(starts, position) <= SURNAME_WINDOW else None


def _attach_descriptors(text: str, entities: list[LocalEntity], starts: Sequence[int]) -> None:
    """the "The Glory" actress -> the person last mentioned outside that sentence."""
    works = {fold(name) for e in entities if e.type == "work" for name in e.names}
    people = [e for e in entities if e.type == "person"]
    for match in _DESCRIPTOR.finditer(text):
        if fold(match.group(1)) not in works:
            continue
        sentence = _sentence_of(starts, match.start())
        in_sentence = {
            id(e)
            for e in people
            for m in e.mentions
            if m.sentence == sentence and m.kind != "descriptor"
        }
        before = [
            (m.start, e)
            for e in people
            if id(e) not in in_sentence
            for m in e.mentions
            if m.start < match.start()
        ]
        if not before:
            continue
        _, person = max(before, key=lambda pair: pair[0])
        mention = Mention(
            match.start(), match.end(), match.group(), "person", sentence, "descriptor"
        )
        person.mentions.append(mention)
        person.notes[match.start()] = f"describes {person.display} ({match.group(1)})"


_HANDLE_NEXT_TO_NAME = re.compile(r"^\s*(?:['’]s?\s+)?(?:\w+\s+){0,2}(?:account\s*)?[(\[]?\s*$")


def _attach_accounts(
    text: str, accounts: list[Mention], entities: list[LocalEntity]
) -> list[LocalEntity]:
    """Each @handle goes to the person named right before it ('Han So-hee
    (@xeesoxee)'), else to the person whose name it resembles ('@kyo1122' is Song
    Hye-kyo's), else it stays an account of its own."""
    people = [e for e in entities if e.type == "person" and e.names]
    own: dict[str, LocalEntity] = {}
    for account in accounts:
        handle = account.text.lower()
        owner, how = _stated_owner(text, account, people)
        if owner is None:
            owner, how = _resembling_owner(handle, people)
        if owner is None:
            owner = own.setdefault(handle, LocalEntity("account"))
            how = "an account whose owner the text does not name"
        owner.mentions.append(replace(account, type="account", kind="account"))
        owner.notes[account.start] = how
    return list(own.values())


def _attach_credited_accounts(removed: Sequence[str], entities: list[LocalEntity]) -> None:
    """'| @kyo1122/Instagram' under a photo: the account of the person it resembles."""
    people = [e for e in entities if e.type == "person" and e.names]
    for line in removed:
        for handle in dict.fromkeys(_ACCOUNT.findall(line)):
            owner, _ = _resembling_owner(handle.lower(), people)
            if owner is not None and handle not in (h for h, _ in owner.credited_accounts):
                owner.credited_accounts.append((handle, line.strip()))


def _stated_owner(
    text: str, account: Mention, people: list[LocalEntity]
) -> tuple[LocalEntity | None, str]:
    best: tuple[int, LocalEntity] | None = None
    for person in people:
        for m in person.mentions:
            if m.end <= account.start and account.start - m.end <= 40:
                between = text[m.end : account.start]
                if _HANDLE_NEXT_TO_NAME.match(between) and (best is None or m.end > best[0]):
                    best = (m.end, person)
    if best is None:
        return None, ""
    return best[1], f"given next to {best[1].display}"


def _resembling_owner(handle: str, people: list[LocalEntity]) -> tuple[LocalEntity | None, str]:
    letters = re.sub(r"[^a-z]", "", handle)
    if len(letters) < 3:
        return None, ""
    scored = sorted(
        ((_handle_similarity(letters, person), i) for i, person in enumerate(people)), reverse=True
    )
    if not scored or scored[0][0] < HANDLE_SIMILARITY:
        return None, ""
    if len(scored) > 1 and scored[1][0] >= scored[0][0] - 10:
        return None, ""  # resembles two people: not sure enough
    person = people[scored[0][1]]
    return person, f"the handle resembles the name {person.display}"


def _handle_similarity(letters: str, person: LocalEntity) -> float:
    best = 0.0
    for name in set(person.names):
        words = name.replace("-", " ").split()
        given = "".join(words[1:]) if len(words) > 1 and words[0] in KOREAN_SURNAMES else ""
        for form in {fold(name), fold(given)} - {""}:
            best = max(best, fuzz.partial_ratio(letters, form) if len(form) >= 3 else 0.0)
    return best


# Across documents -----------------------------------------------------------------


_KEY_REASONS = {
    "n": "the same name",
    "r": "a romanisation of the same Korean name",
    "s": "a near spelling of the same Korean name, in the company of the same people",
    "g": "the given name of the same Korean name, in the company of the same people",
    "o": "the same organisation name without its company suffix",
    "e": "the same event without its year",
    "w": "the same work without its season",
}
# Spellings this alike (rapidfuzz ratio, 0-100) may be one name spelled two ways.
ALIKE = 60.0
NEAR_SPELLING = 85.0
# A near spelling or a bare given name joins a stored entity only if this many of the
# people and works the document names have appeared beside it.
SHARED_CONTEXT = 2
_CONTEXT_TYPES = frozenset({"person", "work"})  # not 'Seoul' or 'Netflix': they are everywhere
# Keys that only join with the support of shared context.
_CONTEXTUAL_KEYS = ("s:", "g:")
# The NER mixes up people, organisations and places, but rules find works and events.
_INTERCHANGEABLE = frozenset({"person", "org", "place", "account"})


def new_entity_id(entity: LocalEntity, document_id: str) -> str:
    keys = "\n".join(sorted(entity.blocking_keys()))
    seed = f"{entity.type}\n{keys}\n{entity.display}\n{document_id}"
    return "e_" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


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
                    or {entity.type, candidate.type} <= _INTERCHANGEABLE
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
    for entity in entities:
        candidates = store.entities_for_keys(entity.blocking_keys())
        matches = choose_matches(entity, candidates)
        if matches or not any(key.startswith(_CONTEXTUAL_KEYS) for key in candidates):
            linked[_link(store, document_id, entity, matches)] = entity
        else:
            waiting.append((entity, candidates))
    context = {i for i, e in linked.items() if e.type in _CONTEXT_TYPES}
    found = [contextual_matches(store, e, candidates, context) for e, candidates in waiting]
    # two people of one article who both resemble a stored one: neither is surely them
    chosen = Counter(stored.id for matches in found for stored, _ in matches)
    for (entity, _), matches in zip(waiting, found, strict=True):
        sure = [(stored, key) for stored, key in matches if chosen[stored.id] == 1]
        linked[_link(store, document_id, entity, sure)] = entity
    _absorb_given_names(store, document_id, linked, context)
    for entity_id in linked:
        refresh_entity(store, entity_id)
    return list(linked)


def _link(
    store: EntityStore,
    document_id: str,
    entity: LocalEntity,
    matches: list[tuple[StoredEntity, str]],
) -> str:
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
    return entity_id


def resolve_document(store: EntityStore, document: Document, annotation: Annotation) -> None:
    """Store a document's sentences and mentions, each resolved to a stored entity."""
    store.insert_sentences(document.id, annotation.sentences)
    entities = resolve_in_document(document.text, annotation, document.removed)
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
