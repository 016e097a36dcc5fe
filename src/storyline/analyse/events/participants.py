"""Who takes part: the entities of a trigger's subject and objects in the parse, the
nearest fitting entity as a fallback, names joined by "and", pronouns and described
nouns resolved by the document's discourse, and an agency speaking for its artist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from storyline.analyse.annotate.cues import PERSON_CUES
from storyline.analyse.events.context import Context, distance, sentence_mentions, unique
from storyline.analyse.events.lists import LISTED, WORKS, listed, works_listed_with
from storyline.analyse.eventtypes import PEOPLE, EventType
from storyline.analyse.quotes import quoted_tokens
from storyline.analyse.resolve.discourse import AGENCY_NOUNS, PROXY_NOUNS
from storyline.models import EntityType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def with_second(
    context: Context, sentence: Span, trigger: Token, rule: EventType, firsts: list[Mention]
) -> Iterator[list[tuple[str, Mention]]]:
    first_role, second_role = rule.roles[0], rule.roles[1]
    taken = {f.entity for f in firsts}
    if rule.recipient_only:
        seconds = recipients(context, trigger, rule.second, taken)
    elif rule.quoted and trigger.pos_ in {"VERB", "AUX"}:
        seconds = said_about(context, sentence, trigger, rule.second, taken)
    else:
        seconds = role_entities(
            context,
            sentence,
            trigger,
            rule.second,
            subject=False,
            exclude=taken,
            fallback=(not rule.symmetric or bool(firsts))
            and trigger.lemma_.lower() not in _HOST_IN_OBJECT,
        )
    if rule.reach is not None:
        seconds = [s for s in seconds if distance(s, trigger) <= rule.reach]
    if not seconds and rule.second_from_before and not _of_a_thing(context, trigger, rule):
        occasion = context.discourse.occasion if context.discourse else None
        if rule.second == frozenset({"event"}) and occasion is not None:
            seconds = [occasion]  # the ceremony the article is about
        else:
            seconds = recent(context, sentence, rule.second, exclude=taken)
    if not seconds and rule.work_in_mind and names_a_role(context, trigger):
        seconds = work_in_mind(context, trigger)
    if rule.symmetric:
        people = unique([*firsts, *seconds])
        if len(people) >= 2:
            yield [(first_role, people[0]), (second_role, people[1])]
        return
    # "Song and Han were slated to share screen space in …", "Kim Go-eun, actor Park
    # Seo-joon and singer Hyomin all made donations": each of the names listed
    agents = firsts if rule.winners_after_to else listed(context, firsts)
    if rule.relation == "cast_in" and seconds and _parsed_object(context, trigger, seconds[0]):
        # those "with" the subject share only a work the verb itself names, not one
        # the nearest title stood in for ("her second film ― after “A” ― alongside B")
        agents = unique([*agents, *_cast_with(context, trigger, rule.first, taken)])
    if not seconds:
        if not rule.needs_second:
            for first in agents:
                yield [(first_role, first)]
        return
    # "donated 100 million won each to Good Neighbors and the Korean Medical Association",
    # "starred in “The Attorney” and the drama “My Love from the Star”"
    if rule.recipient_only:
        targets = listed(context, seconds)
    elif rule.second == WORKS:
        targets = works_listed_with(context, sentence, seconds[0])
    else:
        targets = seconds[:1]
    respectively = len(targets) > 1 and RESPECTIVELY.search(sentence.text)
    if respectively and len(agents) < len(targets):
        # "… to Seol and Shim, who starred in “A” and “B,” respectively": the list the
        # relative clause ends, however the parser took it
        people = [m for m in sentence_mentions(context, sentence) if m.type in rule.first]
        agents = listed(context, unique([agents[0], *people]))
    if respectively and len(agents) == len(targets):
        # "Song and Jun starred in “A” and “B,” respectively": the first in the first
        for first, second in zip(agents, targets, strict=True):
            yield [(first_role, first), (second_role, second)]
        return
    for first in agents:
        for second in targets:
            yield [(first_role, first), (second_role, second)]


# "starred in “Decibel” with Cha, Kim and Lee": those after the word are cast too
_ALONGSIDE = frozenset({"with", "alongside", "opposite"})


def _prepositional_objects(token: Token, prepositions: frozenset[str]) -> Iterator[Token]:
    """What the token's own prepositions of `prepositions` name, with its conjuncts."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for g in child.children:
                if g.dep_ == "pobj":
                    yield from head_and_conjuncts(g)


