"""The storyline command line: parses arguments, calls the library, formats results."""

from __future__ import annotations

import json
import re
import socket
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, TypeVar, cast

import click
from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from storyline._version import __version__
from storyline.analyse.annotate import Annotator
from storyline.connect.fusion import fused_events
from storyline.connect.stories import restory
from storyline.errors import StorylineError
from storyline.models import InputKind, Outcome
from storyline.pipeline import IngestResult, IngestSummary, ingest, reannotate
from storyline.present.export import (
    document_record,
    entity_record,
    entry_record,
    event_record,
    export_json,
    story_record,
)
from storyline.present.graph import FORMATS as GRAPH_FORMATS
from storyline.present.graph import render as render_graph
from storyline.present.graph import story_graph
from storyline.present.pages import EntityDetail, entity_detail
from storyline.present.report import FORMATS as REPORT_FORMATS
from storyline.present.report import build_report, to_html, to_markdown
from storyline.present.timeline import Entry, store_summary_timeline, timeline
from storyline.read import FieldNames, ReadOptions, expand_inputs
from storyline.read.clean import strip_controls
from storyline.sizes import format_size, parse_size
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
def _store(ctx: click.Context, *, create: bool = False) -> Iterator[SQLiteStore]:
    store = open_store(ctx.obj, create=create)
    try:
        yield store
    finally:
        store.close()


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        func
    )


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _print_json(data: Any) -> None:
    sys.stdout.write(_json_text(data))


# ingest -----------------------------------------------------------------------


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def _field_help(field: str, what: str) -> str:
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
    callback=_size,
    help="Skip files (and JSONL lines) larger than this, e.g. 500KB, 50MB.",
)
@click.option(
    "--timeout",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds to wait for a URL to answer.",
)
@click.option("--text-field", metavar="NAME", help=_field_help("text", "the article text"))
@click.option("--title-field", metavar="NAME", help=_field_help("title", "the title"))
@click.option("--url-field", metavar="NAME", help=_field_help("url", "the URL"))
@click.option("--date-field", metavar="NAME", help=_field_help("date", "the publication date"))
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
    with _store(ctx, create=True) as store, _progress(show_progress) as progress:
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


# documents, show, search --------------------------------------------------------


