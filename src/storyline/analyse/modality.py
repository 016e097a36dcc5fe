"""How sure the press is: the cue words that make what a sentence reports denied,
rumoured or hoped. Events and claims read them alike."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.analyse.quotes import quoted_tokens
from storyline.analyse.times import WEEKDAYS
from storyline.models import EventTypeName, Modality, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Strongest first: a sentence that denies a rumour is a denial.
DENIED = re.compile(
    r"\b(?:refut\w*|denie[ds]|deny\w*|dismiss\w*|groundless|not true|not\s+dating|baseless|"
    r"false rumou?rs)\b",
    re.I,
)
RUMOURED = re.compile(
    r"\b(?:suspect\w*|reportedly|rumou?r\w*|speculat\w*|alleg\w*|claim(?:s|ed)?|unconfirmed|"
    r"is said to|are said to|spotted together|declined to confirm)\b",
    re.I,
)
HOPED = re.compile(
    r"\b(?:would be (?:great|nice|good) if|hope[sd]? to|hoping to|wish(?:es|ed)? to|"
    r"would love to|remains hopeful)\b",
    re.I,
)


# Verbs that put what they govern in the future: "slated to share", "plans to sue".
_PLAN_VERBS = frozenset(
    "slate plan schedule set expect review consider prepare aim intend decide agree "
    "negotiate offer line book due".split()  # "lined up to perform", "was due to stage"
)


_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "wo", "shall", "would"})
# How far up a future reaches: "will be the first singer to hold a concert"
_FUTURE_REACHES = frozenset({"xcomp", "dobj", "pobj", "prep", "conj", "compound", "acl", "attr"})
PAST_PREPOSITIONS = frozenset({"following", "after", "since"})


def _stem(word: str) -> str:
    """'slated' → 'slate': the lemmatiser makes 'slat' of it."""
    return word[:-1] if word.endswith("ed") else word


# Events planned when the work they are about is upcoming: an upcoming drama's cast.
_PLANNED_WITH_WORK = re.compile(r"\b(?:upcoming|in talks|to star)\b", re.I)


def planned(trigger: Token, type_: EventTypeName, text: str) -> bool:
    """Planned: a future auxiliary on the trigger or its clause, a planning verb that
    governs it ('slated to share'), or, for a casting, an upcoming work."""
    token = trigger
    for _ in range(6):  # "was due to stage a series of concerts"
        if any(c.lower_ in _FUTURE_AUX for c in token.children if c.dep_ == "aux"):
            return True
        if token.i != trigger.i and _PLAN_VERBS & {token.lemma_.lower(), _stem(token.lower_)}:
            return True
        if token.dep_ == "pobj" and token.head.lower_ in PAST_PREPOSITIONS:
            break  # "following the release of its album, Epik High will hold concerts"
        infinitive = token.dep_ in {"advcl", "relcl"} and any(
            c.lower_ == "to" for c in token.children
        )
        if token.dep_ not in _FUTURE_REACHES and (
            not infinitive  # "lined up to perform", parsed as a clause of purpose
            and not _when_then(token)
        ):
            break
        token = token.head
    return EVENT_TYPES[type_].planned_with_work and bool(_PLANNED_WITH_WORK.search(text))


def _when_then(token: Token) -> bool:
    """A present tense in a clause of time is as future as the clause it hangs on: 'they
    will be back on 29 November, when Murray is sentenced'."""
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    present = token.tag_ in {"VBZ", "VBP"} or any(
        c.lower_ in {"is", "are"} for c in token.children if c.dep_ in {"aux", "auxpass"}
    )
    return token.dep_ == "advcl" and bool(marks & _OF_TIME) and present


_OF_TIME = frozenset({"when", "once", "after", "before", "until", "till"})


