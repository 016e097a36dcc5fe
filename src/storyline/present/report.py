"""A story's report: title and span, who is who, the timeline, relationships, rumours
and denials, where sources disagree, and what each outlet contributed, every claim
footnoted to the document and sentence it comes from. Markdown or standalone HTML."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.connect.relations import SYMMETRIC, relations
from storyline.connect.stories import story_entities
from storyline.models import UNKNOWN_OUTLET, Document, Evidence, Relation, outlet_label
from storyline.present.timeline import Entry, timeline

if TYPE_CHECKING:
    from storyline.store import SQLiteStore

FORMATS = ("markdown", "html")
# Entities listed in "who is who": the story's most named.
PEOPLE_LISTED = 12


@dataclass(slots=True)
class Line:
    """One line of a section: `lead` in bold, then `text`, then its footnotes. Both
    are plain text (names, quotes and titles as the articles give them); rendering
    escapes them."""

    text: str
    notes: list[int] = field(default_factory=list)
    lead: str = ""


@dataclass(slots=True)
class Section:
    title: str
    lines: list[Line]
    empty: str = "Nothing reported."


@dataclass(slots=True)
class Report:
    title: str
    subtitle: str
    sections: list[Section]
    notes: list[str]  # footnote texts, numbered from 1


class _Notes:
    """Footnotes numbered in the order they are first cited; one per sentence."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self.numbers: dict[tuple[str, int], int] = {}
        self.texts: list[str] = []

    def cite(self, evidence: list[Evidence]) -> list[int]:
        out = []
        for piece in evidence:
            key = (piece.document, piece.start)
            if key not in self.numbers:
                self.numbers[key] = len(self.texts) + 1
                self.texts.append(self._describe(piece))
            out.append(self.numbers[key])
        return sorted(set(out))

    def _describe(self, piece: Evidence) -> str:
        document = self.documents.get(piece.document)
        where = _outlet(document) if document else "unknown source"
        title = f"“{document.title}”, " if document and document.title else ""
        published = f"{document.published.value}, " if document and document.published.value else ""
        return (
            f"{where}, {title}{published}{piece.document} "
            f"(characters {piece.start}–{piece.end}): “{' '.join(piece.text.split())}”"
        )


def _outlet(document: Document) -> str:
    return outlet_label(document.outlet, document.credited_sources)


def build_report(store: SQLiteStore, story_id: str) -> Report:
    resolved = store.story_named(story_id)
    story = store.story(resolved)
    documents = {d: store.get_document(d) for d in story.documents}
    notes = _Notes(documents)
    entries = timeline(store, story_id=resolved)
    found = relations(store, story_id=resolved)
    names = store.entity_names(
        [*story_entities(store, resolved)[:PEOPLE_LISTED]]
        + [r.subject for r in found]
        + [r.object for r in found]
    )
    span = " – ".join(dict.fromkeys(v for v in (story.first, story.last) if v)) or "undated"
    outlets = {_outlet(d) for d in documents.values()} - {UNKNOWN_OUTLET}
    unknown = sum(_outlet(d) == UNKNOWN_OUTLET for d in documents.values())
    subtitle = (
        f"{span} · {_count(len(documents), 'document')} from {_count(len(outlets), 'outlet')}"
    )
    if unknown:
        subtitle += f" ({unknown} of an unknown outlet)"
    sections = [
        Section("Who is who", _who(store, resolved, found, names)),
        Section("Timeline", [_entry_line(e, notes) for e in entries]),
        Section("Relationships", [_relation_line(r, names, notes) for r in found]),
        Section(
            "Rumours and denials",
            [_entry_line(e, notes) for e in entries if e.modality in {"rumoured", "denied"}],
        ),
        Section(
            "Where sources disagree",
            [
                line
                for e in entries
                if e.conflicts
                for line in [_conflict_line(e, documents, notes)]
            ],
            "The sources agree on everything reported.",
        ),
        Section("Outlets", _outlet_lines(documents, entries)),
    ]
    return Report(story.title, subtitle, sections, notes.texts)


def _who(
    store: SQLiteStore, story_id: str, found: list[Relation], names: dict[str, str]
) -> list[Line]:
    lines = []
    for entity_id in story_entities(store, story_id)[:PEOPLE_LISTED]:
        entity = store.get_entity(entity_id)
        aliases = [a for a in entity.aliases if a != entity.name][:4]
        roles = [
            f"{r.type.replace('_', ' ')} {names.get(other, other)}"
            for r in found
            for other in [r.object if r.subject == entity_id else r.subject]
            if r.subject == entity_id or (r.type in SYMMETRIC and r.object == entity_id)
        ][:5]
        text = f" ({entity.type})"
        if aliases:
            text += ", also written " + ", ".join(aliases)
        if roles:
            text += "; " + "; ".join(roles)
        lines.append(Line(text, lead=entity.name))
    return lines


