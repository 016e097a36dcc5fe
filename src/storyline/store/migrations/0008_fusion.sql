-- Fusion: events read from different documents (or twice in one) that are the same real
-- event share a `fused_id` (the id of the first of them), and are shown as one.

ALTER TABLE events ADD COLUMN fused_id TEXT;
UPDATE events SET fused_id = id;
CREATE INDEX events_fused ON events(fused_id);
