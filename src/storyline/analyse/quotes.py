"""Quotes: where a sentence quotes someone's words, closed or run on from the sentence
before, as characters and as tokens."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

# A quote, closed or running on past the end of its sentence ("She said, “I'll go.
# It was fun.”" is two sentences).
QUOTE = re.compile(r"[“\"]([^”\"]{3,})(?:[”\"]|$)")


def in_quotes(text: str, offset: int) -> bool:
    return any(m.start() < offset < m.end() for m in QUOTE.finditer(text))


def _unopened_closer(text: str) -> int:
    """Where a quote opened in an earlier sentence closes in this one, or -1."""
    curly = text.find("”")
    if curly > 0 and "“" not in text[:curly]:
        return curly
    straight = text.find('"')
    if straight <= 0 or text.count('"') % 2 == 0:
        return -1
    if text[straight - 1] in ",.!?":
        return straight
    # "… the story, \" his lawyer said": quotes spaced on both sides, as some outlets
    # write them, close where a reporting clause follows
    spaced = text[straight - 1] == " " and text[straight - 2 : straight - 1] in {",", ".", "!", "?"}
    return straight if spaced and _REPORTING.match(text, straight + 1) else -1


_REPORTING = re.compile(
    r"\s+(?:[\w.'’-]+\s+){0,6}(?:said|says|told|tells|added|adds|wrote|writes|explained|"
    r"stated|asked|insisted|argued|testified)\b"
)


def quoted_tokens(sentence: Span) -> set[int]:
    """Tokens between quotation marks (of a quote, not a title: three words or more)."""
    inside: set[int] = set()
    text = sentence.text
    closer = _unopened_closer(text)
    if closer > 0:
        # the end of a quote opened in an earlier sentence: "… on the road,” Cha said.
        inside.update(t.i for t in sentence if t.idx < sentence.start_char + closer)
    for match in QUOTE.finditer(text, max(closer + 1, 0)):
        if len(match.group(1).split()) < 3:
            continue
        span = sentence.doc.char_span(
            sentence.start_char + match.start(1),
            sentence.start_char + match.end(1),
            alignment_mode="expand",
        )
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside
