"""What every command shares: the `storyline` group, its consoles (which never print an
escape sequence from the data), the database it opens, and the options many take."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from storyline._version import __version__
from storyline.errors import StorylineError
from storyline.read import FieldNames
from storyline.read.clean import strip_controls
from storyline.sizes import parse_size
from storyline.store import SQLiteStore, open_store

F = TypeVar("F", bound=Callable[..., Any])


class _Console(Console):
    """A console that prints no escape sequence from the data (a title or a file name
    could set the terminal's title or clear its screen)."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(strip_controls(text), **kwargs)


out = _Console(highlight=False, soft_wrap=False)
if not out.is_terminal:  # piped into a file or a pager: do not cut lines at 80 columns
    out = _Console(highlight=False, soft_wrap=False, width=160)
# soft_wrap: a message is one line however long, so it can be grepped.
err = _Console(stderr=True, highlight=False, soft_wrap=True)


class StorylineGroup(click.Group):
    """Turns user errors (StorylineError) into one line and exit status 1, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            raise click.ClickException(strip_controls(str(exc))) from exc


@click.group(cls=StorylineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="STORYLINE_DB",
    default="storyline.db",
    show_default=True,
    metavar="PATH",
    help="SQLite database file (env STORYLINE_DB). Created on first ingest.",
)
@click.version_option(__version__, prog_name="storyline")
@click.pass_context
def cli(ctx: click.Context, db_path: str) -> None:
    """storyline turns overlapping news coverage into one sourced story.

    Ingest articles (text, HTML, JSONL, CSV, URLs), then list, search, inspect and
    export what storyline found. Everything lives in one SQLite file.

    \b
    Quick start:
      storyline --db news.db ingest articles/ feed.jsonl https://example.com/story
      storyline --db news.db documents
      storyline --db news.db search "Han So-hee"
      storyline --db news.db export --format json -o story.json
    """
    ctx.obj = db_path


@contextmanager
def open_db(ctx: click.Context, *, create: bool = False) -> Iterator[SQLiteStore]:
    store = open_store(ctx.obj, create=create)
    try:
        yield store
    finally:
        store.close()


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        func
    )


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(data))


def size_value(ctx: click.Context, param: click.Parameter, value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def field_help(field: str, what: str) -> str:
    names = ", ".join(getattr(FieldNames(), field))
    return f"Record field holding {what} [default: first of {names}]."


def db_option(func: F) -> F:
    """--db after the command too: `storyline search --db news.db Kim` works."""

    def remember(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        if value is not None:
            ctx.obj = value

    return click.option(
        "--db",
        metavar="PATH",
        expose_value=False,
        callback=remember,
        help="Database file; same as --db before the command.",
    )(func)


def workers_option(func: F) -> F:
    return click.option(
        "--workers",
        default=1,
        show_default=True,
        type=click.IntRange(min=1),
        help="Parse in this many processes (one per spare core; each loads spaCy once).",
    )(func)


MODALITY_STYLES = {"rumoured": "yellow", "denied": "red", "planned": "cyan", "hoped": "magenta"}


def styled_modality(modality: str) -> Text:
    return Text(modality, style=MODALITY_STYLES.get(modality, ""))


def span_text(first: str | None, last: str | None) -> str:
    if not first:
        return "—"
    return first if first == last else f"{first} … {last}"


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.",
)
