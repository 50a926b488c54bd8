"""`python -m indicators urban --db PATH --unit NAME_OR_CODE --year Y` → CSV.

Columns (a contract): criterion,points,min_points,max_points — one row per criterion of the framework
in force (1…5 under NQ 1210/26), then `total,<points>,<pass mark>,<total points>`. Points are plain
decimals with up to 4 places (92.6598); an empty points cell means the criterion has no data.
"""

from __future__ import annotations

import argparse
import csv
import sys

from indicators.commands.common import find_unit, number_text, open_existing

COLUMNS = ["criterion", "points", "min_points", "max_points"]


def add_parser(sub) -> None:
    p = sub.add_parser("urban", help="điểm tiêu chí phân loại đô thị (urban class scoring), CSV")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument(
        "--unit", required=True, help='mã hoặc tên đơn vị, ví dụ 436 hoặc "Thành phố Hà Tĩnh"'
    )
    p.add_argument("--year", required=True, type=int)


def run(args: argparse.Namespace) -> int:
    from indicators import urban

    con = open_existing(args.db)
    try:
        unit = find_unit(con, args.unit, args.year)
        result = urban.assessment(con, int(unit.unit_id), args.year)
        if result["framework"] is None or result["criteria"].empty:
            print(f"Lỗi: chưa có thang điểm phân loại đô thị cho năm {args.year}.", file=sys.stderr)
            return 2
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in result["criteria"].itertuples():
            writer.writerow(
                [
                    row.criterion,
                    number_text(row.points),
                    number_text(row.min_points),
                    number_text(row.max_points),
                ]
            )
        framework = result["framework"]
        shown = (
            result["total"] if result["complete"] else None
        )  # no total while a criterion has no data
        writer.writerow(
            [
                "total",
                number_text(shown),
                number_text(framework.pass_points),
                number_text(framework.raw.get("total_points", 100)),
            ]
        )
    finally:
        con.close()
    return 0
