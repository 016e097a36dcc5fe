"""Timelines: dated events in order at their precision, undated ones after them in the
order of reporting; summary timelines pick the dates articles name most and tell each
with sentences from the articles, without repeating themselves."""

from __future__ import annotations

from storyline.models import Document, Event, Evidence, Published, TimeValue
from storyline.present.timeline import event_timeline, summary_timeline


def event(id_: str, when: str | None, document: str) -> Event:
    precision = "unknown" if when is None else {4: "year", 7: "month", 10: "day"}[len(when)]
    return Event(
        id=id_,
        type="social.post",
        participants=(),
        time=TimeValue(when, precision),  # type: ignore[arg-type]
        modality="asserted",
        summary=id_,
        evidence=(Evidence(document, 0, 1, "x"),),
    )


def test_mixed_precisions_and_undated_events_in_order() -> None:
    events = [
        event("later undated", None, "d2"),
        event("day", "2024-05-19", "d1"),
        event("year", "2023", "d1"),
        event("month", "2024-05", "d1"),
        event("earlier undated", None, "d1"),
        event("next month", "2024-06-01", "d1"),
    ]
    order = {"d1": ("2024-06-02", 1), "d2": ("2024-06-03", 2)}
    entries = event_timeline(events, order)
    assert [e.text for e in entries] == [
        "year",
        "month",
        "day",
        "next month",
        "earlier undated",
        "later undated",
    ]
    assert [e.undated for e in entries] == [False] * 4 + [True] * 2


def document(id_: str, published: str, text: str) -> tuple[Document, list[tuple[int, int]]]:
    doc = Document(
        id=id_,
        source=id_,
        kind="txt",
        text=text,
        published=Published(published, "day", "input"),
        ingested_at="2025-01-01T00:00:00+00:00",
    )
    offsets, start = [], 0
    for sentence in text.split("\n"):
        offsets.append((start, start + len(sentence)))
        start += len(sentence) + 1
    return doc, offsets


def test_summary_timeline_picks_the_most_named_dates() -> None:
    documents = [
        document(
            "a",
            "2024-03-02",
            "The mayor opened the new harbour bridge on March 1 after four years of work.\n"
            "Crowds gathered on March 1 to watch the mayor cut the ribbon at the bridge.\n"
            "The city council will vote on the bridge tolls on Tuesday next month.",
        ),
        document(
            "b",
            "2024-03-02",
            "The harbour bridge opened yesterday with the mayor cutting the ribbon.\n"
            "The harbour bridge opened yesterday with the mayor cutting the ribbon.",
        ),
        document(
            "c",
            "2024-07-10",
            "Engineers closed one lane of the harbour bridge for repairs on Monday.",
        ),
    ]
    entries = summary_timeline(documents, dates=1, sentences=2)
    assert {e.date for e in entries} == {"2024-03-01"}
    texts = [e.text for e in entries]
    assert len(texts) == 2 and len(set(texts)) == 2  # the copied sentence is told once
    assert all(e.evidence and e.evidence[0].document in {"a", "b"} for e in entries)