def _parsed_object(context: Context, trigger: Token, mention: Mention) -> bool:
    """The work is what the verb's own "in" names ("starred in the film “Decibel”")."""
    objects = _prepositional_objects(trigger, frozenset({"in"}))
    return any(context.mention_of(t) == mention for t in objects)


def _cast_with(
    context: Context, trigger: Token, types: frozenset[EntityType], taken: set[str | None]
) -> list[Mention]:
    """The people a cast verb names after 'with' (on the verb or on the work it names)."""
    places = [trigger, *(g for c in trigger.children if c.dep_ == "prep" for g in c.children)]
    found = (
        context.mention_of(t) for place in places for t in _prepositional_objects(place, _ALONGSIDE)
    )
    people = [m for m in found if m is not None and m.type in types and m.entity not in taken]
    if not people:
        return []
    sentence = [m for m in sentence_mentions(context, trigger.sent) if m.type in types]
    return listed(context, [people[0], *sentence])


def _of_a_thing(context: Context, trigger: Token, rule: EventType) -> bool:
    """'He will support the campaign': the object is a thing, no one named before (but
    'left a comment' is the event's own word)."""
    return bool(rule.second & PEOPLE) and any(
        c.dep_ == "dobj"
        and c.pos_ == "NOUN"
        and c.lemma_.lower() not in rule.lemmas
        and context.mention_of(c) is None
        and referent(context, c, PEOPLE) is None
        for c in trigger.children
    )


RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


# Verbs whose other person can only be the object's: one attends Moon's exhibition,
# not whoever else the sentence names ("Kim and IU attended a promotional event").
_HOST_IN_OBJECT = frozenset({"attend"})


# Nouns that name a part someone plays: "plays the lead role", "plays a detective".
_ROLE_NOUNS = frozenset(
    "role roles part character lead protagonist antagonist villain heroine hero".split()
)


def names_a_role(context: Context, trigger: Token) -> bool:
    """'Park plays Yoon Hong-dae', 'appears as a producer', 'played an alien': the
    trigger says whom someone plays (not 'played the piano')."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
        if child.dep_ in {"dobj", "attr"}:
            mention = context.mention_of(child)
            if mention is not None:
                return mention.type in PEOPLE
            determined = any(c.lower_ in {"a", "an", "the"} for c in child.children)
            return child.lemma_.lower() in _ROLE_NOUNS or (determined and child.pos_ == "NOUN")
    return False


def work_in_mind(context: Context, trigger: Token) -> list[Mention]:
    """The work the discourse has most in mind at the trigger (the film a review is
    about), if one clearly is; in a listing's entry, the entry's title, or nothing."""
    if context.discourse is None:
        return []
    entries = [m for m in context.entries if m.start() < trigger.idx]
    if entries:
        start = entries[-1].start()
        return [m for m in context.mentions if m.type == "work" and start <= m.start][:1]
    sentence = next(i for i, (s, e) in enumerate(context.sentences) if s <= trigger.idx < e)
    found = context.discourse.salient(trigger.idx, sentence, frozenset({"work"}))
    return [found] if found is not None else []


def person_then_org(participants: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """'Fantagio renewed its contract with Moonbin': the person is `person`."""
    people = [m for _, m in participants if m.type in PEOPLE]
    orgs = [m for _, m in participants if m.type == "org"]
    if not people:
        return []  # a contract or an endorsement is a person's
    return [("person", people[0]), *(("org", m) for m in orgs[:1])]


def referent(
    context: Context,
    token: Token,
    types: frozenset[EntityType],
    exclude: frozenset[str | None] | set[str | None] = frozenset(),
) -> Mention | None:
    """Who a pronoun, described noun or epithet means (`resolve/discourse`)."""
    if context.discourse is None:
        return None
    return context.discourse.referent(token, types, exclude)


def recipients(
    context: Context, trigger: Token, types: frozenset[EntityType], exclude: set[str | None]
) -> list[Mention]:
    """Whom a "to" or "for" phrase of the trigger (or of its object) names: "donated
    masks to the Harbor Relief Association"."""
    # "donated 100 million won each to …": the parser may take "won" for a verb, and
    # "donated" for an adjective of what was given
    heads = [trigger, *(c for c in trigger.children if c.dep_ in {"dobj", "conj"})]
    if trigger.dep_ == "amod":
        heads.append(trigger.head)
    found = (
        context.mention_of(t) or referent(context, t, types, exclude)
        for head in heads
        for prep in head.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in {"to", "for"}
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in head_and_conjuncts(pobj)
    )
    return unique(m for m in found if m is not None and m.type in types and m.entity not in exclude)


