"""When: the time expression of the sentence nearest the trigger, in its own clause,
never one of another clause's event, of an aside or a year that names a work; a
sentence that follows the one before ("after this post") takes that one's time. What
was said is dated when it was said: by its clause, the verb of saying, the statement or
occasion it was said in (named, or the one day an article gives its speakers), else by
the report."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyse.events.context import Context
from storyline.analyse.modality import PAST_PREPOSITIONS
from storyline.analyse.quotes import quoted_tokens
from storyline.analyse.resolve.discourse import SPEECH_VERBS
from storyline.analyse.times import RANK as _RANK
from storyline.analyse.times import TimeMention
from storyline.models import Mention, TimeValue, first_day

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Token


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


def _of_another_clause(context: Context, time_clause: int, clause: int) -> bool:
    """The time of `time_clause` is another event's: its clause hangs below the event's
    with a subject or a conjunction of its own ("donated … after the ferry sank on April
    16"), not as a bare participle ("won, beating Lee on Sunday"), a clause of the same
    moment ("when Song won …, Han congratulated her") or one that dates an occasion
    ("at the awards, which were held on Friday"); or the two clauses are apart."""
    doc = context.doc
    if time_clause in (clause, -1) or clause < 0:
        return False
    token = doc[time_clause]
    if doc[clause] not in token.ancestors:
        return token not in doc[clause].ancestors and not _conjoined(token, doc[clause])
    while token.i != clause:
        if _of_the_same_moment(token) or _dates_occasion(context, token):
            return False
        marked = any(c.dep_ == "mark" for c in token.children)
        if marked or any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            return True
        token = token.head
    return False


_SAME_MOMENT = frozenset({"when", "as", "while", "once"})


def _of_the_same_moment(clause: Token) -> bool:
    """'when Song won …': a clause marked as of its head's moment (the opening word
    counts too: "When Han's drama fell through …" is parsed anyhow)."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"} | {clause.left_edge.lower_}
    return bool(marks & _SAME_MOMENT)


def _dates_occasion(context: Context, token: Token) -> bool:
    """'the awards, held on Thursday': a clause that says when an occasion was."""
    if token.dep_ not in {"acl", "relcl"}:
        return False
    head = token.head  # "the MAMA, the biggest awards show, held late Sunday"
    if head.lemma_.lower() in OCCASION_NOUNS or head.lemma_.lower() in _OCCASIONS:
        return True  # "the awards show, held Sunday", "a press statement issued Monday"
    named = [head, head.head] if head.dep_ == "appos" else [head]
    return any((m := context.mention_of(t)) is not None and m.type == "event" for t in named)


# Nouns that name an occasion: what is "held" on a day is the event named with them.
OCCASION_NOUNS = frozenset("ceremony show gala festival awards event".split())


# "Sidus HQ said Thursday the album …": a day right after the verb of saying is when it
# was said, however the parser hangs it on what was said.
_RIGHT_AFTER = re.compile(r"^\s+(?:on\s+)?$")


def _word_end(context: Context, offset: int) -> int:
    span = context.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.end_char if span is not None else offset


def _said_then(doc: Doc, time_clause: int, clause: int) -> bool:
    """The time of `time_clause` is when the words of `clause` were said: the two are
    joined ("Last week, Kim appeared on a show and said …"), or the words hang on it
    as a participle ("In March, Irene came under fire for saying …")."""
    verb, said = doc[time_clause], doc[clause]
    if _conjoined(verb, said):
        return True
    return said.tag_ == "VBG" and verb in said.ancestors


def _when_it(doc: Doc, time_clause: int, clause: int) -> bool:
    """'Last month, when Song announced that …, fans praised her': the words of a clause
    of the same moment were said at the time of the clause it hangs on."""
    said = doc[clause]
    return said.dep_ == "advcl" and said.head.i == time_clause and _of_the_same_moment(said)


