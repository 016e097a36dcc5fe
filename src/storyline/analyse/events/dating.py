"""Dates a document's events take from the rest of it, once every sentence is read:
the day of an occasion it dates elsewhere, a chronology's entry, a gathering named
before; and what the dead are told to have said is of no report's day."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from storyline.analyse.events.context import Context
from storyline.analyse.events.timing import OCCASION_NOUNS, against_report, named_occasion
from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.models import Event, Mention, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Token


def date_from_document(context: Context, events: list[Event]) -> None:
    """Date what the sentences left undated, or dated by the report only."""
    _date_by_occasion(context, events)
    _date_by_entry(context, events)
    _date_by_named_gathering(context, events)
    _said_before_dying(context, events)


_OCCASION_ROLES = frozenset({"award", "event"})


def _date_by_occasion(context: Context, events: list[Event]) -> None:
    """'Kim was named the winner of two prizes': an undated event at an occasion the
    document dates elsewhere ("the awards, held on Thursday", "The 52nd Daejong Film
    Awards on Friday were …", an award won there on a day) happened then."""
    dated = _dated_occasions(context)
    for event in events:
        for p in event.participants:
            if p.role in _OCCASION_ROLES and event.time.value and p.entity not in dated:
                dated[p.entity] = event.time
    for event in events:
        if event.time.value is None:
            time = next((dated[p.entity] for p in event.participants if p.entity in dated), None)
            if time is not None:
                event.time = time
    occasion = context.discourse.occasion if context.discourse else None
    ceremony = dated.get(occasion.entity or "") if occasion is not None else None
    if occasion is None and len(set(dated.values())) == 1:
        ceremony = next(iter(dated.values()))  # the one occasion the text dates
    for event in events:
        # "In his acceptance speech, he said …": said at the ceremony, on its day
        if (
            ceremony is not None
            and event.type == "speech.statement"
            and not event.time.text
            and _AT_CEREMONY.search(event.evidence[0].text)
        ):
            event.time = ceremony


# Sentences that open with a date a chronology needs to be one: "12 October 2011 Dr
# Murray's defense backs out …", entry after entry.
_CHRONOLOGY_ENTRIES = 3


def _date_by_entry(context: Context, events: list[Event]) -> None:
    """In a chronology, each entry opening with its date ("8 October 2011 Dr Murray
    reveals …"), what its sentences tell without a date of their own happened on the
    entry's date, not on the day of the report."""
    text, times = context.document.text, context.times
    time_starts = [t.start for t in times]
    entries: list[tuple[int, TimeValue]] = []
    for start, _ in context.sentences:
        at = bisect_left(time_starts, start)
        opening = times[at] if at < len(times) else None
        if (
            opening is not None
            and not text[start : opening.start].strip()
            and opening.time.precision == "day"
            and text[opening.end : opening.end + 2].strip()[:1].isupper()
        ):
            entries.append((start, opening.time))
    if len(entries) < _CHRONOLOGY_ENTRIES:
        return
    starts = [start for start, _ in entries]
    for event in events:
        at = bisect_right(starts, event.evidence[0].start) - 1
        if at >= 0 and event.time.text is None:
            event.time = entries[at][1]


def _date_by_named_gathering(context: Context, events: list[Event]) -> None:
    """'Craig David has been lined up to perform at the gig', after 'The gig takes place
    at Cardiff's Millennium Stadium on 8 October': an undated event at the gathering
    the article dated before happens on its day."""
    starts = [start for start, _ in context.sentences]
    days: dict[int, TimeValue | None] = {}  # by sentence: several events share one
    for event in events:
        if event.time.value is None and EVENT_TYPES[event.type].modality != "said":
            index = bisect_right(starts, event.evidence[0].start) - 1
            if index >= 0 and index not in days:
                days[index] = named_occasion(context, index, said=False)
            day = days.get(index)
            if day is not None and _fits_tense(context, event, day):
                event.time = day


def _fits_tense(context: Context, event: Event, day: TimeValue) -> bool:
    """A planned event on a day to come, a reported one on a day gone: a weekday the
    article left to the reader's sense of tense is no date of the other."""
    side = against_report(context, day)
    return not (
        (event.modality == "planned" and side < 0) or (event.modality == "asserted" and side > 0)
    )


def _said_before_dying(context: Context, events: list[Event]) -> None:
    """'Michael said he had a rapport with him', in an article of 2011 that tells of his
    death in 2009: what the dead are told to have said was not said on the day of the
    report. Unknown, unless the words give their day."""
    published = context.document.published.value or ""
    died = {
        p.entity
        for e in events
        if e.type == "bio.died" and e.modality == "asserted" and (e.time.value or "") < published
        for p in e.participants
    }
    for event in events:
        speakers = {p.entity for p in event.participants if p.role == "speaker"}
        if speakers & died and event.time.value and event.time.text is None:
            event.time = TimeValue.unknown()


_AT_CEREMONY = re.compile(
    r"\bacceptance speech\b|\baccepting (?:the|his|her|their) (?:award|prize|trophy)\b",
    re.I,
)


def _event_named_before(context: Context, noun: Token) -> Mention | None:
    """The occasion a sentence named last before `noun`."""
    sentence = noun.sent
    named = context.mentions_starting(sentence.start_char, noun.idx)
    return next((m for m in reversed(named) if m.type == "event" and m.entity), None)


def _event_right_before(context: Context, verb: Token) -> Mention | None:
    """The occasion named just before the verb: "the SBS Awards Festival 2014 held …"."""
    named = _event_named_before(context, verb)
    text = context.document.text
    if named is None or not re.fullmatch(r"[\s\d,]*", text[named.end : verb.idx]):
        return None
    return named


def _dated_occasions(context: Context) -> dict[str, TimeValue]:
    """The day the text gives an occasion where it names it: a time that hangs on the
    occasion's name, or on a clause about it ("MAMA, held late Sunday")."""
    dated: dict[str, TimeValue] = {}
    for time in context.times:
        if time.time.precision != "day":
            continue
        span = context.doc.char_span(time.start, time.end, alignment_mode="expand")
        token = span.root if span is not None else None
        for _ in range(4):
            if token is None or token.head.i == token.i:
                break
            token = token.head
            verb = token.pos_ in {"VERB", "AUX"}
            # "MAMA 2020, held Sunday"; "the awards were held on Friday"
            named = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}] if verb else []
            occasion = next(
                (
                    m
                    for t in [token, *named]
                    if (m := context.mention_of(t)) is not None and m.type == "event" and m.entity
                ),
                None,
            )
            if occasion is None and token.lemma_.lower() in OCCASION_NOUNS:
                occasion = _event_named_before(context, token)  # "…, the awards show, held"
            if occasion is None and verb and token.lemma_.lower() == "hold":
                occasion = _event_right_before(context, token)  # misparsed: "… Festival held"
            if occasion is not None and occasion.entity:
                dated.setdefault(occasion.entity, time.time)
                break
            if verb and token.dep_ not in {"acl", "relcl"}:
                break
    return dated
