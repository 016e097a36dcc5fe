"""Stories: documents that tell one story come together, others stay apart, copies
follow their original, a bridging document merges two stories, and recomputing gives
the same stories. Texts are written for the tests (fictional people and works)."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.connect.stories import restory
from storyline.pipeline import ingest
from storyline.store import SQLiteStore

DATING = [
    "Actress Yoon Ha-rin and actor Kang Do-jin were spotted on a beach in Jeju on Saturday, "
    "fuelling dating rumours. Yoon Ha-rin and Kang Do-jin starred together in Glass Garden.",
    "Starlight Entertainment denied that Yoon Ha-rin is dating Kang Do-jin. Yoon Ha-rin and "
    "Kang Do-jin are close colleagues since Glass Garden, the agency said on Monday.",
    "Kang Do-jin liked a photo Yoon Ha-rin posted from Jeju. Fans of Yoon Ha-rin and Kang "
    "Do-jin say the Glass Garden co-stars are dating despite the denial.",
]
AWARDS = [
    "Director Park Jae-won won the grand prize at the Blue Crane Film Awards for Paper "
    "Lanterns. Park Jae-won thanked the cast of Paper Lanterns on stage.",
    "Paper Lanterns swept the Blue Crane Film Awards, where Park Jae-won took best director. "
    "Park Jae-won said Paper Lanterns was made on a small budget.",
]


def add(store: SQLiteStore, folder: Path, texts: list[str], day: str = "2025-06-16") -> list[str]:
    path = folder / f"batch{len(list(folder.iterdir()))}.jsonl"
    records = [
        {
            "title": f"News {i}",
            "text": t,
            "published": day,
            "url": f"https://x.example/{path.stem}/{i}",
        }
        for i, t in enumerate(texts)
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert ingest(store, [str(path)]).failed == 0
    return [r["url"] for r in records]


def story_of(store: SQLiteStore, url: str) -> str:
    [document] = [d for d in store.documents() if d.url == url]
    assert document.story is not None
    return document.story


def test_one_story_per_story(store: SQLiteStore, tmp_path: Path) -> None:
    dating = add(store, tmp_path, DATING)
    awards = add(store, tmp_path, AWARDS, day="2025-03-08")
    assert len({story_of(store, u) for u in dating}) == 1
    assert len({story_of(store, u) for u in awards}) == 1
    assert story_of(store, dating[0]) != story_of(store, awards[0])
    [story] = [s for s in store.stories() if s.id == story_of(store, dating[0])]
    assert story.title.startswith(("Yoon Ha-rin and Kang Do-jin", "Kang Do-jin and Yoon Ha-rin"))
    assert (story.first, story.last) == ("2025-06-16", "2025-06-16")


def test_a_copy_joins_its_originals_story(store: SQLiteStore, tmp_path: Path) -> None:
    [original] = add(store, tmp_path, [DATING[0] * 3])
    [copy] = add(store, tmp_path, [DATING[0] * 3 + " Follow Bora News for more."])
    assert story_of(store, copy) == story_of(store, original)


def test_a_bridging_document_merges_two_stories(store: SQLiteStore, tmp_path: Path) -> None:
    [first] = add(store, tmp_path, [DATING[0]])
    [second] = add(store, tmp_path, [AWARDS[0]])
    old = story_of(store, second)
    assert story_of(store, first) != old
    add(store, tmp_path, [DATING[0] + " " + AWARDS[0]])
    assert story_of(store, first) == story_of(store, second)
    assert store.resolve_story(old) == story_of(store, second)  # old ids still resolve


def test_restory_gives_the_same_stories(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, DATING + AWARDS)
    before = sorted(sorted(s.documents) for s in store.stories())
    assert restory(store) == store.count_documents()
    assert sorted(sorted(s.documents) for s in store.stories()) == before


def test_a_replaced_document_leaves_its_story(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "changing.txt"
    path.write_text(DATING[0], encoding="utf-8")
    assert ingest(store, [str(path)]).failed == 0
    [dating] = store.stories()
    path.write_text(AWARDS[0], encoding="utf-8")
    assert ingest(store, [str(path)]).failed == 0
    [awards] = store.stories()
    assert awards.id != dating.id and store.resolve_story(dating.id) is None
    assert store.count_in_stories() == 1
    assert store.story_entity_counts(dating.id) == {}
    named = store.story_entity_counts(awards.id)
    assert store.entity_document_frequency(named) == dict.fromkeys(named, 1)
