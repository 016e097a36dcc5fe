"""The report of the sample corpus's main story, against a golden file. After a change
that improves it, regenerate with `STORYLINE_UPDATE_GOLDEN=1 pytest tests/test_report.py`
and read the diff."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from markdown_it import MarkdownIt

from storyline.pipeline import ingest
from storyline.present.report import build_report, to_html, to_markdown
from storyline.store import SQLiteStore
from tests.conftest import EXAMPLES

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


def test_markdown_keeps_names_and_quotes_as_text(store: SQLiteStore, tmp_path: Path) -> None:
    record = {
        "outlet": "<img src=x onerror=alert(1)>",
        "title": "Kang Do-jin *joins* [Night Ferry](javascript:alert(2))",
        "text": "Actor Kang Do-jin will star in the film Night Ferry, his agency said. "
        '"<script>alert(3)</script> [click](javascript:alert(4))," Kang Do-jin said.',
    }
    (tmp_path / "feed.jsonl").write_text(json.dumps(record), encoding="utf-8")
    assert ingest(store, [str(tmp_path / "feed.jsonl")]).failed == 0
    markdown = to_markdown(build_report(store, store.stories()[0].id))
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert "<img" not in rendered and "<script" not in rendered
    assert "<em>joins</em>" not in rendered and "*joins*" in rendered
    assert "href" not in rendered
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered  # shown as it was written
