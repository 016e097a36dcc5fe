"""The SQLite store: one file, WAL mode, one writer; all of storyline's SQL lives here."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from storyline.errors import NotFoundError, StoreError, StorylineError
from storyline.models import Document, Published, outlet_label
from storyline.store.duplicates import DuplicateTables
from storyline.store.entities import EntityTables
from storyline.store.events import EventTables
from storyline.store.migrations import current_version, latest_version, migrate
from storyline.store.relations import RelationTables
from storyline.store.sql import Where, chunks, marks
from storyline.store.stories import StoryTables

T = TypeVar("T")


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


@dataclass(slots=True, frozen=True)
class SearchHit:
    """A matching document; in `snippet`, \x02 and \x03 enclose each matched word."""

    document: str
    title: str | None
    source: str
    snippet: str
    score: float


@dataclass(slots=True, frozen=True)
class StoreStats:
    path: str
    schema_version: int
    size_bytes: int
    documents: int
    sources: int
    by_language: dict[str, int]
    by_kind: dict[str, int]
    by_date_basis: dict[str, int]
    outlets: dict[str, int]
    credited_sources: dict[str, int]
    first_published: str | None
    last_published: str | None
    entities: dict[str, int]
    events: dict[str, int]
    stories: int
    near_copies: int
    unannotated: int


_DOCUMENT_COLUMNS = (
    "id, source, kind, text, title, url, outlet, author, language, published_value, "
    "published_precision, published_basis, credited_sources, removed, story, duplicate_of, "
    "ingested_at"
)


@dataclass(slots=True, frozen=True)
class DocumentLabel:
    id: str
    outlet: str  # the outlet, else the source it credits, else UNKNOWN_OUTLET
    title: str | None
    published: str | None
    order: int  # ingest order


# How long a writer waits for another to finish before it gives up, in seconds: writers
# take turns, and one (a restory, a long ingest) may hold the database for a while.
LOCK_WAIT = 600.0
_BUSY_MS = 2000  # SQLite's own wait, inside each of our attempts


class SQLiteStore(EntityTables, EventTables, DuplicateTables, StoryTables, RelationTables):
    """Documents (and later entities, events, stories) in one SQLite file."""

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        pooled: bool = False,
        lock_wait: float = LOCK_WAIT,
    ) -> None:
        """`pooled`: the connection may pass from thread to thread (one at a time, as a
        server's connection pool hands it out). `lock_wait`: seconds a write waits for
        other writers before it fails."""
        self.path = str(path)
        self.lock_wait = lock_wait
        if self.path != ":memory:" and not create and not Path(self.path).exists():
            raise StoreError(
                f"no database at {self.path}; ingest something first "
                f"(storyline --db {self.path} ingest PATH)"
            )
        try:
            self.conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=not pooled
            )
            self.conn.row_factory = sqlite3.Row
            # first: every statement after it may meet another process's lock
            self.conn.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            self._retrying(lambda: self.conn.execute("PRAGMA journal_mode=WAL"))
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            # the story tables are read for every new document: keep them in memory
            self.conn.execute("PRAGMA cache_size=-65536")
            version = self._retrying(lambda: current_version(self.conn))
            if version > latest_version():
                raise StoreError(
                    f"{self.path} has schema version {version}, newer than this storyline "
                    f"({latest_version()}); upgrade storyline"
                )
            self._retrying(lambda: migrate(self.conn))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a storyline database: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return current_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: everything inside lands, or nothing does. It waits its
        turn while another process writes (up to `lock_wait` seconds)."""
        self._retrying(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _retrying(self, step: Callable[[], T]) -> T:
        """Run `step` until no other writer holds the database, waiting longer each
        time (with jitter, so that waiting writers do not wake together)."""
        deadline = time.monotonic() + self.lock_wait
        pause = 0.05
        while True:
            try:
                return step()
            except sqlite3.OperationalError as exc:
                if not _is_locked(exc):
                    raise
                if time.monotonic() + pause > deadline:
                    raise StoreError(
                        f"{self.path} stayed locked by another writer for "
                        f"{self.lock_wait:g} s; try again when it is done"
                    ) from exc
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, 2.0)

    # writes -------------------------------------------------------------------

    def insert_document(self, doc: Document, content_hash: str) -> None:
        self.conn.execute(
            f"INSERT INTO documents ({_DOCUMENT_COLUMNS}, content_hash) VALUES ({marks(18)})",
            (
                doc.id,
                doc.source,
                doc.kind,
                doc.text,
                doc.title,
                doc.url,
                doc.outlet,
                doc.author,
                doc.language,
                doc.published.value,
                doc.published.precision,
                doc.published.basis,
                json.dumps(list(doc.credited_sources), ensure_ascii=False),
                json.dumps(list(doc.removed), ensure_ascii=False),
                doc.story,
                doc.duplicate_of,
                doc.ingested_at,
                content_hash,
            ),
        )

    def is_orphaned(self, document_id: str) -> bool:
        """No input points to the document any more (its source now holds newer text)."""
        row = self.conn.execute(
            "SELECT 1 FROM document_sources WHERE document_id = ?", (document_id,)
        ).fetchone()
        return row is None

    def delete_document(self, document_id: str) -> list[str]:
        """Drop a document with its mentions; return the entities that lost mentions
        but live on."""
        touched = self.entities_in_document(document_id)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return self.drop_unmentioned(touched)

    def set_source(self, source: str, document_id: str, input_hash: str) -> None:
        self.conn.execute(
            "INSERT INTO document_sources(source, document_id, input_hash, seen_at) "
            "VALUES (?, ?, ?, datetime('now')) ON CONFLICT(source) DO UPDATE SET "
            "document_id = excluded.document_id, input_hash = excluded.input_hash, "
            "seen_at = excluded.seen_at",
            (source, document_id, input_hash),
        )

    # reads --------------------------------------------------------------------

    def document_for_source(self, source: str) -> str | None:
        row = self.conn.execute(
            "SELECT document_id FROM document_sources WHERE source = ?", (source,)
        ).fetchone()
        return str(row[0]) if row else None

    def document_for_input(self, source: str, input_hash: str) -> str | None:
        """The document `source` produced last time, if it held exactly this input then."""
        row = self.conn.execute(
            "SELECT document_id FROM document_sources WHERE source = ? AND input_hash = ?",
            (source, input_hash),
        ).fetchone()
        return str(row[0]) if row else None

    def document_exists(self, document_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def document_with_content(self, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = ? ORDER BY rowid LIMIT 1",
            (content_hash,),
        ).fetchone()
        return str(row[0]) if row else None

    def get_document(self, ref: str) -> Document:
        """A document by id, unique id prefix, or the source it was ingested from."""
        rows = self.conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ? OR id IN "
            "(SELECT document_id FROM document_sources WHERE source = ?) LIMIT 1",
            (ref, ref),
        ).fetchall()
        if not rows and len(ref) >= 3:
            rows = self.conn.execute(
                f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id LIKE ? ESCAPE '\\' LIMIT 6",
                (_like_prefix(ref),),
            ).fetchall()
        if not rows:
            raise NotFoundError(f"no document {ref!r} (give an id, an id prefix or a source)")
        if len(rows) > 1:
            ids = ", ".join(r["id"] for r in rows[:5])
            raise NotFoundError(f"{ref!r} matches several documents ({ids}…); give more of the id")
        return _document(rows[0])

    def documents(self, *, limit: int | None = None) -> Iterator[Document]:
        """Documents in the order they were ingested."""
        sql = f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY rowid"
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        for row in self.conn.execute(sql, params):
            yield _document(row)

    def document_page(
        self,
        *,
        limit: int,
        offset: int = 0,
        story_id: str | None = None,
        outlet: str | None = None,
    ) -> tuple[int, list[Document]]:
        """How many documents match, and `limit` of them from `offset`, in ingest order."""
        where = Where()
        if story_id:
            where.add("story = ?", story_id)
        if outlet:
            where.add("outlet = ?", outlet)
        total = self.conn.execute(
            f"SELECT count(*) FROM documents WHERE {where.sql}", where.params
        ).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE {where.sql} "
            "ORDER BY rowid LIMIT ? OFFSET ?",
            (*where.params, limit, offset),
        )
        return int(total), [_document(r) for r in rows]

    def document_labels(self, ids: Iterable[str]) -> dict[str, DocumentLabel]:
        """What showing a document among others needs: who published it
        (`models.outlet_label`), title, date and ingest order; without reading its
        text."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, DocumentLabel] = {}
        for chunk in chunks(ids):
            rows = self.conn.execute(
                "SELECT id, outlet, credited_sources, title, published_value, rowid "
                f"FROM documents WHERE id IN ({marks(len(chunk))})",
                chunk,
            )
            for id_, outlet, credited, title, published, order in rows:
                label = outlet_label(outlet, json.loads(credited))
                out[str(id_)] = DocumentLabel(str(id_), label, title, published, int(order))
        return out

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def search(self, query: str, *, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        """Documents matching `query`, best first. Words must all occur, in any order;
        with `raw`, `query` is FTS5 syntax (OR, NOT, "phrases", prefix*)."""
        match = query if raw else _fts_terms(query)
        if not match:
            return []
        try:
            rows = self.conn.execute(
                "SELECT d.id, d.title, d.source, "
                "snippet(documents_fts, 1, char(2), char(3), '…', 16) AS snippet, "
                "bm25(documents_fts, 4.0, 1.0) AS score "
                "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY score LIMIT ?",
                (match, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StorylineError(f"cannot search for {query!r}: {exc}") from exc
        return [
            SearchHit(r["id"], r["title"], r["source"], r["snippet"], -float(r["score"]))
            for r in rows
        ]

    def stats(self) -> StoreStats:
        def counts(sql: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in self.conn.execute(sql).fetchall()}

        first, last = self.conn.execute(
            "SELECT min(published_value), max(published_value) FROM documents"
        ).fetchone()
        credited: dict[str, int] = {}
        for (value,) in self.conn.execute("SELECT credited_sources FROM documents"):
            for name in json.loads(value):
                credited[name] = credited.get(name, 0) + 1
        size = Path(self.path).stat().st_size if self.path != ":memory:" else 0
        return StoreStats(
            path=self.path,
            schema_version=self.schema_version,
            size_bytes=size,
            documents=self.count_documents(),
            sources=int(self.conn.execute("SELECT count(*) FROM document_sources").fetchone()[0]),
            by_language=counts(
                "SELECT coalesce(language, 'unknown'), count(*) FROM documents "
                "GROUP BY 1 ORDER BY 2 DESC"
            ),
            by_kind=counts("SELECT kind, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"),
            by_date_basis=counts(
                "SELECT published_basis, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"
            ),
            outlets=counts(
                "SELECT outlet, count(*) FROM documents WHERE outlet IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
            ),
            credited_sources=dict(sorted(credited.items(), key=lambda kv: -kv[1])[:10]),
            first_published=first,
            last_published=last,
            entities=counts("SELECT type, count(*) FROM entities GROUP BY 1 ORDER BY 2 DESC, 1"),
            stories=int(self.conn.execute("SELECT count(*) FROM stories").fetchone()[0]),
            near_copies=int(
                self.conn.execute(
                    "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"
                ).fetchone()[0]
            ),
            events=counts(
                "SELECT substr(type, 1, instr(type, '.') - 1), count(DISTINCT fused_id) "
                "FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            unannotated=self.count_unannotated(),
        )


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        source=row["source"],
        kind=row["kind"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        author=row["author"],
        language=row["language"],
        published=Published(
            row["published_value"], row["published_precision"], row["published_basis"]
        ),
        credited_sources=tuple(json.loads(row["credited_sources"])),
        removed=tuple(json.loads(row["removed"])),
        story=row["story"],
        duplicate_of=row["duplicate_of"],
        ingested_at=row["ingested_at"],
    )


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _fts_terms(query: str) -> str:
    """Plain words as FTS5 phrases, so 'Han So-hee' or 'O'Brien' never reads as syntax."""
    terms = [t.replace('"', '""') for t in query.split()]
    return " ".join(f'"{t}"' for t in terms if t.strip('"'))
