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


def test_roles_and_casts_listed_after_the_verb_or_with(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store,
        tmp_path,
        "Singer Moon Ha-rin has starred in hit series such as “Salt Road” (2015), “Quiet "
        "Tide” (2018) and the fantasy legal series “Paper Lanterns” (2019). Baek Ji-hoon "
        "starred in the action film “Glass Garden” with Yoon Ha-rin, Kang Do-jin and Min "
        "Seo-yeon. Choi Tae-min won the grand prize for his role in the thriller “Iron "
        "Bell.” Jo Eun-bi spoke about her role as an ambassador in Paris.",
    )
    cast = {(a, b) for t, a, b, _ in found if t == "cast_in"}
    assert {("Moon Ha-rin", w) for w in ("Salt Road", "Quiet Tide", "Paper Lanterns")} <= cast
    assert {(p, "Glass Garden") for p in ("Baek Ji-hoon", "Yoon Ha-rin", "Min Seo-yeon")} <= cast
    assert ("Choi Tae-min", "Iron Bell") in cast
    assert not any(a == "Jo Eun-bi" for a, _ in cast)  # an ambassador's role is in no work


def test_a_role_to_come_is_not_yet_a_cast(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store, tmp_path, "Choi Tae-min is preparing for his upcoming role in “Iron Bell.”"
    )
    assert not any(t == "cast_in" for t, *_ in found)


def test_awards_for_a_work_by_their_category(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store,
        tmp_path,
        "The best director award went to Park Jae-won for “Paper Lanterns (2013),” and the "
        "best producer award to Kang Do-jin for “Salt Road.” The awards for best actor and "
        "actress went to Baek Ji-hoon for “Glass Garden (2013)” and Min Seo-yeon for "
        "“Quiet Tide (2013),” respectively.",
    )
    assert ("directed", "Park Jae-won", "Paper Lanterns", "asserted") in found
    assert ("cast_in", "Baek Ji-hoon", "Glass Garden", "asserted") in found
    assert ("cast_in", "Min Seo-yeon", "Quiet Tide", "asserted") in found
    assert not any(a == "Kang Do-jin" and t in {"directed", "cast_in"} for t, a, _, _ in found)


def test_described_directors_stars_and_a_broadcaster_s_drama(
    store: SQLiteStore, tmp_path: Path
) -> None:
    found = relations_of(
        store,
        tmp_path,
        "“Salt Road,” directed by well-known comedian Kang Do-jin, opened on May 1. Gifts "
        "from Baek Ji-hoon and Min Seo-yeon, co-stars of the TV series “Glass Garden,” were "
        "sold. The prizes went to actor Choi Tae-min of NTV 2TV drama “Iron Bell.” The "
        "actress thanked scriptwriter Jo Eun-bi of “Glass Garden.”",
    )
    assert ("directed", "Kang Do-jin", "Salt Road", "asserted") in found
    assert {
        ("cast_in", p, "Glass Garden", "asserted") for p in ("Baek Ji-hoon", "Min Seo-yeon")
    } <= found
    assert ("cast_in", "Choi Tae-min", "Iron Bell", "asserted") in found
    assert not any(a == "Choi Tae-min" and t == "member_of" for t, a, _, _ in found)
    assert ("cast_in", "Jo Eun-bi", "Glass Garden", "asserted") not in found


def test_members_staff_and_a_band_s_people(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store,
        tmp_path,
        "Boy band Tidal Nine’s Haneul, Seojun and Doha spoke out. Yoon Ha-rin, a member of "
        "girl group Lumina, signed on. Lumina vocalist Jo Eun-bi sang. Kang Do-jin, head of "
        "the Harbor Relief Association, thanked them. Northwind Management’s Park Jae-won "
        "resigned.",
    )
    members = {(a, b) for t, a, b, _ in found if t == "member_of"}
    assert {("Haneul", "Tidal Nine"), ("Seojun", "Tidal Nine"), ("Doha", "Tidal Nine")} <= members
    assert {("Yoon Ha-rin", "Lumina"), ("Jo Eun-bi", "Lumina")} <= members
    assert ("Kang Do-jin", "Harbor Relief Association") in members
    assert not any(a == "Park Jae-won" for a, _ in members)  # a company is no band


def test_whose_role_and_who_plays_whom_in_which_work(store: SQLiteStore, tmp_path: Path) -> None:
    found = relations_of(
        store,
        tmp_path,
        "Awards night\n\nDirector Park Jae-won spoke first. Actor Kang Do-jin won the best "
        "actor award for his role in “Salt Road.”\n\nThe thriller “Iron Bell” follows "
        "Mi-ra (played by Min Seo-yeon).\n\nThe story follows Ha-eun, played by Yoon "
        "Ha-rin, who moves to Busan. Directed by Choi Tae-min of the hit drama “Quiet "
        "Tide,” it opens in May. Baek Ji-hoon of Netflix’s “Paper Lanterns” joined.",
    )
    cast = {(a, b) for t, a, b, _ in found if t == "cast_in"}
    assert ("Kang Do-jin", "Salt Road") in cast and ("Park Jae-won", "Salt Road") not in cast
    assert ("Min Seo-yeon", "Iron Bell") in cast
    assert not any(a == "Yoon Ha-rin" for a, _ in cast)  # no work named where she plays
    assert ("Choi Tae-min", "Quiet Tide") not in cast  # its director
    assert ("Baek Ji-hoon", "Paper Lanterns") in cast
    assert not any(t == "member_of" and a == "Baek Ji-hoon" for t, a, _, _ in found)


def test_those_alongside_share_only_the_work_the_verb_names(
    store: SQLiteStore, tmp_path: Path
) -> None:
    found = relations_of(
        store,
        tmp_path,
        "News\n\nMoon Ha-rin will appear in her second Park film ― after “Salt Road” in 2012 "
        "― alongside Baek Ji-hoon and Kang Do-jin.",
    )
    assert not any(t == "cast_in" and a in {"Baek Ji-hoon", "Kang Do-jin"} for t, a, _, _ in found)
