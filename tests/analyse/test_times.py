"""The time normaliser: expressions and the dates they name, against a reference date."""

from __future__ import annotations

import pytest

from storyline.analyse.times import find_times, normalise
from storyline.models import Published

MONDAY = Published("2024-05-20", "day", "metadata")  # a Monday
JANUARY = Published("2025-01-03", "day", "metadata")  # a Friday
ONLY_MONTH = Published("2024-05", "month", "content")

CASES = [
    # absolute forms name their own date
    ("March 16, 2024", MONDAY, "2024-03-16", "day"),
    ("Mar. 16, 2024", MONDAY, "2024-03-16", "day"),
    ("16 March 2024", MONDAY, "2024-03-16", "day"),
    ("2024-03-16", MONDAY, "2024-03-16", "day"),
    ("March 2024", MONDAY, "2024-03", "month"),
    ("in March of 2019", MONDAY, "2019-03", "month"),
    ("2017", MONDAY, "2017", "year"),
    ("in 1981", None, "1981", "year"),
    ("the 2023 Baeksang Arts Awards", MONDAY, "2023", "year"),
    ("February 30, 2024", MONDAY, None, "unknown"),
    # a day without a year: the publication year, or the year before for a late date
    ("May 19", MONDAY, "2024-05-19", "day"),
    ("on the morning of May 19", ONLY_MONTH, "2024-05-19", "day"),
    ("Dec. 28", JANUARY, "2024-12-28", "day"),
    ("Jan. 2", JANUARY, "2025-01-02", "day"),
    ("May 19", None, None, "unknown"),
    # weekdays: the most recent such day on or before publication
    ("on Friday", MONDAY, "2024-05-17", "day"),
    ("Saturday night", MONDAY, "2024-05-18", "day"),
    ("Sunday", MONDAY, "2024-05-19", "day"),
    ("Monday", MONDAY, "2024-05-20", "day"),
    ("last Monday", MONDAY, "2024-05-13", "day"),
    ("on Thursday", JANUARY, "2025-01-02", "day"),
    ("on Friday", ONLY_MONTH, "2024-05", "month"),
    ("on Friday", None, None, "unknown"),
    # days relative to publication
    ("earlier today", MONDAY, "2024-05-20", "day"),
    ("today", MONDAY, "2024-05-20", "day"),
    ("this morning", MONDAY, "2024-05-20", "day"),
    ("tonight", MONDAY, "2024-05-20", "day"),
    ("yesterday", MONDAY, "2024-05-19", "day"),
    ("yesterday", JANUARY, "2025-01-02", "day"),
    ("earlier today", ONLY_MONTH, "2024-05", "month"),
    ("three days ago", MONDAY, "2024-05-17", "day"),
    ("a few days ago", MONDAY, "2024-05", "month"),
    # weeks and months
    ("last week", MONDAY, "2024-05", "month"),
    ("this month", MONDAY, "2024-05", "month"),
    ("last month", MONDAY, "2024-04", "month"),
    ("last month", JANUARY, "2024-12", "month"),
    ("half a year ago", MONDAY, "2023-11", "month"),
    ("two months ago", JANUARY, "2024-11", "month"),
    ("in November", MONDAY, "2023-11", "month"),
    ("in May", MONDAY, "2024-05", "month"),
    ("in March", MONDAY, "2024-03", "month"),
    ("since February", MONDAY, "2024-02", "month"),
    ("next March", MONDAY, "2025-03", "month"),
    ("May last year", MONDAY, "2023-05", "month"),
    ("in December last year", JANUARY, "2024-12", "month"),
    ("March this year", MONDAY, "2024-03", "month"),
    # years
    ("last year", MONDAY, "2023", "year"),
    ("early this year", MONDAY, "2024", "year"),
    ("later this year", MONDAY, "2024", "year"),
    ("next year", MONDAY, "2025", "year"),
    ("the previous year", MONDAY, "2023", "year"),
    ("three years ago", MONDAY, "2021", "year"),
    ("last year", ONLY_MONTH, "2023", "year"),
    ("last year", None, None, "unknown"),
    # seasons are years
    ("this summer", MONDAY, "2024", "year"),
    ("last summer", MONDAY, "2023", "year"),
    ("last spring", Published("2024-11-02", "day", "input"), "2024", "year"),
    ("next winter", MONDAY, "2024", "year"),
]


@pytest.mark.parametrize(("expression", "published", "value", "precision"), CASES)
def test_normalise(
    expression: str, published: Published | None, value: str | None, precision: str
) -> None:
    time = normalise(expression, published)
    assert (time.value, time.precision) == (value, precision)


def test_the_table_is_long_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    "text",
    [
        "Ryu Jun-yeol and Han So-hee",  # the 'Jun' of a name is no June
        "She may join the cast.",  # 'may' is a verb
        "The film sold 2,024 tickets.",
        "Sales rose 20 percent in the 2010s.",
        "Lee Sun-kyun starred in it.",
        "She starred in “Winter Lantern (2018).”",  # the year of a title dates nothing
        "She told NBC's Today programme she was happy.",  # a show's name
        "She starred in “Winter Lantern” (2018) and “Salt Road (2021),” both dramas.",
    ],
)
def test_words_that_are_no_dates(text: str) -> None:
    assert [t.time.value for t in find_times(text, MONDAY)] == []


def test_expressions_are_found_where_they_are() -> None:
    text = "On Friday, Song said she was born in 1981."
    found = find_times(text, MONDAY)
    assert [(text[t.start : t.end], t.time.value) for t in found] == [
        ("Friday", "2024-05-17"),
        ("1981", "1981"),
    ]