@cli.command("documents")
@db_option
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@json_option
@click.pass_context
def documents_command(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """List stored documents: id, date, language, outlet, title."""
    with _store(ctx) as store:
        docs = list(store.documents(limit=limit))
    if as_json:
        _print_json([{k: v for k, v in document_record(d).items() if k != "text"} for d in docs])
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    # rich shrinks every no_wrap column alike; cap the title so the short ones survive.
    title_width = max(20, out.width - 18 - 10 - 4 - 16 - 8)
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("published", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("outlet", overflow="ellipsis", no_wrap=True, max_width=16)
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=title_width)
    for doc in docs:
        table.add_row(
            doc.id,
            doc.published.value or "—",
            doc.language or "?",
            doc.outlet or "",
            escape(doc.title or doc.text[:80]),
        )
    out.print(table)
    if not docs:
        err.print("No documents yet: add some with [bold]storyline ingest PATH[/].")


@cli.command("show")
@db_option
@click.argument("doc", metavar="DOC")
@click.option("--removed", is_flag=True, help="Also list the residue lines cleaning removed.")
@json_option
@click.pass_context
def show_command(ctx: click.Context, doc: str, removed: bool, as_json: bool) -> None:
    """Show one document's metadata and cleaned text.

    DOC is a document id, a unique prefix of one (d_95872c), or the source it was
    ingested from. Offsets in events and evidence index the text printed here.
    """
    with _store(ctx) as store:
        document = store.get_document(doc)
    if as_json:
        record = document_record(document)
        if removed:
            record["removed"] = list(document.removed)
        _print_json(record)
        return
    published = document.published
    date = (
        f"{published.value} ({published.precision}, from {published.basis})"
        if published.value
        else "unknown"
    )
    rows = [
        ("id", document.id),
        ("title", document.title),
        ("source", document.source),
        ("url", document.url),
        ("outlet", document.outlet),
        ("author", document.author),
        ("published", date),
        ("language", document.language),
        ("credited", ", ".join(document.credited_sources) or None),
        ("duplicate of", document.duplicate_of),
    ]
    for label, value in rows:
        if value:
            out.print(f"[bold]{label:>12}[/]  {escape(value)}")
    out.print()
    out.print(escape(document.text), soft_wrap=True)
    if removed and document.removed:
        out.print("\n[bold]Removed while cleaning:[/]")
        for line in document.removed:
            out.print(f"  [dim]- {escape(line)}[/]", soft_wrap=True)


@cli.command("search")
@db_option
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--raw", is_flag=True, help='Use FTS5 query syntax: OR, NOT, "exact phrase", pre*.')
@json_option
@click.pass_context
def search_command(
    ctx: click.Context, query: tuple[str, ...], limit: int, raw: bool, as_json: bool
) -> None:
    """Full-text search over titles and texts; every word must occur.

    \b
    Examples:
      storyline search Han So-hee
      storyline search --raw '"dating rumours" OR affair'
    """
    with _store(ctx) as store:
        hits = store.search(" ".join(query), limit=limit, raw=raw)
    if as_json:
        _print_json(
            [
                {
                    "document": h.document,
                    "title": h.title,
                    "source": h.source,
                    "snippet": h.snippet,
                    "score": round(h.score, 3),
                }
                for h in hits
            ]
        )
        return
    if not hits:
        err.print("No matches.")
        return
    for hit in hits:
        out.print(f"[cyan]{hit.document}[/]  [bold]{escape(hit.title or hit.source)}[/]")
        out.print(Text("    ").append(_highlighted(hit.snippet)), soft_wrap=True)


def _highlighted(snippet: str) -> Text:
    """The store marks matches with \x02 … \x03; show them bold."""
    text = Text()
    flat = re.sub(r"\s+", " ", snippet)
    for i, part in enumerate(re.split("[\x02\x03]", flat)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


# stats, export -------------------------------------------------------------------


@cli.command("stats")
@db_option
@json_option
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Summarise the database: documents, languages, dates, outlets, sources."""
    with _store(ctx) as store:
        stats = store.stats()
    if as_json:
        _print_json(asdict(stats))
        return

    def counts(values: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in values.items()) or "—"

    span = f"{stats.first_published} … {stats.last_published}" if stats.first_published else "—"
    rows = [
        (
            "database",
            f"{stats.path} ({format_size(stats.size_bytes)}, schema v{stats.schema_version})",
        ),
        ("documents", f"{stats.documents} (from {stats.sources} inputs)"),
        ("languages", counts(stats.by_language)),
        ("formats", counts(stats.by_kind)),
        ("dates from", counts(stats.by_date_basis)),
        ("published", span),
        ("outlets", counts(stats.outlets)),
        ("credited", counts(stats.credited_sources)),
        ("entities", f"{sum(stats.entities.values())} ({counts(stats.entities)})"),
        ("events", f"{sum(stats.events.values())} ({counts(stats.events)})"),
        ("stories", f"{stats.stories} ({stats.near_copies} documents are copies of others)"),
    ]
    for label, value in rows:
        out.print(f"[bold]{label:>10}[/]  {escape(value)}", soft_wrap=True)
    _warn_unannotated(stats.unannotated)


def _warn_unannotated(count: int) -> None:
    if count:
        err.print(
            f"[yellow]note[/]: {count} document{'s' * (count != 1)} stored by an older "
            "storyline have no entities yet: run [bold]storyline reprocess[/]."
        )


# entities, entity, reprocess ----------------------------------------------------

ENTITY_TYPES = ("person", "work", "org", "event", "place", "account")


@cli.command("entities")
@db_option
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), help="Only this type.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@json_option
@click.pass_context
def entities_command(
    ctx: click.Context, type_: str | None, limit: int | None, as_json: bool
) -> None:
    """List entities, most mentioned first: name, type, mentions, documents, aliases.

    One entity is one real person, work, organisation, event, place or account,
    whatever the spelling; see how one came together with `storyline entity NAME --why`.
    """
    with _store(ctx) as store:
        entities = store.entities(type_=type_)[:limit]
        unannotated = store.count_unannotated()
    if as_json:
        _print_json([entity_record(e) for e in entities])
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("name", style="bold", no_wrap=True, max_width=30, overflow="ellipsis")
    table.add_column("type", no_wrap=True)
    table.add_column("mentions", justify="right")
    table.add_column("docs", justify="right")
    table.add_column("also written", overflow="ellipsis", no_wrap=True)
    for entity in entities:
        others = [a for a in entity.aliases if a != entity.name]
        table.add_row(
            escape(entity.name),
            entity.type,
            str(entity.mentions),
            str(len(entity.documents)),
            escape(", ".join(others)),
        )
    out.print(table)
    if not entities:
        err.print("No entities yet: add documents with [bold]storyline ingest PATH[/].")
    _warn_unannotated(unannotated)


@cli.command("entity")
@db_option
@click.argument("name", nargs=-1, required=True)
@click.option("--why", is_flag=True, help="Show how every spelling joined, and each merge.")
@click.option(
    "--mentions",
    "show",
    default=5,
    show_default=True,
    type=click.IntRange(min=0),
    help="Show this many mentions with their sentences.",
)
@json_option
@click.pass_context
def entity_command(
    ctx: click.Context, name: tuple[str, ...], why: bool, show: int, as_json: bool
) -> None:
    """Show one entity: its aliases, accounts, documents and the sentences naming it.

    NAME is any spelling of it ("Han So Hee", "Han So-hee", "@xeesoxee") or its id.

    \b
    Examples:
      storyline entity Song Hye Kyo
      storyline entity @kyo1122 --why
    """
    with _store(ctx) as store:
        entity = store.get_entity(store.entity_named(" ".join(name)))
        detail = entity_detail(store, entity, mentions=None if as_json else show)
    if as_json:
        _print_json(detail.as_dict())
        return
    _print_entity(detail, why=why, show=show)


@cli.command("events")
@db_option
@click.option(
    "--entity",
    "entity_name",
    metavar="NAME",
    help="Only events with this entity (any spelling, or its id) among the participants.",
)
@click.option(
    "--type",
    "type_pattern",
    metavar="TYPE",
    help="Only this type; a * matches any part: social.like, social.*, *.denial.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@click.option("--evidence", is_flag=True, help="Also print the sentence each event comes from.")
@json_option
@click.pass_context
def events_command(
    ctx: click.Context,
    entity_name: str | None,
    type_pattern: str | None,
    limit: int | None,
    evidence: bool,
    as_json: bool,
) -> None:
    """List events in time order: when, what, how sure, and who.

    An event is one thing a document reports: a post, a like, a meeting, a casting, a
    statement, a denial. Its date is as precise as the text says ("2023", "2023-05",
    "2024-05-19"; "—" when the text does not say); its modality says how sure the press
    is (asserted, rumoured, denied, planned, hoped).

    \b
    Examples:
      storyline events --entity "Han So-hee"
      storyline events --type 'social.*' --evidence
    """
    with _store(ctx) as store:
        ids = [store.entity_named(entity_name)] if entity_name else []
        events = fused_events(store, entity_ids=ids, type_pattern=type_pattern)[:limit]
        unannotated = store.count_unannotated()
    if as_json:
        _print_json([event_record(e) for e in events])
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("when", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("modality", no_wrap=True)
    table.add_column("what", overflow="fold")
    for event in events:
        what = Text(event.summary)
        if event.quote:
            what.append(f" “{event.quote}”", style="italic")
        if evidence:
            for piece in event.evidence:
                what.append(f"\n  {piece.document}: {piece.text}", style="dim")
        table.add_row(event.time.value or "—", event.type, _styled_modality(event.modality), what)
    out.print(table)
    if not events:
        err.print(
            "No events found."
            + (
                ""
                if entity_name or type_pattern
                else " Add documents with [bold]storyline ingest PATH[/]."
            )
        )
    _warn_unannotated(unannotated)


_MODALITY_STYLES = {"rumoured": "yellow", "denied": "red", "planned": "cyan", "hoped": "magenta"}


def _styled_modality(modality: str) -> Text:
    return Text(modality, style=_MODALITY_STYLES.get(modality, ""))


def _print_entity(detail: EntityDetail, *, why: bool, show: int) -> None:
    entity = detail.entity
    rows = [
        ("name", entity.name),
        ("type", entity.type),
        ("id", entity.id),
        ("aliases", ", ".join(a for a in entity.aliases if a != entity.name) or "—"),
        ("accounts", ", ".join(entity.accounts) or "—"),
        ("mentions", f"{entity.mentions} in {len(entity.documents)} documents"),
    ]
    for label, value in rows:
        out.print(f"[bold]{label:>9}[/]  {escape(value)}", soft_wrap=True)
    out.print("\n[bold]Documents[/]")
    for doc_id, title in detail.documents:
        out.print(f"  [cyan]{doc_id}[/]  {escape(title)}", soft_wrap=True)
    if detail.mentions and show:
        out.print("\n[bold]Mentions[/]")
        for m in detail.mentions:
            out.print(Text("  ").append(_highlighted(m.context)), soft_wrap=True)
            how = f"  {escape(m.how)}" if m.how else ""
            out.print(f"    [dim]{m.document} {m.start}-{m.end}{how}[/]", soft_wrap=True)
    if why:
        out.print("\n[bold]How the spellings came together[/]")
        for alias, first_document, how in detail.spellings:
            out.print(
                f"  “{escape(alias)}”  [dim]first in {first_document}; {escape(how)}[/]",
                soft_wrap=True,
            )
        for link in detail.links:
            label = "merged" if link.merged else "joined"
            out.print(f"  [yellow]{label}[/]: {escape(link.reason)}", soft_wrap=True)
        for handle, document, evidence in detail.credited:
            line = escape(evidence)
            out.print(
                f"  “{escape(handle)}”  [dim]{document}: from the removed line “{line}”[/]",
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
    with _store(ctx) as store:
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


@cli.command("stories")
@db_option
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@json_option
@click.pass_context
def stories_command(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """List stories, largest first: title, documents, outlets, time span.

    A story is the articles that tell one story, whoever wrote them and however they
    worded it; near-copies of one article count once. See one with `storyline story ID`.
    """
    with _store(ctx) as store:
        stories = store.stories()[:limit]
        records = [story_record(store, s) for s in stories]
        outlets = {s.id: store.story_outlets(s.id) for s in stories}
    if as_json:
        _print_json(records)
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("story", no_wrap=True)
    table.add_column("docs", justify="right")
    table.add_column("span", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("outlets", overflow="ellipsis", no_wrap=True, max_width=40)
    for story in stories:
        span = _span(story.first, story.last)
        table.add_row(
            story.id,
            str(len(story.documents)),
            span,
            escape(story.title),
            escape(", ".join(outlets[story.id])),
        )
    out.print(table)
    if not stories:
        err.print("No stories yet: add documents with [bold]storyline ingest PATH[/].")


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "—"
    return first if first == last else f"{first} … {last}"


@cli.command("story")
@db_option
@click.argument("story_id", metavar="ID")
@json_option
@click.pass_context
def story_command(ctx: click.Context, story_id: str, as_json: bool) -> None:
    """Show one story: its documents in time order (near-copies folded under the
    article they copy), the entities it is about, and its events.

    ID is a story id as `storyline stories` prints it; the id of a story since merged
    into another shows that one.
    """
    with _store(ctx) as store:
        resolved = store.story_named(story_id)
        story = store.story(resolved)
        record = story_record(store, story)
        documents = sorted(
            (store.get_document(d) for d in story.documents),
            key=lambda d: (d.published.value or "9999", d.id),
        )
        names = store.entity_names(record["entities"][:10])
        events = fused_events(store, story_id=resolved)
    if as_json:
        record["events"] = [event_record(e) for e in events]
        _print_json(record)
        return
    out.print(
        f"[bold]{escape(story.title)}[/]  [dim]{story.id}, {_span(story.first, story.last)}[/]"
    )
    out.print("\n[bold]Documents[/]")
    originals = [d for d in documents if not d.duplicate_of]
    for document in originals:
        copies = [d for d in documents if d.duplicate_of == document.id]
        when = document.published.value or "—"
        outlet = document.outlet or "—"
        out.print(f"  {when:10}  {escape(outlet):24}  {escape(document.title or document.id)}")
        for copy in copies:
            out.print(f"  {'':10}  [dim]copy: {escape(copy.outlet or copy.id)} {copy.id}[/]")
    out.print(
        "\n[bold]About[/]  "
        + escape(", ".join(names[e] for e in record["entities"][:10] if e in names))
    )
    if events:
        out.print("\n[bold]Events[/]")
        for event in events:
            out.print(f"  {event.time.value or '—':10}  {escape(event.summary)}", soft_wrap=True)


@cli.command("restory")
@db_option
@click.pass_context
def restory_command(ctx: click.Context) -> None:
    """Recompute every story from scratch, in ingest order (after changing parameters).

    Gives the stories that ingesting the same documents in the same order gives.
    """
    with _store(ctx) as store:
        done = restory(store)
        count = len(store.stories())
    out.print(f"[green]Assigned {done} documents[/] to {count} stories.")


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.",
)


@cli.command("timeline")
@db_option
@click.option("--story", "story_id", metavar="ID", help="The timeline of this story.")
@click.option("--entity", "entity_name", metavar="NAME", help="The events of this entity.")
@click.option(
    "--pair", nargs=2, metavar="NAME NAME", help="The events both of these entities take part in."
)
@click.option("--all", "everything", is_flag=True, help="Every event (or date) in the database.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="json is a list of {date, text, ...}: what tls_score.py reads.",
)
@click.option(
    "--dates",
    type=click.IntRange(min=1),
    metavar="K",
    help="Instead of every event: the K most important dates, each summarised by "
    "sentences from the articles.",
)
@click.option(
    "--sentences",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="With --dates: sentences per date.",
)
@click.pass_context
def timeline_command(
    ctx: click.Context,
    story_id: str | None,
    entity_name: str | None,
    pair: tuple[str, str] | None,
    everything: bool,
    fmt: str,
    dates: int | None,
    sentences: int,
) -> None:
    """What happened, in time order: a story's, an entity's or a pair's events.

    Each event appears once, with the number of independent outlets reporting it and
    its modality when it is not simply asserted. Events are ordered by date at their
    precision (a month before the days in it); undated events follow, in the order
    they were reported.

    With --dates K, the timeline is a summary instead: the K dates the articles name
    and publish on most, each told in up to N sentences taken from the articles (the
    Timeline17 setting).

    \b
    Examples:
      storyline timeline --story s_1a2b3c
      storyline timeline --pair "Han So-hee" "Song Hye-kyo" --format markdown
      storyline timeline --all --dates 20 --sentences 2 --format json > tl.json
    """
    chosen = sum(bool(x) for x in (story_id, entity_name, pair, everything))
    if chosen != 1:
        raise click.UsageError("give one of --story ID, --entity NAME, --pair NAME NAME, --all")
    if dates and (entity_name or pair):
        raise click.UsageError("--dates works with --story or --all")
    with _store(ctx) as store:
        resolved = store.story_named(story_id) if story_id else None
        if dates:
            entries = store_summary_timeline(store, dates, sentences, story_id=resolved)
        else:
            entries = timeline(
                store,
                story_id=resolved,
                entity_ids=[store.entity_named(entity_name)] if entity_name else (),
                pair=(store.entity_named(pair[0]), store.entity_named(pair[1])) if pair else None,
            )
        outlets = {d.id: d.outlet or d.id for d in store.documents()}
    if fmt == "json":
        _print_json([entry_record(e) for e in entries])
    elif fmt == "markdown":
        for entry in entries:
            sys.stdout.write(f"- {_entry_text(entry, outlets)}\n")
    else:
        _print_timeline(entries, outlets)
    if not entries:
        err.print("No events found. Add documents with [bold]storyline ingest PATH[/].")


def _entry_text(entry: Entry, outlets: dict[str, str]) -> str:
    when = entry.date or "undated"
    sources = sorted({outlets.get(v.document, v.document) for v in entry.evidence})
    cited = f" ({', '.join(sources)})" if sources else ""
    return f"**{when}** {entry.text}{cited}"


def _print_timeline(entries: list[Entry], outlets: dict[str, str]) -> None:
    undated_started = False
    for entry in entries:
        if entry.undated and not undated_started:
            out.print("\n[bold]Undated[/] [dim](in the order they were reported)[/]")
            undated_started = True
        line = Text(f"{entry.date or '—':10}  ", style="bold")
        line.append(entry.text, style=_MODALITY_STYLES.get(entry.modality, ""))
        sources = sorted({outlets.get(v.document, v.document) for v in entry.evidence})
        if sources:
            line.append(f"  {', '.join(sources)}", style="dim")
        if entry.conflicts:
            line.append("  sources disagree", style="yellow")
        out.print(line, soft_wrap=True)


@cli.command("graph")
@db_option
@click.option("--story", "story_id", metavar="ID", help="The relations of this story.")
@click.option("--entity", "entity_name", metavar="NAME", help="The relations of this entity.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GRAPH_FORMATS),
    default="json",
    show_default=True,
    help="json (node-link), graphml or gexf (Gephi, yEd), mermaid (Markdown diagrams).",
)
@click.pass_context
def graph_command(
    ctx: click.Context, story_id: str | None, entity_name: str | None, fmt: str
) -> None:
    """The relationship graph: entities as nodes, relations as edges.

    Nodes carry the entity's type and mention count; edges the relation type (dating,
    friends, co_stars, cast_in, represents…), its time span, modality and how many
    sentences support it. Without --story or --entity: the whole database.

    \b
    Examples:
      storyline graph --story s_1a2b3c --format mermaid
      storyline graph --entity "Han So-hee" --format graphml > han.graphml
    """
    with _store(ctx) as store:
        graph = story_graph(
            store,
            story_id=store.story_named(story_id) if story_id else None,
            entity_ids=[store.entity_named(entity_name)] if entity_name else (),
        )
    sys.stdout.write(render_graph(graph, fmt))
    if not graph.number_of_edges():
        err.print("No relations found.")


@cli.command("report")
@db_option
@click.argument("story_id", metavar="[STORY]", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default="markdown",
    show_default=True,
    help="markdown (printed nicely in a terminal) or a standalone HTML page.",
)
@output_option
@click.pass_context
def report_command(ctx: click.Context, story_id: str | None, fmt: str, output: Path | None) -> None:
    """A story as a report with citations: who is who, the timeline, relationships,
    rumours and denials, where sources disagree, and what each outlet contributed.
    Every line is footnoted to the document and sentence it comes from. Without
    STORY: the story with the most documents.

    \b
    Examples:
      storyline report
      storyline report s_1a2b3c --format html -o story.html
    """
    with _store(ctx) as store:
        if story_id is None:
            stories = store.stories()
            if not stories:
                raise StorylineError("no stories yet; add documents with `storyline ingest PATH`")
            story_id = stories[0].id
        report = build_report(store, story_id)
    text = to_html(report) if fmt == "html" else to_markdown(report)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        err.print(f"Wrote the report to {escape(str(output))}")
    elif fmt == "markdown" and sys.stdout.isatty():
        out.print(Markdown(text))
    else:
        sys.stdout.write(text)


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="STORYLINE_TOKEN",
    metavar="TOKEN",
    help="Bearer token that POST /api/documents requires (or STORYLINE_TOKEN). "
    "Without one, the server takes no writes.",
)
@click.option("--allow-fetch", is_flag=True, help="Let POST /api/documents name a URL to fetch.")
@click.option(
    "--allow-host",
    "allowed",
    multiple=True,
    metavar="NAME",
    help="A host name the server answers to besides 127.0.0.1, localhost and --host "
    "(repeatable; '*' for any). Other names are refused, against DNS rebinding.",
)
@click.pass_context
def serve_command(
    ctx: click.Context,
    host: str,
    port: int,
    token: str | None,
    allow_fetch: bool,
    allowed: tuple[str, ...],
) -> None:
    """Serve the web page and the REST API over the database.

    Open http://HOST:PORT/ for stories, timelines, graphs and evidence; the API lives
    under /api/ and documents itself at /docs and /openapi.json.

    \b
    Examples:
      storyline --db demo.db serve
      STORYLINE_TOKEN=secret storyline serve --port 8080
      storyline serve --host 0.0.0.0 --allow-host news.example.org
    """
    import uvicorn

    from storyline.serve.api import LOCAL_HOSTS, create_app

    with _store(ctx) as store:  # checks the database exists and migrates it
        path = store.path
    hosts = {*LOCAL_HOSTS, host, *allowed}
    if host in {"0.0.0.0", "::"}:  # every interface: the names this machine goes by
        hosts |= {socket.gethostname(), socket.getfqdn()}
    app = create_app(path, token=token, allow_fetch=allow_fetch, hosts=hosts)
    err.print(f"storyline: serving {escape(str(path))} at [bold]http://{host}:{port}/[/]")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="Output format (schema storyline/v1).",
)
@output_option
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Export everything as one JSON object, schema storyline/v1.

    Documents carry their cleaned text; entities, events, relations and stories are
    filled in by the later pipeline stages. Field names are a stable contract.
    """
    with _store(ctx) as store:
        data = export_json(store)
    text = _json_text(data)
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"Wrote {len(data['documents'])} documents to {escape(str(output))}")


# Exit statuses: 0 all went well, 1 an input failed or a user error, 2 a command line
# click cannot parse, INTERNAL_ERROR a bug (with its traceback, for the report).
INTERNAL_ERROR = 70  # EX_SOFTWARE of sysexits.h


def main() -> None:
    try:
        cli(prog_name="storyline")
    except Exception:
        traceback.print_exc()
        err.print(
            "[red]storyline: internal error[/]: this is a bug in storyline, not a problem "
            "with your input. Please report it with the traceback above."
        )
        sys.exit(INTERNAL_ERROR)
