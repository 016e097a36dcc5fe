"""A blind precision audit of events: a fixed random sample, written as a sheet a reader
who never sees the code judges, then scored from the reader's marks.

    python benchmarks/audit.py sheet CORPUS... --out DIR [--sample 100] [--seed 15]
    python benchmarks/audit.py score DIR

`sheet` ingests the corpus into a fresh store, draws `--sample` events at random (the
same events for the same corpus, code and seed), and writes DIR/sheet.md: for each
event its type, its participants with their roles, its date (with the words it came
from), its modality, and the sentence it was read from with the sentences before it;
DIR/articles/ holds each cited article whole, and DIR/marks.json a verdict to fill in
per event: "right" when a reader of the article would sign every part of it (the type,
who did it, to whom, when, how sure), else "wrong" with a reason. `score` prints the
share marked right, with a 95% interval, and the reasons given for the wrong ones.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from storyline import export_json, ingest, open_store

CONTEXT_SENTENCES = 3  # sentences shown before the evidence


def draw(export: dict[str, Any], sample: int, seed: int) -> list[dict[str, Any]]:
    """`sample` events chosen at random, each with the first document that reports it."""
    events = sorted(export["events"], key=lambda e: e["id"])
    return random.Random(seed).sample(events, min(sample, len(events)))


def _before(text: str, start: int) -> str:
    """About CONTEXT_SENTENCES sentences of `text` that end at `start`."""
    head = text[:start].rstrip()
    cut = len(head)
    for _ in range(CONTEXT_SENTENCES):
        found = max(head.rfind(". ", 0, cut), head.rfind("\n", 0, cut))
        if found < 0:
            return head
        cut = found
    return head[cut + 1 :].strip()


def _item(number: int, event: dict[str, Any], export: dict[str, Any]) -> str:
    entities = {e["id"]: e for e in export["entities"]}
    documents = {d["id"]: d for d in export["documents"]}
    evidence = event["evidence"][0]
    document = documents[evidence["document"]]
    time = event["time"]
    when = time["value"] or "unknown"
    if time.get("text"):
        when += f" (from “{time['text']}”)"
    elif time["value"]:
        when += " (the report's own date)"
    participants = "; ".join(
        f"{p['role']}: {entities[p['entity']]['name']}" for p in event["participants"]
    )
    published = document["published"]["value"] or "unknown"
    lines = [
        f"## {number}. {event['type']}, {event['modality']}",
        "",
        f"- participants: {participants}",
        f"- date: {when}",
        f"- summary: {event['summary']}",
        f"- article: articles/{document['id']}.txt (“{document['title']}”, published {published})",
        "",
        f"> … {_before(document['text'], evidence['start'])}",
        f"> **{evidence['text']}**",
        "",
    ]
    for other in event["evidence"][1:ALSO_SHOWN]:
        cited = documents[other["document"]]
        lines += [
            f"- also reported: articles/{cited['id']}.txt (published "
            f"{cited['published']['value'] or 'unknown'}): “{other['text']}”",
        ]
    if len(event["evidence"]) > 1:
        lines.append("")
    return "\n".join(lines)


ALSO_SHOWN = 3  # evidence sentences shown per event, the first with its context


_HOW = """# Event audit

Each numbered item is one event storyline read from an article. Judge it as a reader
of the article would: it is **right** only when every part holds: the type names what
happened; each participant is the entity the text means in that role (who did it is
the actor, not the outlet or the reporter; a pronoun or surname resolved to the right
person); the date is when it happened, as the article says (unknown is right when the
article does not say; the report's own date is right for what was said that day); the
modality (asserted, rumoured, denied, planned, hoped) is how sure the article is. Read
the article (the path is given) when the sentences shown are not enough. An event
several articles report is right when what they say together holds it up (a later
report may give its date, or say that what was planned happened). Write your verdict
for each item in marks.json: "right", or "wrong: what is wrong".

"""


def write_sheet(corpora: list[str], out: Path, sample: int, seed: int) -> int:
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "audit.db") as store:
        ingest(store, corpora)
        export = export_json(store)
    events = draw(export, sample, seed)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    documents = {d["id"]: d for d in export["documents"]}
    for event in events:
        for evidence in event["evidence"][:ALSO_SHOWN]:
            document = documents[evidence["document"]]
            (out / "articles" / f"{document['id']}.txt").write_text(
                f"{document['title']}\n\n{document['text']}\n", encoding="utf-8"
            )
    items = [_item(n, e, export) for n, e in enumerate(events, 1)]
    (out / "sheet.md").write_text(_HOW + "\n".join(items), encoding="utf-8")
    (out / "events.json").write_text(json.dumps(events, indent=1), encoding="utf-8")
    marks = {str(n): "" for n in range(1, len(events) + 1)}
    (out / "marks.json").write_text(json.dumps(marks, indent=1), encoding="utf-8")
    print(f"{len(events)} of {len(export['events'])} events drawn (seed {seed}): {out}/sheet.md")
    return 0


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a share."""
    if n == 0:
        return 0.0, 0.0
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def score(out: Path) -> int:
    marks = json.loads((out / "marks.json").read_text(encoding="utf-8"))
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    verdicts = {n: str(v).strip() for n, v in marks.items()}
    blank = [n for n, v in verdicts.items() if not v]
    if blank:
        sys.exit(f"{len(blank)} items have no verdict yet (first: {blank[0]})")
    right = sum(v.lower().startswith("right") for v in verdicts.values())
    low, high = wilson(right, len(verdicts))
    print(f"strict precision: {right}/{len(verdicts)} = {right / len(verdicts):.2f} "
          f"(95% interval {low:.2f}–{high:.2f})")  # fmt: skip
    wrong = Counter(
        events[int(n) - 1]["type"] for n, v in verdicts.items() if not v.lower().startswith("right")
    )
    print("wrong, by type: " + ", ".join(f"{t} {c}" for t, c in wrong.most_common()))
    for n, verdict in verdicts.items():
        if not verdict.lower().startswith("right"):
            print(f"  {n}. {events[int(n) - 1]['summary']}  — {verdict}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sheet = commands.add_parser("sheet", help="draw the sample and write the sheet")
    sheet.add_argument("corpus", nargs="+", help="what to ingest: files, folders")
    sheet.add_argument("--out", type=Path, required=True, help="folder for the sheet")
    sheet.add_argument("--sample", type=int, default=100)
    sheet.add_argument("--seed", type=int, default=15)
    marked = commands.add_parser("score", help="score a sheet's marks")
    marked.add_argument("out", type=Path, help="the sheet's folder")
    args = parser.parse_args()
    if args.command == "sheet":
        return write_sheet(args.corpus, args.out, args.sample, args.seed)
    return score(args.out)


if __name__ == "__main__":
    sys.exit(main())
