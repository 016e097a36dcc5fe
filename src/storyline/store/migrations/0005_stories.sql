-- Stories: the documents that tell one story (documents.story), with a title and a time
-- span, and the ids of stories merged into others.

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    first      TEXT,
    last       TEXT
);

CREATE TABLE story_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
) WITHOUT ROWID;

-- Each document's most telling words (TF-IDF weight when it arrived) and how many
-- documents hold each word: the text half of a story's profile, and its postings.
CREATE TABLE term_frequency (
    term TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE document_terms (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    term        TEXT NOT NULL,
    weight      REAL NOT NULL,
    PRIMARY KEY (document_id, term)
) WITHOUT ROWID;
CREATE INDEX document_terms_term ON document_terms(term);
