-- 003: per-unit summary of observations (count, first and last year), kept up to date by every write
-- in store/uploads.py, so that the pages' unit picker does not scan every observation.
CREATE TABLE unit_summary (
    unit_id    INTEGER PRIMARY KEY,
    n_obs      BIGINT NOT NULL,
    first_year SMALLINT NOT NULL,
    last_year  SMALLINT NOT NULL
);
INSERT INTO unit_summary
SELECT unit_id, count(*), min(year), max(year) FROM observations GROUP BY unit_id;
