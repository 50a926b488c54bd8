"""In-year pace: the share of the year's value a unit usually reaches by a given month, from its own
history (≥ 3 completed years), and a year-end projection with a range. Pure functions + one query."""

from __future__ import annotations

from typing import Sequence

import duckdb
import numpy as np
import pandas as pd

from indicators.queries import only_indicators
from store import query

MIN_YEARS = 3


def history_shares(
    con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int], month_to: int, before_year: int,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Per unit × indicator × year before `before_year`: value at months 1..month_to divided by the
    full-year actual (actual preferred over estimate for the partial period). `indicator_codes`: only
    these indicators (default all)."""
    only, only_params = only_indicators(indicator_codes)
    ids = [int(u) for u in unit_ids]
    return query(
        con,
        f"""
        WITH part AS (
            SELECT indicator_code, unit_id, year,
                   arg_min(value, CASE kind WHEN 'actual' THEN 0 ELSE 1 END) AS value
            FROM observations
            WHERE kind IN ('actual', 'estimate') AND month_from = 1 AND month_to = ?
              AND year < ? AND unit_id IN (SELECT unnest(?::INTEGER[])){only}
            GROUP BY ALL
        ), full_year AS (
            SELECT indicator_code, unit_id, year, value FROM observations
            WHERE kind = 'actual' AND month_from = 1 AND month_to = 12
              AND year < ? AND unit_id IN (SELECT unnest(?::INTEGER[])){only}
        )
        SELECT p.indicator_code, p.unit_id, p.year, p.value / f.value AS share
        FROM part p JOIN full_year f USING (indicator_code, unit_id, year)
        WHERE f.value > 0
        """,
        [month_to, before_year, ids, *only_params, before_year, ids, *only_params],
    )


def typical_shares_in_store(
    con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int], month_to: int, before_year: int,
    indicator_codes: Sequence[str] | None = None, min_years: int = MIN_YEARS,
) -> pd.DataFrame:
    """`typical_shares(history_shares(...))` computed inside DuckDB: one scan, and only one row per
    unit × indicator comes back (the pandas route moves every year's share; ~5× slower at national
    scale). Same columns and values."""
    only, only_params = only_indicators(indicator_codes)
    ids = [int(u) for u in unit_ids]
    return query(
        con,
        f"""
        WITH src AS (
            SELECT indicator_code, unit_id, year, month_to, kind, value FROM observations
            WHERE month_from = 1 AND month_to IN (?, 12) AND kind IN ('actual', 'estimate')
              AND year < ? AND unit_id IN (SELECT unnest(?::INTEGER[])){only}
        ), part AS (
            SELECT indicator_code, unit_id, year,
                   arg_min(value, CASE kind WHEN 'actual' THEN 0 ELSE 1 END) AS value
            FROM src WHERE month_to = ? GROUP BY ALL
        ), shares AS (
            SELECT p.indicator_code, p.unit_id, p.value / f.value AS share
            FROM part p JOIN src f ON f.indicator_code = p.indicator_code AND f.unit_id = p.unit_id
             AND f.year = p.year AND f.month_to = 12 AND f.kind = 'actual'
            WHERE f.value > 0
        )
        SELECT indicator_code, unit_id, median(share) AS typical_share, min(share) AS share_low,
               max(share) AS share_high, count(*) AS n_years
        FROM shares GROUP BY indicator_code, unit_id HAVING count(*) >= ?
        """,
        [month_to, before_year, ids, *only_params, month_to, min_years],
    )


def typical_shares(shares: pd.DataFrame, min_years: int = MIN_YEARS) -> pd.DataFrame:
    """Median share and its spread per unit × indicator, only where ≥ `min_years` years exist."""
    if shares.empty:
        return pd.DataFrame(columns=["indicator_code", "unit_id", "typical_share", "share_low", "share_high", "n_years"])
    grouped = shares.groupby(["indicator_code", "unit_id"])["share"]
    frame = pd.DataFrame(
        {
            "typical_share": grouped.median(),
            "share_low": grouped.min(),
            "share_high": grouped.max(),
            "n_years": grouped.count(),
        }
    ).reset_index()
    return frame[frame["n_years"] >= min_years].reset_index(drop=True)


def projection(value: float, month_to: int, typical: float | None = None, low: float | None = None,
               high: float | None = None) -> tuple[float, float, float] | None:
    """Year-end projection (central, low, high) for a flow. With history: value ÷ typical share, range
    from the highest and lowest past shares. Linear otherwise, with a ±10% range."""
    if value is None or np.isnan(value) or month_to >= 12 or month_to <= 0:
        return None
    if typical and typical > 0:
        central = value / typical
        lo = value / high if high and high > 0 else central
        hi = value / low if low and low > 0 else central
        return central, min(lo, hi), max(lo, hi)
    central = value * 12.0 / month_to
    return central, central * 0.9, central * 1.1
