-- Quizzes are listed in the tutorial's order, which an instructor may change, and a version number
-- lets a stale form (two instructors reordering at once) be refused instead of silently applied.
ALTER TABLE quiz ADD COLUMN section  VARCHAR(64);
ALTER TABLE quiz ADD COLUMN position INT NOT NULL DEFAULT 0;
ALTER TABLE quiz ADD COLUMN version  INT NOT NULL DEFAULT 0;

-- Existing quizzes keep the order they were shown in (by id).
UPDATE quiz q SET position = o.n
FROM (SELECT id, row_number() OVER (PARTITION BY course_id ORDER BY id) AS n FROM quiz) o
WHERE o.id = q.id;

CREATE INDEX quiz_course_position ON quiz (course_id, position);
