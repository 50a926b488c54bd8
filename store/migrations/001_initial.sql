-- 001: reference tables (catalog, measures, admin units), uploads, observations and their versions.
CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE indicator_groups (
    code       VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE measures (
    code    VARCHAR PRIMARY KEY,
    name    VARCHAR NOT NULL,
    aliases VARCHAR[],
    base    VARCHAR NOT NULL,
    factor  DOUBLE NOT NULL
);

CREATE TABLE indicators (
    code             VARCHAR PRIMARY KEY,
    name             VARCHAR NOT NULL,
    aliases          VARCHAR[],
    measure          VARCHAR NOT NULL,
    group_code       VARCHAR NOT NULL,
    direction        VARCHAR NOT NULL CHECK (direction IN ('higher', 'lower')),
    aggregation      VARCHAR NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'none')),
    numerator        VARCHAR,
    denominator      VARCHAR,
    value_type       VARCHAR NOT NULL,
    min_value        DOUBLE,
    max_value        DOUBLE,
    parent_code      VARCHAR,
    is_criterion     BOOLEAN NOT NULL DEFAULT false,
    criterion_number INTEGER,
    urban_standard   VARCHAR,
    sort_order       INTEGER NOT NULL,
    source           VARCHAR
);

CREATE TABLE admin_units (
    unit_id    INTEGER PRIMARY KEY,
    code       VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    short_name VARCHAR NOT NULL,
    unit_type  VARCHAR NOT NULL CHECK (unit_type IN ('tinh', 'thanh_pho', 'thi_xa', 'huyen', 'phuong', 'xa', 'thi_tran', 'dac_khu')),
    parent_id  INTEGER,
    valid_from DATE NOT NULL,
    valid_to   DATE,
    source     VARCHAR
);

CREATE TABLE unit_succession (
    old_unit_id INTEGER NOT NULL,
    new_unit_id INTEGER NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('full', 'partial')),
    effective   DATE NOT NULL,
    source      VARCHAR
);

CREATE SEQUENCE upload_id_seq START 1;

CREATE TABLE uploads (
    upload_id      INTEGER PRIMARY KEY,
    file_name      VARCHAR NOT NULL,
    sha256         VARCHAR,
    uploaded_by    VARCHAR,
    uploaded_at    TIMESTAMP NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN ('committed', 'demo', 'rolled_back')),
    layout         VARCHAR,
    n_observations INTEGER NOT NULL,
    n_replaced     INTEGER NOT NULL,
    n_warnings     INTEGER NOT NULL,
    warnings       VARCHAR,          -- JSON list of warning messages
    rolled_back_at TIMESTAMP
);

-- Every value ever loaded; `observations` holds the current one per key.
CREATE TABLE observation_versions (
    indicator_code VARCHAR NOT NULL,
    unit_id        INTEGER NOT NULL,
    year           SMALLINT NOT NULL,
    month_from     TINYINT NOT NULL,
    month_to       TINYINT NOT NULL,
    kind           VARCHAR NOT NULL,
    target_source  VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    upload_id      INTEGER NOT NULL,
    source_value   DOUBLE,
    source_measure VARCHAR,
    source_cell    VARCHAR
);

CREATE TABLE observations (
    indicator_code VARCHAR NOT NULL,
    unit_id        INTEGER NOT NULL,
    year           SMALLINT NOT NULL,
    month_from     TINYINT NOT NULL CHECK (month_from BETWEEN 1 AND 12),
    month_to       TINYINT NOT NULL CHECK (month_to BETWEEN 1 AND 12),
    kind           VARCHAR NOT NULL CHECK (kind IN ('actual', 'estimate', 'target')),
    target_source  VARCHAR NOT NULL DEFAULT '',   -- '' | tinh_giao | hdnd_giao | phan_dau | ...
    value          DOUBLE NOT NULL,
    upload_id      INTEGER NOT NULL,
    source_cell    VARCHAR,
    PRIMARY KEY (indicator_code, unit_id, year, month_from, month_to, kind, target_source)
);
