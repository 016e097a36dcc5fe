"""Relations: stated in a sentence ("X's agency, Y") or following from events (castings
make co-stars, warm interactions make friends), each with its evidence. Fictional texts."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.connect.relations import relations
from storyline.pipeline import ingest
from storyline.store import SQLiteStore

TEXTS = [
    "Kang Do-jin's agency, Northwind Management, said on Monday that the actor will "
    "rest. Kang Do-jin thanked his fans.",
    "Min Seo-yeon and Kang Do-jin have been cast in the drama “Glass Garden.” Min Seo-yeon "
    "plays a florist in “Glass Garden,” directed by Park Jae-won.",
    "Yoon Ha-rin liked Min Seo-yeon's photo. Yoon Ha-rin also sent a coffee truck to "
    "Min Seo-yeon. Min Seo-yeon thanked Yoon Ha-rin.",
    "Singer Jo Eun-bi's ex-boyfriend, Choi Tae-min, posted a photo. Choi Tae-min did not "
    "comment on Jo Eun-bi.",
]


def named(store: SQLiteStore) -> set[tuple[str, str, str, str]]:
    names = store.entity_names(e.id for e in store.entities())
    return {
        (r.type, names[r.subject], names[r.object], r.modality)
        for r in relations(store)
        if r.subject in names and r.object in names
    }


def test_relations_from_statements_and_events(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"url": f"https://n{i}.example/a", "title": "News", "text": t})
            for i, t in enumerate(TEXTS)
        )
        + "\n",
        encoding="utf-8",
    )
    assert ingest(store, [str(path)]).failed == 0
    found = named(store)
    assert ("represents", "Northwind Management", "Kang Do-jin", "asserted") in found
    assert ("directed", "Park Jae-won", "Glass Garden", "asserted") in found
    assert {
        ("cast_in", p, "Glass Garden", "asserted") for p in ("Min Seo-yeon", "Kang Do-jin")
    } <= found
    assert any(
        t == "co_stars" and {a, b} == {"Min Seo-yeon", "Kang Do-jin"} for t, a, b, _ in found
    )
    assert any(t == "friends" and {a, b} == {"Min Seo-yeon", "Yoon Ha-rin"} for t, a, b, _ in found)
    assert any(
        t == "former_partners" and {a, b} == {"Jo Eun-bi", "Choi Tae-min"} for t, a, b, _ in found
    )
    # nobody is the agency's co-star, and one like alone makes no friends
    assert not any(t == "friends" and "Kang Do-jin" in (a, b) for t, a, b, _ in found)
    for relation in relations(store):
        assert relation.evidence, relation


def relations_of(store: SQLiteStore, folder: Path, text: str) -> set[tuple[str, str, str, str]]:
    path = folder / "news.txt"
    path.write_text(text, encoding="utf-8")
    assert ingest(store, [str(path)]).failed == 0
    return named(store)


def test_a_star_of_a_title_and_a_director_s_quoted_film(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store,
        tmp_path,
        "Actress Min Seo-yeon of TV series “Glass Garden” joined the rally. Emerging "
        "director Park Jae-won’s disaster thriller “Paper Lanterns,” topped the chart. "
        "Director Park Jae-won of “Paper Lanterns” thanked the fans.",
    )
    assert ("cast_in", "Min Seo-yeon", "Glass Garden", "asserted") in found
    assert ("directed", "Park Jae-won", "Paper Lanterns", "asserted") in found
    assert ("cast_in", "Park Jae-won", "Paper Lanterns", "asserted") not in found


def test_every_member_a_list_names_before_its_group(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store, tmp_path, "Jo Eun-bi, Han Ye-ji and Min Seo-yeon of girl group Lumina sang."
    )
    members = {a for t, a, b, _ in found if t == "member_of" and b == "Lumina"}
    assert members == {"Jo Eun-bi", "Han Ye-ji", "Min Seo-yeon"}


def test_an_open_list_s_items_each_name_their_own_group(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store,
        tmp_path,
        "Stars spoke out, including Jo Eun-bi, Han Ye-ji of girl group Lumina, Doha of "
        "Tidal Nine and Min Seo-yeon. Haneul and Seojun of K-pop band Tidal Nine agreed.",
    )
    members = {(a, b) for t, a, b, _ in found if t == "member_of"}
    assert ("Jo Eun-bi", "Lumina") not in members and ("Han Ye-ji", "Lumina") in members
    assert ("Seojun", "Tidal Nine") in members


def test_every_title_listed_after_who_starred_in(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store,
        tmp_path,
        "Moon Ha-rin, who starred in Hollywood films “Glass Garden,” “Salt Road” and the "
        "film “Quiet Tide,” came too.",
    )
    works = {b for t, a, b, _ in found if t == "cast_in" and a == "Moon Ha-rin"}
    assert works == {"Glass Garden", "Salt Road", "Quiet Tide"}
