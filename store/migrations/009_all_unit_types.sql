-- 009: the whole country's admin units (issue 15) include urban districts (quận) before 2025. A CHECK
-- cannot be altered in DuckDB: the table is rebuilt with the wider list (it holds reference data
-- only, refreshed from data/admin_units.csv, and nothing references it by a foreign key).
CREATE TABLE admin_units_009 (
    unit_id    INTEGER PRIMARY KEY,
    code       VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    short_name VARCHAR NOT NULL,
    unit_type  VARCHAR NOT NULL CHECK (unit_type IN ('tinh', 'thanh_pho', 'thi_xa', 'huyen', 'quan', 'phuong', 'xa', 'thi_tran', 'dac_khu')),
    parent_id  INTEGER,
    valid_from DATE NOT NULL,
    valid_to   DATE,
    source     VARCHAR
);
INSERT INTO admin_units_009 SELECT unit_id, code, name, short_name, unit_type, parent_id, valid_from, valid_to, source FROM admin_units;
DROP TABLE admin_units;
ALTER TABLE admin_units_009 RENAME TO admin_units;
