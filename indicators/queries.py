"""The store's facts the indicators read, shaped for them: a period's snapshot (current value, the
same period last year, the year's plan by priority) and the year's plans with their priority. The
SQL is in store/queries/."""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from indicators import aggregate, catalog, history, lineage
from store import Connection, cached, data_version
from store.queries import observations, units
from vn.periods import Period

# How figures of a period a unit did not cover whole are read: rebuilt from the units of that time
# on the unit's territory (indicators.history), or only as the unit itself reported them.
CURRENT_BOUNDARIES, AS_REPORTED = "current", "reported"
BOUNDARIES = (CURRENT_BOUNDARIES, AS_REPORTED)
HISTORY_COLUMNS = [
    "derived_from",
    "same_period_derived_from",
    "target_derived_from",
    "derived_problem",
]

units_with_data = units.with_data
periods = observations.periods
units_with_values = observations.units_with_values
unit_row = units.by_id


def all_periods(con: Connection) -> pd.DataFrame:
    """Year-to-date periods with figures in the store (the scope), newest first; cached until the
    data change."""
    return cached(con, "all_periods", data_version(con), lambda: observations.all_periods(con))


def units_in_force(con: Connection, period: Period) -> pd.DataFrame:
    """The units in force at the period's end holding figures of its year, with the units above
    them: the period's unit list (a 2024 period lists 2024's wards, never today's)."""
    return units.in_force_with_data(con, _end(period), period.year)


def child_units(con: Connection, parent_id: int, period: Period | None = None) -> pd.DataFrame:
    """The unit's wards and communes in force at the end of the period (the units that report it);
    every version ever when no period is given. Cached until the data change."""
    day = _end(period)
    return cached(
        con,
        f"child_units:{int(parent_id)}:{day}",
        data_version(con),
        lambda: units.children(con, int(parent_id), day),
    )


def children_of(
    con: Connection, parent_ids: Sequence[int], period: Period | None = None
) -> pd.DataFrame:
    return units.children_of(con, parent_ids, _end(period))


def _end(period: Period | None):
    return lineage.period_days(period.year, *period.months)[1] if period else None


series = observations.series


def trend_series(
    con: Connection, indicator_code: str, unit_id: int, boundaries: str = CURRENT_BOUNDARIES
) -> pd.DataFrame:
    """The unit's whole years of the indicator (`observations.year_series`: values, plans, the term
    target) with, on today's boundaries, the whole years it did not cover rebuilt from its
    predecessors (`derived_from` says from what; never over a figure the unit reported)."""
    own = observations.year_series(con, indicator_code, unit_id).assign(derived_from=None)
    if boundaries != CURRENT_BOUNDARIES:
        return own
    years = sorted({int(y) for y in all_periods(con).year})
    rebuilt = history.yearly_series(con, indicator_code, unit_id, years)
    if rebuilt.empty:  # most units: nothing before them to rebuild
        return own
    # over plain lists: pandas' five filters of a few tens of rows cost a first view ~3 ms
    has_value, has_plan = set(), set()
    for month_from, month_to, kind, year in zip(
        own.month_from.tolist(), own.month_to.tolist(), own.kind.tolist(), own.year.tolist()
    ):
        if month_from == 1 and month_to == 12:
            if kind == "target":
                has_plan.add(year)
            elif kind in ("actual", "estimate"):
                has_value.add(year)
    keep = [
        year not in (has_plan if kind == "target" else has_value)
        for kind, year in zip(rebuilt.kind.tolist(), rebuilt.year.tolist())
    ]
    rebuilt = rebuilt[np.array(keep, dtype=bool)]
    if rebuilt.empty:
        return own
    return pd.concat([own, rebuilt], ignore_index=True).sort_values(["year", "month_to", "kind"])


observation_count = observations.count
revisions = observations.revisions


