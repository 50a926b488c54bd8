"""Named read queries over the store. Each returns a materialised DataFrame; SQL uses parameters only."""

from __future__ import annotations

from typing import Sequence

import duckdb
import pandas as pd

from indicators import catalog
from store import cached, data_version, query

# The value reported for a period: the actual when there is one, else the latest estimate; for a year
# and the one before (the same period last year), told apart by `year`.
_CURRENT_TWO_YEARS = """
    SELECT indicator_code, unit_id, year,
           arg_min(value, CASE kind WHEN 'actual' THEN 0 ELSE 1 END) AS value,
           arg_min(kind,  CASE kind WHEN 'actual' THEN 0 ELSE 1 END) AS kind
    FROM observations
    WHERE kind IN ('actual', 'estimate') AND year IN (?, ?) AND month_from = ? AND month_to = ?
      AND unit_id IN (SELECT unnest(?::INTEGER[])){only}
    GROUP BY indicator_code, unit_id, year
"""


def units_with_data(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Units holding observations, parents (city, district, province) first, then by name. Reads
    `unit_summary` (kept current by store.uploads), not the observations; also cached per connection
    until the store's data version changes (an upload, a rollback, a reference resync)."""
    return cached(con, "units_with_data", data_version(con), lambda: _units_with_data(con))


def _units_with_data(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(
        con,
        """
        WITH counts AS (SELECT unit_id, n_obs, first_year, last_year FROM unit_summary)
        SELECT u.unit_id, u.code, u.name, u.unit_type, u.parent_id, u.valid_from, u.valid_to,
               c.n_obs, c.first_year, c.last_year,
               EXISTS (SELECT 1 FROM admin_units ch WHERE ch.parent_id = u.unit_id) AS has_children
        FROM admin_units u JOIN counts c USING (unit_id)
        ORDER BY has_children DESC, CASE u.unit_type WHEN 'tinh' THEN 0 WHEN 'thanh_pho' THEN 1
                 WHEN 'huyen' THEN 2 WHEN 'thi_xa' THEN 3 ELSE 4 END, u.name, u.valid_from
        """,
    )


def periods(con: duckdb.DuckDBPyConnection, unit_id: int) -> pd.DataFrame:
    """Year-to-date periods with actuals or estimates for a unit, newest first."""
    return query(
        con,
        """
        SELECT DISTINCT year, month_from, month_to FROM observations
        WHERE unit_id = ? AND kind IN ('actual', 'estimate') AND month_from = 1
        ORDER BY year DESC, month_to DESC
        """,
        [unit_id],
    )


def only_indicators(indicator_codes: Sequence[str] | None) -> tuple[str, list]:
    """SQL condition and parameters restricting a query to some indicators (none: all)."""
    if indicator_codes is None:
        return "", []
    return " AND indicator_code IN (SELECT unnest(?::VARCHAR[]))", [[str(c) for c in indicator_codes]]


def snapshot(
    con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int], year: int, month_from: int, month_to: int,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per unit × indicator with data in the period: value (actual, else estimate), kind,
    the same span a year earlier, and the year's target from the highest-priority source.
    `indicator_codes`: only these indicators (default all)."""
    ids = [int(u) for u in unit_ids]
    if not ids:
        return pd.DataFrame(columns=["unit_id", "indicator_code", "value", "kind", "same_period_value",
                                     "target", "target_source"])
    only, only_params = only_indicators(indicator_codes)
    both = query(con, _CURRENT_TWO_YEARS.format(only=only),
                 [year - 1, year, month_from, month_to, ids, *only_params])  # one scan, not two
    current = both[both["year"] == year].drop(columns="year").reset_index(drop=True)
    previous = both[both["year"] == year - 1].drop(columns="year").reset_index(drop=True).rename(
        columns={"value": "same_period_value", "kind": "same_period_kind"}
    )
    targets = year_targets(con, ids, year, indicator_codes)
    primary = targets.sort_values("priority").drop_duplicates(["unit_id", "indicator_code"])
    frame = current.merge(previous, on=["indicator_code", "unit_id"], how="left").merge(
        primary[["unit_id", "indicator_code", "target", "target_source"]],
        on=["indicator_code", "unit_id"],
        how="outer",
    )
    return frame


def year_targets(con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int], year: int,
                 indicator_codes: Sequence[str] | None = None) -> pd.DataFrame:
    """Every target of the year for the units, one row per target source, with its priority."""
    only, only_params = only_indicators(indicator_codes)
    frame = query(
        con,
        """
        SELECT unit_id, indicator_code, target_source, value AS target FROM observations
        WHERE kind = 'target' AND year = ? AND month_from = 1 AND month_to = 12
          AND unit_id IN (SELECT unnest(?::INTEGER[]))
        """ + only,
        [year, [int(u) for u in unit_ids], *only_params],
    )
    sources = catalog.target_sources()[["code", "priority"]].rename(columns={"code": "target_source"})
    frame = frame.merge(sources, on="target_source", how="left")
    frame["priority"] = frame["priority"].fillna(99)
    return frame


def child_units(con: duckdb.DuckDBPyConnection, parent_id: int) -> pd.DataFrame:
    return query(
        con,
        "SELECT unit_id, code, name, short_name, unit_type, valid_from, valid_to FROM admin_units "
        "WHERE parent_id = ? ORDER BY unit_type, name",
        [parent_id],
    )


def children_of(con: duckdb.DuckDBPyConnection, parent_ids: Sequence[int]) -> pd.DataFrame:
    """The children of several units at once (parent_id column added), each parent's in `child_units` order."""
    return query(
        con,
        "SELECT parent_id, unit_id, code, name, short_name, unit_type, valid_from, valid_to FROM admin_units "
        "WHERE parent_id IN (SELECT unnest(?::INTEGER[])) ORDER BY parent_id, unit_type, name",
        [[int(u) for u in parent_ids]],
    )


def series(con: duckdb.DuckDBPyConnection, indicator_code: str, unit_id: int) -> pd.DataFrame:
    """Every observation of one indicator for one unit (all years, periods and kinds)."""
    return query(
        con,
        """
        SELECT year, month_from, month_to, kind, target_source, value FROM observations
        WHERE indicator_code = ? AND unit_id = ? ORDER BY year, month_to, kind
        """,
        [indicator_code, unit_id],
    )


def observation_count(con: duckdb.DuckDBPyConnection) -> int:
    return int(query(con, "SELECT count(*) AS n FROM observations").n.iloc[0])


def revisions(
    con: duckdb.DuckDBPyConnection, indicator_code: str, unit_ids: Sequence[int], year: int, month_from: int, month_to: int
) -> pd.DataFrame:
    """Every version of the period's actual/estimate per unit, oldest first, with its upload."""
    return query(
        con,
        """
        SELECT v.unit_id, v.kind, v.value, u.file_name, u.uploaded_at, u.upload_id
        FROM observation_versions v JOIN uploads u USING (upload_id)
        WHERE u.status <> 'rolled_back' AND v.indicator_code = ? AND v.year = ? AND v.month_from = ?
          AND v.month_to = ? AND v.kind IN ('actual', 'estimate') AND v.unit_id IN (SELECT unnest(?::INTEGER[]))
        ORDER BY v.unit_id, u.upload_id, v.kind DESC
        """,
        [indicator_code, year, month_from, month_to, [int(u) for u in unit_ids]],
    )
