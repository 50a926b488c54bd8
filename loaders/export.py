"""Every stored observation as CSV: indicator_code,indicator_name,unit_code,unit_name,year,month_from,
month_to,kind,value,measure — value in the catalog measure; criterion indicators 1/0."""

from __future__ import annotations

import csv
import io
from typing import TextIO

import duckdb

HEADER = ["indicator_code", "indicator_name", "unit_code", "unit_name", "year", "month_from", "month_to",
          "kind", "value", "measure"]

EXPORT_SQL = """
SELECT o.indicator_code, i.name AS indicator_name, u.code AS unit_code, u.name AS unit_name,
       o.year, o.month_from, o.month_to, o.kind, o.value, m.name AS measure
FROM observations o
JOIN indicators i ON i.code = o.indicator_code
JOIN admin_units u ON u.unit_id = o.unit_id
JOIN measures m ON m.code = i.measure
ORDER BY i.sort_order, u.unit_id, o.year, o.month_from, o.month_to, o.kind, o.target_source
"""


def format_value(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".15g")


def write_csv(con: duckdb.DuckDBPyConnection, out: TextIO) -> int:
    cursor = con.cursor()
    try:
        rows = cursor.execute(EXPORT_SQL).fetchall()
    finally:
        cursor.close()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        row = list(row)
        row[8] = format_value(float(row[8]))
        writer.writerow(row)
    return len(rows)


def export_csv(con: duckdb.DuckDBPyConnection) -> str:
    buffer = io.StringIO()
    write_csv(con, buffer)
    return buffer.getvalue()
