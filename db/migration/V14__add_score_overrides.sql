-- An instructor can set a student's score for a quiz by hand, with a reason (a re-marked answer, an excused
-- absence). The override replaces the best score everywhere a quiz score is shown or exported (the one rule in
-- QuizService.BEST_SCORES); every change is also written to audit_log with the score before and after.
CREATE TABLE score_override (
    quiz_id BIGINT           NOT NULL REFERENCES quiz (id),
    user_id BIGINT           NOT NULL REFERENCES app_user (id),
    score   DOUBLE PRECISION NOT NULL CHECK (score >= 0),
    reason  VARCHAR(500)     NOT NULL CHECK (length(btrim(reason)) > 0),
    set_by  VARCHAR(64)      NOT NULL,
    set_at  TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (quiz_id, user_id)
);
CREATE INDEX score_override_user_idx ON score_override (user_id);
