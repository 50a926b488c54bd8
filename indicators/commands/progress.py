"""`python -m indicators progress --db PATH --unit NAME_OR_CODE --year Y --months A-B` → CSV.

Columns (a contract): indicator_code,indicator_name,measure,value,kind,target,target_source,
pct_of_target,same_period_value,same_period_change_pct,status — one row per indicator and target
source held in the store (one row with an empty target when the year has none). Percentages are
numbers (48.08); status is the in-year pace rule's code.
"""

from __future__ import annotations

import argparse
import csv
import sys

import pandas as pd

from indicators.commands.common import find_unit, number_text, open_existing, parse_months

COLUMNS = [
    "indicator_code",
    "indicator_name",
    "measure",
    "value",
    "kind",
    "target",
    "target_source",
    "pct_of_target",
    "same_period_value",
    "same_period_change_pct",
    "status",
]


def add_parser(sub) -> None:
    p = sub.add_parser(
        "progress", help="tiến độ thực hiện so với kế hoạch (progress against targets), CSV"
    )
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument(
        "--unit", required=True, help='mã hoặc tên đơn vị, ví dụ 436 hoặc "Thành phố Hà Tĩnh"'
    )
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--months", required=True, help="kỳ lũy kế, ví dụ 1-6, 1-9, 1-12")


def run(args: argparse.Namespace) -> int:
    from indicators import progress, queries, scorecard
    from vn.periods import Period

    month_from, month_to = parse_months(args.months)
    con = open_existing(args.db)
    try:
        unit = find_unit(con, args.unit, args.year)
        card = scorecard.scorecard(
            con, [int(unit.unit_id)], Period(args.year, month_from, month_to)
        )
        targets = queries.year_targets(con, [int(unit.unit_id)], args.year)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in card.itertuples():
            own = targets[targets.indicator_code == row.indicator_code].sort_values("priority")
            pairs = [(t.target, t.target_source) for t in own.itertuples()] or [(None, "")]
            for target, source in pairs:
                status = (
                    progress.status(
                        row.value,
                        target,
                        month_to=month_to,
                        direction=row.direction,
                        flow=row.is_flow,
                        typical_share=row.typical_share,
                    )
                    if month_from == 1
                    else row.status
                )
                writer.writerow(
                    [
                        row.indicator_code,
                        row.name,
                        row.measure_name,
                        number_text(row.value),
                        "" if pd.isna(row.kind) else row.kind,
                        number_text(target),
                        source or "",
                        number_text(progress.pct_of_target(row.value, target), 2),
                        number_text(row.same_period_value),
                        number_text(row.same_period_change_pct, 2),
                        status,
                    ]
                )
    finally:
        con.close()
    return 0
