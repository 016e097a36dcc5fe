"""Name shapes, romanisation variants and the keys that make spellings meet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.analyse.names import (
    consonant_skeleton,
    event_key,
    fold,
    given_name_key,
    is_syllable,
    is_two_syllables,
    korean_name_parts,
    org_key,
    romanisation_key,
    split_syllables,
    without_event_year,
    work_key,
)


@pytest.mark.parametrize(
    "word", ["So", "hee", "Kyo", "yeol", "Hyun", "ron", "Seung", "joon", "Young", "byoung"]
)
def test_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["Teases", "Shows", "Instagram", "Studio", "dating"])
def test_english_words_are_not_syllables(word: str) -> None:
    assert not is_syllable(word)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("nayeon", ["na", "yeon"]),
        ("sohee", ["so", "hee"]),
        ("jieun", ["ji", "eun"]),
        ("hyekyo", ["hye", "kyo"]),
        ("seulgi", ["seul", "gi"]),
    ],
)
def test_joined_given_names_split_where_koreans_would(word: str, parts: list[str]) -> None:
    assert split_syllables(word) == parts
    assert is_two_syllables(word)


@pytest.mark.parametrize(
    "spellings",
    [
        ("Song Hye Kyo", "Song Hye-kyo", "song hye kyo", "Song Hyekyo"),
        ("Ryu Jun-yeol", "Ryu Joon-yeol", "Ryu Jun-yul", "Yoo Joon Yeol"),
        ("Han So-hee", "Han So-hui", "Han Sohee"),
        ("Kim Go-eun", "Kim Go-un"),
        ("Shim Na-yeon", "Shim Nayeon"),
        ("Lee Jung-jae", "Lee Jeong-jae", "Yi Jung-jae"),
        ("Kim Soo-hyun", "Kim Su-hyeon"),
        ("Lim Young-woong", "Im Yeong-ung"),
    ],
)
def test_romanisations_of_one_name_share_a_key(spellings: tuple[str, ...]) -> None:
    keys = {romanisation_key(s) for s in spellings}
    assert len(keys) == 1 and None not in keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Soo-hyun", "Kim Sae-ron"),
        ("Han So-hee", "Han Won-jeong"),
        ("Park Chan-wook", "Park Hae-il"),
        ("Lee Ji-eun", "Lee Ji-won"),
        ("Kim Soo-hyun", "Kim So-hyun"),
        ("Kim Soo-hyun", "Kim Seo-hyun"),
        ("Lim Young-woong", "Lim Yong-woong"),
    ],
)
def test_people_sharing_a_surname_keep_different_keys(a: str, b: str) -> None:
    assert romanisation_key(a) != romanisation_key(b)
    assert fold(a) != fold(b)


def test_names_that_are_not_korean_have_no_romanisation_key() -> None:
    assert romanisation_key("Barack Obama") is None
    assert romanisation_key("Song To Study") is None
    assert korean_name_parts("Song Hye-kyo") == ("Song", ["hye", "kyo"])


def test_a_given_name_alone_meets_the_full_name() -> None:
    assert given_name_key("Tae-sang") == given_name_key("Jang Tae-sang") is not None
    assert given_name_key("Hye Kyo") is None  # written alone, only the hyphenated form
    assert given_name_key("Kore-eda") is None and given_name_key("K-pop") is None


def test_a_typo_keeps_the_consonant_skeleton() -> None:
    assert consonant_skeleton("Park Hae-il") == consonant_skeleton("Park Hye-il")
    assert consonant_skeleton("Park Hae-il") != consonant_skeleton("Park Chan-wook")


@pytest.mark.parametrize(
    "spellings",
    [
        ("C-JeS Studio", "CJes Studios", "C-JeS Entertainment"),
        ("9ato Entertainment", "9 Ato Entertainment", "9ATO"),
        ("Gold Medalist", "Gold Medalist Co."),
        ("The Korea Herald", "Korea Herald"),
    ],
)
def test_organisation_spellings_share_a_key(spellings: tuple[str, ...]) -> None:
    assert len({org_key(s) for s in spellings}) == 1


def test_events_and_works_without_year_or_season() -> None:
    assert event_key("2023 Baeksang Arts Awards") == event_key("the 59th Baeksang Arts Awards")
    assert without_event_year("2024 Cannes Film Festival") == "Cannes Film Festival"
    assert work_key("Gyeongseong Creature Season 2") == work_key("Gyeongseong Creature")
    assert work_key("People Pt. 2") != work_key("People")


LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
names = st.text(alphabet=LETTERS + " -’'é", max_size=40)
# Without apostrophes: whether "’s" is a possessive depends on the space after it.
unpossessed_names = st.text(alphabet=LETTERS + " -é", max_size=40)


@given(names)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(unpossessed_names)
def test_fold_ignores_case_spacing_and_hyphens(text: str) -> None:
    variant = text.upper().replace(" ", "-")
    assert fold(variant) == fold(text.replace(" ", "-"))
    assert fold(text.replace("-", " ")) == fold(text.replace("-", ""))


syllable = st.sampled_from(["so", "hee", "hye", "kyo", "jun", "yeol", "min", "ji", "eun", "ha"])


@given(st.sampled_from(["Kim", "Lee", "Park", "Han", "Song"]), syllable, syllable)
def test_romanisation_key_ignores_how_the_given_name_is_written(
    surname: str, first: str, second: str
) -> None:
    hyphenated = f"{surname} {first.title()}-{second}"
    spaced = f"{surname} {first.title()} {second.title()}"
    key = romanisation_key(hyphenated)
    assert key is not None and key == romanisation_key(spaced)
