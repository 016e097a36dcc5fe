"""Event tables: events, their participants and their evidence."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import cast

from storyline.models import Event, Evidence, Modality, Participant, Precision, TimeValue
from storyline.summaries import summarise


class EventTables:
    conn: sqlite3.Connection

    def insert_events(self, events: Sequence[Event]) -> None:
        for event in events:
            self.conn.execute(
                "INSERT OR REPLACE INTO events(id, document_id, type, modality, time_value, "
                "time_precision, time_text, summary, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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

    def events(
        self,
        *,
        entity_ids: Sequence[str] = (),
        type_pattern: str | None = None,
        document_id: str | None = None,
        story_id: str | None = None,
    ) -> list[Event]:
        """Stored events in time order (unknown times last), filtered by participant,
        type (a glob: 'social.*'), document or story."""
        where: list[str] = []
        params: list[str] = []
        if entity_ids:
            marks = ", ".join("?" * len(entity_ids))
            where.append(
                f"id IN (SELECT event_id FROM event_participants WHERE entity_id IN ({marks}))"
            )
            params.extend(entity_ids)
        if type_pattern:
            where.append("type GLOB ?")
            params.append(type_pattern)
        if document_id:
            where.append("document_id = ?")
            params.append(document_id)
        if story_id:
            where.append("document_id IN (SELECT id FROM documents WHERE story = ?)")
            params.append(story_id)
        sql = (
            "SELECT id, type, modality, time_value, time_precision, time_text, summary, quote "
            "FROM events"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY time_value IS NULL, time_value, document_id, id"
        )
        rows = self.conn.execute(sql, params).fetchall()
        return [self._event(row) for row in rows]

    def _event(self, row: sqlite3.Row | tuple[object, ...]) -> Event:
        event_id = str(row[0])
        participants = tuple(
            Participant(str(role), str(entity), str(name or entity))
            for role, entity, name in self.conn.execute(
                "SELECT p.role, p.entity_id, e.name FROM event_participants p "
                "LEFT JOIN entities e ON e.id = p.entity_id WHERE p.event_id = ? "
                "ORDER BY p.position",
                (event_id,),
            )
        )
        evidence = tuple(
            Evidence(str(d), int(s), int(e), str(t))
            for d, s, e, t in self.conn.execute(
                "SELECT document_id, char_start, char_end, text FROM event_evidence "
                "WHERE event_id = ? ORDER BY document_id, char_start",
                (event_id,),
            )
        )
        outlets = self.conn.execute(
            "SELECT count(DISTINCT coalesce(d.outlet, d.id)) FROM event_evidence v "
            "JOIN documents d ON d.id = v.document_id WHERE v.event_id = ?",
            (event_id,),
        ).fetchone()[0]
        return Event(
            id=event_id,
            type=str(row[1]),
            participants=participants,
            time=TimeValue(
                None if row[3] is None else str(row[3]),
                cast(Precision, row[4]),
                None if row[5] is None else str(row[5]),
            ),
            modality=cast(Modality, row[2]),
            # names as they are now: entities merge after an event is read
            summary=summarise(str(row[1]), participants, cast(Modality, row[2])),
            evidence=evidence,
            quote=None if row[7] is None else str(row[7]),
            outlets=int(outlets),
        )

    def count_events(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM events").fetchone()[0])
