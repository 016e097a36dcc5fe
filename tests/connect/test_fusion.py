"""Fusion: one real event reported by several outlets is one event citing them all;
different events of the same people stay apart; disagreements are kept; copies and
documents crediting one source count as one outlet. Texts are fictional."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.connect.fusion import Report, fuse, fused_events, same_event
from storyline.models import Event, Evidence, Modality, Participant, TimeValue
from storyline.pipeline import ingest
from storyline.store import SQLiteStore


def reading(
    document: str,
    when: str | None = None,
    *,
    type_: str = "social.like",
    modality: Modality = "asserted",
    quote: str | None = None,
    people: tuple[str, ...] = ("e_yoon", "e_kang"),
    told: str | None = "on Sunday",  # the words that gave the date; None: the report's day
) -> Event:
    precision = "unknown" if when is None else {4: "year", 7: "month", 10: "day"}[len(when)]
    roles = ("agent", "target")
    return Event(
        id=f"v_{document}_{type_}",
        type=type_,
        participants=tuple(Participant(r, p) for r, p in zip(roles, people, strict=False)),
        time=TimeValue(when, precision, told if when else None),  # type: ignore[arg-type]
        modality=modality,
        summary="",
        evidence=(Evidence(document, 0, 10, "…"),),
        quote=quote,
    )


REPORTS = {
    "d1": Report("2025-06-01", 1, "outlet:a"),
    "d2": Report("2025-06-02", 2, "outlet:b"),
    "d3": Report("2025-06-02", 3, "source:herald pop"),
    "d4": Report("2025-06-03", 4, "source:herald pop"),
    "d9": Report("2025-11-30", 9, "outlet:c"),
}


def test_the_same_like_from_two_outlets_is_one_event() -> None:
    assert same_event(reading("d1", "2025-06-01"), reading("d2", "2025-06-01"), REPORTS)
    assert same_event(reading("d1", "2025-06"), reading("d2", "2025-06-01"), REPORTS)
    # an outlet that leaves the target out still reports the same like
    assert same_event(reading("d1"), reading("d2", people=("e_yoon",)), REPORTS)


def test_different_events_of_the_same_people_stay_apart() -> None:
    assert not same_event(reading("d1", "2025-03-03"), reading("d2", "2025-08-09"), REPORTS)
    assert not same_event(reading("d1"), reading("d2", type_="social.comment"), REPORTS)
    assert not same_event(reading("d1"), reading("d2", people=("e_kang", "e_yoon")), REPORTS)
    # undated, but reported half a year apart: not the same like
    assert not same_event(reading("d1"), reading("d9"), REPORTS)
    statements = [
        reading(d, type_="speech.statement", quote=q)
        for d, q in (("d1", "We are close colleagues."), ("d2", "Filming starts in May."))
    ]
    assert not same_event(*statements, REPORTS)


def test_a_disagreement_is_kept_and_modality_follows_the_latest_report() -> None:
    rumour = reading("d1", type_="personal.dating", modality="rumoured")
    denial = reading("d2", type_="personal.dating", modality="denied")
    assert same_event(rumour, denial, REPORTS)
    fused = fuse([rumour, denial], REPORTS)
    assert fused.modality == "denied"
    assert {(c.field, c.value, c.documents) for c in fused.conflicts} == {
        ("modality", "rumoured", ("d1",)),
        ("modality", "denied", ("d2",)),
    }
    # a day apart between outlets: one event, with both dates on record
    fused = fuse([reading("d1", "2025-06-01"), reading("d2", "2025-06-02")], REPORTS)
    assert {c.value for c in fused.conflicts if c.field == "time"} == {"2025-06-01", "2025-06-02"}


SAID = "We have been close colleagues for years and wish each other well."


def test_words_said_again_later_are_the_statement_first_reported() -> None:
    first = reading("d1", "2025-06-01", type_="speech.statement", quote=SAID, told=None)
    again = reading("d9", "2025-11-30", type_="speech.statement", quote=SAID, told=None)
    assert same_event(first, again, REPORTS)
    fused = fuse([again, first], REPORTS)
    assert fused.time.value == "2025-06-01"
    assert not [c for c in fused.conflicts if c.field == "time"]  # a later report's day
    # a date the later report's words give is one it states: two statements
    stated = reading("d9", "2025-11-28", type_="speech.statement", quote=SAID)
    assert not same_event(first, stated, REPORTS)
    # a few words said again are not taken for one statement
    short = [
        reading(d, w, type_="speech.statement", quote="Thank you all so much.", told=None)
        for d, w in (("d1", "2025-06-01"), ("d9", "2025-11-30"))
    ]
    assert not same_event(*short, REPORTS)


def test_a_death_is_one_event_at_its_most_reported_date() -> None:
    deaths = [
        reading(d, w, type_="bio.died", people=("e_cole",))
        for d, w in (("d1", "2009-06-25"), ("d2", "2009-06-25"), ("d9", "2010-06-25"))
    ]
    assert same_event(deaths[0], deaths[2], REPORTS)
    assert fuse([deaths[2], *deaths[:2]], REPORTS).time.value == "2009-06-25"
    # but one like is not another of a year later
    assert not same_event(reading("d1", "2009-06-25"), reading("d9", "2010-06-25"), REPORTS)


def test_outlets_crediting_one_source_count_once() -> None:
    fused = fuse([reading(d) for d in ("d1", "d3", "d4")], REPORTS)
    assert fused.outlets == 2
    assert [v.document for v in fused.evidence] == ["d1", "d3", "d4"]


LIKE = [
    ("a.example", "Actress Yoon Ha-rin liked a photo Kang Do-jin posted on Sunday, fans noticed."),
    ("b.example", "Fans spotted that Yoon Ha-rin liked Kang Do-jin's beach photo on Sunday."),
    ("c.example", "On Sunday, Yoon Ha-rin liked a picture uploaded by actor Kang Do-jin."),
]


def test_three_outlets_reporting_one_like_give_one_event(
    store: SQLiteStore, tmp_path: Path
) -> None:
    path = tmp_path / "likes.jsonl"
    records = [
        {"url": f"https://{site}/news/1", "title": "Like", "text": text, "published": "2025-06-16"}
        for site, text in LIKE
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert ingest(store, [str(path)]).failed == 0
    [like] = fused_events(store, type_pattern="social.like")
    assert like.outlets == 3 and len({v.document for v in like.evidence}) == 3
    assert like.time.value == "2025-06-15"
