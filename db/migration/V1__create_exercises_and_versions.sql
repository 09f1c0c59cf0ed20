-- Exercises are authored as files under exercises/ and loaded at start; every distinct content
-- becomes a version, so attempts keep pointing at the exact text they were generated from.
CREATE TABLE exercise (
    id          BIGSERIAL PRIMARY KEY,
    slug        VARCHAR(100) NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE exercise_version (
    id           BIGSERIAL PRIMARY KEY,
    exercise_id  BIGINT       NOT NULL REFERENCES exercise (id),
    version      INT          NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    source_path  VARCHAR(300) NOT NULL,
    yaml         TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT exercise_version_number_unique UNIQUE (exercise_id, version),
    CONSTRAINT exercise_version_hash_unique UNIQUE (exercise_id, content_hash)
);
