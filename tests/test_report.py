"""The report of the sample corpus's main story, against a golden file. After a change
that improves it, regenerate with `STORYLINE_UPDATE_GOLDEN=1 pytest tests/test_report.py`
and read the diff."""

from __future__ import annotations

import os
import re
from pathlib import Path

from storyline.ingest import ingest
from storyline.report import build_report, to_html, to_markdown
from storyline.store import SQLiteStore

from .conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden" / "report.md"


def test_main_story_report_matches_the_golden_file(store: SQLiteStore) -> None:
    assert ingest(store, [str(EXAMPLES)]).failed == 0
    main_story = store.stories()[0]
    report = build_report(store, main_story.id)
    markdown = to_markdown(report)
    if os.environ.get("STORYLINE_UPDATE_GOLDEN"):
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert markdown == GOLDEN.read_text(encoding="utf-8")
    # every footnote cited is defined, and every one defined is cited
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", markdown))
    defined = set(re.findall(r"^\[\^(\d+)\]:", markdown, re.MULTILINE))
    assert cited == defined and defined


def test_html_report_is_a_page_with_linked_notes(store: SQLiteStore) -> None:
    assert ingest(store, [str(EXAMPLES)]).failed == 0
    page = to_html(build_report(store, store.stories()[0].id))
    assert page.startswith("<!doctype html>") and "<h2>Timeline</h2>" in page
    for target in re.findall(r'href="#(note-\d+)"', page):
        assert f'id="{target}"' in page
