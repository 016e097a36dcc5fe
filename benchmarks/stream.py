"""A large JSONL dump ingested as a stream: when the first documents are committed, how
far memory grows, whether the progress bar moves from the first record.

    python benchmarks/stream.py [--records 50000] [--seconds 0] [--keep FILE]

Generates a JSONL file of fictional entertainment news (2,500 stories, each with its
people, work and agency, told in castings, rumours, denials, statements, awards and
posts, so that every stage has work to do), then runs
`storyline ingest FILE` in its own process with a terminal (a pty) for standard error,
so it draws its progress bar as it would for a person. Meanwhile it watches the process:
the database's document count (read-only, twice a second), the progress bar's count,
and the process's peak resident memory (VmHWM). `--seconds N` stops the ingest after N
seconds (0: let it finish). Reference, in the same run: json.loads each line and INSERT
its text into a plain SQLite table, one transaction per line.

Targets (issue 13): first documents committed within 30 s, peak memory under 1 GB, the
bar moving from the first record.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import random
import re
import select
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from _common import bare_json_sqlite

SURNAMES = (
    "Kim Lee Park Choi Jung Kang Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon".split()
)
SYLLABLES = (
    "min seo ji hoon yeon woo jin hee soo ha rin do eun bi jae won na young sung hyun".split()
)
ADJECTIVES = """Glass Moonlit Paper Silent Crimson Hidden Golden Broken Last Distant Northern
    Salt Velvet Burning Quiet Endless Winter Summer Secret Wild Lonely Bright""".split()
NOUNS = """Garden Harbor Lanterns Ferry Hour Road Witness Letters Island Station Orchard Tide
    Bridge Mirror Season River Kingdom Promise Melody Shadow Signal Frontier""".split()
SUFFIXES = ("Entertainment", "Management", "Pictures", "Studios", "Agency")
OUTLETS = "boranews.example|fanfeed.example|K-Wave Times|StarBuzz Daily|Daily Seoul Pop".split("|")
MONTHS = "January February March April May June July August September October November December"
STORIES = 2500  # 50,000 records tell about 20 articles per story, as a beat does


def person(rng: random.Random) -> str:
    given = rng.choice(SYLLABLES).capitalize() + "-" + rng.choice(SYLLABLES)
    return f"{rng.choice(SURNAMES)} {given}"


def story(rng: random.Random) -> dict[str, str]:
    """The people, work and agency one story is about."""
    return {
        "a": person(rng),
        "b": person(rng),
        "c": person(rng),
        "work": f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
        "agency": f"{rng.choice(NOUNS)} {rng.choice(SUFFIXES)}",
        "year": str(rng.randint(2015, 2025)),
    }


def article(rng: random.Random, cast: dict[str, str], n: int) -> dict[str, str]:
    a, b, c, work, agency = cast["a"], cast["b"], cast["c"], cast["work"], cast["agency"]
    year, month, day = int(cast["year"]), rng.randint(1, 12), rng.randint(1, 28)
    month_name = MONTHS.split()[month - 1]
    paragraphs = [
        f"Actress {a} has been cast as the lead of the drama “{work},” {agency} said on "
        f"{month_name} {day}.",
        f"{a} and actor {b} were spotted together in Jeju last week, sparking dating rumours. "
        f"{agency} denied the reports, saying the two are simply close colleagues.",
        f"“{a} is grateful for the love fans have shown,” the agency said in a statement. "
        f"Director {c} said filming would start next month.",
        f"{b} won the best actor award at the {year} Blue Crane Film Awards for “{work}.” "
        f"He thanked {c} and his fans on Instagram.",
        f"{c} signed an exclusive contract with {agency} in {month_name}, the company said.",
        f"Fans left comments under {a}'s post, and {b} liked it minutes later.",
    ]
    rng.shuffle(paragraphs)
    return {
        "url": f"https://{rng.choice(OUTLETS).replace(' ', '').lower()}.example/{n}",
        "title": f"{a} and {b}: what we know about “{work}”",
        "published": f"{year}-{month:02d}-{day:02d}",
        "outlet": rng.choice(OUTLETS),
        "text": "\n\n".join(paragraphs[: rng.randint(3, 5)]),
    }


def generate(path: Path, records: int) -> None:
    rng = random.Random(13)
    casts = [story(rng) for _ in range(STORIES)]
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            record = article(rng, rng.choice(casts), n)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@dataclass
class Watch:
    """What was seen of the ingest while it ran, in seconds since it started."""

    first_commit: float | None = None
    first_progress: float | None = None
    peak_kb: int = 0
    committed: int = 0
    bar_counts: set[int] = field(default_factory=set)  # the counts the bar showed


def read_terminal(fd: int, total: int, started: float, watch: Watch) -> None:
    """The pty's output: the progress bar's 'done/total' as it is redrawn."""
    shown = re.compile(rf"(\d+)/{total}\b")
    pending = ""
    while True:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536).decode("utf-8", "replace")
        except OSError:
            return  # the process has closed the terminal
        if not chunk:
            return
        pending = (pending + chunk)[-2000:]
        for done in (int(m) for m in shown.findall(pending)):
            watch.bar_counts.add(done)
            if done > 0 and watch.first_progress is None:
                watch.first_progress = time.perf_counter() - started
        pending = pending[-200:]


def peak_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) if match else 0


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or migrated yet


def run_ingest(corpus: Path, total: int, db: Path, seconds: float) -> tuple[Watch, float]:
    """Ingest in a subprocess under a pty; what was seen, and how long it ran."""
    parent, child = pty.openpty()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "storyline", "--db", str(db), "ingest", str(corpus)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=child,
        env={**os.environ, "COLUMNS": "120"},
    )
    os.close(child)
    watch = Watch()
    reader = threading.Thread(
        target=read_terminal, args=(parent, total, started, watch), daemon=True
    )
    reader.start()
    while process.poll() is None:
        watch.peak_kb = max(watch.peak_kb, peak_kb(process.pid))
        watch.committed = committed(db)
        if watch.committed and watch.first_commit is None:
            watch.first_commit = time.perf_counter() - started
        if seconds and time.perf_counter() - started > seconds:
            process.terminate()
            process.wait()
            break
        time.sleep(0.5)
    elapsed = time.perf_counter() - started
    watch.committed = committed(db)
    reader.join(timeout=2)
    os.close(parent)
    return watch, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--seconds", type=float, default=0, help="stop the ingest after this")
    parser.add_argument("--keep", type=Path, help="write the generated JSONL here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.keep or Path(tmp) / "dump.jsonl"
        generate(corpus, args.records)
        size_mb = corpus.stat().st_size / 1e6
        count, seconds = bare_json_sqlite(corpus, Path(tmp) / "bare.db")
        reference = count / seconds
        watch, elapsed = run_ingest(corpus, args.records, Path(tmp) / "stream.db", args.seconds)
    rate = watch.committed / elapsed
    first = f"{watch.first_commit:.1f} s" if watch.first_commit is not None else "never"
    moved = f"{watch.first_progress:.1f} s" if watch.first_progress is not None else "never"
    print(f"input                    {args.records} records, {size_mb:.1f} MB of JSONL")
    print(f"ran                      {elapsed:.0f} s, {watch.committed} documents committed")
    print(f"first documents committed {first:>8}   (target: within 30 s)")
    counts = sorted(watch.bar_counts)
    print(f"progress bar first moved  {moved:>8}   (counts shown: {counts[:5]}…)")
    print(f"peak memory (VmHWM)      {watch.peak_kb / 1024:8.0f} MB (target: under 1024 MB)")
    print(f"storyline                {rate:8.1f} docs/s")
    print(f"bare json+sqlite         {reference:8.1f} docs/s (slowdown {reference / rate:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
