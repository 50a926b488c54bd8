"""Every stored observation with names, as the CSV export writes it."""

from __future__ import annotations

import duckdb

EXPORT_SQL = """
SELECT o.indicator_code, i.name AS indicator_name, u.code AS unit_code, u.name AS unit_name,
       o.year, o.month_from, o.month_to, o.kind, o.value, m.name AS measure
FROM observations o
JOIN indicators i ON i.code = o.indicator_code
JOIN admin_units u ON u.unit_id = o.unit_id
JOIN measures m ON m.code = i.measure
ORDER BY i.sort_order, u.unit_id, o.year, o.month_from, o.month_to, o.kind, o.target_source
"""


def all_observations(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Rows (indicator_code, indicator_name, unit_code, unit_name, year, month_from, month_to, kind,
    value, measure) in catalog, unit and period order."""
    cursor = con.cursor()
    try:
        return cursor.execute(EXPORT_SQL).fetchall()
    finally:
        cursor.close()
