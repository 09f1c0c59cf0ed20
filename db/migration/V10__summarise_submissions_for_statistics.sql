-- Statistics read a summary per (course, exercise version, part) folded in from the submissions up to a
-- watermark, plus a live aggregate of the few submissions after it; so the page no longer scans every
-- submission of a course (10^6 rows: seconds). Folding runs in the background (StatisticsFolder).
CREATE TABLE statistics_summary (
    course_id           BIGINT           NOT NULL REFERENCES course (id),
    exercise_version_id BIGINT           NOT NULL REFERENCES exercise_version (id),
    part_id             VARCHAR(64)      NOT NULL,
    answers             BIGINT           NOT NULL,   -- submissions with points to win (max_score > 0)
    ratio_sum           DOUBLE PRECISION NOT NULL,   -- sum of score / max_score over them
    correct             BIGINT           NOT NULL,
    PRIMARY KEY (course_id, exercise_version_id, part_id)
);

CREATE TABLE statistics_mistake (
    course_id           BIGINT       NOT NULL REFERENCES course (id),
    exercise_version_id BIGINT       NOT NULL REFERENCES exercise_version (id),
    part_id             VARCHAR(64)  NOT NULL,
    misconception       VARCHAR(64)  NOT NULL,
    answers             BIGINT       NOT NULL,
    PRIMARY KEY (course_id, exercise_version_id, part_id, misconception)
);

-- Submissions with id <= folded_up_to are in the summary (one row for all courses: the fold is global).
CREATE TABLE statistics_watermark (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    folded_up_to BIGINT  NOT NULL
);
INSERT INTO statistics_watermark (id, folded_up_to) VALUES (1, 0);
