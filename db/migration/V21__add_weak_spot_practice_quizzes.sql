-- Each course gets, on first use, one practice quiz whose questions are picked one at a time for each student
-- ("practise my weak spots"); it is not one of the course's quizzes (not listed, no gradebook column).
ALTER TABLE quiz ADD COLUMN adaptive BOOLEAN NOT NULL DEFAULT FALSE;
