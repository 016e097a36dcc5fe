"""Near-duplicate tables: each document's MinHash signature and its LSH bands."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from storyline.read.copies import band_keys, similarity


class DuplicateTables:
    conn: sqlite3.Connection

    def add_signature(self, document_id: str, signature: bytes) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO document_minhash(document_id, signature) VALUES (?, ?)",
            (document_id, signature),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO minhash_bands(band, key, document_id) VALUES (?, ?, ?)",
            [(band, key, document_id) for band, key in band_keys(signature)],
        )

    def nearest_copy(
        self, signature: bytes, threshold: float, exclude: Iterable[str] = ()
    ) -> tuple[str, float] | None:
        """The stored document most like `signature` at or above `threshold`, found
        through the LSH bands (never a scan), with the similarity its signature gives."""
        keys = list(band_keys(signature))
        clause = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        rows = self.conn.execute(
            "SELECT DISTINCT m.document_id, m.signature, d.rowid FROM minhash_bands b "
            "JOIN document_minhash m ON m.document_id = b.document_id "
            "JOIN documents d ON d.id = b.document_id "
            f"WHERE {clause}",
            [value for pair in keys for value in pair],
        ).fetchall()
        skip = set(exclude)
        # the most alike; of equals, the first stored
        scored = [
            (similarity(signature, bytes(stored)), -int(rowid), str(doc))
            for doc, stored, rowid in rows
            if doc not in skip
        ]
        best = max(scored, default=None)
        return (best[2], best[0]) if best and best[0] >= threshold else None

    def original_of(self, document_id: str) -> str:
        """The first of a chain of copies: a copy of a copy is a copy of the original."""
        row = self.conn.execute(
            "SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return str(row[0]) if row else document_id

    def set_duplicate_of(self, document_id: str, original: str) -> None:
        self.conn.execute(
            "UPDATE documents SET duplicate_of = ? WHERE id = ?", (original, document_id)
        )

    def documents_without_signature(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM document_minhash) "
            "ORDER BY rowid"
        )
        return [str(r[0]) for r in rows]
