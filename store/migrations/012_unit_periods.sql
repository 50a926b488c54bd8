-- 012: the periods each unit holds actuals or estimates of, kept up to date by every write in
-- store/uploads.py beside unit_summary, so that the pickers' period list and "which wards reported"
-- read a few thousand rows instead of every observation (issue 16: 115 ms of a first view).
CREATE TABLE unit_periods (
    unit_id    INTEGER NOT NULL,
    year       SMALLINT NOT NULL,
    month_from TINYINT NOT NULL,
    month_to   TINYINT NOT NULL
);
INSERT INTO unit_periods
SELECT DISTINCT unit_id, year, month_from, month_to FROM observations
WHERE kind IN ('actual', 'estimate')
ORDER BY unit_id, year, month_from, month_to;
