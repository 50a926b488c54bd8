"""The stored page summaries (migration 010): which unit × period pairs are due, writing them, and
reading them back. What a summary row holds is computed in indicators/summaries.py; this module
only moves rows and says whether they describe the data as they are.

Freshness: `meta.summaries_version` is the store's `data_version` when the summaries were last
made, `meta.summaries_code` the fingerprint of the code that made them. On a scoped connection (store.scope) the tables are views of a part of the store, so the
version compared is the whole snapshot's, recorded when the scoped connection was built."""

from __future__ import annotations

from typing import Callable, Sequence

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from store.connection import data_version, memo, query, scalar
from store.scope import narrowed, read_of_snapshot, recent_of_snapshot

COLUMNS = [
    "unit_id",
    "year",
    "month_from",
    "month_to",
    "indicator_code",
    "value",
    "kind",
    "same_period_value",
    "same_period_kind",
    "target",
    "target_source",
    "derived_from",
    "same_period_derived_from",
    "target_derived_from",
    "derived_problem",
    "same_period_problem",
    "typical_share",
    "share_low",
    "share_high",
    "n_years",
    "pct_of_target",
    "same_period_change_pct",
    "same_period_change",
    "same_period_change_in_points",
    "attainment_pct",
    "is_flow",
    "expected_pct",
    "pace_basis",
    "status",
    "projection",
    "projection_low",
    "projection_high",
]
KEY = ["unit_id", "year", "month_from", "month_to"]
# columns a scorecard frame may hold as objects (None where no row has a value): typed on writing
FLOATS = [
    "value",
    "same_period_value",
    "target",
    "typical_share",
    "share_low",
    "share_high",
    "n_years",
    "pct_of_target",
    "same_period_change_pct",
    "same_period_change",
    "attainment_pct",
    "expected_pct",
    "projection",
    "projection_low",
    "projection_high",
]
BOOLS = ["same_period_change_in_points", "is_flow"]

# Year-to-date periods with figures, and for each the units to summarise: those in force on its
# last day, those in force a year later (the ranking's "last year" of today's units) and, for a
# whole year, the units in force today that came after it (a ward's years on today's boundaries,
# rebuilt from its predecessors: the Phường/xã page's yearly chart, `whole_years`).
DUE_SQL = """
WITH periods AS (
    SELECT DISTINCT year, month_from, month_to FROM observations WHERE month_from = 1
), ends AS (
    SELECT year, month_from, month_to,
           last_day(make_date(year, month_to, 1)) AS day_end,
           last_day(make_date(year + 1, month_to, 1)) AS next_end
    FROM periods
)
SELECT DISTINCT a.unit_id, e.year, e.month_from, e.month_to
FROM ends e JOIN admin_units a
  ON (a.valid_from <= e.day_end AND (a.valid_to IS NULL OR a.valid_to >= e.day_end))
  OR (a.valid_from > e.day_end AND a.valid_from <= e.next_end
      AND (a.valid_to IS NULL OR a.valid_to >= e.next_end))
  OR (e.month_to = 12 AND a.valid_from > e.day_end AND a.valid_to IS NULL)
"""

FINGERPRINTS_SQL = """
SELECT unit_id, year,
       bit_xor(hash(indicator_code, month_from, month_to, kind, target_source, value)) AS fingerprint
FROM observations GROUP BY unit_id, year
"""

# The units whose summaries read a unit's figures: the unit, the units above it (aggregates), the
# units that replaced it (history) and the units above those, to any depth.
AFFECTED_SQL = """
WITH RECURSIVE edges(from_id, to_id) AS (
    SELECT unit_id, parent_id FROM admin_units WHERE parent_id IS NOT NULL
    UNION ALL SELECT old_unit_id, new_unit_id FROM unit_succession
), reach(unit_id) AS (
    SELECT unnest(?::INTEGER[])
    UNION
    SELECT e.to_id FROM edges e JOIN reach r ON e.from_id = r.unit_id
)
SELECT unit_id FROM reach
"""


