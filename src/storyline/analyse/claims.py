"""Claims: the relations single sentences state outright, read at analysis time ("Kim
Soo-hyun's agency, Gold Medalist", "Ryu Jun-yeol's ex-lover, Hyeri", "directed by Shim
Na-yeon"), each with its sentence as evidence. Mentions are masked as ⟦n⟧ so that one
pattern reads any name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from storyline.analyse.modality import DENIED, RUMOURED
from storyline.models import Claim, Document, Evidence, Mention, Modality, Sentence

_M = r"⟦(\d+)⟧"
_CLOSE = r"[”\"’']?,?[”\"’']?"  # after a title: “Glass Garden,” directed by
_OPEN = r"[“\"‘']?"  # before a title: Kim's thriller “The Terror Live”
_POSS = r"['’]s?"
_YEAR = r"(?:\s*\((?:19|20)\d\d\))?"  # “Wish (2013)”
# what may describe a name after "by" or "of": "by well-known Korean comedian ⟦1⟧"
_WORDS = r"(?:[^\s⟦]+\s+){0,4}?"
# "vocalist Lee Su-hyun", "Super Junior's leader": a part in a band
_MEMBER = (
    r"(?:member|leader|bandmate|(?:lead\s+|main\s+)?vocalist|rapper|guitarist|drummer|"
    r"bassist|keyboardist|frontman|frontwoman|maknae)"
)
_BAND = r"(?:(?:[\w-]+\s+){0,2}?(?:boy\s+band|girl\s+group|group|band|duo|trio)\s+)"
# a broadcaster's drama is not its actor's group: "actor Cho of KBS 1TV drama “…”",
# "Lee of Netflix’s “My Name”"
_NOT_A_WORK_OF = rf"(?!{_POSS}|\s+(?:\d?TV\s+)?(?:drama|series|show|program|film|variety|channel))"
# whose staff someone is: "Kim Say, head of HoverLab", "Kim, analyst at Shinhan"
_STAFF = (
    r"(?:head|chief|president|chairman|chairwoman|chair|CEO|founder|co-founder|"
    r"spokesperson|spokesman|spokeswoman|analyst|researcher|professor|economist|lawyer|"
    r"attorney|partner|executive|official|manager|editor|secretary)"
)
_AGENCY = r"(?:(?:former|new|current|longtime|management|talent)\s+)?(?:agency|label|management)"
_EX = (
    r"(?:ex-?(?:lover|girlfriend|boyfriend|wife|husband|partner|fianc[ée]e?)|"
    r"former\s+(?:lover|girlfriend|boyfriend|wife|husband|partner))"
)
_PARTNER = r"(?:girlfriend|boyfriend|lover|wife|husband|fianc[ée]e?)"
_WORK_NOUN = r"(?:the\s+)?(?:series|drama|film|movie|show|project|musical)"
_FRIEND = r"(?:(?:close|best|longtime|old|real-life)\s+)*friends?"

_PEOPLE = ("person",)
_WORKS = ("work",)
_GROUPS = ("org",)
_ARTISTS = ("person", "org")  # an agency represents singers and bands alike
_FILM = r"(?:(?:\d{4}|hit|new|latest|debut|upcoming|[\w-]+)\s+){0,4}?"
_FILM_NOUN = r"(?:film|movie|drama|series|comedy|thriller|feature|documentary|show)"
# The work a sentence is about: one it names, else the last one named before it.
_THIS_WORK = 0
# The work the sentence itself names: "“Cross” revolves around Kang-moo (played by Hwang)"
_WORK_HERE = -1


@dataclass(slots=True, frozen=True)
class _Pattern:
    type: str
    regex: re.Pattern[str]
    subject: int  # group of the subject's mention number
    object: int  # group of the object's, or _THIS_WORK or _WORK_HERE
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    # only for people the article calls a director ("Bong Joon-ho's 'Parasite'" is his
    # film; "Han So-hee's 'My Name'" is hers only as its star), or only for those it
    # calls no part of a crew ("scriptwriter Park of “A”" is not cast in it)
    directors_only: bool = False
    others_only: bool = False
    # each of a closed list of people ending in the subject is in it too ("Siwon,
    # Yesung and Donghae of Super Junior", "Kim and Jun, co-stars of …")
    lists_before: bool = False


def _p(
    type_: str,
    pattern: str,
    subject: int,
    object_: int,
    subject_types: tuple[str, ...],
    object_types: tuple[str, ...],
    directors_only: bool = False,
    others_only: bool = False,
    lists_before: bool | None = None,
) -> _Pattern:
    regex = re.compile(pattern, re.IGNORECASE)
    listing = type_ == "member_of" and subject == 1 if lists_before is None else lists_before
    return _Pattern(
        type_,
        regex,
        subject,
        object_,
        subject_types,
        object_types,
        directors_only,
        others_only,
        listing,
    )


_AGENCY_PHRASE = (
    rf"(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_AGENCY}|powerhouse|company)"
)
_PLAYS = (
    r"(?:who\s+)?(?:plays|played|portrays|portrayed|stars\s+as|starred\s+as|"
    r"joins\s+the\s+cast|joined\s+the\s+cast|is\s+cast\s+as|was\s+cast\s+as)"
)
_CLAIMS: list[_Pattern] = [
    _p("represents", rf"{_M}{_POSS},?\s+{_AGENCY},?\s+{_M}", 2, 1, _GROUPS, _ARTISTS),
    _p("represents", rf"{_M},\s+{_M}{_POSS}\s+{_AGENCY}", 1, 2, _GROUPS, _ARTISTS),
    _p(
        "represents",
        rf"{_M}\s+(?:is|was|has been)\s+(?:also\s+)?{_M}{_POSS}\s+{_AGENCY}",
        1,
        2,
        _GROUPS,
        _ARTISTS,
    ),
    _p("represents", rf"{_M},?\s+(?:which|that)\s+represents\s+{_M}", 1, 2, _GROUPS, _ARTISTS),
    _p(
        "represents",
        rf"{_M},?\s+{_AGENCY_PHRASE}\s+(?:representing|of|for|behind)\s+{_M}",
        1,
        2,
        _GROUPS,
        _ARTISTS,
    ),
    _p(  # "sent a coffee truck to the set of “Gyeongseong Creature” to support Han So-hee"
        "cast_in",
        rf"\bset\s+of\s+(?:the\s+(?:film|drama|series|movie|show)\s+)?{_M}\W{{0,3}}\s+"
        rf"(?:\w+\s+){{0,3}}?(?:to\s+)?(?:support|cheer(?:\s+on)?|encourage)\s+{_M}",
        2,
        1,
        _PEOPLE,
        _WORKS,
    ),
    _p(  # "Bae Doo-na, who starred in Kore-eda's 2009 film, 'Air Doll'"
        "cast_in",
        rf"{_M},?\s+who\s+(?:starred|stars|appeared|appears|played)\s+in\s+"
        rf"(?:[^⟦]{{0,20}}⟦\d+⟧(?:{_POSS})?\s+)?[^⟦]{{0,40}}?{_M}",
        1,
        2,
        _PEOPLE,
        _WORKS,
    ),
    _p("cast_in", rf"{_M},?\s+{_PLAYS}\b", 1, _THIS_WORK, _PEOPLE, _WORKS),
    # "Chae-ok (Han So-hee)": a character and who plays them, in the work at hand
    _p("cast_in", rf"⟦\d+⟧\s*\({_M}\)", 1, _THIS_WORK, _PEOPLE, _WORKS),
    _p("former_partners", rf"{_M}{_POSS},?\s+{_EX},?\s+{_M}", 1, 2, _PEOPLE, _PEOPLE),
    _p("former_partners", rf"{_M},\s+{_M}{_POSS}\s+{_EX}", 2, 1, _PEOPLE, _PEOPLE),
    _p("dating", rf"{_M}{_POSS},?\s+{_PARTNER},?\s+{_M}", 1, 2, _PEOPLE, _PEOPLE),
    _p("friends", rf"{_M}{_POSS},?\s+{_FRIEND},?\s+{_M}", 1, 2, _PEOPLE, _PEOPLE),
    _p("friends", rf"friendship\s+(?:between|of)\s+{_M}\s+and\s+{_M}", 1, 2, _PEOPLE, _PEOPLE),
    _p(
        "friends",
        rf"{_M}\s+and\s+{_M}\s+(?:are|were|have been|became)\s+{_FRIEND}",
        1,
        2,
        _PEOPLE,
        _PEOPLE,
    ),
    _p("co_stars", rf"{_M}{_POSS},?\s+co-?star,?\s+{_M}", 1, 2, _PEOPLE, _PEOPLE),
    _p("co_stars", rf"{_M}\s+and\s+{_M}\s+co-?starr?(?:ed|ing)?\b", 1, 2, _PEOPLE, _PEOPLE),
    _p(
        "directed",
        rf"{_M}{_YEAR}{_CLOSE}\s+{_WORDS}(?:directed|helmed)\s+by\s+{_WORDS}{_M}",
        2,
        1,
        _PEOPLE,
        _WORKS,
    ),
    _p("directed", rf"{_M}{_CLOSE}\s+directed\s+by\s+⟦\d+⟧\s+and\s+{_M}", 2, 1, _PEOPLE, _WORKS),
    _p("directed", rf"^\W*directed\s+by\s+{_M}", 1, _THIS_WORK, _PEOPLE, _WORKS),
    _p("directed", rf"{_M}\s+(?:directed|helmed)\s+{_M}", 1, 2, _PEOPLE, _WORKS),
    _p(
        "directed",
        rf"{_M},?\s+who\s+(?:directed|helmed)\s+[^⟦]{{0,60}}?{_M}",
        1,
        2,
        _PEOPLE,
        _WORKS,
    ),
    _p("directed", rf"{_M}{_CLOSE}\s+director,?\s+{_M}", 2, 1, _PEOPLE, _WORKS),
    _p("directed", rf"director\s+{_M}{_POSS}\s+{_M}", 1, 2, _PEOPLE, _WORKS),
    _p("directed", rf"director\s+of\s+{_M},?\s+{_M}", 2, 1, _PEOPLE, _WORKS),
    _p("directed", rf"{_M}{_POSS}\s+directorial\s+debut,?\s+{_M}", 1, 2, _PEOPLE, _WORKS),
    _p(
        "directed",
        rf"{_M}{_POSS}\s+{_FILM}(?:{_FILM_NOUN},?\s+)?{_OPEN}{_M}",
        1,
        2,
        _PEOPLE,
        _WORKS,
        directors_only=True,
    ),
    _p("directed", rf"{_M}{_CLOSE}\s+by\s+{_M}", 2, 1, _PEOPLE, _WORKS, directors_only=True),
    _p(
        "directed",
        rf"{_M}\s+of\s+(?:the\s+)?{_FILM}{_FILM_NOUN}\s+{_OPEN}{_M}",
        1,
        2,
        _PEOPLE,
        _WORKS,
        directors_only=True,
    ),
    _p(  # "actress Sandra Oh of TV series “Killing Eve”", "Lee of “Secret Door”": its star
        "cast_in",
        rf"{_M}\s+of\s+(?:⟦\d+⟧(?:{_POSS})?\s+(?=(?:\w+\s+)?{_FILM_NOUN}|{_OPEN}⟦))?"
        rf"(?:[\w'’-]+\s+){{0,4}}?[“\"‘']{_M}",
        1,
        2,
        _PEOPLE,
        _WORKS,
        others_only=True,
    ),
    _p(
        "member_of",
        rf"{_M},?\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?{_MEMBER}\s+of\s+(?:the\s+)?{_BAND}?{_M}",
        1,
        2,
        _PEOPLE,
        _GROUPS,
    ),
    _p("member_of", rf"{_M}(?:{_POSS})?\s+{_MEMBER}\s+{_M}", 2, 1, _PEOPLE, _GROUPS),
    _p(
        "member_of",
        rf"{_M}\s+of\s+(?:the\s+)?(?:{_BAND}|(?:[a-z][\w-]*\s+){{0,3}}?){_M}{_NOT_A_WORK_OF}",
        1,
        2,
        _PEOPLE,
        _GROUPS,
    ),
    _p(
        "member_of",
        rf"{_M},\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_STAFF}\s+(?:of|at)\s+"
        rf"(?:the\s+)?{_M}(?!{_POSS})",
        1,
        2,
        _PEOPLE,
        _GROUPS,
    ),
    _p(  # "Kim Soo-hyun and Jun Ji-hyun, co-stars of the TV series “My Love from the Star”"
        "cast_in",
        rf"{_M},?\s+(?:the\s+)?co-?stars\s+of\s+{_WORDS}{_OPEN}{_M}",
        1,
        2,
        _PEOPLE,
        _WORKS,
        lists_before=True,
    ),
    _p(  # "Kim, the star of the hit drama “A”", "(played by Lee)"
        "cast_in",
        rf"{_M},?\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?star\s+of\s+{_WORDS}{_OPEN}{_M}",
        1,
        2,
        _PEOPLE,
        _WORKS,
    ),
    _p("cast_in", rf"\bplayed\s+by\s+(?:the\s+late\s+)?{_M}", 1, _WORK_HERE, _PEOPLE, _WORKS),
]
# "'Decision to Leave' stars Park Hae-il and Tang Wei": everyone listed after the verb
_STARS = re.compile(rf"{_M}{_CLOSE}[^⟦]{{0,60}}?\bstar(?:s|red|ring)\b", re.IGNORECASE)
# "director Park Chan-wook", "Japanese filmmaker Hirokazu Kore-eda", "Park, the director"
_DIRECTOR_BEFORE = re.compile(r"\b(?:director|filmmaker|auteur)s?\W{0,2}\s*$", re.IGNORECASE)
_DIRECTOR_AFTER = re.compile(r"^,?\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?director\b", re.IGNORECASE)
_CREW = (
    r"(?:(?:director|filmmaker|auteur|(?:script|screen)?writer|producer|PD|composer)s?|"
    r"(?:directed|helmed|written|penned|produced)\s+by)"
)
_CREW_BEFORE = re.compile(rf"\b{_CREW}\W{{0,2}}\s*$", re.IGNORECASE)
_CREW_AFTER = re.compile(rf"^,?\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?{_CREW}\b", re.IGNORECASE)
# "the director of the series, Shim Na-yeon": the work is the one the article is about
_DIRECTOR_OF_IT = re.compile(rf"director\s+of\s+{_WORK_NOUN},?\s+{_M}", re.IGNORECASE)
# "The best director award went to Bong for “Snowpiercer”": what an award was for says
# what its winner did, by the category named last before the winner
_AWARD = re.compile(r"\b(?:awards?|prizes?|trophy|trophies|honou?rs?)\b", re.IGNORECASE)
_FOR_WORK = re.compile(
    rf"{_M}\s+for\s+(?:(?:his|her|their)\s+(?:role|performance|work)\s+in\s+)?"
    rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_OPEN}{_M}"
)
_CATEGORY = re.compile(
    r"\b(?:(?P<cast>actor|actress|acting|performance)|(?P<directed>director|directing)|"
    r"producer|screenplay|writer|script|music|score|cinematography|editing|song|singer|"
    r"artist|album)s?\b",
    re.IGNORECASE,
)
_OF_CATEGORY = {"cast": "cast_in", "directed": "directed"}
# Relations whose sentences may deny or rumour them; agencies and casts are facts.
_PERSONAL = frozenset({"dating", "friends", "former_partners"})


@dataclass(slots=True)
class _Reading:
    """One sentence with its mentions numbered in the text: "⟦0⟧'s agency, ⟦1⟧"."""

    sentence: Sentence
    named: list[Mention]
    line: str
    this_work: Mention | None


def read_claims(
    document: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> list[Claim]:
    """The relations the document's sentences state, between resolved entities."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.entity:
            by_sentence[mention.sentence].append(mention)
    claims: list[Claim] = []
    readings: list[_Reading] = []
    main_work = _most_named_work(mentions)
    last_work: Mention | None = None
    for index, sentence in enumerate(sentences):
        named = sorted(by_sentence.get(index, []), key=lambda m: (m.start, -m.end))
        claims.extend(_described_by_work(document, sentence, named))
        outer = [m for i, m in enumerate(named) if not any(o.end >= m.end for o in named[:i])]
        if "\n" in document.text[sentences[index - 1].end : sentence.start] if index else True:
            last_work = None  # a new paragraph: the work at hand is named again or the main one
        works = [m for m in outer if m.type == "work"]
        last_work = works[-1] if works else last_work
        this_work = last_work or main_work
        readings.append(_Reading(sentence, outer, _masked(document, sentence, outer), this_work))
    directors = _called(document, readings, _DIRECTOR_BEFORE, _DIRECTOR_AFTER)
    crew = _called(document, readings, _CREW_BEFORE, _CREW_AFTER)  # directors among them
    groups = _groups(document, readings)
    for reading in readings:
        claims.extend(_sentence_claims(document, reading, directors, crew))
        claims.extend(_members(document, reading, groups))
    directors |= {c.subject for c in claims if c.type == "directed"}
    for reading in readings:
        claims.extend(_sentence_claims(document, reading, directors, crew, gated=True))
    return list({(c.type, c.subject, c.object, c.evidence.start): c for c in claims}.values())


