"""Who a word that points back means: a pronoun ("she", "his"), a described noun ("the
singer", "the doctor", "the agency", "the film") or an epithet ("her junior").

What the text says of each entity is noted first: its gender ("actress", "Ms.", a "she"
that could mean no one else), the roles it is described by ("singer Michael Jackson",
"Jackson's doctor, Conrad Murray") and which organisations are agencies. Then every
such word is resolved in reading order to the most salient entity (`resolve/salience`)
that fits its type, gender and description, and counts as a mention of it from there
on; never to an entity the same clause names as another argument ("Lee praised him"),
and to nobody when two fit about equally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyse.events.context import Context
from storyline.analyse.resolve.salience import ROLE_WEIGHTS, Mentioned, grammatical_role
from storyline.models import EntityType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PERSON: frozenset[EntityType] = frozenset({"person"})
ORG: frozenset[EntityType] = frozenset({"org"})
WORK: frozenset[EntityType] = frozenset({"work"})

# Words that say a person's gender, before a name or as its description. "Actor" is
# not among them: Korean outlets call actresses actors too.
_FEMALE = frozenset(
    "actress actresses ms ms. mrs mrs. miss madam sister wife girlfriend mother daughter "
    "aunt grandmother queen diva starlet songstress comedienne singer-actress".split()
)
_MALE = frozenset("mr mr. sir brother husband boyfriend father son uncle grandfather king".split())
_PRONOUN_GENDER = {"she": "f", "her": "f", "hers": "f", "he": "m", "him": "m", "his": "m"}
_PERSON_PRONOUNS = frozenset(_PRONOUN_GENDER)
_ORG_PRONOUNS = frozenset({"it", "its"})
# Nouns a person is described by. The broad ones may mean the article's main person
# even where the text never used them of anyone; the others only mean someone the
# text described so ("the judge" is not the singer).
_BROAD_PERSON_NOUNS = frozenset(
    "star singer actor actress artist celebrity idol entertainer superstar starlet "
    "musician performer".split()
)
_PERSON_NOUNS = _BROAD_PERSON_NOUNS | frozenset(
    "rapper doctor physician director judge prosecutor lawyer attorney coach president "
    "chairman ceo minister officer spokesperson spokesman spokeswoman producer host "
    "writer author comedian model player daughter son mother father wife husband".split()
)
_ORG_NOUNS = frozenset({"agency", "label", "company", "management", "firm"})
_WORK_NOUNS = frozenset("film movie drama series show album song single novel webtoon".split())
_DETERMINERS = frozenset({"the", "its", "her", "his", "their", "this", "that"})
# "her junior", "his senior": the other person of the story, not the possessor
_EPITHETS = frozenset({"junior", "senior", "hoobae", "sunbae", "colleague", "co-star", "costar"})
# "the agency" is an entertainment company, not the last court or ministry named
_AGENCY_WORDS = frozenset(
    "Entertainment Ent. Agency Management Studio Studios Music Label Company Co. Pictures "
    "Media Corp. Inc.".split()
)
_AGENCY_NOUNS = frozenset({"agency", "label", "management"})
_REACH = 1500  # characters back that a word pointing back may reach


def note_descriptions(context: Context) -> None:
    """Gender, roles and agencies as the text describes them, and every mention's
    weight for salience."""
    doc = context.doc
    for mention in context.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not mention.entity:
            continue
        entity = mention.entity
        for word in _describing_words(span):
            context.described.setdefault(entity, set()).add(word)
            if word in _FEMALE:
                context.gender.setdefault(entity, "f")
            elif word in _MALE:
                context.gender.setdefault(entity, "m")
        if mention.type == "org":
            near = doc[max(span.start - 4, 0) : span.end + 4]
            if any(t.lower_ in _AGENCY_NOUNS for t in near):
                context.agencies.add(entity)
        weight = ROLE_WEIGHTS[grammatical_role(span.root)]
        context.salience.add(Mentioned(entity, mention.start, mention.sentence, weight))


def _describing_words(span: Span) -> set[str]:
    """'singer-actress IU', 'pop star Michael Jackson', 'Ms. Kim', 'his doctor, Conrad
    Murray', 'Conrad Murray, the doctor': the lower-case words that describe a name."""
    doc = span.doc
    words = set()
    i = span.start - 1
    while i >= 0 and span.start - i <= 4:
        token = doc[i]
        if token.text in {"-", "‐"} or token.pos_ in {"NOUN", "ADJ"} or token.lower_ in _MALE:
            words.add(token.lower_)
            i -= 1
            continue
        if token.lower_ in _FEMALE | _MALE:
            words.add(token.lower_)
        break
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.add(root.head.lower_)
    words.update(c.lower_ for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")
    return words


def resolve_references(context: Context) -> None:
    """Resolve every pronoun, described noun and epithet in reading order; each one
    resolved counts as a mention of its entity from there on."""
    for index, (start, end) in enumerate(context.sentences):
        sentence = context.doc.char_span(start, end, alignment_mode="expand")
        for token in sentence or ():
            if token.i in context.by_token or _names(context, token) or not _points_back(token):
                continue
            found = _resolve(context, token, index)
            context.referents[token.i] = found
            if found is not None and found.entity:
                weight = ROLE_WEIGHTS[grammatical_role(token)]
                context.salience.add(Mentioned(found.entity, token.idx, index, weight))


def _names(context: Context, token: Token) -> bool:
    """'the late actress Moon Ha-rin': a noun before a name describes it, pointing
    nowhere."""
    following = token.i + 1 < len(token.doc) and (token.i + 1) in context.by_token
    return following or (token.head.i in context.by_token and token.dep_ != "poss")


def _points_back(token: Token) -> bool:
    word = token.lower_
    if word in _PERSON_PRONOUNS or word in _ORG_PRONOUNS:
        return True
    determined = any(c.lower_ in _DETERMINERS for c in token.children)
    if word in _EPITHETS:
        return any(c.dep_ == "poss" for c in token.children)
    return determined and token.pos_ == "NOUN" and word in _PERSON_NOUNS | _ORG_NOUNS | _WORK_NOUNS


def referent(
    context: Context,
    token: Token,
    types: frozenset[EntityType],
    exclude: frozenset[str | None] | set[str | None] = frozenset(),
) -> Mention | None:
    """The entity a pronoun, described noun or epithet means, if of `types` and not
    in `exclude`."""
    found = context.referents.get(token.i)
    if found is None or found.type not in types or found.entity in exclude:
        return None
    return found


def _resolve(context: Context, token: Token, sentence: int) -> Mention | None:
    word = token.lower_
    exclude = _coarguments(context, token)
    described: str | None = None
    if word in _PERSON_PRONOUNS:
        wanted, gender = PERSON, _PRONOUN_GENDER[word]
    elif word in _ORG_PRONOUNS:
        wanted, gender = ORG, None
    elif word in _EPITHETS:
        wanted, gender = PERSON, None
        possessor = next(c for c in token.children if c.dep_ == "poss")
        owner = context.referents.get(possessor.i) or context.mention_of(possessor)
        exclude.add(owner.entity if owner else None)
    elif word in _ORG_NOUNS:
        wanted, gender = ORG, None
    elif word in _WORK_NOUNS:
        wanted, gender = WORK, None
    else:
        wanted, gender, described = PERSON, _noun_gender(word), word
    candidates = _candidates(context, token, wanted, exclude)
    if word in _ORG_NOUNS:
        candidates = {e: m for e, m in candidates.items() if _is_agency(context, m)}
    if gender is not None:
        unlike = _other(gender)
        candidates = {e: m for e, m in candidates.items() if context.gender.get(e) != unlike}
    if described is not None:
        fitting = {e: m for e, m in candidates.items() if described in context.described.get(e, ())}
        if fitting or described not in _BROAD_PERSON_NOUNS:
            candidates = fitting
    chosen = context.salience.choose(token.idx, sentence, candidates)
    if chosen is None:
        return None
    entity = str(chosen)
    if described is not None:
        context.described.setdefault(entity, set()).add(described)
    if gender is not None and (word not in _PERSON_PRONOUNS or len(candidates) == 1):
        context.gender.setdefault(entity, gender)  # "the actress"; the only one "she" could be
    return candidates[entity]


def _candidates(
    context: Context, token: Token, wanted: frozenset[EntityType], exclude: set[str | None]
) -> dict[str, Mention]:
    """The last mention before `token` of each entity of `wanted` types in reach."""
    found: dict[str, Mention] = {}
    for mention in context.mentions_starting(token.idx - _REACH - context.longest, token.idx):
        if (
            mention.type in wanted
            and mention.entity
            and mention.end <= token.idx
            and token.idx - mention.end < _REACH
            and mention.entity not in exclude
            and mention.entity not in context.reporters
        ):
            found[mention.entity] = mention
    return found


def _coarguments(context: Context, token: Token) -> set[str | None]:
    """A pronoun object or complement never means its own clause's subject: 'Lee
    praised him', 'Kim met with her'."""
    if token.dep_ not in {"dobj", "pobj", "dative", "iobj"} or token.lower_ in {"his", "her"}:
        return set()
    verb = token.head.head if token.dep_ == "pobj" else token.head
    out: set[str | None] = set()
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            mention = context.mention_of(child) or context.referents.get(child.i)
            if mention is not None:
                out.add(mention.entity)
    return out


def _noun_gender(word: str) -> str | None:
    if word in _FEMALE:
        return "f"
    return "m" if word in _MALE else None


def _other(gender: str) -> str:
    return "m" if gender == "f" else "f"


def _is_agency(context: Context, mention: Mention) -> bool:
    return mention.text.split()[-1] in _AGENCY_WORDS or mention.entity in context.agencies
