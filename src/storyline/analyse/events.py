"""Events: who did what to whom, when, how sure the press is, and where it is written.

Each sentence is read for triggers (lexicons of words and phrases per event type, see
`RULES`); the participants come from the dependency parse around the trigger (its
subject, objects, the possessor of its object: "liked Han So-hee's post"), with the
nearest fitting entity of the sentence as a fallback and a pronoun resolved to the
person the text was last about. A negated like or comment is a silence; other negated
triggers are no event. The time is the time expression of the sentence nearest the
trigger, the modality comes from cue words of the sentence and its neighbours ("has
since refuted such rumors" makes an earlier rumoured affair denied), and the evidence
is the sentence.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.analyse.annotate import PLATFORMS
from storyline.analyse.eventtypes import EVENT_TYPES, PEOPLE, EventType
from storyline.analyse.modality import DENIED, HOPED, RUMOURED
from storyline.analyse.summaries import summarise
from storyline.analyse.times import RANK as _RANK
from storyline.analyse.times import TimeMention, find_times
from storyline.models import (
    Document,
    EntityType,
    Event,
    EventTypeName,
    Evidence,
    Mention,
    Modality,
    Participant,
    TimeValue,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.analyse.annotate import Annotation

ANY: frozenset[EntityType] = frozenset({"person", "org", "account", "work", "event", "place"})
# Every type a trigger reads, in the registry's order; reported speech is the last.
RULES: tuple[EventType, ...] = tuple(t for t in EVENT_TYPES.values() if t.triggered)
SPEECH = EVENT_TYPES["speech.statement"]
_BORN = re.compile(r"\bborn\b")  # lower case: "Born to be Blue" is a title
# A quote, closed or running on past the end of its sentence ("She said, “I'll go.
# It was fun.”" is two sentences).
_QUOTE = re.compile(r"[“\"]([^”\"]{3,})(?:[”\"]|$)")

# Verbs that put what they govern in the future: "slated to share", "plans to sue".
_PLAN_VERBS = frozenset(
    "slate plan schedule set expect review consider prepare aim intend decide agree "
    "negotiate offer".split()
)
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "wo", "shall", "would"})
# Events planned when the work they are about is upcoming: an upcoming drama's cast.
_PLANNED_WITH_WORK = re.compile(r"\b(?:upcoming|in talks|to star)\b", re.I)
_SILENCE_WORDS = re.compile(r"\b(?:interact\w*|lik\w+|comment\w*)\b", re.I)


@dataclass(slots=True)
class _Context:
    """What extraction knows of one document."""

    document: Document
    doc: Doc
    sentences: Sequence[tuple[int, int]]
    mentions: Sequence[Mention]
    names: Mapping[str, str]
    times: list[TimeMention]
    by_token: dict[int, Mention] = field(default_factory=dict)
    # what the text says of people and organisations, for pronouns and "the agency"
    gender: dict[str, str] = field(default_factory=dict)
    agencies: set[str] = field(default_factory=set)
    # where each mention starts, and the longest, to find mentions near a place quickly
    starts: list[int] = field(default_factory=list)
    longest: int = 0
    main_person: list[Mention | None] = field(default_factory=list)  # once known

    def mention_of(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def mentions_starting(self, start: int, end: int) -> Sequence[Mention]:
        """The mentions that start in [start, end), in text order."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def extract_events(
    document: Document,
    annotation: Annotation,
    mentions: Sequence[Mention],
    names: Mapping[str, str],
) -> list[Event]:
    """The events of one document. `mentions` carry their resolved entity ids, `names`
    each entity's name (for summaries)."""
    doc = annotation.doc
    if doc is None:
        return []
    context = _Context(
        document,
        doc,
        [(s.start, s.end) for s in annotation.sentences],
        sorted(
            (m for m in mentions if m.entity and m.text not in PLATFORMS),
            key=lambda m: m.start,
        ),
        names,
        find_times(document.text, document.published),
    )
    context.starts = [m.start for m in context.mentions]
    context.longest = max((m.end - m.start for m in context.mentions), default=0)
    for mention in context.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            context.by_token[token.i] = mention
        if span is not None and mention.entity:
            _note_description(context, mention, span)
    found: list[Event] = []
    for index, (start, end) in enumerate(context.sentences):
        sentence = doc.char_span(start, end, alignment_mode="expand")
        if sentence is not None:
            found.extend(_sentence_events(context, index, sentence))
    _spread_denials(context, found)
    return _merged(found)


