"""`python -m indicators urban --db PATH --unit NAME_OR_CODE --year Y` → CSV.

Columns (a contract): criterion,points,min_points,max_points — one row per criterion of the framework
in force (1…5 under NQ 1210/26), then `total,<points>,<pass mark>,<total points>`. Points are plain
decimals with up to 4 places (92.6598); an empty points cell means the criterion has no data.
"""

from __future__ import annotations

import argparse
import csv
import sys

import pandas as pd

COLUMNS = ["criterion", "points", "min_points", "max_points"]


def add_parser(sub) -> None:
    p = sub.add_parser("urban", help="điểm tiêu chí phân loại đô thị (urban class scoring), CSV")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument("--unit", required=True, help="mã hoặc tên đơn vị, ví dụ 436 hoặc \"Thành phố Hà Tĩnh\"")
    p.add_argument("--year", required=True, type=int)


def _num(x) -> str:
    if x is None or (isinstance(x, float) and pd.isna(x)):
        return ""
    x = round(float(x), 4)
    return str(int(x)) if x == int(x) else repr(x)


def run(args: argparse.Namespace) -> int:
    import store
    from indicators import units, urban

    path = store.db_path(args.db)
    if not path.exists():
        print(f"Lỗi: không có kho dữ liệu {path}.", file=sys.stderr)
        return 2
    con = store.open_store(path)
    try:
        try:
            unit = units.resolve(con, args.unit, args.year)
        except units.UnitNotFound as exc:
            print(f"Lỗi: {exc}", file=sys.stderr)
            return 2
        result = urban.assessment(con, int(unit.unit_id), args.year)
        if result["framework"] is None or result["criteria"].empty:
            print(f"Lỗi: chưa có thang điểm phân loại đô thị cho năm {args.year}.", file=sys.stderr)
            return 2
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in result["criteria"].itertuples():
            writer.writerow([row.criterion, _num(row.points), _num(row.min_points), _num(row.max_points)])
        framework = result["framework"]
        shown = result["total"] if result["complete"] else None  # no total while a criterion has no data
        writer.writerow(["total", _num(shown), _num(framework.pass_points),
                         _num(framework.raw.get("total_points", 100))])
    finally:
        con.close()
    return 0
