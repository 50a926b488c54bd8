"""The page summaries of the national bench store against scorecards computed live, on a random
sample of its unit × period pairs (issue 16: summaries equal the computed values), and the
yearly values of a sample of today's units without units under them (`whole_years`). Prints how many
pairs and rows were compared; exits 1 on the first difference, naming it.

    .venv/bin/python -m bench.summaries_check [--db bench/out/national.duckdb] [--sample 300] [--seed 0]
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
    args = parser.parse_args(argv)
    national_store.serve_all()
    from indicators import summaries
    from store import published
    from store import summaries as stored
    from tests.summary_checks import check_all, check_whole_years

    con = published.reader(args.db)  # the published snapshot, as the app reads it
    if not summaries.current(con):
        print("the snapshot's page summaries are stale: run `python -m bench.page_bench` first")
        return 2
    started = time.perf_counter()
    try:
        n = check_all(con, sample=args.sample, seed=args.seed)
        n_years = check_whole_years(con, sample=max(1, args.sample // 10), seed=args.seed)
    except AssertionError as exc:
        print(f"DIFFERENT: {exc}")
        return 1
    print(
        f"{n} unit-periods sampled (seed {args.seed}) of {len(stored.due(con)):,}: served = "
        f"computed live, every column; {n_years} units' whole years served = computed live;"
        f" {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