_FEMALE = frozenset("actress actresses ms ms. mrs mrs. sister wife girlfriend mother".split())
_MALE = frozenset("actor mr mr. brother husband boyfriend father".split())
_AGENCY_NOUNS = frozenset({"agency", "label", "management"})


def _note_description(context: _Context, mention: Mention, span: Span) -> None:
    """'actress Kim Sae-ron' is a woman; 'Gold Medalist, the agency …' an agency."""
    entity = mention.entity or ""
    before = context.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _FEMALE:
        context.gender.setdefault(entity, "f")
    elif before in _MALE:
        context.gender.setdefault(entity, "m")
    if mention.type == "org":
        near = context.doc[max(span.start - 4, 0) : span.end + 4]
        if any(t.lower_ in _AGENCY_NOUNS for t in near):
            context.agencies.add(entity)


def _sentence_events(context: _Context, index: int, sentence: Span) -> Iterator[Event]:
    text = sentence.text.lower()
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for rule, trigger in _triggers(sentence, text, named=context.by_token.keys()):
        for event in _events_of(context, index, sentence, rule, trigger):
            key = (event.type, tuple(p.entity for p in event.participants))
            if key not in seen:
                seen.add(key)
                yield event
    yield from _births(context, index, sentence)
    for event in _joint_works(context, index, sentence):
        key = (event.type, tuple(p.entity for p in event.participants))
        if key not in seen:
            seen.add(key)
            yield event


_JOINT_WORK = re.compile(
    r"^['’]s?\s+((?:(?:upcoming|new|planned|first|next|joint|collaboration|shelved)\s+)*)"
    r"(?:drama|film|movie|series|project|show)\W{0,4}$",
    re.IGNORECASE,
)
_PLANNED_WORDS = ("upcoming", "planned", "next", "collaboration")


