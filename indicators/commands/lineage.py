"""`python -m indicators lineage --db PATH --unit CODE` → CSV.

Columns (a contract): unit_code,unit_name,relation,other_code,other_name,share,valid_from,source —
one row per succession link of every unit version that has had the code (codes are reused: 18100
was Xã Thạch Hạ, Phường Thạch Hạ, then the new Phường Trần Phú). `relation` is `predecessor` (the
other unit went into this one) or `successor` (this one went into the other); `share` is the part
of the old unit that went over (1 for a whole unit, empty when no source gives it); `valid_from` is
the day the link took effect; names of versions that share a name carry their years.
"""

from __future__ import annotations

import argparse
import csv
import sys

from indicators.commands.common import CommandError, find_unit, number_text, open_existing


def add_parser(sub) -> None:
    p = sub.add_parser(
        "lineage", help="đơn vị hình thành từ đâu, chuyển thành đơn vị nào (unit lineage), CSV"
    )
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument(
        "--unit", required=True, help='mã đơn vị (ví dụ 18100) hoặc tên ("Phường Trần Phú")'
    )


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from indicators import lineage

    con = open_existing(args.db)
    try:
        graph = lineage.lineage(con)
        wanted = args.unit.strip()
        if wanted.isdigit():
            versions = [u for u, row in graph.units.items() if str(row.code) == wanted]
        else:
            versions = [int(find_unit(con, wanted, date.today().year).unit_id)]
        if not versions:
            raise CommandError(f'không có đơn vị nào mang mã "{wanted}".')
        versions.sort(key=lambda u: lineage.as_date(graph.units[u].valid_from))
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(lineage.LINEAGE_COLUMNS)
        for unit_id in versions:
            for row in graph.table(unit_id).itertuples(index=False):
                writer.writerow(
                    [
                        row.unit_code,
                        row.unit_name,
                        row.relation,
                        row.other_code,
                        row.other_name,
                        number_text(row.share),
                        row.valid_from,
                        row.source,
                    ]
                )
    finally:
        con.close()
    return 0