def _when(entry: Entry) -> str:
    return entry.date or "undated"


def _entry_line(entry: Entry, notes: _Notes) -> Line:
    text = f" — {entry.text}"
    if entry.outlets > 1:
        text += f" ({entry.outlets} outlets)"
    return Line(text, notes.cite(entry.evidence), lead=_when(entry))


def _relation_line(relation: Relation, names: dict[str, str], notes: _Notes) -> Line:
    subject, object_ = (
        names.get(relation.subject, relation.subject),
        names.get(relation.object, relation.object),
    )
    text = f"{subject} — {relation.type.replace('_', ' ')} — {object_}"
    span = " to ".join(v.value or "" for v in (relation.since, relation.until) if v and v.value)
    if span:
        text += f" (since {span})" if relation.until is None else f" ({span})"
    if relation.modality != "asserted":
        text += f" [{relation.modality}]"
    return Line(text, notes.cite(relation.evidence))


def _conflict_line(entry: Entry, documents: dict[str, Document], notes: _Notes) -> Line:
    variants = []
    for conflict in entry.conflicts:
        who = ", ".join(
            sorted({_outlet(documents[d]) for d in conflict.documents if d in documents})
        )
        # a fused event's other readings may come from documents of other stories
        who = who or "documents outside this story"
        variants.append(f"{conflict.field} “{conflict.value}” according to {who}")
    return Line(f"{entry.text.rstrip('.')}: " + "; ".join(variants), notes.cite(entry.evidence))


def _outlet_lines(documents: dict[str, Document], entries: list[Entry]) -> list[Line]:
    contributed: Counter[str] = Counter()
    for entry in entries:
        for outlet in {
            _outlet(documents[v.document]) for v in entry.evidence if v.document in documents
        }:
            contributed[outlet] += 1
    count = Counter(_outlet(d) for d in documents.values())
    return [
        Line(
            f": {_count(count[outlet], 'document')}, "
            f"{_count(contributed[outlet], 'timeline entry', 'timeline entries')}",
            lead=outlet,
        )
        for outlet in sorted(count, key=lambda o: (-count[o], o))
    ]


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


# --- rendering ------------------------------------------------------------------------


def to_markdown(report: Report) -> str:
    out = [f"# {md(report.title)}", "", f"*{md(report.subtitle)}*", ""]
    for section in report.sections:
        out += [f"## {section.title}", ""]
        out += [_line_md(line) for line in section.lines] or [section.empty]
        out.append("")
    out += ["## Sources", ""]
    out += [f"[^{n}]: {md(text)}" for n, text in enumerate(report.notes, 1)]
    return "\n".join(out) + "\n"


# What Markdown would read as markup, HTML or a link: a name or quote from an article
# must stay text ("<img onerror=…>", "[click](javascript:…)", "*"). An underscore
# inside a word ("d_c34a", "file_name.txt") is no emphasis and needs no escape.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*\[\]<>&|~]|(?<!\w)_|_(?!\w)")


def md(text: str) -> str:
    """Text as Markdown that renders as exactly that text."""
    return _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), re.sub(r"\s*\n\s*", " ", text))


def _line_md(line: Line) -> str:
    lead = f"**{md(line.lead)}**" if line.lead else ""
    return f"- {lead}{md(line.text)}" + "".join(f"[^{n}]" for n in line.notes)


def to_html(report: Report) -> str:
    def inline(line: Line) -> str:
        lead = f"<strong>{html.escape(line.lead)}</strong>" if line.lead else ""
        return lead + html.escape(line.text)

    body = [
        f"<h1>{html.escape(report.title)}</h1>",
        f"<p class=sub>{html.escape(report.subtitle)}</p>",
    ]
    for section in report.sections:
        body.append(f"<h2>{html.escape(section.title)}</h2>")
        if not section.lines:
            body.append(f"<p class=empty>{html.escape(section.empty)}</p>")
            continue
        body.append("<ul>")
        for line in section.lines:
            refs = "".join(f'<sup><a href="#note-{n}">{n}</a></sup>' for n in line.notes)
            body.append(f"<li>{inline(line)}{refs}</li>")
        body.append("</ul>")
    body.append("<h2>Sources</h2><ol class=notes>")
    body += [f'<li id="note-{n}">{html.escape(t)}</li>' for n, t in enumerate(report.notes, 1)]
    body.append("</ol>")
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(report.title)}</title><style>{_CSS}</style></head>"
        "<body><main>" + "\n".join(body) + "</main></body></html>\n"
    )


_CSS = (
    "body{font:16px/1.5 system-ui,sans-serif;color:#222;background:#fafafa}"
    "main{max-width:48rem;margin:2rem auto;padding:0 1rem}"
    ".sub{color:#666}.empty{color:#888;font-style:italic}"
    "sup a{text-decoration:none;margin-left:.1em}ol.notes{font-size:.85em;color:#444}"
)
