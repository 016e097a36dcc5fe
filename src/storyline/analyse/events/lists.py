"""Lists of names and of titles, however the parser took them: "A, B and C", "A,
actor B", "“A” (2013) and SBS drama “B”"."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from storyline.analyse.events.context import Context, sentence_mentions, unique
from storyline.models import EntityType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

WORKS: frozenset[EntityType] = frozenset({"work"})


# What may stand between two names of one list: "A and B", "A, actor B", "A & B"; and
# between two titles: "“A (2013)” and SBS drama “B”", "“A,” “B” and “C”".
# The words between are lower-case ("A, actor B", "A and K-pop star B"): a title in
# capitals is an apposition ("Murray, Deputy District Attorney David Walgren").
LISTED = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:(?:[a-z][a-zA-Z-]*|[A-Z]-[a-z]+)\s+){0,3}$"
)
_YEAR = r"(?:\s*\((?:19|20)\d\d\))?"
_LISTED_WORKS = re.compile(
    rf"^\s*{_YEAR}[”\"’']?{_YEAR}\s*(?:,[”\"’']?\s*(?:and\s+)?|and\s+|&\s*)"
    r"(?:[\w-]+\s+){0,4}[“\"‘']?$"
)


def listed(context: Context, found: list[Mention], gap: re.Pattern[str] = LISTED) -> list[Mention]:
    """The first mention and those listed with it ("A, B and C"), in text order; not a
    possessor or another name the phrase holds ("Ryu's ex-lover, Hyeri" is Hyeri)."""
    if not found:
        return []
    text = context.document.text
    ordered = sorted(found, key=lambda m: m.start)
    head = found[0]
    group: list[Mention] = []
    run: list[Mention] = [ordered[0]]
    for before, after in pairwise(ordered):
        if gap.match(text[before.end : after.start]):
            run.append(after)
            continue
        if head in run:
            group = run
        run = [after]
    if head in run:
        group = run
    return unique(group) if len(group) > 1 else [head]


def works_listed_with(context: Context, sentence: Span, work: Mention) -> list[Mention]:
    """The titles listed with `work` ("“A” (2015), “B” and the series “C”"), however the
    parser took the list."""
    works = [m for m in sentence_mentions(context, sentence) if m.type in WORKS]
    return listed(context, [work, *works], _LISTED_WORKS)
