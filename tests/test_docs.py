"""The docs' console transcripts are real: every `$ storyline …` line in README.md and
docs/*.md is run again on the sample corpus, in order, and its output must be the one
written under it. After a change that alters an output, rewrite them all with

    .venv/bin/python -m tests.test_docs --update

and read the diff. A `<!-- setup: NAME -->` line before a block first makes the files
that block's commands read (`SETUPS`).
"""

from __future__ import annotations

import difflib
import gzip
import json
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from tests.conftest import EXAMPLES, ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(
    r"(?:<!-- setup: (?P<setup>[\w-]+) -->\n)?```console\n(?P<body>.*?)```", re.DOTALL
)
# What may differ from one machine or run to the next.
_VOLATILE = [(re.compile(r"\b\d+(?:\.\d+)? (?:bytes|KB|MB|GB)\b"), "<size>")]


@dataclass(slots=True)
class Block:
    page: Path
    start: int  # offset of the body in the page
    end: int
    setup: str | None
    commands: list[tuple[str, str]]  # (command, output as written)


def blocks(page: Path) -> Iterator[Block]:
    text = page.read_text(encoding="utf-8")
    for match in _BLOCK.finditer(text):
        commands: list[tuple[str, list[str]]] = []
        for line in match.group("body").splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
        yield Block(
            page,
            match.start("body"),
            match.end("body"),
            match.group("setup"),
            [(c, "\n".join(lines)) for c, lines in commands],
        )


def _inbox(folder: Path) -> None:
    """Bad inputs beside a good one, for the Bad input transcript."""
    inbox = folder / "inbox"
    inbox.mkdir(exist_ok=True)
    good = {"title": "Kang Do-jin wraps filming", "text": "Actor Kang Do-jin wrapped filming."}
    (inbox / "dump.jsonl").write_text(
        json.dumps(good) + '\n{"text": broken\n' + "[" * 5000 + "\n", encoding="utf-8"
    )
    (inbox / "table.csv").write_text("title,text\n", encoding="utf-8")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.7")
    (inbox / "wire.jsonl.gz").write_bytes(
        gzip.compress(b'{"text": "Min Seo-yeon thanked her fans on Friday.", "title": "Thanks"}\n')
    )


SETUPS: dict[str, Callable[[Path], None]] = {"inbox": _inbox}


def run(command: str, folder: Path) -> str:
    """`command` (a `storyline …` line) run in `folder`; what a terminal would show."""
    args = shlex.split(command)
    assert args[0] == "storyline", f"only storyline commands are checked: {command}"
    with _cwd(folder):
        result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, args[1:], prog_name="storyline")
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), f"{command}: {result.exception!r}"
    return "\n".join(line.rstrip() for line in result.output.rstrip("\n").splitlines())


@contextmanager
def _cwd(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _normal(text: str) -> str:
    for pattern, placeholder in _VOLATILE:
        text = pattern.sub(placeholder, text)
    return text


@contextmanager
def workspace() -> Iterator[Path]:
    """A folder holding a copy of the sample corpus where the docs say it is."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(EXAMPLES, Path(folder) / "examples" / "corpus")
        yield Path(folder)


def transcripts(folder: Path) -> Iterator[tuple[Block, list[str]]]:
    """Every block of every page, with the outputs its commands give now."""
    for page in PAGES:
        for block in blocks(page):
            if block.setup:
                SETUPS[block.setup](folder)
            yield block, [run(command, folder) for command, _ in block.commands]


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no sample corpus")
def test_every_documented_transcript_is_what_the_command_prints() -> None:
    stale = []
    with workspace() as folder:
        for block, outputs in transcripts(folder):
            for (command, written), output in zip(block.commands, outputs, strict=True):
                if _normal(written) != _normal(output):
                    diff = difflib.unified_diff(
                        written.splitlines(), output.splitlines(), "docs", "now", lineterm=""
                    )
                    stale.append(f"{block.page.name}: $ {command}\n" + "\n".join(diff))
    assert not stale, "\n\n".join(stale) + "\n\n(python -m tests.test_docs --update)"


def update() -> None:
    """Rewrite every transcript with what its commands print now."""
    with workspace() as folder:
        found = list(transcripts(folder))
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block, outputs in reversed([(b, o) for b, o in found if b.page == page]):
            body = "".join(
                f"$ {c}\n" + (f"{o}\n" if o else "")
                for (c, _), o in zip(block.commands, outputs, strict=True)
            )
            text = text[: block.start] + body + text[block.end :]
        page.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.test_docs --update")
    update()
