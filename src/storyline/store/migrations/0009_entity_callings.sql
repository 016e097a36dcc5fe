-- The fields of work each document gives a person ("actor", "analyst at"): namesakes
-- of different callings are kept apart across documents.

CREATE TABLE entity_callings (
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    calling     TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, calling, document_id)
) WITHOUT ROWID;
