"""Reading a document's sentences for events: the triggers of each event type (words
and phrases of `eventtypes`; none inside a name, no speech verb inside a quote), what a
negated trigger means, and which reader a trigger goes to. A later denial by a partner
turns an earlier rumoured affair or romance denied ("has since refuted such rumors"),
and one document reports each event once."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from storyline.analyse.annotate import PLATFORMS
from storyline.analyse.annotate.cues import LISTING_ENTRY
from storyline.analyse.events.build import make_event
from storyline.analyse.events.context import Context, sentence_mentions
from storyline.analyse.events.dating import date_from_document
from storyline.analyse.events.forms import (
    births,
    cast_list,
    characters,
    joint_works,
    listing_releases,
    played_by,
    role_in,
    star_of,
)
from storyline.analyse.events.makers import with_maker
from storyline.analyse.events.participants import (
    RESPECTIVELY,
    agency_speaks_for_artist,
    person_then_org,
    referent,
    role_entities,
    winners,
    with_second,
)
from storyline.analyse.eventtypes import ACTORS, EVENT_TYPES, READINGS, EventType
from storyline.analyse.quotes import QUOTE, quoted_tokens
from storyline.analyse.resolve.discourse import read_discourse
from storyline.analyse.summaries import summarise
from storyline.analyse.times import find_times
from storyline.models import Document, Event, EventTypeName, Mention, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from storyline.analyse.annotate import Annotation


# Every type a trigger reads, in the registry's order; reported speech is the last.
RULES: tuple[EventType, ...] = tuple(t for t in READINGS if t.triggered)
SPEECH = EVENT_TYPES["speech.statement"]
_SILENCE_WORDS = re.compile(r"\b(?:interact\w*|lik\w+|comment\w*)\b", re.I)


def extract_events(
    document: Document,
    annotation: Annotation,
    mentions: Sequence[Mention],
    names: Mapping[str, str],
) -> list[Event]:
    """The events of one document. `mentions` carry their resolved entity ids, `names`
    each entity's name (for summaries)."""
    doc = annotation.doc
    if doc is None or is_listing(document.text):
        return []
    context = Context(
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
    context.discourse, _ = read_discourse(
        doc, [start for start, _ in context.sentences], context.mentions, document.title
    )
    context.by_token = context.discourse.by_token
    context.characters = characters(context)
    context.entries = list(LISTING_ENTRY.finditer(document.text))
    found: list[Event] = []
    for index, (start, end) in enumerate(context.sentences):
        sentence = doc.char_span(start, end, alignment_mode="expand")
        if sentence is not None:
            found.extend(_sentence_events(context, index, sentence))
    _spread_denials(context, found)
    date_from_document(context, found)
    return _merged(found)


# What "support" is with these before it: "child support", "life support", "tech support"
_SUPPORT_OF_THINGS = frozenset(
    "child life back technical tech customer air income military".split()
)
# "7.00-11.00 pm BBC RADIO 2": a clock time, as schedules print them
_CLOCK = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:-\s*\d{1,2}[.:]\d{2}\s*)?(?:am|pm)\b", re.I)
LISTING_CLOCKS = 5


def is_listing(text: str) -> bool:
    """A programme listing or a schedule, not a report: items at clock times, each
    telling what a show is about ("Alan Green takes calls …"). Nothing in it happened
    the way news says things happen, so it gives no events."""
    return len(_CLOCK.findall(text)) >= LISTING_CLOCKS