def version(con: duckdb.DuckDBPyConnection) -> str:
    """The whole store's data version (for a scoped connection: the snapshot it shows part of)."""
    try:
        recorded = scalar(con, "SELECT version FROM scope_base")
    except duckdb.Error:
        recorded = None
    return str(recorded) if recorded is not None else repr(data_version(con))


def fresh(con: duckdb.DuckDBPyConnection, code: str) -> bool:
    """Whether the stored summaries describe the data as they are, made by this `code` (the
    fingerprint of the functions that compute them: indicators.summaries.CODE)."""
    try:
        made = dict(
            query(
                con,
                "SELECT key, value FROM meta WHERE key IN ('summaries_version', 'summaries_code')",
            ).itertuples(index=False)
        )
    except duckdb.Error:
        return False
    return made.get("summaries_version") == version(con) and made.get("summaries_code") == code


def pending_before(con: duckdb.DuckDBPyConnection, year: int) -> bool:
    """Whether a scoped connection that hides values waiting for approval hides any of a year up to
    `year` (the summaries, made from every value, are then not what it shows). Asked once per
    scope and year: a scope's snapshot never changes (each scorecard of a view asked it anew)."""
    return memo(con, ("pending_before", int(year)), lambda: _pending_before(con, int(year)))


def _pending_before(con: duckdb.DuckDBPyConnection, year: int) -> bool:
    # a scoped connection says what it hides (a query of its scope_base cost a new scope ~1 ms)
    approved_only = getattr(con, "approved_only", None)
    if approved_only is None:
        try:
            approved_only = scalar(con, "SELECT approved_only FROM scope_base")
        except duckdb.Error:
            return False
    if not approved_only:
        return False
    return bool(
        scalar(
            con,
            "SELECT count(*) FROM submissions WHERE status <> 'da_duyet' AND year <= ?",
            [int(year)],
        )
    )


def _where(ids: list[int], year: int, month_from: int, month_to: int) -> tuple[str, list]:
    # rows lie in period and unit order (written so): the range lets DuckDB skip most row groups
    return (
        "year = ? AND month_from = ? AND month_to = ? AND unit_id BETWEEN ? AND ?"
        " AND unit_id IN (SELECT unnest(?::INTEGER[]))",
        [int(year), int(month_from), int(month_to), min(ids), max(ids), ids],
    )


def summarised(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    year: int,
    month_from: int,
    month_to: int,
) -> set[int]:
    """Which of the units have their summaries of the period stored."""
    ids = [int(u) for u in unit_ids]
    if not ids:
        return set()
    # on a scope, the period's summarised units are read once per snapshot and cut to the scope
    # (a query through a never-seen scope's views cost each scorecard ~3 ms)
    period = (int(year), int(month_from), int(month_to))
    held = read_of_snapshot(
        con, ("summary_periods", period), lambda whole: _period_units(whole, period)
    )
    if held is not None:
        units, scope_ids = held
        return {u for u in ids if u in units and u in scope_ids}
    where, params = _where(ids, year, month_from, month_to)
    return set(query(con, f"SELECT unit_id FROM summary_periods WHERE {where}", params).unit_id)


def _period_units(con: duckdb.DuckDBPyConnection, period: tuple[int, int, int]) -> frozenset[int]:
    rows = query(
        con,
        "SELECT unit_id FROM summary_periods WHERE year = ? AND month_from = ? AND month_to = ?",
        list(period),
    )
    return frozenset(int(u) for u in rows.unit_id)


def read(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    year: int,
    month_from: int,
    month_to: int,
    indicator_codes: Sequence[str],
) -> pd.DataFrame:
    """The stored rows of the units for the period, only `indicator_codes` and in their order."""
    return read_table(con, unit_ids, year, month_from, month_to, indicator_codes).to_pandas()


