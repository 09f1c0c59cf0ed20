-- Class scale: what the attempt page shows is stored with each submission (no re-grading on read),
-- and indexes that match the gradebook, statistics, course-page and sweeper queries.

-- Feedback text in both languages and every named misconception (comma-separated ids), as graded.
ALTER TABLE submission ADD COLUMN feedback_en TEXT;
ALTER TABLE submission ADD COLUMN feedback_zh TEXT;
ALTER TABLE submission ADD COLUMN misconceptions TEXT;

-- Submissions are read per attempt item, newest last (attempt page, gradebook's latest-per-part).
DROP INDEX submission_item_idx;
CREATE INDEX submission_item_part_idx ON submission (attempt_item_id, part_id, id);

-- Statistics group a course's submissions by exercise version and part.
CREATE INDEX attempt_item_version_idx ON attempt_item (exercise_version_id);

-- The deadline sweeper looks only at open attempts with a deadline.
CREATE INDEX attempt_open_deadline_idx ON attempt (deadline_at) WHERE submitted_at IS NULL AND deadline_at IS NOT NULL;

-- Quiz items of a quiz in order; latest version of an exercise.
CREATE INDEX course_member_course_role_idx ON course_member (course_id, role);
