"""Stories as clustering: a mix of Timeline17 topics should come out one story per topic.

    python benchmarks/story_mix.py [--per-topic 30] [--topics MJ_bbc,haiti_bbc,...]

Takes the first PER_TOPIC articles of each topic in ../shared/corpus/t17/, interleaves
them by publication date into one JSONL input, ingests it into a fresh store, and scores
the stories storyline formed against the topic labels with B-cubed precision, recall and
F1 (target: F1 >= 0.8). Prints the stories too, largest first, with their topic mix.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import SHARED
from storyline.pipeline import ingest
from storyline.store import open_store

T17 = SHARED / "corpus" / "t17"
DEFAULT_TOPICS = "MJ_bbc,SyrianCrisis_bbc,bpoil_bbc,haiti_bbc"


def build_mix(topics: list[str], per_topic: int, out: Path) -> dict[str, str]:
    """Write the mixed input; return the topic of each record's URL."""
    records = []
    for topic in topics:
        with (T17 / topic / "articles.jsonl").open(encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                if n >= per_topic:
                    break
                record = json.loads(line)
                record["url"] = f"https://t17.example/{topic}/{record.get('id', n)}"
                records.append((record.get("published") or "", topic, record))
    records.sort(key=lambda r: (r[0], r[1]))
    out.write_text("\n".join(json.dumps(r[2]) for r in records) + "\n", encoding="utf-8")
    return {r[2]["url"]: r[1] for r in records}


def bcubed(clusters: dict[str, str], labels: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `clusters` (item -> cluster) against labels."""
    items = [i for i in clusters if i in labels]
    by_cluster = Counter(clusters[i] for i in items)
    by_label = Counter(labels[i] for i in items)
    both = Counter((clusters[i], labels[i]) for i in items)
    precision = sum(both[(clusters[i], labels[i])] / by_cluster[clusters[i]] for i in items)
    recall = sum(both[(clusters[i], labels[i])] / by_label[labels[i]] for i in items)
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-topic", type=int, default=30)
    parser.add_argument("--topics", default=DEFAULT_TOPICS)
    args = parser.parse_args()
    topics = args.topics.split(",")
    if not all((T17 / t / "articles.jsonl").exists() for t in topics):
        print(f"no Timeline17 corpus at {T17} (it lives in ../shared)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        mix = Path(folder) / "mix.jsonl"
        labels = build_mix(topics, args.per_topic, mix)
        with open_store(Path(folder) / "mix.db") as store:
            start = time.perf_counter()
            ingest(store, [str(mix)])
            seconds = time.perf_counter() - start
            clusters = {d.url or d.source: d.story or d.id for d in store.documents()}
            titles = {s.id: s.title for s in store.stories()}
    p, r, f = bcubed(clusters, labels)
    print(f"topics: {', '.join(topics)}; {len(labels)} articles; ingest {seconds:.0f} s")
    sizes = Counter(clusters.values())
    for story, size in sizes.most_common(12):
        mixed = Counter(labels[u] for u, s in clusters.items() if s == story and u in labels)
        print(f"  {size:3}  {titles.get(story, story)[:60]:60}  {dict(mixed)}")
    print(f"stories: {len(sizes)}")
    print(f"B-cubed precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (target F1 >= 0.80)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
