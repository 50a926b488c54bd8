"""`python -m indicators brief --db PATH --unit NAME_OR_CODE --year Y --months A-B` — the report text."""

from __future__ import annotations

import argparse
import re
import sys


def add_parser(sub) -> None:
    p = sub.add_parser("brief", help="đoạn văn báo cáo giao ban (briefing text)")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument("--unit", required=True, help="mã hoặc tên đơn vị")
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--months", required=True, help="kỳ lũy kế, ví dụ 1-6")


def run(args: argparse.Namespace) -> int:
    import store
    from indicators import brief, units

    match = re.fullmatch(r"\s*(\d{1,2})\s*-\s*(\d{1,2})\s*", args.months)
    if not match or not (1 <= int(match.group(1)) <= int(match.group(2)) <= 12):
        print(f"Lỗi: kỳ «{args.months}» không hợp lệ; viết dạng 1-6, 1-9 hoặc 1-12.", file=sys.stderr)
        return 2
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
        text = brief.build(con, int(unit.unit_id), unit["name"], args.year, int(match.group(1)), int(match.group(2))).text()
    finally:
        con.close()
    sys.stdout.write(text)
    return 0