_LAST_BUT_ONE = re.compile(r"⟦(\d+)⟧,?\s+and\s+$")
_LISTED = re.compile(r"⟦(\d+)⟧,\s*$")


def _listed_before(line: str, end: int) -> list[int]:
    """The mentions a closed list names right before `end` ("⟦0⟧, ⟦1⟧ and " before ⟦2⟧),
    nearest first; none in an open one ("⟦0⟧, ⟦1⟧ of ⟦2⟧, ⟦3⟧ of ⟦4⟧"), whose items
    each say their own group."""
    found: list[int] = []
    pattern = _LAST_BUT_ONE
    while (match := pattern.search(line, 0, end)) is not None:
        found.append(int(match.group(1)))
        end, pattern = match.start(), _LISTED
    return found


_NEXT_TITLE = re.compile(
    rf"[”\"’']?(?:,[”\"’']?\s*(?:and\s+)?|\s+and\s+)(?:[\w-]+\s+){{0,3}}{_OPEN}⟦(\d+)⟧"
)


def _listed_after(line: str, start: int) -> list[int]:
    """The titles listed right after the one ending at `start` ("⟦2⟧” and “⟦3⟧")."""
    found: list[int] = []
    while (match := _NEXT_TITLE.match(line, start)) is not None:
        found.append(int(match.group(1)))
        start = match.end()
    return found


