"""The page summaries of the national bench store against scorecards computed live, on a random
sample of its unit × period pairs (issue 16: summaries equal the computed values), and the
yearly values of a sample of today's units without units under them (`whole_years`), then the
same through the scopes of some provinces' leaders (what a leader is served is what the scope
computes: a label or a cut must not depend on who reads). Prints how many pairs and rows were
compared; exits 1 on the first difference, naming it.

    .venv/bin/python -m bench.summaries_check [--db bench/out/national.duckdb] [--sample 300]
                                              [--seed 0] [--scopes 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import national_store  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.summaries_check", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--db", type=Path, default=national_store.DEFAULT_OUT)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scopes", type=int, default=3, help="provinces' scopes checked too")
    args = parser.parse_args(argv)
    national_store.serve_all()
    from indicators import summaries
    from store import published, scope
    from store import summaries as stored
    from tests.summary_checks import check_all, check_whole_years

    con = published.reader(args.db)  # the published snapshot, as the app reads it
    if not summaries.current(con):
        print("the snapshot's page summaries are stale: run `python -m bench.page_bench` first")
        return 2
    started = time.perf_counter()
    provinces = _provinces(con, args.scopes, args.seed)
    try:
        n = check_all(con, sample=args.sample, seed=args.seed)
        n_years = check_whole_years(con, sample=max(1, args.sample // 10), seed=args.seed)
        n_scoped = 0
        for code in provinces:  # a province's leaders: the pairs of their scope, through it
            leader = scope.scoped(con, [code])
            n_scoped += check_all(leader, sample=max(1, args.sample // 3), seed=args.seed)
    except AssertionError as exc:
        print(f"DIFFERENT: {exc}")
        return 1
    print(
        f"{n} unit-periods sampled (seed {args.seed}) of {len(stored.due(con)):,}: served = "
        f"computed live, every column; {n_years} units' whole years served = computed live;"
        f" {n_scoped} unit-periods through the scopes of provinces {', '.join(provinces)};"
        f" {time.perf_counter() - started:.1f} s"
    )
    return 0


def _provinces(con, n: int, seed: int) -> list[str]:
    """`n` of today's provinces (GSO codes), always the bench's own first."""
    import random

    codes = [
        str(c)
        for (c,) in con.execute(
            "SELECT code FROM admin_units WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY code"
        ).fetchall()
    ]
    others = [c for c in codes if c != national_store.BENCH_PROVINCE_CODE]
    random.Random(seed).shuffle(others)
    return ([national_store.BENCH_PROVINCE_CODE] + others)[: max(0, n)]


if __name__ == "__main__":
    raise SystemExit(main())
