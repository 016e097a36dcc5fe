"""The web page in a real headless Chromium (Debian's, driven by playwright) against the
server on 127.0.0.1: stories list, a story's timeline and graph, an entity's evidence.
Leaves a screenshot of the story page in build/ (the README shows it)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.pipeline import ingest
from storyline.serve.api import create_app
from storyline.store import open_store
from tests.conftest import ROOT

from .test_api import sample_db, serve  # noqa: F401 (fixture)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = ROOT / "build" / "story-page.png"


@pytest.fixture(scope="module")
def base(sample_db: Path) -> Iterator[str]:  # noqa: F811
    yield from serve(create_app(sample_db))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}: `make test` installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def test_story_page_timeline_graph_and_evidence(browser: object, base: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(base + "/")
    cards = page.locator(".story-card")
    cards.first.wait_for()
    assert cards.count() >= 2
    page.locator(".story-card a", has_text="Kang Do-jin").first.click()
    page.locator(".entry").first.wait_for()
    assert page.locator(".entry").count() >= 3
    assert page.locator(".badge.denied").count() >= 1  # the agency's denial
    page.locator(".graph svg .node").first.wait_for()
    assert page.locator(".graph svg .edge").count() >= 1
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 20_000  # a blank page compresses to almost nothing

    page.locator(".graph a.node", has_text="Yoon Ha-rin").first.click()
    page.locator("h1", has_text="Yoon Ha-rin").wait_for()
    page.locator(".entry details summary").first.click()
    quote = page.locator(".entry blockquote").first
    quote.wait_for()
    assert "Yoon" in quote.inner_text() or "Kang" in quote.inner_text()

    page.locator(".entry blockquote a").first.click()  # the evidence's document
    page.locator(".text mark").first.wait_for()
    page.fill("#q", "Moonlit Harbor")
    page.press("#q", "Enter")
    page.locator("h2", has_text="Articles").wait_for()
    assert page.locator("ul.plain li").count() >= 1


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a document whose record gives a script as its url."""
    folder = tmp_path_factory.mktemp("hostile")
    record = {
        "url": "javascript:alert(document.domain)",
        "title": "Kang Do-jin <img src=x onerror=alert(1)> joins Night Ferry",
        "text": "Actor Kang Do-jin will star in the film Night Ferry, his agency said.",
    }
    (folder / "feed.jsonl").write_text(json.dumps(record), encoding="utf-8")
    with open_store(folder / "hostile.db") as store:
        assert ingest(store, [str(folder / "feed.jsonl")]).failed == 0
    yield from serve(create_app(folder / "hostile.db"))


def test_a_script_url_is_no_link_and_a_bad_address_says_not_found(
    browser: object, hostile: str
) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(hostile + "/#/search/Kang")
    page.locator("ul.plain li a").first.click()
    page.locator(".text mark").first.wait_for()
    assert "joins Night Ferry" in page.locator("h1").inner_text()  # the tag shown as text
    assert page.locator("h1 img").count() == 0
    assert page.locator("a", has_text="original").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    page.goto(hostile + "/#/document/%")
    page.locator("h1", has_text="Not found").wait_for()
    assert not [m for m in refused if "Content Security Policy" in m]
