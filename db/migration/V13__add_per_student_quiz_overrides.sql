-- An instructor's exception for one student at one quiz (ill on exam day, a disability accommodation):
-- more minutes, more attempts, a later close. Every change is also written to the audit log.
CREATE TABLE quiz_override (
    id             BIGSERIAL PRIMARY KEY,
    quiz_id        BIGINT       NOT NULL REFERENCES quiz (id) ON DELETE CASCADE,
    user_id        BIGINT       NOT NULL REFERENCES app_user (id),
    extra_minutes  INT          NOT NULL DEFAULT 0 CHECK (extra_minutes BETWEEN 0 AND 10080),
    extra_attempts INT          NOT NULL DEFAULT 0 CHECK (extra_attempts BETWEEN 0 AND 100),
    closes_at      TIMESTAMPTZ,
    reason         VARCHAR(500) NOT NULL,
    changed_by     VARCHAR(64)  NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT quiz_override_one_per_student UNIQUE (quiz_id, user_id)
);
