-- Instructors run a class: joining can be closed (and the code rotated), and accounts made by an instructor
-- (co-instructors, roster imports, password resets) get a one-time link to set their password. Only the
-- link's SHA-256 is stored; it works once, until it expires.
ALTER TABLE course ADD COLUMN joining_open BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE password_link (
    token_hash  CHAR(64)    PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES app_user (id),
    created_by  VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX password_link_user_idx ON password_link (user_id);
