"""What history on today's boundaries costs (indicators.history): the same page data on the demo
store read as reported and on today's boundaries, for a ward formed on 1 July 2025 (Phường Trần
Phú, rebuilt from four units) and an old unit that needs nothing rebuilt (TP Hà Tĩnh, 2024).
Each call is timed `--repeat` times after one first call; prints the median in ms and the ratio of
today's boundaries to as reported.

    .venv/bin/python -m bench.history_bench [--db PATH] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store  # noqa: E402
from indicators import queries, ranking, scorecard  # noqa: E402
from store import demo  # noqa: E402
from vn.periods import Period  # noqa: E402


def _median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.history_bench")
    parser.add_argument("--db", help="a demo store (default: a fresh one in a temporary folder)")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "demo.duckdb"
    con = store.open_store(path)
    demo.seed(con)
    ward = int(
        store.scalar(
            con, "SELECT unit_id FROM admin_units WHERE code = '18100' AND valid_to IS NULL"
        )
    )
    city = int(store.scalar(con, "SELECT unit_id FROM admin_units WHERE code = '436'"))
    now, before = Period(2026, 1, 9), Period(2024, 1, 9)
    cases = [
        (
            "scorecard, new ward, 9 tháng 2026",
            lambda b: scorecard.compute(con, [ward], now, boundaries=b),
        ),
        (
            "scorecard, city, 9 tháng 2024",
            lambda b: scorecard.compute(con, [city], before, boundaries=b),
        ),
        (
            "trend series, new ward, gtsx_tong",
            lambda b: queries.trend_series(con, "gtsx_tong", ward, b),
        ),
        (
            "years table, new ward, 20 indicators",
            lambda b: queries.whole_years(
                con,
                ward,
                scorecard.headline(scorecard.compute(con, [ward], now)).indicator_code.tolist()[
                    :20
                ],
                b,
            ),
        ),
        (
            "ranking, province's communes, 9 tháng 2026",
            lambda b: ranking.by_children(con, "gtsx_tong", 1, now, b),
        ),
    ]
    print(f"{'call':<46} {'as reported':>12} {'today':>10} {'ratio':>7}")
    for label, fn in cases:
        reported = _median_ms(lambda: fn(queries.AS_REPORTED), args.repeat)
        current = _median_ms(lambda: fn(queries.CURRENT_BOUNDARIES), args.repeat)
        print(f"{label:<46} {reported:>10.1f}ms {current:>8.1f}ms {current / reported:>7.2f}")
    con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
