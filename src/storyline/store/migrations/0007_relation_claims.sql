-- Relations that sentences state outright ("Kim Soo-hyun's agency, Gold Medalist"),
-- read at analysis; the rest of the relations are derived from events when asked for.
-- Documents analysed before this get their claims with `storyline reprocess --all`.

CREATE TABLE relation_claims (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    object      TEXT NOT NULL,
    modality    TEXT NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, type, subject, object, char_start)
) WITHOUT ROWID;
CREATE INDEX relation_claims_subject ON relation_claims(subject);
CREATE INDEX relation_claims_object ON relation_claims(object);
