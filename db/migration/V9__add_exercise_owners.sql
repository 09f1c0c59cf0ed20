-- Exercises have owners: those loaded from the exercises folder belong to nobody (shared, read-only in the
-- browser and API); one saved by an instructor belongs to them. Saving someone else's exercise makes a copy
-- (copied_from points back), never a new version of theirs; every version records who wrote it.
ALTER TABLE exercise ADD COLUMN owner_id BIGINT REFERENCES app_user (id);
ALTER TABLE exercise ADD COLUMN copied_from_id BIGINT REFERENCES exercise (id);
ALTER TABLE exercise_version ADD COLUMN author_id BIGINT REFERENCES app_user (id);
CREATE INDEX exercise_owner_idx ON exercise (owner_id);