def _sentence_events(context: Context, index: int, sentence: Span) -> Iterator[Event]:
    text = sentence.text.lower()
    players = _players(context, sentence)
    seen: dict[tuple[str, tuple[str, ...]], Event] = {}
    read = (
        event
        for rule, trigger in _triggers(sentence, text, named=context.by_token.keys())
        for event in _events_of(context, index, sentence, rule, trigger)
    )
    for event in chain(
        read,
        births(context, index, sentence),
        joint_works(context, index, sentence),
        played_by(context, index, sentence),
        listing_releases(context, index, sentence),
    ):
        key = (event.type, tuple(p.entity for p in event.participants))
        # a character's doings are the story's, not news: "Goo Chan-sung (Yeo Jin-goo)",
        # "until he meets Chae-ok (Han So-hee)"
        fictional = event.type != "career.cast" and any(
            p.entity in context.characters or p.entity in players for p in event.participants
        )
        if fictional:
            continue
        # the same event read off two words of the sentence: the reading that dates it
        # ("After winning trophies …, BTS picked up the prizes at MAMA, held Sunday")
        if key not in seen or (_explicit(event.time) and not _explicit(seen[key].time)):
            seen[key] = event
    yield from seen.values()


def _players(context: Context, sentence: Span) -> set[str | None]:
    """The people a sentence names in parentheses after a name: who plays the
    character ('Chae-ok (Han So-hee)'), in a sentence of the story."""
    text = context.document.text
    return {
        m.entity
        for m in sentence_mentions(context, sentence)
        if m.type == "person"
        and text[m.start - 1 : m.start] == "("
        and text[m.end : m.end + 1] == ")"
        and _CAPITALISED_BEFORE.search(text[max(m.start - 30, 0) : m.start - 1])
    }


_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*$")


def _triggers(
    sentence: Span, lowered: str, named: Collection[int]
) -> Iterator[tuple[EventType, Token]]:
    """Trigger words and phrases; none inside a name ("Die Bad" is a film) and no
    speech verbs inside a quote ("It says that …," Cha said: the speaker is Cha)."""
    quoted = quoted_tokens(sentence)
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


_REFUSALS = frozenset({"decline", "refuse", "fail"})
_REPORT_NOUNS = frozenset(
    "rumor rumour rumors rumours allegation allegations report reports scandal speculation "
    "claim claims news".split()
)


