-- MinHash signatures of each document's text and their LSH bands, for near-copies.
-- Documents stored before get theirs from `storyline reprocess`.

CREATE TABLE document_minhash (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature   BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE minhash_bands (
    band        INTEGER NOT NULL,
    key         INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, document_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_document ON minhash_bands(document_id);
