"""Loader benchmark: generated 1,000,000-cell workbooks, parsed + validated + committed by the loader,
against python-calamine alone reading the same file. Two cases in one run:

- long: a long table (142 857 rows × 7 columns of real names, every row a distinct observation,
  10 % of numbers as Vietnamese text);
- wide: a "units" table, 1 000 ward rows × 1 000 value columns (40 kind/period header groups merged
  over 25 indicator sub-columns), 10 % of numbers as Vietnamese text. The catalog has ~50 real wards
  and communes, so the benchmark's store gets 1 000 extra wards ("Phường Thử 0001"…) first; they are
  matched exactly like real names.

For each case it prints the median (over --repeat runs, each in its own child process) of
python-calamine's time alone, the loader's time (parse + validate + commit into a fresh store file),
their ratio and each one's peak memory. Target: ratio ≤ 1,5; memory ≤ 1 GB.

    .venv/bin/python bench/loader_bench.py [--cells 1000000] [--repeat 3] [--case long|wide|all]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
HEADER = ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"]
KINDS = ["Thực hiện", "Ước thực hiện", "Kế hoạch"]
WIDE_YEAR = 2020
WIDE_GROUPS = (
    [f"Kế hoạch năm {WIDE_YEAR}"]
    + [
        f"{k} tháng {m} năm {WIDE_YEAR}"
        for k in ("Thực hiện", "Ước thực hiện")
        for m in range(1, 13)
    ]
    + [
        f"{k} Quý {q} năm {WIDE_YEAR}"
        for k in ("Thực hiện", "Ước thực hiện")
        for q in ("I", "II", "III", "IV")
    ]
    + [f"{k} {n} tháng năm {WIDE_YEAR}" for k in ("Thực hiện", "Ước thực hiện") for n in (6, 9)]
    + [
        f"Thực hiện năm {WIDE_YEAR}",
        f"Ước thực hiện năm {WIDE_YEAR}",
        f"Thực hiện 6 tháng cuối năm {WIDE_YEAR}",
    ]
)


def bench_indicators(n: int = 25) -> list[tuple[str, str]]:
    """(name, measure name) of the first n plain numeric indicators of the catalog."""
    import store
    from loaders.catalog import load_catalog

    catalog = load_catalog(store.open_store(":memory:"))
    return [
        (row.name, catalog.measures.at[row.measure, "name"])
        for row in catalog.indicators.itertuples()
        if not row.is_criterion and row.measure != "none"
    ][:n]


def _vn(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def generate_long(path: Path, cells: int) -> int:
    """A long table of real indicator and unit names, every row a distinct observation."""
    from openpyxl import Workbook

    import store
    from loaders.catalog import load_catalog

    catalog = load_catalog(store.open_store(":memory:"))
    indicators = bench_indicators()
    units = [
        u.name
        for u in catalog.units.values()
        if u.open_start
        and (u.valid_to is None or u.valid_to >= date(2024, 12, 31))
        and catalog.regions.get(u.unit_id, "42")
        == "42"  # Hà Tĩnh's names, whatever the store serves
    ][:25]
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
                        sheet.append(
                            [
                                unit,
                                ind,
                                year,
                                f"Tháng {month}",
                                kind,
                                value if i % 10 else _vn(value),
                                measure,
                            ]
                        )
                        i += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return i


def wide_units(n: int) -> list[str]:
    return [f"Phường Thử {i:04d}" for i in range(1, n + 1)]


def add_wide_units(con, n: int) -> None:
    """The benchmark's wards: children of Thành phố Hà Tĩnh, valid from the catalog's first date."""
    city = con.execute(
        "SELECT unit_id FROM admin_units WHERE name = 'Thành phố Hà Tĩnh' ORDER BY valid_from LIMIT 1"
    ).fetchone()[0]
    first = con.execute("SELECT min(valid_from) FROM admin_units").fetchone()[0]
    start = con.execute("SELECT max(unit_id) FROM admin_units").fetchone()[0] + 1
    rows = [
        (
            start + i,
            f"B{i:04d}",
            name,
            name.removeprefix("Phường "),
            "phuong",
            city,
            first,
            None,
            "bench",
        )
        for i, name in enumerate(wide_units(n))
    ]
    con.executemany("INSERT INTO admin_units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    # another fingerprint, so catalogs cached for the real reference data are not reused
    con.execute("UPDATE meta SET value = value || '-bench' WHERE key = 'reference_sha256'")


def wide_shape(cells: int) -> tuple[int, int]:
    """(ward rows, indicators per group): rows × 40 groups × indicators ≈ cells."""
    per_row = 25 * len(WIDE_GROUPS)
    return max(cells // per_row, 1), 25


def generate_wide(path: Path, cells: int) -> int:
    from openpyxl import Workbook

    n_rows, n_ind = wide_shape(cells)
    indicators = [name for name, _ in bench_indicators(n_ind)]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Phuong xa")
    width = 2 + n_ind * len(WIDE_GROUPS)
    sheet.append(["UBND THÀNH PHỐ HÀ TĨNH"])
    sheet.append([])
    sheet.append([f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA CÁC PHƯỜNG, XÃ NĂM {WIDE_YEAR}"])
    sheet.append([])
    group_row = ["TT", "Đơn vị"]
    for g in WIDE_GROUPS:
        group_row += [g] + [None] * (n_ind - 1)
    sheet.append(group_row)
    sheet.append(["", ""] + indicators * len(WIDE_GROUPS))
    rng = random.Random(2)
    for r, unit in enumerate(wide_units(n_rows)):
        values = [round(rng.uniform(0, 99), 2) for _ in range(width - 2)]
        sheet.append([r + 1, unit] + [v if (r + j) % 10 else _vn(v) for j, v in enumerate(values)])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    # write-only sheets cannot merge: the group headers' merges are added to the XML afterwards
    _add_merges(path, [(5, 3 + k * n_ind, 5, 2 + (k + 1) * n_ind) for k in range(len(WIDE_GROUPS))])
    return n_rows * (width - 2)


def _add_merges(path: Path, ranges: list[tuple[int, int, int, int]]) -> None:
    """Insert <mergeCells> into the first sheet's XML (write-only openpyxl cannot merge)."""
    import shutil
    import zipfile

    from openpyxl.utils import get_column_letter

    refs = "".join(
        f'<mergeCell ref="{get_column_letter(c0)}{r0}:{get_column_letter(c1)}{r1}"/>'
        for r0, c0, r1, c1 in ranges
    )
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>",
                    f'</sheetData><mergeCells count="{len(ranges)}">{refs}</mergeCells>'.encode(),
                    1,
                )
            dst.writestr(info, data)
    shutil.move(tmp, path)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _calamine(path: str, queue) -> None:
    from python_calamine import CalamineWorkbook

    start, cpu = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    queue.put((time.perf_counter() - start, _peak_mb(), len(rows), time.process_time() - cpu))


