"""`python -m indicators brief --db PATH --unit NAME_OR_CODE --year Y --months A-B` — the report text."""

from __future__ import annotations

import argparse
import sys

from indicators.commands.common import find_unit, open_existing, parse_months


def add_parser(sub) -> None:
    p = sub.add_parser("brief", help="đoạn văn báo cáo giao ban (briefing text)")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument("--unit", required=True, help="mã hoặc tên đơn vị")
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--months", required=True, help="kỳ lũy kế, ví dụ 1-6")


def run(args: argparse.Namespace) -> int:
    from reports import brief
    from reports.unit_view import Selection, unit_view
    from vn.periods import Period

    month_from, month_to = parse_months(args.months)
    con = open_existing(args.db)
    try:
        unit = find_unit(con, args.unit, args.year)
        selection = Selection(
            int(unit.unit_id), unit["name"], Period(args.year, month_from, month_to)
        )
        text = brief.build(unit_view(con, selection)).text()
    finally:
        con.close()
    sys.stdout.write(text)
    return 0
