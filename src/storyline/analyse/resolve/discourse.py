"""The discourse of one document: what the text says of each entity, and who each word
that points back means.

Read in order, a news text keeps telling the reader who is who: "actress Kim Sae-ron"
says she is a woman, "Jackson's doctor, Conrad Murray" that Murray is a doctor, "his
agency Keyeast" that Keyeast is an agency. Words that point back lean on it: a pronoun
("she", "his"), a described noun ("the singer", "the late actress", "the agency", "the
film"), an epithet ("her junior"), and a bare surname two people of the article share
("Kim" in an article on two Kims). Each is resolved where it stands to the most salient
entity (`salience`) that fits its type, gender and description, and counts as a mention
of it from there on; never to an entity its own clause names as another argument ("Lee
praised him"), and to nobody when two fit about equally.

Entity resolution (`local`) reads the discourse to give shared surnames their owners;
event extraction reads it again, over the resolved mentions, for the participants words
that point back stand for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.analyse.names import korean_name_parts, without_event_year
from storyline.analyse.resolve.salience import (
    QUOTED,
    ROLE_WEIGHTS,
    Mentioned,
    Salience,
    grammatical_role,
)
from storyline.lexicons import words
from storyline.models import EntityType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON: frozenset[EntityType] = frozenset({"person"})
ORG: frozenset[EntityType] = frozenset({"org"})
WORK: frozenset[EntityType] = frozenset({"work"})

# Words that say a person's gender, before a name or as its description. "Actor" is
# not among them: Korean outlets call actresses actors too.
FEMALE = frozenset(
    "actress actresses ms ms. mrs mrs. miss madam lady dame sister wife girlfriend mother "
    "daughter aunt grandmother queen diva starlet songstress comedienne".split()
)
MALE = frozenset(
    "mr mr. sir lord brother husband boyfriend father son uncle grandfather king".split()
)
_TITLES = {
    **dict.fromkeys(("ms", "ms.", "mrs", "mrs.", "miss", "madam", "dame", "lady"), "f"),
    **dict.fromkeys(("mr", "mr.", "sir", "lord"), "m"),
}
PRONOUN_GENDER = {"she": "f", "her": "f", "hers": "f", "he": "m", "him": "m", "his": "m"}
_ORG_PRONOUNS = frozenset({"it", "its"})
# Nouns a person is described by. The broad ones may mean the article's main person
# even where the text never used them of anyone; the others only mean someone the
# text described so ("the judge" is not the singer). A noun of a family means whom
# the text called by any noun of it ("pop star Michael Jackson" is "the singer").
_FAMILIES = (
    frozenset(
        "singer star superstar megastar artist musician performer entertainer idol "
        "celebrity icon legend rapper vocalist songstress diva".split()
    ),
    frozenset("actor star".split()),  # not "actress": she is more than an actor
    frozenset("actress starlet".split()),
    frozenset("doctor physician cardiologist".split()),
    frozenset("lawyer attorney".split()),
    frozenset("spokesperson spokesman spokeswoman".split()),
)
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
_DESCRIBING = _PERSON_NOUNS | FEMALE | MALE
_WORK_NOUNS = frozenset(
    "film movie drama series show album song single novel webtoon project production sequel "
    "remake".split()
)
_DETERMINERS = frozenset({"the", "its", "her", "his", "their", "this", "that"})
# "her junior", "his senior": the other person of the story, not the possessor
_EPITHETS = frozenset({"junior", "senior", "hoobae", "sunbae", "colleague", "co-star", "costar"})
# "the agency" is an entertainment company, not the last court or ministry named
_AGENCY_WORDS = frozenset(
    "Entertainment Ent. Agency Management Studio Studios Music Label Company Co. Pictures "
    "Media Corp. Inc.".split()
)
AGENCY_NOUNS = frozenset({"agency", "label", "management"})  # "his agency", "her label"
_MALE_NAMES = words("male_given_names")
_FEMALE_NAMES = words("female_given_names")
# Verbs of saying (the registry's, for statements), and who speaks for someone else:
# "Kim's lawyer said …" is the lawyer, and so is the "he" of what the lawyer says.
SPEECH_VERBS = EVENT_TYPES["speech.statement"].lemmas
PROXY_NOUNS = frozenset(
    "agency management label company representative representatives lawyer lawyers "
    "attorney attorneys family side spokesperson spokesman spokeswoman official officials "
    "aide aides publicist manager managers camp friend friends fans relative relatives "
    "mother father son daughter wife husband sister brother team teams counsel staff "
    "source sources".split()
)
REACH = 1500  # characters back that a word pointing back may reach
SPEAKER_REACH = 2  # sentences back that "he added" may reach for who spoke
# What being the article's principal person adds for a surname it shares with others:
# news calls the principal "Jackson" and the relatives "Joe Jackson" or "Janet".
PRINCIPAL_BONUS = 1.0
_GENDERED = {**PRONOUN_GENDER, "herself": "f", "himself": "m"}
GENDER_BONUS = 0.3  # for a person the text said is of a pronoun's gender
# A pronoun this clearly about one person tells the reader that person's gender.
SURE = 3.0
# Quotes and parentheses: a name inside is the speaker's or an aside ("Goo Chan-sung
# (Yeo Jin-goo)"), hardly what the reader has in mind next.
_QUOTE = re.compile(r"“[^”]{0,2000}”|\"[^\"]{0,2000}\"|\([^()]{0,200}\)")


@dataclass(slots=True, frozen=True)
class SharedForm:
    """A bare surname or given name that several entities of the document may own."""

    start: int
    end: int
    text: str
    sentence: int
    owners: tuple[str, ...]  # their keys


def read_discourse(
    doc: Doc,
    sentence_starts: list[int],
    mentions: Iterable[Mention],
    title: str | None = None,
    shared: Sequence[SharedForm] = (),
) -> tuple[Discourse, list[Mention]]:
    """The document's discourse, read twice: what the first reading learns of people's
    genders ("she", clearly of one woman) serves the second where the text told it
    only later; and the short forms that found their owner."""
    mentions = list(mentions)
    first = Discourse(doc, sentence_starts, mentions, title)
    first.read(shared)
    second = Discourse(doc, sentence_starts, mentions, title, first.gender)
    return second, second.read(shared)


class Discourse:
    """What one document says of its entities, and who its words that point back
    mean. `mentions` carry their entity's key in `entity`."""

    def __init__(
        self,
        doc: Doc,
        sentence_starts: list[int],
        mentions: Iterable[Mention],
        title: str | None = None,
        gender: Mapping[str, str] | None = None,
    ) -> None:
        self.doc = doc
        self.sentence_starts = sentence_starts
        self.mentions = sorted((m for m in mentions if m.entity), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self.by_token: dict[int, Mention] = {}
        self.gender: dict[str, str] = dict(gender or {})
        self.stated: dict[str, str] = {}  # the genders a word says ("actress", "Mr", "Janet")
        self.described: dict[str, set[str]] = {}
        self.agencies: set[str] = set()
        self.dead: set[str] = set()
        self.last_speaker: tuple[str, int] | None = None
        self.referents: dict[int, Mention | None] = {}
        self.salience = Salience((), sentence_starts)
        self._quotes = [m.span() for m in _QUOTE.finditer(doc.text)]
        self._shared: list[SharedForm] = []
        for mention in self.mentions:
            self._note(mention)
        self.principal = _principal(self.mentions, title)
        self.occasion = _occasion(self.mentions, title)

    def _note(self, mention: Mention) -> None:
        """Its tokens, what the words around it say of its entity, and its salience."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not mention.entity:
            return
        entity = mention.entity
        for token in span:
            self.by_token[token.i] = mention
        for word in _describing_words(span):
            self.described.setdefault(entity, set()).add(word)
            if word in FEMALE:
                self.stated.setdefault(entity, "f")
            elif word in MALE:
                self.stated.setdefault(entity, "m")
        if mention.type == "person" and (gender := given_name_gender(mention.text)):
            self.stated.setdefault(entity, gender)
        if entity in self.stated:
            self.gender.setdefault(entity, self.stated[entity])
        if mention.type == "person" and _said_dead(span):
            self.dead.add(entity)
        if mention.type == "org":
            near = self.doc[max(span.start - 4, 0) : span.end + 4]
            if any(t.lower_ in AGENCY_NOUNS for t in near):
                self.agencies.add(entity)
        weight = ROLE_WEIGHTS[grammatical_role(span.root)]
        if self._quoted(mention.start):
            weight = QUOTED
        self.salience.add(Mentioned(entity, mention.start, mention.sentence, weight))

    def _quoted(self, offset: int) -> bool:
        at = bisect_left(self._quotes, (offset, offset))
        return any(start < offset < end for start, end in self._quotes[max(at - 1, 0) : at + 1])

    def read(self, shared: Sequence[SharedForm] = ()) -> list[Mention]:
        """Resolve, in reading order, the `shared` short forms and every word that points
        back; return the short forms that found their owner, as mentions of it."""
        found: list[Mention] = []
        pending = sorted(shared, key=lambda f: f.start)
        self._shared = pending[:]
        for index, start in enumerate(self.sentence_starts):
            end = (
                self.sentence_starts[index + 1]
                if index + 1 < len(self.sentence_starts)
                else len(self.doc.text)
            )
            sentence = self.doc.char_span(start, end, alignment_mode="expand")
            for token in sentence or ():
                while pending and pending[0].start <= token.idx:
                    mention = self._resolve_form(pending.pop(0))
                    if mention is not None:
                        found.append(mention)
                if (
                    token.i not in self.by_token
                    and not self._describes_name(token)
                    and _points_back(token)
                ):
                    self._resolve_pointer(token, index)
                self._note_speaker(token, index)
        found.extend(m for f in pending if (m := self._resolve_form(f)) is not None)
        return found

    def _note_speaker(self, token: Token, sentence: int) -> None:
        """Who spoke last: '“…,” said Choi, a professor. … , he added' is Choi."""
        if token.lemma_.lower() not in SPEECH_VERBS:
            return
        for subject in self._sayers(token):
            # "the physician's defense lawyer, Ed Chernoff, said": the name in apposition
            named = self.by_token.get(subject.i) or next(
                (
                    self.by_token[c.i]
                    for c in subject.children
                    if c.dep_ == "appos" and c.i in self.by_token
                ),
                None,
            )
            named = named or self.referents.get(subject.i)
            if named is not None and named.type == "person" and named.entity:
                self.last_speaker = (named.entity, sentence)

    def _sayers(self, verb: Token) -> list[Token]:
        """The subjects of a verb of saying; when the parse gives none, the name right
        before it ('… against Dr Murray, prosecutor David Walgren said', which the
        parser reads as an apposition)."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or verb.i == verb.sent.start:
            return subjects
        before = verb.doc[verb.i - 1]
        return [before] if before.i in self.by_token else []

    def _resolve_form(self, form: SharedForm) -> Mention | None:
        owners = set(form.owners)
        gender = self._clause_gender(form)
        if gender is not None:
            # "Kim was found dead at her home": the Kim the text said is a woman, else
            # a Kim it said nothing of
            alike = {o for o in owners if self.gender.get(o) == gender}
            owners = alike or {o for o in owners if o not in self.gender}
        bonus = {self.principal: PRINCIPAL_BONUS} if self.principal else None
        chosen = self.salience.choose(form.start, form.sentence, owners, bonus)
        if len(owners) > 1 and self._tells_a_death(form) and self._relatives(owners, form):
            # "Jackson died in 2009" among his brothers: news names a relative's death
            # in full, so the article's principal, else the one it introduced first
            first = next((m.entity for m in self.mentions if m.entity in owners), None)
            chosen = self.principal if self.principal in owners else first
        if chosen is None:
            return None
        owner = next(m for m in reversed(self.mentions) if m.entity == chosen)
        mention = Mention(form.start, form.end, form.text, owner.type, form.sentence, "short")
        mention = replace(mention, entity=str(chosen))
        self._note(mention)
        self._insert(mention)
        return mention

    def _insert(self, mention: Mention) -> None:
        at = bisect_left(self._starts, mention.start)
        self.mentions.insert(at, mention)
        self._starts.insert(at, mention.start)

    def _relatives(self, owners: set[str], form: SharedForm) -> bool:
        """The owners all have the form as their surname ('Jackson'), none as a first
        name ('Thomas Bell' beside 'Edward Thomas')."""
        surnamed = {m.entity for m in self.mentions if m.text.endswith(f" {form.text}")}
        return owners <= surnamed

    def _tells_a_death(self, form: SharedForm) -> bool:
        span = self.doc.char_span(form.start, form.end, alignment_mode="expand")
        return span is not None and _said_dead(span)

    def _clause_gender(self, form: SharedForm) -> str | None:
        """'Ms Jackson': the gender of the title before a surname; 'Kim was found dead
        at her home': the gender the pronouns of a subject's own clause give it."""
        span = self.doc.char_span(form.start, form.end, alignment_mode="expand")
        if span is None:
            return None
        if span.start > 0 and (title := self.doc[span.start - 1].lower_) in _TITLES:
            return _TITLES[title]
        return self._bound_gender(span.root)

    def _bound_gender(self, subject: Token) -> str | None:
        """The gender the pronouns of a subject's own clause give it ('Kim was found
        dead at her home')."""
        if subject.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        verb = subject.head
        genders = {
            _GENDERED[t.lower_]
            for t in verb.subtree
            if t.lower_ in _GENDERED and _bound_by(t, verb, subject)
        }
        return genders.pop() if len(genders) == 1 else None

    def _resolve_pointer(self, token: Token, sentence: int) -> None:
        found = self._pointed_at(token, sentence)
        self.referents[token.i] = found
        if found is not None and found.entity:
            weight = ROLE_WEIGHTS[grammatical_role(token)]
            self.salience.add(Mentioned(found.entity, token.idx, sentence, weight))

    def _describes_name(self, token: Token) -> bool:
        """'the late actress Moon Ha-rin': a noun before a name describes it and points
        nowhere."""
        following = token.i + 1 < len(token.doc) and (token.i + 1) in self.by_token
        return following or (token.head.i in self.by_token and token.dep_ != "poss")

    def referent(
        self,
        token: Token,
        types: frozenset[EntityType],
        exclude: frozenset[str | None] | set[str | None] = frozenset(),
    ) -> Mention | None:
        """What a pronoun, described noun or epithet means, if of `types` and not in
        `exclude`."""
        found = self.referents.get(token.i)
        if found is None or found.type not in types or found.entity in exclude:
            return None
        return found

    def salient(self, offset: int, sentence: int, types: frozenset[EntityType]) -> Mention | None:
        """The entity of `types` the reader clearly has most in mind at `offset` (its
        last mention), if one is."""
        candidates = {m.entity: m for m in self.mentions_before(offset) if m.type in types}
        chosen = self.salience.choose(offset, sentence, candidates)
        return candidates.get(str(chosen)) if chosen is not None else None

    def mentions_before(self, offset: int, reach: int = REACH) -> Sequence[Mention]:
        """The mentions that end before `offset`, at most `reach` characters back."""
        low = bisect_left(self._starts, offset - reach - self._longest)
        high = bisect_left(self._starts, offset)
        return [m for m in self.mentions[low:high] if m.end <= offset and offset - m.end < reach]

    def _pointed_at(self, token: Token, sentence: int) -> Mention | None:
        word = token.lower_
        exclude = self._coarguments(token)
        described: str | None = None
        gender: str | None = None
        bound: str | None = None  # the gender the clause gives a described noun
        if word in PRONOUN_GENDER:
            wanted, gender = PERSON, PRONOUN_GENDER[word]
        elif word in _ORG_PRONOUNS:
            wanted = ORG | WORK  # "its release"
        elif word in _EPITHETS:
            wanted = PERSON
            possessor = next(c for c in token.children if c.dep_ == "poss")
            owner = self.referents.get(possessor.i) or self.by_token.get(possessor.i)
            exclude.add(owner.entity if owner else None)
        elif word in _ORG_NOUNS:
            wanted = ORG
        elif word in _WORK_NOUNS:
            wanted = WORK
        else:
            wanted, described = PERSON, word
            # "the star said she was thrilled": the gender her clause gives her
            gender = "f" if word in FEMALE else "m" if word in MALE else None
            bound = None if gender else self._bound_gender(token)
        candidates = {
            m.entity: m
            for m in self.mentions_before(token.idx)
            if m.type in wanted and m.entity and m.entity not in exclude
        }
        speaker = self._speaker_of(token) if word in PRONOUN_GENDER else None
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_VERBS:
            # "he said": the one who spoke just before
            # not one the text says is dead, nor one the quote it closes talks about
            told = self._named_in_quote_before(token)
            candidates = {
                e: m for e, m in candidates.items() if e not in self.dead and e not in told
            }
            # counted from where the quote it closes opens: a long quote has sentences
            opened = self._quote_opening(token, sentence)
            if self.last_speaker and opened - self.last_speaker[1] <= SPEAKER_REACH:
                speaker = speaker or self._still_speaking(*self.last_speaker, gender, candidates)
        if word in _ORG_NOUNS:
            candidates = {e: m for e, m in candidates.items() if self.is_agency(m)}
        bonus: dict[str, float] = {}
        if gender is not None:
            unlike = "m" if gender == "f" else "f"
            candidates = {e: m for e, m in candidates.items() if self.gender.get(e) != unlike}
            # one the text said is of that gender, over one it said nothing of
            bonus = {e: GENDER_BONUS for e in candidates if self.gender.get(e) == gender}
        if bound is not None:  # a guess from the parse: against what a word said only
            unlike = "m" if bound == "f" else "f"
            candidates = {e: m for e, m in candidates.items() if self.stated.get(e) != unlike}
        if described is not None:
            kin = _kin(described)
            fitting = {e: m for e, m in candidates.items() if kin & self.described.get(e, set())}
            if not fitting and described in _BROAD_PERSON_NOUNS and self.principal:
                # "the singer", said of no one: the person the article is about, unless
                # the text called them something else ("the doctor")
                fitting = {
                    e: m
                    for e, m in candidates.items()
                    if e == self.principal and not self.described.get(e, set()) & _PERSON_NOUNS
                }
            candidates = fitting
        if speaker is not None and speaker in candidates:
            return candidates[speaker]  # "Joe Jackson said he …"
        chosen = self.salience.choose(token.idx, sentence, candidates, bonus)
        if chosen is None:
            return None
        entity = str(chosen)
        if described is not None:
            self.described.setdefault(entity, set()).add(described)
        sure = word not in PRONOUN_GENDER or self.salience.choose(
            token.idx, sentence, candidates, bonus, margin=SURE
        )
        if gender is not None and sure:
            self.gender.setdefault(entity, gender)  # "the actress"; whom "she" surely means
        return candidates[entity]

    def _quote_closed_by(self, token: Token) -> tuple[int, int] | None:
        """The quote a reporting clause at `token` closes: the one right before it."""
        at = bisect_left(self._quotes, (token.idx, token.idx))
        if not at:
            return None
        start, end = self._quotes[at - 1]
        return (start, end) if self.doc.text[end : token.idx].strip(" ,") == "" else None

    def _named_in_quote_before(self, token: Token) -> set[str]:
        """The entities named in the quote right before a reporting clause ('"… all of
        Michael Jackson," he said': not Jackson); a speaker hardly names themself."""
        quote = self._quote_closed_by(token)
        if quote is None:
            return set()
        start, end = quote
        return {
            m.entity for m in self.mentions_before(end, end - start) if m.start > start and m.entity
        }

    def _quote_opening(self, token: Token, sentence: int) -> int:
        """The sentence the quote right before a reporting clause opens in, else the
        clause's own."""
        quote = self._quote_closed_by(token)
        if quote is None:
            return sentence
        return min(sentence, bisect_right(self.sentence_starts, quote[0]) - 1)

    def _still_speaking(
        self, speaker: str, spoke: int, gender: str | None, candidates: Mapping[str, Mention]
    ) -> str | None:
        """The one who spoke just before, unless the pronoun's gender is not theirs and
        is that of someone the text made the subject since ('…," said Lil Wayne. His
        sister Janet took the stage. "…," she said': Janet)."""
        if gender is None or self.gender.get(speaker) == gender:
            return speaker
        if any(
            self.gender.get(e) == gender and m.sentence > spoke and self._subject(m)
            for e, m in candidates.items()
            if e != speaker
        ):
            return None
        return speaker

    def _subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}

    def _speaker_of(self, token: Token) -> str | None:
        """'Joe Jackson said he …': the subject of what someone says is, first, the one
        saying it; 'a spokeswoman for Dr Murray said he …': the one spoken for."""
        verb = token.head
        if token.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "ccomp":
            return None
        if verb.head.lemma_.lower() not in SPEECH_VERBS:
            return None
        for subject in self._sayers(verb.head):
            named = self.by_token.get(subject.i) or self.referents.get(subject.i)
            if named is None and subject.lower_ in PROXY_NOUNS:
                named = next(
                    (
                        m
                        for c in subject.children
                        for t in (
                            [c]
                            if c.dep_ == "poss"
                            else [g for g in c.children if c.lower_ in {"for", "of"}]
                        )
                        if (m := self.by_token.get(t.i) or self.referents.get(t.i)) is not None
                    ),
                    None,
                )
            if named is not None and named.type == "person":
                return named.entity
        return None

    def _coarguments(self, token: Token) -> set[str | None]:
        """A pronoun object or complement never means its own clause's subject: 'Lee
        praised him', 'Kim met with her'; a pronoun subject never means a name its own
        clause goes on to use: 'he said Jackson asked for milk' is not Jackson."""
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return self._named_later_in_clause(token)
        if token.dep_ not in {"dobj", "pobj", "dative", "iobj"} or token.lower_ in {"his", "her"}:
            return set()
        verb = token.head.head if token.dep_ == "pobj" else token.head
        out: set[str | None] = set()
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                mention = self.by_token.get(child.i) or self.referents.get(child.i)
                if mention is not None:
                    out.add(mention.entity)
        return out

    def _named_later_in_clause(self, subject: Token) -> set[str | None]:
        """The entities named after a subject in its clause, outside its own words; a
        surname several own stands, until it is read, for the principal among them."""
        verb = subject.head
        own = {t.i for t in subject.subtree}
        later = [t for t in verb.subtree if t.i > subject.i and t.i not in own]
        out: set[str | None] = set()
        for t in later:
            mention = self.by_token.get(t.i) or self.referents.get(t.i)
            if mention is not None:
                out.add(mention.entity)
        if self.principal and later:
            start, end = later[0].idx, later[-1].idx + len(later[-1])
            if any(start <= f.start < end and self.principal in f.owners for f in self._shared):
                out.add(self.principal)
        return out

    def is_agency(self, mention: Mention) -> bool:
        return mention.text.split()[-1] in _AGENCY_WORDS or mention.entity in self.agencies


