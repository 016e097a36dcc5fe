-- Sentences and entity mentions of each document, the entities they resolve to, and
-- the record of how spellings were joined into one entity.

ALTER TABLE documents ADD COLUMN annotated INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sentences (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
    rowid      INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,           -- e_ + hash; merged ids redirect
    type       TEXT NOT NULL,                  -- person | work | org | event | place | account
    name       TEXT NOT NULL,                  -- canonical: the preferred full spelling
    created_in TEXT NOT NULL                   -- the document that introduced it
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

-- Blocking keys (folded spelling, romanisation, ...): how a new document finds
-- the stored entities it may be talking about without comparing against all of them.
CREATE TABLE entity_keys (
    key       TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    kind        TEXT NOT NULL,                 -- name | short | account | descriptor
    sentence    INTEGER NOT NULL,
    entity_id   TEXT NOT NULL REFERENCES entities(id),
    how         TEXT,                          -- why a short form or account is this entity's
    PRIMARY KEY (document_id, char_start)
);
CREATE INDEX mentions_entity ON mentions(entity_id, document_id);

-- Every spelling of every entity with its mention count, kept by triggers.
CREATE TABLE entity_spellings (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    text      TEXT NOT NULL,
    type      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, text, type, kind)
) WITHOUT ROWID;
CREATE TRIGGER mentions_count_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO entity_spellings(entity_id, text, type, kind, mentions)
    VALUES (new.entity_id, new.text, new.type, new.kind, 1)
    ON CONFLICT DO UPDATE SET mentions = mentions + 1;
END;
CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions BEGIN
    UPDATE entity_spellings SET mentions = mentions - 1
    WHERE entity_id = old.entity_id AND text = old.text AND type = old.type AND kind = old.kind;
    DELETE FROM entity_spellings WHERE mentions <= 0;
END;

-- How each spelling joined its entity, and which stored entities were merged.
CREATE TABLE entity_links (
    rowid       INTEGER PRIMARY KEY,
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,                 -- history: kept when the document goes
    alias       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    merged_id   TEXT,                          -- the entity merged into this one, if any
    merged_name TEXT,
    linked_at   TEXT NOT NULL
);
CREATE INDEX entity_links_entity ON entity_links(entity_id);

CREATE TABLE entity_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
) WITHOUT ROWID;

-- Accounts known from lines cleaning removed ("| @kyo1122/Instagram" under a photo):
-- no offsets in the text, so not mentions; the removed line is the evidence.
CREATE TABLE entity_accounts (
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    handle      TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (entity_id, handle, document_id)
) WITHOUT ROWID;
