"""The pipeline: every stage a document goes through, in order, and ingest.

`STAGES` declares the order, what each stage needs and what it sets. `prepare` runs
the stages that need nothing but the input (the per-document function a batch engine
would map over a corpus); spaCy annotates many prepared documents at a time; then
each document is written in its own transaction by the stages that need the store.
`ingest` runs all of it over the user's inputs; a bad input becomes a FAILED result
and the batch goes on.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from storyline.analyse.annotate import Annotation, Annotator, default_annotator
from storyline.analyse.claims import read_claims
from storyline.analyse.events import extract_events
from storyline.analyse.resolve import refresh_entity, resolve_document
from storyline.connect.fusion import fuse_events
from storyline.connect.stories import assign_story, leave_story
from storyline.errors import InputError
from storyline.models import (
    CleanedText,
    Document,
    Event,
    Mention,
    Outcome,
    Published,
    RawDocument,
    new_id,
)
from storyline.read import InputRef, ReadOptions, expand_inputs, is_stdin, read_input
from storyline.read.clean import clean, normalise
from storyline.read.copies import index_signature, nearest_copy, signature
from storyline.read.language import detect_language
from storyline.read.published import publication_date
from storyline.store import SQLiteStore


@dataclass(slots=True)
class Draft:
    """A document as the prepare stages build it, each setting what the next reads."""

    raw: RawDocument
    notes: tuple[str, ...]
    title: str | None = None
    text: str = ""
    cleaned: CleanedText | None = None
    published: Published = field(default_factory=Published.unknown)
    language: str | None = None
    signature: bytes = b""


@dataclass(slots=True)
class Work:
    """A prepared document in its transaction, as the store stages build it."""

    prepared: Prepared
    annotation: Annotation | None
    near: tuple[str, float] | None = None  # the document it is a near-copy of, and how near
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def document(self) -> Document:
        return self.prepared.document


# prepare: from the input alone; annotate: many documents at a time; store: in the
# document's transaction; analyse: there too, for a document that was annotated.
Phase = Literal["prepare", "annotate", "store", "analyse"]


@dataclass(slots=True, frozen=True)
class Stage:
    """One step of the pipeline: what it needs known, what it sets, and, for the
    stages this module runs, the function that does it."""

    name: str
    needs: tuple[str, ...]
    sets: tuple[str, ...]
    run: Callable[[Any, Any], None] | None = None  # (store, Work), or (None, Draft)
    phase: Phase = "store"


@dataclass(slots=True, frozen=True)
class Prepared:
    document: Document
    content_hash: str
    input_hash: str
    notes: tuple[str, ...] = ()
    signature: bytes = b""  # MinHash of the text, for near-copies


@dataclass(slots=True, frozen=True)
class IngestResult:
    """What happened to one document (or one input that yielded none)."""

    source: str
    outcome: Outcome
    document_id: str | None = None
    message: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class IngestSummary:
    counts: dict[Outcome, int] = field(default_factory=lambda: dict.fromkeys(Outcome, 0))
    failures: list[IngestResult] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        """{"ingested": 11, "updated": 0, "unchanged": 0, "duplicate": 0, "failed": 0}"""
        return {outcome.value: n for outcome, n in self.counts.items()}

    def add(self, result: IngestResult) -> None:
        self.counts[result.outcome] += 1
        if result.outcome is Outcome.FAILED:
            self.failures.append(result)

    @property
    def failed(self) -> int:
        return self.counts[Outcome.FAILED]


def fingerprint(text: str) -> str:
    """Hash of the text with case, width and spacing folded away."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def input_fingerprint(raw: RawDocument) -> str:
    """Hash of everything an input gave, to skip re-reading what has not changed."""
    fields = (raw.kind, raw.title, raw.url, raw.outlet, raw.author, raw.published, raw.text)
    return hashlib.sha256("\x1f".join(f or "" for f in fields).encode("utf-8")).hexdigest()


def document_id(content_hash: str, url: str | None) -> str:
    """d_ + 16 hex digits; the same text at two URLs is two documents."""
    key = f"{url}\n{content_hash}" if url else content_hash
    return new_id("d", key)