def _kin(noun: str) -> frozenset[str]:
    """The nouns that describe the same kind of person as `noun`."""
    return frozenset({noun}).union(*(f for f in _FAMILIES if noun in f))


def given_name_gender(name: str) -> str | None:
    """'f' for 'Janet Jackson', 'm' for 'Conrad Murray' (by the census's given names);
    None for a Korean name, whose first word is the surname, or a name not listed."""
    words = name.split()
    if len(words) < 2 or korean_name_parts(name):
        return None
    if words[0] in _MALE_NAMES:
        return "m"
    return "f" if words[0] in _FEMALE_NAMES else None


def _principal(mentions: Sequence[Mention], title: str | None) -> str | None:
    """The person the article is about: the one person its title names, else the one
    it names most (the first named among equals), if named more than once."""
    if title:
        titled = {
            m.entity
            for m in mentions
            if m.type == "person" and m.kind == "name" and m.text in title
        }
        if len(titled) == 1:
            return titled.pop()
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.type == "person" and mention.entity:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    first = next(m.entity for m in mentions if m.entity and counts.get(m.entity) == best)
    return first if best > 1 else None


def _occasion(mentions: Sequence[Mention], title: str | None) -> Mention | None:
    """The ceremony or festival the article is about: the one event its title names,
    else the one it names most (the first among equals), named more than once, or the
    only one it names."""
    events = [m for m in mentions if m.type == "event" and m.entity]
    # "the 27th Seoul Music Awards" is the "Seoul Music Awards" of the title
    titled = {m.entity for m in events if title and without_event_year(m.text) in title}
    if len(titled) == 1:
        entity = titled.pop()
        return next(m for m in events if m.entity == entity)
    counts: dict[str, int] = {}
    for mention in events:
        counts[mention.entity or ""] = counts.get(mention.entity or "", 0) + 1
    best = max(counts.values(), default=0)
    if best < 2 and len(counts) != 1:
        return None
    return next(m for m in events if counts[m.entity or ""] == best)


