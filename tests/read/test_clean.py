from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.read.clean import clean, is_alt_text, source_attribution, strip_credit


def test_removes_photo_credits_alt_text_and_navigation() -> None:
    text = (
        "Actress Yoon Ha-rin met actor Kang Do-jin in Jeju.\n\n"
        "| @harin.yoon/Instagram\n\n"
        "yoon ha rin kang do jin\n\n"
        "Photo: Channel Blue\n\n"
        "Their agencies said nothing.\n\n"
        "Back to top button"
    )
    cleaned = clean(text)
    assert cleaned.text == (
        "Actress Yoon Ha-rin met actor Kang Do-jin in Jeju.\n\nTheir agencies said nothing."
    )
    assert "Back to top button" in cleaned.removed
    assert "| @harin.yoon/Instagram" in cleaned.removed


def test_source_lines_become_credited_sources() -> None:
    cleaned = clean("A story.\n\nSources: K14, Twitter, Naver")
    assert cleaned.credited_sources == ("K14", "Twitter", "Naver")
    assert cleaned.text == "A story."


def test_source_attribution_drops_etc_and_keeps_domain_dots() -> None:
    assert source_attribution("Source: Minnan.com, Sohu Entertainment, etc.") == [
        "Minnan.com",
        "Sohu Entertainment",
    ]
    assert source_attribution("The source: a long sentence about sources.") is None


def test_trailing_wire_credit_is_pulled_out() -> None:
    cleaned = clean("The agency denied it in 2020. (Yonhap)")
    assert cleaned.credited_sources == ("Yonhap",)
    assert cleaned.text == "The agency denied it in 2020."


def test_dateline_credit_is_noted_and_dateline_kept() -> None:
    cleaned = clean("SEOUL, June 16 (Bora News) -- Agencies denied the reports.")
    assert cleaned.credited_sources == ("Bora News",)
    assert cleaned.text.startswith("SEOUL, June 16 (Bora News) --")


def test_caption_with_credit_goes_but_sentence_with_credit_stays() -> None:
    assert strip_credit("After editing the photo (left) | | @xeesoxee/Instagram") == ""
    assert strip_credit("She posted a photo. | @kyo1122/Instagram") == "She posted a photo."
    assert strip_credit("She posted a photo.") == "She posted a photo."


def test_byline_becomes_author() -> None:
    cleaned = clean("By Choi He-suk (cheesuk@heraldm.com)\n\nThe film opened on Friday.")
    assert cleaned.author == "Choi He-suk"
    assert cleaned.text == "The film opened on Friday."


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("The film opened on Friday. By Choi He-suk ()", "Choi He-suk"),
        ("The film opened on Friday. By Choi He-suk and news reports ()", "Choi He-suk"),
        ("The film opened on Friday. Choi He-suk, Intern reporter()", "Choi He-suk"),
        ("The film opened on Friday. By Choi He-suk (cheesuk@example.com)", "Choi He-suk"),
    ],
)
def test_a_byline_run_onto_the_last_sentence_becomes_author(text: str, author: str) -> None:
    cleaned = clean(text)
    assert (cleaned.text, cleaned.author) == ("The film opened on Friday.", author)


def test_a_last_sentence_with_by_in_it_stays() -> None:
    text = "The drama was written by Choi He-suk. It was directed By Kang Min."
    assert clean(text).text == text


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    cleaned = clean("By Friday, the tickets had sold out.\n\nBy Lee Soo-ah · June 16, 2025")
    assert cleaned.text == "By Friday, the tickets had sold out."
    assert cleaned.author == "Lee Soo-ah"


def test_alt_text_needs_names_from_the_article() -> None:
    names = {"song", "hye", "kyo", "han", "so", "hee"}
    assert is_alt_text("song hye kyo han so hee", names)
    assert not is_alt_text("and then the rain came down", names)
    assert not is_alt_text("Song Hye Kyo", names)


def test_lowercase_sentence_is_kept() -> None:
    text = "Kim Soo-hyun spoke.\n\nkim soo-hyun spoke again and left the room quickly."
    assert "kim soo-hyun spoke again" in clean(text).text


_sentence = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){3,12}\.", fullmatch=True)


@given(st.lists(_sentence, min_size=1, max_size=8))
def test_every_sentence_survives(sentences: list[str]) -> None:
    text = "\n\n".join(sentences)
    cleaned = clean(text).text
    for sentence in sentences:
        assert sentence in cleaned


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once
    assert not re.search(r"\n{3,}", once)
