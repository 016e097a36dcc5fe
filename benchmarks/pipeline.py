"""The whole pipeline's speed against bare spaCy on the same texts, in the same run.

    python benchmarks/pipeline.py [--corpus ../shared/corpus/t17/MJ_bbc/articles.jsonl]
                                  [--repeat 2] [--workers 1]

storyline: `ingest` of the corpus file into a fresh SQLite store: read, clean, date,
annotate (spaCy plus storyline's rules), resolve entities, read events and times, store,
one transaction per document. Reference: `nlp.pipe` of spaCy's English pipeline (as
storyline loads it, without storyline's components) over the same cleaned texts. The
two alternate, best of REPEAT each; the ratio is storyline's throughput over the
reference's (target >= 0.6). With --workers N, storyline parses in N processes, and a
second line gives its throughput with one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _common import BATCH, MJ_ARTICLES, bare_spacy, need
from storyline.analyse.annotate import Annotator
from storyline.errors import InputError
from storyline.models import RawDocument
from storyline.pipeline import ingest, prepare
from storyline.store import open_store


def cleaned_texts(corpus: Path) -> tuple[list[str], int]:
    """The texts storyline stores, and how many records it rejects (nothing left after
    cleaning): those the reference does not parse either."""
    texts, rejected = [], 0
    with corpus.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            record = json.loads(line)
            raw = RawDocument(f"{corpus}#{n + 1}", "jsonl", record["text"], record.get("title"))
            try:
                texts.append(prepare(raw).document.text)
            except InputError:
                rejected += 1
    return texts, rejected


def storyline_ingest(
    corpus: Path, annotator: Annotator, db: Path, rejected: int
) -> tuple[float, int, int]:
    """Seconds to ingest the corpus into a new store; its entities and events."""
    with open_store(db) as store:
        start = time.perf_counter()
        summary = ingest(store, [str(corpus)], annotator=annotator)
        seconds = time.perf_counter() - start
        assert summary.failed == rejected, summary
        return seconds, store.count_entities(), store.count_events()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=MJ_ARTICLES)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, best kept")
    parser.add_argument("--workers", type=int, default=1, help="storyline's parsing processes")
    args = parser.parse_args()
    texts, rejected = cleaned_texts(need(args.corpus))
    words = sum(len(t.split()) for t in texts)
    runs = [1] if args.workers == 1 else [args.workers, 1]
    annotators = {n: Annotator(batch_size=BATCH * n, workers=n) for n in runs}
    for annotator in annotators.values():  # load spaCy (and start workers) untimed
        list(annotator.annotate_many(["Warm up, as bare spaCy's load is not timed."] * 2))
    bare = float("inf")
    ours = dict.fromkeys(runs, float("inf"))
    found = (0, 0)
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.repeat):
            bare = min(bare, bare_spacy(texts))
            for n, annotator in annotators.items():
                seconds, *counts = storyline_ingest(
                    args.corpus, annotator, Path(folder) / f"{run}-{n}.db", rejected
                )
                ours[n] = min(ours[n], seconds)
                found = (counts[0], counts[1])
    for annotator in annotators.values():
        annotator.close()
    docs = len(texts)
    name = f"{args.corpus.parent.name}/{args.corpus.name}"
    print(f"corpus: {name}, {docs} documents ({rejected} empty after cleaning), {words:,} words")
    print(f"found: {found[0]} entities, {found[1]} events")
    print(f"bare spaCy nlp.pipe:          {docs / bare:7.1f} docs/s  ({bare:.1f} s)")
    for n in runs:
        label = f"storyline ingest, {n} worker{'s' * (n > 1)}:"
        print(f"{label:30}{docs / ours[n]:7.1f} docs/s  ({ours[n]:.1f} s)")
    for n in runs:
        label = f"ratio, {n} worker{'s' * (n > 1)} / bare:"
        print(f"{label:30}{bare / ours[n]:7.2f}  (target >= 0.60)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