def snapshot(
    con: Connection,
    unit_ids: Sequence[int],
    period: Period,
    indicator_codes: Sequence[str] | None = None,
    boundaries: str = CURRENT_BOUNDARIES,
) -> pd.DataFrame:
    """One row per unit × indicator with data in the period: value (actual, else estimate), kind,
    the same span a year earlier, and the year's plan from the highest-priority source.
    `indicator_codes`: only these indicators (default all). On today's boundaries a unit's missing
    figures for spans it did not cover are rebuilt from its predecessors and say so
    (`derived_from`, `same_period_derived_from`, `target_derived_from`; `derived_problem` when a
    figure could not be rebuilt)."""
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
                *HISTORY_COLUMNS,
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
    frame = current.merge(previous, on=["indicator_code", "unit_id"], how="left").merge(
        primary[["unit_id", "indicator_code", "target", "target_source"]],
        on=["indicator_code", "unit_id"],
        how="outer",
    )
    for column in HISTORY_COLUMNS:
        frame[column] = None
    if boundaries == CURRENT_BOUNDARIES:
        frame = _with_history(con, frame, ids, period, indicator_codes)
        frame = _regrouped_same_period(con, frame, ids, period, indicator_codes)
    return frame


def _regrouped_same_period(
    con: Connection,
    frame: pd.DataFrame,
    ids: list[int],
    period: Period,
    indicator_codes: Sequence[str] | None,
) -> pd.DataFrame:
    """A city that kept its row while its wards changed (TP Hà Tĩnh grew from 15 to 27 units on
    1 January 2025) reported last year's figure on other boundaries: on today's boundaries its
    same period is the sum of its present wards' same period (each rebuilt from its predecessors
    as needed), when every one of them has it; ratios from numerator and denominator. Not for a
    province: one whose row goes on kept its territory (a merged one starts a new row), however its
    districts and communes were rearranged, so its own figure stands."""
    before = period.last_year()
    now_kids, old_kids = children_of(con, ids, period), children_of(con, ids, before)
    lin = lineage.lineage(con)
    changed = [
        p
        for p in ids
        if p in lin.units
        and pd.notna(lin.units[p].parent_id)
        and (kids := set(now_kids.unit_id[now_kids.parent_id == p]))
        and kids != set(old_kids.unit_id[old_kids.parent_id == p])
    ]
    if not changed:
        return frame
    cat = catalog.indicators(con)
    cat = cat[~cat.is_criterion.astype(bool)]
    for parent in changed:
        kids = now_kids[now_kids.parent_id == parent].unit_id.tolist()
        snap = snapshot(con, kids, before, None)
        reporting = snap[snap["value"].notna()][["indicator_code", "unit_id", "value"]]
        totals = aggregate.aggregate(reporting, cat, len(kids))
        # a boolean Series: an empty one with no dtype would select no columns
        totals = totals[totals["complete"].astype(bool)]
        if indicator_codes is not None:
            totals = totals[totals.indicator_code.isin(list(indicator_codes))]
        text = f"tính từ: tổng {len(kids)} phường, xã hiện nay của đơn vị"
        for row in totals.itertuples():
            hit = (frame.unit_id == parent) & (frame.indicator_code == row.indicator_code)
            frame.loc[hit, "same_period_value"] = row.value
            frame.loc[hit, "same_period_derived_from"] = text
            frame.loc[hit, "same_period_problem"] = None
    return frame


def _with_history(
    con: Connection,
    frame: pd.DataFrame,
    ids: list[int],
    period: Period,
    indicator_codes: Sequence[str] | None,
) -> pd.DataFrame:
    """Fill the gaps a unit's own reports leave for spans before it existed (never over a reported
    figure): this period, the same period last year, the year's plan."""
    lin = lineage.lineage(con)
    spans = (period, period.last_year())
    if not any(history.needs_history(lin, u, p) for u in ids for p in spans):
        return frame
    keys = ["unit_id", "indicator_code"]
    derived = history.derive(con, ids, spans, indicator_codes)
    now = derived[derived["year"] == period.year]
    before = derived[(derived["year"] == period.year - 1) & derived["value"].notna()]
    plans = history.derive_plans(con, ids, [period.year], indicator_codes)
    extra = pd.concat([now[keys], plans[keys]]).drop_duplicates()
    frame = frame.merge(extra, on=keys, how="outer") if not extra.empty else frame
    index = frame.set_index(keys).index

    def fill(source: pd.DataFrame, value: str, target: str, text: str, kind: str | None = None):
        if source.empty:
            return
        found = source.set_index(keys).reindex(index)
        gap = frame[target].isna().to_numpy() & found[value].notna().to_numpy()
        if not gap.any():  # nothing to fill (pandas refuses an empty object array into floats)
            return
        frame.loc[gap, target] = found[value].to_numpy()[gap]
        frame.loc[gap, text] = found["derived_from"].to_numpy()[gap]
        if kind:
            frame.loc[gap, kind] = found[kind if kind in found else "kind"].to_numpy()[gap]

    fill(now, "value", "value", "derived_from", "kind")
    fill(before, "value", "same_period_value", "same_period_derived_from")
    fill(plans, "target", "target", "target_derived_from", "target_source")
    for source, gap_in, column in (
        (now, "value", "derived_problem"),
        (derived[derived["year"] == period.year - 1], "same_period_value", "same_period_problem"),
    ):
        if source.empty:
            continue
        problems = source.set_index(keys)["problem"].reindex(index).to_numpy()
        open_gap = frame[gap_in].isna().to_numpy()
        frame.loc[open_gap, column] = problems[open_gap]
    return frame


