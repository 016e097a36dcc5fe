-- Events read from each document: their participants and the sentences that say so.
-- Documents annotated before events existed are annotated again (`storyline reprocess`).

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    modality       TEXT NOT NULL,
    time_value     TEXT,
    time_precision TEXT NOT NULL,
    time_text      TEXT,
    summary        TEXT NOT NULL,
    quote          TEXT
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_type ON events(type);

CREATE TABLE event_participants (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    role      TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id);

CREATE TABLE event_evidence (
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (event_id, document_id, char_start)
) WITHOUT ROWID;

DELETE FROM mentions;
DELETE FROM sentences;
DELETE FROM entity_spellings;
DELETE FROM entity_accounts;
DELETE FROM entity_keys;
DELETE FROM entity_links;
DELETE FROM entity_redirects;
DELETE FROM entities;
UPDATE documents SET annotated = 0;
