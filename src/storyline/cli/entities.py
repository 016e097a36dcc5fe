"""`storyline entities`, `entity` and `events`: who and what the articles talk about,
and what happened."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline.cli.base import (
    cli,
    db_option,
    err,
    json_option,
    open_db,
    out,
    print_json,
    styled_modality,
)
from storyline.cli.browse import highlighted, warn_unannotated
from storyline.connect.fusion import fused_events
from storyline.present.export import entity_record, event_record
from storyline.present.pages import EntityDetail, entity_detail

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
    with open_db(ctx) as store:
        entities = store.entities(type_=type_)[:limit]
        unannotated = store.count_unannotated()
    if as_json:
        print_json([entity_record(e) for e in entities])
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
    warn_unannotated(unannotated)


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
    with open_db(ctx) as store:
        entity = store.get_entity(store.entity_named(" ".join(name)))
        detail = entity_detail(store, entity, mentions=None if as_json else show)
    if as_json:
        print_json(detail.as_dict())
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
    with open_db(ctx) as store:
        ids = [store.entity_named(entity_name)] if entity_name else []
        events = fused_events(store, entity_ids=ids, type_pattern=type_pattern)[:limit]
        unannotated = store.count_unannotated()
    if as_json:
        print_json([event_record(e) for e in events])
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
        table.add_row(event.time.value or "—", event.type, styled_modality(event.modality), what)
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
    warn_unannotated(unannotated)


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
            out.print(Text("  ").append(highlighted(m.context)), soft_wrap=True)
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
