"""Ordered schema migrations: NNNN_name.sql files applied once each, in order."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


@dataclass(slots=True, frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


def latest_version() -> int:
    return max((m.version for m in migrations()), default=0)


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> list[Migration]:
    """Apply every migration newer than the database, each in its own transaction."""
    version = current_version(conn)
    applied = []
    for migration in migrations():
        if migration.version <= version:
            continue
        # executescript() commits before it runs, so the transaction is in the script.
        conn.executescript(
            "BEGIN IMMEDIATE;\n"
            + migration.sql
            + "\nINSERT INTO schema_version(version, name, applied_at) "
            f"VALUES ({migration.version}, '{migration.name}', datetime('now'));\nCOMMIT;"
        )
        applied.append(migration)
    return applied
