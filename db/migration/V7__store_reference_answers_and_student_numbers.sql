-- Exports (detail CSV, LMS formats) show the right answer of every graded part without running the engine
-- per row; it is stored with the submission as graded. Rows from before this migration stay null and are
-- computed once per (version, seed) when exported.
ALTER TABLE submission ADD COLUMN reference_answer TEXT;

-- LMS imports match students by student number or e-mail; both are optional (rosters fill them).
ALTER TABLE app_user ADD COLUMN student_number VARCHAR(64);
ALTER TABLE app_user ADD COLUMN email VARCHAR(254);
