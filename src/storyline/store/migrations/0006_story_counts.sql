-- Ranking and counting that story assignment does for every new document, kept cheap
-- at any store size: a story's most named entities first, and the number of documents
-- in stories kept as a count instead of counted.

CREATE INDEX story_entities_rank ON story_entities(story_id, documents DESC);

CREATE TABLE story_totals (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    documents INTEGER NOT NULL
);
INSERT INTO story_totals(id, documents)
    SELECT 1, count(*) FROM documents WHERE story IS NOT NULL;