def _dates_occasion_of(doc: Doc, clause: int, offset: int) -> bool:
    """The time at `offset` dates what the words of `clause` were said in ("In a press
    statement issued Monday, Loen said …"), not something they tell of."""
    anchor = _speech_anchor(doc, offset)
    if anchor is None or clause < 0 or anchor.pos_ in {"VERB", "AUX"}:
        return False
    if doc[clause] in anchor.ancestors:
        return True
    # "In a statement issued Monday, Loen said it would seek legal action": what the
    # words say is done, it was said then
    verb = next((a for a in anchor.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return (
        verb is not None and verb.lemma_.lower() in SPEECH_VERBS and verb in doc[clause].ancestors
    )


def _conjoined(first: Token, second: Token) -> bool:
    """'Kim met and married Lee on Sunday': verbs of one coordination share its time."""
    return (first.head.i == second.i and first.dep_ == "conj") or (
        second.head.i == first.i and second.dep_ == "conj"
    )


def _aside(context: Context, at: int, offset: int) -> bool:
    """The character at `at` sits in a clause about someone or something else than the
    trigger at `offset` ("Kim, discharged in July last year, will star …"); but not in
    one that dates an occasion ("the awards, held on Thursday"): what happens there
    happens then."""
    doc = context.doc
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    trigger = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or trigger is None:
        return False
    token, target = span.root, trigger.root
    while token.head.i != token.i:
        if token.dep_ in {"acl", "relcl", "appos"}:
            if _dates_occasion(context, token):
                return False
            return not (token.left_edge.i <= target.i <= token.right_edge.i)
        token = token.head
    return False


def _describes(context: Context, time: TimeMention) -> bool:
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
    if token.head.lemma_.lower() in _OCCASIONS:
        return False  # "in a 1993 interview": when it was said
    return token.dep_ in {"compound", "nummod", "amod", "nmod"} and token.head.pos_ in {
        "NOUN",
        "PROPN",
    }


# What says a statement was made before the day of the report.
_EARLIER = re.compile(
    r"\b(?:previously|earlier(?! (?:in the day|today|this (?:morning|afternoon|evening)))|"
    r"in the past|once|already|(?:in|at|during) a recent|(?:a|the) (?:court|jury) (?:has )?heard|"
    r"(?:(?:has|have) (?:long|often|repeatedly|always|also|continuously|consistently|"
    r"persistently)|had(?: long| often| repeatedly| always| also)?|recently) "
    r"(?:said|told|stated|written|claimed|maintained|denied|insisted|argued|testified))\b",
    re.I,
)
# What speech happens at or by: "at a press conference on Monday", "said Friday".
_OCCASIONS = SPEECH_VERBS | frozenset(
    "conference statement release interview announcement speech briefing showcase post".split()
)


def _mentions_entity(context: Context, start: int, end: int, entity: str) -> bool:
    """The text between `start` and `end` names the entity, or points back to it."""
    named = any(m.entity == entity for m in context.mentions_starting(start, end))
    referents = context.discourse.referents if context.discourse else {}
    return named or any(
        m is not None and m.entity == entity and start <= context.doc[i].idx < end
        for i, m in referents.items()
    )


def _told_in_past(doc: Doc, offset: int) -> bool:
    """The clause at `offset` tells of a time before its telling: 'dated', 'had been
    dating' (not 'has filed', 'is dating')."""
    clause = _clause_of(doc, offset)
    if clause < 0:
        return False
    verb = doc[clause]
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return "had" in auxiliaries or (verb.tag_ == "VBD" and not auxiliaries)


def _dates_speech(doc: Doc, offset: int) -> bool:
    """The time at `offset` is when something was said: it hangs on a speech verb or on
    the occasion of one."""
    return _speech_anchor(doc, offset) is not None


def _dates_gathering(doc: Doc, offset: int) -> bool:
    """The time at `offset` is of an occasion where several may speak: 'at a press
    conference Thursday', 'At the briefing on Monday, the cast spoke'; not 'Kim said
    Friday', the day of one speaker's words."""
    anchor = _speech_anchor(doc, offset)
    if anchor is None:
        return False
    if anchor.pos_ not in {"VERB", "AUX"}:
        return True
    return any(
        g.lemma_.lower() in _GATHERINGS
        for c in anchor.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    )


_GATHERINGS = frozenset(
    "conference interview briefing showcase meeting event ceremony rally hearing "
    "concert gig festival premiere call night gala forum session party".split()
)


def _speech_anchor(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(4):
        if token is None or token.head.i == token.i:
            return None
        token = token.head
        lemma = token.lemma_.lower()
        if lemma in SPEECH_VERBS or (lemma in _OCCASIONS and token.pos_ != "VERB"):
            return token  # "said Monday", "a press release on Monday"; not "released on"
        if token.dep_ == "acl" and token.head.lemma_.lower() in _OCCASIONS:
            continue  # "a press statement issued Monday": the statement's day
        if token.pos_ in {"VERB", "AUX"}:
            return None  # the time of another clause: "said that she signed in 2019"
    return None


def _occasion_time(context: Context, index: int, speaker: str, offset: int) -> TimeValue:
    """When something was said whose clause gives no time: the time a sentence or two
    before gives the same speaker's words ("At a press conference on Monday, Kim said
    …"; "'…,' she added"), else the day of the report, unless the words say it was said
    before."""
    start, end = context.sentences[index]
    # words said at an occasion of their own ("At a farewell meeting, Kim told
    # reporters …", "… Yun told The Korea Herald") borrow no other occasion's day
    own = _own_occasion(context.doc, offset)
    for back in range(index - 1, max(index - 3, -1), -1):
        first, last = context.sentences[back]
        said_then = [
            t
            for t in context.times
            if first <= t.start
            and t.end <= last
            and _dates_speech(context.doc, t.start)
            and _not_after(context, t)
        ]
        if said_then and not own and _mentions_entity(context, first, last, speaker):
            return said_then[-1].time
    if _EARLIER.search(_telling(context, start, end, offset)):
        return TimeValue.unknown()
    if (named := named_occasion(context, index)) is not None:
        return named
    if not own and (occasion := _the_occasion(context, start, speaker)) is not None:
        return occasion
    if not own and (gathering := _gathering_day(context, index, speaker)) is not None:
        return gathering
    if _told_in_past(context.doc, offset) and (day := _news_day(context)) is not None:
        return day
    published = context.document.published
    return TimeValue(published.value, published.precision, None)


# Days before its report the day an article's news happened may be: a report from Los
# Angeles on Monday comes out in London on Tuesday (a weekend's news on Monday may
# carry Monday's words).
_NEWS_DAYS_BEFORE = 1


def _news_day(context: Context) -> TimeValue | None:
    """The day of the article's news, when its opening sentences date it a day or two
    before the report ("Dr Murray was charged on Monday", published on Tuesday): what
    it tells was said then, not on the day it was printed."""
    published = context.document.published
    if published.precision != "day" or not published.value or not context.sentences:
        return None
    lead_end = context.sentences[min(1, len(context.sentences) - 1)][1]
    for time in context.times:
        if time.start >= lead_end:
            break
        value = time.time.value
        if time.time.precision == "day" and value:
            before = (first_day(published.value) - first_day(value)).days
            if 1 <= before <= _NEWS_DAYS_BEFORE:
                return time.time
    return None


def _own_occasion(doc: Doc, offset: int) -> bool:
    """The verb of saying at `offset` names where it was said ("at a farewell meeting",
    "in an interview") or tells an organisation ("told The Korea Herald")."""
    verb = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if verb is None:
        return False
    trigger = verb.root
    telling = trigger.lemma_.lower() == "tell"
    return any(
        (
            child.dep_ == "prep"
            and child.lower_ in {"at", "in", "during"}
            and any(g.lemma_.lower() in _GATHERINGS for g in child.children)
        )
        or (
            telling
            and child.dep_ in {"dobj", "dative"}
            and (child.ent_type_ == "ORG" or child.lower_ in {"reporters", "journalists"})
        )
        for child in trigger.children
    )


def _not_after(context: Context, time: TimeMention) -> bool:
    """The time is not after the report: a planned occasion dates no words said."""
    return against_report(context, time.time) <= 0


def against_report(context: Context, time: TimeValue) -> int:
    """1 for a time after the report's day, -1 for one before it, 0 for the same (at
    the precision both have) or either unknown."""
    published, value = context.document.published.value, time.value
    if not published or not value:
        return 0
    value, published = value[: len(published)], published[: len(value)]
    return (value > published) - (value < published)


def _telling(context: Context, start: int, end: int, offset: int) -> str:
    """The sentence without the words it quotes, nor the adverbs of the clause its verb
    of saying at `offset` governs: "in the past" or "had already been ruled" there says
    nothing of when the words were said."""
    sentence = context.doc.char_span(start, end, alignment_mode="expand")
    verb = context.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if sentence is None or verb is None:
        return context.document.text[start:end]
    said = quoted_tokens(sentence) | {
        t.i
        for c in verb.root.children
        if c.dep_ in {"ccomp", "xcomp"}
        for t in c.subtree
        if t.dep_ == "advmod"
    }
    return " ".join(t.text for t in sentence if t.i not in said)


def named_occasion(context: Context, index: int, *, said: bool = True) -> TimeValue | None:
    """'… said during her speech at the rally': the day of the rally the article dated
    before ('participated in a rally in Oakland on Saturday'); 'lined up to perform at
    the gig': the gig's ('The gig takes place … on 8 October'), which may be to come
    for what is not `said`."""
    start, end = context.sentences[index]
    sentence = context.doc.char_span(start, end, alignment_mode="expand")
    nouns = {
        t.lemma_.lower()
        for t in sentence or ()
        if t.lemma_.lower() in _GATHERINGS and any(c.lower_ == "the" for c in t.children)
    }
    if not nouns:
        return None
    for back in range(index - 1, -1, -1):
        first, last = context.sentences[back]
        earlier = context.doc.char_span(first, last, alignment_mode="expand")
        if earlier is None or not nouns & {t.lemma_.lower() for t in earlier}:
            continue
        days = [t for t in context.times if first <= t.start and t.end <= last]
        days = [
            t for t in days if t.time.precision == "day" and (not said or _not_after(context, t))
        ]
        return days[-1].time if days else None
    return None


# Gatherings that are an article's occasion: what is said after one is said there (not
# an interview, a briefing, a call or a night, which need not be the speaker's).
_LOOSE_GATHERINGS = frozenset("interview briefing call night session party hearing event".split())
_EVENTS = (_GATHERINGS - _LOOSE_GATHERINGS) | {"screening"}


def _gathering_day(context: Context, index: int, speaker: str) -> TimeValue | None:
    """'Baek held a fan meeting in Tokyo on Sunday. … “…,” Baek said': the words were
    said there, on its day, when the article dated one gathering of the speaker's
    before them, and only one."""
    if context.gatherings is None:
        context.gatherings = list(_dated_gatherings(context))
    before = context.sentences[index][0]
    days: set[str | None] = set()
    found: TimeValue | None = None
    for first, last, dated in context.gatherings:
        if first < before and _mentions_entity(context, first, last, speaker):
            days.update(t.time.value for t in dated)
            found = dated[-1].time
    return found if len(days) == 1 else None


def _dated_gatherings(context: Context) -> Iterator[tuple[int, int, list[TimeMention]]]:
    """The sentences that name a gathering, each with the days it gives."""
    for first, last in context.sentences:
        sentence = context.doc.char_span(first, last, alignment_mode="expand")
        if sentence is None or not any(t.lemma_.lower() in _EVENTS for t in sentence):
            continue
        dated = [
            t
            for t in context.times
            if first <= t.start < last and t.time.precision == "day" and _not_after(context, t)
        ]
        if dated:
            yield first, last, dated


def _the_occasion(context: Context, before: int, speaker: str) -> TimeValue | None:
    """When the article said its speakers spoke, before `before`: the one day it gave,
    of an occasion ("At the press conference Monday, …" then quote after quote), or
    else the last day it gave the same speaker's words."""
    said_then = [
        t
        for t in context.times
        if t.end <= before
        and t.time.precision == "day"
        and _dates_speech(context.doc, t.start)
        and _not_after(context, t)
    ]
    gathered = [t for t in said_then if _dates_gathering(context.doc, t.start)]
    if gathered and len({t.time.value for t in said_then}) == 1:
        return said_then[-1].time
    for time in reversed(said_then):
        index = next(i for i, (s, e) in enumerate(context.sentences) if s <= time.start < e)
        first, last = context.sentences[index]
        if _mentions_entity(context, first, last, speaker):
            return time.time
    return None


def time_near(
    context: Context, index: int, offset: int, *, said_by: str | None = None
) -> TimeValue:
    """The time expression of the sentence nearest `offset`; in a sentence that says
    it happened right after the one before ('after this post'), that one's time. What
    was said (`said_by` a speaker) is dated by a time of its own clause, else by its
    occasion or report."""
    start, end = context.sentences[index]
    inside = [
        t
        for t in context.times
        if start <= t.start
        and t.end <= end
        and not _describes(context, t)
        and not _aside(context, t.start, offset)
    ]
    clause = _clause_of(context.doc, offset)
    if said_by is not None:
        verb_end = _word_end(context, offset)
        own = [
            t
            for t in inside
            if (at := _clause_of(context.doc, t.start)) == clause
            or (at >= 0 and clause >= 0 and _said_then(context.doc, at, clause))
            or (at >= 0 and clause >= 0 and _when_it(context.doc, at, clause))
            or _dates_occasion_of(context.doc, clause, t.start)
            or _RIGHT_AFTER.match(context.document.text[verb_end : t.start])
        ]
        if own:
            return min(own, key=lambda t: abs(t.start - offset)).time
        return _occasion_time(context, index, said_by, offset)
    before_it = _happened_before(context.doc, offset)
    if before_it is not None:
        # "following the release of its album, Epik High will hold concerts on Nov. 3":
        # the release is before the concerts, and not of their day
        inside = [t for t in inside if before_it[0] <= t.start and t.end <= before_it[1]]
    # "… that he dated her, a law firm said Thursday": the day it was said, not of what
    # was said, unless what was said is of that day ("said Thursday it has filed …")
    inside = [
        t
        for t in inside
        if not _of_another_clause(context, _clause_of(context.doc, t.start), clause)
    ]
    if _told_in_past(context.doc, offset):
        inside = [
            t
            for t in inside
            if _clause_of(context.doc, t.start) == clause or not _dates_speech(context.doc, t.start)
        ]
    if inside:
        return min(
            inside,
            key=lambda t: (_clause_of(context.doc, t.start) != clause, abs(t.start - offset)),
        ).time
    if _SAME_TIME.search(context.document.text[start:end]):
        # the time the sentence named before it ("denied it in March 2024 … with the
        # drama airing at the time"), else the last of the three sentences before; not
        # a time that describes someone ("who was born in July 2000")
        window = context.sentences[max(index - 3, 0)][0]
        before = [
            t
            for t in context.times
            if window <= t.start and t.end <= offset and not _describes(context, t)
        ]
        here = [t for t in before if t.start >= start]
        if here:
            return here[-1].time
        if before:  # the most precise, then the last
            best = max(range(len(before)), key=lambda i: (_RANK[before[i].time.precision], i))
            return before[best].time
    return TimeValue.unknown()


def _happened_before(doc: Doc, offset: int) -> tuple[int, int] | None:
    """The characters of 'following …', 'after …' when the trigger at `offset` is what
    that phrase names: it happened before its clause."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in PAST_PREPOSITIONS:
        return None
    phrase = span.root.head
    return phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)


# "“My Mister” (2018)", "since “Dream High” in 2011", "the 2010 film “The Man from
# Nowhere”": the year of a work
_YEAR_AFTER = re.compile(r"^[”\"’',]*\s*(?:\(|in\s+)((?:19|20)\d\d)\b")
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)(?:\s+[a-zA-Z-]+){1,3}\s*[,“\"‘']?\s*$")


def work_year(context: Context, work: Mention) -> TimeValue:
    """The year the text gives a work where it names it, else unknown: the time of
    its casting, release or debut when the sentence gives no other."""
    text = context.document.text
    after = _YEAR_AFTER.match(text[work.end : work.end + 12])
    before = _YEAR_BEFORE.search(text[max(work.start - 40, 0) : work.start])
    found = after or before
    return TimeValue(found.group(1), "year", found.group(1)) if found else TimeValue.unknown()
