"""Every stored observation with names, as the CSV export writes it."""

from __future__ import annotations

import duckdb

from store.connection import scalar

EXPORT_SQL = """
SELECT o.indicator_code, i.name AS indicator_name, u.code AS unit_code, u.name AS unit_name,
       o.year, o.month_from, o.month_to, o.kind, o.value, m.name AS measure, o.target_source
FROM observations o
JOIN indicators i ON i.code = o.indicator_code
JOIN admin_units u ON u.unit_id = o.unit_id
JOIN measures m ON m.code = i.measure
-- the order uses exported columns only (codes before names, province → ward by code length), so
-- export → load → export gives the same file even where one code named two units in a year
ORDER BY i.sort_order, length(u.code), u.code, u.name, o.year, o.month_from, o.month_to, o.kind,
         o.target_source, u.valid_from
"""


def all_observations(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Rows (indicator_code, indicator_name, unit_code, unit_name, year, month_from, month_to, kind,
    value, measure, target_source) in catalog, unit and period order."""
    cursor = con.cursor()
    try:
        return cursor.execute(EXPORT_SQL).fetchall()
    finally:
        cursor.close()


AMBIGUOUS_SQL = """
SELECT coalesce(sum(n), 0) FROM (
    SELECT count(*) AS n FROM observations
    GROUP BY indicator_code, unit_id, year, month_from, month_to, kind
    HAVING count(*) > 1
)
"""


def count_ambiguous_targets(con: duckdb.DuckDBPyConnection) -> int:
    """Observations sharing every key column but target_source with another one."""
    return int(scalar(con, AMBIGUOUS_SQL) or 0)
