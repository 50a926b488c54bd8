"""A deterministic national-scale store for the page benchmarks on the real units
(data/admin_units.csv, the whole country: CHITIEU_PROVINCES=all): every catalog indicator × years
2016–2025 × periods 1–6, 1–9, 1–12 × kinds target/estimate/actual, written for the units in force on
the period's last day — the 63 provinces, their districts and ~10,000 communes up to 30 June 2025
(Hà Tĩnh's own earlier states included), the 34 provinces and 3,321 communes, wards and special zones
after it. About 115 million observations with the catalog of 126 indicators; ~5 min, ~11 GB.

    .venv/bin/python -m bench.national_store [--out bench/out/national.duckdb] [--force]

Rows are written with DuckDB bulk SQL (INSERT … SELECT), period by period, in the order reports
arrive (year → period → province → its units top-down → indicator → kind), into a store created by
`store.open_store`, so the schema, primary key and reference data are exactly the app's. One
`uploads` row (status 'committed') keeps demo data out; `observation_versions` holds the 2025 rows
only (the ranking's revision column reads it for the selected year). The build ends by publishing
the snapshot the app's readers open (store.published), so no benchmark pays for that copy.

The store serves the whole country (`PROVINCES`): the benchmarks and the server they start set
CHITIEU_PROVINCES to it, and `ensure_units()` — run before every benchmark — resyncs the reference
data when the data files changed since the build (a catalog or units edit needs no rebuild of the
observations) and publishes again then.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_OUT = ROOT / "bench" / "out" / "national.duckdb"
PROVINCES = "all"  # CHITIEU_PROVINCES of the bench store and of the server the benchmarks start
N_PROVINCES = 34
N_COMMUNES = 3321
BENCH_PROVINCE_CODE = "38"  # Tỉnh Thanh Hóa, 166 communes: the largest tỉnh, the pages' unit
YEARS = range(2016, 2026)
PERIODS = [(1, 6, 0.45), (1, 9, 0.72), (1, 12, 1.0)]
KINDS = ["target", "estimate", "actual"]
UPLOAD_ID = 1


def serve_all() -> None:
    """This process reads and writes the bench store as the whole country's deployment."""
    import os

    os.environ["CHITIEU_PROVINCES"] = PROVINCES
    # no automatic backups of the bench store: each would keep a pruned 13–15 GB snapshot alive
    os.environ.setdefault("CHITIEU_BACKUPS", "0")


def ensure_units(con) -> bool:
    """Make the store consistent with the current data/ files (resynced when they changed since
    the build). Returns True when it wrote."""
    from indicators import summaries
    from store import reference

    serve_all()
    synced = reference.sync(con)  # no-op while the fingerprint matches
    # the page summaries as the app's writer leaves them (all of them again after a resync)
    return summaries.refresh(con, lambda text: print(text, flush=True)) or synced


def ensure_published(path: Path) -> None:
    """A snapshot of the store as it is for the servers the benchmarks start (a fresh server's
    reader would otherwise publish it — an 11 GB copy — inside the first timing)."""
    from store import published

    snapshot = published.current_snapshot(path)
    if (
        snapshot is None
        or published.stale_file(snapshot)
        or _summaries(snapshot) != _summaries(path)
    ):
        published.publish(path)


def _summaries(path: Path) -> list:
    """The page summaries' stamp of a store file (a code change remakes them without a migration:
    the snapshot must be published again, or the pages would compute live)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            "SELECT key, value FROM meta WHERE key LIKE 'summaries_%' ORDER BY key"
        ).fetchall()
    finally:
        con.close()


def province_id(con) -> int:
    """The unit_id of the benchmarks' province (in force today)."""
    row = con.execute(
        "SELECT unit_id FROM admin_units WHERE code = ? AND parent_id IS NULL AND valid_to IS NULL",
        [BENCH_PROVINCE_CODE],
    ).fetchone()
    assert row is not None, BENCH_PROVINCE_CODE
    return int(row[0])


_BENCH_UNITS_SQL = """
    CREATE OR REPLACE TEMP TABLE bench_units AS
    WITH RECURSIVE tree AS (
        SELECT unit_id, parent_id, valid_from, valid_to, unit_id AS prov, 0 AS depth
        FROM admin_units WHERE parent_id IS NULL
        UNION ALL
        SELECT a.unit_id, a.parent_id, a.valid_from, a.valid_to, tree.prov, tree.depth + 1
        FROM admin_units a JOIN tree ON a.parent_id = tree.unit_id
    )
    -- a province's figures are ~98 communes' worth, a district's ~10 (the store is not additive)
    SELECT unit_id, parent_id, valid_from, valid_to, prov, depth,
           CASE WHEN depth = 0 THEN 98 WHEN EXISTS (SELECT 1 FROM admin_units c
                WHERE c.parent_id = tree.unit_id) THEN 10 ELSE 1 END AS scale
    FROM tree
"""


