"""What the benchmarks share: where the third-party corpora are, the references they
are measured against (bare spaCy, a bare JSON-to-SQLite loop) and peak memory.

The scripts run as `python benchmarks/NAME.py`, which puts this folder on the path.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import sys
import time
from pathlib import Path

import spacy

from storyline.analyse.annotate import MODELS

# ../shared, beside the repository: the evaluation corpora (absent in a user's clone).
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KH_ARTICLES = SHARED / "corpus" / "kh" / "articles.jsonl"
MJ_ARTICLES = SHARED / "corpus" / "t17" / "MJ_bbc" / "articles.jsonl"
BATCH = 32  # documents per spaCy batch, as storyline's annotator takes them


def need(path: Path) -> Path:
    """`path`, or exit with a line saying it is missing (it lives in ../shared)."""
    if not path.exists():
        sys.exit(f"no {path} (the evaluation corpora live in ../shared)")
    return path


def bare_spacy(texts: list[str]) -> float:
    """Seconds spaCy's own pipeline takes to parse `texts`: the floor of annotation."""
    nlp = spacy.load(next(m for m in MODELS if spacy.util.is_package(m)))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.perf_counter() - start


def bare_json_sqlite(corpus: Path, db: Path) -> tuple[int, float]:
    """Records and seconds of the floor any ingest pays: json.loads each line of a
    JSONL file and INSERT its text into a plain SQLite table, one transaction a line."""
    start = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE docs (url TEXT, text TEXT)")
    count = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            conn.execute("BEGIN")
            conn.execute("INSERT INTO docs VALUES (?, ?)", (record.get("url"), record.get("text")))
            conn.execute("COMMIT")
            count += 1
    conn.close()
    return count, time.perf_counter() - start


def peak_rss_mb() -> float:
    """This process's peak resident memory."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
