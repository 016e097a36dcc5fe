"""HTML main-text quality and speed: storyline's reader + cleaning vs trafilatura's default.

    python benchmarks/html_extraction.py [--corpus ../shared/corpus/html] [--json]

For each page of the corpus (pages/<id>.html.gz with ground-truth.json mapping id to
articleBody), prints the token F1 of storyline's cleaned text and of plain
`trafilatura.extract(html)` against the gold body, both measured in this run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from _common import SHARED
from storyline.errors import InputError
from storyline.pipeline import prepare
from storyline.read.decode import decode_bytes
from storyline.read.html import parse_html

DEFAULT_CORPUS = SHARED / "corpus" / "html"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def token_f1(predicted: str, gold: str) -> float:
    """F1 over the bags of lower-cased word tokens, the usual main-text measure."""
    pred = Counter(t.casefold() for t in _TOKEN.findall(predicted))
    true = Counter(t.casefold() for t in _TOKEN.findall(gold))
    overlap = sum((pred & true).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(true.values())
    return 2 * precision * recall / (precision + recall)


def storyline_text(html: str, source: str) -> str:
    try:
        return prepare(parse_html(html, source)).document.text
    except InputError:
        return ""


def evaluate(corpus: Path) -> dict[str, float]:
    gold = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    ours: list[float] = []
    baseline: list[float] = []
    ours_s = base_s = 0.0
    for page_id, truth in sorted(gold.items()):
        raw = gzip.decompress((corpus / "pages" / f"{page_id}.html.gz").read_bytes())
        html, _ = decode_bytes(raw, page_id, html=True)
        start = time.perf_counter()
        ours.append(token_f1(storyline_text(html, page_id), truth["articleBody"]))
        middle = time.perf_counter()
        baseline.append(token_f1(trafilatura.extract(html) or "", truth["articleBody"]))
        ours_s += middle - start
        base_s += time.perf_counter() - middle
    return {
        "pages": len(ours),
        "storyline_f1": sum(ours) / len(ours),
        "trafilatura_default_f1": sum(baseline) / len(baseline),
        "storyline_seconds": ours_s,
        "trafilatura_seconds": base_s,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not (args.corpus / "ground-truth.json").exists():
        print(
            f"no corpus at {args.corpus} (expected ground-truth.json and pages/)", file=sys.stderr
        )
        return 2
    result = evaluate(args.corpus)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"pages                      {result['pages']}")
    print(f"token F1, storyline        {result['storyline_f1']:.4f}")
    print(
        f"token F1, trafilatura      {result['trafilatura_default_f1']:.4f}  (extract() defaults)"
    )
    f1_ratio = result["storyline_f1"] / result["trafilatura_default_f1"]
    print(f"F1 ratio                   {f1_ratio:.3f}")
    print(
        f"time, storyline            {result['storyline_seconds']:.2f} s "
        f"(includes cleaning, dating, language)"
    )
    print(f"time, trafilatura          {result['trafilatura_seconds']:.2f} s")
    time_ratio = result["storyline_seconds"] / result["trafilatura_seconds"]
    print(f"time ratio                 {time_ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
