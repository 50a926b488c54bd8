"""Every stored observation as CSV: indicator_code,indicator_name,unit_code,unit_name,year,month_from,
month_to,kind,value,measure — value in the catalog measure; criterion indicators 1/0."""

from __future__ import annotations

import csv
import io
from typing import TextIO

from store import Connection
from store.queries import exports

HEADER = [
    "indicator_code",
    "indicator_name",
    "unit_code",
    "unit_name",
    "year",
    "month_from",
    "month_to",
    "kind",
    "value",
    "measure",
]


def format_value(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e15:  # inf and nan are not integers
        return str(int(value))
    return format(value, ".15g")


def write_csv(con: Connection, out: TextIO) -> int:
    rows = exports.all_observations(con)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for record in rows:
        row = list(record)
        row[8] = format_value(float(row[8]))
        writer.writerow(row)
    return len(rows)


def export_csv(con: Connection) -> str:
    buffer = io.StringIO()
    write_csv(con, buffer)
    return buffer.getvalue()