def _joint_works(context: _Context, index: int, sentence: Span) -> Iterator[Event]:
    """'Han So-hee & Song Hye-kyo's upcoming collaboration drama, “The Price of
    Confession”': both are cast in it (planned, when it is upcoming)."""
    text = context.document.text
    named = _sentence_mentions(context, sentence)
    for first, second, work in zip(named, named[1:], named[2:], strict=False):
        if first.type not in PEOPLE or second.type not in PEOPLE or work.type != "work":
            continue
        if not _AND.match(text[first.end : second.start]):
            continue
        gap = _JOINT_WORK.match(text[second.end : work.start])
        if gap is None:
            continue
        trigger = sentence.doc.char_span(second.end, work.start, alignment_mode="expand")
        if trigger is None:
            continue
        for person in (first, second):
            event = _event(
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


def _triggers(
    sentence: Span, lowered: str, named: Collection[int]
) -> Iterator[tuple[EventType, Token]]:
    """Trigger words and phrases; none inside a name ("Die Bad" is a film) and no
    speech verbs inside a quote ("It says that …," Cha said: the speaker is Cha)."""
    quoted = _quoted_tokens(sentence)
    for rule in RULES:
        for token in sentence:
            parts = {"VERB", "AUX"} if rule.verbs_only else {"VERB", "NOUN", "AUX"}
            if (rule is SPEECH and token.i in quoted) or token.pos_ not in parts:
                continue
            if token.i in named:
                continue
            if token.lemma_.lower() in rule.lemmas:
                yield rule, token
        for phrase in rule.phrases:
            for match in re.finditer(phrase, lowered):
                span = sentence.doc.char_span(
                    sentence.start_char + match.start(),
                    sentence.start_char + match.end(),
                    alignment_mode="expand",
                )
                if span is None or span.root.i in named:
                    continue
                if not (rule is SPEECH and span.root.i in quoted):
                    yield rule, span.root


def _unopened_closer(text: str) -> int:
    """Where a quote opened in an earlier sentence closes in this one, or -1."""
    curly = text.find("”")
    if curly > 0 and "“" not in text[:curly]:
        return curly
    straight = text.find('"')
    if straight > 0 and text.count('"') % 2 == 1 and text[straight - 1] in ",.!?":
        return straight
    return -1


def _quoted_tokens(sentence: Span) -> set[int]:
    """Tokens between quotation marks (of a quote, not a title: three words or more)."""
    inside: set[int] = set()
    text = sentence.text
    closer = _unopened_closer(text)
    if closer > 0:
        # the end of a quote opened in an earlier sentence: "… on the road,” Cha said.
        inside.update(t.i for t in sentence if t.idx < sentence.start_char + closer)
    for match in _QUOTE.finditer(text):
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


_REFUSALS = frozenset({"decline", "refuse", "fail"})
_REPORT_NOUNS = frozenset(
    "rumor rumour rumors rumours allegation allegations report reports scandal speculation "
    "claim claims news".split()
)


def _negated(trigger: Token) -> bool:
    heads = [trigger, *([trigger.head] if trigger.dep_ in {"xcomp", "conj", "dobj"} else [])]
    return any(
        child.dep_ == "neg" or child.lower_ in {"never", "not", "n't"}
        for head in heads
        for child in head.children
    )


def _events_of(
    context: _Context, index: int, sentence: Span, rule: EventType, trigger: Token
) -> Iterator[Event]:
    type_: EventTypeName = rule.type
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ in _REFUSALS:
        return  # "declined to comment": nothing happened
    negated = _negated(trigger) and not any(
        re.search(p, trigger.sent.text.lower()) for p in rule.phrases if "n[’']t" in p or "not" in p
    )
    if negated:
        if rule.if_negated is None and not _SILENCE_WORDS.search(trigger.text):
            return  # it did not happen
        type_ = rule.if_negated or type_
    if rule is SPEECH and not _is_speech(sentence, trigger):
        return
    if type_ == "career.cast" and trigger.pos_ == "NOUN":
        yield from _star_of(context, index, sentence, trigger)
        return
    if type_ == "career.cast" and trigger.dep_ in {"acl", "advcl"}:
        yield from _cast_list(context, index, sentence, trigger)
        return
    # "Moon Ha-rin donated masks": a past tense right after a name is the verb the
    # parser took for an adjective
    misparsed = trigger.tag_ in {"VBD", "VBN"} and (trigger.i - 1) in context.by_token
    if (
        trigger.dep_ in {"amod", "compound"}
        and not misparsed
        and trigger.head.lemma_ not in _REPORT_NOUNS
    ):
        return  # "supporting cast", "a dating show"; but "dating rumors" are about dating
    if type_ == "social.post" and any(
        c.dep_ == "ccomp"
        or (
            c.dep_ == "dobj" and (c.like_num or c.lower_ in {"percent", "screen", "space", "stage"})
        )
        for c in trigger.children
    ):
        return  # "shared what it was like", "posted 6.3 percent", "share the screen"
    # partners only from the parse: "rumors of an affair" names nobody
    firsts = _role_entities(
        context, sentence, trigger, rule.first, subject=True, fallback=not rule.symmetric
    )
    if not firsts and rule.first == frozenset({"work"}):
        firsts = _recent(context, sentence, frozenset({"work"}))
    if not firsts:
        return
    if rule.first == frozenset({"work"}) or len(rule.roles) == 1:
        groups = [[(rule.roles[0], m)] for m in firsts[:1]]
    else:
        groups = list(_with_second(context, sentence, trigger, rule, firsts))
    for participants in groups:
        if EVENT_TYPES[type_].for_artist:
            participants = _agency_speaks_for_artist(context, sentence, participants)
        yield _event(context, index, sentence, type_, trigger, participants)


def _star_of(context: _Context, index: int, sentence: Span, trigger: Token) -> Iterator[Event]:
    """'“Parasite” star Song Kang-ho', 'Kim, star of “My Love from the Star”': the work
    right before the noun or after its 'of', the person it names or is said of."""
    work = next(
        (
            m
            for m in _sentence_mentions(context, sentence)
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
        yield _event(
            context,
            index,
            sentence,
            "career.cast",
            trigger,
            [("person", people[0]), ("work", work)],
        )


def _cast_list(context: _Context, index: int, sentence: Span, trigger: Token) -> Iterator[Event]:
    """'“Melo Movie,” starring Choi Woo-sik and Park Bo-young', '“Tangerines,” led by
    IU and Park Bo-gum': every person listed, each in the work the phrase describes."""
    work = context.mention_of(trigger.head)
    if work is None or work.type != "work":
        before = [
            m
            for m in _sentence_mentions(context, sentence)
            if m.type == "work" and m.end <= trigger.idx and trigger.idx - m.end <= 6
        ]
        work = before[-1] if before else None
    if work is None:
        return
    listed = [g for c in trigger.children if c.dep_ == "agent" for g in c.children]
    listed += [c for c in trigger.children if c.dep_ in {"dobj", "obj"}]
    people = _unique(
        m
        for g in listed
        for t in [*_head_and_conjuncts(g), *g.subtree]
        if (m := context.mention_of(t)) is not None and m.type in PEOPLE
    )
    for person in people:
        yield _event(
            context, index, sentence, "career.cast", trigger, [("person", person), ("work", work)]
        )


def _with_second(
    context: _Context, sentence: Span, trigger: Token, rule: EventType, firsts: list[Mention]
) -> Iterator[list[tuple[str, Mention]]]:
    first_role, second_role = rule.roles[0], rule.roles[1]
    taken = {f.entity for f in firsts}
    seconds = _role_entities(
        context,
        sentence,
        trigger,
        rule.second,
        subject=False,
        exclude=taken,
        fallback=not rule.symmetric or bool(firsts),
    )
    if rule.reach is not None:
        seconds = [s for s in seconds if _distance(s, trigger) <= rule.reach]
    if not seconds and rule.second_from_before:
        seconds = _recent(context, sentence, rule.second, exclude=taken)
    if rule.symmetric:
        people = _unique([*firsts, *seconds])
        if len(people) >= 2:
            yield [(first_role, people[0]), (second_role, people[1])]
        return
    if not seconds:
        if not rule.needs_second:
            for first in firsts[:2] if first_role == "person" else firsts[:1]:
                yield [(first_role, first)]
        return
    # "Song and Han were slated to share screen space in The Price of Confession": both
    agents = firsts if first_role == "person" else firsts[:1]
    for first in agents:
        yield [(first_role, first), (second_role, seconds[0])]


def _distance(mention: Mention, token: Token) -> int:
    end = token.idx + len(token)
    return max(mention.start - end, token.idx - mention.end, 0)


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: dict[str | None, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.entity, mention)
    return list(seen.values())


_SPEECH_NOUNS = re.compile(
    r"\b(?:statement|press release|interview|announcement|blog|told reporters)\b", re.I
)


def _is_speech(sentence: Span, trigger: Token) -> bool:
    """Reported speech: a quote (three words or more: not a title), a statement or
    interview, or 'said that …'. 'Shared' and 'wrote' need the quote or the clause."""
    quotes = [q for q in _QUOTE.findall(sentence.text) if len(q.split()) >= 3]
    clause = any(c.dep_ in {"ccomp", "parataxis"} for c in trigger.children)
    if trigger.lemma_.lower() in {"share", "write", "express", "reveal", "add"}:
        return clause or (bool(quotes) and trigger.dep_ in {"ROOT", "parataxis", "ccomp"})
    return bool(quotes or clause or _SPEECH_NOUNS.search(sentence.text))


def _role_entities(
    context: _Context,
    sentence: Span,
    trigger: Token,
    types: frozenset[EntityType],
    subject: bool,
    exclude: frozenset[str | None] | set[str | None] = frozenset(),
    fallback: bool = True,
) -> list[Mention]:
    """The entities of the trigger's subject (or of its objects), nearest first; the
    nearest fitting entity before (or after) the trigger when the parse finds no
    subject (or object) at all, unless `fallback` is off."""
    tokens = _subject_tokens(trigger) if subject else _object_tokens(trigger)
    found = _unique(
        m
        for t in tokens
        if (m := context.mention_of(t) or _referent(context, t, types, exclude)) is not None
        and m.type in types
        and m.entity not in exclude
    )
    if found and subject:
        found = _with_coordinated(context, sentence, found, types, exclude)
    if found or (subject and tokens) or not fallback:
        return found  # a subject the parse names that is no entity is nobody we know
    ordered = sorted(
        (
            m
            for m in _sentence_mentions(context, sentence)
            if m.type in types and m.entity not in exclude
        ),
        key=lambda m: abs(m.start - trigger.idx),
    )
    if subject:
        before = [m for m in ordered if m.start < trigger.idx]
        if before:
            return _unique(before)
        referents = (_referent(context, t, types, exclude) for t in sentence if t.i < trigger.i)
        owner = next((r for r in referents if r is not None), None)
        return [owner] if owner is not None else []
    return _unique([m for m in ordered if m.start > trigger.idx] + ordered)


_AND = re.compile(r"^\s*(?:and|&)\s*$")


def _with_coordinated(
    context: _Context,
    sentence: Span,
    found: list[Mention],
    types: frozenset[EntityType],
    exclude: frozenset[str | None] | set[str | None],
) -> list[Mention]:
    """'Song Hye Kyo and Han So Hee had been planning…': the parser may leave the first
    of two names joined by 'and' out of the subject; the text does not."""
    text = context.document.text
    named = [m for m in _sentence_mentions(context, sentence) if m.type in types]
    extra = [
        before
        for m in found
        for before in named
        if before.end <= m.start
        and _AND.match(text[before.end : m.start])
        and before.entity not in exclude
    ]
    return _unique([*extra, *found])


_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "pobj", "dative", "attr", "oprd", "obj", "iobj"}


def _subject_tokens(trigger: Token) -> list[Token]:
    """The subject of the trigger's clause, climbing from a noun or an infinitive to
    the verb that has one ('sent her encouragement', 'slated to share')."""
    named_by = [  # "according to Gold Medalist", "a statement by CJes Studios"
        g
        for c in trigger.children
        if (c.lower_ == "to" and trigger.lower_ == "according") or c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if named_by:
        return [t for g in named_by for t in _head_and_conjuncts(g)]
    verb = trigger
    for _ in range(8):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            return [t for s in subjects for t in _head_and_conjuncts(s)]
        if verb.dep_ in {"relcl", "acl"}:
            return _head_and_conjuncts(verb.head)  # "Han So-hee attending the exhibition"
        if verb.dep_ in {"ROOT", "ccomp", "advcl"} or verb.head is verb:
            break
        verb = verb.head
    # "…, read the statement by CJes Studios"; "a video posted by Song"
    agents = [g for c in trigger.children if c.dep_ == "agent" for g in c.children]
    return [t for a in agents for t in _head_and_conjuncts(a)]


# Who acts for someone: "Kim's agency apologized" is not Kim apologising.
_PROXIES = frozenset(
    "agency management label company representative representatives lawyer lawyers "
    "attorney family side spokesperson official officials fans mother father".split()
)


def _head_and_conjuncts(token: Token) -> list[Token]:
    """'Song and Han': both; "Ryu's ex-lover, Hyeri": Hyeri before Ryu (a possessor,
    however the parser attached it, is not the one acting, and never one whose agency
    or family acts)."""
    out = [token]
    for child in token.children:
        if child.dep_ in {"conj", "appos", "compound"}:
            out.extend(_head_and_conjuncts(child))
    if token.lower_ not in _PROXIES:
        out.extend(c for c in token.children if c.dep_ == "poss")
    owners = [t for t in out if any(c.dep_ == "case" for c in t.children)]
    possessed = owners + [c for t in owners for c in t.children if c.dep_ == "compound"]
    return [t for t in out if t not in possessed] + possessed


def _object_tokens(trigger: Token) -> list[Token]:
    out: list[Token] = []
    queue = [c for c in trigger.children if c.dep_ not in _SUBJECTS and c.dep_ != "punct"]
    while queue:
        token = queue.pop(0)
        if token.dep_ in _OBJECTS or token.dep_ in {"poss", "conj", "appos", "compound"}:
            out.append(token)
        if token.dep_ in _OBJECTS | {"prep", "poss", "conj", "appos", "compound"}:
            queue.extend(token.children)
    return out


def _sentence_mentions(context: _Context, sentence: Span) -> list[Mention]:
    return list(context.mentions_starting(sentence.start_char, sentence.end_char))


def _recent(
    context: _Context,
    sentence: Span,
    types: frozenset[EntityType],
    exclude: frozenset[str | None] | set[str | None] = frozenset(),
) -> list[Mention]:
    """The entity of these types named last before this sentence ('the drama')."""
    earlier = [
        m
        for m in context.mentions_starting(sentence.start_char - 1499, sentence.start_char)
        if m.type in types and m.entity not in exclude
    ]
    return earlier[-1:]


# Words that point back to an entity named before, and the types they can name.
_PRONOUNS = {"she", "he", "her", "his", "him", "hers", "it", "its"}
_NOMINALS: dict[str, frozenset[EntityType]] = {
    **dict.fromkeys(["agency", "label", "company", "management"], frozenset({"org"})),
    **dict.fromkeys(
        ["actor", "actress", "singer", "star", "idol", "rapper"],
        frozenset({"person"}),
    ),
}
# "the agency" is an entertainment company, not the last court or ministry named
_AGENCY_WORDS = frozenset(
    "Entertainment Ent. Agency Management Studio Studios Music Label Company Co. Pictures "
    "Media Corp. Inc.".split()
)


def _looks_like_agency(name: str) -> bool:
    return name.split()[-1] in _AGENCY_WORDS


# "her junior", "his senior": the other person of the story, not the possessor
_EPITHETS = {"junior", "senior", "hoobae", "sunbae", "colleague", "co-star", "costar"}


def _referent(
    context: _Context,
    token: Token,
    types: frozenset[EntityType],
    exclude: frozenset[str | None] | set[str | None] = frozenset(),
) -> Mention | None:
    """What a pronoun ('she'), a noun ('the agency') or an epithet ('her junior') refers
    to: the entity of a fitting type the text named last before it."""
    word = token.lower_
    if word in _PRONOUNS:
        wanted = frozenset({"org"}) if word in {"it", "its"} else frozenset({"person"})
        other = {"she": "m", "her": "m", "hers": "m", "he": "f", "his": "f", "him": "f"}
        unlike = other.get(word)
        exclude = {*exclude, *(e for e, g in context.gender.items() if g == unlike)}
    elif word in _NOMINALS and any(
        c.lower_ in {"the", "its", "her", "his"} for c in token.children
    ):
        wanted = _NOMINALS[word]
    elif word in _EPITHETS and any(c.dep_ == "poss" for c in token.children):
        wanted = frozenset({"person"})
        possessor = next(c for c in token.children if c.dep_ == "poss")
        owner = _referent(context, possessor, types, exclude) or context.mention_of(possessor)
        exclude = {*exclude, owner.entity if owner else None}
    else:
        return None
    wanted &= types
    before = [
        m
        for m in context.mentions_starting(token.idx - 1500 - context.longest, token.idx)
        if m.type in wanted
        and m.end <= token.idx
        and m.entity not in exclude
        and token.idx - m.end < 1500
        and (
            word not in _NOMINALS
            or "org" not in wanted
            or _looks_like_agency(m.text)
            or m.entity in context.agencies
        )
    ]
    return before[-1] if before else None


def _agency_speaks_for_artist(
    context: _Context, sentence: Span, participants: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """An organisation speaking or suing for its artist: the artist is `about`, named
    beside it ("Kim Soo-hyun's agency, Gold Medalist"; "Starlight, the agency
    representing Yoon Ha-rin") or else the person the document is most about."""
    speaker = participants[0][1]
    if speaker.type != "org":
        return participants
    named = {m.entity for _, m in participants}
    artist = _stated_artist(context, speaker)
    if artist is None and not any(m.type == "person" for _, m in participants):
        artist = _main_person(context)
    if artist is None or artist.entity in named:
        return participants
    return [participants[0], ("about", artist), *participants[1:]]


def _stated_artist(context: _Context, org: Mention) -> Mention | None:
    span = context.doc.char_span(org.start, org.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    nouns = [root, root.head] if root.dep_ == "appos" else [root, *root.children]
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "poss":
                owner = context.mention_of(child)
            elif child.dep_ == "acl" and child.lemma_ in {"represent", "manage"}:
                objects = [g for g in child.children if g.dep_ == "dobj"]
                owner = next(
                    (m for g in objects for t in _head_and_conjuncts(g)
                     if (m := context.mention_of(t)) is not None),
                    None,
                )  # fmt: skip
            else:
                continue
            if owner is not None and owner.type == "person":
                return owner
    return None


def _main_person(context: _Context) -> Mention | None:
    """The artist of the document's agency: whom it calls 'X's agency' or 'his agency'
    most; else the person it names most."""
    if not context.main_person:
        context.main_person.append(_find_main_person(context))
    return context.main_person[0]


def _find_main_person(context: _Context) -> Mention | None:
    owners = [
        owner
        for token in context.doc
        if token.lower_ in {"agency", "label", "management"}
        for child in token.children
        if child.dep_ == "poss"
        and (owner := context.mention_of(child) or _referent(context, child, PEOPLE)) is not None
    ]
    people = owners or [m for m in context.mentions if m.type == "person"]
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for mention in people:
        if mention.entity:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
            first.setdefault(mention.entity, mention)
    if not counts:
        return None
    return first[max(counts, key=lambda e: counts[e])]


def _event(
    context: _Context,
    index: int,
    sentence: Span,
    type_: EventTypeName,
    trigger: Token,
    participants: list[tuple[str, Mention]],
) -> Event:
    start, end = context.sentences[index]
    document = context.document
    text = document.text[start:end]
    time = _time_near(context, index, trigger.idx)
    modality = _modality(context, index, type_, text, trigger)
    people = tuple(
        Participant(role, m.entity or "", context.names.get(m.entity or "", m.text))
        for role, m in participants
    )
    quote = None
    if EVENT_TYPES[type_].quoted:
        titles = {m.text for m in _sentence_mentions(context, sentence)}
        quotes = [q.strip() for q in _QUOTE.findall(text) if q.strip(" ,.") not in titles]
        quote = max(quotes, key=len) if quotes else None  # the words, not a quoted title
    seed = f"{document.id}\n{type_}\n{start}\n" + "\n".join(f"{p.role}={p.entity}" for p in people)
    return Event(
        id="v_" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16],
        type=type_,
        participants=people,
        time=time,
        modality=modality,
        summary=summarise(type_, people, modality),
        evidence=(Evidence(document.id, start, end, text),),
        quote=quote,
    )


# Words that place a sentence at the time of the one before: "quickly after this post".
_SAME_TIME = re.compile(
    r"\b(?:after this|after that|this post|that post|the same day|that day|at the time|"
    r"shortly after|soon after|hours later|minutes later|then)\b",
    re.I,
)


def _clause_of(doc: Doc, offset: int) -> int:
    """The index of the verb whose clause holds the character at `offset`."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return -1
    token = span.root
    for _ in range(12):
        if token.pos_ in {"VERB", "AUX"} or token.head.i == token.i:
            break
        token = token.head
    return token.i


def _aside(doc: Doc, at: int, offset: int) -> bool:
    """The character at `at` sits in a clause about someone or something else than the
    trigger at `offset` ("Kim, discharged in July last year, will star …")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    trigger = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or trigger is None:
        return False
    token, target = span.root, trigger.root
    while token.head.i != token.i:
        if token.dep_ in {"acl", "relcl", "appos"}:
            return not (token.left_edge.i <= target.i <= token.right_edge.i)
        token = token.head
    return False


def _describes(context: _Context, time: TimeMention) -> bool:
    """'the 2009 drama', '2005 film': a year that says which work, not when the event
    was (but 'the 2023 Baeksang Arts Awards' is when its award was)."""
    if time.time.precision != "year" or not time.time.text or not time.time.text.isdigit():
        return False
    around = context.mentions_starting(time.start - context.longest, time.start + 1)
    if any(time.end <= m.end and m.type == "event" for m in around):
        return False
    span = context.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    return token.dep_ in {"compound", "nummod", "amod", "nmod"} and token.head.pos_ in {
        "NOUN",
        "PROPN",
    }


def _time_near(context: _Context, index: int, offset: int) -> TimeValue:
    """The time expression of the sentence nearest `offset`; in a sentence that says
    it happened right after the one before ('after this post'), that one's time."""
    start, end = context.sentences[index]
    inside = [
        t
        for t in context.times
        if start <= t.start
        and t.end <= end
        and not _describes(context, t)
        and not _aside(context.doc, t.start, offset)
    ]
    if inside:
        clause = _clause_of(context.doc, offset)
        return min(
            inside,
            key=lambda t: (_clause_of(context.doc, t.start) != clause, abs(t.start - offset)),
        ).time
    if _SAME_TIME.search(context.document.text[start:end]):
        # the last time named in the three sentences before
        window = context.sentences[max(index - 3, 0)][0]
        before = [t for t in context.times if window <= t.start and t.end <= start]
        if before:  # the most precise, then the last
            best = max(range(len(before)), key=lambda i: (_RANK[before[i].time.precision], i))
            return before[best].time
    return TimeValue.unknown()


def _planned(trigger: Token, type_: EventTypeName, text: str) -> bool:
    """Planned: a future auxiliary on the trigger or its clause, a planning verb that
    governs it ('slated to share'), or, for a casting, an upcoming work."""
    token = trigger
    for _ in range(4):
        if any(c.lower_ in _FUTURE_AUX for c in token.children if c.dep_ == "aux"):
            return True
        if token is not trigger and token.lemma_.lower() in _PLAN_VERBS:
            return True
        if token.dep_ not in {"xcomp", "dobj", "pobj", "prep", "conj", "compound", "acl"}:
            break
        token = token.head
    return EVENT_TYPES[type_].planned_with_work and bool(_PLANNED_WITH_WORK.search(text))


def _modality(
    context: _Context, index: int, type_: EventTypeName, text: str, trigger: Token
) -> Modality:
    policy = EVENT_TYPES[type_].modality
    if policy == "fixed":
        return "asserted"
    if policy == "said":
        return "hoped" if HOPED.search(text) else "asserted"  # the words were said
    if policy == "reported" and DENIED.search(text):
        return "denied"
    if policy == "reported" and RUMOURED.search(text):
        return "rumoured"
    if HOPED.search(text):
        return "hoped"
    if policy != "settled" and _planned(trigger, type_, text):
        return "planned"
    return "asserted"


def _spread_denials(context: _Context, events: list[Event]) -> None:
    """'… fueling rumors of an affair, tho Han So-hee has since refuted such rumors':
    a later denial by a participant turns a rumoured affair or romance denied."""
    denials = [
        (e.evidence[0].start, {p.entity for p in e.participants})
        for e in events
        if e.type == "speech.denial"
    ]
    for event in events:
        if not EVENT_TYPES[event.type].denied_by_partner or event.modality != "rumoured":
            continue
        who = {p.entity for p in event.participants}
        if any(start >= event.evidence[0].start and who & speakers for start, speakers in denials):
            event.modality = "denied"
            event.summary = summarise(event.type, event.participants, "denied")


def _births(context: _Context, index: int, sentence: Span) -> Iterator[Event]:
    """'Song born in 1981 and Han in 1994': each person with the year that follows."""
    text = sentence.text
    match = _BORN.search(text)
    if not match or _in_quotes(text, match.start()):
        return
    base = sentence.start_char
    years = [
        t
        for t in context.times
        if base <= t.start < sentence.end_char and t.time.precision != "unknown"
    ]
    people = [m for m in _sentence_mentions(context, sentence) if m.type == "person"]
    for person in _unique(people):
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
            id="v_" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16],
            type="bio.born",
            participants=participants,
            time=TimeValue(time.value, "year", time.text) if time.value else time,
            modality="asserted",
            summary=summarise("bio.born", participants, "asserted"),
            evidence=(Evidence(context.document.id, start, end, context.document.text[start:end]),),
        )


def _in_quotes(text: str, offset: int) -> bool:
    return any(m.start() < offset < m.end() for m in _QUOTE.finditer(text))


def _merged(events: list[Event]) -> list[Event]:
    """One event per type and participants in a document, when times agree."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        if same.time.value is None and event.time.value is not None:
            same.time = event.time
        if event.evidence[0] not in same.evidence:
            same.evidence = (*same.evidence, event.evidence[0])
        same.quote = same.quote or event.quote
    return kept


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if {(p.role, p.entity) for p in a.participants} != {(p.role, p.entity) for p in b.participants}:
        return False
    return a.time.value is None or b.time.value is None or a.time.value == b.time.value