def _loader(path: str, db: str, extra_units: int, queue) -> None:
    import store
    from loaders import commit, parse_upload
    from loaders.catalog import load_catalog

    con = store.open_store(db)
    if extra_units:
        add_wide_units(con, extra_units)
    load_catalog(con)  # the catalog is cached per store in a running app
    start, cpu = time.perf_counter(), time.process_time()
    data = Path(path).read_bytes()
    import os

    within = UPLOADER if os.environ.get("CHITIEU_PROVINCES", "42") != "42" else None
    result = parse_upload(Path(path).name, data, con, within=within)
    parsed = time.perf_counter()
    outcome = commit(con, [result], "bench")
    end = time.perf_counter()
    errors = [p.message for p in result.errors][:3]
    queue.put(
        (
            end - start,
            _peak_mb(),
            outcome.n_observations,
            parsed - start,
            end - parsed,
            errors,
            time.process_time() - cpu,
        )
    )


def _child(target, *args):
    queue = mp.Queue()
    proc = mp.Process(target=target, args=(*args, queue))
    proc.start()
    out = queue.get()
    proc.join()
    return out


def run_case(name: str, path: Path, repeat: int, extra_units: int) -> float:
    print(f"[{name}] file: {path.name} ({path.stat().st_size / 2**20:.1f} MB)")
    bases, runs = [], []
    for n in range(repeat):  # interleaved, so a busy moment of the machine hits both
        bases.append(_child(_calamine, str(path)))
        db = OUT / f"bench_{name}_{n}.duckdb"
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
        runs.append(_child(_loader, str(path), str(db), extra_units))
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
    base_t = statistics.median(b[0] for b in bases)
    load_t = statistics.median(r[0] for r in runs)
    parse_t = statistics.median(r[3] for r in runs)
    commit_t = statistics.median(r[4] for r in runs)
    ratios = sorted(r[0] / b[0] for r, b in zip(runs, bases))
    print(
        f"[{name}] python-calamine alone: {base_t:.2f} s median of {repeat} "
        f"({', '.join(f'{b[0]:.2f}' for b in bases)}), peak {max(b[1] for b in bases):.0f} MB ({bases[0][2]:,} rows)"
    )
    print(
        f"[{name}] loader (parse + validate + commit): {load_t:.2f} s median "
        f"({', '.join(f'{r[0]:.2f}' for r in runs)}; parse {parse_t:.2f} s, commit {commit_t:.2f} s), "
        f"peak {max(r[1] for r in runs):.0f} MB, {runs[0][2]:,} observations committed"
    )
    if runs[0][5]:
        print(f"[{name}] errors:", runs[0][5])
    ratio = load_t / base_t
    cpu_ratio = statistics.median(r[6] for r in runs) / statistics.median(b[3] for b in bases)
    print(
        f"[{name}] ratio: {ratio:.2f}× of medians (per-run {', '.join(f'{x:.2f}' for x in ratios)}; target ≤ 1.5×); "
        f"peak memory {max(r[1] for r in runs):.0f} MB (target ≤ 1024 MB)"
    )
    print(
        f"[{name}] CPU time (all threads): calamine {statistics.median(b[3] for b in bases):.2f} s, "
        f"loader {statistics.median(r[6] for r in runs):.2f} s, ratio {cpu_ratio:.2f}× "
        f"(less sensitive than wall time to other work on the machine)"
    )
    return ratio


