-- Statistics compare error rates by what a variant's layers do (stride > 1, padding > 0, ceil_mode, overlapping
-- windows). Those follow from the exercise version and the seed through the engine, so they are worked out once per
-- (version, seed) in the background (VariantFeatureFiller, from a watermark on attempt_item) and kept here as bits:
-- 1 stride > 1, 2 padding > 0, 4 ceil_mode, 8 overlapping windows.
CREATE TABLE variant_feature (
    exercise_version_id BIGINT   NOT NULL REFERENCES exercise_version (id),
    seed                BIGINT   NOT NULL,
    features            SMALLINT NOT NULL,
    PRIMARY KEY (exercise_version_id, seed)
);

-- Attempt items with id <= filled_up_to have their variant's row above.
CREATE TABLE variant_feature_watermark (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    filled_up_to BIGINT  NOT NULL
);
INSERT INTO variant_feature_watermark (id, filled_up_to) VALUES (1, 0);
