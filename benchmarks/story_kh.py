"""Stories among unrelated articles: the four Korea Herald articles of one story (the gold
of ../shared/gold/kh_dev.gold.json) hidden among random other Korea Herald articles.

    python benchmarks/story_kh.py [--others 40] [--seed 1]

The other articles are drawn (fixed seed) from ../shared/corpus/kh/articles.jsonl among
those that name neither person of the story; each counts as a story of its own, so two
of them that really tell one story lower the score although storyline is right: the
merged pairs are printed for a reader to judge. Prints B-cubed precision, recall and F1
and whether the story came out exactly (its four articles, nothing else). Target: F1 at
least 0.98 with the story exact.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from _common import SHARED
from story_mix import bcubed
from storyline.pipeline import ingest
from storyline.store import open_store

STORY_PEOPLE = ("Kim Soo-hyun", "Kim Sae-ron", "김수현", "김새론")


def build(others: int, seed: int, out: Path) -> dict[str, str]:
    """Write the input; return the label (story or own url) of each record's url."""
    gold = json.loads((SHARED / "gold" / "kh_dev.gold.json").read_text(encoding="utf-8"))
    story = set(gold["annotated_documents"])
    records, pool = [], []
    with (SHARED / "corpus" / "kh" / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["url"] in story:
                records.append(record)
            elif not any(p in record["text"] for p in STORY_PEOPLE):
                pool.append(record)
    records += random.Random(seed).sample(pool, others)
    records.sort(key=lambda r: (r.get("published") or "", r["url"]))
    out.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return {r["url"]: ("story" if r["url"] in story else r["url"]) for r in records}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--others", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not (SHARED / "corpus" / "kh").is_dir():
        sys.exit(f"no Korea Herald corpus under {SHARED}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kh_mix.jsonl"
        labels = build(args.others, args.seed, path)
        with open_store(Path(folder) / "s.db") as store:
            ingest(store, [str(path)])
            found = {d.url: d.story or d.url for d in store.documents() if d.url in labels}
            titles = {d.url: d.title for d in store.documents()}
    members: dict[str, list[str]] = defaultdict(list)
    for url, story in found.items():
        members[story].append(url)
    precision, recall, f1 = bcubed(found, labels)
    story_urls = {u for u, label in labels.items() if label == "story"}
    exact = any(set(urls) == story_urls for urls in members.values())
    for urls in members.values():
        if len(urls) > 1 and set(urls) != story_urls:
            print("merged: " + " | ".join(str(titles.get(u)) for u in urls))
    print(f"{len(labels)} articles, {len(members)} stories")
    print(f"B-cubed precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (target >= 0.98)")
    print(f"the story came out exactly: {'yes' if exact else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