def _most_named_work(mentions: Sequence[Mention]) -> Mention | None:
    works = Counter(m.entity for m in mentions if m.type == "work" and m.entity)
    if not works:
        return None
    top = works.most_common(1)[0][0]
    return next(m for m in mentions if m.entity == top)


def _masked(document: Document, sentence: Sentence, named: list[Mention]) -> str:
    text, cursor, masked = document.text, sentence.start, []
    for k, mention in enumerate(named):
        masked.append(text[cursor : mention.start])
        masked.append(f"⟦{k}⟧")
        cursor = mention.end
    masked.append(text[cursor : sentence.end])
    return "".join(masked)


def _called(
    document: Document, readings: list[_Reading], before: re.Pattern[str], after: re.Pattern[str]
) -> set[str]:
    """The people the article calls what `before` or `after` names ("director …")."""
    found = set()
    for reading in readings:
        for mention in reading.named:
            preceding = document.text[reading.sentence.start : mention.start]
            following = document.text[mention.end : reading.sentence.end]
            if mention.type == "person" and (before.search(preceding) or after.search(following)):
                found.add(str(mention.entity))
    return found


# "K-pop boy group Super Junior", "EXO members", "AKMU vocalist": a band, not a company
_BAND_BEFORE = re.compile(r"\b(?:band|group|duo|trio)\W{0,2}$", re.IGNORECASE)
_BAND_AFTER = re.compile(rf"^(?:{_POSS})?\s+(?:members?|{_MEMBER})\b", re.IGNORECASE)
_OF_BAND = re.compile(rf"{_M}{_POSS}\s+{_M}")
_AND_THEN = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)⟦(\d+)⟧")


