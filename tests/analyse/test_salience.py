"""Salience: who a reader has most in mind at a point of a document."""

from __future__ import annotations

from storyline.analyse.resolve.salience import Mentioned, Salience

STARTS = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100]


def test_the_subject_of_the_last_sentence_outweighs_an_object_there() -> None:
    salience = Salience([Mentioned("a", 110, 1, 1.0), Mentioned("b", 150, 1, 0.6)], STARTS)
    assert salience.choose(210, 2, {"a", "b"}) == "a"


def test_presence_fades_sentence_by_sentence() -> None:
    salience = Salience([Mentioned("a", 10, 0, 1.0), Mentioned("b", 310, 3, 0.6)], STARTS)
    assert salience.choose(410, 4, {"a", "b"}) == "b"


def test_two_about_equally_present_leave_it_open() -> None:
    salience = Salience([Mentioned("a", 110, 1, 1.0), Mentioned("b", 150, 1, 1.0)], STARTS)
    assert salience.choose(210, 2, {"a", "b"}) is None


def test_the_article_subject_wins_a_tie_of_the_moment() -> None:
    earlier = [Mentioned("a", 100 * i + 10, i, 1.0) for i in range(9)]
    salience = Salience(
        [*earlier, Mentioned("b", 910, 9, 1.0), Mentioned("a", 950, 9, 0.4)], STARTS
    )
    # b is the subject of the last sentence, but a is what the article is about
    scores = salience.scores(1010, 10, {"a", "b"})
    assert scores["a"] > scores["b"] * 0.8


def test_a_mention_after_the_point_does_not_count() -> None:
    salience = Salience([Mentioned("a", 510, 5, 1.0)], STARTS)
    assert salience.choose(410, 4, {"a"}) is None


def test_an_added_mention_counts_from_where_it_is() -> None:
    salience = Salience([Mentioned("a", 110, 1, 1.0), Mentioned("b", 120, 1, 1.0)], STARTS)
    salience.add(Mentioned("b", 210, 2, 1.0))  # "she", resolved to b
    assert salience.choose(310, 3, {"a", "b"}) == "b"
