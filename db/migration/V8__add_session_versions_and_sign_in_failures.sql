-- Signing out ends every session of the account on every instance: the session cookie carries the account's
-- session version, and signing out (or a password change) moves it on, so older cookies are refused.
ALTER TABLE app_user ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0;

-- Failed sign-ins per account ('user:<name>') and per address ('addr:<ip>'), shared by all instances:
-- past the configured number, sign-in is paused until paused_until, and each further failure doubles the pause.
CREATE TABLE sign_in_failure (
    subject       VARCHAR(160) PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    last_failure  TIMESTAMPTZ  NOT NULL,
    paused_until  TIMESTAMPTZ
);
