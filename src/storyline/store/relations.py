"""Relation claims: the relations single sentences state, with their sentence."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import cast

from storyline.models import Claim, Evidence, Modality
from storyline.store.sql import Where, marks


class RelationTables:
    conn: sqlite3.Connection

    def insert_claims(self, claims: Iterable[Claim]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO relation_claims(document_id, type, subject, object, "
            "modality, char_start, char_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.evidence.document,
                    c.type,
                    c.subject,
                    c.object,
                    c.modality,
                    c.evidence.start,
                    c.evidence.end,
                    c.evidence.text,
                )
                for c in claims
            ],
        )

    def claims(self, *, entity_ids: Sequence[str] = (), story_id: str | None = None) -> list[Claim]:
        """Stated relations naming any of `entity_ids`, or read from a story's documents."""
        where = Where()
        if entity_ids:
            holes = marks(len(entity_ids))
            where.add(f"(subject IN ({holes}) OR object IN ({holes}))", *entity_ids, *entity_ids)
        if story_id:
            where.add("document_id IN (SELECT id FROM documents WHERE story = ?)", story_id)
        rows = self.conn.execute(
            "SELECT type, subject, object, modality, document_id, char_start, char_end, text "
            f"FROM relation_claims WHERE {where.sql} ORDER BY document_id, char_start",
            where.params,
        )
        return [
            Claim(
                str(t), str(s), str(o), cast(Modality, m), Evidence(str(d), int(a), int(b), str(x))
            )
            for t, s, o, m, d, a, b, x in rows
        ]
