"""Relations: who is what to whom, from the events and from what articles state outright.

Two sources. Claims are read from single sentences at analysis time (`analyse.claims`).
The rest follows from fused events: a cast event
makes `cast_in` (planned when the casting was), two people cast in one work are
`co_stars`, a dating event `dating` (or `former_partners` once a break-up is reported),
and repeated warm interactions (likes, support, gifts, visits…) make `friends`.
A relation keeps the events and sentences it rests on, and its time span.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from storyline.analyse.eventtypes import EVENT_TYPES, RELATION_TYPES
from storyline.connect.fusion import EventReadings, fused_events, latest_fused_events
from storyline.models import Claim, Event, Modality, Relation

SYMMETRIC = frozenset({"dating", "former_partners", "friends", "co_stars"})
# This many distinct warm interactions (the registry's `friendly` types) between two
# people make them friends.
FRIENDLY_EVENTS = 2
_SURENESS = {"asserted": 0, "planned": 1, "rumoured": 2, "hoped": 3, "denied": 4}


class RelationReader(EventReadings, Protocol):
    """What relations read of the store: fused events and stated claims."""

    def claims(
        self, *, entity_ids: Sequence[str] = (), story_id: str | None = None
    ) -> list[Claim]: ...


def relations(
    store: RelationReader,
    *,
    story_id: str | None = None,
    entity_ids: Sequence[str] = (),
    latest: int | None = None,
    events: Sequence[Event] | None = None,
) -> list[Relation]:
    """The relations of a story, of some entities, or (neither given) of everything;
    from the `latest` events that make relations only, when given (a page for someone
    in thousands of events need not read them all), or from `events` the caller has
    already read for the same story or entities."""
    if events is not None:
        events = [e for e in events if e.type in RELATION_TYPES]
    elif latest is None:
        events = fused_events(store, story_id=story_id, entity_ids=entity_ids, types=RELATION_TYPES)
    else:
        events = latest_fused_events(
            store, latest, story_id=story_id, entity_ids=entity_ids, types=RELATION_TYPES
        )
    return derive_relations(events, store.claims(story_id=story_id, entity_ids=entity_ids))


def derive_relations(events: Sequence[Event], claims: Iterable[Claim]) -> list[Relation]:
    """Relations from fused events and stated claims, by type, subject and object."""
    found: dict[tuple[str, str, str], Relation] = {}

    def relation(type_: str, subject: str, object_: str) -> Relation:
        if type_ in SYMMETRIC and object_ < subject:
            subject, object_ = object_, subject
        key = (type_, subject, object_)
        if key not in found:
            found[key] = Relation(type_, subject, object_, modality="denied")
        return found[key]

    for claim in claims:
        r = relation(claim.type, claim.subject, claim.object)
        r.evidence.append(claim.evidence)
        r.modality = _surest(r.modality, claim.modality)
    warm: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        people, spec = _people(event), EVENT_TYPES[event.type]
        if spec.relation == "cast_in":
            roles = {p.role: p.entity for p in event.participants}
            if "person" in roles and "work" in roles:
                _support(relation("cast_in", roles["person"], roles["work"]), event)
        elif spec.relation in {"dating", "former_partners"} and len(people) == 2:
            _support(relation("dating", *people), event)
            if spec.relation == "former_partners" and event.modality != "denied":
                former = relation("former_partners", *people)
                _support(former, event, dates=False)  # a break-up ends, not starts, it
                former.until = event.time if event.time.value else former.until
        elif spec.friendly and len(people) == 2 and event.modality == "asserted":
            a, b = sorted(people)
            warm[(a, b)].append(event)
    for (a, b), interactions in warm.items():
        if len(interactions) >= FRIENDLY_EVENTS:
            for event in interactions:
                _support(relation("friends", a, b), event)
    _co_stars(found, relation)
    _end_dating(found)
    return sorted(
        (r for r in found.values() if r.events or r.evidence),
        key=lambda r: (r.type, r.subject, r.object),
    )


def _people(event: Event) -> list[str]:
    return list(dict.fromkeys(p.entity for p in event.participants))[:2]


def _support(relation: Relation, event: Event, *, dates: bool = True) -> None:
    if event.id in relation.events:
        return
    relation.events.append(event.id)
    relation.modality = _surest(relation.modality, event.modality)
    relation.evidence.extend(v for v in event.evidence if v not in relation.evidence)
    if (
        dates
        and event.time.value
        and (relation.since is None or (relation.since.value or "") > event.time.value)
    ):
        relation.since = event.time


def _surest(a: Modality, b: Modality) -> Modality:
    """A relation is as sure as its surest support: one asserted report outweighs rumours."""
    return a if _SURENESS[a] <= _SURENESS[b] else b


def _co_stars(
    found: dict[tuple[str, str, str], Relation], relation: Callable[[str, str, str], Relation]
) -> None:
    """People cast in one work are co-stars (planned when either casting was)."""
    by_work: dict[str, list[Relation]] = defaultdict(list)
    for r in list(found.values()):
        if r.type == "cast_in":
            by_work[r.object].append(r)
    for casts in by_work.values():
        for i, first in enumerate(casts):
            for second in casts[i + 1 :]:
                pair = relation("co_stars", first.subject, second.subject)
                pair.modality = _surest(pair.modality, _least_sure(first.modality, second.modality))
                pair.events.extend(e for e in first.events + second.events if e not in pair.events)
                pair.evidence.extend(
                    v for v in first.evidence + second.evidence if v not in pair.evidence
                )


def _least_sure(a: Modality, b: Modality) -> Modality:
    return a if _SURENESS[a] >= _SURENESS[b] else b


def _end_dating(found: dict[tuple[str, str, str], Relation]) -> None:
    """A couple reported broken up were dating until then: one former_partners relation."""
    for (type_, a, b), former in list(found.items()):
        if type_ != "former_partners":
            continue
        dating = found.pop(("dating", a, b), None)
        if dating is None:
            continue
        former.since = dating.since or former.since
        former.events.extend(e for e in dating.events if e not in former.events)
        former.evidence.extend(v for v in dating.evidence if v not in former.evidence)
