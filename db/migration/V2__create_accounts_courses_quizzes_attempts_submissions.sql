-- Accounts, courses, quizzes, attempts and every submission.

CREATE TABLE app_user (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,               -- bcrypt
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('student', 'instructor')),
    display_name  VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE course (
    id         BIGSERIAL PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    join_code  VARCHAR(32)  NOT NULL UNIQUE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE course_member (
    id        BIGSERIAL PRIMARY KEY,
    course_id BIGINT      NOT NULL REFERENCES course (id),
    user_id   BIGINT      NOT NULL REFERENCES app_user (id),
    role      VARCHAR(16) NOT NULL CHECK (role IN ('student', 'instructor')),
    joined_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT course_member_unique UNIQUE (course_id, user_id)
);
CREATE INDEX course_member_user_idx ON course_member (user_id);

CREATE TABLE quiz (
    id                 BIGSERIAL PRIMARY KEY,
    course_id          BIGINT       NOT NULL REFERENCES course (id),
    slug               VARCHAR(100) NOT NULL,
    title_en           VARCHAR(200) NOT NULL,
    title_zh           VARCHAR(200) NOT NULL,
    mode               VARCHAR(16)  NOT NULL CHECK (mode IN ('practice', 'exam')),
    opens_at           TIMESTAMPTZ,
    closes_at          TIMESTAMPTZ,
    time_limit_minutes INT CHECK (time_limit_minutes > 0),
    max_attempts       INT CHECK (max_attempts > 0),
    reveal             VARCHAR(16)  NOT NULL CHECK (reveal IN ('immediately', 'after_submit', 'after_close', 'never')),
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT quiz_slug_unique UNIQUE (course_id, slug),
    CONSTRAINT quiz_window_ordered CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
);
CREATE INDEX quiz_course_idx ON quiz (course_id);

CREATE TABLE quiz_item (
    id          BIGSERIAL PRIMARY KEY,
    quiz_id     BIGINT NOT NULL REFERENCES quiz (id),
    position    INT    NOT NULL,
    exercise_id BIGINT NOT NULL REFERENCES exercise (id),
    CONSTRAINT quiz_item_position_unique UNIQUE (quiz_id, position)
);

CREATE TABLE attempt (
    id           BIGSERIAL PRIMARY KEY,
    quiz_id      BIGINT      NOT NULL REFERENCES quiz (id),
    user_id      BIGINT      NOT NULL REFERENCES app_user (id),
    number       INT         NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    deadline_at  TIMESTAMPTZ,
    submitted_at TIMESTAMPTZ,
    CONSTRAINT attempt_number_unique UNIQUE (quiz_id, user_id, number)
);
CREATE INDEX attempt_user_idx ON attempt (user_id, quiz_id);
CREATE INDEX attempt_quiz_idx ON attempt (quiz_id);

-- Which exercise version and seed each question of an attempt was generated from.
CREATE TABLE attempt_item (
    id                  BIGSERIAL PRIMARY KEY,
    attempt_id          BIGINT NOT NULL REFERENCES attempt (id),
    position            INT    NOT NULL,
    exercise_version_id BIGINT NOT NULL REFERENCES exercise_version (id),
    seed                BIGINT NOT NULL,
    CONSTRAINT attempt_item_position_unique UNIQUE (attempt_id, position)
);

CREATE TABLE submission (
    id                  BIGSERIAL PRIMARY KEY,
    attempt_item_id     BIGINT           NOT NULL REFERENCES attempt_item (id),
    exercise_version_id BIGINT           NOT NULL REFERENCES exercise_version (id),
    seed                BIGINT           NOT NULL,
    part_id             VARCHAR(64)      NOT NULL,
    raw_answer          TEXT             NOT NULL,
    parsed_answer       TEXT,
    status              VARCHAR(16)      NOT NULL,
    score               DOUBLE PRECISION NOT NULL,
    max_score           DOUBLE PRECISION NOT NULL,
    misconception       VARCHAR(64),
    idempotency_key     VARCHAR(80)      NOT NULL,
    created_at          TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CONSTRAINT submission_idempotency_unique UNIQUE (idempotency_key, part_id)
);
CREATE INDEX submission_item_idx ON submission (attempt_item_id);
CREATE INDEX submission_version_idx ON submission (exercise_version_id);

-- Answers saved while a student types (exam mode); the last one wins.
CREATE TABLE draft (
    id              BIGSERIAL PRIMARY KEY,
    attempt_item_id BIGINT      NOT NULL REFERENCES attempt_item (id),
    part_id         VARCHAR(64) NOT NULL,
    raw_answer      TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT draft_part_unique UNIQUE (attempt_item_id, part_id)
);

CREATE TABLE audit_log (
    id     BIGSERIAL PRIMARY KEY,
    at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor  VARCHAR(64),
    action VARCHAR(64)  NOT NULL,
    detail TEXT
);
