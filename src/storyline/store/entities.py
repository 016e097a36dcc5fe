"""The store's SQL for sentences, mentions and entities (mixed into SQLiteStore)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, cast

from storyline.errors import NotFoundError, StorylineError
from storyline.models import (
    Entity,
    EntityLink,
    EntityType,
    Mention,
    MentionKind,
    MentionRow,
    Sentence,
    Spelling,
    StoredEntity,
)
from storyline.store.sql import marks


class EntityTables:
    conn: sqlite3.Connection

    # writes -------------------------------------------------------------------

    def insert_sentences(self, document_id: str, sentences: Sequence[Sentence]) -> None:
        self.conn.executemany(
            "INSERT INTO sentences(document_id, idx, char_start, char_end) VALUES (?, ?, ?, ?)",
            [(document_id, i, s.start, s.end) for i, s in enumerate(sentences)],
        )

    def insert_mentions(
        self, document_id: str, mentions: Iterable[Mention], how: dict[int, str]
    ) -> None:
        self.conn.executemany(
            "INSERT INTO mentions(document_id, char_start, char_end, text, type, kind, sentence, "
            "entity_id, how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    document_id,
                    m.start,
                    m.end,
                    m.text,
                    m.type,
                    m.kind,
                    m.sentence,
                    m.entity,
                    how.get(m.start),
                )
                for m in mentions
            ],
        )

    def add_account(self, entity_id: str, handle: str, document_id: str, evidence: str) -> None:
        """An account known from a line cleaning removed (a photo credit), not a mention."""
        self.conn.execute(
            "INSERT OR IGNORE INTO entity_accounts(entity_id, handle, document_id, evidence) "
            "VALUES (?, ?, ?, ?)",
            (entity_id, handle, document_id, evidence),
        )

    def mark_annotated(self, document_id: str) -> None:
        self.conn.execute("UPDATE documents SET annotated = 1 WHERE id = ?", (document_id,))

    def create_entity(self, entity_id: str, type_: EntityType, name: str, document_id: str) -> None:
        self.conn.execute(
            "INSERT INTO entities(id, type, name, created_in) VALUES (?, ?, ?, ?)",
            (entity_id, type_, name, document_id),
        )

    def update_entity(
        self, entity_id: str, type_: EntityType, name: str, keys: Iterable[str]
    ) -> None:
        self.conn.execute(
            "UPDATE entities SET type = ?, name = ? WHERE id = ?", (type_, name, entity_id)
        )
        self.conn.execute("DELETE FROM entity_keys WHERE entity_id = ?", (entity_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_keys(key, entity_id) VALUES (?, ?)",
            [(key, entity_id) for key in keys],
        )

    def add_link(
        self,
        entity_id: str,
        document_id: str,
        alias: str,
        reason: str,
        merged: StoredEntity | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO entity_links(entity_id, document_id, alias, reason, merged_id, "
            "merged_name, linked_at) VALUES (?, ?, ?, ?, ?, ?, datetime('now'))",
            (
                entity_id,
                document_id,
                alias,
                reason,
                merged.id if merged else None,
                merged.name if merged else None,
            ),
        )

    def add_callings(self, entity_id: str, document_id: str, callings: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_callings(entity_id, calling, document_id) "
            "VALUES (?, ?, ?)",
            [(entity_id, calling, document_id) for calling in callings],
        )

    def merge_entity(self, into: str, merged: str) -> None:
        """Move everything of `merged` to `into`; the old id keeps resolving."""
        params = (into, merged)
        self.conn.execute(
            "UPDATE OR IGNORE entity_callings SET entity_id = ? WHERE entity_id = ?", params
        )
        self.conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", params)
        self.conn.execute(
            "INSERT INTO entity_spellings(entity_id, text, type, kind, mentions) "
            "SELECT ?, text, type, kind, mentions FROM entity_spellings WHERE entity_id = ? "
            "ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions",
            params,
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO entity_keys(key, entity_id) "
            "SELECT key, ? FROM entity_keys WHERE entity_id = ?",
            params,
        )
        self.conn.execute("UPDATE entity_links SET entity_id = ? WHERE entity_id = ?", params)
        self.conn.execute("UPDATE event_participants SET entity_id = ? WHERE entity_id = ?", params)
        for column in ("subject", "object"):
            self.conn.execute(
                f"UPDATE OR IGNORE relation_claims SET {column} = ? WHERE {column} = ?", params
            )
            self.conn.execute(  # those the merge made twice
                f"DELETE FROM relation_claims WHERE {column} = ?", (merged,)
            )
        self.conn.execute(
            "UPDATE OR IGNORE entity_accounts SET entity_id = ? WHERE entity_id = ?", params
        )
        self.conn.execute("UPDATE entity_redirects SET new_id = ? WHERE new_id = ?", params)
        self.conn.execute(
            "INSERT OR REPLACE INTO entity_redirects(old_id, new_id) VALUES (?, ?)", (merged, into)
        )
        self.conn.execute("DELETE FROM entities WHERE id = ?", (merged,))

    def entities_in_document(self, document_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT entity_id FROM mentions WHERE document_id = ?", (document_id,)
        )
        return [str(r[0]) for r in rows]

    def drop_unmentioned(self, entity_ids: Iterable[str]) -> list[str]:
        """Delete those of `entity_ids` no mention names any more; return the others."""
        survivors = []
        for entity_id in entity_ids:
            if self.entity_size(entity_id):
                survivors.append(entity_id)
            else:
                self.conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        return survivors

    def clear_annotations(self) -> None:
        """Forget every sentence, mention and entity (before annotating afresh)."""
        for table in (
            "events",
            "relation_claims",
            "mentions",
            "sentences",
            "entity_spellings",
            "entity_accounts",
            "entity_keys",
            "entity_links",
            "entity_redirects",
            "entities",
        ):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("UPDATE documents SET annotated = 0")

    # reads --------------------------------------------------------------------

    def entities_for_keys(self, keys: Iterable[str]) -> dict[str, list[StoredEntity]]:
        keys = list(keys)
        found: dict[str, list[StoredEntity]] = {}
        if not keys:
            return found
        rows = self.conn.execute(
            "SELECT k.key, e.id, e.type, e.name, e.rowid FROM entity_keys k "
            f"JOIN entities e ON e.id = k.entity_id WHERE k.key IN ({marks(len(keys))}) "
            "ORDER BY e.rowid",
            keys,
        ).fetchall()
        callings = self._callings({row[1] for row in rows})
        for key, entity_id, type_, name, rowid in rows:
            stored = StoredEntity(
                entity_id, type_, name, rowid, callings.get(entity_id, frozenset())
            )
            found.setdefault(key, []).append(stored)
        return found

    def _callings(self, entity_ids: set[str]) -> dict[str, frozenset[str]]:
        if not entity_ids:
            return {}
        rows = self.conn.execute(
            "SELECT entity_id, calling FROM entity_callings "
            f"WHERE entity_id IN ({marks(len(entity_ids))})",
            list(entity_ids),
        )
        found: dict[str, set[str]] = {}
        for entity_id, calling in rows:
            found.setdefault(entity_id, set()).add(calling)
        return {k: frozenset(v) for k, v in found.items()}

    def credited_accounts(self, entity_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT handle FROM entity_accounts WHERE entity_id = ? ORDER BY handle",
            (entity_id,),
        )
        return [str(r[0]) for r in rows]

    def credited_account_evidence(self, entity_id: str) -> list[tuple[str, str, str]]:
        rows = self.conn.execute(
            "SELECT handle, document_id, evidence FROM entity_accounts WHERE entity_id = ? "
            "ORDER BY handle, document_id",
            (entity_id,),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def shared_context(self, entity_id: str, others: Iterable[str]) -> int:
        """How many of `others` appear in a document beside `entity_id`."""
        others = list(others)
        if not others:
            return 0
        row = self.conn.execute(
            "SELECT count(DISTINCT b.entity_id) FROM mentions a "
            "JOIN mentions b ON b.document_id = a.document_id "
            f"WHERE a.entity_id = ? AND b.entity_id IN ({marks(len(others))})",
            (entity_id, *others),
        ).fetchone()
        return int(row[0])

    def entity_keys_of(self, entity_id: str) -> set[str]:
        rows = self.conn.execute("SELECT key FROM entity_keys WHERE entity_id = ?", (entity_id,))
        return {str(r[0]) for r in rows}

    def spellings(self, entity_id: str) -> list[Spelling]:
        rows = self.conn.execute(
            "SELECT text, type, kind, mentions FROM entity_spellings WHERE entity_id = ? "
            "ORDER BY mentions DESC, text",
            (entity_id,),
        )
        return [Spelling(r[0], r[1], r[2], int(r[3])) for r in rows]

    def entity_size(self, entity_id: str) -> int:
        row = self.conn.execute(
            "SELECT coalesce(sum(mentions), 0) FROM entity_spellings WHERE entity_id = ?",
            (entity_id,),
        ).fetchone()
        return int(row[0])

    def count_unannotated(self) -> int:
        row = self.conn.execute("SELECT count(*) FROM documents WHERE annotated = 0").fetchone()
        return int(row[0])

    def unannotated_documents(self) -> list[str]:
        rows = self.conn.execute("SELECT id FROM documents WHERE annotated = 0 ORDER BY rowid")
        return [str(r[0]) for r in rows]

    def entities(
        self, *, type_: str | None = None, ids: Sequence[str] | None = None
    ) -> list[Entity]:
        """Every entity (of a type, or of these ids) with aliases, accounts, documents
        and mention count, most mentioned first."""
        where: list[str] = []
        params: list[str] = []
        if type_:
            where.append("e.type = ?")
            params.append(type_)
        only = ""
        if ids is not None:
            ids = list(dict.fromkeys(ids))
            if not ids:
                return []
            holes = marks(len(ids))
            where.append(f"e.id IN ({holes})")
            params.extend(ids)
            only = f"WHERE entity_id IN ({holes})"
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        entities = {
            row["id"]: Entity(row["id"], row["type"], row["name"])
            for row in self.conn.execute(
                f"SELECT e.id, e.type, e.name FROM entities e {clause} ORDER BY e.rowid", params
            )
        }
        some = ids or []
        spellings: dict[str, list[tuple[str, str, int]]] = {}
        for entity_id, text, kind, count in self.conn.execute(
            f"SELECT entity_id, text, kind, mentions FROM entity_spellings {only} "
            "ORDER BY mentions DESC, text",
            some,
        ):
            spellings.setdefault(entity_id, []).append((text, kind, int(count)))
        documents: dict[str, list[str]] = {}
        for entity_id, document_id in self.conn.execute(
            "SELECT DISTINCT m.entity_id, m.document_id FROM mentions m "
            f"JOIN documents d ON d.id = m.document_id {only.replace('entity_id', 'm.entity_id')} "
            "ORDER BY d.rowid",
            some,
        ):
            documents.setdefault(entity_id, []).append(document_id)
        credited: dict[str, list[str]] = {}
        for entity_id, handle in self.conn.execute(
            f"SELECT DISTINCT entity_id, handle FROM entity_accounts {only} ORDER BY handle", some
        ):
            credited.setdefault(entity_id, []).append(handle)
        for entity in entities.values():
            rows = spellings.get(entity.id, [])
            accounts = [t for t, k, _ in rows if k == "account"] + credited.get(entity.id, [])
            entity.aliases = tuple(
                dict.fromkeys([entity.name, *(t for t, _, _ in rows), *accounts])
            )
            entity.accounts = tuple(dict.fromkeys(accounts))
            entity.mentions = sum(c for _, _, c in rows)
            entity.documents = tuple(documents.get(entity.id, ()))
        return sorted(entities.values(), key=lambda e: (-e.mentions, e.name.casefold()))

    def find_entities(self, name: str) -> list[StoredEntity]:
        """Entities answering to `name`: an id (or a merged one), a name or any alias."""
        row = self.conn.execute(
            "SELECT new_id FROM entity_redirects WHERE old_id = ?", (name,)
        ).fetchone()
        ref = str(row[0]) if row else name
        rows = self.conn.execute(
            "SELECT id, type, name FROM entities WHERE id = ? OR name = ? COLLATE NOCASE "
            "UNION SELECT e.id, e.type, e.name FROM entity_spellings s "
            "JOIN entities e ON e.id = s.entity_id WHERE s.text = ? COLLATE NOCASE "
            "UNION SELECT e.id, e.type, e.name FROM entity_accounts a "
            "JOIN entities e ON e.id = a.entity_id WHERE a.handle = ? COLLATE NOCASE",
            (ref, ref, ref, ref),
        ).fetchall()
        return [StoredEntity(r[0], r[1], r[2]) for r in rows]

    def entity_named(self, name: str) -> str:
        """The id of the one entity answering to `name` (any spelling, or an id)."""
        found = self.find_entities(name)
        if not found:
            raise NotFoundError(f"no entity called {name!r} (give any of its spellings or its id)")
        if len(found) > 1:
            listed = "; ".join(f"{e.name} ({e.type}, {e.id})" for e in found[:6])
            raise StorylineError(f"{name!r} names {len(found)} entities: {listed}. Give the id.")
        return found[0].id

    def get_entity(self, entity_id: str) -> Entity:
        for entity in self.entities_by_id([entity_id]):
            return entity
        raise NotFoundError(f"no entity {entity_id!r}")

    def entity_page(
        self, *, limit: int, offset: int = 0, type_: str | None = None
    ) -> tuple[int, list[Entity]]:
        """How many entities (of a type) there are, and `limit` of them from `offset`,
        the most mentioned first."""
        where, params = ("WHERE e.type = ?", [type_]) if type_ else ("", [])
        total = self.conn.execute(f"SELECT count(*) FROM entities e {where}", params).fetchone()[0]
        ids = [
            str(r[0])
            for r in self.conn.execute(
                "SELECT e.id FROM entities e LEFT JOIN entity_spellings s ON s.entity_id = e.id "
                f"{where} GROUP BY e.id ORDER BY coalesce(sum(s.mentions), 0) DESC, e.rowid "
                "LIMIT ? OFFSET ?",
                (*params, limit, offset),
            )
        ]
        found = {e.id: e for e in self.entities_by_id(ids)}
        return int(total), [found[i] for i in ids if i in found]

    def entities_by_id(self, ids: Sequence[str]) -> list[Entity]:
        return self.entities(ids=ids)

    def entity_links(self, entity_id: str) -> list[EntityLink]:
        rows = self.conn.execute(
            "SELECT document_id, alias, reason, merged_id, merged_name FROM entity_links "
            "WHERE entity_id = ? ORDER BY rowid",
            (entity_id,),
        )
        return [EntityLink(*r) for r in rows]

    def entity_mentions(self, entity_id: str, *, limit: int | None = None) -> list[MentionRow]:
        sql = (
            "SELECT m.document_id, m.char_start, m.char_end, m.text, m.type, m.kind, m.sentence, "
            "m.how FROM mentions m JOIN documents d ON d.id = m.document_id "
            "WHERE m.entity_id = ? ORDER BY d.rowid, m.char_start"
        )
        params: tuple[Any, ...] = (entity_id,)
        if limit is not None:
            sql += " LIMIT ?"
            params = (entity_id, limit)
        return [
            MentionRow(
                r[0],
                Mention(r[1], r[2], r[3], r[4], r[6], cast(MentionKind, r[5]), entity_id),
                r[7],
            )
            for r in self.conn.execute(sql, params)
        ]

    def entity_names(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        rows = self.conn.execute(
            f"SELECT id, name FROM entities WHERE id IN ({marks(len(ids))})", ids
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def document_mentions(self, document_id: str) -> list[Mention]:
        rows = self.conn.execute(
            "SELECT char_start, char_end, text, type, sentence, kind, entity_id FROM mentions "
            "WHERE document_id = ? ORDER BY char_start",
            (document_id,),
        )
        return [Mention(*r) for r in rows]

    def document_sentences(self, document_id: str) -> list[Sentence]:
        rows = self.conn.execute(
            "SELECT char_start, char_end FROM sentences WHERE document_id = ? ORDER BY idx",
            (document_id,),
        )
        return [Sentence(*r) for r in rows]

    def count_entities(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM entities").fetchone()[0])
