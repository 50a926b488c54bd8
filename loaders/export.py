"""Every stored observation as CSV: indicator_code,indicator_name,unit_code,unit_name,year,month_from,
month_to,kind,value,measure — value in the catalog measure; criterion indicators 1/0.

The ten columns are a fixed contract (issue 3). Two plans for one indicator, unit and year that differ
only in who set them (tỉnh giao, HĐND giao…) are two rows that look alike without their source, so
`with_source` appends a `target_source` column: that file loads back into an empty store exactly."""

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


SOURCE_COLUMN = "target_source"


def write_csv(con: Connection, out: TextIO, *, with_source: bool = False) -> int:
    rows = exports.all_observations(con)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER + [SOURCE_COLUMN] if with_source else HEADER)
    for record in rows:
        row = list(record[: len(HEADER)])
        row[8] = format_value(float(row[8]))
        writer.writerow(row + [record[len(HEADER)]] if with_source else row)
    return len(rows)


def export_csv(con: Connection, *, with_source: bool = False) -> str:
    buffer = io.StringIO()
    write_csv(con, buffer, with_source=with_source)
    return buffer.getvalue()


def ambiguous_targets(con: Connection) -> int:
    """Rows the ten-column export cannot tell apart: plans with one key but more than one source."""
    return exports.count_ambiguous_targets(con)
