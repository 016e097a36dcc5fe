"""The API's latency at size: a synthetic store of 20,000 documents (the generator of
benchmarks/stories.py, plus two events per document among its entities), served by
uvicorn on 127.0.0.1, and 1,000 requests over the main read endpoints from a client on
loopback.

    python benchmarks/api.py [--documents 20000] [--requests 1000] [--store build/api.db]

Prints p50 and p95 latency per endpoint and requests per second overall (target: p95
under 50 ms for timeline and entity pages). The store is kept, so a second run only
measures. Reference, in the same run: the bare HTTP round trip (GET /openapi.json,
served from memory), to tell the server's cost from storyline's.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import uvicorn

from stories import Corpus, add
from storyline.connect.fusion import fuse_events
from storyline.models import Event, Evidence, Participant, TimeValue
from storyline.serve.api import create_app
from storyline.store import SQLiteStore, open_store

TYPES = ("social.like", "social.post", "personal.support", "career.cast", "speech.statement")


def build(path: Path, documents: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_store(path) as store:
        have = store.count_documents()
        if have >= documents:
            return
        corpus, known = Corpus(), set()
        pick = random.Random(3)
        for n in range(documents):
            if n < have:
                corpus.document(n)  # keep the generator's sequence
                continue
            add(store, corpus, n, known)
            with store.transaction():
                _add_events(store, f"d_{n:012d}", pick)
            if (n + 1) % 2000 == 0:
                print(f"  built {n + 1:,} documents", flush=True)


def _add_events(store: SQLiteStore, document_id: str, pick: random.Random) -> None:
    document = store.get_document(document_id)
    entities = sorted(store.document_entity_counts(document_id), key=lambda e: e)[:3]
    events = []
    for k in range(2):
        if len(entities) < 2:
            break
        agent, target = pick.sample(entities, 2)
        event_id = "v_" + hashlib.sha256(f"{document_id}{k}".encode()).hexdigest()[:16]
        events.append(
            Event(
                id=event_id,
                type=pick.choice(TYPES),
                participants=(Participant("agent", agent), Participant("target", target)),
                time=TimeValue(document.published.value, "day"),
                modality="asserted",
                summary="",
                evidence=(Evidence(document_id, 0, 40, document.text[:40]),),
            )
        )
    store.insert_events(events)
    fuse_events(store, events)


def targets(store: SQLiteStore, pick: random.Random) -> dict[str, list[str]]:
    """URLs per endpoint, for entities and stories that have something to show."""
    stories = [s.id for s in store.stories()[:200]]
    named = [
        str(r[0])
        for r in store.conn.execute(
            "SELECT entity_id FROM event_participants GROUP BY entity_id "
            "ORDER BY count(*) DESC LIMIT 300"
        )
    ]
    people = pick.sample(named, min(100, len(named)))
    q = urllib.parse.quote
    return {
        "timeline?entity": [f"/api/timeline?entity={q(e)}" for e in people],
        "entities/{id}": [f"/api/entities/{q(e)}" for e in people],
        "timeline?story": [f"/api/timeline?story={q(s)}" for s in stories],
        "stories/{id}": [f"/api/stories/{q(s)}" for s in stories],
        "documents": [f"/api/documents?limit=50&offset={pick.randrange(0, 19000)}"],
        "events?entity": [f"/api/events?entity={q(e)}&limit=50" for e in people],
        "search": ["/api/search?q=" + q(w) for w in ("worb", "worc worf", "topaqa")],
        "reference: openapi.json": ["/openapi.json"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=1_000)
    parser.add_argument("--store", type=Path, default=Path("build/api.db"))
    args = parser.parse_args()
    start = time.perf_counter()
    build(args.store, args.documents)
    print(f"store of {args.documents:,} documents ready in {time.perf_counter() - start:.0f} s")
    pick = random.Random(11)
    with open_store(args.store) as store:
        urls = targets(store, pick)
    server = uvicorn.Server(
        uvicorn.Config(create_app(args.store), host="127.0.0.1", port=0, log_level="error")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    for paths in urls.values():  # warm the connection pool and caches
        urllib.request.urlopen(base + paths[0]).read()
    timings: dict[str, list[float]] = {name: [] for name in urls}
    names = list(urls)
    began = time.perf_counter()
    for n in range(args.requests):
        name = names[n % len(names)]
        url = base + pick.choice(urls[name])
        t0 = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
        timings[name].append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - began
    server.should_exit = True
    print(f"{'endpoint':26} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, values in timings.items():
        p95 = statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
        print(f"{name:26} {len(values):8} {statistics.median(values):8.1f} {p95:8.1f}")
    print(f"{args.requests / elapsed:.0f} requests per second (one client, sequential)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
