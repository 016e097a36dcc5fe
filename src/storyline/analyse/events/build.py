"""One event from a trigger and its participants: time, modality, summary, quote and
the sentence as evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyse.events.context import Context, sentence_mentions
from storyline.analyse.events.timing import time_near, work_year
from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.analyse.modality import event_modality, in_time
from storyline.analyse.quotes import QUOTE
from storyline.analyse.summaries import summarise
from storyline.models import Event, EventTypeName, Evidence, Mention, Participant, new_id

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# What happens to a work when it comes out: dated by the work's year when nothing else.
_DATED_BY_WORK = frozenset({"career.cast", "career.release", "career.debut"})


def make_event(
    context: Context,
    index: int,
    sentence: Span,
    type_: EventTypeName,
    trigger: Token,
    participants: list[tuple[str, Mention]],
) -> Event:
    start, end = context.sentences[index]
    document = context.document
    text = document.text[start:end]
    speaker = participants[0][1].entity if EVENT_TYPES[type_].dated_by_report else None
    time = time_near(context, index, trigger.idx, said_by=speaker)
    work = next((m for role, m in participants if role == "work"), None)
    if time.value is None and work is not None and type_ in _DATED_BY_WORK:
        time = work_year(context, work)  # "starred in “My Mister” (2018)"
    modality = event_modality(type_, sentence, trigger)
    time, modality = in_time(type_, time, modality, document.published.value)
    people = tuple(
        Participant(role, m.entity or "", context.names.get(m.entity or "", m.text))
        for role, m in participants
    )
    quote = None
    if EVENT_TYPES[type_].quoted:
        titles = {m.text for m in sentence_mentions(context, sentence)}
        quotes = [q.strip() for q in QUOTE.findall(text) if q.strip(" ,.") not in titles]
        quote = max(quotes, key=len) if quotes else None  # the words, not a quoted title
    seed = f"{document.id}\n{type_}\n{start}\n" + "\n".join(f"{p.role}={p.entity}" for p in people)
    return Event(
        id=new_id("v", seed),
        type=type_,
        participants=people,
        time=time,
        modality=modality,
        summary=summarise(type_, people, modality),
        evidence=(Evidence(document.id, start, end, text),),
        quote=quote,
    )
