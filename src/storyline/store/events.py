"""Event tables: the events read from each document (readings), their participants and
their evidence, and which fused event each reading belongs to. Fusion itself, which
makes one event of a group of readings, is `connect.fusion`'s."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import cast

from storyline.models import (
    DocumentSource,
    Event,
    EventTypeName,
    Evidence,
    Modality,
    Participant,
    Precision,
    TimeValue,
)
from storyline.store.sql import Where, chunks, marks

_EVENT_COLUMNS = (
    "id, type, modality, time_value, time_precision, time_text, summary, quote, fused_id"
)


def _event_filter(
    entity_ids: Sequence[str] = (),
    type_pattern: str | None = None,
    document_id: str | None = None,
    story_id: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> Where:
    """A condition on event rows (readings): naming one of `entity_ids`, of a type
    (a glob: 'social.*', or one of `types`), read from a document or a story's
    documents, dated (at the dates' precision) on or after `since`, on or before
    `until`."""
    where = Where()
    if entity_ids:
        where.add(
            f"id IN (SELECT event_id FROM event_participants WHERE entity_id IN "
            f"({marks(len(entity_ids))}))",
            *entity_ids,
        )
    if type_pattern:
        where.add("type GLOB ?", type_pattern)
    if types:
        where.add_in("type", types)
    if document_id:
        where.add("document_id = ?", document_id)
    if story_id:
        where.add("document_id IN (SELECT id FROM documents WHERE story = ?)", story_id)
    if since:
        where.add("substr(time_value, 1, length(?)) >= ?", since, since)
    if until:
        where.add("substr(time_value, 1, length(?)) <= ?", until, until)
    return where


class EventTables:
    conn: sqlite3.Connection

    def insert_events(self, events: Sequence[Event]) -> None:
        for event in events:
            self.conn.execute(
                "INSERT OR REPLACE INTO events(id, document_id, type, modality, time_value, "
                "time_precision, time_text, summary, quote, fused_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id,
                    event.evidence[0].document,
                    event.type,
                    event.modality,
                    event.time.value,
                    event.time.precision,
                    event.time.text,
                    event.summary,
                    event.quote,
                    event.id,
                ),
            )
            self.conn.executemany(
                "INSERT INTO event_participants(event_id, position, role, entity_id) "
                "VALUES (?, ?, ?, ?)",
                [(event.id, i, p.role, p.entity) for i, p in enumerate(event.participants)],
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO event_evidence(event_id, document_id, char_start, "
                "char_end, text) VALUES (?, ?, ?, ?, ?)",
                [(event.id, e.document, e.start, e.end, e.text) for e in event.evidence],
            )

    def fusion_candidates(self, event: Event, limit: int) -> list[tuple[Event, str]]:
        """The latest `limit` readings of the same type naming one of the event's
        participants, oldest first, each with the fused event it belongs to."""
        entities = [p.entity for p in event.participants]
        if not entities:
            return []
        rows = self.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE type = ? AND id != ? AND id IN "
            "(SELECT event_id FROM event_participants WHERE entity_id IN "
            f"({marks(len(entities))})) ORDER BY rowid DESC LIMIT ?",
            (event.type, event.id, *entities, limit),
        ).fetchall()
        rows.reverse()
        return list(zip(self._events(rows), (str(r["fused_id"]) for r in rows), strict=True))

    def set_fused(self, event_id: str, fused_id: str) -> None:
        self.conn.execute("UPDATE events SET fused_id = ? WHERE id = ?", (fused_id, event_id))

    def event_readings(
        self,
        *,
        entity_ids: Sequence[str] = (),
        type_pattern: str | None = None,
        document_id: str | None = None,
        story_id: str | None = None,
        types: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
    ) -> list[list[Event]]:
        """The readings of each fused event that has a reading matching the filters
        (`_event_filter`); a group per fused event, in the order they were read."""
        where = _event_filter(entity_ids, type_pattern, document_id, story_id, types, since, until)
        return list(self._groups(where.sql, where.params).values())

    def event_page_readings(
        self,
        *,
        limit: int,
        offset: int = 0,
        entity_ids: Sequence[str] = (),
        type_pattern: str | None = None,
        story_id: str | None = None,
        types: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
    ) -> tuple[int, list[list[Event]]]:
        """How many fused events match, and the readings of `limit` of them from
        `offset`: dated ones by date, then undated ones in the order they were read.
        Only the page is read, so an entity named in thousands of events pages as fast
        as any."""
        where = _event_filter(entity_ids, type_pattern, None, story_id, types, since, until)
        matching, params = where.sql, where.params
        total = self.conn.execute(
            f"SELECT count(DISTINCT fused_id) FROM events WHERE {matching}", params
        ).fetchone()[0]
        page = [
            str(r[0])
            for r in self.conn.execute(
                "SELECT fused_id FROM events "
                f"WHERE fused_id IN (SELECT fused_id FROM events WHERE {matching}) "
                "GROUP BY fused_id ORDER BY max(time_value) IS NULL, max(time_value), "
                "min(rowid) LIMIT ? OFFSET ?",
                (*params, limit, offset),
            )
        ]
        if not page:
            return int(total), []
        groups = self._groups(f"fused_id IN ({marks(len(page))})", page)
        return int(total), [groups[f] for f in page if f in groups]

    def latest_event_readings(
        self,
        limit: int,
        *,
        entity_ids: Sequence[str] = (),
        story_id: str | None = None,
        types: Sequence[str] = (),
    ) -> list[list[Event]]:
        """The readings of the fused events of the `limit` latest readings that match
        (by ingest order)."""
        where = _event_filter(entity_ids, story_id=story_id, types=types)
        recent = [
            str(r[0])
            for r in self.conn.execute(
                f"SELECT fused_id FROM events WHERE {where.sql} ORDER BY rowid DESC LIMIT ?",
                (*where.params, limit),
            )
        ]
        recent = list(dict.fromkeys(recent))
        if not recent:
            return []
        return list(self._groups(f"fused_id IN ({marks(len(recent))})", recent).values())

    def _groups(self, matching: str, params: Sequence[str]) -> dict[str, list[Event]]:
        """The readings of each fused event that has a reading matching the condition,
        by fused event, each group in the order read."""
        rows = self.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE fused_id IN "
            f"(SELECT fused_id FROM events WHERE {matching}) ORDER BY rowid",
            params,
        ).fetchall()
        groups: dict[str, list[Event]] = defaultdict(list)
        for row, event in zip(rows, self._events(rows), strict=True):
            groups[str(row["fused_id"])].append(event)
        return groups

    def document_sources(self, document_ids: Iterable[str]) -> dict[str, DocumentSource]:
        """Each document's date, ingest order, and the credited sources and outlet of
        its original (a copy's, else its own)."""
        ids = list(document_ids)
        out: dict[str, DocumentSource] = {}
        for chunk in chunks(ids):
            rows = self.conn.execute(
                "SELECT d.id, d.published_value, d.rowid, coalesce(o.credited_sources, "
                "d.credited_sources), coalesce(o.outlet, d.outlet), coalesce(o.id, d.id), "
                "coalesce(o.source, d.source) "
                "FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of "
                f"WHERE d.id IN ({marks(len(chunk))})",
                chunk,
            )
            for id_, published, order, credited, outlet, original, source in rows:
                sources = tuple(json.loads(credited or "[]"))
                out[str(id_)] = DocumentSource(
                    published, int(order), sources, outlet, original, source
                )
        return out

    def _events(self, rows: Sequence[sqlite3.Row]) -> list[Event]:
        """Events of these rows, with participants and evidence read in one go."""
        ids = [str(row["id"]) for row in rows]
        participants: dict[str, list[Participant]] = defaultdict(list)
        evidence: dict[str, list[Evidence]] = defaultdict(list)
        for chunk in chunks(ids):
            holes = marks(len(chunk))
            for event_id, role, entity, name in self.conn.execute(
                "SELECT p.event_id, p.role, p.entity_id, e.name FROM event_participants p "
                f"LEFT JOIN entities e ON e.id = p.entity_id WHERE p.event_id IN ({holes}) "
                "ORDER BY p.event_id, p.position",
                chunk,
            ):
                participants[event_id].append(
                    Participant(str(role), str(entity), str(name or entity))
                )
            for event_id, document, begin, end, text in self.conn.execute(
                "SELECT event_id, document_id, char_start, char_end, text FROM event_evidence "
                f"WHERE event_id IN ({holes}) ORDER BY event_id, document_id, char_start",
                chunk,
            ):
                evidence[event_id].append(Evidence(str(document), int(begin), int(end), str(text)))
        return [
            self._event(row, tuple(participants[row["id"]]), tuple(evidence[row["id"]]))
            for row in rows
        ]

    def _event(
        self,
        row: sqlite3.Row,
        participants: tuple[Participant, ...],
        evidence: tuple[Evidence, ...],
    ) -> Event:
        modality = cast(Modality, row["modality"])
        return Event(
            id=str(row["id"]),
            type=cast(EventTypeName, row["type"]),
            participants=participants,
            time=TimeValue(
                row["time_value"], cast(Precision, row["time_precision"]), row["time_text"]
            ),
            modality=modality,
            summary=str(row["summary"]),  # as read; fusion writes it with today's names
            evidence=evidence,
            quote=row["quote"],
        )

    def count_events(self, *, entity_ids: Sequence[str] = ()) -> int:
        """Fused events (of these entities): each real event once, however many
        documents report it."""
        where = _event_filter(entity_ids)
        row = self.conn.execute(
            f"SELECT count(DISTINCT fused_id) FROM events WHERE {where.sql}", where.params
        ).fetchone()
        return int(row[0])