# "… and the best actress award to Hwang", "the award to KBS's “Good Doctor”", "went to
# several stars, including Park, Kim and Lee", "the awards for best supporting actor and
# actress went to Lee": where the winners of a gapped clause or a list begin
_AWARD_TO = re.compile(
    r"\b(?:awards?|prizes?|trophy|trophies|honou?rs?|accolades?)\s+(?:for\s+[\w ]{1,40}?\s+)?"
    r"(?:was |were )?(?:went |given |presented |handed |conferred |awarded )?to\s+(?!be\b)",
    re.I,
)
# What may stand between "to" and the winner: "to the late actress", "to several hallyu
# stars, including", "to tvN variety show"; not "to other actors from"
_BEFORE_WINNER = re.compile(r"^(?![^.;:!?”]*\b(?:from|of|in|at|with|by|for|on)\b)[^.;:!?”]{0,45}$")
# What a winner won for, before the next winner: "Cho of KBS drama “Jeong Do-jeon” and
# actress Lee", "Lee Jung-jae for “The Face-Reader (2013)” and Jin Kyung"
_CREDIT = re.compile(r"\s+(?:of|for|from|in)\s+[^.;“”\"]{0,40}[“\"][^”\"]{1,80}[”\"],?")
# Between a broadcaster or a possessor and what it holds: "tvN variety show “…”",
# "KBS 2TV's “Good Doctor”", "JYJ's Park Yoo-chun"
_HOLDER_BEFORE = re.compile(r"^(?:\s+[\w-]+){0,4}(?:['’]s)?\s+[“\"‘']?$")


def winners(
    context: Context, sentence: Span, trigger: Token, types: frozenset[EntityType]
) -> list[Mention]:
    """Who won, after "to": the trigger's own "to" phrase, and the winners each "award …
    to" of the sentence lists, the clauses that leave the verb out included ("the best
    actor award went to Lee and the best actress award to Hwang")."""
    text = context.document.text
    # and a little past its end: the parser may end a sentence inside "KBS's “Good Doctor.”"
    named = list(context.mentions_starting(sentence.start_char, sentence.end_char + 40))
    parsed = listed(context, recipients(context, trigger, types, set()))
    found = [_held(text, named, m) for m in parsed]
    for match in _AWARD_TO.finditer(text, sentence.start_char, sentence.end_char):
        found += _winners_from(context, named, match.end())
    return unique(m for m in found if m.type in types and not _possessor(text, m))


def _winners_from(context: Context, named: list[Mention], start: int) -> list[Mention]:
    """The winners listed from `start`, each with what it won for left out."""
    text = context.document.text
    found: list[Mention] = []
    position, gap = start, _BEFORE_WINNER
    while (mention := next((m for m in named if m.start >= position), None)) is not None:
        if not gap.match(text[position : mention.start]):
            break
        mention = _held(text, named, mention)
        found.append(mention)
        position = mention.end
        if credit := _CREDIT.match(text, position):
            position = credit.end()
        gap = LISTED
    return found


def _held(text: str, named: list[Mention], mention: Mention) -> Mention:
    """The work a broadcaster's name describes, the person a possessor's holds."""
    for _ in range(2):
        held = next((m for m in named if m.start >= mention.end), None)
        if held is None or not _HOLDER_BEFORE.match(text[mention.end : held.start]):
            break
        if not (_possessor(text, mention) or (mention.type == "org" and held.type == "work")):
            break
        mention = held
    return mention


def _possessor(text: str, mention: Mention) -> bool:
    return text[mention.end : mention.end + 2] in {"'s", "’s"}


