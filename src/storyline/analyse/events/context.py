"""What extraction knows of one document while it reads it, and small helpers over
its mentions."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.analyse.resolve.discourse import Discourse
from storyline.analyse.times import TimeMention
from storyline.models import Document, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(slots=True)
class Context:
    """What extraction knows of one document."""

    document: Document
    doc: Doc
    sentences: Sequence[tuple[int, int]]
    mentions: Sequence[Mention]
    names: Mapping[str, str]
    times: list[TimeMention]
    by_token: dict[int, Mention] = field(default_factory=dict)
    # who is who, and what each word that points back means
    discourse: Discourse | None = None
    # where each mention starts, and the longest, to find mentions near a place quickly
    starts: list[int] = field(default_factory=list)
    longest: int = 0
    main_person: list[Mention | None] = field(default_factory=list)  # once known
    artists: dict[str, Mention | None] = field(default_factory=dict)  # of agencies
    characters: dict[str, Mention] = field(default_factory=dict)  # their actors
    # a listing's entries (`annotate.cues.LISTING_ENTRY` matches), found once
    entries: list[re.Match[str]] = field(default_factory=list)
    # the sentences that date a gathering, with their days, found when first needed
    gatherings: list[tuple[int, int, list[TimeMention]]] | None = None

    def mention_of(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def mentions_starting(self, start: int, end: int) -> Sequence[Mention]:
        """The mentions that start in [start, end), in text order."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def sentence_mentions(context: Context, sentence: Span) -> list[Mention]:
    return list(context.mentions_starting(sentence.start_char, sentence.end_char))


def unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: dict[str | None, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.entity, mention)
    return list(seen.values())


def distance(mention: Mention, token: Token) -> int:
    end = token.idx + len(token)
    return max(mention.start - end, token.idx - mention.end, 0)
