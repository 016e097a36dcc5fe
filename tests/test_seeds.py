"""The reference case: three real articles from ../shared, scored with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLI

RESIDUE = ("Back to top button", "| @xeesoxee/Instagram", "| @kyo1122/Instagram")


def _is_residue(line: str) -> bool:
    """Lines of the seeds that are page furniture, judged by eye, not by storyline's rules."""
    return (
        line.startswith(("|", "Source:", "Sources:"))
        or line.endswith("/Instagram")
        or line == "Back to top button"
        or line == line.lower()  # alt text: 'song hye kyo han so hee'
    )


@pytest.fixture
def seeds_export(run: CLI, shared: Path, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    seeds = shared / "corpus" / "seeds"
    first = run("ingest", str(seeds))
    assert first.exit_code == 0 and "Ingested 3 documents" in first.output
    again = run("ingest", str(seeds))
    assert "Nothing new (3 unchanged" in again.output
    out = tmp_path / "export.json"
    assert run("export", "-o", str(out)).exit_code == 0
    return {"path": out, "data": json.loads(out.read_text(encoding="utf-8"))}


def test_scores_on_the_shared_scorer(seeds_export: dict, shared: Path) -> None:  # type: ignore[type-arg]
    done = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score.py"),
            "--json",
            "--gold",
            str(shared / "gold" / "seeds.gold.json"),
            "--pred",
            str(seeds_export["path"]),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(done.stdout.strip().splitlines()[-1])
    assert scores["documents_found"] == 1.0
    assert scores["credited_sources_f1"] >= 0.9
    assert scores["document_date_accuracy"] == 1.0
    assert scores["entity_f1"] >= 0.95 and scores["alias_recall"] >= 0.9
    assert scores["entity_splits"] == 0 and scores["entity_merges"] == 0
    assert scores["event_f1"] >= 0.75
    assert scores["event_date_accuracy"] >= 0.9
    assert scores["event_modality_accuracy"] >= 0.85
    assert scores["story_bcubed_f1"] == 1.0  # the three seeds tell one story
    assert scores["relation_f1"] >= 0.7
    # fused events cite the documents that report them (the cat video: all three)
    assert scores["event_evidence_doc_recall"] >= 0.9


def test_dates(seeds_export: dict) -> None:  # type: ignore[type-arg]
    published = {
        Path(d["source"]).name[:3]: d["published"] for d in seeds_export["data"]["documents"]
    }
    assert published["002"] == {"value": "2024-05", "precision": "month", "basis": "content"}
    assert published["000"]["value"] is None and published["001"]["value"] is None


def test_residue_gone_and_every_article_line_kept(seeds_export: dict, shared: Path) -> None:  # type: ignore[type-arg]
    for doc in seeds_export["data"]["documents"]:
        for residue in RESIDUE:
            assert residue not in doc["text"]
        original = Path(doc["source"]).read_text(encoding="utf-8").splitlines()
        title, body = original[0], original[1:]
        assert doc["title"] == title
        for line in (" ".join(line.split()) for line in body):  # spacing is normalised
            if line and not _is_residue(line):
                assert line in doc["text"], line
