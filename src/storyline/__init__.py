"""storyline: turn overlapping news coverage into one sourced story.

from storyline import open_store, ingest, export_json

with open_store("news.db") as store:
    summary = ingest(store, ["articles/", "feed.jsonl"])
    data = export_json(store)
"""

from __future__ import annotations

from storyline._version import __version__
from storyline.errors import InputError, NotFoundError, StoreError, StorylineError
from storyline.models import CleanedText, Document, Outcome, Published, RawDocument, TimeValue
from storyline.pipeline import IngestResult, IngestSummary, ingest, prepare
from storyline.present.export import export_json
from storyline.read import FieldNames, ReadOptions
from storyline.store import SQLiteStore, open_store

__all__ = [
    "CleanedText",
    "Document",
    "FieldNames",
    "IngestResult",
    "IngestSummary",
    "InputError",
    "NotFoundError",
    "Outcome",
    "Published",
    "RawDocument",
    "ReadOptions",
    "SQLiteStore",
    "StoreError",
    "StorylineError",
    "TimeValue",
    "__version__",
    "export_json",
    "ingest",
    "open_store",
    "prepare",
]
