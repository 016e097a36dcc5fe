"""Quality floors on the shared corpora (trafilatura's evaluation gate, borrowed).

A floor is pinned in floors.json next to a hash of its corpus; falling below it fails
the suite, and lowering it is a deliberate, reviewed change.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


def _benchmark(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_html_main_text_floor(shared: Path) -> None:
    pinned = FLOORS["html_main_text_token_f1"]
    corpus = shared / "corpus" / "html"
    digest = hashlib.sha256((corpus / "ground-truth.json").read_bytes()).hexdigest()
    if digest != pinned["corpus_sha256"]:
        pytest.skip("the HTML corpus changed: measure again and re-pin the floor")
    result = _benchmark("html_extraction").evaluate(corpus)
    assert result["storyline_f1"] >= pinned["floor"]
    assert result["storyline_f1"] >= result["trafilatura_default_f1"]


def test_token_f1() -> None:
    token_f1 = _benchmark("html_extraction").token_f1
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "a") == 0.0
    assert token_f1("A b", "a b c d") == pytest.approx(2 / 3)
