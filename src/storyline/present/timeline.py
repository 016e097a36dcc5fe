"""Timelines: a story's (or an entity's, or a pair's) events in time order, and the
summary timeline of the K most important dates told in N sentences each.

Event timeline: each fused event once, at its date cut to its precision (a month sorts
as the month: before the days in it); undated events after the dated ones, in the order
they were reported, marked undated.

Summary timeline (the Timeline17 setting): a date matters when many articles name it
("on June 25", "yesterday" in an article of the 26th) and many came out on it;
each chosen date is told by the sentences that name it that are most like the others
about it (their TF-IDF centroid), without repeating one another.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.analyse.times import find_times
from storyline.connect.fusion import fused_event_page, fused_events
from storyline.models import Conflict, Document, Event, Evidence, Modality
from storyline.similarity import cosine

if TYPE_CHECKING:
    from storyline.store import SQLiteStore

# A publication counts for its day like half an article naming it.
PUBLISHED_WEIGHT = 0.5
# Two sentences this alike (word cosine) say the same thing: the second is left out.
REDUNDANT = 0.5
# Sentences longer than this many characters are rarely a summary; shorter than the
# minimum, rarely a statement.
LONGEST, SHORTEST = 400, 30


@dataclass(slots=True)
class Entry:
    """One line of a timeline."""

    date: str | None  # ISO, cut to its precision; None when undated
    precision: str
    text: str
    modality: Modality = "asserted"
    outlets: int = 1
    event: str | None = None
    type: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def undated(self) -> bool:
        return self.date is None


def event_timeline(events: Sequence[Event], order: dict[str, tuple[str, int]]) -> list[Entry]:
    """Events as entries: dated ones by date (a month before its days), then the undated
    in the order they were first reported. `order` gives each document's (published,
    ingest order)."""

    def reported(event: Event) -> tuple[str, int]:
        return min((order.get(v.document, ("", 0)) for v in event.evidence), default=("", 0))

    ordered = sorted(
        events, key=lambda e: (e.time.value is None, e.time.value or "", reported(e), e.id)
    )
    return [_entry(e) for e in ordered]


def _entry(event: Event) -> Entry:
    return Entry(
        date=event.time.value,
        precision=event.time.precision,
        text=event.summary,
        modality=event.modality,
        outlets=event.outlets,
        event=event.id,
        type=event.type,
        evidence=list(event.evidence),
        conflicts=list(event.conflicts),
    )


# --- summary timelines ------------------------------------------------------------------

_WORD = re.compile(r"[a-z][a-z0-9'’-]+")


@dataclass(slots=True, frozen=True)
class _Sentence:
    document: str
    start: int
    end: int
    text: str
    words: Counter[str]


def summary_timeline(
    documents: Iterable[tuple[Document, Sequence[tuple[int, int]]]],
    dates: int,
    sentences: int,
) -> list[Entry]:
    """The `dates` most important days, each told by up to `sentences` sentences taken
    from the articles. `documents` gives each document with its sentence offsets."""
    from spacy.lang.en.stop_words import STOP_WORDS

    by_date: dict[str, list[_Sentence]] = defaultdict(list)
    weight: defaultdict[str, float] = defaultdict(float)
    frequency: Counter[str] = Counter()
    total = 0
    leads: dict[str, list[_Sentence]] = defaultdict(list)
    for document, offsets in documents:
        published = document.published.value
        day_published = published if document.published.precision == "day" else None
        if day_published:
            weight[day_published] += PUBLISHED_WEIGHT
        named_here: set[str] = set()
        for position, (start, end) in enumerate(offsets):
            text = document.text[start:end].strip()
            words = Counter(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)
            frequency.update(words.keys())
            total += 1
            if not SHORTEST <= len(text) <= LONGEST:
                continue
            sentence = _Sentence(document.id, start, end, text, words)
            named = {
                t.time.value
                for t in find_times(text, document.published)
                if t.time.precision == "day" and t.time.value
            }
            for day in named:
                by_date[day].append(sentence)
            named_here |= named
            if day_published and position < 2 and not named:
                leads[day_published].append(sentence)
        # a date counts once per article: a live blog saying "tonight" forty times is one
        for day in named_here:
            weight[day] += 1
    idf = {w: math.log(1 + total / n) for w, n in frequency.items()}
    chosen_days = sorted(weight, key=lambda d: (-weight[d], d))[:dates]
    entries = []
    for day in sorted(chosen_days):
        candidates = by_date.get(day, []) + leads.get(day, [])
        for sentence in _central(candidates, idf, sentences):
            entries.append(
                Entry(
                    date=day,
                    precision="day",
                    text=sentence.text,
                    evidence=[
                        Evidence(sentence.document, sentence.start, sentence.end, sentence.text)
                    ],
                )
            )
    return entries


def _central(candidates: list[_Sentence], idf: dict[str, float], n: int) -> list[_Sentence]:
    """The n sentences closest to the candidates' centroid, none too like another."""
    vectors = [{w: c * idf.get(w, 0.0) for w, c in s.words.items()} for s in candidates]
    centroid: defaultdict[str, float] = defaultdict(float)
    for vector in vectors:
        for word, value in vector.items():
            centroid[word] += value
    ranked = sorted(range(len(candidates)), key=lambda i: (-cosine(vectors[i], centroid), i))
    picked: list[int] = []
    seen_texts: set[str] = set()
    for i in ranked:
        if len(picked) == n:
            break
        if candidates[i].text in seen_texts:
            continue
        if any(cosine(vectors[i], vectors[j]) > REDUNDANT for j in picked):
            continue
        picked.append(i)
        seen_texts.add(candidates[i].text)
    return [candidates[i] for i in picked]


# --- from the store ---------------------------------------------------------------------


def timeline(
    store: SQLiteStore,
    *,
    story_id: str | None = None,
    entity_ids: Sequence[str] = (),
    pair: tuple[str, str] | None = None,
) -> list[Entry]:
    """The event timeline of a story, of entities (any of them takes part), of a pair
    (both take part), or of everything."""
    events = fused_events(store, story_id=story_id, entity_ids=pair or entity_ids)
    if pair:
        events = [e for e in events if set(pair) <= {p.entity for p in e.participants}]
    return _entries(store, events)


def timeline_page(
    store: SQLiteStore,
    *,
    limit: int,
    offset: int = 0,
    story_id: str | None = None,
    entity_ids: Sequence[str] = (),
) -> tuple[int, list[Entry]]:
    """How many entries the timeline of a story or of entities has, and `limit` of them
    from `offset` (a long timeline is read a page at a time). Pages follow the store's
    order, dates first, then undated events in the order they were read; within a page,
    as across pages."""
    total, events = fused_event_page(
        store, limit=limit, offset=offset, story_id=story_id, entity_ids=entity_ids
    )
    return total, [_entry(e) for e in events]


def _entries(store: SQLiteStore, events: Sequence[Event]) -> list[Entry]:
    labels = store.document_labels(v.document for e in events for v in e.evidence)
    order = {d: (label.published or "", label.order) for d, label in labels.items()}
    return event_timeline(events, order)


def store_summary_timeline(
    store: SQLiteStore, dates: int, sentences: int, *, story_id: str | None = None
) -> list[Entry]:
    """The summary timeline of a story or of every document."""
    documents = (
        (d, [(s.start, s.end) for s in store.document_sentences(d.id)])
        for d in store.documents()
        if (story_id is None or d.story == story_id) and d.duplicate_of is None
    )
    return summary_timeline(documents, dates, sentences)
