-- Documents, the sources they came from, and full-text search over them.
-- Later migrations add mentions, entities, events, relations and stories.

CREATE TABLE documents (
    rowid               INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,        -- d_ + hash of normalised text (+ URL)
    content_hash        TEXT NOT NULL,               -- hash of the normalised text alone
    source              TEXT NOT NULL,               -- what the user gave, first seen
    kind                TEXT NOT NULL,               -- txt | html | jsonl | json | csv | url
    url                 TEXT,
    title               TEXT,
    outlet              TEXT,
    author              TEXT,
    language            TEXT,
    published_value     TEXT,
    published_precision TEXT NOT NULL DEFAULT 'unknown',
    published_basis     TEXT NOT NULL DEFAULT 'unknown',
    credited_sources    TEXT NOT NULL DEFAULT '[]',  -- JSON list
    removed             TEXT NOT NULL DEFAULT '[]',  -- JSON list of residue lines cleaned away
    text                TEXT NOT NULL,               -- the cleaned text; offsets index it
    story               TEXT,
    duplicate_of        TEXT REFERENCES documents(id) ON DELETE SET NULL,
    ingested_at         TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_published ON documents(published_value);
CREATE INDEX documents_story ON documents(story);

-- Every input that produced a document: a second copy of an article is a source, not a row.
-- input_hash fingerprints what the input held, so an unchanged input is skipped unread.
CREATE TABLE document_sources (
    source      TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    input_hash  TEXT NOT NULL,
    seen_at     TEXT NOT NULL
);
CREATE INDEX document_sources_document ON document_sources(document_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
