"""Story tables: which documents tell one story, what each story is made of (counts kept
up to date as documents join and stories merge), and the postings that find candidates."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable

from storyline.errors import NotFoundError
from storyline.models import Story, StoryJoin
from storyline.store.sql import chunks, marks

# The entities a story is about (not the accounts it passes through).
_STORY_TYPES = "('person', 'work', 'event', 'org', 'place')"


class StoryTables:
    conn: sqlite3.Connection

    # writes ----------------------------------------------------------------------

    def join_story(self, story_id: str, join: StoryJoin) -> None:
        """Put a document in a story and add what it brings to the story's counts."""
        self.conn.execute(
            "UPDATE documents SET story = ? WHERE id = ?", (story_id, join.document_id)
        )
        self.conn.execute("UPDATE story_totals SET documents = documents + 1")
        self.conn.execute(  # the span widens to the document's date, unknown dates aside
            "INSERT INTO stories(id, title, first, last) VALUES (?, '', ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET "
            "first = min(coalesce(first, excluded.first), coalesce(excluded.first, first)), "
            "last = max(coalesce(last, excluded.last), coalesce(excluded.last, last))",
            (story_id, join.published, join.published),
        )
        entities = list(dict.fromkeys(join.entities))
        self.conn.executemany(
            "INSERT INTO story_entities(story_id, entity_id, documents) VALUES (?, ?, 1) "
            "ON CONFLICT DO UPDATE SET documents = documents + 1",
            [(story_id, e) for e in entities],
        )
        self.conn.executemany(
            "INSERT INTO entity_frequency(entity_id, documents) VALUES (?, 1) "
            "ON CONFLICT DO UPDATE SET documents = documents + 1",
            [(e,) for e in entities],
        )
        before = self.story_term_weights(story_id, join.terms)
        growth = sum(
            (before.get(t, 0.0) + w) ** 2 - before.get(t, 0.0) ** 2 for t, w in join.terms.items()
        )
        self.conn.execute(
            "UPDATE stories SET terms_norm2 = terms_norm2 + ? WHERE id = ?", (growth, story_id)
        )
        self.conn.executemany(
            "INSERT INTO story_terms(story_id, term, weight) VALUES (?, ?, ?) "
            "ON CONFLICT DO UPDATE SET weight = weight + excluded.weight",
            [(story_id, t, w) for t, w in join.terms.items()],
        )
        self.conn.execute(
            "INSERT INTO story_event_types(story_id, type, events) "
            "SELECT ?, type, count(*) FROM events WHERE document_id = ? GROUP BY type "
            "ON CONFLICT DO UPDATE SET events = events + excluded.events",
            (story_id, join.document_id),
        )
        seq = self.conn.execute(
            "SELECT rowid FROM documents WHERE id = ?", (join.document_id,)
        ).fetchone()[0]
        self.conn.executemany(
            "INSERT OR REPLACE INTO story_postings(key, seq, story_id) VALUES (?, ?, ?)",
            [(key, seq, story_id) for key in dict.fromkeys(join.keys)],
        )

    def leave_story(self, document_id: str, entities: Iterable[str], terms: Iterable[str]) -> None:
        """Take a document out of its story's counts (before the document is deleted).
        Its words' weights stay in the story's text profile until the next restory:
        they were computed against the frequencies of their day."""
        story_id = self.story_of(document_id)
        if story_id is None:
            return
        self.conn.execute("UPDATE documents SET story = NULL WHERE id = ?", (document_id,))
        self.conn.execute("UPDATE story_totals SET documents = documents - 1")
        for table, key, where, values in (
            ("story_entities", "entity_id", "story_id = ? AND ", [story_id]),
            ("entity_frequency", "entity_id", "", []),
        ):
            self.conn.executemany(
                f"UPDATE {table} SET documents = documents - 1 WHERE {where}{key} = ?",
                [(*values, e) for e in dict.fromkeys(entities)],
            )
            self.conn.execute(f"DELETE FROM {table} WHERE documents <= 0")
        self.conn.executemany(
            "UPDATE term_frequency SET documents = documents - 1 WHERE term = ?",
            [(t,) for t in terms],
        )
        self.conn.execute("DELETE FROM term_frequency WHERE documents <= 0")
        self.conn.execute(
            "UPDATE story_event_types SET events = events - (SELECT count(*) FROM events "
            "WHERE document_id = ? AND type = story_event_types.type) WHERE story_id = ?",
            (document_id, story_id),
        )
        self.conn.execute(
            "DELETE FROM story_postings WHERE story_id = ? AND seq = "
            "(SELECT rowid FROM documents WHERE id = ?)",
            (story_id, document_id),
        )
        if self.conn.execute("SELECT 1 FROM documents WHERE story = ?", (story_id,)).fetchone():
            self.conn.execute(
                "UPDATE stories SET first = (SELECT min(published_value) FROM documents "
                "WHERE story = ?1), last = (SELECT max(published_value) FROM documents "
                "WHERE story = ?1) WHERE id = ?1",
                (story_id,),
            )
        else:
            for table in ("story_entities", "story_terms", "story_event_types"):
                self.conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def set_title(self, story_id: str, title: str) -> None:
        self.conn.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))

    def merge_story(self, into: str, merged: str) -> None:
        """Move `merged`'s documents and counts to `into`; the old id keeps resolving."""
        params = (into, merged)
        self.conn.execute("UPDATE documents SET story = ? WHERE story = ?", params)
        for table, column, value in (
            ("story_entities", "entity_id", "documents"),
            ("story_terms", "term", "weight"),
            ("story_event_types", "type", "events"),
        ):
            self.conn.execute(
                f"INSERT INTO {table}(story_id, {column}, {value}) "
                f"SELECT ?, {column}, {value} FROM {table} WHERE story_id = ? "
                f"ON CONFLICT DO UPDATE SET {value} = {value} + excluded.{value}",
                params,
            )
            self.conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (merged,))
        self.conn.execute("UPDATE story_postings SET story_id = ? WHERE story_id = ?", params)
        self.conn.execute(  # merges are rare: the norm is summed afresh
            "UPDATE stories SET terms_norm2 = (SELECT coalesce(sum(weight * weight), 0) "
            "FROM story_terms WHERE story_id = ?) WHERE id = ?",
            (into, into),
        )
        self.conn.execute(
            "UPDATE stories SET "
            "first = (SELECT min(first) FROM stories WHERE id IN (?, ?)), "
            "last = (SELECT max(last) FROM stories WHERE id IN (?, ?)) WHERE id = ?",
            (into, merged, into, merged, into),
        )
        self.conn.execute("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", params)
        self.conn.execute(
            "INSERT OR REPLACE INTO story_redirects(old_id, new_id) VALUES (?, ?)", (merged, into)
        )
        self.conn.execute("DELETE FROM stories WHERE id = ?", (merged,))

    def count_terms(self, terms: Iterable[str]) -> None:
        """One more document holds each of `terms`."""
        self.conn.executemany(
            "INSERT INTO term_frequency(term, documents) VALUES (?, 1) "
            "ON CONFLICT(term) DO UPDATE SET documents = documents + 1",
            [(t,) for t in terms],
        )

    def clear_stories(self) -> None:
        """Forget stories and every count they were decided with."""
        for table in (
            "story_entities",
            "story_terms",
            "story_event_types",
            "entity_frequency",
            "term_frequency",
            "story_postings",
            "story_redirects",
            "stories",
        ):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("UPDATE documents SET story = NULL")
        self.conn.execute("UPDATE story_totals SET documents = 0")

    # reads -----------------------------------------------------------------------

    def story_of(self, document_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def resolve_story(self, story_id: str) -> str | None:
        """A story id, or the id of the story it was merged into."""
        if self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        row = self.conn.execute(  # the story it was merged into may be gone since
            "SELECT new_id FROM story_redirects JOIN stories ON stories.id = new_id "
            "WHERE old_id = ?",
            (story_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def story_named(self, story_id: str) -> str:
        """`story_id`, or the story it was merged into; NotFoundError if neither exists."""
        resolved = self.resolve_story(story_id)
        if resolved is None:
            raise NotFoundError(f"no story {story_id!r}")
        return resolved

    def stories_for_keys(self, keys: Iterable[str], per_key: int) -> set[str]:
        """The stories of the latest `per_key` documents under each posting key."""
        found: set[str] = set()
        for key in keys:
            rows = self.conn.execute(
                "SELECT DISTINCT story_id FROM (SELECT story_id FROM story_postings "
                "WHERE key = ? ORDER BY seq DESC LIMIT ?)",
                (key, per_key),
            )
            found.update(str(r[0]) for r in rows)
        return found

    def document_entity_counts(self, document_id: str) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT m.entity_id, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
            f"WHERE m.document_id = ? AND e.type IN {_STORY_TYPES} "
            "GROUP BY m.entity_id",
            (document_id,),
        )
        return {str(e): int(n) for e, n in rows}

    def story_entity_counts(self, story_id: str, limit: int = -1) -> dict[str, int]:
        """How many documents of the story name each entity; the `limit` most named."""
        rows = self.conn.execute(
            "SELECT entity_id, documents FROM story_entities WHERE story_id = ? "
            "ORDER BY documents DESC LIMIT ?",
            (story_id, limit),
        )
        return {str(e): int(n) for e, n in rows}

    def story_term_weights(self, story_id: str, terms: Iterable[str]) -> dict[str, float]:
        """The story's summed weights of these words (its text centroid, where it meets
        a document: never the whole vocabulary of a long story)."""
        terms = list(terms)
        if not terms:
            return {}
        rows = self.conn.execute(
            "SELECT term, weight FROM story_terms WHERE story_id = ? AND term IN "
            f"({marks(len(terms))})",
            (story_id, *terms),
        )
        return {str(t): float(w) for t, w in rows}

    def story_terms_norm(self, story_id: str) -> float:
        row = self.conn.execute(
            "SELECT terms_norm2 FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return math.sqrt(max(float(row[0]), 0.0)) if row else 0.0

    def story_event_types(self, story_id: str) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT type, events FROM story_event_types WHERE story_id = ?", (story_id,)
        )
        return {str(t): int(n) for t, n in rows}

    def entity_document_frequency(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """How many documents in stories name each entity (the documents stories were
        decided on, so that recomputing them in order gives the same stories)."""
        return self._frequencies("entity_frequency", "entity_id", list(entity_ids))

    def term_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        return self._frequencies("term_frequency", "term", list(terms))

    def _frequencies(self, table: str, column: str, keys: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in chunks(keys):
            rows = self.conn.execute(
                f"SELECT {column}, documents FROM {table} WHERE {column} IN ({marks(len(chunk))})",
                chunk,
            )
            out.update({str(k): int(n) for k, n in rows})
        return out

    def entity_facts(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, str, int]]:
        """(type, name, mentions) of each entity: what ranking a story's entities needs."""
        ids = list(entity_ids)
        if not ids:
            return {}
        rows = self.conn.execute(
            "SELECT e.id, e.type, e.name, coalesce(sum(s.mentions), 0) FROM entities e "
            "LEFT JOIN entity_spellings s ON s.entity_id = e.id "
            f"WHERE e.id IN ({marks(len(ids))}) GROUP BY e.id",
            ids,
        )
        return {str(r[0]): (str(r[1]), str(r[2]), int(r[3])) for r in rows}

    def count_in_stories(self) -> int:
        return int(self.conn.execute("SELECT documents FROM story_totals").fetchone()[0])

    def story_span(self, story_id: str) -> tuple[str | None, str | None]:
        row = self.conn.execute(
            "SELECT first, last FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def story_outlets(self, story_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT outlet, count(*) FROM documents WHERE story = ? AND outlet IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1",
            (story_id,),
        )
        return [str(r[0]) for r in rows]

    def stories(self, *, limit: int = -1, offset: int = 0) -> list[Story]:
        """Stories, the biggest first (then the latest); `limit` of them from `offset`."""
        return self._story_rows("", limit=limit, offset=offset)

    def count_stories(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM stories").fetchone()[0])

    def story(self, story_id: str) -> Story:
        """One story by its id or a merged one's."""
        rows = self._story_rows("WHERE s.id = ?", self.story_named(story_id))
        return rows[0]

    def _story_rows(
        self, where: str, *params: str, limit: int = -1, offset: int = 0
    ) -> list[Story]:
        rows = self.conn.execute(
            "SELECT s.id, s.title, s.first, s.last, group_concat(d.id, ' ') FROM stories s "
            f"JOIN documents d ON d.story = s.id {where} GROUP BY s.id "
            "ORDER BY count(d.id) DESC, s.last DESC, s.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [Story(str(r[0]), str(r[1]), r[2], r[3], tuple(str(r[4]).split())) for r in rows]