def _observations_sql(year: int, month_from: int, month_to: int, share: float) -> str:
    """One period's observations of the units in force on its last day, in report order. Values are pure arithmetic on the indices (no
    hash, no RNG), so every build gives the same store: flows grow 5 %/year and reach ~45/72/100 % of
    the year by 6/9/12 months; actuals land between 85 % and 115 % of target; estimates sit within
    ±2 % of the actual; rates stay in 40–90; criteria are 0/1."""
    ends = date(year, 12, 31) if month_to == 12 else date(year, month_to + 1, 1) - timedelta(days=1)
    kinds = ", ".join(f"({i}, '{k}')" for i, k in enumerate(KINDS))
    return f"""
        WITH ind AS (
            SELECT code, row_number() OVER (ORDER BY sort_order) AS i,
                   aggregation = 'sum' AND value_type IN ('level', 'count') AS flow,
                   value_type IN ('rate') OR measure = 'pct' AS rate,
                   value_type = 'bool' AS bool
            FROM indicators
        ), units AS (  -- the units in force when the period ends (u: the unit_id, prov: the province)
            SELECT unit_id, unit_id AS u, prov, depth, scale FROM bench_units
            WHERE valid_from <= DATE '{ends}' AND (valid_to IS NULL OR valid_to >= DATE '{ends}')
        ), per(month_from, month_to, share) AS (VALUES ({month_from}, {month_to}, {share})),
        kinds(k, kind) AS (VALUES {kinds}),
        grid AS (
            SELECT ind.code, ind.i, ind.flow, ind.rate, ind.bool, units.unit_id, units.u, units.prov,
                   units.depth, per.month_from, per.month_to, per.share, kinds.k, kinds.kind,
                   (50 + ((ind.i * 7919 + units.u * 104729) % 9973) / 10.0)
                     * units.scale AS base,
                   40 + ((ind.i * 7919 + units.u * 104729) % 5000) / 100.0 AS rate_base,
                   0.85 + ((ind.i * 31 + units.u * 17 + {year} * 13 + per.month_to * 7) % 301) / 1000.0 AS noise,
                   0.98 + ((ind.i * 13 + units.u * 7 + per.month_to) % 41) / 1000.0 AS est
            FROM per, units, ind, kinds
        )
        SELECT code AS indicator_code, unit_id, {year}::SMALLINT AS year, month_from::TINYINT,
               month_to::TINYINT, kind, CASE WHEN kind = 'target' THEN 'hdnd_giao' ELSE '' END AS target_source,
               round(CASE
                   WHEN bool THEN CASE WHEN kind = 'target' THEN 1 ELSE ((i + u + {year}) % 4 > 0)::INT END
                   WHEN rate THEN rate_base * CASE kind WHEN 'target' THEN 1 WHEN 'actual' THEN noise ELSE noise * est END
                   ELSE base * (1 + 0.05 * ({year} - 2016)) * CASE WHEN flow THEN share ELSE 1 END
                        * CASE kind WHEN 'target' THEN 1 WHEN 'actual' THEN noise ELSE noise * est END
               END, 2) AS value,
               {UPLOAD_ID} AS upload_id, NULL AS source_cell
        FROM grid
        ORDER BY prov, depth, unit_id, i, k
    """


def build(path: Path = DEFAULT_OUT, force: bool = False, quiet: bool = False) -> dict:
    """Create the store at `path` (skipped when it exists and `force` is false). Returns counts."""
    import store

    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    path = Path(path)
    if path.exists() and not force:
        say(f"{path} exists (use --force to rebuild)")
        return {}
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    serve_all()
    con = store.open_store(path)  # schema + reference data (sets meta.reference_sha256)
    con.execute("SET preserve_insertion_order = true")
    ensure_units(con)
    upload_id = con.execute("SELECT nextval('upload_id_seq')").fetchone()[0]  # 1 in a fresh store
    assert upload_id == UPLOAD_ID, upload_id
    con.execute(
        "INSERT INTO uploads VALUES (?, 'bench_national.xlsx', NULL, 'bench', TIMESTAMP '2025-12-31 00:00:00', "
        "'committed', 'bench', 0, 0, 0, '[]', NULL, 0)",
        [UPLOAD_ID],
    )
    con.execute(_BENCH_UNITS_SQL)
    for year in YEARS:
        t = time.perf_counter()
        for month_from, month_to, share in PERIODS:
            con.execute(
                f"INSERT INTO observations {_observations_sql(year, month_from, month_to, share)}"
            )
        say(f"  {year}: {time.perf_counter() - t:5.1f} s")
    t = time.perf_counter()
    con.execute(
        "INSERT INTO observation_versions SELECT indicator_code, unit_id, year, month_from, month_to, kind, "
        "target_source, value, upload_id, value, NULL, NULL FROM observations WHERE year = 2025"
    )
    say(f"  versions (2025): {time.perf_counter() - t:5.1f} s")
    from store.uploads import refresh_unit_summary

    refresh_unit_summary(
        con
    )  # the app's writes keep unit_summary current; this bulk insert bypasses them
    t = time.perf_counter()
    ensure_units(con)  # now with the observations: the page summaries
    say(f"  page summaries: {time.perf_counter() - t:5.1f} s")
    n_obs = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    n_ver = con.execute("SELECT count(*) FROM observation_versions").fetchone()[0]
    con.execute("UPDATE uploads SET n_observations = ? WHERE upload_id = ?", [n_obs, UPLOAD_ID])
    con.execute("CHECKPOINT")
    counts = {
        "observations": n_obs,
        "observation_versions": n_ver,
        "bench_units": con.execute(
            "SELECT count(*) FROM admin_units WHERE valid_to IS NULL"
        ).fetchone()[0],
        "indicators": con.execute("SELECT count(*) FROM indicators").fetchone()[0],
        "seconds": time.perf_counter() - start,
        "megabytes": path.stat().st_size / 1e6,
    }
    con.close()
    t = time.perf_counter()
    ensure_published(path)
    say(f"  snapshot published: {time.perf_counter() - t:5.1f} s")
    say(
        f"built {path} in {counts['seconds']:.1f} s: {n_obs:,} observations, {n_ver:,} versions, "
        f"{counts['bench_units']:,} units in force ({N_PROVINCES} provinces + {N_COMMUNES:,} communes), "
        f"{counts['indicators']} indicators, {counts['megabytes']:.0f} MB"
    )
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.national_store", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--force", action="store_true", help="rebuild even when the file exists")
    args = parser.parse_args(argv)
    build(args.out, force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
