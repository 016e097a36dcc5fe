"""`storyline stories`, `story`, `restory`, `timeline`, `graph`, `report` and `export`:
the stories and what is made of them."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline.cli.base import (
    MODALITY_STYLES,
    cli,
    db_option,
    err,
    json_option,
    json_text,
    open_db,
    out,
    output_option,
    print_json,
    span_text,
)
from storyline.connect.stories import restory
from storyline.errors import StorylineError
from storyline.present.export import entry_record, event_record, export_json, story_record
from storyline.present.graph import FORMATS as GRAPH_FORMATS
from storyline.present.graph import render as render_graph
from storyline.present.graph import story_graph
from storyline.present.pages import story_page
from storyline.present.report import FORMATS as REPORT_FORMATS
from storyline.present.report import build_report, to_html, to_markdown
from storyline.present.timeline import Entry, store_summary_timeline, timeline


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
    with open_db(ctx) as store:
        stories = store.stories()[:limit]
        records = [story_record(store, s) for s in stories]
        outlets = {s.id: store.story_outlets(s.id) for s in stories}
    if as_json:
        print_json(records)
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("story", no_wrap=True)
    table.add_column("docs", justify="right")
    table.add_column("span", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("outlets", overflow="ellipsis", no_wrap=True, max_width=40)
    for story in stories:
        span = span_text(story.first, story.last)
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
    with open_db(ctx) as store:
        page = story_page(store, story_id)
    story, documents, events = page.story, page.documents, page.events
    if as_json:
        record = {
            "id": story.id,
            "title": story.title,
            "documents": list(story.documents),
            "entities": [e for e, _ in page.entities],
            "first": story.first,
            "last": story.last,
            "events": [event_record(e) for e in events],
        }
        print_json(record)
        return
    out.print(
        f"[bold]{escape(story.title)}[/]  [dim]{story.id}, {span_text(story.first, story.last)}[/]"
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
    out.print("\n[bold]About[/]  " + escape(", ".join(name for _, name in page.entities[:10])))
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
    with open_db(ctx) as store:
        done = restory(store)
        count = len(store.stories())
    out.print(f"[green]Assigned {done} documents[/] to {count} stories.")


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
    with open_db(ctx) as store:
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
        labels = store.document_labels(v.document for e in entries for v in e.evidence)
        outlets = {document: label.outlet for document, label in labels.items()}
    if fmt == "json":
        print_json([entry_record(e) for e in entries])
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
        line.append(entry.text, style=MODALITY_STYLES.get(entry.modality, ""))
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
    with open_db(ctx) as store:
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
    with open_db(ctx) as store:
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
    with open_db(ctx) as store:
        data = export_json(store)
    text = json_text(data)
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"Wrote {len(data['documents'])} documents to {escape(str(output))}")
