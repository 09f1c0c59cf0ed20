-- A quiz built in the browser can stay a draft (students neither see nor start it) until an instructor
-- publishes it; quizzes made before, and from quiz files, are published.
ALTER TABLE quiz ADD COLUMN published BOOLEAN NOT NULL DEFAULT TRUE;