# up to this many indicators asked (about half the catalog: a ward list's 46 headline ones, the
# ranking's one) the rows are cut in the query; more, and converting the rows not asked for costs
# less than the query's filter (measured on the national store: 46 codes 9 ms cut in the query
# against 13 after it; all 126, 3 ms saved after it)
FEW_CODES = 64


def read_table(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    year: int,
    month_from: int,
    month_to: int,
    indicator_codes: Sequence[str],
) -> pa.Table:
    """`read` as an Arrow table (a caller finishing the rows in Arrow converts once)."""
    ids = sorted({int(u) for u in unit_ids}) or [-1]  # none: an empty result, typed
    codes = [str(c) for c in indicator_codes]
    if len(codes) == 1:  # one indicator's rows (a ranking's): cut from every unit's, if a scope
        key = (int(year), int(month_from), int(month_to), codes[0])
        whole = recent_of_snapshot(con, "summary_rows", key, _every_unit_rows(key), ROWS_KEPT, ids)
        if whole is not None:
            units = whole.column("unit_id")
            return whole.filter(pc.is_in(units, value_set=pa.array(ids, units.type)))
    # the rows lie in period and unit order: a range of units close to those asked (a province's
    # communes) is read whole and cut in Arrow — a list filter, and the codes', each cost ~3 ms
    dense = ids[-1] - ids[0] + 1 <= 2 * len(ids) + 16
    sql = (
        "SELECT * FROM page_summaries WHERE year = ? AND month_from = ? AND month_to = ?"
        " AND unit_id BETWEEN ? AND ?"
    )
    params: list = [int(year), int(month_from), int(month_to), ids[0], ids[-1]]
    if not dense:
        sql += " AND list_contains(?::INTEGER[], unit_id)"
        params.append(ids)
    if len(codes) <= FEW_CODES:
        sql += " AND list_contains(?::VARCHAR[], indicator_code)"
        params.append(codes)
    cursor = narrowed(con, ids).cursor()
    try:  # through Arrow: a third of .df()'s time for ~20k rows of 32 columns
        table = cursor.sql(sql, params=params).to_arrow_table()
    finally:
        cursor.close()
    position = pc.index_in(table.column("indicator_code"), value_set=pa.array(codes, pa.string()))
    keep = pc.is_valid(position)
    units = table.column("unit_id")
    if dense and len(ids) < ids[-1] - ids[0] + 1:
        keep = pc.and_(keep, pc.is_in(units, value_set=pa.array(ids, units.type)))
    rows = np.flatnonzero(keep.to_numpy(zero_copy_only=False))
    # ordered here: DuckDB's ORDER BY moved every column of ~20k rows (half the read's 27 ms);
    # a sort of two keys and one take move each row once
    at = position.fill_null(-1).to_numpy(zero_copy_only=False)[rows]
    order = rows[np.lexsort((units.to_numpy()[rows], at))]
    return table.take(order)


def _every_unit_rows(key: tuple) -> Callable[[duckdb.DuckDBPyConnection], pa.Table]:
    """Every unit's stored rows of one period and indicator, in unit order (as read_table orders
    them): read once per snapshot for its scopes (a never-seen view's ranking read its own, ~6 ms)."""

    def read(snapshot: duckdb.DuckDBPyConnection) -> pa.Table:
        cursor = snapshot.cursor()
        try:
            return cursor.sql(
                "SELECT * FROM page_summaries WHERE year = ? AND month_from = ? AND month_to = ?"
                " AND indicator_code = ? ORDER BY unit_id",
                params=list(key),
            ).to_arrow_table()
        finally:
            cursor.close()

    return read


ROWS_KEPT = 8  # period × indicator lookups of every unit's stored rows per snapshot (~1,5 MB each)
COLUMNS_KEPT = 64  # period × indicator × column lookups of every unit's stored value per snapshot


