"""Entities within one document: spellings of one name are one entity; a short form
("Han", "Hye-kyo", "Michael") joins the full name the document introduced (where two
people share a surname, the one the discourse means there, or neither); other names
("also known as"), descriptions ("the 'The Glory' actress") and social accounts join
their owner."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from storyline.analyse.annotate import ACCOUNT_PATTERN as _ACCOUNT
from storyline.analyse.annotate import NOT_NAME_WORDS, Annotation
from storyline.analyse.annotate.cues import GIVEN_NAMES
from storyline.analyse.names import (
    KOREAN_SURNAMES,
    consonant_skeleton,
    event_key,
    fold,
    given_name_key,
    korean_name_parts,
    org_key,
    romanisation_key,
    work_key,
)
from storyline.analyse.resolve.discourse import SharedForm, read_discourse
from storyline.models import EntityType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
    # The fields of work the document gives a person ("arts" for "actor Kim").
    callings: frozenset[str] = frozenset()

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


def entity_keys(name: str, type_: EntityType) -> list[str]:
    """Blocking keys of one full name: stored entities sharing one are candidates."""
    folded = fold(name)
    given = given_name_key(name) if type_ == "person" else None
    roman = romanisation_key(name) if given else None
    if given and not roman:
        # 'Ji-eun' alone could be anyone called Ji-eun: it joins only with context
        return [f"g:{given}"]
    keys = [f"n:{folded}"]
    if type_ == "person" and not roman and (surname := _western_surname(name)):
        keys.append(f"l:{fold(surname)}")  # "Murray" alone meets "Conrad Murray"
        words = name.split()
        if len(words) == 3 and words[0] in GIVEN_NAMES:
            keys.append(f"n:{fold(f'{words[0]} {surname}')}")  # "Michael Joseph Jackson"
    if roman:
        keys += [f"r:{roman}", f"s:{consonant_skeleton(name)}", f"g:{given}"]
    elif type_ == "org" and len(core := org_key(name)) > 2:
        keys.append(f"o:{core}")
    elif type_ == "event":
        keys.append(f"e:{event_key(name)}")
    elif type_ == "work" and (core := work_key(name)) != folded:
        keys.append(f"w:{core}")
    return keys


def _western_surname(name: str) -> str | None:
    """'Murray' of 'Conrad Murray' and of 'Murray' alone; none of a Korean name."""
    words = name.split()
    last = words[-1]
    if not last[:1].isupper() or last in NOT_NAME_WORDS or last in KOREAN_SURNAMES:
        return None
    return last if len(words) <= 3 and all(w[:1].isupper() for w in words) else None


def resolve_in_document(
    text: str, annotation: Annotation, removed: Sequence[str] = (), title: str | None = None
) -> list[LocalEntity]:
    """Group one document's mentions into entities, adding short forms, accounts and
    descriptions the annotator could not know were names. `removed` are the lines
    cleaning took out, where photo credits name accounts."""
    starts = [s.start for s in annotation.sentences]
    names = [m for m in annotation.mentions if m.type != "account"]
    short_forms = _short_forms(names)
    # A bare surname or given name is a short form, whatever type the NER gave it; so
    # is a first name the NER found alone that a full name of the document begins with
    # ("Michael" of "Michael Jackson").
    short_forms |= _first_names(names) & {m.text for m in names}
    full = [m for m in names if m.text not in short_forms or len(m.text.split()) > 1]
    entities = _join_acronyms(_join_other_names(text, _group_full_names(full)))
    owners = _owners(entities)
    # a first name joins only where the NER found it a name: "Michael", not "Wonder"
    found_at = {(m.start, m.end) for m in names}
    first_names = _first_name_owners(entities)
    only_found = {form for form in first_names if form not in owners}
    for form, first in first_names.items():
        # a word that is one's surname and another's first name ("Edward Thomas",
        # "Thomas Bell") may be either: the discourse decides, or nobody
        owners[form] = [*owners.get(form, []), *(i for i in first if i not in owners.get(form, []))]
    by_form = {form: [entities[i] for i in indexes] for form, indexes in owners.items()}
    _attach_short_forms(
        text, entities, by_form, starts, annotation.doc, (only_found, found_at), title
    )
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
    # "Lee Ji-eun (singer IU)": her name as the stage knows it
    r"|^\s*\(\s*(?:singer|rapper|actor|actress|idol|entertainer)\s*$"
)


def _join_other_names(text: str, entities: list[LocalEntity]) -> list[LocalEntity]:
    """'IU, who also goes by her legal name Lee Ji-eun', 'Lee Ji-eun (singer IU)': the
    second name is the first person's too."""
    owner = {id(m): e for e in entities for m in e.mentions}
    mentions = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
    for first, second in pairwise(mentions):
        a, b = owner[id(first)], owner[id(second)]
        if (
            a is not b
            and a.type == "person"
            and b.type in INTERCHANGEABLE
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


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_NOT_INITIALS = frozenset({"of", "the", "and", "for", "in", "on", "at", "&"})


def initials(name: str) -> str:
    """'FTC' of 'Fair Trade Commission', 'SAF' of 'SBS Awards Festival 2014'."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _NOT_INITIALS]
    return "".join(w[0] for w in words if w[0].isupper())


def _join_acronyms(entities: list[LocalEntity]) -> list[LocalEntity]:
    """'the Fair Trade Commission (FTC)', 'the SBS Awards Festival … The SAF': an acronym
    is the organisation or event whose initials it spells, named in the same document,
    whatever type the NER gave it. Where two names spell it, it joins neither."""
    spelled: dict[str, list[LocalEntity]] = {}
    for entity in entities:
        if entity.type in {"org", "event", "place"}:
            for key in {initials(n) for n in entity.names if len(n.split()) > 1}:
                if len(key) >= 2:
                    spelled.setdefault(key, []).append(entity)
    for entity in entities:
        names = set(entity.names)
        if len(names) != 1 or entity.type not in INTERCHANGEABLE:
            continue
        acronym = names.pop()
        owners = spelled.get(acronym, [])
        if not _ACRONYM.fullmatch(acronym) or len(owners) != 1 or owners[0] is entity:
            continue
        owner = owners[0]
        for mention in entity.mentions:
            # a short form: the full name stays the entity's name and what links it
            owner.mentions.append(replace(mention, type=owner.type, kind="short"))
            owner.notes[mention.start] = f"the initials of {owner.display}"
        entity.mentions.clear()
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
            given = [words[1], _lower_after_hyphen(words[1])] if len(words) == 2 else []
            return [words[0], *dict.fromkeys(given)]
        return [words[-1]] if words[-1][:1].isupper() else []
    if type_ == "org":
        core = org_key(name)
        shortened = name[: len(core) + name.count(" ") + 2].strip()
        first = words[0]
        if fold(first) == core and len(first) > 1 and first[:1].isupper():
            return [first]
        return [shortened] if fold(shortened) == core and shortened != name else []
    return []


def _lower_after_hyphen(given: str) -> str:
    """'Su-Hyun' as the same text also writes it: 'Su-hyun'."""
    first, hyphen, rest = given.partition("-")
    return f"{first}{hyphen}{rest.lower()}"


def _first_name(name: str) -> str | None:
    """'Michael' of 'Michael Jackson'; none of a Korean name (its first word is the
    surname) or of a word that is never a name."""
    words = name.split()
    if len(words) < 2 or korean_name_parts(name) or words[0] in NOT_NAME_WORDS:
        return None
    return words[0] if words[0][:1].isupper() and words[0][1:].islower() else None


def _first_names(mentions: Iterable[Mention]) -> set[str]:
    return {f for m in mentions if m.type == "person" and (f := _first_name(m.text))}


def _first_name_owners(entities: Sequence[LocalEntity]) -> dict[str, list[int]]:
    owners: dict[str, list[int]] = {}
    for i, entity in enumerate(entities):
        if entity.type != "person":
            continue
        for name in set(entity.names):
            if (first := _first_name(name)) and i not in owners.setdefault(first, []):
                owners[first].append(i)
    return owners


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
    starts: list[int],
    doc: Doc | None,
    where_found: tuple[set[str], set[tuple[int, int]]] = (set(), set()),
    title: str | None = None,
) -> None:
    """Each bare surname or given name joins the entity it is short for; where several
    share it ("the two Kims"), the one the discourse has most in mind there, or none.
    The forms of `where_found` join only at the spans it gives."""
    only_found, found_at = where_found
    if not by_form:
        return
    forms = sorted(by_form, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w@-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
    taken = _taken(entities)
    keys = {id(e): f"local:{i}" for i, e in enumerate(entities)}
    shared: list[SharedForm] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if _overlaps(taken, start, end) or (
            match.group() in only_found and (start, end) not in found_at
        ):
            continue
        sentence = _sentence_of(starts, start)
        owners = _by_first_name(by_form[match.group()], match.group())
        if len(owners) == 1:
            _attach(
                owners[0], Mention(start, end, match.group(), owners[0].type, sentence, "short")
            )
        else:
            shared.append(
                SharedForm(start, end, match.group(), sentence, tuple(keys[id(e)] for e in owners))
            )
    if not shared or doc is None:
        return
    by_key = {key: e for e in entities if (key := keys[id(e)])}
    keyed = (replace(m, entity=keys[id(e)]) for e in entities for m in e.mentions)
    for mention in read_discourse(doc, starts, keyed, title, shared)[1]:
        _attach(by_key[mention.entity or ""], replace(mention, entity=None))


def _by_first_name(owners: list[LocalEntity], form: str) -> list[LocalEntity]:
    """Of the entities a short form may be short for, those it is short for by the name
    the text introduced them with: in "IU, also known as Lee Ji-eun, and actor Lee
    Jong-suk", a bare "Lee" is Lee Jong-suk."""
    if len(owners) < 2:
        return owners
    introduced = {id(e): min(e.mentions, key=lambda m: m.start).text for e in owners}
    first = [
        e
        for e in owners
        if form in short_forms_of(introduced[id(e)], e.type)
        or (e.type == "person" and form == _first_name(introduced[id(e)]))
    ]
    return first or owners


def _attach(owner: LocalEntity, mention: Mention) -> None:
    owner.mentions.append(mention)
    owner.notes[mention.start] = f"short form of {owner.display}"


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


# The NER mixes up people, organisations and places, but rules find works and events.
INTERCHANGEABLE = frozenset({"person", "org", "place", "account"})
