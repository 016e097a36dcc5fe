"""Quality floors on the shared corpora (trafilatura's evaluation gate, borrowed).

A floor is pinned in floors.json next to a hash of its corpus; falling below it fails
the suite, and lowering it is a deliberate, reviewed change.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import CLI, ROOT

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture
def benchmark(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], ModuleType]:
    """A benchmark script as a module (with benchmarks/ on the path, as when it runs)."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


def test_html_main_text_floor(shared: Path, benchmark: Callable[[str], ModuleType]) -> None:
    pinned = FLOORS["html_main_text_token_f1"]
    corpus = shared / "corpus" / "html"
    digest = hashlib.sha256((corpus / "ground-truth.json").read_bytes()).hexdigest()
    if digest != pinned["corpus_sha256"]:
        pytest.skip("the HTML corpus changed: measure again and re-pin the floor")
    result = benchmark("html_extraction").evaluate(corpus)
    assert result["storyline_f1"] >= pinned["floor"]
    assert result["storyline_f1"] >= result["trafilatura_default_f1"]


def test_token_f1(benchmark: Callable[[str], ModuleType]) -> None:
    token_f1 = benchmark("html_extraction").token_f1
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "a") == 0.0
    assert token_f1("A b", "a b c d") == pytest.approx(2 / 3)


def _score_export(run: CLI, shared: Path, gold_path: Path, tmp_path: Path) -> dict[str, float]:
    """Ingest the gold file's annotated articles from the KH corpus, export, score."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    wanted = set(gold["annotated_documents"])
    articles = (shared / "corpus" / "kh" / "articles.jsonl").read_text(encoding="utf-8")
    chosen = [line for line in articles.splitlines() if json.loads(line).get("url") in wanted]
    assert len(chosen) == len(wanted)
    corpus = tmp_path / "annotated.jsonl"
    corpus.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    assert run("ingest", str(corpus)).exit_code == 0
    export = tmp_path / "export.json"
    assert run("export", "-o", str(export)).exit_code == 0
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    prediction = json.loads(export.read_text(encoding="utf-8"))
    return scorer.score(gold, prediction)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("floor", "gold"),
    [
        ("entities_kh_dev", "gold/kh_dev.gold.json"),
        ("entities_kh_extra", str(ROOT / "benchmarks" / "gold" / "kh_extra.gold.json")),
    ],
)
def test_entity_floors(floor: str, gold: str, run: CLI, shared: Path, tmp_path: Path) -> None:
    pinned = FLOORS[floor]
    scores = _score_export(run, shared, shared / gold, tmp_path)
    assert scores["entity_f1"] >= pinned["entity_f1"]
    assert scores["alias_recall"] >= pinned["alias_recall"]
    assert scores["entity_splits"] <= pinned["entity_splits"]
    assert scores["entity_merges"] == 0
    assert scores["relation_f1"] >= pinned["relation_f1"]


@pytest.mark.parametrize(
    ("floor", "gold"), [("events_kh_dev", "kh_dev"), ("events_kh_dev2", "kh_dev2")]
)
def test_event_floors(floor: str, gold: str, run: CLI, shared: Path, tmp_path: Path) -> None:
    pinned = FLOORS[floor]
    scores = _score_export(run, shared, shared / "gold" / f"{gold}.gold.json", tmp_path)
    assert scores["event_f1"] >= pinned["event_f1"]
    assert scores["event_strict_f1"] >= pinned["event_strict_f1"]
    assert scores["event_date_accuracy"] >= pinned["event_date_accuracy"]