def _groups(document: Document, readings: list[_Reading]) -> set[str]:
    """The organisations the article calls a band or a group, or gives members."""
    found = set()
    for reading in readings:
        start, end = reading.sentence.start, reading.sentence.end
        for mention in reading.named:
            before = document.text[start : mention.start].rstrip()
            after = document.text[mention.end : end]
            if mention.type == "org" and (_BAND_BEFORE.search(before) or _BAND_AFTER.match(after)):
                found.add(str(mention.entity))
    return found


def _members(document: Document, reading: _Reading, groups: set[str]) -> Iterator[Claim]:
    """'Super Junior’s Siwon, Yesung and Donghae': a band's people, each a member."""
    line, named = reading.line, reading.named
    for match in _OF_BAND.finditer(line):
        band, first = named[int(match.group(1))], int(match.group(2))
        if band.type != "org" or band.entity not in groups:
            continue
        listed, cursor = [first], match.end()
        # until a name that is another band's ("BTOB’s Peniel, Rainbow’s Oh")
        while (more := _AND_THEN.match(line, cursor)) is not None and not re.match(
            _POSS, line[more.end() :]
        ):
            listed.append(int(more.group(1)))
            cursor = more.end()
        for k in listed:
            if named[k].type != "person":
                break
            evidence = _sentence(document, reading.sentence)
            yield Claim("member_of", str(named[k].entity), str(band.entity), "asserted", evidence)


