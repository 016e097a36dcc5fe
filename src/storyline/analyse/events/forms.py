"""Events of special forms no single trigger reads: joint works ("A & B's upcoming
drama"), "“Parasite” star Song Kang-ho", cast lists ("starring A and B"), characters
and who plays them ("Jang Man-wol (IU)"), births."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from storyline.analyse.events.build import make_event
from storyline.analyse.events.context import Context, in_quotes, sentence_mentions, unique
from storyline.analyse.events.participants import AND, head_and_conjuncts, work_in_mind
from storyline.analyse.eventtypes import PEOPLE
from storyline.analyse.summaries import summarise
from storyline.models import Event, Evidence, Mention, Participant, TimeValue, new_id

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_JOINT_WORK = re.compile(
    r"^['’]s?\s+((?:(?:upcoming|new|planned|first|next|joint|collaboration|shelved)\s+)*)"
    r"(?:drama|film|movie|series|project|show)\W{0,4}$",
    re.IGNORECASE,
)
_PLANNED_WORDS = ("upcoming", "planned", "next", "collaboration")


def joint_works(context: Context, index: int, sentence: Span) -> Iterator[Event]:
    """'Han So-hee & Song Hye-kyo's upcoming collaboration drama, “The Price of
    Confession”': both are cast in it (planned, when it is upcoming)."""
    text = context.document.text
    named = sentence_mentions(context, sentence)
    for first, second, work in zip(named, named[1:], named[2:], strict=False):
        if first.type not in PEOPLE or second.type not in PEOPLE or work.type != "work":
            continue
        if not AND.match(text[first.end : second.start]):
            continue
        gap = _JOINT_WORK.match(text[second.end : work.start])
        if gap is None:
            continue
        trigger = sentence.doc.char_span(second.end, work.start, alignment_mode="expand")
        if trigger is None:
            continue
        for person in (first, second):
            event = make_event(
                context,
                index,
                sentence,
                "career.cast",
                trigger[-1],
                [("person", person), ("work", work)],
            )
            if any(w in gap.group(1).lower() for w in _PLANNED_WORDS):
                event.modality = "planned"
                event.summary = summarise(event.type, event.participants, "planned")
            yield event


def star_of(context: Context, index: int, sentence: Span, trigger: Token) -> Iterator[Event]:
    """'“Parasite” star Song Kang-ho', 'Kim, star of “My Love from the Star”': the work
    right before the noun or after its 'of', the person it names or is said of."""
    work = next(
        (
            m
            for m in sentence_mentions(context, sentence)
            if m.type == "work"
            and (0 <= trigger.idx - m.end <= 3 or 0 <= m.start - trigger.idx - len(trigger) <= 6)
        ),
        None,
    )
    if work is None:
        return
    near = [trigger.head, *trigger.children] if trigger.dep_ != "ROOT" else [*trigger.children]
    people = [
        m
        for t in near
        if t.dep_ in {"compound", "appos", "nsubj"} or trigger.dep_ in {"compound", "appos"}
        if (m := context.mention_of(t)) is not None and m.type in PEOPLE
    ]
    if people:
        yield make_event(
            context,
            index,
            sentence,
            "career.cast",
            trigger,
            [("person", people[0]), ("work", work)],
        )


def cast_list(context: Context, index: int, sentence: Span, trigger: Token) -> Iterator[Event]:
    """'“Melo Movie,” starring Choi Woo-sik and Park Bo-young', '“Tangerines,” led by
    IU and Park Bo-gum': every person listed, each in the work the phrase describes."""
    work = context.mention_of(trigger.head)
    if work is None or work.type != "work":
        before = [
            m
            for m in sentence_mentions(context, sentence)
            if m.type == "work" and m.end <= trigger.idx and trigger.idx - m.end <= 6
        ]
        work = before[-1] if before else None
    if work is None:
        return
    listed = [g for c in trigger.children if c.dep_ == "agent" for g in c.children]
    listed += [c for c in trigger.children if c.dep_ in {"dobj", "obj"}]
    people = unique(
        m
        for g in listed
        for t in [*head_and_conjuncts(g), *g.subtree]
        if (m := context.mention_of(t)) is not None and m.type in PEOPLE
    )
    for person in people:
        yield make_event(
            context, index, sentence, "career.cast", trigger, [("person", person), ("work", work)]
        )


_PARENTHESES = re.compile(r"^\s*\(\s*$")


def characters(context: Context) -> dict[str, Mention]:
    """'Jang Man-wol (IU)': a character of the story, named with who plays them."""
    found: dict[str, Mention] = {}
    text = context.document.text
    for name, actor in zip(context.mentions, context.mentions[1:], strict=False):
        if (
            name.type == "person"
            and actor.type == "person"
            and name.entity != actor.entity
            and _PARENTHESES.match(text[name.end : actor.start])
            and text[actor.end : actor.end + 1] == ")"
            and name.entity
        ):
            found.setdefault(name.entity, actor)
    return found


def played_by(context: Context, index: int, sentence: Span) -> Iterator[Event]:
    """Each actor a sentence names beside a character is cast in the work the
    discourse has in mind (the drama the synopsis is of)."""
    named = sentence_mentions(context, sentence)
    for mention in named:
        actor = context.characters.get(mention.entity or "")
        if actor is None or not sentence.start_char <= actor.start < sentence.end_char:
            continue
        trigger = sentence.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if trigger is None:
            continue
        for work in work_in_mind(context, trigger.root):
            participants = [("person", actor), ("work", work)]
            yield make_event(context, index, sentence, "career.cast", trigger.root, participants)


_BORN = re.compile(r"\bborn\b")  # lower case: "Born to be Blue" is a title


def births(context: Context, index: int, sentence: Span) -> Iterator[Event]:
    """'Song born in 1981 and Han in 1994': each person with the year that follows."""
    text = sentence.text
    match = _BORN.search(text)
    if not match or in_quotes(text, match.start()):
        return
    base = sentence.start_char
    years = [
        t
        for t in context.times
        if base <= t.start < sentence.end_char and t.time.precision != "unknown"
    ]
    people = [m for m in sentence_mentions(context, sentence) if m.type == "person"]
    for person in unique(people):
        after = [t for t in years if t.start > person.end and t.start - person.end < 40]
        if not after or after[0].start < base + match.start() - 60:
            continue
        time = after[0].time
        participants = (
            Participant(
                "person", person.entity or "", context.names.get(person.entity or "", person.text)
            ),
        )
        start, end = context.sentences[index]
        seed = f"{context.document.id}\nbio.born\n{start}\n{person.entity}"
        yield Event(
            id=new_id("v", seed),
            type="bio.born",
            participants=participants,
            time=TimeValue(time.value, "year", time.text) if time.value else time,
            modality="asserted",
            summary=summarise("bio.born", participants, "asserted"),
            evidence=(Evidence(context.document.id, start, end, context.document.text[start:end]),),
        )
