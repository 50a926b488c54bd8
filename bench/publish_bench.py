"""Commit and publish on the national bench store (store.published): how long one upload's write
takes — the transaction, closing the file and publishing the snapshot copy — against the
transaction alone, and how long a reader takes to switch to the new snapshot.

    .venv/bin/python -m bench.publish_bench [--store bench/out/national.duckdb] [--repeat 3]

Works on a copy of the bench store (the original is never written)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import national_store  # noqa: E402
from loaders import commit, parse_upload  # noqa: E402
from store import published  # noqa: E402
from tests.loader_helpers import SAMPLES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default=str(national_store.DEFAULT_OUT))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    source = Path(args.store)
    if not source.exists():
        national_store.build(source)
    with tempfile.TemporaryDirectory(dir=source.parent) as folder:
        path = Path(folder) / "national.duckdb"
        shutil.copyfile(source, path)
        size = path.stat().st_size / 2**20
        data = (SAMPLES / "city_6t_2016.xlsx").read_bytes()
        first = time.perf_counter()
        published.reader(path)
        print(
            f"store {size:,.0f} MB; first publish (open, sync, copy) {time.perf_counter() - first:.2f} s"
        )
        totals, commits, switches = [], [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            with published.writing(path) as w:
                result = parse_upload("city_6t_2016.xlsx", data, w)
                t0 = time.perf_counter()
                commit(w, [result], user="bench")
                commits.append(time.perf_counter() - t0)
            totals.append(time.perf_counter() - started)
            t1 = time.perf_counter()
            con = published.reader(path)
            con.execute("SELECT count(*) FROM observations").fetchall()
            switches.append(time.perf_counter() - t1)
        commit_s, total_s = statistics.median(commits), statistics.median(totals)
        print(f"commit (transaction) median {commit_s:.2f} s")
        print(
            f"write incl. open, close and publish median {total_s:.2f} s ({total_s / commit_s:.1f}× the transaction)"
        )
        print(
            f"reader switch to the new snapshot median {statistics.median(switches) * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