def _described_by_work(
    document: Document, sentence: Sentence, named: list[Mention]
) -> Iterator[Claim]:
    """'the “The Glory” actress': a person named by a work they were cast in."""
    for person in named:
        if person.kind != "descriptor" or person.type != "person":
            continue
        for work in named:
            if work.type == "work" and person.start <= work.start and work.end <= person.end:
                yield Claim(
                    "cast_in",
                    str(person.entity),
                    str(work.entity),
                    "asserted",
                    _sentence(document, sentence),
                )


def _sentence(document: Document, sentence: Sentence) -> Evidence:
    return Evidence(
        document.id, sentence.start, sentence.end, document.text[sentence.start : sentence.end]
    )


def _sentence_claims(
    document: Document,
    reading: _Reading,
    directors: set[str],
    crew: set[str],
    gated: bool = False,
) -> Iterator[Claim]:
    """The claims of one sentence: those of patterns for anyone, or (`gated`) those of
    patterns that hold only for directors."""
    line, named = reading.line, reading.named
    evidence = _sentence(document, reading.sentence)
    modality: Modality = (
        "denied" if DENIED.search(line) else "rumoured" if RUMOURED.search(line) else "asserted"
    )
    for pattern in _CLAIMS:
        if (pattern.directors_only or pattern.others_only) != gated:
            continue
        for match in pattern.regex.finditer(line):
            subject = named[int(match.group(pattern.subject))]
            object_ = (
                reading.this_work
                if pattern.object == _THIS_WORK
                else next((m for m in named if m.type == "work"), None)
                if pattern.object == _WORK_HERE
                else named[int(match.group(pattern.object))]
            )
            if (
                object_ is not None
                and subject.type in pattern.subject_types
                and object_.type in pattern.object_types
                and subject.entity != object_.entity
                and (not pattern.directors_only or subject.entity in directors)
                and (not pattern.others_only or subject.entity not in crew)
            ):
                sure = modality if pattern.type in _PERSONAL else "asserted"
                yield Claim(pattern.type, str(subject.entity), str(object_.entity), sure, evidence)
                if pattern.type == "cast_in" and pattern.object > 0:
                    # "who starred in Hollywood films “A” and “B”": each title listed
                    for k in _listed_after(line, match.end(pattern.object) + 1):
                        if named[k].type == "work":
                            yield Claim(
                                "cast_in", str(subject.entity), str(named[k].entity), sure, evidence
                            )
                if pattern.lists_before:
                    # "Siwon, Yesung and Donghae of Super Junior": each of them
                    for k in _listed_before(line, match.start(1) - 1):
                        if named[k].type == "person":
                            yield Claim(
                                pattern.type,
                                str(named[k].entity),
                                str(object_.entity),
                                sure,
                                evidence,
                            )
    if gated:
        return
    for match in _STARS.finditer(line):
        work = named[int(match.group(1))]
        if work.type != "work":
            continue
        for k in re.findall(r"⟦(\d+)⟧", line[match.end() :]):
            person = named[int(k)]
            if person.type != "person":
                break  # the list of stars is over
            yield Claim("cast_in", str(person.entity), str(work.entity), "asserted", evidence)
    yield from _award_claims(reading, evidence)
    if reading.this_work is not None:
        for match in _DIRECTOR_OF_IT.finditer(line):
            director = named[int(match.group(1))]
            if director.type == "person" and reading.this_work.entity:
                yield Claim(
                    "directed", str(director.entity), reading.this_work.entity, "asserted", evidence
                )


def _award_claims(reading: _Reading, evidence: Evidence) -> Iterator[Claim]:
    """'Lee Jung-jae for “The Face-Reader”' in a sentence of acting awards: cast in it;
    in one of a director's award, its director."""
    line, named = reading.line, reading.named
    if not _AWARD.search(line):
        return
    for match in _FOR_WORK.finditer(line):
        person, work = named[int(match.group(1))], named[int(match.group(2))]
        categories = list(_CATEGORY.finditer(line, 0, match.start()))
        relation = _OF_CATEGORY.get(categories[-1].lastgroup or "") if categories else None
        if relation and person.type == "person" and work.type == "work":
            yield Claim(relation, str(person.entity), str(work.entity), "asserted", evidence)