def year_targets(
    con: Connection,
    unit_ids: Sequence[int],
    year: int,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every plan of the year for the units, one row per target source, with its priority
    (data/catalog/target_sources.toml). A term target is never the year's plan. Cached until the
    data change."""
    ids = [int(u) for u in unit_ids]
    codes = None if indicator_codes is None else [str(c) for c in indicator_codes]
    return cached(
        con,
        f"year_targets:{year}:{ids}:{codes}",
        data_version(con),
        lambda: _year_targets(con, ids, int(year), codes),
    )


def _year_targets(
    con: Connection, unit_ids: list[int], year: int, indicator_codes: list[str] | None
) -> pd.DataFrame:
    frame = observations.year_plans(con, unit_ids, year, indicator_codes)
    # looked up, not merged: the same column (an unknown source last) for ~2 ms less a read
    priority = catalog.target_priorities()
    found = [priority.get(s) for s in frame["target_source"]]
    unknown = None in found  # as the merge left it: whole numbers, floats once one was missing
    frame["priority"] = np.array(
        [99 if p is None else p for p in found], dtype=float if unknown else np.int64
    )
    return frame


def whole_years(
    con: Connection,
    unit_id: int,
    indicator_codes: Sequence[str],
    boundaries: str = CURRENT_BOUNDARIES,
) -> pd.DataFrame:
    """Every year's whole-year value of some indicators for one unit (indicator_code, year, value,
    kind, derived_from): as reported, and on today's boundaries the years before the unit existed
    rebuilt from its predecessors. Cached until the data change."""
    codes = [str(c) for c in indicator_codes]
    return cached(
        con,
        f"whole_years:{int(unit_id)}:{codes}:{boundaries}",
        data_version(con),
        lambda: _whole_years(con, int(unit_id), codes, boundaries),
    )


def _whole_years(
    con: Connection, unit_id: int, indicator_codes: list[str], boundaries: str
) -> pd.DataFrame:
    years = sorted({int(y) for y in all_periods(con).year})
    if boundaries == CURRENT_BOUNDARIES:
        from indicators import summaries  # it reads this module: imported when used

        served = summaries.served_years(con, unit_id, years, indicator_codes)
        if served is not None:
            rows, missing = served
            if missing:
                live = _whole_years_live(con, unit_id, missing, indicator_codes, boundaries)
                rows = pd.concat([rows, live], ignore_index=True) if not rows.empty else live
            return rows.sort_values(["indicator_code", "year"]).reset_index(drop=True)
    return _whole_years_live(con, unit_id, years, indicator_codes, boundaries)


def _whole_years_live(
    con: Connection, unit_id: int, years: list[int], indicator_codes: list[str], boundaries: str
) -> pd.DataFrame:
    """`whole_years` of some years computed from the observations (and their history)."""
    own = observations.values_in_years(con, [unit_id], years, indicator_codes)
    own = own[(own.month_from == 1) & (own.month_to == 12)].assign(derived_from=None)
    columns = ["indicator_code", "year", "value", "kind", "derived_from"]
    if boundaries != CURRENT_BOUNDARIES:
        return own[columns].reset_index(drop=True)
    rebuilt = history.derive(con, [unit_id], [Period(y) for y in years], indicator_codes)
    rebuilt = rebuilt[rebuilt["value"].notna()]
    taken = set(zip(own.indicator_code, own.year))
    # a boolean Series, not a list: an empty list would select no columns (nothing rebuilt)
    fresh = [k not in taken for k in zip(rebuilt.indicator_code, rebuilt.year)]
    rebuilt = rebuilt[pd.Series(fresh, index=rebuilt.index, dtype=bool)]
    return (
        pd.concat([own[columns], rebuilt[columns]], ignore_index=True)
        .sort_values(["indicator_code", "year"])
        .reset_index(drop=True)
    )
