"""The event-type registry: one entry per type storyline reads, each checked against the
extractor with its own example sentences (ingested into a real store)."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from storyline.analyse.eventtypes import EVENT_TYPES, READINGS, RELATION_TYPES, EventType
from storyline.analyse.summaries import summarise
from storyline.models import EventTypeName, Participant
from storyline.store import SQLiteStore, open_store
from tests.conftest import ROOT

from .test_events import events_of, found

TYPES = list(EVENT_TYPES.values())


def _name(spec: EventType) -> str:
    return f"{spec.type}/{spec.variant}" if spec.variant else spec.type


def test_the_registry_names_every_type_once() -> None:
    assert list(EVENT_TYPES) == [t.type for t in TYPES]
    assert set(EVENT_TYPES) == set(get_args(EventTypeName))
    assert len({_name(t) for t in READINGS}) == len(READINGS)
    assert {t.type for t in READINGS} == set(EVENT_TYPES)  # a variant reads a known type


def test_a_summary_leaves_out_the_parts_of_missing_roles() -> None:
    alone = [Participant("speaker", "e1", "Moon Ha-rin")]
    about = [*alone, Participant("about", "e2", "Baek Ji-hoon")]
    assert summarise("speech.statement", alone, "asserted") == "Moon Ha-rin made a statement."
    assert summarise("speech.statement", about, "denied") == (
        "Denied: Moon Ha-rin made a statement about Baek Ji-hoon."
    )


@pytest.mark.parametrize("spec", TYPES, ids=lambda t: t.type)
def test_each_type_is_read_and_summarised(spec: EventType) -> None:
    assert spec.triggered != bool(spec.producer), "a trigger or a producer, not both"
    maker = {"person"} if spec.made_by else set()  # the work's maker, named elsewhere
    assert {role for role, _ in spec.example_roles} <= set(spec.roles) | maker
    participants = [Participant(role, f"e{i}", f"Name{i}") for i, role in enumerate(spec.roles)]
    summary = summarise(spec.type, participants, "asserted")
    assert summary.endswith(".") and "{" not in summary and spec.type not in summary
    if spec.if_negated:
        assert spec.if_negated in EVENT_TYPES
    assert (spec.relation is not None or spec.friendly) == (spec.type in RELATION_TYPES)


@pytest.mark.parametrize("spec", READINGS, ids=_name)
def test_each_type_has_an_example_and_a_counterexample(
    store: SQLiteStore, tmp_path: Path, spec: EventType
) -> None:
    events = [e for e in events_of(store, tmp_path, spec.example) if e.type == spec.type]
    wanted = list(spec.example_roles)
    assert any(
        [(p.role, p.name) for p in e.participants][: len(wanted)] == wanted for e in events
    ), f"{spec.type} {wanted} not in {found(events)}"
    (tmp_path / "other").mkdir()
    with open_store(tmp_path / "other" / "other.db") as other:
        others = events_of(other, tmp_path / "other", spec.counterexample)
    assert spec.type not in {e.type for e in others}, found(others)


def test_the_docs_list_every_type() -> None:
    pipeline = (ROOT / "docs" / "pipeline.md").read_text(encoding="utf-8")
    assert [t for t in EVENT_TYPES if f"`{t}`" not in pipeline] == []