def _bound_by(pronoun: Token, verb: Token, subject: Token) -> bool:
    """The pronoun speaks of the verb's subject: no clause between them has a subject
    of its own ("Kim was once beloved, with her big break being …"; not "Kim said
    that Lee called her")."""
    head = pronoun.head  # spaCy makes a new Token at each access: compare positions
    while head.i != verb.i and head.head.i != head.i:
        if head.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.i != pronoun.i for c in head.children
        ):
            return False
        if head.dep_ in {"advcl", "relcl", "acl"} and pronoun.head.i == head.i:
            return False  # "…dating her in 2019, when she was an adult": a clause of its own
        head = head.head
    return head.i == verb.i and subject.i != pronoun.i


def _describing_words(span: Span) -> set[str]:
    """'singer-actress IU', 'pop star Michael Jackson', 'Ms. Kim', 'his doctor, Conrad
    Murray', 'Conrad Murray, the doctor': the lower-case words that describe a name."""
    doc = span.doc
    words = set()
    if span.start > 0 and doc[span.start - 1].lower_ in {"dr", "dr."}:
        words.add("doctor")  # "Dr Murray" is a doctor, and not "the singer"
    i = span.start - 1
    while i >= 0 and span.start - i <= 4:
        token = doc[i]
        word = token.lower_
        if token.text in {"-", "‐"} or token.pos_ in {"NOUN", "ADJ"} or word in _DESCRIBING:
            words.add(word)
            i -= 1
            continue
        break
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.add(root.head.lower_)
    words.update(c.lower_ for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")
    return words


def _said_dead(span: Span) -> bool:
    """'the late Michael Jackson', 'Jackson died in 2009', 'Jackson's death'."""
    root = span.root
    before = span.doc[max(span.start - 3, 0) : span.start]
    return (
        any(t.lower_ == "late" for t in before)
        or (root.dep_ == "nsubj" and root.head.lemma_.lower() == "die")
        or (root.dep_ == "poss" and root.head.lemma_.lower() == "death")
    )


def _points_back(token: Token) -> bool:
    word = token.lower_
    if word in PRONOUN_GENDER or word in _ORG_PRONOUNS:
        return True
    if word in _EPITHETS:
        return any(c.dep_ == "poss" for c in token.children)
    determined = any(c.lower_ in _DETERMINERS for c in token.children)
    return determined and token.pos_ == "NOUN" and word in _PERSON_NOUNS | _ORG_NOUNS | _WORK_NOUNS
