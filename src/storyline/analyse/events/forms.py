"""Events of special forms no single trigger reads: joint works ("A & B's upcoming
drama"), "“Parasite” star Song Kang-ho", "his role in “Big Mouth”", cast lists
("starring A and B"), characters and who plays them ("Jang Man-wol (IU)"), births."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.analyse.events.build import make_event
from storyline.analyse.events.context import Context, sentence_mentions, unique
from storyline.analyse.events.lists import works_listed_with
from storyline.analyse.events.participants import (
    AND,
    head_and_conjuncts,
    referent,
    work_in_mind,
)
from storyline.analyse.events.timing import work_year
from storyline.analyse.eventtypes import PEOPLE
from storyline.analyse.quotes import in_quotes
from storyline.analyse.resolve.discourse import PRONOUN_GENDER
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


def listing_releases(context: Context, index: int, sentence: Span) -> Iterator[Event]:
    """'The Grand Heist (Korea) / Opened Aug. 8 / Action. Comedy. Directed by Kim
    Joo-ho.': a listing's entry is its title's release on that day, by its director."""
    text = context.document.text
    for match in context.entries:
        opened = _OPENED_WORD.search(text, match.start(), match.end())
        if opened is None or not sentence.start_char <= opened.start() < sentence.end_char:
            continue
        group = "title" if match.group("title") else "runon"
        work = next(
            (m for m in context.mentions_starting(match.start(group), match.end(group))
             if m.type == "work"),
            None,
        )  # fmt: skip
        trigger = sentence.doc.char_span(opened.start(), opened.end(), alignment_mode="expand")
        if work is None or trigger is None:
            continue
        participants: list[tuple[str, Mention]] = [("work", work)]
        directed = _DIRECTED.search(text, match.end(), match.end() + 160)
        director = next(
            (m for m in context.mentions_starting(directed.end(), directed.end() + 40)
             if m.type == "person"),
            None,
        ) if directed else None  # fmt: skip
        if director is not None:
            participants.insert(0, ("person", director))
        yield make_event(context, index, sentence, "career.release", trigger.root, participants)


_OPENED_WORD = re.compile(r"\bOpen(?:ed|ing|s)\b")
_DIRECTED = re.compile(r"\bDirected by\s+")


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
        event = make_event(
            context,
            index,
            sentence,
            "career.cast",
            trigger,
            [("person", people[0]), ("work", work)],
        )
        yield as_described(context, event, trigger, work)


# "her upcoming role in …": a part not yet played, which the noun alone cannot date
_UNPLAYED = frozenset({"upcoming", "next", "new", "planned", "future"})


# "his role in …", "her role as Chae-ok in …", "his roles in series including …"
_ROLE_IN = frozenset({"in", "as", "including"})


def role_in(context: Context, index: int, sentence: Span, trigger: Token) -> Iterator[Event]:
    """'his role in “Big Mouth”', 'her roles in series including “A” and “B”': whose
    the role is, cast in each work named after its 'in'."""
    owners = [c for c in trigger.children if c.dep_ == "poss"]
    if not owners or any(c.lower_ in _UNPLAYED for c in trigger.children):
        return
    owner = owners[0]
    person = context.mention_of(owner) or _clause_subject(context, trigger, owner)
    person = person or referent(context, owner, PEOPLE)
    named = (
        context.mention_of(t)
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in _ROLE_IN
        for t in c.subtree
    )
    work = next((m for m in named if m is not None and m.type == "work"), None)
    if person is None or person.type not in PEOPLE or work is None:
        return
    for each in works_listed_with(context, sentence, work):
        participants = [("person", person), ("work", each)]
        event = make_event(context, index, sentence, "career.cast", trigger, participants)
        yield as_described(context, event, trigger, each)


