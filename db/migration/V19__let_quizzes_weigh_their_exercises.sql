-- The points an exercise is worth in one quiz (NULL: the exercise file's own points). An attempt keeps the
-- points its quiz had when it started; submissions store scores already scaled to them, so every sum stays
-- a plain sum.
ALTER TABLE quiz_item    ADD COLUMN points NUMERIC(8, 2) CHECK (points > 0);
ALTER TABLE attempt_item ADD COLUMN points NUMERIC(8, 2) CHECK (points > 0);
