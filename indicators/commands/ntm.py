"""`python -m indicators ntm --db PATH --year Y [--unit PARENT] [--family ntm|van_minh]` → CSV.

Columns (a contract): unit_code,unit_name,criteria_set,criteria_met,criteria_total,level,year_reached —
one row per commune (ward for van_minh) holding criterion values in the year, under PARENT when given.
level is the code of the level reached by then (ntm, nang_cao, kieu_mau, van_minh; empty when not
reached); year_reached is the year the standard was first reached (recognition, else the first year
every criterion was met), empty when not reached.
"""

from __future__ import annotations

import argparse
import csv
import sys

import pandas as pd

from indicators.commands.common import find_unit, open_existing

COLUMNS = [
    "unit_code",
    "unit_name",
    "criteria_set",
    "criteria_met",
    "criteria_total",
    "level",
    "year_reached",
]


def add_parser(sub) -> None:
    p = sub.add_parser("ntm", help="tiêu chí nông thôn mới theo xã (criteria met per commune), CSV")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument("--year", required=True, type=int)
    p.add_argument(
        "--unit", help='đơn vị cấp trên (mã hoặc tên), ví dụ 436 hoặc "Thành phố Hà Tĩnh"'
    )
    p.add_argument(
        "--family",
        default="ntm",
        choices=["ntm", "van_minh"],
        help="ntm (xã nông thôn mới) hoặc van_minh (phường đạt chuẩn đô thị văn minh)",
    )


def run(args: argparse.Namespace) -> int:
    from indicators import ntm

    con = open_existing(args.db)
    try:
        parent_id = int(find_unit(con, args.unit, args.year).unit_id) if args.unit else None
        frame = ntm.assessment(con, args.year, parent_id, args.family)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in frame.itertuples():
            writer.writerow(
                [
                    row.unit_code,
                    row.unit_name,
                    row.criteria_set,
                    row.criteria_met,
                    row.criteria_total,
                    row.level,
                    "" if pd.isna(row.year_reached) else int(row.year_reached),
                ]
            )
    finally:
        con.close()
    return 0
