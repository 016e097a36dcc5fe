"""The data that flows between storyline's stages.

Each stage takes one of these and returns another; none of them knows about storage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Literal

Precision = Literal["day", "month", "year", "unknown"]
DateBasis = Literal["input", "metadata", "content", "unknown"]
InputKind = Literal["txt", "html", "jsonl", "json", "csv", "url"]


def new_id(prefix: str, key: str) -> str:
    """An id: a one-letter prefix saying what it names ("d", "e", "v", "r", "s"), and 16
    hex digits of the SHA-256 of what makes it that thing."""
    return f"{prefix}_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def first_day(value: str) -> date:
    """The first day of a date cut to its precision: "2024" and "2024-01" -> 2024-01-01."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


@dataclass(slots=True, frozen=True)
class TimeValue:
    """A date cut to what is known of it: "2024", "2024-05" or "2024-05-19"."""

    value: str | None
    precision: Precision
    text: str | None = None

    @classmethod
    def unknown(cls, text: str | None = None) -> TimeValue:
        return cls(None, "unknown", text)


@dataclass(slots=True, frozen=True)
class Published:
    """When a document was published, and how storyline knows."""

    value: str | None
    precision: Precision
    basis: DateBasis

    @classmethod
    def unknown(cls) -> Published:
        return cls(None, "unknown", "unknown")


@dataclass(slots=True)
class RawDocument:
    """What a reader found in one input, before cleaning.

    `published` is the raw date string the input carried (a record field or page
    metadata); `published_basis` says which of the two it was. `notes` are warnings
    worth telling the user (an encoding fallback, a date that could not be read).
    """

    source: str
    kind: InputKind
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_basis: DateBasis = "unknown"
    notes: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class CleanedText:
    """Article text with page residue removed; the text that offsets index."""

    text: str
    credited_sources: tuple[str, ...] = ()
    author: str | None = None
    removed: tuple[str, ...] = ()
    outlet: str | None = None  # named by a byline ("By Peter Bowes BBC News")


@dataclass(slots=True)
class Document:
    """One stored article."""

    id: str
    source: str
    kind: InputKind
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    published: Published = field(default_factory=Published.unknown)
    credited_sources: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    story: str | None = None
    duplicate_of: str | None = None
    ingested_at: str | None = None


# What a reader is told when a document names no outlet and credits no source: never
# the file name it was read from.
UNKNOWN_OUTLET = "unknown outlet"


def outlet_label(outlet: str | None, credited_sources: Sequence[str]) -> str:
    """Who published a document, for a reader: its outlet, else the source it credits."""
    return outlet or (credited_sources[0] if credited_sources else UNKNOWN_OUTLET)


class Outcome(Enum):
    """What ingesting one input did to the store."""

    INGESTED = "ingested"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


EntityType = Literal["person", "work", "org", "event", "place", "account"]
# How a mention names its entity: in full, by a short form ("Han", "Hye-kyo"), by a
# social account, or by a description ("the 'The Glory' actress").
MentionKind = Literal["name", "short", "account", "descriptor"]


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of a document's cleaned text, by character offsets."""

    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Mention:
    """A stretch of cleaned text that names an entity; `sentence` indexes the
    document's sentences. `entity` is filled in by resolution."""

    start: int
    end: int
    text: str
    type: EntityType
    sentence: int
    kind: MentionKind = "name"
    entity: str | None = None
    # Found by a rule rather than only by the statistical NER (whose types vary more).
    ruled: bool = False


@dataclass(slots=True)
class Entity:
    """One real person, work, organisation, event, place or account."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    mentions: int = 0


Modality = Literal["asserted", "rumoured", "denied", "planned", "hoped"]
# The types of event storyline reads; `analyse.eventtypes` says what each one means.
EventTypeName = Literal[
    "social.like",
    "social.comment",
    "social.tag",
    "social.unfollow",
    "social.post",
    "social.followers_lost",
    "social.silence",
    "personal.meet",
    "personal.visit",
    "personal.gift",
    "personal.congratulate",
    "personal.support",
    "personal.dating",
    "personal.breakup",
    "personal.affair",
    "personal.apology",
    "career.cast",
    "career.cancelled",
    "career.award",
    "career.attend",
    "career.endorsement_ended",
    "career.contract_ended",
    "career.release",
    "career.debut",
    "career.concert",
    "career.contract",
    "career.endorsement",
    "career.military_enlist",
    "career.military_discharge",
    "speech.statement",
    "speech.denial",
    "speech.legal_action",
    "legal.complaint",
    "legal.penalty",
    "bio.born",
    "bio.died",
]


@dataclass(slots=True, frozen=True)
class Participant:
    """An entity in an event, in a role of its type ("agent", "target", "work", …)."""

    role: str
    entity: str
    name: str = ""  # the entity's name when the event was read, for summaries


@dataclass(slots=True, frozen=True)
class Evidence:
    """Where an event is written: a stretch of a document's cleaned text."""

    document: str
    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class Conflict:
    """One of the values sources give for a field of an event, and who gives it."""

    field: str  # "time", "modality" or "quote"
    value: str
    documents: tuple[str, ...]


@dataclass(slots=True)
class Event:
    """Who did what to whom, when, how sure the press is, and where it is written."""

    id: str
    type: EventTypeName
    participants: tuple[Participant, ...]
    time: TimeValue
    modality: Modality
    summary: str
    evidence: tuple[Evidence, ...]
    quote: str | None = None
    outlets: int = 1
    conflicts: tuple[Conflict, ...] = ()


@dataclass(slots=True, frozen=True)
class DocumentSource:
    """What fusion weighs of the document a reading comes from: its date, its ingest
    order, and the credited sources and outlet of its original (of itself, unless it
    is a copy)."""

    published: str | None
    order: int
    credited_sources: tuple[str, ...]
    outlet: str | None
    original: str
    source: str  # the original's: a file, a URL, FILE#LINE for a record


# entities as the store keeps them -----------------------------------------------------


@dataclass(slots=True, frozen=True)
class StoredEntity:
    id: str
    type: EntityType
    name: str
    rowid: int = 0  # creation order: the oldest of several keeps its id in a merge
    callings: frozenset[str] = frozenset()  # fields of work documents gave it ("arts")


@dataclass(slots=True, frozen=True)
class Spelling:
    text: str
    type: EntityType
    kind: MentionKind
    mentions: int


@dataclass(slots=True, frozen=True)
class EntityLink:
    document: str
    alias: str
    reason: str
    merged: str | None
    merged_name: str | None


@dataclass(slots=True, frozen=True)
class MentionRow:
    document: str
    mention: Mention
    how: str | None


# relations ---------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Claim:
    """A relation one sentence states."""

    type: str
    subject: str
    object: str
    modality: Modality
    evidence: Evidence


@dataclass(slots=True)
class Relation:
    type: str
    subject: str
    object: str
    modality: Modality = "asserted"
    since: TimeValue | None = None
    until: TimeValue | None = None
    events: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return new_id("r", f"{self.type}|{self.subject}|{self.object}")


# stories -----------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Story:
    """A story: the documents that tell one evolving chain of events, and its span."""

    id: str
    title: str
    first: str | None
    last: str | None
    documents: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class StoryJoin:
    """What a document brings to the story it joins."""

    document_id: str
    published: str | None
    entities: Iterable[str]  # every story-type entity it names
    terms: Mapping[str, float]  # its words and their weights
    keys: Iterable[str]  # its postings: "e:<entity>", "t:<term>"
