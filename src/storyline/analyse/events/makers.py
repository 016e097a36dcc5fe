"""Makers: who made a work, by the way the text names the work ("Bong Joon-ho's
“Snowpiercer”", "“Dream,” directed by Lee Byeong-heon"), for the events read from a
work alone ("“Dream” hits theaters on …")."""

from __future__ import annotations

import re

from storyline.analyse.events.context import Context
from storyline.analyse.events.participants import referent
from storyline.analyse.eventtypes import PEOPLE
from storyline.models import Mention


def with_maker(
    context: Context, participants: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """A work's event with its maker as the person, when the document names one:
    "director Lee Byeong-heon's film “Dream”", "“Dream,” directed by Lee Byeong-heon"."""
    work = next((m for role, m in participants if m.type == "work"), None)
    if work is None or any(role == "person" for role, _ in participants):
        return participants
    maker = maker_of(context, work)
    return [("person", maker), *participants] if maker is not None else participants


_MADE = frozenset("direct write produce create sing compose helm pen".split())


def maker_of(context: Context, work: Mention) -> Mention | None:
    """Who made a work, by any of its mentions: the person whose it is ("Bong
    Joon-ho's “Snowpiercer”", "director Lee's sports film “Dream”") or who made it
    ("“Dream,” directed by Lee Byeong-heon")."""
    for mention in context.mentions:
        if mention.entity != work.entity:
            continue
        span = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        nouns = [root]
        while nouns[-1].dep_ in {"appos", "compound", "nmod"} and len(nouns) < 3:
            nouns.append(nouns[-1].head)
        for noun in nouns:
            for child in noun.children:
                if child.dep_ == "poss":
                    found = context.mention_of(child) or referent(context, child, PEOPLE)
                elif child.dep_ == "acl" and child.lemma_.lower() in _MADE:
                    agents = [g for c in child.children if c.dep_ == "agent" for g in c.children]
                    found = next(
                        (m for g in agents if (m := context.mention_of(g)) is not None), None
                    )
                else:
                    continue
                if found is not None and found.type == "person":
                    return found
        found = _possessor_before(context, mention)
        if found is not None:
            return found
    return None


# "Kim Ki-duk’s controversial drama “Moebius”", however it is parsed
_POSSESSED_TITLE = re.compile(r"^['’]s\s+(?:[a-z][\w-]*\s+){0,4}[“\"‘']?\s*$")


def _possessor_before(context: Context, work: Mention) -> Mention | None:
    before = context.mentions_starting(work.start - 80, work.start)
    for mention in reversed(before):
        if mention.type == "person" and _POSSESSED_TITLE.match(
            context.document.text[mention.end : work.start]
        ):
            return mention
    return None
