"""Story tables: which documents tell one story, and what the story says of itself."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

# The entities a story is about (not the accounts it passes through).
_STORY_TYPES = "('person', 'work', 'event', 'org', 'place')"


@dataclass(slots=True, frozen=True)
class StoryRow:
    id: str
    title: str
    first: str | None
    last: str | None
    documents: tuple[str, ...]


class StoryTables:
    conn: sqlite3.Connection

    def set_story(self, document_id: str, story_id: str) -> None:
        self.conn.execute("UPDATE documents SET story = ? WHERE id = ?", (story_id, document_id))

    def story_of(self, document_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def save_story(self, story_id: str, title: str, first: str | None, last: str | None) -> None:
        self.conn.execute(
            "INSERT INTO stories(id, title, first, last) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET title = excluded.title, first = excluded.first, "
            "last = excluded.last",
            (story_id, title, first, last),
        )

    def merge_story(self, into: str, merged: str) -> None:
        """Move `merged`'s documents to `into`; the old id keeps resolving."""
        self.conn.execute("UPDATE documents SET story = ? WHERE story = ?", (into, merged))
        self.conn.execute("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (into, merged))
        self.conn.execute(
            "INSERT OR REPLACE INTO story_redirects(old_id, new_id) VALUES (?, ?)", (merged, into)
        )
        self.conn.execute("DELETE FROM stories WHERE id = ?", (merged,))

    def resolve_story(self, story_id: str) -> str | None:
        """A story id, or the id of the story it was merged into."""
        if self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        row = self.conn.execute(
            "SELECT new_id FROM story_redirects WHERE old_id = ?", (story_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def stories_of_entities(self, entity_ids: Iterable[str], per_entity: int) -> set[str]:
        """The stories of the latest `per_entity` documents naming each entity."""
        return self._stories_of("mentions", "entity_id", entity_ids, per_entity)

    def stories_of_terms(self, terms: Iterable[str], per_term: int) -> set[str]:
        """The stories of the latest `per_term` documents holding each term."""
        return self._stories_of("document_terms", "term", terms, per_term)

    def _stories_of(self, table: str, column: str, keys: Iterable[str], per_key: int) -> set[str]:
        found: set[str] = set()
        for key in keys:
            rows = self.conn.execute(
                f"SELECT DISTINCT story FROM (SELECT d.story FROM {table} p "
                "JOIN documents d ON d.id = p.document_id "
                f"WHERE p.{column} = ? AND d.story IS NOT NULL ORDER BY d.rowid DESC LIMIT ?)",
                (key, per_key),
            )
            found.update(str(r[0]) for r in rows)
        return found

    def story_entity_counts(self, story_id: str) -> dict[str, int]:
        """How many documents of the story name each entity."""
        rows = self.conn.execute(
            "SELECT m.entity_id, count(DISTINCT m.document_id) FROM documents d "
            "JOIN mentions m ON m.document_id = d.id JOIN entities e ON e.id = m.entity_id "
            f"WHERE d.story = ? AND e.type IN {_STORY_TYPES} GROUP BY m.entity_id",
            (story_id,),
        )
        return {str(e): int(n) for e, n in rows}

    def document_entity_counts(self, document_id: str) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT m.entity_id, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
            f"WHERE m.document_id = ? AND e.type IN {_STORY_TYPES} "
            "GROUP BY m.entity_id",
            (document_id,),
        )
        return {str(e): int(n) for e, n in rows}

    def entity_document_frequency(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """How many documents in stories name each entity (the documents stories were
        decided on, so that recomputing them in order gives the same stories)."""
        ids = list(entity_ids)
        if not ids:
            return {}
        rows = self.conn.execute(
            "SELECT m.entity_id, count(DISTINCT m.document_id) FROM mentions m "
            "JOIN documents d ON d.id = m.document_id "
            f"WHERE m.entity_id IN ({', '.join('?' * len(ids))}) AND d.story IS NOT NULL "
            "GROUP BY m.entity_id",
            ids,
        )
        return {str(e): int(n) for e, n in rows}

    def entity_facts(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, str, int]]:
        """(type, name, mentions) of each entity: what ranking a story's entities needs."""
        ids = list(entity_ids)
        if not ids:
            return {}
        rows = self.conn.execute(
            "SELECT e.id, e.type, e.name, coalesce(sum(s.mentions), 0) FROM entities e "
            "LEFT JOIN entity_spellings s ON s.entity_id = e.id "
            f"WHERE e.id IN ({', '.join('?' * len(ids))}) GROUP BY e.id",
            ids,
        )
        return {str(r[0]): (str(r[1]), str(r[2]), int(r[3])) for r in rows}

    def story_event_types(self, story_id: str) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT type, count(*) FROM events WHERE document_id IN "
            "(SELECT id FROM documents WHERE story = ?) GROUP BY type",
            (story_id,),
        )
        return {str(t): int(n) for t, n in rows}

    def count_in_stories(self) -> int:
        row = self.conn.execute("SELECT count(*) FROM documents WHERE story IS NOT NULL")
        return int(row.fetchone()[0])

    def story_span(self, story_id: str) -> tuple[str | None, str | None]:
        row = self.conn.execute(
            "SELECT min(published_value), max(published_value) FROM documents WHERE story = ?",
            (story_id,),
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def stories(self) -> list[StoryRow]:
        rows = self.conn.execute(
            "SELECT s.id, s.title, s.first, s.last, group_concat(d.id, ' ') FROM stories s "
            "JOIN documents d ON d.story = s.id GROUP BY s.id "
            "ORDER BY count(d.id) DESC, s.last DESC, s.id"
        ).fetchall()
        return [StoryRow(str(r[0]), str(r[1]), r[2], r[3], tuple(str(r[4]).split())) for r in rows]

    def count_terms(self, terms: Iterable[str]) -> None:
        """One more document holds each of `terms`."""
        self.conn.executemany(
            "INSERT INTO term_frequency(term, documents) VALUES (?, 1) "
            "ON CONFLICT(term) DO UPDATE SET documents = documents + 1",
            [(t,) for t in terms],
        )

    def term_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        terms = list(terms)
        out: dict[str, int] = {}
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            rows = self.conn.execute(
                f"SELECT term, documents FROM term_frequency WHERE term IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            )
            out.update({str(t): int(n) for t, n in rows})
        return out

    def set_document_terms(self, document_id: str, weights: dict[str, float]) -> None:
        self.conn.execute("DELETE FROM document_terms WHERE document_id = ?", (document_id,))
        self.conn.executemany(
            "INSERT INTO document_terms(document_id, term, weight) VALUES (?, ?, ?)",
            [(document_id, t, w) for t, w in weights.items()],
        )

    def story_terms(self, story_id: str) -> dict[str, float]:
        """The summed term weights of the story's documents (its text centroid)."""
        rows = self.conn.execute(
            "SELECT t.term, sum(t.weight) FROM documents d "
            "JOIN document_terms t ON t.document_id = d.id WHERE d.story = ? GROUP BY t.term",
            (story_id,),
        )
        return {str(t): float(w) for t, w in rows}

    def story_outlets(self, story_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT outlet, count(*) FROM documents WHERE story = ? AND outlet IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1",
            (story_id,),
        )
        return [str(r[0]) for r in rows]

    def clear_stories(self) -> None:
        """Forget stories and the term statistics they were decided with."""
        self.conn.execute("DELETE FROM document_terms")
        self.conn.execute("DELETE FROM term_frequency")
        self.conn.execute("UPDATE documents SET story = NULL")
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("DELETE FROM story_redirects")
