"""Fusion: one real event reported by many documents becomes one event citing them all.

Two readings are the same event when they have the same type, one's participants are
among the other's (an outlet may leave out the target), their times agree (or one is
unknown, or two days a day or two apart from different outlets: a disagreement, kept),
and, for statements, their quotes overlap. The fused event keeps every reading's
evidence; where readings differ (date, modality, quote) each variant is kept in
`conflicts` with its documents, and modality follows the latest report. `outlets`
counts independent reports: copies and documents crediting the same original source
count once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.analyse.summaries import summarise
from storyline.models import Conflict, DocumentSource, Event, TimeValue, first_day

# Days apart that two day-precise dates of one event may be, from different outlets
# (time zones, "yesterday" read on the wrong day); further apart, they are two events.
DATE_SLACK_DAYS = 2
# Reports of one event come out close together: an undated reading is only the same
# event as another from documents published this many days apart at most.
UNDATED_WINDOW_DAYS = 30
# Readings looked at for each new one: the latest of its type naming its participants
# (a star's hundredth post is not compared with all the others).
CANDIDATES = 200
# What happens to a person once: every report of it is of one event.
ONCE_IN_A_LIFE = frozenset({"bio.died", "bio.born"})
# Share of the shorter quote's words the longer must hold for two statements to be one.
QUOTE_OVERLAP = 0.5
# Words the shorter of two quotes dated apart must have to be taken for one statement
# reported again ("Thank you" is said often; a sentence of eight words once).
SAID_AGAIN_WORDS = 8


@dataclass(slots=True, frozen=True)
class Report:
    """What fusion needs to know about the document an event was read from."""

    published: str | None  # ISO date at some precision
    order: int  # ingest order, for documents published the same day or undated
    origin: str  # the independent report it is: original source, copy's original, outlet


class EventReadings(Protocol):
    """What fusion reads and writes of the store: readings and their documents."""

    def fusion_candidates(self, event: Event, limit: int) -> list[tuple[Event, str]]: ...

    def set_fused(self, event_id: str, fused_id: str) -> None: ...

    def document_sources(self, document_ids: Iterable[str]) -> dict[str, DocumentSource]: ...

    def event_readings(
        self,
        *,
        entity_ids: Sequence[str] = (),
        type_pattern: str | None = None,
        document_id: str | None = None,
        story_id: str | None = None,
        types: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
    ) -> list[list[Event]]: ...

    def event_page_readings(
        self,
        *,
        limit: int,
        offset: int = 0,
        entity_ids: Sequence[str] = (),
        type_pattern: str | None = None,
        story_id: str | None = None,
        types: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
    ) -> tuple[int, list[list[Event]]]: ...

    def latest_event_readings(
        self,
        limit: int,
        *,
        entity_ids: Sequence[str] = (),
        story_id: str | None = None,
        types: Sequence[str] = (),
    ) -> list[list[Event]]: ...


def fuse_events(store: EventReadings, events: Sequence[Event]) -> None:
    """Join each newly stored event to the fused event of an earlier reading of it."""
    for event in events:
        candidates = store.fusion_candidates(event, CANDIDATES)
        reports = _reports(
            store,
            {v.document for e, _ in candidates for v in e.evidence[:1]}
            | {event.evidence[0].document},
        )
        for earlier, fused_id in candidates:
            if same_event(event, earlier, reports):
                store.set_fused(event.id, fused_id)
                break


def fused_events(
    store: EventReadings,
    *,
    entity_ids: Sequence[str] = (),
    type_pattern: str | None = None,
    document_id: str | None = None,
    story_id: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> list[Event]:
    """Fused events in time order (unknown times last), each once with the evidence of
    every document that reports it: those with a reading that matches the filters by
    participant, type (a glob: 'social.*', or any of `types`), document or story, or
    dated on or after `since` and on or before `until`."""
    groups = store.event_readings(
        entity_ids=entity_ids,
        type_pattern=type_pattern,
        document_id=document_id,
        story_id=story_id,
        types=types,
        since=since,
        until=until,
    )
    return sorted(_fused(store, groups), key=time_order)


def fused_event_page(
    store: EventReadings,
    *,
    limit: int,
    offset: int = 0,
    entity_ids: Sequence[str] = (),
    type_pattern: str | None = None,
    story_id: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> tuple[int, list[Event]]:
    """How many fused events match, and `limit` of them from `offset` (dated ones by
    date, then undated ones in the order they were read)."""
    total, groups = store.event_page_readings(
        limit=limit,
        offset=offset,
        entity_ids=entity_ids,
        type_pattern=type_pattern,
        story_id=story_id,
        types=types,
        since=since,
        until=until,
    )
    return total, _fused(store, groups)


def latest_fused_events(
    store: EventReadings,
    limit: int,
    *,
    entity_ids: Sequence[str] = (),
    story_id: str | None = None,
    types: Sequence[str] = (),
) -> list[Event]:
    """The fused events of the `limit` latest readings that match, in time order."""
    groups = store.latest_event_readings(
        limit, entity_ids=entity_ids, story_id=story_id, types=types
    )
    return sorted(_fused(store, groups), key=time_order)


def time_order(event: Event) -> tuple[bool, str, str]:
    """Dated events by date, undated ones last."""
    return (event.time.value is None, event.time.value or "", event.id)


def _fused(store: EventReadings, groups: list[list[Event]]) -> list[Event]:
    reports = _reports(store, {v.document for g in groups for e in g for v in e.evidence})
    return [fuse(readings, reports) for readings in groups]


def _reports(store: EventReadings, document_ids: Iterable[str]) -> dict[str, Report]:
    return {d: report(source) for d, source in store.document_sources(document_ids).items()}


def report(source: DocumentSource) -> Report:
    """How fusion sees a document. Its independent origin is the first source it
    credits, else its outlet, else the input it came from: two sites that both credit
    Herald Pop are one report, and so are the records of one dump that names no outlet
    (a copy counts as its original)."""
    if source.credited_sources:
        origin = f"source:{source.credited_sources[0].casefold()}"
    elif source.outlet:
        origin = f"outlet:{source.outlet.casefold()}"
    else:
        origin = f"input:{source.source.split('#')[0]}"
    return Report(source.published, source.order, origin)


def same_event(a: Event, b: Event, reports: Mapping[str, Report]) -> bool:
    """Whether two readings are of one real event."""
    if a.type != b.type:
        return False
    left, right = _roles(a), _roles(b)
    if not left or not right or not (left <= right or right <= left):
        return False
    if a.type in ONCE_IN_A_LIFE:
        return True  # whatever dates the reports give it
    first, second = reports.get(a.evidence[0].document), reports.get(b.evidence[0].document)
    if not _times_agree(
        a.time, b.time, a.evidence[0].document != b.evidence[0].document
    ) and not _said_again(a, b):
        return False
    if (a.time.value is None or b.time.value is None) and not _reported_together(
        a, first, b, second
    ):
        return False
    if EVENT_TYPES[a.type].group == "speech" and (a.quote or b.quote):
        # one speaker says many things: statements are one when their words are
        return bool(a.quote and b.quote and _quotes_overlap(a.quote, b.quote))
    return True


def _said_again(a: Event, b: Event) -> bool:
    """The same words reported again later, dated by the later report's day only: one
    statement, made when it was first reported (an outlet retelling in October what was
    said in July)."""
    if EVENT_TYPES[a.type].group != "speech" or not (a.quote and b.quote):
        return False
    earlier, later = sorted((a, b), key=lambda e: e.time.value or "")
    return (
        later.time.text is None
        and bool(earlier.time.value)
        and min(len(_WORDS.findall(a.quote)), len(_WORDS.findall(b.quote))) >= SAID_AGAIN_WORDS
        and _quotes_overlap(a.quote, b.quote)
    )


def _roles(event: Event) -> frozenset[tuple[str, str]]:
    return frozenset((p.role, p.entity) for p in event.participants)


def _reported_together(a: Event, first: Report | None, b: Event, second: Report | None) -> bool:
    """Whether an undated reading can be of the same event as another: reported within
    UNDATED_WINDOW_DAYS of it, and not before the other's date."""
    if first is None or second is None or not first.published or not second.published:
        return True
    if abs((first_day(first.published) - first_day(second.published)).days) > UNDATED_WINDOW_DAYS:
        return False
    for event, report in ((a, second), (b, first)):  # a dated event is not reported before it
        if (
            event.time.value
            and report.published
            and report.published[: len(event.time.value)]
            < event.time.value[: len(report.published)]
        ):
            return False
    return True