def event_modality(type_: EventTypeName, sentence: Span, trigger: Token) -> Modality:
    """How sure the sentence is of an event of `type_` triggered by `trigger`, as the
    type's modality policy allows. A cue counts only where it governs the trigger: its
    scope is the cue's phrase in the parse ("refuted such rumors" scopes over the
    rumours, not over a break-up in another clause); words that were said are hoped
    when they hope anything."""
    policy = EVENT_TYPES[type_].modality
    text = sentence.text
    if policy == "fixed":
        return "asserted"
    if policy == "said":
        # the words were said; hoped when the telling says so ("expressed her hope to
        # work with Han, saying …"), not when the words hope ("“We hope …,” Kim said")
        return "hoped" if _outside_quotes(HOPED, sentence) else "asserted"
    if policy == "reported" and _governs(DENIED, sentence, trigger):
        return "denied"
    if policy == "reported" and _governs(RUMOURED, sentence, trigger):
        return "rumoured"
    if _governs(HOPED, sentence, trigger):
        return "hoped"
    if policy != "settled" and planned(trigger, type_, text):
        return "planned"
    return "asserted"


def _outside_quotes(cues: re.Pattern[str], sentence: Span) -> bool:
    quoted = quoted_tokens(sentence)
    return any(
        (span := sentence.char_span(m.start(), m.end(), alignment_mode="expand")) is not None
        and span.root.i not in quoted
        for m in cues.finditer(sentence.text)
    )


# A cue of these kinds modifies what its head says ("reportedly dating", "the rumours
# are groundless"): its scope is its head's phrase.
_MODIFIERS = frozenset({"ADV", "ADJ", "PART", "ADP", "SCONJ", "AUX", "DET"})


def _governs(cues: re.Pattern[str], sentence: Span, trigger: Token) -> bool:
    """Whether a cue of `cues` in the sentence has the trigger in its scope: the phrase
    the cue heads in the parse (the head's, for a modifier)."""
    for match in cues.finditer(sentence.text):
        span = sentence.doc.char_span(
            sentence.start_char + match.start(),
            sentence.start_char + match.end(),
            alignment_mode="expand",
        )
        if span is None:
            continue
        governor = span.root
        if governor.pos_ in _MODIFIERS and governor.head.i != governor.i:
            governor = governor.head
        if any(first <= trigger.i <= last for first, last in _scope(governor)):
            return True
        if governor.pos_ == "NOUN" and governor.head.i == trigger.i:
            return True  # "dating rumours", which the parser may read as a verb and object
    return False


def _scope(governor: Token) -> list[tuple[int, int]]:
    """The token ranges a cue's governor speaks of. A verb speaks of what follows it
    ("denied reports that …", "suspected of having an affair") and of its passive
    subject ("the rumours were denied"), not of a clause before it, which the parser
    may hang on it ("… went viral, tho she has since refuted such rumors"). A noun
    ("dating rumours", "rumours of an affair") speaks of its whole phrase."""
    if governor.pos_ not in {"VERB", "AUX"}:
        return [(governor.left_edge.i, governor.right_edge.i)]
    passive = [c for c in governor.lefts if c.dep_ in {"nsubjpass", "csubjpass"}]
    return [(governor.i, governor.right_edge.i)] + [
        (c.left_edge.i, c.right_edge.i) for c in passive
    ]


_YEAR = re.compile(r"\b\d{4}\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.I)


def in_time(
    type_: EventTypeName, time: TimeValue, modality: Modality, published: str | None
) -> tuple[TimeValue, Modality]:
    """An event and its date agree on the tense: a planned event named by a month or a
    day without its year ("set to be released in September") is the next of them, not
    the last; an event dated after its report ("his concert next month", "hits theaters
    on April 26") is planned."""
    policy = EVENT_TYPES[type_].modality
    if not (time.value and published) or policy in {"settled", "fixed"}:
        return time, modality
    if EVENT_TYPES[type_].dated_by_report:
        return time, modality  # dated when it was said: "said Monday it would sue"
    # compared at the coarser of the two precisions: May 19 is not after "2024-05"
    shared = min(len(time.value), len(published))
    before = time.value[:shared] < published[:shared]
    if modality == "planned" and before and time.text and not _YEAR.search(time.text):
        if _WEEKDAY.search(time.text) and time.precision == "day":
            later = date.fromisoformat(time.value) + timedelta(days=7)  # "on Saturday"
            return replace(time, value=later.isoformat()), modality
        return replace(time, value=f"{int(time.value[:4]) + 1}{time.value[4:]}"), modality
    after = time.value[:shared] > published[:shared]
    if modality == "asserted" and after:
        return time, "planned"
    return time, modality
