"""Resolution: one entity per real thing, within a document and across the store.

Texts are written for the tests (fictional people and companies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyse.annotate import Annotator, default_annotator
from storyline.analyse.resolve import LocalEntity, resolve_in_document, short_forms_of
from storyline.analyse.resolve.callings import callings
from storyline.models import Entity, EntityType
from storyline.pipeline import ingest, reannotate
from storyline.store import SQLiteStore


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return default_annotator()


def local(annotator: Annotator, text: str, removed: tuple[str, ...] = ()) -> list[LocalEntity]:
    return resolve_in_document(text, annotator.annotate(text), removed)


def person(entities: list[LocalEntity], name: str) -> LocalEntity:
    [found] = [e for e in entities if e.type == "person" and name in e.names]
    return found


# Two people for documents to share, so that they keep the same company.
CAST = "Baek Ji-hoon and Moon Ha-rin"


def add(store: SQLiteStore, folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    summary = ingest(store, [str(path)])
    assert summary.failed == 0


def entity(store: SQLiteStore, name: str) -> Entity:
    [found] = store.find_entities(name)
    return store.get_entity(found.id)


def test_short_forms_and_possessives_join_the_full_name(annotator: Annotator) -> None:
    text = "Actress Moon Ha-rin greeted fans. Moon’s agency said Moon would rest."
    moon = person(local(annotator, text), "Moon Ha-rin")
    assert [m.text for m in moon.mentions] == ["Moon Ha-rin", "Moon", "Moon"]
    assert [m.kind for m in moon.mentions] == ["name", "short", "short"]


def test_a_shared_surname_goes_to_the_person_mentioned_last(annotator: Annotator) -> None:
    text = (
        "Director Han Won-jeong met actress Han So-ra on Friday. "
        "“We will start filming soon,” Han Won-jeong said. "
        "Han added that the script was finished."
    )
    entities = local(annotator, text)
    director = person(entities, "Han Won-jeong")
    actress = person(entities, "Han So-ra")
    added = text.index("Han added")
    assert any(m.start == added and m.kind == "short" for m in director.mentions)
    assert not any(m.start == added for m in actress.mentions)


def test_a_shared_surname_far_from_both_people_is_nobodys(annotator: Annotator) -> None:
    filler = " ".join(f"The crew rested on day {n}." for n in range(6))
    text = f"Han Won-jeong met Han So-ra. {filler} Han was not seen again."
    entities = local(annotator, text)
    late = text.index("Han was")
    assert not any(m.start == late for e in entities for m in e.mentions)


def test_a_description_names_the_person_it_describes(annotator: Annotator) -> None:
    text = (
        'Moon Ha-rin starred in the drama "Salt Road." Later, the "Salt Road" actress said '
        "she hoped to work with Baek Ji-hoon."
    )
    moon = person(local(annotator, text), "Moon Ha-rin")
    assert any(m.kind == "descriptor" and "actress" in m.text for m in moon.mentions)


def test_accounts_join_their_owner(annotator: Annotator) -> None:
    text = "Moon Ha-rin (@harin_moon) posted a photo with Baek Ji-hoon."
    entities = local(annotator, text, removed=("| @baekjh/Instagram",))
    moon, baek = person(entities, "Moon Ha-rin"), person(entities, "Baek Ji-hoon")
    assert moon.accounts == ["@harin_moon"]
    assert [handle for handle, _ in baek.credited_accounts] == ["@baekjh"]


def test_an_account_nobody_owns_is_an_account(annotator: Annotator) -> None:
    entities = local(annotator, "A post by @winterfan99 went viral on Sunday.")
    assert [(e.type, e.accounts) for e in entities] == [("account", ["@winterfan99"])]


def test_another_name_of_the_same_person(annotator: Annotator) -> None:
    text = "Singer Dalbit, whose real name is Kwon Ji-eun, released an album on Friday."
    [dalbit] = [e for e in local(annotator, text) if e.type == "person"]
    assert set(dalbit.names) == {"Dalbit", "Kwon Ji-eun"}


def test_spellings_across_documents_are_one_entity(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, "a.txt", "Star\n\nActor Baek Ji Hoon joined C-JeS Studio on Monday.")
    add(store, tmp_path, "b.txt", "Deal\n\nBaek Ji-hoon thanked CJes Studios for the deal.")
    add(store, tmp_path, "c.txt", "Film\n\nBaek Ji-hun starred in a film by CJes Studios.")
    baek = entity(store, "Baek Ji Hoon")
    assert baek.name == "Baek Ji-hoon"  # the hyphenated romanisation is preferred
    assert {"Baek Ji Hoon", "Baek Ji-hoon", "Baek Ji-hun"} <= set(baek.aliases)
    assert len(baek.documents) == 3
    assert entity(store, "C-JeS Studio").id == entity(store, "CJes Studios").id
    why = [link.reason for link in store.entity_links(baek.id)]
    assert any("romanisation" in reason for reason in why)


def test_people_sharing_a_surname_stay_apart(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, "a.txt", "One\n\nKim Ha-neul met Kim Ha-eun in Seoul. Kim Ha-neul left.")
    add(store, tmp_path, "b.txt", "Two\n\nKim Ha-eun signed with a new agency.")
    neul, eun = entity(store, "Kim Ha-neul"), entity(store, "Kim Ha-eun")
    assert neul.id != eun.id and len(eun.documents) == 2


def test_a_bare_surname_joins_the_namesake_that_keeps_its_company(
    store: SQLiteStore, tmp_path: Path
) -> None:
    add(store, tmp_path, "a.txt", "Trial\n\nDr Peter Vance treated Moon Ha-rin and Baek Ji-hoon.")
    add(store, tmp_path, "b.txt", "Radio\n\nHost Clara Vance played songs by Kang Min-ho.")
    add(store, tmp_path, "c.txt", "Court\n\nDr Vance said Moon Ha-rin and Baek Ji-hoon were ill.")
    peter = entity(store, "Peter Vance")
    assert len(peter.documents) == 2
    assert entity(store, "Clara Vance").id != peter.id


def test_a_later_document_merges_two_stored_entities(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, "a.txt", "Cast\n\nMoon Ha-rin joined the cast of a new drama.")
    add(store, tmp_path, "b.txt", "Viral\n\nA photo posted by @harin_moon went viral on Sunday.")
    account = entity(store, "@harin_moon")
    assert account.type == "account"
    add(store, tmp_path, "c.txt", "Post\n\nMoon Ha-rin (@harin_moon) thanked fans on Monday.")
    moon = entity(store, "Moon Ha-rin")
    assert "@harin_moon" in moon.accounts and len(moon.documents) == 3
    assert store.find_entities(account.id)[0].id == moon.id  # the old id still resolves
    [merge] = [link for link in store.entity_links(moon.id) if link.merged]
    assert merge.merged == account.id and "c.txt" not in merge.reason


def test_a_near_spelling_needs_the_same_company(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, "a.txt", f"Cast\n\nPark Hae-il stars with {CAST} in a thriller.")
    add(store, tmp_path, "b.txt", f"Cannes\n\nPark Hye-il walked the carpet with {CAST}.")
    add(store, tmp_path, "c.txt", "Other\n\nPark Hyo-il opened a bakery in Daegu.")
    park = entity(store, "Park Hae-il")
    assert "Park Hye-il" in park.aliases
    assert entity(store, "Park Hyo-il").id != park.id


def test_a_near_spelling_the_document_also_names_is_someone_else(
    store: SQLiteStore, tmp_path: Path
) -> None:
    add(store, tmp_path, "a.txt", f"Cast\n\nKim Soo-ah stars with {CAST} in a thriller.")
    add(store, tmp_path, "b.txt", f"Party\n\nKim Soo-ah, Kim So-ah, {CAST} went to the party.")
    add(store, tmp_path, "c.txt", f"Gala\n\nKim Seo-ah, Kim Soe-ah, {CAST} went to the gala.")
    soo_ah = entity(store, "Kim Soo-ah")
    assert soo_ah.aliases == ("Kim Soo-ah",)
    others = [entity(store, name).id for name in ["Kim So-ah", "Kim Seo-ah", "Kim Soe-ah"]]
    assert len({soo_ah.id, *others}) == 4


def test_a_bare_given_name_joins_the_person_in_the_same_company(
    store: SQLiteStore, tmp_path: Path
) -> None:
    add(store, tmp_path, "a.txt", f"Plot\n\nThe drama follows Tae-ryong, played by {CAST}.")
    add(store, tmp_path, "b.txt", f"Cast\n\nJang Tae-ryong is the hero, beside {CAST}.")
    add(store, tmp_path, "c.txt", f"Recap\n\nTae-ryong fights back, say {CAST}.")
    add(store, tmp_path, "d.txt", "Other\n\nTae-ryong opened a bakery in Daegu.")
    jang = entity(store, "Jang Tae-ryong")
    assert {"Tae-ryong", "Jang Tae-ryong"} <= set(jang.aliases)
    assert len(jang.documents) == 3  # not the bakery: nobody in its company
    assert any(link.merged for link in store.entity_links(jang.id))


@pytest.mark.parametrize(
    ("name", "type_", "forms"),
    [
        ("Moon Ha-rin", "person", ["Moon", "Ha-rin"]),
        ("Clara Vance", "person", ["Vance"]),
        ("Tidewater Entertainment", "org", ["Tidewater"]),
        ("Wonder Girls", "person", []),  # the NER's person; 'Girls' is no one's short form
        ("American Music", "org", []),
        ("Meta Korea", "person", []),
    ],
)
def test_short_forms_are_never_common_words(name: str, type_: EntityType, forms: list[str]) -> None:
    assert short_forms_of(name, type_) == forms


def test_replacing_a_document_forgets_its_mentions(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, "a.txt", "News\n\nMoon Ha-rin met Baek Ji-hoon.")
    add(store, tmp_path, "a.txt", "News\n\nMoon Ha-rin met reporters.")
    assert store.find_entities("Baek Ji-hoon") == []
    assert entity(store, "Moon Ha-rin").mentions == 1


def test_reannotating_everything_gives_the_same_entities(
    store: SQLiteStore, examples: Path
) -> None:
    ingest(store, [str(examples)])
    before = [(e.name, e.type, e.aliases, e.mentions) for e in store.entities()]
    assert reannotate(store, everything=True) == store.count_documents()
    after = [(e.name, e.type, e.aliases, e.mentions) for e in store.entities()]
    assert before == after and len(before) > 10


def test_the_name_a_person_goes_by_most_is_canonical(store: SQLiteStore, tmp_path: Path) -> None:
    text = "Singer Dalbit, whose real name is Kim Ha-neul, sang. Dalbit smiled. Dalbit left."
    add(store, tmp_path, "a.txt", f"Show\n\n{text}")
    add(store, tmp_path, "b.txt", "Tour\n\nSinger Kim Ha Neul sang at the tour.")
    dalbit = entity(store, "Kim Ha-neul")
    assert dalbit.name == "Dalbit" and {"Kim Ha-neul", "Kim Ha Neul"} <= set(dalbit.aliases)


def test_two_spellings_of_one_given_name_are_one_person(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, "a.txt", "Film\n\nActor Hye-jun met actor Hye-joon on Friday.")
    assert set(entity(store, "Hye-jun").aliases) == {"Hye-jun", "Hye-joon"}


def test_initials_are_the_name_they_spell(annotator: Annotator) -> None:
    text = (
        "The Harbor Drama Festival opened on Friday. The HDF gave its grand prize to Moon "
        "Ha-rin. The Fair Trade Commission said the FTC would look into it."
    )
    names = {e.display: {m.text for m in e.mentions} for e in local(annotator, text)}
    assert names["Harbor Drama Festival"] == {"Harbor Drama Festival", "HDF"}
    assert names["Fair Trade Commission"] == {"Fair Trade Commission", "FTC"}
    assert "HDF" not in names and "FTC" not in names


def test_a_middle_name_is_the_same_person(store: SQLiteStore, tmp_path: Path) -> None:
    add(store, tmp_path, "a.txt", "Peter Vance sang in Cardiff on Friday. Vance sang for hours.")
    add(store, tmp_path, "b.txt", "Peter Joseph Vance died on Thursday in Cardiff.")
    assert {"Peter Vance", "Peter Joseph Vance"} <= set(entity(store, "Peter Vance").aliases)


def test_a_full_name_run_on_into_another_s_surname_is_cut(annotator: Annotator) -> None:
    text = (
        "Peter Vance denies the charge. The prosecutor said Baek Ji-hoon trusted his life "
        'to Peter Vance Baek " died so rapidly ", the lawyer added.'
    )
    names = {e.display for e in local(annotator, text)}
    assert "Peter Vance Baek" not in names and "Peter Vance" in names


def test_namesakes_of_different_callings_are_two_people(store: SQLiteStore, tmp_path: Path) -> None:
    add(
        store,
        tmp_path,
        "a.txt",
        "Drama\n\nActor Han Do-yoon stars in “Blue Hour” with Min Seo-yeon.",
    )
    add(
        store,
        tmp_path,
        "b.txt",
        "Cards\n\n“Spending rose,” said Han Do-yoon, an analyst at Northbank.",
    )
    add(store, tmp_path, "c.txt", "Fans\n\nHan Do-yoon and Min Seo-yeon met fans in Seoul.")
    add(
        store,
        tmp_path,
        "d.txt",
        "Rates\n\n“Rates fall,” said Han Do-yoon, a senior analyst at Northbank.",
    )
    # the Gold Medalist case: a calling of another field, in the actor's own company
    add(store, tmp_path, "e.txt", "Owner\n\nCEO Han Do-yoon thanked Min Seo-yeon of “Blue Hour.”")
    found = store.find_entities("Han Do-yoon")
    assert len(found) == 2
    by_documents = sorted(len(store.get_entity(e.id).documents) for e in found)
    assert by_documents == [2, 3]


def test_the_calling_a_text_gives_beside_a_name(annotator: Annotator) -> None:
    text = (
        "Actor Han Do-yoon met Rep. Min Seo-yeon. Moon Ha-rin, a senior analyst at Northbank, "
        "and Baek Ji-hoon, who starred in “Blue Hour,” agreed. Kang Ji-ho, 26, said so."
    )
    entities = local(annotator, text)
    called = {
        name: callings(text, person(entities, name).mentions)
        for name in ("Han Do-yoon", "Min Seo-yeon", "Moon Ha-rin", "Baek Ji-hoon", "Kang Ji-ho")
    }
    assert called == {
        "Han Do-yoon": {"arts"},
        "Min Seo-yeon": {"politics"},
        "Moon Ha-rin": {"business"},
        "Baek Ji-hoon": set(),
        "Kang Ji-ho": set(),
    }
