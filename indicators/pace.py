"""In-year pace: the share of the year's value a unit usually reaches by a given month, from its own
history (≥ 3 completed years), and a year-end projection with a range. Pure functions; the history comes from store.queries.pace."""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from store import Connection
from store.queries import pace as stored_pace

MIN_YEARS = 3


def history_shares(
    con: Connection,
    unit_ids: Sequence[int],
    month_to: int,
    before_year: int,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Per unit × indicator × year before `before_year`: value at months 1..month_to divided by the
    full-year actual (actual preferred over estimate for the partial period). `indicator_codes`: only
    these indicators (default all)."""
    return stored_pace.history_shares(con, unit_ids, month_to, before_year, indicator_codes)


def typical_shares_in_store(
    con: Connection,
    unit_ids: Sequence[int],
    month_to: int,
    before_year: int,
    indicator_codes: Sequence[str] | None = None,
    min_years: int = MIN_YEARS,
) -> pd.DataFrame:
    """`typical_shares(history_shares(...))` computed inside DuckDB (store.queries.pace): same columns
    and values, one row per unit × indicator moved instead of every year's share."""
    return stored_pace.typical_shares(
        con, unit_ids, month_to, before_year, indicator_codes, min_years
    )


def typical_shares(shares: pd.DataFrame, min_years: int = MIN_YEARS) -> pd.DataFrame:
    """Median share and its spread per unit × indicator, only where ≥ `min_years` years exist."""
    if shares.empty:
        return pd.DataFrame(
            columns=[
                "indicator_code",
                "unit_id",
                "typical_share",
                "share_low",
                "share_high",
                "n_years",
            ]
        )
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


def projection(
    value: float,
    month_to: int,
    typical: float | None = None,
    low: float | None = None,
    high: float | None = None,
) -> tuple[float, float, float] | None:
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
