-- 004: names learnt from uploads. A statistician's decision for a name the catalog did not know is
-- kept as an alias (with who, when and from which file) and applies to every later file; the
-- decisions of each upload are part of its record; indicators an administrator added stay beside
-- the catalog files (reference sync keeps them).
CREATE TABLE name_aliases (
    kind       VARCHAR NOT NULL CHECK (kind IN ('indicator', 'unit')),
    name       VARCHAR NOT NULL,          -- as written in the file
    name_key   VARCHAR NOT NULL,          -- the loader's comparison key of the name
    target     VARCHAR NOT NULL,          -- indicator code, unit_id (as text) or 'skip'
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL,
    file_name  VARCHAR,
    upload_id  INTEGER,
    PRIMARY KEY (kind, name_key)
);

CREATE TABLE upload_decisions (
    upload_id INTEGER NOT NULL,
    kind      VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    target    VARCHAR NOT NULL
);

CREATE TABLE indicator_additions (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    measure     VARCHAR NOT NULL,
    group_code  VARCHAR NOT NULL,
    direction   VARCHAR NOT NULL CHECK (direction IN ('higher', 'lower')),
    aggregation VARCHAR NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'none')),
    value_type  VARCHAR NOT NULL,
    min_value   DOUBLE,
    max_value   DOUBLE,
    created_by  VARCHAR,
    created_at  TIMESTAMP NOT NULL,
    file_name   VARCHAR
);

-- Names learnt belong to one store: caches built from them are keyed by this id and meta.aliases_version.
INSERT INTO meta SELECT 'store_id', uuid()::VARCHAR WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'store_id');
