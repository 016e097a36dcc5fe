"""Stories: which documents tell the same story, decided as each document arrives.

Rewrites of one story share few words verbatim but the same people, works and places,
and the same telling words. A document is compared with a story through two profiles:
the entities it names more than once, weighted by how often and by how rare they are
among the documents already in stories (IDF: "Han So-hee" says more than "Instagram"),
and its TERMS most telling words (TF-IDF). The similarity is the geometric mean of the
two cosines (both must agree: unrelated articles on one beat share one or the other),
discounted by the time the document lies outside the story's span. Candidate stories
are those of the latest documents naming its salient entities or words (postings, never
a scan); it joins the closest at JOIN or more, else starts a story. A document that is
also MERGE-close to a second story bridges two halves of one story: they merge, and the
old id keeps resolving. A near-copy joins its original's story.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Protocol

from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.models import Document, StoryJoin, first_day, new_id
from storyline.similarity import cosine

JOIN = 0.08  # least similarity to join a story
MERGE = 0.3  # least similarity to a second story for the two to merge
SALIENT = 8  # entities (and words) of a document that look for candidate stories
POSTINGS = 200  # latest documents per entity or word that are looked at
TERMS = 80  # words kept per document
POSTED_TERMS = 20  # of which this many are posted, for later documents to find
# A story is compared by the entities most of its documents name; the long tail of a big
# story's passing mentions moves its cosine little and would make every comparison slow.
STORY_ENTITIES = 100
# Time apart discounts similarity: a year outside a story's span leaves 1/e of it.
TIME_SCALE_DAYS = 365.0


class StoryStore(Protocol):
    """What stories read and write of the store."""

    def clear_stories(self) -> None: ...

    def count_in_stories(self) -> int: ...

    def count_terms(self, terms: Iterable[str]) -> None: ...

    def document_entity_counts(self, document_id: str) -> dict[str, int]: ...

    def documents(self, *, limit: int | None = None) -> Iterator[Document]: ...

    def entity_document_frequency(self, entity_ids: Iterable[str]) -> dict[str, int]: ...

    def entity_facts(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, str, int]]: ...

    def entity_names(self, ids: Iterable[str]) -> dict[str, str]: ...

    def get_document(self, ref: str) -> Document: ...

    def join_story(self, story_id: str, join: StoryJoin) -> None: ...

    def leave_story(
        self, document_id: str, entities: Iterable[str], terms: Iterable[str]
    ) -> None: ...

    def merge_story(self, into: str, merged: str) -> None: ...

    def resolve_story(self, story_id: str) -> str | None: ...

    def set_title(self, story_id: str, title: str) -> None: ...

    def stories_for_keys(self, keys: Iterable[str], per_key: int) -> set[str]: ...

    def story_entity_counts(self, story_id: str, limit: int = -1) -> dict[str, int]: ...

    def story_event_types(self, story_id: str) -> dict[str, int]: ...

    def story_of(self, document_id: str) -> str | None: ...

    def story_span(self, story_id: str) -> tuple[str | None, str | None]: ...

    def story_term_weights(self, story_id: str, terms: Iterable[str]) -> dict[str, float]: ...

    def story_terms_norm(self, story_id: str) -> float: ...

    def term_frequencies(self, terms: Iterable[str]) -> dict[str, int]: ...

    def transaction(self) -> AbstractContextManager[None]: ...


def assign_story(store: StoryStore, document: Document) -> str:
    """Put a stored, analysed document into a story (joining, starting or merging
    stories) and return the story's id."""
    counts = store.document_entity_counts(document.id)
    # the documents stories were decided on, and this one: once per document
    total = store.count_in_stories() + 1
    repeated = _repeated(counts)
    profile = _weights(store, repeated, total)
    words = _text_profile(store, document, total)
    join = StoryJoin(
        document.id,
        document.published.value,
        entities=counts,
        terms=words,
        keys=[f"e:{e}" for e in repeated] + [f"t:{t}" for t in _top(words, POSTED_TERMS)],
    )
    original = store.story_of(document.duplicate_of) if document.duplicate_of else None
    if original:
        store.join_story(original, join)
        _retitle(store, original)
        return original
    keys = [f"e:{e}" for e in _top(profile)] + [f"t:{t}" for t in _top(words)]
    candidates = store.stories_for_keys(keys, POSTINGS)
    scored = sorted(
        (
            (_similarity(store, profile, words, story, document, total), story)
            for story in candidates
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < JOIN:
        story = new_id("s", document.id)
        store.join_story(story, join)
    else:
        story = scored[0][1]
        store.join_story(story, join)
        # the document bridges two halves of one story: they become one
        for score, other in scored[1:]:
            if score >= MERGE:
                store.merge_story(story, other)
    _retitle(store, story)
    return story


def leave_story(store: StoryStore, document_id: str) -> None:
    """Take a document that is about to be deleted out of its story."""
    story = store.story_of(document_id)
    if story is None:
        return
    text = store.get_document(document_id).text
    store.leave_story(document_id, store.document_entity_counts(document_id), _words(text))
    if store.resolve_story(story) == story:
        _retitle(store, story)


def _repeated(counts: Mapping[str, int]) -> dict[str, int]:
    """The entities a document names more than once: what it is about, not what it
    passes by (and not the NER's one-off mistakes). All of them if none repeats."""
    repeated = {e: n for e, n in counts.items() if n >= 2}
    return repeated or dict(counts)


def _top(weights: Mapping[str, float], n: int = SALIENT) -> list[str]:
    return sorted(weights, key=lambda k: (-weights[k], k))[:n]


_WORD = re.compile(r"[a-z][a-z'’-]{2,}")


def _words(text: str) -> Counter[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return Counter(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


def _text_profile(store: StoryStore, document: Document, total: int) -> dict[str, float]:
    """The document's TERMS most telling words, TF-IDF against the documents in stories
    so far and this one."""
    counts = _words(document.text)
    store.count_terms(counts)
    frequency = store.term_frequencies(counts)
    weights = {
        term: (1 + math.log(n)) * math.log(1 + total / max(frequency.get(term, 1), 1))
        for term, n in counts.items()
    }
    return {t: weights[t] for t in _top(weights, TERMS)}


def _weights(store: StoryStore, counts: Mapping[str, int], total: int) -> dict[str, float]:
    """Entity counts weighted by rarity: (1 + log count) * log(N / df)."""
    if not counts:
        return {}
    frequency = store.entity_document_frequency(counts)
    return {
        entity: (1 + math.log(count)) * math.log(1 + total / (frequency.get(entity, 0) + 1))
        for entity, count in counts.items()
    }


def _similarity(
    store: StoryStore,
    profile: Mapping[str, float],
    words: Mapping[str, float],
    story: str,
    document: Document,
    total: int,
) -> float:
    """How much the document is like the story: the geometric mean of its entities' and
    its words' similarity to the story's, less for a story far away in time."""
    entities = cosine(
        profile, _weights(store, store.story_entity_counts(story, STORY_ENTITIES), total)
    )
    text = _text_cosine(store, words, story)
    # both must agree: rewrites share people and words, unrelated pieces of one beat
    # share one or the other (the same agency, the same "drama" and "episode")
    score = math.sqrt(entities * text)
    first, last = store.story_span(story)
    return score * math.exp(-_days_outside(document.published.value, first, last) / TIME_SCALE_DAYS)


def _text_cosine(store: StoryStore, words: Mapping[str, float], story: str) -> float:
    """The cosine of the document's words with the story's, from the story's weights of
    those words and its kept norm."""
    shared = store.story_term_weights(story, words)
    dot = sum(words[t] * w for t, w in shared.items())
    norm = math.sqrt(sum(v * v for v in words.values())) * store.story_terms_norm(story)
    return dot / norm if dot and norm else 0.0


def _days_outside(value: str | None, first: str | None, last: str | None) -> int:
    """How far a date lies outside a span, in days (0 when unknown or inside)."""
    if not value or not first or not last:
        return 0
    when, start, end = first_day(value), first_day(first), first_day(last)
    if when < start:
        return (start - when).days
    if when > end:
        return (when - end).days
    return 0


def _retitle(store: StoryStore, story: str) -> None:
    store.set_title(story, story_title(store, story))


_TITLE_TYPES = {"person": 0, "work": 1, "event": 2, "org": 3, "place": 4}


def story_entities(store: StoryStore, story: str) -> list[str]:
    """The story's entities, what it is most about first: named in most of its
    documents, then people before works, events, organisations and places."""
    counts = store.story_entity_counts(story)
    facts = store.entity_facts(counts)
    return sorted(
        (e for e in counts if e in facts),
        key=lambda e: (-counts[e], _TITLE_TYPES.get(facts[e][0], 5), -facts[e][2], e),
    )


def story_title(store: StoryStore, story: str) -> str:
    """'Song Hye-kyo and Han So-hee: like, support, dating': the two people or works
    most of its documents name, and what happens most in it."""
    top = story_entities(store, story)[:2]
    names = store.entity_names(top)
    kinds: Counter[str] = Counter()
    for type_, count in store.story_event_types(story).items():
        spec = EVENT_TYPES.get(type_)  # type: ignore[call-overload]
        if spec is not None and spec.in_titles:
            kinds[spec.label] += count
    head = " and ".join(names[e] for e in top if e in names) or "Untitled story"
    what = ", ".join(sorted(kinds, key=lambda k: (-kinds[k], k))[:3])
    return f"{head}: {what}" if what else head


def restory(store: StoryStore) -> int:
    """Forget every story and assign all documents again, in ingest order (after a
    change of parameters); the result is what incremental ingest in that order gives."""
    with store.transaction():
        store.clear_stories()
    count = 0
    for document in list(store.documents()):
        with store.transaction():
            assign_story(store, document)
        count += 1
    return count
