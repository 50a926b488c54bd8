"""A deterministic national-scale store for the page benchmarks on the real units: the 34 provinces
and 3,321 communes, wards and special zones in force since 1 July 2025 (data/admin_units.csv, the
whole country: CHITIEU_PROVINCES=all, with the 63-province state before for history), every catalog
indicator × years 2016–2025 × periods 1–6, 1–9, 1–12 × kinds target/estimate/actual — about 21
million observations with the catalog of 71 indicators.

    .venv/bin/python -m bench.national_store [--out bench/out/national.duckdb] [--force]

Rows are written with DuckDB bulk SQL (INSERT … SELECT over range()), year by year, in the order
reports arrive (year → period → province → unit → indicator → kind), into a store created by
`store.open_store`, so the schema, primary key and reference data are exactly the app's. One
`uploads` row (status 'committed') keeps demo data out; `observation_versions` holds the 2025 rows
only (the ranking's revision column reads it for the selected year).

The store serves the whole country (`PROVINCES`): the benchmarks and the server they start set
CHITIEU_PROVINCES to it, and `ensure_units()` — run before every benchmark — resyncs the reference
data when the data files changed since the build (a catalog or units edit needs no 21M-row rebuild).
"""

from __future__ import annotations

import argparse
import sys
import time
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


def ensure_units(con) -> bool:
    """Make the store consistent with the current data/ files (resynced when they changed since
    the build). Returns True when it wrote."""
    from store import reference

    serve_all()
    return reference.sync(con)  # no-op while the fingerprint matches


def province_id(con) -> int:
    """The unit_id of the benchmarks' province (in force today)."""
    row = con.execute(
        "SELECT unit_id FROM admin_units WHERE code = ? AND parent_id IS NULL AND valid_to IS NULL",
        [BENCH_PROVINCE_CODE],
    ).fetchone()
    assert row is not None, BENCH_PROVINCE_CODE
    return int(row[0])


def _observations_sql(year: int) -> str:
    """One year of observations, in report order. Values are pure arithmetic on the indices (no
    hash, no RNG), so every build gives the same store: flows grow 5 %/year and reach ~45/72/100 % of
    the year by 6/9/12 months; actuals land between 85 % and 115 % of target; estimates sit within
    ±2 % of the actual; rates stay in 40–90; criteria are 0/1."""
    periods = ", ".join(f"({a}, {b}, {s})" for a, b, s in PERIODS)
    kinds = ", ".join(f"({i}, '{k}')" for i, k in enumerate(KINDS))
    return f"""
        WITH ind AS (
            SELECT code, row_number() OVER (ORDER BY sort_order) AS i,
                   aggregation = 'sum' AND value_type IN ('level', 'count') AS flow,
                   value_type IN ('rate') OR measure = 'pct' AS rate,
                   value_type = 'bool' AS bool
            FROM indicators
        ), units AS (  -- today's units: 34 provinces, 3,321 communes (u: 1.., prov: the province's rank)
            SELECT unit_id, row_number() OVER (ORDER BY unit_id) AS u,
                   dense_rank() OVER (ORDER BY coalesce(parent_id, unit_id)) AS prov,
                   parent_id IS NULL AS is_province
            FROM admin_units WHERE valid_to IS NULL
        ), per(month_from, month_to, share) AS (VALUES {periods}),
        kinds(k, kind) AS (VALUES {kinds}),
        grid AS (
            SELECT ind.code, ind.i, ind.flow, ind.rate, ind.bool, units.unit_id, units.u, units.prov,
                   units.is_province, per.month_from, per.month_to, per.share, kinds.k, kinds.kind,
                   (50 + ((ind.i * 7919 + units.u * 104729) % 9973) / 10.0)
                     * CASE WHEN units.is_province THEN 98 ELSE 1 END AS base,
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
        ORDER BY month_to, prov, is_province DESC, unit_id, i, k
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
    for year in YEARS:
        t = time.perf_counter()
        con.execute(f"INSERT INTO observations {_observations_sql(year)}")
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
