"""Near-duplicate tables: each document's MinHash signature and its LSH bands (both made
by `read.copies`, which also judges the candidates these tables find)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


class DuplicateTables:
    conn: sqlite3.Connection

    def add_signature(
        self, document_id: str, signature: bytes, bands: Iterable[tuple[int, int]]
    ) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO document_minhash(document_id, signature) VALUES (?, ?)",
            (document_id, signature),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO minhash_bands(band, key, document_id) VALUES (?, ?, ?)",
            [(band, key, document_id) for band, key in bands],
        )

    def copy_candidates(self, bands: Iterable[tuple[int, int]]) -> list[tuple[str, bytes, int]]:
        """The documents that share one of these LSH bands (never a scan): each with its
        signature and its ingest order."""
        keys = list(bands)
        clause = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        rows = self.conn.execute(
            "SELECT DISTINCT m.document_id, m.signature, d.rowid FROM minhash_bands b "
            "JOIN document_minhash m ON m.document_id = b.document_id "
            "JOIN documents d ON d.id = b.document_id "
            f"WHERE {clause}",
            [value for pair in keys for value in pair],
        ).fetchall()
        return [(str(doc), bytes(signature), int(order)) for doc, signature, order in rows]

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
