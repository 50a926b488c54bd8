-- Submit → approve → lock, per unit × period (issue 12; DHIS2's data approval). One row per unit and
-- period an upload changed: cho_duyet (waiting), da_duyet (approved: locked), tra_lai (returned).
-- Data loaded before this migration, and demo data, have no row: shown as they were, not locked.
CREATE TABLE IF NOT EXISTS submissions (
    unit_id       INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    month_from    INTEGER NOT NULL,
    month_to      INTEGER NOT NULL,
    status        VARCHAR NOT NULL,
    upload_id     INTEGER,
    submitted_by  VARCHAR,
    submitted_at  TIMESTAMP,
    decided_by    VARCHAR,
    decided_at    TIMESTAMP,
    reason        VARCHAR,
    PRIMARY KEY (unit_id, year, month_from, month_to)
);