def outlet_from_url(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # "http://[::1": kept as given, but it names no host
        return None
    return host.removeprefix("www.") if host else None


def prepare(raw: RawDocument, input_hash: str | None = None) -> Prepared:
    """Clean, date and identify one document (the prepare stages); raise InputError
    when nothing is left. `input_hash` is `input_fingerprint(raw)` when the caller has
    it already."""
    draft = Draft(raw, raw.notes)
    for stage in _phase("prepare"):
        assert stage.run is not None
        stage.run(None, draft)
    assert draft.cleaned is not None
    content_hash = fingerprint(draft.text)
    document = Document(
        id=document_id(content_hash, raw.url),
        source=raw.source,
        kind=raw.kind,
        text=draft.text,
        title=draft.title,
        url=raw.url,
        outlet=_one_line(raw.outlet) or outlet_from_url(raw.url) or draft.cleaned.outlet,
        author=_one_line(raw.author) or draft.cleaned.author,
        language=draft.language,
        published=draft.published,
        credited_sources=draft.cleaned.credited_sources,
        removed=draft.cleaned.removed,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return Prepared(
        document, content_hash, input_hash or input_fingerprint(raw), draft.notes, draft.signature
    )


def _clean(_: None, draft: Draft) -> None:
    draft.cleaned = clean(draft.raw.text)
    draft.title = _one_line(draft.raw.title)
    draft.text = _without_title(draft.cleaned.text, draft.title)
    if not draft.text:
        raise InputError(draft.raw.source, "no article text left after cleaning")


def _date(_: None, draft: Draft) -> None:
    draft.published, note = publication_date(draft.raw, draft.text)
    if note:
        draft.notes += (note,)


def _detect_language(_: None, draft: Draft) -> None:
    draft.language = detect_language(f"{draft.title or ''}\n{draft.text}")


def _sign(_: None, draft: Draft) -> None:
    draft.signature = signature(draft.text)


def _one_line(value: str | None) -> str | None:
    """A title, outlet or byline as one clean line; None when nothing is left."""
    return " ".join(normalise(value).split()) or None if value else None


def _without_title(text: str, title: str | None) -> str:
    """Pages often repeat the headline as the first line of the body."""
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.casefold():
        return rest.strip()
    return text


def annotates(document: Document) -> bool:
    """Entity recognition reads English for now; other languages are stored without
    entities. A bilingual article that opens in English is read too."""
    if document.language in {None, "en"}:
        return True
    letters = [c for c in document.text[:1000] if c.isalpha()]
    return sum(c.isascii() for c in letters) > 0.5 * len(letters)


def store_document(
    store: SQLiteStore, prepared: Prepared, annotation: Annotation | None = None
) -> IngestResult:
    """Write one prepared document, its mentions and entities in one transaction; say
    what that changed.

    A source that now holds different text replaces its old document (unless another
    source still points to it); standard input never replaces anything.
    """
    doc = prepared.document
    with store.transaction():
        previous = store.document_for_source(doc.source)
        replaces = previous if previous != doc.id and not is_stdin(doc.source) else None
        exists = store.document_exists(doc.id)
        work = Work(prepared, annotation)
        if not exists:
            for stage in _phase("store", "analyse"):
                assert stage.run is not None
                if stage.phase == "store" or annotation is not None:
                    stage.run(store, work)
        store.set_source(doc.source, doc.id, prepared.input_hash)
        if replaces and store.is_orphaned(replaces):
            leave_story(store, replaces)
            for entity_id in store.delete_document(replaces):
                refresh_entity(store, entity_id)
    if previous == doc.id:
        outcome, message = Outcome.UNCHANGED, None
    elif exists:
        outcome, message = Outcome.DUPLICATE, f"same text as {doc.id}, already stored"
    else:
        outcome = Outcome.UPDATED if replaces else Outcome.INGESTED
        if work.near:
            near = work.near
            message = f"a near-copy of {near[0]} ({near[1]:.0%} of its wording)"
        elif doc.duplicate_of:
            message = f"same text as {doc.duplicate_of} (another URL)"
        else:
            message = None
    return IngestResult(doc.source, outcome, doc.id, message, prepared.notes)


def analyse(store: SQLiteStore, document: Document, annotation: Annotation) -> None:
    """The analyse stages for a document already stored (`reprocess`)."""
    work = Work(Prepared(document, "", ""), annotation)
    for stage in _phase("analyse"):
        assert stage.run is not None
        stage.run(store, work)


def _find_copy(store: SQLiteStore, work: Work) -> None:
    """The same text at another URL, or a near-copy: the original it copies."""
    doc = work.document
    doc.duplicate_of = store.document_with_content(work.prepared.content_hash)
    if doc.duplicate_of is None:
        work.near = nearest_copy(store, work.prepared.signature, exclude=[doc.id])
        doc.duplicate_of = store.original_of(work.near[0]) if work.near else None


def _insert(store: SQLiteStore, work: Work) -> None:
    store.insert_document(work.document, work.prepared.content_hash)
    index_signature(store, work.document.id, work.prepared.signature)
    if work.annotation is None and not annotates(work.document):
        store.mark_annotated(work.document.id)  # nothing to find in a language we do not read


def _resolve(store: SQLiteStore, work: Work) -> None:
    assert work.annotation is not None
    resolve_document(store, work.document, work.annotation)
    work.mentions = store.document_mentions(work.document.id)


def _read_events(store: SQLiteStore, work: Work) -> None:
    assert work.annotation is not None
    names = store.entity_names(m.entity for m in work.mentions if m.entity)
    work.events = extract_events(work.document, work.annotation, work.mentions, names)
    store.insert_events(work.events)


def _fuse(store: SQLiteStore, work: Work) -> None:
    fuse_events(store, work.events)


def _read_claims(store: SQLiteStore, work: Work) -> None:
    assert work.annotation is not None
    store.insert_claims(read_claims(work.document, work.annotation.sentences, work.mentions))


def _join_story(store: SQLiteStore, work: Work) -> None:
    assign_story(store, work.document)


# Every stage, in the order a document goes through them. `tests/test_pipeline.py`
# checks that each stage's needs are set by an input or an earlier stage.
INPUT = ("raw",)
STAGES: tuple[Stage, ...] = (
    Stage(
        "clean",
        ("raw",),
        ("text", "title", "credited_sources", "author", "outlet"),
        _clean,
        "prepare",
    ),
    Stage("published", ("raw", "text"), ("published",), _date, "prepare"),
    Stage("language", ("title", "text"), ("language",), _detect_language, "prepare"),
    Stage("sign", ("text",), ("signature",), _sign, "prepare"),
    # many documents at a time, by the Annotator (`ingest`, `reannotate`)
    Stage("annotate", ("text", "language"), ("sentences", "mentions"), None, "annotate"),
    Stage("copies", ("text", "signature"), ("duplicate_of",), _find_copy, "store"),
    Stage("insert", ("text", "published", "language", "duplicate_of"), ("stored",), _insert),
    Stage("resolve", ("stored", "mentions"), ("entities",), _resolve, "analyse"),
    Stage("events", ("entities", "sentences", "published"), ("events",), _read_events, "analyse"),
    Stage("fuse", ("events",), ("fused_events",), _fuse, "analyse"),
    Stage("claims", ("entities", "sentences"), ("claims",), _read_claims, "analyse"),
    Stage("story", ("entities", "events", "published"), ("story",), _join_story),
)


def _phase(*phases: str) -> Iterator[Stage]:
    return (stage for stage in STAGES if stage.phase in phases)


def ingest(
    store: SQLiteStore,
    inputs: Iterable[str | InputRef],
    options: ReadOptions | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
    annotator: Annotator | None = None,
) -> IngestSummary:
    """Ingest files, folders, globs, URLs or '-' (standard input) into `store`:
    clean, date, annotate and resolve each new document."""
    options = options or ReadOptions()
    annotator = annotator or default_annotator()
    summary = IngestSummary()
    for result in _results(store, _refs(inputs), options, annotator):
        summary.add(result)
        if on_result:
            on_result(result)
    return summary


def ingest_raw(
    store: SQLiteStore,
    documents: Iterable[RawDocument],
    annotator: Annotator | None = None,
) -> list[IngestResult]:
    """Ingest documents already read (an API request, another program's records); what
    became of each."""
    annotator = annotator or default_annotator()
    results: list[IngestResult] = []
    batch: list[Prepared] = []
    for raw in documents:
        prepared = _prepare_one(store, raw)
        if isinstance(prepared, IngestResult):
            results.append(prepared)
        else:
            batch.append(prepared)
    results.extend(_store_batch(store, batch, annotator))
    return results


def reannotate(
    store: SQLiteStore,
    *,
    everything: bool = False,
    on_document: Callable[[str], None] | None = None,
    annotator: Annotator | None = None,
) -> int:
    """Annotate and resolve stored documents again: those never annotated (stored by an
    older storyline), or with `everything`, all of them from scratch. Returns how many."""
    annotator = annotator or default_annotator()
    _sign_unsigned(store)
    if everything:
        with store.transaction():
            store.clear_annotations()
    ids = store.unannotated_documents()
    for start in range(0, len(ids), annotator.batch_size):
        documents = [store.get_document(i) for i in ids[start : start + annotator.batch_size]]
        for document, annotation in _annotated(documents, annotator):
            with store.transaction():
                if annotation is None:
                    store.mark_annotated(document.id)
                else:
                    analyse(store, document, annotation)
            if on_document:
                on_document(document.id)
    return len(ids)


def _sign_unsigned(store: SQLiteStore) -> None:
    """Documents stored before near-copies were found: their signatures, in ingest
    order, and the earlier copy each one is of."""
    for document_id in store.documents_without_signature():
        document = store.get_document(document_id)
        sig = signature(document.text)
        with store.transaction():
            if document.duplicate_of is None:
                near = nearest_copy(store, sig, exclude=[document_id])
                if near:
                    store.set_duplicate_of(document_id, store.original_of(near[0]))
            index_signature(store, document_id, sig)


def _annotated(
    documents: list[Document], annotator: Annotator
) -> Iterator[tuple[Document, Annotation | None]]:
    """Each document with its annotation (None for languages not annotated), in order."""
    wanted = [d for d in documents if annotates(d)]
    annotations = dict(
        zip((d.id for d in wanted), annotator.annotate_many(d.text for d in wanted), strict=True)
    )
    for document in documents:
        yield document, annotations.get(document.id)


def _refs(inputs: Iterable[str | InputRef]) -> Iterator[InputRef]:
    for item in inputs:
        if isinstance(item, InputRef):
            yield item
        else:
            yield from expand_inputs([item])


def _results(
    store: SQLiteStore, refs: Iterable[InputRef], options: ReadOptions, annotator: Annotator
) -> Iterator[IngestResult]:
    """Documents are read as they stream in (a record file a record at a time) and
    wait in a batch, so spaCy annotates many at a time; each full batch is stored
    before more is read, so memory stays bounded and work is committed early."""
    batch: list[Prepared] = []
    for ref in refs:
        for item in read_input(ref, options):
            prepared = _prepare_one(store, item)
            if isinstance(prepared, IngestResult):
                yield prepared
                continue
            batch.append(prepared)
            if len(batch) >= annotator.batch_size:
                yield from _store_batch(store, batch, annotator)
                batch = []
    yield from _store_batch(store, batch, annotator)


def _prepare_one(store: SQLiteStore, item: RawDocument | InputError) -> Prepared | IngestResult:
    """One document cleaned, dated and identified, or what went wrong with it."""
    if isinstance(item, InputError):
        return IngestResult(item.source, Outcome.FAILED, message=item.reason)
    try:
        input_hash = input_fingerprint(item)
        known = store.document_for_input(item.source, input_hash)
        if known:
            return IngestResult(item.source, Outcome.UNCHANGED, known, notes=item.notes)
        return prepare(item, input_hash)
    except InputError as exc:
        return IngestResult(exc.source, Outcome.FAILED, message=exc.reason)
    except Exception as exc:  # odd input that breaks a library fails this document alone
        return _failed(item.source, "unexpected error while preparing it", exc)


def _failed(source: str, what: str, exc: BaseException) -> IngestResult:
    return IngestResult(source, Outcome.FAILED, message=f"{what} ({type(exc).__name__}: {exc})")


def _store_batch(
    store: SQLiteStore, batch: list[Prepared], annotator: Annotator
) -> Iterator[IngestResult]:
    # Texts already stored (a second copy of an article) need no annotation.
    fresh = [p.document for p in batch if not store.document_exists(p.document.id)]
    annotations = _annotations(fresh, annotator)
    for prepared in batch:
        source, annotation = prepared.document.source, annotations.get(prepared.document.id)
        if isinstance(annotation, Exception):
            yield _failed(source, "could not annotate it", annotation)
            continue
        try:
            yield store_document(store, prepared, annotation)
        except Exception as exc:  # the transaction rolled back; the batch goes on
            yield _failed(source, "could not store it", exc)


def _annotations(
    documents: list[Document], annotator: Annotator
) -> dict[str, Annotation | Exception]:
    """Each document's annotation (none for languages not annotated), or the error that
    annotating it raised: when a batch fails, its documents are annotated one by one,
    so that only the one that breaks the parser fails."""
    try:
        return {d.id: a for d, a in _annotated(documents, annotator) if a is not None}
    except Exception as exc:
        if len(documents) == 1:
            return {documents[0].id: exc}
    found: dict[str, Annotation | Exception] = {}
    for document in documents:
        found.update(_annotations([document], annotator))
    return found
