"""Ingest speed and memory on a real JSONL dump, against a bare reference in the same run.

    python benchmarks/ingest.py [--corpus ../shared/corpus/kh/articles.jsonl] [--repeat 1]

storyline: `storyline.pipeline` into a fresh SQLite file (read, clean, date, detect
language, hash, annotate and resolve entities with spaCy, one transaction per document,
FTS index); annotation dominates, and benchmarks/annotate.py measures it against bare
spaCy. Reference: json.loads each line and INSERT its text into a plain SQLite table,
one transaction per line, the floor any ingest pays. Prints documents per second for
both, their ratio, and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _common import KH_ARTICLES, bare_json_sqlite, need, peak_rss_mb
from storyline.pipeline import ingest
from storyline.store import open_store


def storyline_ingest(corpus: Path, db: Path) -> tuple[int, float, float]:
    """Documents stored, seconds for a first ingest, seconds for a repeat (all unchanged)."""
    with open_store(db) as store:
        start = time.perf_counter()
        summary = ingest(store, [str(corpus)])
        first = time.perf_counter() - start
        start = time.perf_counter()
        ingest(store, [str(corpus)])
        again = time.perf_counter() - start
    return sum(summary.counts.values()) - summary.failed, first, again


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=KH_ARTICLES)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is kept")
    args = parser.parse_args()
    need(args.corpus)
    best_ref = best_ours = best_again = float("inf")
    docs = ref_docs = 0
    for run in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            ref_docs, ref_s = bare_json_sqlite(args.corpus, Path(tmp) / "bare.db")
            docs, ours_s, again_s = storyline_ingest(args.corpus, Path(tmp) / f"s{run}.db")
        best_ref, best_ours, best_again = (
            min(best_ref, ref_s),
            min(best_ours, ours_s),
            min(best_again, again_s),
        )
    print(f"corpus                     {args.corpus} ({ref_docs} records)")
    rate = docs / best_ours
    print(
        f"storyline ingest           {rate:8.1f} docs/s  ({best_ours:.2f} s, best of {args.repeat})"
    )
    print(f"storyline re-ingest        {docs / best_again:8.1f} docs/s  (all unchanged)")
    print(f"bare json+sqlite reference {ref_docs / best_ref:8.1f} docs/s  ({best_ref:.3f} s)")
    print(f"slowdown vs reference      {best_ours / best_ref:8.1f}x")
    print(f"peak memory (RSS)          {peak_rss_mb():8.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
