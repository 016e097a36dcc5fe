"""`storyline ingest` and `storyline reprocess`: documents in, with a progress bar and
one line per input that failed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import cast

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storyline.analyse.annotate import Annotator
from storyline.cli.base import (
    cli,
    db_option,
    err,
    field_help,
    open_db,
    out,
    size_value,
    workers_option,
)
from storyline.models import InputKind, Outcome
from storyline.pipeline import IngestResult, IngestSummary, ingest, reannotate
from storyline.read import FieldNames, ReadOptions, expand_inputs


@cli.command("ingest")
@db_option
@click.argument("inputs", nargs=-1, required=True, metavar="PATH... [-]")
@click.option(
    "--format",
    "kind",
    type=click.Choice(["auto", "txt", "html", "jsonl", "json", "csv"]),
    default="auto",
    show_default=True,
    help="Read every input as this format instead of guessing from its name.",
)
@click.option(
    "--max-size",
    metavar="SIZE",
    default="20MB",
    show_default=True,
    callback=size_value,
    help="Skip files (and JSONL lines) larger than this, e.g. 500KB, 50MB.",
)
@click.option(
    "--timeout",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds to wait for a URL to answer.",
)
@click.option("--text-field", metavar="NAME", help=field_help("text", "the article text"))
@click.option("--title-field", metavar="NAME", help=field_help("title", "the title"))
@click.option("--url-field", metavar="NAME", help=field_help("url", "the URL"))
@click.option("--date-field", metavar="NAME", help=field_help("date", "the publication date"))
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors only.")
@workers_option
@click.pass_context
def ingest_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    kind: str,
    max_size: int,
    timeout: float,
    text_field: str | None,
    title_field: str | None,
    url_field: str | None,
    date_field: str | None,
    quiet: bool,
    workers: int,
) -> None:
    """Add articles to the database: files, folders, globs, URLs, or - for stdin.

    \b
    Formats, by file name (also gzip-compressed, e.g. page.html.gz):
      .txt .md          first line is the title when it looks like one
      .html .htm        main text and metadata extracted from the page
      .jsonl .json      one article per record (fields: text, title, url, published)
      .csv              one article per row, with a header row
      http(s)://...     fetched, then read as HTML or text

    Ingesting the same input again adds nothing. A bad input is reported on one line
    and skipped; the exit status is 1 when any input failed.

    \b
    Examples:
      storyline ingest articles/
      storyline ingest 'dumps/**/*.jsonl' --text-field maintext
      curl -s https://example.com/a | storyline ingest - --format html
    """
    given = {"text": text_field, "title": title_field, "url": url_field, "date": date_field}
    options = ReadOptions(
        max_bytes=max_size,
        timeout=timeout,
        kind=None if kind == "auto" else cast(InputKind, kind),
        fields=replace(FieldNames(), **{k: (v,) for k, v in given.items() if v}),
    )
    database = Path(ctx.obj).resolve()
    own_files = {database.with_name(database.name + s) for s in ("", "-wal", "-shm", "-journal")}
    refs = list(expand_inputs(inputs, skip=own_files))
    show_progress = not quiet and err.is_terminal
    with open_db(ctx, create=True) as store, _progress(show_progress) as progress:
        task = progress.add_task("Ingesting", total=sum(r.estimated_documents() for r in refs))

        def report(result: IngestResult) -> None:
            progress.advance(task)
            _report_result(progress.console if show_progress else err, result)

        with Annotator(batch_size=32 * workers, workers=workers) as annotator:
            summary = ingest(store, refs, options, annotator=annotator, on_result=report)
        progress.update(task, total=progress.tasks[0].completed)
        total = store.count_documents()
    if not quiet:
        _print_summary(summary, ctx.obj, total)
    if summary.failed:
        ctx.exit(1)


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress]:
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not enabled,
    )
    with progress:
        yield progress


def _report_result(console: Console, result: IngestResult) -> None:
    for note in result.notes:
        console.print(f"[yellow]note[/]: {escape(result.source)}: {escape(note)}")
    if result.outcome is Outcome.FAILED:
        console.print(f"[red]failed[/]: {escape(result.source)}: {escape(result.message or '')}")


def _print_summary(summary: IngestSummary, db_path: str, total: int) -> None:
    counts = summary.counts
    added = counts[Outcome.INGESTED] + counts[Outcome.UPDATED]
    parts = [f"{counts[o]} {o.value}" for o in Outcome if counts[o] or o is Outcome.FAILED]
    headline = f"Ingested {added} document{'s' * (added != 1)}" if added else "Nothing new"
    colour = "red" if summary.failed else "green"
    out.print(
        f"[{colour}]{headline}[/] ({', '.join(parts)}). "
        f"{escape(db_path)} now holds {total} document{'s' * (total != 1)}.",
        soft_wrap=True,
    )


@cli.command("reprocess")
@db_option
@click.option("--all", "everything", is_flag=True, help="Forget all entities and start afresh.")
@workers_option
@click.pass_context
def reprocess_command(ctx: click.Context, everything: bool, workers: int) -> None:
    """Find entities and events in stored documents again.

    Without --all, only documents that have none yet (stored by an older storyline).
    With --all, every mention, entity and event is recomputed from the stored texts, in
    the order the documents were ingested: use it after upgrading storyline.
    """
    with open_db(ctx) as store:
        total = store.count_documents() if everything else store.count_unannotated()
        with _progress(err.is_terminal) as progress:
            task = progress.add_task("Annotating", total=total)
            with Annotator(batch_size=32 * workers, workers=workers) as annotator:
                done = reannotate(
                    store,
                    everything=everything,
                    annotator=annotator,
                    on_document=lambda _: progress.advance(task),
                )
        entities, events = store.count_entities(), store.count_events()
    out.print(
        f"[green]Annotated {done} document{'s' * (done != 1)}[/]; "
        f"{escape(ctx.obj)} now holds {entities} entities and {events} events."
    )
