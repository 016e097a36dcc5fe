"""Shared fixtures: real SQLite files, a real HTTP server, the CLI, the shared corpora."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from storyline.cli import cli
from storyline.store import SQLiteStore, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A private copy of the sample corpus, so tests may add files to it."""
    copy = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, copy)
    return copy


@pytest.fixture
def shared() -> Path:
    """../shared, the third-party corpora and gold files; absent in a user's clone."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared (evaluation corpora) is not available")
    return SHARED


class CLI:
    """Runs storyline commands against one database file."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None) -> Result:
        return self.runner.invoke(cli, ["--db", str(self.db), *args], input=input)


@pytest.fixture
def run(tmp_path: Path) -> CLI:
    return CLI(tmp_path / "cli.db")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A real HTTP server on 127.0.0.1 serving a temporary folder: (folder, base URL)."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
