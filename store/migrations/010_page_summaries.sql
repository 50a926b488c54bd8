-- 010: the pages' scorecard rows, computed once when the data change (indicators/summaries.py), so a
-- first view reads rows instead of rebuilding history and pace from every observation. Derived data:
-- always rebuildable from the observations; read only while meta.summaries_version matches the data.
CREATE TABLE page_summaries (
    unit_id                      INTEGER NOT NULL,
    year                         SMALLINT NOT NULL,
    month_from                   TINYINT NOT NULL,
    month_to                     TINYINT NOT NULL,
    indicator_code               VARCHAR NOT NULL,
    value                        DOUBLE,
    kind                         VARCHAR,
    same_period_value            DOUBLE,
    same_period_kind             VARCHAR,
    target                       DOUBLE,
    target_source                VARCHAR,
    derived_from                 VARCHAR,
    same_period_derived_from     VARCHAR,
    target_derived_from          VARCHAR,
    derived_problem              VARCHAR,
    same_period_problem          VARCHAR,
    typical_share                DOUBLE,
    share_low                    DOUBLE,
    share_high                   DOUBLE,
    n_years                      DOUBLE,
    pct_of_target                DOUBLE,
    same_period_change_pct       DOUBLE,
    same_period_change           DOUBLE,
    same_period_change_in_points BOOLEAN,
    attainment_pct               DOUBLE,
    is_flow                      BOOLEAN,
    expected_pct                 DOUBLE,
    pace_basis                   VARCHAR,
    status                       VARCHAR,
    projection                   DOUBLE,
    projection_low               DOUBLE,
    projection_high              DOUBLE
);
-- the unit × period pairs summarised (a pair with no rows is summarised too: nothing to show)
CREATE TABLE summary_periods (
    unit_id    INTEGER NOT NULL,
    year       SMALLINT NOT NULL,
    month_from TINYINT NOT NULL,
    month_to   TINYINT NOT NULL
);
-- a fingerprint of each unit's observations of each year when the summaries were last made: the
-- next refresh recomputes only what depends on the pairs whose fingerprint changed
CREATE TABLE summary_inputs (
    unit_id     INTEGER NOT NULL,
    year        SMALLINT NOT NULL,
    fingerprint UBIGINT NOT NULL
);
