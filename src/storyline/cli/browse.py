"""`storyline documents`, `show`, `search` and `stats`: what the database holds."""

from __future__ import annotations

import re
from dataclasses import asdict

import click
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline.cli.base import cli, db_option, err, json_option, open_db, out, print_json
from storyline.present.export import document_record
from storyline.sizes import format_size


@cli.command("documents")
@db_option
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@json_option
@click.pass_context
def documents_command(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """List stored documents: id, date, language, outlet, title."""
    with open_db(ctx) as store:
        docs = list(store.documents(limit=limit))
    if as_json:
        print_json([{k: v for k, v in document_record(d).items() if k != "text"} for d in docs])
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
    with open_db(ctx) as store:
        document = store.get_document(doc)
    if as_json:
        record = document_record(document)
        if removed:
            record["removed"] = list(document.removed)
        print_json(record)
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
    with open_db(ctx) as store:
        hits = store.search(" ".join(query), limit=limit, raw=raw)
    if as_json:
        print_json(
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
        out.print(Text("    ").append(highlighted(hit.snippet)), soft_wrap=True)


def highlighted(snippet: str) -> Text:
    """The store marks matches with \x02 … \x03; show them bold."""
    text = Text()
    flat = re.sub(r"\s+", " ", snippet)
    for i, part in enumerate(re.split("[\x02\x03]", flat)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


@cli.command("stats")
@db_option
@json_option
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Summarise the database: documents, languages, dates, outlets, sources."""
    with open_db(ctx) as store:
        stats = store.stats()
    if as_json:
        print_json(asdict(stats))
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
    warn_unannotated(stats.unannotated)


def warn_unannotated(count: int) -> None:
    if count:
        err.print(
            f"[yellow]note[/]: {count} document{'s' * (count != 1)} stored by an older "
            "storyline have no entities yet: run [bold]storyline reprocess[/]."
        )