def _clause_subject(context: Context, trigger: Token, pronoun: Token) -> Mention | None:
    """'Song won the award for his role': whose the role is, the person the clause's
    subject names, unless the text said that person is not of the pronoun's gender."""
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subjects = (context.mention_of(c) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
    subject = next((m for m in subjects if m is not None and m.type in PEOPLE), None)
    said = PRONOUN_GENDER.get(pronoun.lower_)
    known = (
        context.discourse.gender.get(str(subject.entity)) if subject and context.discourse else None
    )
    return None if said and known and said != known else subject


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
        event = make_event(
            context, index, sentence, "career.cast", trigger, [("person", person), ("work", work)]
        )
        yield as_described(context, event, trigger, work)


def as_described(context: Context, event: Event, phrase: Token, work: Mention) -> Event:
    """A cast the text gives as what a work is ("“Y,” starring X, premieres March 7",
    "“Parasite” star Song won …"): done, and dated only by its own phrase or the work's
    year, not by the clause around it."""
    start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
    own = any(start <= t.start and t.end <= end for t in context.times)
    time = event.time if own else work_year(context, work)
    summary = summarise(event.type, event.participants, "asserted")
    return replace(event, time=time, modality="asserted", summary=summary)


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
    """'Song (born 1981)', 'Elizabeth Pryce born 1798 in Trefeglwys', 'Moon born in 1981
    and Baek in 1994': who was born is the name just before 'born' ('Robert Pryce's
    mother was Elizabeth Pryce born 1798' is Elizabeth), when is the year just after;
    nothing when the text is unsure ('born in 1840 or 1841', 'might have been born')."""
    text = sentence.text
    base = sentence.start_char
    people = [m for m in sentence_mentions(context, sentence) if m.type == "person"]
    years = [
        t
        for t in context.times
        if base <= t.start < sentence.end_char and t.time.precision != "unknown"
    ]
    for match in _BORN.finditer(text):
        at = base + match.start()
        if in_quotes(text, match.start()) or _HEDGED.search(text[: match.start()]):
            continue
        before = [
            m for m in people if m.end <= at and _BORN_GAP.match(text[m.end - base : match.start()])
        ]
        year = next((t for t in years if t.start >= base + match.end()), None)
        if not before or year is None or not _YEAR_GAP.match(text[match.end() : year.start - base]):
            continue
        if _UNSURE.match(text[year.end - base :]):
            continue
        yield _birth(context, index, before[-1], year.time)
        # "… and Baek Ji-hoon in 1994": the next name and year of the same list
        rest = [m for m in people if m.start >= year.end]
        later = [t for t in years if t.start > year.end]
        if (
            rest
            and later
            and _AND_NEXT.match(text[year.end - base : rest[0].start - base])
            and _YEAR_GAP.match(text[rest[0].end - base : later[0].start - base])
        ):
            yield _birth(context, index, rest[0], later[0].time)


# What may stand between a name and its 'born': "Mary Anne Pryce (nee Jones) born",
# "Song Hye-kyo (born", "Kim, who was born"; and between 'born' and its year.
_BORN_GAP = re.compile(
    r"^[\s,]*(?:\((?:n[ée]e )?[^()]{0,30}\)[\s,]*)?(?:\(\s*)?(?:(?:who |and )?(?:was|is) )?$"
)
_YEAR_GAP = re.compile(  # "born 1981", "born in 1981", "born Rhayader 1819", "born about 1846"
    r"^[\s,:]*(?:(?:in|at)\s+)?(?:[A-Z][\w'’.-]*[\s,]+){0,3}"
    r"(?:(?:in|on|about|around|circa|c\.?|ca\.?)\s*)?$"
)
_UNSURE = re.compile(r"^\s*(?:or\b|/|\?|-\s*\d)")
_HEDGED = re.compile(r"\b(?:might|may|could) have been\s*$|\b(?:possibly|probably)\s*$")
_AND_NEXT = re.compile(r"^\)?\s*,?\s*and\s+$")


def _birth(context: Context, index: int, person: Mention, time: TimeValue) -> Event:
    participants = (
        Participant(
            "person", person.entity or "", context.names.get(person.entity or "", person.text)
        ),
    )
    start, end = context.sentences[index]
    seed = f"{context.document.id}\nbio.born\n{start}\n{person.entity}"
    return Event(
        id=new_id("v", seed),
        type="bio.born",
        participants=participants,
        time=TimeValue(time.value, "year", time.text) if time.value else time,
        modality="asserted",
        summary=summarise("bio.born", participants, "asserted"),
        evidence=(Evidence(context.document.id, start, end, context.document.text[start:end]),),
    )
