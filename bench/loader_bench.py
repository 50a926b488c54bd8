"""Loader benchmark: a generated 1,000,000-cell long-table workbook, parsed + validated + committed by
the loader, against python-calamine alone reading the same file. Prints both times, the ratio and the
peak memory of each (each measured in its own child process). Target: ratio ≤ 1,5; memory ≤ 1 GB.

    .venv/bin/python bench/loader_bench.py [--cells 1000000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
HEADER = ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"]
KINDS = ["Thực hiện", "Ước thực hiện", "Kế hoạch"]


def generate(path: Path, cells: int) -> int:
    """A long table of real indicator and unit names, every row a distinct observation."""
    import store
    from loaders.catalog import load_catalog
    from openpyxl import Workbook

    con = store.open_store(":memory:")
    catalog = load_catalog(con)
    indicators = [(row.name, catalog.measures.at[row.measure, "name"]) for row in catalog.indicators.itertuples()
                  if not row.is_criterion and row.measure != "none"][:25]
    units = [u.name for u in catalog.units.values() if u.open_start and (u.valid_to is None or u.valid_to >= date(2024, 12, 31))][:25]
    n_rows = cells // len(HEADER)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("So lieu")
    sheet.append(HEADER)
    rng = random.Random(1)
    i = 0
    for ind, measure in indicators:
        for unit in units:
            for year in range(2016, 2025):
                for month in range(1, 13):
                    for kind in KINDS:
                        if i >= n_rows:
                            break
                        value = round(rng.uniform(0, 99), 2)
                        sheet.append([unit, ind, year, f"Tháng {month}", kind, value if i % 10 else f"{value:.2f}".replace(".", ","), measure])
                        i += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return i


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _calamine(path: str, queue) -> None:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    book = CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    queue.put((time.perf_counter() - start, _peak_mb(), len(rows)))


def _loader(path: str, db: str, queue) -> None:
    import store
    from loaders import commit, parse_upload
    from loaders.catalog import load_catalog

    con = store.open_store(db)
    load_catalog(con)  # the catalog is cached per store in a running app
    start = time.perf_counter()
    data = Path(path).read_bytes()
    result = parse_upload(Path(path).name, data, con)
    parsed = time.perf_counter()
    outcome = commit(con, [result], "bench")
    end = time.perf_counter()
    errors = [p.message for p in result.errors][:3]
    queue.put((end - start, _peak_mb(), outcome.n_observations, parsed - start, end - parsed, errors))


def _child(target, *args):
    queue = mp.Queue()
    proc = mp.Process(target=target, args=(*args, queue))
    proc.start()
    out = queue.get()
    proc.join()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    path = OUT / f"long_{args.cells}.xlsx"
    if not path.exists():
        t = time.perf_counter()
        rows = generate(path, args.cells)
        print(f"generated {path.name}: {rows:,} rows × {len(HEADER)} columns in {time.perf_counter() - t:.1f} s")
    print(f"file: {path} ({path.stat().st_size / 2**20:.1f} MB)")
    base = min((_child(_calamine, str(path)) for _ in range(args.repeat)), key=lambda r: r[0])
    runs = []
    for n in range(args.repeat):
        db = OUT / f"bench_{n}.duckdb"
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
        runs.append(_child(_loader, str(path), str(db)))
    best = min(runs, key=lambda r: r[0])
    print(f"python-calamine alone: {base[0]:.2f} s, peak {base[1]:.0f} MB ({base[2]:,} rows)")
    print(f"loader (parse + validate + commit): {best[0]:.2f} s (parse {best[3]:.2f} s, commit {best[4]:.2f} s), "
          f"peak {best[1]:.0f} MB, {best[2]:,} observations committed")
    if best[5]:
        print("errors:", best[5])
    ratio = best[0] / base[0]
    print(f"ratio: {ratio:.2f}× (target ≤ 1.5×); peak memory {best[1]:.0f} MB (target ≤ 1024 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
