"""Story assignment at scale: the time to place one new document in a store of 1,000,
10,000 and 100,000 documents, and the time to recompute every story.

    python benchmarks/stories.py [--max 100000] [--probe 50]

The store is synthetic (no NLP): documents of ~250 words drawn from a Zipf vocabulary
plus words of their topic, each naming a few entities of its topic more than once and a
few common ones once; topics have Zipf sizes and a time span. Documents go in through the
real store and `assign_story`, in date order. At each checkpoint, PROBE more documents
are stored, and their assignment (`assign_story`, not the generating or storing) timed
one by one: the median is "one new document" (target: under 50 ms
at 100k, and at most 3x the time at 1k). Then `restory` recomputes everything. Prints
peak memory too.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from _common import peak_rss_mb
from storyline.connect.stories import assign_story, restory
from storyline.models import Document, Mention, Published
from storyline.store import SQLiteStore, open_store

VOCABULARY = 50_000
ENTITIES = 200_000
CHECKPOINTS = (1_000, 10_000, 100_000)


def letters(n: int) -> str:
    """A number as a lower-case word (storyline reads words of letters only)."""
    out = ""
    while True:
        n, digit = divmod(n, 26)
        out = chr(ord("a") + digit) + out
        if n == 0:
            return out


class Corpus:
    """Synthetic documents: topic words and entities on top of Zipf background."""

    def __init__(self, seed: int = 7) -> None:
        self.random = random.Random(seed)
        self.words = [f"wor{letters(i)}" for i in range(VOCABULARY)]
        self.word_weights = list(accumulate(1 / (i + 1) for i in range(VOCABULARY)))
        self.entity_weights = list(accumulate(1 / (i + 1) for i in range(ENTITIES)))
        self.topics: list[tuple[list[str], list[int], date]] = []

    def topic(self) -> tuple[list[str], list[int], date]:
        # new topics keep coming; old ones keep getting articles (Zipf over topics)
        if not self.topics or self.random.random() < 0.15:
            words = [f"top{letters(len(self.topics))}q{letters(k)}" for k in range(12)]
            entities = self.random.sample(range(ENTITIES), 4)
            start = date(2020, 1, 1) + timedelta(days=len(self.topics) // 20)
            self.topics.append((words, entities, start))
        index = min(int(self.random.paretovariate(1.2)) - 1, len(self.topics) - 1)
        return self.topics[-1 - index]

    def document(self, n: int) -> tuple[Document, list[tuple[int, int]]]:
        words, entities, start = self.topic()
        text = self.random.choices(self.words, cum_weights=self.word_weights, k=220)
        text += self.random.choices(words, k=30)
        self.random.shuffle(text)
        published = start + timedelta(days=self.random.randint(0, 60))
        named = [(e, self.random.randint(2, 4)) for e in self.random.sample(entities, 3)]
        common = self.random.choices(range(ENTITIES), cum_weights=self.entity_weights, k=5)
        named += [(e, 1) for e in common]
        document = Document(
            id=f"d_{n:012d}",
            source=f"synthetic#{n}",
            kind="jsonl",
            text=" ".join(text),
            published=Published(published.isoformat(), "day", "input"),
            ingested_at="2025-01-01T00:00:00+00:00",
        )
        return document, named


def add(store: SQLiteStore, corpus: Corpus, n: int, known: set[int]) -> float:
    """Store one synthetic document and assign its story; the seconds assigning took."""
    document, named = corpus.document(n)
    with store.transaction():
        store.insert_document(document, document.id)
        mentions = []
        for entity, count in named:
            entity_id = f"e_{entity:012d}"
            if entity not in known:
                store.create_entity(entity_id, "person", f"Person {entity}", document.id)
                known.add(entity)
            for _ in range(count):
                start = len(mentions) * 10
                mentions.append(
                    Mention(start, start + 5, f"P{entity}", "person", 0, entity=entity_id)
                )
        store.insert_mentions(document.id, mentions, {})
        start = time.perf_counter()
        assign_story(store, document)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=CHECKPOINTS[-1], help="largest store size")
    parser.add_argument("--probe", type=int, default=50, help="documents timed per checkpoint")
    args = parser.parse_args()
    corpus = Corpus()
    known: set[int] = set()
    timings: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "s.db") as store:
        n = 0
        build = time.perf_counter()
        for checkpoint in [c for c in CHECKPOINTS if c <= args.max]:
            while n < checkpoint:
                add(store, corpus, n, known)
                n += 1
            probes = []
            for _ in range(args.probe):
                probes.append(add(store, corpus, n, known))
                n += 1
            timings[checkpoint] = statistics.median(probes)
            one = timings[checkpoint] * 1000
            print(
                f"{checkpoint:>7,} documents: one new document {one:6.1f} ms "
                f"(median of {args.probe}; {len(store.stories()):,} stories; "
                f"built in {time.perf_counter() - build:.0f} s)",
                flush=True,
            )
        start = time.perf_counter()
        restory(store)
        print(f"restory of {n:,} documents: {time.perf_counter() - start:.0f} s")
    first, last = min(timings), max(timings)
    print(f"ratio {last:,}/{first:,}: {timings[last] / timings[first]:.2f} (target <= 3)")
    print(f"peak memory: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
