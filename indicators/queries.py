"""The store's facts the indicators read, shaped for them: a period's snapshot (current value, the
same period last year, the year's plan by priority) and the year's plans with their priority. The
SQL is in store/queries/."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from indicators import catalog
from store import Connection
from store.queries import observations, units
from vn.periods import Period

units_with_data = units.with_data
periods = observations.periods
child_units = units.children
children_of = units.children_of
series = observations.series
observation_count = observations.count
revisions = observations.revisions


def snapshot(
    con: Connection,
    unit_ids: Sequence[int],
    period: Period,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per unit × indicator with data in the period: value (actual, else estimate), kind,
    the same span a year earlier, and the year's plan from the highest-priority source.
    `indicator_codes`: only these indicators (default all)."""
    ids = [int(u) for u in unit_ids]
    if not ids:
        return pd.DataFrame(
            columns=[
                "unit_id",
                "indicator_code",
                "value",
                "kind",
                "same_period_value",
                "target",
                "target_source",
            ]
        )
    both = observations.current_two_years(con, ids, period, indicator_codes)
    year = period.year
    current = both[both["year"] == year].drop(columns="year").reset_index(drop=True)
    previous = (
        both[both["year"] == year - 1]
        .drop(columns="year")
        .reset_index(drop=True)
        .rename(columns={"value": "same_period_value", "kind": "same_period_kind"})
    )
    targets = year_targets(con, ids, year, indicator_codes)
    primary = targets.sort_values("priority").drop_duplicates(["unit_id", "indicator_code"])
    return current.merge(previous, on=["indicator_code", "unit_id"], how="left").merge(
        primary[["unit_id", "indicator_code", "target", "target_source"]],
        on=["indicator_code", "unit_id"],
        how="outer",
    )


def year_targets(
    con: Connection,
    unit_ids: Sequence[int],
    year: int,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every plan of the year for the units, one row per target source, with its priority
    (data/catalog/target_sources.toml). A term target is never the year's plan."""
    frame = observations.year_plans(con, unit_ids, year, indicator_codes)
    sources = catalog.target_sources()[["code", "priority"]].rename(
        columns={"code": "target_source"}
    )
    frame = frame.merge(sources, on="target_source", how="left")
    frame["priority"] = frame["priority"].fillna(99)
    return frame
