-- Stories: the documents that tell one story (documents.story), with a title and a time
-- span, and the ids of stories merged into others.

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    first      TEXT,
    last       TEXT,
    terms_norm2 REAL NOT NULL DEFAULT 0   -- squared length of its summed word weights
);

CREATE TABLE story_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
) WITHOUT ROWID;

-- What a story is made of, kept up to date as documents join and stories merge, so that
-- comparing a document with a story never reads all of the story's documents.
CREATE TABLE story_entities (                -- documents of the story naming the entity
    story_id  TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (story_id, entity_id)
) WITHOUT ROWID;

CREATE TABLE story_terms (                   -- summed TF-IDF weights of its words
    story_id TEXT NOT NULL,
    term     TEXT NOT NULL,
    weight   REAL NOT NULL,
    PRIMARY KEY (story_id, term)
) WITHOUT ROWID;

CREATE TABLE story_event_types (
    story_id TEXT NOT NULL,
    type     TEXT NOT NULL,
    events   INTEGER NOT NULL,
    PRIMARY KEY (story_id, type)
) WITHOUT ROWID;

-- Documents in stories that name each entity, and that hold each word.
CREATE TABLE entity_frequency (
    entity_id TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE term_frequency (
    term      TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;

-- Postings: the story of each document under its salient entities ("e:…") and words
-- ("t:…"), newest first by `seq` (the document's rowid).
CREATE TABLE story_postings (
    key      TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
CREATE INDEX story_postings_story ON story_postings(story_id);
