from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.models import Published, RawDocument, TimeValue
from storyline.read.published import infer_from_content, parse_date, publication_date


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        ("2024-03-24", "2024-03-24", "day"),
        ("2025-06-20T16:20:00+09:00", "2025-06-20", "day"),
        ("2024-05-19T07:00:00Z", "2024-05-19", "day"),
        ("Mon, 16 Jun 2025 09:30:00 +0900", "2025-06-16", "day"),
        ("March 24, 2024", "2024-03-24", "day"),
        ("2024.05.02", "2024-05-02", "day"),
        ("20240324", "2024-03-24", "day"),
        ("2024-05", "2024-05", "month"),
        ("June 2024", "2024-06", "month"),
        ("2024", "2024", "year"),
    ],
)
def test_parse_date_keeps_the_given_precision(raw: str, value: str, precision: str) -> None:
    parsed = parse_date(raw)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (value, precision)


@pytest.mark.parametrize("raw", ["", "garbage", "March 24", "earlier today", "2024-13-45"])
def test_parse_date_refuses_what_it_cannot_place(raw: str) -> None:
    assert parse_date(raw) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_iso_days_round_trip(day: date) -> None:
    assert parse_date(day.isoformat()) == TimeValue(day.isoformat(), "day", day.isoformat())


def test_content_date_from_a_day_next_to_the_current_year() -> None:
    text = (
        "On the morning of May 19, she flew to France for the 2024 Cannes Film Festival. "
        "The drama fell through in May last year."
    )
    inferred = infer_from_content(text)
    assert (inferred.value, inferred.precision) == ("2024-05", "month")


def test_content_date_ignores_background_years() -> None:
    # 2023 is background here: the article also names 2024.
    text = "On March 7, she won an award at the 2023 ceremony. Her 2024 drama is coming."
    assert infer_from_content(text).value is None


@pytest.mark.parametrize(
    "text",
    [
        "Song was born in 1981 and Han in 1994. Earlier today, Song posted a video.",
        "She browsed posts from half a year ago.",
        "The concert is on Friday.",
    ],
)
def test_content_date_stays_unknown_without_evidence(text: str) -> None:
    assert infer_from_content(text) == TimeValue.unknown()


@given(st.text(max_size=300))
def test_content_inference_never_claims_a_day(text: str) -> None:
    assert infer_from_content(text).precision in {"month", "unknown"}


def test_publication_date_prefers_the_input_field() -> None:
    raw = RawDocument("a.jsonl#1", "jsonl", "x", published="2024-03-24", published_basis="input")
    assert publication_date(raw, "On May 19, at the 2023 festival.") == (
        Published("2024-03-24", "day", "input"),
        None,
    )


def test_unreadable_field_falls_back_to_content_with_a_note() -> None:
    raw = RawDocument("a.csv#2", "csv", "x", published="soon", published_basis="input")
    published, note = publication_date(raw, "It rained.")
    assert published == Published.unknown()
    assert note is not None and "soon" in note
