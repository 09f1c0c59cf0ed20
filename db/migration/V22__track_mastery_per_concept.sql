-- Each student's mastery of each tutorial concept in each course (org.convquiz.mastery): the Bayesian Knowledge
-- Tracing estimate after every graded part that tests the concept, updated in the transaction that stores the
-- submissions. A missing row means no evidence yet (the estimate is the configured p_init).
CREATE TABLE mastery (
    course_id    BIGINT           NOT NULL REFERENCES course (id),
    user_id      BIGINT           NOT NULL REFERENCES app_user (id),
    concept      VARCHAR(32)      NOT NULL,
    p_known      DOUBLE PRECISION NOT NULL CHECK (p_known >= 0 AND p_known <= 1),
    observations INTEGER          NOT NULL CHECK (observations >= 0),
    updated_at   TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, user_id, concept)
);
CREATE INDEX mastery_user_idx ON mastery (user_id);
