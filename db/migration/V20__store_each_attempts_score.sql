-- Each attempt's score (the sum of the latest submission of each of its parts), kept up to date in the
-- transaction that stores its submissions, so best scores over a school's attempts are a max over attempts
-- rather than a window over every submission.
ALTER TABLE attempt ADD COLUMN score NUMERIC(10, 2) NOT NULL DEFAULT 0;

UPDATE attempt a SET score = l.total
FROM (SELECT ai.attempt_id, sum(s.score) AS total
      FROM (SELECT DISTINCT ON (attempt_item_id, part_id) attempt_item_id, score
            FROM submission ORDER BY attempt_item_id, part_id, id DESC) s
      JOIN attempt_item ai ON ai.id = s.attempt_item_id
      GROUP BY ai.attempt_id) l
WHERE l.attempt_id = a.id;
