"""Observations read for a period: current values (the actual, else the estimate), plans, series,
revisions, the periods a unit has."""

from __future__ import annotations

from typing import Sequence

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from store.connection import cached, data_version, query
from store.scope import cut_from_snapshot, narrowed, read_of_snapshot, recent_of_snapshot
from vn.periods import Period

# The value reported for a period: the actual when there is one, else the estimate (one of each per key).
CURRENT_VALUE = "arg_min(value, CASE kind WHEN 'actual' THEN 0 ELSE 1 END)"
CURRENT_KIND = "arg_min(kind, CASE kind WHEN 'actual' THEN 0 ELSE 1 END)"
# A term target (data/catalog/target_sources.toml `nhiem_ky`) is stored at the term's last year, 1–12:
# it is not that year's plan.
TERM_SOURCE = "nhiem_ky"


def only_indicators(
    indicator_codes: Sequence[str] | None, column: str = "indicator_code"
) -> tuple[str, list]:
    """SQL condition and parameters restricting a query to some indicators (None: all)."""
    if indicator_codes is None:
        return "", []
    return f" AND {column} IN (SELECT unnest(?::VARCHAR[]))", [[str(c) for c in indicator_codes]]


def current_two_years(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    period: Period,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The current value and kind per indicator × unit for the period and the same span a year
    earlier, told apart by `year`: one scan, not two."""
    only, params = only_indicators(indicator_codes)
    return query(
        con,
        f"""
        SELECT indicator_code, unit_id, year, {CURRENT_VALUE} AS value, {CURRENT_KIND} AS kind
        FROM observations
        WHERE kind IN ('actual', 'estimate') AND year IN (?, ?) AND month_from = ? AND month_to = ?
          AND unit_id IN (SELECT unnest(?::INTEGER[])){only}
        GROUP BY indicator_code, unit_id, year
        """,
        [
            period.year - 1,
            period.year,
            period.month_from,
            period.month_to,
            [int(u) for u in unit_ids],
            *params,
        ],
    )


def values_in_years(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    years: Sequence[int],
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The current value and kind of every period (any months) of some years for the units."""
    only, params = only_indicators(indicator_codes)
    return query(
        con,
        f"""
        SELECT indicator_code, unit_id, year, month_from, month_to,
               {CURRENT_VALUE} AS value, {CURRENT_KIND} AS kind
        FROM observations
        WHERE kind IN ('actual', 'estimate') AND year IN (SELECT unnest(?::INTEGER[]))
          AND unit_id IN (SELECT unnest(?::INTEGER[])){only}
        GROUP BY indicator_code, unit_id, year, month_from, month_to
        """,
        [[int(y) for y in years], [int(u) for u in unit_ids], *params],
    )


def year_plans(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    year: int,
    indicator_codes: Sequence[str] | None = None,
    include_term: bool = False,
) -> pd.DataFrame:
    """Every plan of `year` for the units (one row per target source); the term target only when
    asked. On a scope: every unit's plans of the year read once per snapshot for its scopes and cut
    to the units asked (a never-seen view's query of its own cost ~3,5 ms; all ~25 ms once)."""
    ids = [int(u) for u in unit_ids]
    key = (int(year), bool(include_term))
    whole = recent_of_snapshot(
        con, "year_plans", key, _every_unit_plans(*key), PLANS_KEPT, ids, approvals=True
    )
    if whole is not None:
        return _plans_of(whole, ids, indicator_codes)
    only, params = only_indicators(indicator_codes)
    return query(
        narrowed(con, ids, approvals=True),
        _PLANS_SQL.format(term=_term(include_term))
        + f" AND unit_id IN (SELECT unnest(?::INTEGER[])){only}",
        [int(year), ids, *params],
    )


PLANS_KEPT = 4  # years of every unit's plans per snapshot (national store: ~420k rows, ~8 MB each)
_PLANS_SQL = """
    SELECT unit_id, indicator_code, target_source, value AS target FROM observations
    WHERE kind = 'target' AND year = ? AND month_from = 1 AND month_to = 12{term}"""


def _term(include_term: bool) -> str:
    return "" if include_term else f" AND target_source <> '{TERM_SOURCE}'"


def _every_unit_plans(year: int, include_term: bool):
    """Every unit's plans of the year in unit order, and their unit ids as an array to bisect."""

    def read(snapshot: duckdb.DuckDBPyConnection) -> tuple[pa.Table, np.ndarray]:
        cursor = snapshot.cursor()
        try:
            rows = cursor.sql(_PLANS_SQL.format(term=_term(include_term)), params=[year])
            table = rows.to_arrow_table()
        finally:
            cursor.close()
        # the codes as dictionaries: a tenth of the memory for a few hundred distinct values
        for name in ("indicator_code", "target_source"):
            at = table.schema.get_field_index(name)
            table = table.set_column(at, name, pc.dictionary_encode(table.column(name)))
        # in unit order (stable): a scope's units are ranges found by bisection, not a filter of
        # every row (~1,5 ms)
        table = table.sort_by("unit_id")
        return table, table.column("unit_id").to_numpy()

    return read


def _plans_of(
    whole: tuple[pa.Table, np.ndarray], ids: list[int], indicator_codes: Sequence[str] | None
) -> pd.DataFrame:
    table, units = whole
    wanted = np.unique(np.asarray(ids, dtype=units.dtype))
    starts = np.searchsorted(units, wanted, "left")
    ends = np.searchsorted(units, wanted, "right")
    rows = table.take(
        np.concatenate([np.arange(a, b) for a, b in zip(starts, ends)] or [np.empty(0, int)])
    )
    for name in ("indicator_code", "target_source"):  # back to plain strings, as a query gives
        position = rows.schema.get_field_index(name)
        rows = rows.set_column(position, name, pc.cast(rows.column(name), pa.string()))
    if indicator_codes is not None:
        codes = pa.array([str(c) for c in indicator_codes], pa.string())
        rows = rows.filter(pc.is_in(rows.column("indicator_code"), value_set=codes))
    return rows.to_pandas()


def plans_in_years(
    con: duckdb.DuckDBPyConnection,
    unit_ids: Sequence[int],
    years: Sequence[int],
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """`year_plans` of several years at once (year column added); no term targets."""
    only, params = only_indicators(indicator_codes)
    return query(
        con,
        f"""
        SELECT unit_id, indicator_code, year, target_source, value AS target FROM observations
        WHERE kind = 'target' AND month_from = 1 AND month_to = 12 AND target_source <> '{TERM_SOURCE}'
          AND year IN (SELECT unnest(?::INTEGER[])) AND unit_id IN (SELECT unnest(?::INTEGER[])){only}
        """,
        [[int(y) for y in years], [int(u) for u in unit_ids], *params],
    )


def unit_plans(con: duckdb.DuckDBPyConnection, indicator_code: str, unit_id: int) -> pd.DataFrame:
    """Every year's plans of one indicator for one unit (year, target_source, target), no term targets."""
    return query(
        con,
        f"""
        SELECT year, target_source, value AS target FROM observations
        WHERE indicator_code = ? AND unit_id = ? AND kind = 'target' AND month_from = 1 AND month_to = 12
          AND target_source <> '{TERM_SOURCE}'
        """,
        [indicator_code, unit_id],
    )


def periods(con: duckdb.DuckDBPyConnection, unit_id: int) -> pd.DataFrame:
    """Year-to-date periods with actuals or estimates for a unit, newest first; cached until the
    data change."""
    return cached(
        con, f"periods:{int(unit_id)}", data_version(con), lambda: _periods(con, int(unit_id))
    )


def _periods(con: duckdb.DuckDBPyConnection, unit_id: int) -> pd.DataFrame:
    return query(
        con,
        """
        SELECT DISTINCT year, month_from, month_to FROM unit_periods
        WHERE unit_id = ? AND month_from = 1
        ORDER BY year DESC, month_to DESC
        """,
        [unit_id],
    )


def all_periods(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Year-to-date periods with actuals or estimates of any unit (of the scope), newest first. A
    unit formed during a year reports from its first month (a ward of 1 July 2025: July–September);
    that report makes the year-to-date period (9 tháng 2025) one to offer: on today's boundaries
    its months before July come from the units it replaced. Per unit read once per snapshot and cut
    to the scope's units."""
    columns = ["year", "month_from", "month_to"]
    held = read_of_snapshot(con, "ytd_period_units", _ytd_period_units, approvals=True)
    if held is None:
        rows = cached(con, "unit_ytd_periods", data_version(con), lambda: _ytd_periods(con))
        found = rows[columns].drop_duplicates()
    else:  # a period is offered when one of the scope's units has it
        by_period, ids = held
        found = pd.DataFrame(
            [period for period, units in by_period.items() if not units.isdisjoint(ids)],
            columns=columns,
        )
    return found.sort_values(["year", "month_to"], ascending=False).reset_index(drop=True)


def _ytd_period_units(con: duckdb.DuckDBPyConnection) -> dict[tuple[int, int, int], frozenset[int]]:
    rows = _ytd_periods(con)
    units = rows.unit_id.to_numpy()
    return {
        (int(y), int(f), int(t)): frozenset(units[at].tolist())
        for (y, f, t), at in rows.groupby(["year", "month_from", "month_to"]).indices.items()
    }


def _ytd_periods(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(
        con,
        """
        SELECT DISTINCT o.unit_id, o.year, 1 AS month_from, o.month_to FROM unit_periods o
        JOIN admin_units u USING (unit_id)
        WHERE o.month_from = 1 OR (year(u.valid_from) = o.year AND month(u.valid_from) = o.month_from)
        """,
    )


def _all_periods(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """`all_periods` in SQL through the connection's own views (tests hold the two equal)."""
    return query(
        con,
        """
        SELECT DISTINCT o.year, 1 AS month_from, o.month_to FROM unit_periods o
        JOIN admin_units u USING (unit_id)
        WHERE o.month_from = 1 OR (year(u.valid_from) = o.year AND month(u.valid_from) = o.month_from)
        ORDER BY o.year DESC, o.month_to DESC
        """,
    )


def units_with_values(
    con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int], period: Period
) -> list[int]:
    """Which of the units hold an actual or estimate of the period themselves (unit_periods, kept
    by every write), in unit order: the period's units read once per snapshot and cut to the
    scope's units."""
    key = f"units_with_values:{period.year}:{period.month_from}:{period.month_to}"
    found = cut_from_snapshot(
        con,
        key,
        lambda: data_version(con),
        lambda c: _units_with_values(c, period),
        _rows_of,
        approvals=True,
    )
    return [int(u) for u in found.unit_id[found.unit_id.isin([int(u) for u in unit_ids])]]


def _units_with_values(con: duckdb.DuckDBPyConnection, period: Period) -> pd.DataFrame:
    return query(
        con,
        """
        SELECT DISTINCT unit_id FROM unit_periods
        WHERE year = ? AND month_from = ? AND month_to = ? ORDER BY unit_id
        """,
        [period.year, period.month_from, period.month_to],
    )


def _rows_of(frame: pd.DataFrame, ids: frozenset[int]) -> pd.DataFrame:
    return frame[frame.unit_id.isin(ids)].reset_index(drop=True)


def series(con: duckdb.DuckDBPyConnection, indicator_code: str, unit_id: int) -> pd.DataFrame:
    """Every observation of one indicator for one unit (all years, periods and kinds); cached until
    the data change."""
    return cached(
        con,
        f"series:{indicator_code}:{int(unit_id)}",
        data_version(con),
        lambda: _series(con, indicator_code, int(unit_id)),
    )


def _series(
    con: duckdb.DuckDBPyConnection, indicator_code: str, unit_id: int, whole_years: bool = False
) -> pd.DataFrame:
    years = " AND month_from = 1 AND month_to = 12" if whole_years else ""
    return query(
        narrowed(con, [unit_id], approvals=True),
        f"""
        SELECT year, month_from, month_to, kind, target_source, value FROM observations
        WHERE indicator_code = ? AND unit_id = ?{years}
        ORDER BY year, month_to, month_from, kind, target_source
        """,
        [indicator_code, unit_id],
    )


def year_series(con: duckdb.DuckDBPyConnection, indicator_code: str, unit_id: int) -> pd.DataFrame:
    """`series` of the whole years only (months 1–12: values, the year's plans, term targets): a
    trend reads no more, and the store's period order lets the scan skip the other periods' row
    groups (~13 → 6 ms on the national store). Cached until the data change. Not read for every
    unit once per snapshot as the revisions are: that scan filters every whole-year row by its
    indicator (~250 ms on the national store) where a unit's own filters by unit (~7 ms)."""
    return cached(
        con,
        f"year_series:{indicator_code}:{int(unit_id)}",
        data_version(con),
        lambda: _series(con, indicator_code, int(unit_id), whole_years=True),
    )


def count(con: duckdb.DuckDBPyConnection) -> int:
    return int(query(con, "SELECT count(*) AS n FROM observations").n.iloc[0])


REVISIONS_KEPT = 16  # indicator × period lookups of every unit's versions per snapshot (~1 MB each)
_REVISIONS_SQL = """
    SELECT v.unit_id, v.kind, v.value, u.file_name, u.uploaded_at, u.upload_id
    FROM observation_versions v JOIN uploads u USING (upload_id)
    WHERE u.status <> 'rolled_back' AND v.indicator_code = ? AND v.year = ? AND v.month_from = ?
      AND v.month_to = ? AND v.kind IN ('actual', 'estimate'){units}
    ORDER BY v.unit_id, u.upload_id, v.kind DESC
"""


def revisions(
    con: duckdb.DuckDBPyConnection,
    indicator_code: str,
    unit_ids: Sequence[int],
    period: Period,
) -> pd.DataFrame:
    """Every version of the period's actual/estimate per unit, oldest first, with its upload. On a
    scope: every unit's versions of the indicator and period read once per snapshot for its scopes
    and cut to the units asked (a never-seen view's ranking asked ~5 ms of its own); a scope's
    uploads are those that wrote its units' versions, so the whole snapshot's give the same rows."""
    ids = [int(u) for u in unit_ids]
    key = (str(indicator_code), period.year, period.month_from, period.month_to)
    whole = recent_of_snapshot(
        con,
        "revisions",
        key,
        lambda snapshot: query(snapshot, _REVISIONS_SQL.format(units=""), list(key)),
        REVISIONS_KEPT,
        ids,
    )
    if whole is not None:
        return whole[whole.unit_id.isin(ids)].reset_index(drop=True)
    return query(
        narrowed(con, ids),
        _REVISIONS_SQL.format(units=" AND v.unit_id IN (SELECT unnest(?::INTEGER[]))"),
        [*key, ids],
    )


def whole_year_values(
    con: duckdb.DuckDBPyConnection, unit_id: int, year: int, codes: Sequence[str]
) -> pd.DataFrame:
    """The current whole-year value of some indicators for one unit (indicator_code, value)."""
    return query(
        con,
        f"""
        SELECT indicator_code, {CURRENT_VALUE} AS value FROM observations
        WHERE unit_id = ? AND year = ? AND month_from = 1 AND month_to = 12 AND kind IN ('actual', 'estimate')
          AND list_contains(?, indicator_code)
        GROUP BY indicator_code
        """,
        [unit_id, year, list(codes)],
    )


def has_values_below(
    con: duckdb.DuckDBPyConnection, unit_id: int, code_prefixes: Sequence[str]
) -> bool:
    """Whether the unit or its children hold values of indicators whose code starts with a prefix."""
    like = " OR ".join("o.indicator_code LIKE ?" for _ in code_prefixes)
    frame = query(
        con,
        f"""
        SELECT count(*) AS n FROM observations o JOIN admin_units u USING (unit_id)
        WHERE (u.parent_id = ? OR u.unit_id = ?) AND ({like})
        """,
        [unit_id, unit_id, *[p + "%" for p in code_prefixes]],
    )
    return bool(frame.n.iloc[0])
