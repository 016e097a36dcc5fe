"""Timeline summarisation on Timeline17: storyline's `timeline --all --dates K
--sentences N` against the naive baseline, both scored by ../shared/tools/tls_score.py.

    python benchmarks/tls.py [TOPIC_DIR ...] [--store-dir build/tls] [--workers 2]

Each topic folder holds articles.jsonl ({id, published, text}) and one or more
timeline*.gold.json. Its articles are ingested into a store of their own (kept in
--store-dir, so a second run only builds timelines); for each gold timeline, K is its
number of dates and N its mean sentences per date. Baseline, computed in the same run
from the same stored documents: the K busiest publication days, each told by the first
N sentences of its first article. Targets: mean date F1 at least 0.05 above the
baseline's, mean agree_r1 at least 1.3 times it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from _common import SHARED
from storyline.analyse.annotate import Annotator
from storyline.pipeline import ingest
from storyline.present.timeline import store_summary_timeline
from storyline.store import SQLiteStore, open_store


def load_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("tls_score", SHARED / "tools" / "tls_score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {SHARED / 'tools' / 'tls_score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentences_per_date(gold: list[dict[str, str]]) -> int:
    counts = [len([s for s in re.split(r"(?<=[.!?])\s+", g["text"]) if s.strip()]) for g in gold]
    return max(1, round(statistics.mean(counts)))


def baseline(store: SQLiteStore, dates: int, sentences: int) -> list[dict[str, str]]:
    """The busiest publication days, each told by the lead sentences of its first article."""
    documents = [d for d in store.documents() if d.published.precision == "day"]
    busiest = Counter(d.published.value for d in documents)
    days = sorted(busiest, key=lambda d: (-busiest[d], d))[:dates]
    out = []
    for day in sorted(d for d in days if d):
        first = next(d for d in documents if d.published.value == day)
        lead = store.document_sentences(first.id)[:sentences]
        text = " ".join(first.text[s.start : s.end] for s in lead)
        out.append({"date": day, "text": text})
    return out


def topic_rows(
    folder: Path, store_dir: Path, annotator: Annotator, scorer: Any
) -> list[tuple[str, dict[str, float], dict[str, float]]]:
    store_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    with open_store(store_dir / f"{folder.name}.db") as store:
        ingest(store, [str(folder / "articles.jsonl")], annotator=annotator)
        for gold_file in sorted(folder.glob("timeline*.gold.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            k, n = len({g["date"] for g in gold}), sentences_per_date(gold)
            ours = [
                {"date": e.date or "", "text": e.text} for e in store_summary_timeline(store, k, n)
            ]
            name = folder.name + (
                "" if gold_file.name == "timeline.gold.json" else f"/{gold_file.stem.split('.')[0]}"
            )
            rows.append((name, scorer.score(gold, ours), scorer.score(gold, baseline(store, k, n))))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", nargs="*", type=Path, help="topic folders (default: all of t17)")
    parser.add_argument("--store-dir", type=Path, default=Path("build/tls"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    topics = args.topics or sorted(p for p in (SHARED / "corpus" / "t17").iterdir() if p.is_dir())
    if not topics:
        sys.exit("no topics: give topic folders, or put ../shared next to the project")
    scorer = load_scorer()
    annotator = Annotator(workers=args.workers)
    print(f"{'topic':32} {'date F1':>8} {'base':>6} {'agree R1':>9} {'base':>6}")
    rows = []
    for folder in topics:
        for name, ours, base in topic_rows(folder, args.store_dir, annotator, scorer):
            rows.append((ours, base))
            print(
                f"{name:32} {ours['date_f1']:8.3f} {base['date_f1']:6.3f} "
                f"{ours['agree_r1']:9.3f} {base['agree_r1']:6.3f}",
                flush=True,
            )
    mean = {
        key: (statistics.mean(o[key] for o, _ in rows), statistics.mean(b[key] for _, b in rows))
        for key in ("date_f1", "agree_r1")
    }
    print(
        f"{'mean':32} {mean['date_f1'][0]:8.3f} {mean['date_f1'][1]:6.3f} "
        f"{mean['agree_r1'][0]:9.3f} {mean['agree_r1'][1]:6.3f}"
    )
    gain = mean["date_f1"][0] - mean["date_f1"][1]
    ratio = mean["agree_r1"][0] / mean["agree_r1"][1] if mean["agree_r1"][1] else float("inf")
    print(f"date F1 {gain:+.3f} over the baseline (target >= +0.05); ", end="")
    print(f"agree R1 x{ratio:.2f} (target >= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