UPLOADER = {"42"}  # the uploader's provinces when the store serves more than Hà Tĩnh


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--case", choices=("long", "wide", "all"), default="all")
    parser.add_argument(
        "--provinces",
        default="42",
        help="CHITIEU_PROVINCES of the store (all: the whole country, names matched as a Hà Tĩnh uploader's)",
    )
    args = parser.parse_args()
    import os

    os.environ["CHITIEU_PROVINCES"] = args.provinces  # the children (fork) inherit it
    cases = []
    if args.case in ("long", "all"):
        path = OUT / f"long_{args.cells}.xlsx"
        if not path.exists():
            t = time.perf_counter()
            rows = generate_long(path, args.cells)
            print(
                f"generated {path.name}: {rows:,} rows × {len(HEADER)} columns in {time.perf_counter() - t:.1f} s"
            )
        cases.append(("long", path, 0))
    if args.case in ("wide", "all"):
        path = OUT / f"wide_{args.cells}.xlsx"
        n_rows, _ = wide_shape(args.cells)
        if not path.exists():
            t = time.perf_counter()
            cells = generate_wide(path, args.cells)
            print(
                f"generated {path.name}: {cells:,} value cells in {time.perf_counter() - t:.1f} s"
            )
        cases.append(("wide", path, n_rows))
    for name, path, extra in cases:
        run_case(name, path, args.repeat, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