def _times_agree(a: TimeValue, b: TimeValue, other_outlet: bool) -> bool:
    if a.value is None or b.value is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    if other_outlet and a.precision == b.precision == "day":
        return abs((first_day(a.value) - first_day(b.value)).days) <= (DATE_SLACK_DAYS)
    return False


_WORDS = re.compile(r"\w+")


def _quotes_overlap(a: str, b: str) -> bool:
    left, right = set(_WORDS.findall(a.lower())), set(_WORDS.findall(b.lower()))
    shorter = min(len(left), len(right))
    return shorter > 0 and len(left & right) / shorter >= QUOTE_OVERLAP


def fuse(readings: Sequence[Event], reports: Mapping[str, Report]) -> Event:
    """One event from its readings (the first read is the representative)."""
    first = readings[0]
    participants = max(readings, key=lambda e: len(e.participants)).participants
    # a date the words give before one taken from the day of a report, and of those the
    # first report's (words said again are dated when first reported); then the most
    # precise, then the most reported, then the first read
    dated = sorted((e for e in readings if e.time.value), key=lambda e: e.time.value or "")
    reported = Counter(e.time.value for e in dated)
    time = (
        max(
            dated,
            key=lambda e: (
                e.time.text is not None,
                len(e.time.value or ""),
                e.time.text is not None or e.time.value == dated[0].time.value,
                reported[e.time.value],
                -readings.index(e),
            ),
        ).time
        if dated
        else first.time
    )
    modality = max(readings, key=lambda e: _report_order(e, reports)).modality
    quotes = [e.quote for e in readings if e.quote]
    evidence = tuple(dict.fromkeys(v for e in readings for v in e.evidence))
    origins = {reports[v.document].origin for v in evidence if v.document in reports}
    return replace(
        first,
        participants=participants,
        time=time,
        modality=modality,
        summary=summarise(first.type, participants, modality),
        quote=quotes[0] if quotes else None,
        evidence=evidence,
        outlets=max(len(origins), 1),
        conflicts=_conflicts(readings),
    )


