-- The detail export (one CSV row per submitted part, 10^6 rows at a school's scale) spent most of its time
-- formatting: ~3 s of one backend's CPU. Each submission is written once and exported many times, so its cells
-- of that row (seed … submitted_at) are now kept with it as finished RFC 4180 text, computed by PostgreSQL itself
-- (a stored generated column: filled here for the existing rows, on insert, and again if a cell is changed, as the
-- export's missing right answers are). The export joins this text to its student's and question's cells.

-- A cell as RFC 4180 writes it, the way PostgreSQL's COPY … (FORMAT csv) did: quoted when it holds a quote, a
-- comma, CR or LF, or is empty (so '' and NULL stay apart: NULL is an empty unquoted cell).
CREATE FUNCTION export_csv_cell(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN t IS NULL THEN '' WHEN t = '' OR t ~ '[",\r\n]' THEN '"' || replace(t, '"', '""') || '"' ELSE t END;

-- Text someone typed: a cell a spreadsheet would run as a formula (= + - @ tab CR first, OWASP's CSV injection
-- advice) gets a leading apostrophe. Same rule as org.convquiz.gradebook.CsvCells.safe; ExportTest holds them together.
CREATE FUNCTION export_csv_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN export_csv_cell(CASE WHEN ascii(t) IN (61, 43, 45, 64, 9, 13) THEN '''' || t ELSE t END);

-- ISO 8601 in UTC (2026-11-29T10:00:00.123456Z). The date style is fixed here, so the text depends on the
-- instant alone and the function is immutable, as a generated column needs.
CREATE FUNCTION export_utc_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE SET datestyle = 'ISO, YMD'
AS $$ SELECT replace((t AT TIME ZONE 'UTC')::text, ' ', 'T') || 'Z' $$;

-- seed, part, answer, read_as, correct_answer, score, max_score, misconceptions, submitted_at
ALTER TABLE submission ADD COLUMN export_cells TEXT GENERATED ALWAYS AS (
    seed::text || ',' || export_csv_cell(part_id) || ',' || export_csv_text(raw_answer) || ','
    || export_csv_text(parsed_answer) || ',' || export_csv_text(reference_answer) || ','
    || score::text || ',' || max_score::text || ','
    || export_csv_text(coalesce(misconceptions, misconception)) || ',' || export_utc_time(created_at)) STORED;

-- The export first stores the right answers that rows graded before V7 lack (ExportService.storeMissingReferences);
-- finding none was a scan of the course's submissions (0.1 s at 10^6). This index holds only such rows.
CREATE INDEX submission_reference_missing_idx ON submission (attempt_item_id) WHERE reference_answer IS NULL;