def _done(verb: Token) -> bool:
    """A verb in a past tense of its own: 'sued', 'has been sued'; not 'will sue',
    'threatened to sue', 'would have sued'."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ in {"VBD", "VBN"} and not auxiliaries & _NOT_DONE


_NOT_DONE = frozenset({"will", "would", "could", "might", "may", "should", "to"})


def _negated(trigger: Token) -> bool:
    heads = [trigger, *([trigger.head] if trigger.dep_ in {"xcomp", "conj", "dobj"} else [])]
    return any(
        child.dep_ == "neg" or child.lower_ in {"never", "not", "n't"}
        for head in heads
        for child in head.children
    )


def _events_of(
    context: Context, index: int, sentence: Span, rule: EventType, trigger: Token
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
    if rule is SPEECH and (not _is_speech(context, sentence, trigger) or _reported(trigger)):
        return
    if type_ == "speech.legal_action" and trigger.lemma_.lower() == "sue" and _done(trigger):
        if any(c.dep_ == "auxpass" for c in trigger.children):
            return  # "IU was sued": a suit against her, by someone the roles cannot hold
        # "sued the YouTuber": a suit filed, not one threatened
        type_, rule = "legal.complaint", EVENT_TYPES["legal.complaint"]
    if type_ == "career.release" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _NO_RELEASES for c in trigger.children
    ):
        return  # "released a statement", "released teaser images": no work came out
    if type_ == "career.debut" and _debut_in_part(trigger):
        return  # "made their Hollywood debuts", "her acting debut": not the debut
    if type_ == "career.cast" and _guest_on(trigger):
        return  # "appeared on CNN program Newsroom": a guest, not cast
    if type_ == "bio.died" and _in_passing(trigger):
        return  # "on the day he died", "when he died": a death told in passing
    if type_ == "speech.denial" and any(c.dep_ == "auxpass" for c in trigger.children):
        return  # "he was denied bail", "narrowly denied a top-10 entry": refused, no denial
    if type_ == "career.cast" and trigger.pos_ == "NOUN":
        form = role_in if trigger.lemma_.lower() == "role" else star_of
        yield from form(context, index, sentence, trigger)
        return
    if type_ == "career.cast" and trigger.dep_ in {"acl", "advcl"}:
        yield from cast_list(context, index, sentence, trigger)
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
    if type_ == "social.like" and any(
        c.lower_ in {"would", "'d", "’d"} or c.dep_ in {"xcomp", "ccomp"} for c in trigger.children
    ):
        return  # "would like some information", "likes to sing": a wish, no like
    if type_ == "social.post" and any(
        c.dep_ == "ccomp"
        or (c.dep_ == "dobj" and (c.like_num or {c.lower_, c.lemma_.lower()} & _NO_POSTS))
        for c in trigger.children
    ):
        return  # "shared what it was like", "posted 6.3 percent", "posted record earnings"
    if (
        (type_ == "social.post" and trigger.lemma_.lower() in _WEAK_POSTS)
        or (type_ == "social.comment" and trigger.pos_ in {"VERB", "NOUN"})
    ) and not _ONLINE.search(sentence.text):
        return  # "to share his personal story", "published in a journal", "he replied"
    if (
        rule.group == "personal"
        and trigger.pos_ == "NOUN"
        and trigger.dep_ == "dobj"
        and trigger.head.lemma_ in _RECEIVING
    ):
        return  # "received support from fans": the one who gives it is not named
    if type_ == "personal.support" and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in _SUPPORT_OF_THINGS for c in trigger.children
    ):
        return  # "unpaid child support", "on life support": money or a machine, no backing
    if type_ == "career.concert" and trigger.pos_ == "NOUN" and not _staged(trigger):
        return  # "tickets for his concert next month": a concert named, none reported
    if type_ == "career.award" and not rule.winners_after_to and _gives_to(trigger):
        return  # "the Grand Prize was awarded to Song": who won is after "to"
    # partners only from the parse: "rumors of an affair" names nobody
    if rule.winners_after_to:
        firsts = winners(context, sentence, trigger, rule.first)
    else:
        firsts = role_entities(
            context, sentence, trigger, rule.first, subject=True, fallback=not rule.symmetric
        )
    if rule is SPEECH:
        firsts = [m for m in firsts if m.entity not in _named_in_words(context, trigger)]
    of_work = rule.first == frozenset({"work"})
    if not firsts:
        return
    if of_work:
        # "“Our Sunhi” and “Moebius” are set to be released": each of them
        groups = [[(rule.roles[0], m)] for m in firsts]
    elif len(rule.roles) == 1:
        groups = [[(rule.roles[0], m)] for m in firsts[:1]]
    else:
        groups = list(with_second(context, sentence, trigger, rule, firsts))
    times = _respective_times(context, sentence, len(groups))
    for number, participants in enumerate(groups):
        if rule is SPEECH and _of_the_press(context, participants[0][1]):
            continue  # "says the BBC's Rajesh Mirchandani": the report's own analysis
        if EVENT_TYPES[type_].for_artist:
            participants = agency_speaks_for_artist(context, sentence, participants)
        if rule.made_by:
            participants = with_maker(context, participants)
        if rule.person_and_org:
            participants = person_then_org(participants)
        # a work that wins is no person: "“My Love from the Star” won the top prize"
        participants = [
            ("work" if role == "person" and m.type == "work" else role, m)
            for role, m in participants
        ]
        event = make_event(context, index, sentence, type_, trigger, participants)
        yield replace(event, time=times[number]) if times else event


def _respective_times(context: Context, sentence: Span, count: int) -> list[TimeValue]:
    """'released “A” and “B” in November 2022 and April 2023, respectively': as many
    times as events, each the time of the one listed in the same place."""
    if count < 2 or not RESPECTIVELY.search(sentence.text):
        return []
    times = [t.time for t in context.times if sentence.start_char <= t.start < sentence.end_char]
    return times if len(times) == count else []


_SPEECH_NOUNS = re.compile(
    r"\b(?:statement|press release|interview|announcement|blog|told reporters)\b", re.I
)


# What a company or a chart "posts" or "shares" is no post: "posted record earnings".
_NO_POSTS = frozenset(
    "percent screen space stage profit profits loss losses earnings revenue revenues sales "
    "record growth gain gains decline increase rise result results figure figures rating "
    "ratings view views".split()
)
# What is released that is no work: "released a statement", "released teaser images".
_NO_RELEASES = frozenset(
    "statement image photo picture poster teaser schedule lineup list apology report "
    "detail figure data footage result".split()
)
# Verbs that mean a post only online: one shares a story, publishes in a journal.
_WEAK_POSTS = frozenset({"share", "publish"})
_ONLINE = re.compile(
    r"\b(?:instagram|twitter|tiktok|youtube|weverse|facebook|threads|bubble|x\.com|"
    r"social media|sns|online|account|blog|vlog|fan ?cafe|website|homepage|photos?|"
    r"videos?|pictures?|images?|selfies?|clips?|posts?|snaps?|footage)\b",
    re.I,
)
# Verbs whose subject gets what the noun after them gives: "received support".
_RECEIVING = frozenset("receive get earn gain garner draw enjoy".split())


# Verbs that report a concert: one holds, stages or wraps it up; it is held or ends.
_STAGING = frozenset(
    "hold stage give host headline play perform wrap finish end open kick begin start "
    "launch close".split()
)


def _named_in_words(context: Context, trigger: Token) -> set[str | None]:
    """Who the words said name, by name or as "the" noun ("YG announced that Nam will
    pause …, claiming the young singer is ill"): not who says them; a pronoun may be.
    The words are quoted or follow the verb: before it, unquoted, is the telling ("Han,
    who starred in the Netflix hit “X,” said", however the parser took it)."""
    quoted = quoted_tokens(trigger.sent)
    words = (
        t
        for c in trigger.children
        if c.dep_ in {"ccomp", "xcomp"}
        for t in c.subtree
        if t.i > trigger.i or t.i in quoted
    )
    return {
        m.entity for t in words if (m := context.mention_of(t) or _the_noun(context, t)) is not None
    }


def _the_noun(context: Context, token: Token) -> Mention | None:
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
        return None
    return referent(context, token, ACTORS)


def _staged(concert: Token) -> bool:
    """'held her concert', 'the concert was held', 'stage a series of concerts'."""
    if concert.dep_ == "pobj" and concert.head.lower_ == "of":
        concert = concert.head.head  # "a series of concerts", "a string of concerts"
    return concert.dep_ in {"dobj", "nsubjpass", "nsubj"} and concert.head.lemma_ in _STAGING


def _gives_to(trigger: Token) -> bool:
    return any(c.dep_ in {"prep", "dative"} and c.lower_ == "to" for c in trigger.children)


def _reported(trigger: Token) -> bool:
    """'Katherine Jackson contends that AEG told her son …': what someone is said to have
    said is the outer speaker's statement, not one of its own."""
    head = trigger
    for _ in range(3):
        if head.dep_ not in {"ccomp", "xcomp", "conj"} or head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in _SAYING:
            return True
    return False


# Verbs of claiming whose words are a statement of their own.
_SAYING = SPEECH.lemmas | frozenset("contend allege argue insist maintain assert testify".split())


_JOURNALISTS = frozenset("reporter correspondent editor journalist columnist".split())


def _of_the_press(context: Context, speaker: Mention) -> bool:
    """The speaker writes the news: the document's author, a person the text calls a
    reporter or correspondent, or one its outlet owns ('the BBC's Rajesh Mirchandani')."""
    if speaker.type != "person":
        return False
    if context.document.author and speaker.text in context.document.author:
        return True
    discourse = context.discourse
    if (
        discourse is not None
        and discourse.described.get(speaker.entity or "", set()) & _JOURNALISTS
    ):
        return True
    outlet = (context.document.outlet or urlsplit(context.document.url or "").netloc).lower()
    span = context.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    owners = [c for c in span.root.children if c.dep_ == "poss"] if span is not None else []
    return any((outlet and o.text.lower() in outlet) or _PRESS.search(o.text) for o in owners)


# Names of the press: "the BBC's Peter Bowes", "Yonhap's correspondent".
_PRESS = re.compile(r"^(?:BBC|CNN|NBC|ABC|CBS|Reuters|AP|AFP|Yonhap|Newsbeat)$")


def _debut_in_part(trigger: Token) -> bool:
    """'their Hollywood debuts', 'her acting debut', 'his solo debut': a first time in
    one field or market, not the career's start (but 'her official debut' is it)."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound", "nmod"} and c.lower_ not in _WHOLE_DEBUT
        for c in trigger.children
    )


_WHOLE_DEBUT = frozenset("official first formal long-awaited highly-anticipated".split())


def _guest_on(trigger: Token) -> bool:
    """'appeared on the radio program …': one appears in a film, on a show as a guest."""
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    return trigger.lemma_.lower() == "appear" and "on" in preps and "in" not in preps


# Words that make a clause the time of another: "when he died", "the day he died".
_WHEN_WORDS = frozenset("when before after since until as while once".split())
_TIME_NOUNS = frozenset("day night time moment morning evening week month year hours".split())


def _in_passing(trigger: Token) -> bool:
    """The event is the time of another, not news of its own: a clause that says when
    ('when he died', 'before he died') or which day ('the day he died')."""
    if any(c.lower_ in _WHEN_WORDS for c in trigger.children if c.dep_ in {"mark", "advmod"}):
        return True
    if trigger.left_edge.lower_ in _WHEN_WORDS and trigger.dep_ in {"advcl", "relcl", "pcomp"}:
        return True
    return trigger.dep_ in {"relcl", "acl"} and trigger.head.lemma_.lower() in _TIME_NOUNS


def _is_speech(context: Context, sentence: Span, trigger: Token) -> bool:
    """Reported speech: a quote (three words or more: not a title), a statement or
    interview, or 'said that …'. 'Shared', 'wrote' and 'claimed' need the quote or the
    clause ('claimed the 15th spot' is no speech)."""
    titles = {m.text for m in sentence_mentions(context, sentence) if m.type == "work"}
    quotes = [
        q
        for q in QUOTE.findall(sentence.text)
        if len(q.split()) >= 3 and q.strip(" ,.") not in titles  # "The Red Shoes" is a song
    ]
    clause = any(c.dep_ in {"ccomp", "parataxis"} for c in trigger.children)
    if trigger.lemma_.lower() in {"share", "write", "express", "reveal", "add", "claim"}:
        return clause or (bool(quotes) and trigger.dep_ in {"ROOT", "parataxis", "ccomp"})
    return bool(quotes or clause or _SPEECH_NOUNS.search(sentence.text))


def _spread_denials(context: Context, events: list[Event]) -> None:
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


def _merged(events: list[Event]) -> list[Event]:
    """One event per type and participants in a document, when times agree; and one
    statement per speaker and occasion ("…,” Nam said" after "Eric Nam wrote on
    Saturday …" is the same words), about all they spoke of."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        if not _explicit(same.time) and _explicit(event.time):
            same.time = event.time
        if event.evidence[0] not in same.evidence:
            same.evidence = (*same.evidence, event.evidence[0])
        known = {(p.role, p.entity) for p in same.participants}
        same.participants += tuple(p for p in event.participants if (p.role, p.entity) not in known)
        same.summary = summarise(same.type, same.participants, same.modality)
        same.quote = same.quote or event.quote
    return kept


def _explicit(time: TimeValue) -> bool:
    """A time the words give, not one taken from the day of the report."""
    return time.value is not None and time.text is not None


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if EVENT_TYPES[a.type].modality == "said":
        if a.participants[0].entity != b.participants[0].entity:
            return False
    elif {(p.role, p.entity) for p in a.participants} != {
        (p.role, p.entity) for p in b.participants
    }:
        return False
    return not (_explicit(a.time) and _explicit(b.time)) or a.time.value == b.time.value