def _report_order(event: Event, reports: Mapping[str, Report]) -> tuple[str, int]:
    report = reports.get(event.evidence[0].document)
    return ("", 0) if report is None else (report.published or "", report.order)


def _conflicts(readings: Sequence[Event]) -> tuple[Conflict, ...]:
    """The fields on which readings differ, each variant with the documents saying it."""
    out: list[Conflict] = []
    first_day_told = min((e.time.value for e in readings if e.time.value), default=None)

    def stated_time(event: Event) -> str | None:
        # a later report's own day is no date it states, only when it told of it
        told = event.time.text is None and event.time.value != first_day_told
        return None if told else event.time.value

    fields: tuple[tuple[str, Callable[[Event], str | None]], ...] = (
        ("time", stated_time),
        ("modality", lambda e: e.modality),
        ("quote", lambda e: e.quote),
    )
    for field, value_of in fields:
        variants: dict[str, list[str]] = defaultdict(list)
        for event in readings:
            value = value_of(event)
            if value:
                documents = variants[value]
                documents.extend(v.document for v in event.evidence if v.document not in documents)
        if field == "time":  # "2024" and "2024-05-19" are one date, said more or less exactly
            variants = {
                v: d
                for v, d in variants.items()
                if not any(o != v and o.startswith(v) for o in variants)
            }
        if len(variants) > 1:
            out.extend(Conflict(field, v, tuple(d)) for v, d in variants.items())
    return tuple(out)