def read_column(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    period,
    indicator_code: str,
    column: str,
) -> pd.DataFrame:
    """unit_id and `column` (one of COLUMNS) of the units' stored rows of one indicator. On a
    scope: every unit's read once per snapshot for its scopes and cut to the units asked (a
    never-seen view's ranking asked last year's % of plan, ~4 ms of its own)."""
    if column not in COLUMNS:
        raise ValueError(column)
    ids = [int(u) for u in unit_ids] or [-1]
    key = (period.year, period.month_from, period.month_to, str(indicator_code), column)

    def every_unit(snapshot: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        return query(
            snapshot,
            f"SELECT unit_id, {column} FROM page_summaries WHERE year = ? AND month_from = ?"
            " AND month_to = ? AND indicator_code = ? ORDER BY unit_id",
            list(key[:4]),
        )

    whole = recent_of_snapshot(con, "summary_column", key, every_unit, COLUMNS_KEPT, ids)
    if whole is not None:
        return whole[whole.unit_id.isin(ids)].reset_index(drop=True)
    where, params = _where(ids, period.year, period.month_from, period.month_to)
    return query(
        narrowed(con, ids),
        f"SELECT unit_id, {column} FROM page_summaries WHERE {where} AND indicator_code = ?",
        [*params, str(indicator_code)],
    )


def summarised_years(
    con: duckdb.DuckDBPyConnection, unit_id: int, years: Sequence[int]
) -> set[int]:
    """Which of the years have the unit's whole-year summaries stored. On a scope: every unit's
    whole years read once per snapshot (a query through a never-seen scope's views cost ~4 ms)."""
    held = read_of_snapshot(con, "summarised_years", _whole_year_units)
    if held is not None:
        stored_years, scope_ids = held
        if int(unit_id) not in scope_ids:
            return set()
        return {int(y) for y in years} & stored_years.get(int(unit_id), frozenset())
    return set(
        query(
            con,
            "SELECT year FROM summary_periods WHERE unit_id = ? AND month_from = 1"
            " AND month_to = 12 AND year IN (SELECT unnest(?::INTEGER[]))",
            [int(unit_id), [int(y) for y in years]],
        ).year.astype(int)
    )


def _whole_year_units(con: duckdb.DuckDBPyConnection) -> dict[int, frozenset[int]]:
    rows = con.execute(
        "SELECT unit_id, list(year) FROM summary_periods WHERE month_from = 1 AND month_to = 12"
        " GROUP BY unit_id"
    ).fetchall()
    return {int(unit): frozenset(int(y) for y in years) for unit, years in rows}


def whole_years(
    con: duckdb.DuckDBPyConnection,
    unit_id: int,
    years: Sequence[int],
    indicator_codes: Sequence[str],
) -> pd.DataFrame:
    """The unit's stored whole-year values of some years (indicator_code, year, value, kind,
    derived_from), rows with a value only."""
    return query(
        narrowed(con, [unit_id]),  # the unit's rows, without the scope's join
        "SELECT indicator_code, year, value, kind, derived_from FROM page_summaries"
        " WHERE unit_id = ? AND month_from = 1 AND month_to = 12"
        " AND year IN (SELECT unnest(?::INTEGER[])) AND value IS NOT NULL"
        " AND list_contains(?::VARCHAR[], indicator_code)",
        [int(unit_id), [int(y) for y in years], [str(c) for c in indicator_codes]],
    )


# ------------------------------------------------------------------ writing (the writer's connection)
def made_for(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """What the stored summaries were made for: summaries_version (data), summaries_reference,
    summaries_code."""
    return dict(
        query(
            con,
            "SELECT key, value FROM meta WHERE key IN "
            "('summaries_version', 'summaries_reference', 'summaries_code')",
        ).itertuples(index=False)
    )


def due(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every unit × period pair to summarise (unit_id, year, month_from, month_to)."""
    return query(con, DUE_SQL)


def changed_inputs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """(unit_id, year) pairs whose observations differ from when the summaries were made."""
    return query(
        con,
        f"""
        WITH now AS ({FINGERPRINTS_SQL})
        SELECT coalesce(n.unit_id, s.unit_id) AS unit_id, coalesce(n.year, s.year) AS year
        FROM now n FULL OUTER JOIN summary_inputs s USING (unit_id, year)
        WHERE n.fingerprint IS DISTINCT FROM s.fingerprint
        """,
    )


def affected_units(con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int]) -> set[int]:
    return set(query(con, AFFECTED_SQL, [[int(u) for u in unit_ids]]).unit_id.astype(int))


def replace(
    con: duckdb.DuckDBPyConnection,
    pairs: pd.DataFrame,
    batches,
    everything: bool,
    code: str,
) -> int:
    """In one transaction: the summaries of `pairs` (all of them when `everything`) replaced by the
    frames `batches` yields (written as they come: a national build never holds all rows), the input
    fingerprints taken now, and the stamp of the data and reference versions. Returns the rows."""
    cursor = con.cursor()
    written = 0
    try:
        cursor.execute("BEGIN TRANSACTION")
        cursor.register("due_pairs", pairs[KEY])
        if everything:
            cursor.execute("DELETE FROM page_summaries")
            cursor.execute("DELETE FROM summary_periods")
        else:
            cursor.register("all_due", due(cursor)[KEY])
            for table in ("page_summaries", "summary_periods"):
                cursor.execute(
                    f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM due_pairs d WHERE "
                    "d.unit_id = t.unit_id AND d.year = t.year AND d.month_from = t.month_from "
                    "AND d.month_to = t.month_to)"
                )
                # a pair no longer due (its period lost every figure: a rolled-back upload) is
                # forgotten, not kept: it is computed live like any period without summaries
                cursor.execute(
                    f"DELETE FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM all_due d WHERE "
                    "d.unit_id = t.unit_id AND d.year = t.year AND d.month_from = t.month_from "
                    "AND d.month_to = t.month_to)"
                )
            cursor.unregister("all_due")
        for rows in batches:  # a period's units in order: `read` skips row groups by unit range
            cursor.register("new_rows", _typed(rows[COLUMNS]))
            cursor.execute(
                f"INSERT INTO page_summaries SELECT {', '.join(COLUMNS)} FROM new_rows ORDER BY unit_id"
            )
            cursor.unregister("new_rows")
            written += len(rows)
        cursor.execute(
            "INSERT INTO summary_periods SELECT unit_id, year, month_from, month_to FROM due_pairs"
        )
        cursor.execute("DELETE FROM summary_inputs")
        cursor.execute(f"INSERT INTO summary_inputs {FINGERPRINTS_SQL}")
        cursor.unregister("due_pairs")
        stamp(cursor, code)
        cursor.execute("COMMIT")
    except BaseException:
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()
    return written


def reference(con: duckdb.DuckDBPyConnection) -> str:
    """What of the reference data a summary reads: the data files' sha256 and the indicators an
    administrator added (not the names learnt from uploads, which only the loader reads)."""
    return str(
        scalar(
            con,
            "SELECT coalesce((SELECT value FROM meta WHERE key = 'reference_sha256'), '') || ':' ||"
            " (SELECT count(*) || '/' || coalesce(sum(hash(code || name || measure)), 0)"
            " FROM indicator_additions)",
        )
    )


def _typed(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    for column in FLOATS:
        rows[column] = pd.to_numeric(rows[column], errors="coerce").astype(float)
    for column in BOOLS:
        rows[column] = rows[column].astype(bool)
    return rows


def stamp(con: duckdb.DuckDBPyConnection, code: str) -> None:
    """Mark the summaries as made by `code` for the data and reference data as they are now."""
    for key, value in (
        ("summaries_version", repr(data_version(con))),
        ("summaries_reference", reference(con)),
        ("summaries_code", code),
    ):
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