def role_entities(
    context: Context,
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
    found = unique(
        m
        for t in tokens
        if (m := context.mention_of(t) or referent(context, t, types, exclude)) is not None
        and m.type in types
        and m.entity not in exclude
    )
    if found and subject:
        found = _with_coordinated(context, sentence, found, types, exclude)
    # "taking legal action against those raising the allegations": an object the
    # parse gives as a pronoun is someone, just no one named
    pointing = not subject and any(t.pos_ in {"PRON", "DET"} and t.dep_ in _OBJECTS for t in tokens)
    if found or (subject and tokens) or pointing:
        return found  # a subject the parse names that is no entity is nobody we know
    ordered = sorted(
        (
            m
            for m in sentence_mentions(context, sentence)
            if m.type in types and m.entity not in exclude
        ),
        key=lambda m: abs(m.start - trigger.idx),
    )
    right_before = _right_before(context, trigger, ordered) if subject else None
    if right_before is not None:
        return [right_before]  # "…for Dr Murray's sentencing Michael Jackson died on"
    if not fallback:
        return []
    if subject:
        opening = _opening_name(context, sentence, ordered)
        if opening is not None and trigger.dep_ == "ROOT":
            return [opening]  # "Han, who starred in the Netflix hit “X,” said …"
        before = [m for m in ordered if m.start < trigger.idx and _may_be_subject(context, m)]
        if before:
            return unique(before)
        referents = (referent(context, t, types, exclude) for t in sentence if t.i < trigger.i)
        owner = next((r for r in referents if r is not None), None)
        return [owner] if owner is not None else []
    return unique([m for m in ordered if m.start > trigger.idx] + ordered)


AND = re.compile(r"^\s*(?:and|&)\s*$")


def _may_be_subject(context: Context, mention: Mention) -> bool:
    """Not a name inside a phrase of a preposition or a possessor, or listed with one:
    'The agency of Kim Soo-hyun, the star of …, announced' is the agency's; 'opposed by
    Randy and Jermaine and some fans say' is the fans'."""
    span = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    return root.dep_ not in {"pobj", "poss", "agent"}


def _right_before(context: Context, trigger: Token, named: list[Mention]) -> Mention | None:
    """The name a verb the parser gave no subject follows at once: its subject, however
    the parser took it ('the day Jackson died', a caption run into its sentence)."""
    text = context.document.text
    return next(
        (
            m
            for m in named
            if trigger.pos_ == "VERB"
            and m.end <= trigger.idx
            and not text[m.end : trigger.idx].strip(' "“”')
        ),
        None,
    )


def _opening_name(context: Context, sentence: Span, named: list[Mention]) -> Mention | None:
    """The name a sentence opens with, set off by a comma: the subject of its main verb
    however the parser took the clause after it ("Han, who starred in …, said")."""
    first = min(named, key=lambda m: m.start, default=None)
    text = context.document.text
    if first is None or text[sentence.start_char : first.start].strip():
        return None
    return first if text[first.end : first.end + 1] == "," else None


def _with_coordinated(
    context: Context,
    sentence: Span,
    found: list[Mention],
    types: frozenset[EntityType],
    exclude: frozenset[str | None] | set[str | None],
) -> list[Mention]:
    """'Song Hye Kyo and Han So Hee had been planning…': the parser may leave the first
    of two names joined by 'and' out of the subject; the text does not."""
    text = context.document.text
    named = [m for m in sentence_mentions(context, sentence) if m.type in types]
    extra = [
        before
        for m in found
        for before in named
        if before.end <= m.start
        and AND.match(text[before.end : m.start])
        and before.entity not in exclude
    ]
    return unique([*extra, *found])


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
        return [t for g in named_by for t in head_and_conjuncts(g)]
    # "thanked fans for their support", "Kim's apology": whose it is; but "sent her
    # encouragement" is the sender's
    owners = [c for c in trigger.children if c.dep_ == "poss"]
    if trigger.pos_ == "NOUN" and owners and trigger.dep_ != "dobj":
        return owners
    verb = trigger
    for _ in range(8):
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            # "The Mirror quoted a source as saying": the source says it
            quoted = [c for c in verb.head.head.children if c.dep_ == "dobj"]
            if quoted:
                return head_and_conjuncts(quoted[0])
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if len(subjects) > 1:
            # two subjects is a misparse: "Dr Murray hid drugs … on the day Jackson died"
            subjects = [max(subjects, key=lambda c: c.i if c.i < verb.i else -c.i)]
        if subjects:
            return [t for s in subjects for t in head_and_conjuncts(s)]
        if verb.dep_ in {"relcl", "acl"}:
            return head_and_conjuncts(verb.head)  # "Han So-hee attending the exhibition"
        # a clause with no subject of its own whose verb is a participle or an
        # infinitive is done by the subject of the clause it hangs on ("she sent a
        # truck to encourage her junior", "the agency rejected it, stating …")
        controlled = verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VB"}
        if (verb.dep_ in {"ROOT", "ccomp", "advcl"} and not controlled) or verb.head.i == verb.i:
            break
        verb = verb.head
        if controlled and verb.dep_ == "ccomp" and verb.tag_ == "VBN":
            # "His lawyers asked that he be kept on probation, saying …": the parser
            # hangs the participle on the passive clause asked for; the askers say it
            verb = verb.head
    # "…, read the statement by CJes Studios"; "a video posted by Song"
    agents = [g for c in trigger.children if c.dep_ == "agent" for g in c.children]
    return [t for a in agents for t in head_and_conjuncts(a)]


# Nouns for another person than their possessor: "Jackson's former doctor has denied …"
# is the doctor.
_OTHERS = frozenset(
    "doctor physician nurse bodyguard driver assistant coach teacher director producer "
    "girlfriend boyfriend partner ex-lover ex-girlfriend ex-boyfriend colleague co-star "
    "costar bandmate junior senior grandfather grandmother grandad granddad grandpa "
    "grandma grandparents grandson granddaughter uncle aunt cousin nephew niece "
    "parents stepfather stepmother".split()
)


def head_and_conjuncts(token: Token) -> list[Token]:
    """'Song and Han': both; "Ryu's ex-lover, Hyeri": Hyeri before Ryu (a possessor,
    however the parser attached it, is not the one acting, and never one whose agency
    or family acts); "Lumina bandmate Jo Eun-bi", however parsed, is Jo Eun-bi."""
    described = [  # the cue misparsed as a preposition: "Lumina bandmate(prep) Jo Eun-bi"
        g
        for c in token.children
        if c.lower_ in PERSON_CUES and c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if described:
        return [*head_and_conjuncts(described[0]), token]
    out = [token]
    for child in token.children:
        if child.dep_ in {"conj", "appos", "compound"}:
            out.extend(head_and_conjuncts(child))
    if token.lower_ not in PROXY_NOUNS | _OTHERS:
        out.extend(c for c in token.children if c.dep_ == "poss")
    owners = [t for t in out if any(c.dep_ == "case" for c in t.children)]
    possessed = owners + [c for t in owners for c in t.children if c.dep_ == "compound"]
    return [t for t in out if t not in possessed] + possessed


def _object_tokens(trigger: Token) -> list[Token]:
    out: list[Token] = []
    queue = [c for c in trigger.children if c.dep_ not in _SUBJECTS and c.dep_ != "punct"]
    while queue:
        token = queue.pop(0)
        if token.dep_ == "prep" and token.lower_ == "of" and token.head.lower_ in PROXY_NOUNS:
            continue  # "the family of Kim Sae-ron" is not Kim Sae-ron
        if token.dep_ in _OBJECTS or token.dep_ in {"poss", "conj", "appos", "compound"}:
            out.append(token)
        if token.dep_ in _OBJECTS | {"prep", "poss", "conj", "appos", "compound"}:
            queue.extend(token.children)
    return out


# What a verb of saying says: "said (that) …", "denied dating …", "denied the rumours";
# and after it, "… claiming that …", "told reporters about …" (not "After Kim left, …").
_WORDS_SAID = frozenset({"ccomp", "xcomp", "dobj", "pcomp"})
_WORDS_SAID_AFTER = frozenset({"prep", "advcl", "parataxis"})
_TELLING = frozenset({"tell", "inform", "assure", "ask"})  # whose object is the listener
# Where and how words were said, not what of: "said Monday on the program “Healing Camp”"
_WHERE_SAID = frozenset({"on", "in", "at", "during", "via", "through", "with", "to"})


def said_about(
    context: Context,
    sentence: Span,
    trigger: Token,
    types: frozenset[EntityType],
    exclude: frozenset[str | None] | set[str | None] = frozenset(),
) -> list[Mention]:
    """Whom what was said is about: the entities its words name, or the people they
    point to ("the actor", "she"), in the clause the verb of saying governs or the
    quote beside it; names first, then the nearest to the verb in the parse. Nobody
    the sentence names outside them ("Five years after Reid declared …, the Times says
    nothing has changed" is not about Reid). An "it" in the words is too vague to say."""
    told = trigger.lemma_.lower() in _TELLING  # "told Winfrey his father …": she heard it
    said = {
        t.i
        for c in trigger.children
        if (c.dep_ in _WORDS_SAID and not (told and c.dep_ == "dobj"))
        or (c.dep_ in _WORDS_SAID_AFTER and c.i > trigger.i and c.lower_ not in _WHERE_SAID)
        for t in c.subtree
    }
    speakers = {t.i for c in trigger.children if c.dep_ in _SUBJECTS for t in c.subtree}
    said |= quoted_tokens(sentence) - speakers
    people = types & PEOPLE
    found = [
        (named is None, _depth(t, trigger), t.i, m)
        for t in sentence
        if t.i in said
        and (m := (named := context.mention_of(t)) or referent(context, t, people, exclude))
        is not None
        and m.type in types
        and m.entity not in exclude
    ]
    # a name before a word that points back: "denied rumours that she is dating Kang"
    return unique(m for *_, m in sorted(found, key=lambda f: f[:3]))


def _depth(token: Token, top: Token) -> int:
    """How many heads up from `token` `top` is (a quote beside it: as far as it gets)."""
    depth = 0
    while token.i != top.i and token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def recent(
    context: Context,
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


def agency_speaks_for_artist(
    context: Context, sentence: Span, participants: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """An organisation speaking or suing for its artist: the artist is `about`, named
    beside it ("Kim Soo-hyun's agency, Gold Medalist"; "Starlight, the agency
    representing Yoon Ha-rin") or, for an agency, else the person the document is most
    about. A court, party or company that speaks is not speaking for anyone."""
    speaker = participants[0][1]
    if speaker.type != "org":
        return participants
    named = {m.entity for _, m in participants}
    artist = _artist_of(context, speaker)
    agency = context.discourse is not None and context.discourse.is_agency(speaker)
    if artist is None and agency:
        artist = main_person(context)
    if artist is None or artist.entity in named:
        return participants
    return [participants[0], ("about", artist), *participants[1:]]


def _artist_of(context: Context, org: Mention) -> Mention | None:
    """The artist the document says the organisation is the agency of, by any of its
    mentions ("Lee's agency, High Zium Studio, said …" then "High Zium Studio added")."""
    if org.entity not in context.artists:
        stated = (_stated_artist(context, m) for m in context.mentions if m.entity == org.entity)
        context.artists[org.entity or ""] = next((a for a in stated if a is not None), None)
    return context.artists[org.entity or ""]


def _stated_artist(context: Context, org: Mention) -> Mention | None:
    span = context.doc.char_span(org.start, org.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    nouns = [root, root.head] if root.dep_ == "appos" else [root, *root.children]
    if (owner := _owner_before(context, span)) is not None:
        return owner
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "poss":
                owner = context.mention_of(child) or referent(context, child, PEOPLE)
            elif child.dep_ == "acl" and child.lemma_ in {"represent", "manage"}:
                objects = [g for g in child.children if g.dep_ == "dobj"]
                owner = next(
                    (m for g in objects for t in head_and_conjuncts(g)
                     if (m := context.mention_of(t)) is not None),
                    None,
                )  # fmt: skip
            else:
                continue
            if owner is not None and owner.type == "person":
                return owner
    return None


def _owner_before(context: Context, span: Span) -> Mention | None:
    """'IU's agency EDAM Entertainment', however parsed: the person whose agency the
    words just before the name say it is."""
    doc = span.doc
    if span.start < 3 or doc[span.start - 1].lower_ not in AGENCY_NOUNS:
        return None
    if doc[span.start - 2].lower_ not in {"'s", "’s", "'", "’"}:
        return None
    owner = context.mention_of(doc[span.start - 3])
    return owner if owner is not None and owner.type == "person" else None


def main_person(context: Context) -> Mention | None:
    """The artist of the document's agency: whom it calls 'X's agency' or 'his agency'
    most; else the person it names most, if clearly (twice as often as any other): an
    agency in an article on several artists speaks for one the text does not say."""
    if not context.main_person:
        context.main_person.append(_find_main_person(context))
    return context.main_person[0]


def _find_main_person(context: Context) -> Mention | None:
    owners = [
        owner
        for token in context.doc
        if token.lower_ in AGENCY_NOUNS
        for child in token.children
        if child.dep_ == "poss"
        and (owner := context.mention_of(child) or referent(context, child, PEOPLE)) is not None
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
    ranked = sorted(counts.values(), reverse=True)
    if not owners and len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
        return None
    return first[max(counts, key=lambda e: counts[e])]
