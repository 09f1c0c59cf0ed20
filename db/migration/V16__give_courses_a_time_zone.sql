-- Each course has its own time zone (a class in Shanghai, another in Berlin): quiz windows are entered and
-- shown in it, with its name, and stored in UTC as before. NULL: the app's default (CONVQUIZ_TIME_ZONE).
ALTER TABLE course ADD COLUMN time_zone VARCHAR(64);
