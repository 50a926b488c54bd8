-- 002: criteria assessments beyond the 0/1 observations.
-- recognitions: a unit recognised at a level of a criteria framework (NTM "về đích", nâng cao, kiểu mẫu,
-- đô thị văn minh, đô thị loại II) in a year, with the decision when known. Rows of a rolled-back upload
-- stay but are ignored by readers (join uploads, status <> 'rolled_back').
CREATE TABLE recognitions (
    unit_id     INTEGER NOT NULL,
    framework   VARCHAR NOT NULL,          -- data/criteria/*.toml code, e.g. ntm_2016_2020
    level       VARCHAR NOT NULL,          -- ntm | nang_cao | kieu_mau | hien_dai | van_minh | loai_ii
    year        SMALLINT NOT NULL,
    decision    VARCHAR,                   -- e.g. "QĐ 175/QĐ-TTg"
    decided_on  DATE,
    upload_id   INTEGER NOT NULL,
    source_cell VARCHAR
);

-- criteria_scores: an uploaded scoring table's own levels and points (urban classification), one row
-- per standard, criterion or total line, so a year is scored on the thresholds its file stated.
CREATE TABLE criteria_scores (
    unit_id         INTEGER NOT NULL,
    year            SMALLINT NOT NULL,
    framework       VARCHAR NOT NULL,
    item            VARCHAR NOT NULL,      -- "1.4" (standard), "1" (criterion), "total"
    name            VARCHAR,
    indicator_code  VARCHAR,
    min_level       DOUBLE,
    max_level       DOUBLE,
    min_points      DOUBLE,
    max_points      DOUBLE,
    points_reported DOUBLE,                -- the file's "Đạt được"
    upload_id       INTEGER NOT NULL,
    source_cell     VARCHAR
);
