"""Progress of every indicator for units and a period: the table behind KPI cards, scorecards,
ward comparisons and `python -m indicators progress`. Combines the snapshot query with the catalog,
aggregation from children, the unit's own pace history and the progress measures."""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from indicators import aggregate, catalog, pace, progress, queries, summaries
from store import Connection, cached, data_version
from vn.periods import Period


def _fill_from_children(
    con,
    frame: pd.DataFrame,
    unit_ids: Sequence[int],
    period: Period,
    cat: pd.DataFrame,
    boundaries: str,
    every_indicator: bool,
) -> pd.DataFrame:
    """Where a parent unit has no stored value, use its children's aggregate (complete only)."""
    extra = []
    # one query for the children of all units (a scorecard of a province's communes asks for ~100 units)
    all_kids = queries.children_of(con, unit_ids, period)
    # only sum and ratio indicators aggregate: a parent holding its own value for each needs no children
    aggregable = set(cat.loc[cat["aggregation"].isin(["sum", "ratio"]), "code"])
    parents = set(all_kids["parent_id"].tolist())
    # `frame` is the snapshot of every unit asked for, all indicators: a parent asked for with its
    # children (the page summaries compute whole provinces) aggregates their rows, not a new query
    asked, asked_whole = {int(u) for u in unit_ids}, every_indicator
    for unit_id in unit_ids:
        if int(unit_id) not in parents:  # most units asked for (communes) have no children
            continue
        kids = all_kids[all_kids["parent_id"] == int(unit_id)]
        have = set(
            frame.loc[(frame["unit_id"] == unit_id) & frame["value"].notna(), "indicator_code"]
        )
        if aggregable <= have:
            continue
        kid_ids = kids.unit_id.tolist()
        if asked_whole and set(kid_ids) <= asked:  # the children are in this scorecard already
            snap = frame[frame["unit_id"].isin(kid_ids)]
        else:
            snap = queries.snapshot(con, kid_ids, period, boundaries=boundaries)
        if snap.empty or snap["value"].isna().all():
            continue
        reporting = snap[snap["value"].notna()]
        n_children = reporting["unit_id"].nunique()  # children existing in this period
        agg = aggregate.aggregate(
            reporting[["indicator_code", "unit_id", "value"]], cat, n_children
        )
        agg = agg[~agg["indicator_code"].isin(have) & agg["complete"]]
        if not agg.empty:
            extra.append(
                agg.assign(unit_id=int(unit_id), kind="aggregate")[
                    ["unit_id", "indicator_code", "value", "kind"]
                ]
            )
    if not extra:
        return frame
    add = pd.concat(extra)
    merged = frame.merge(add, on=["unit_id", "indicator_code"], how="outer", suffixes=("", "_agg"))
    take = merged["value"].isna() & merged["value_agg"].notna()
    merged.loc[take, "value"] = merged.loc[take, "value_agg"]
    merged.loc[take, "kind"] = merged.loc[take, "kind_agg"]
    return merged.drop(columns=["value_agg", "kind_agg"])


def _percent_of(values: pd.Series, bases: pd.Series, minus: float = 0.0) -> list | np.ndarray:
    """value / base × 100 (− `minus`) per row, missing where either is missing or the base is 0: the
    same numbers as progress.pct_of_target / same_period_change row by row (a column of None when
    no row has both, as those give)."""
    v = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    b = pd.to_numeric(bases, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    ok = ~np.isnan(v) & ~np.isnan(b) & (b != 0)
    if not ok.any():
        return [None] * len(v)
    out = np.full(len(v), np.nan)
    out[ok] = v[ok] / b[ok] * 100.0 - minus if minus else v[ok] / b[ok] * 100.0
    return out


def scorecard(
    con: Connection,
    unit_ids: Sequence[int],
    period: Period,
    *,
    aggregate_children: bool = True,
    use_history: bool = True,
    indicator_codes: Sequence[str] | None = None,
    boundaries: str = queries.CURRENT_BOUNDARIES,
) -> pd.DataFrame:
    """See `compute`. Served from a per-connection cache while the store's data do not change (any
    upload, rollback or reference resync changes `store.data_version`): leaders reopening the same
    period and unit at a briefing do not recompute it."""
    key = (
        "scorecard",
        tuple(int(u) for u in unit_ids),
        period,
        bool(aggregate_children),
        bool(use_history),
        tuple(indicator_codes) if indicator_codes is not None else None,
        boundaries,
    )
    return cached(
        con,
        repr(key),
        data_version(con),
        lambda: _summarised(
            con,
            unit_ids,
            period,
            aggregate_children=aggregate_children,
            use_history=use_history,
            indicator_codes=indicator_codes,
            boundaries=boundaries,
        ),
    )


def _summarised(
    con: Connection,
    unit_ids: Sequence[int],
    period: Period,
    *,
    aggregate_children: bool,
    use_history: bool,
    indicator_codes: Sequence[str] | None,
    boundaries: str,
) -> pd.DataFrame:
    """`compute`'s rows, read from the stored page summaries (indicators.summaries) where they
    serve; the units they do not cover are computed live."""
    got = None
    if use_history and boundaries == queries.CURRENT_BOUNDARIES:
        got = summaries.served(con, unit_ids, period, aggregate_children, indicator_codes)
    frame, missing = got if got is not None else (None, list(unit_ids))
    if frame is not None and not missing:
        return frame  # in the catalog's order already
    live = compute(
        con,
        missing,
        period,
        aggregate_children=aggregate_children,
        use_history=use_history,
        indicator_codes=indicator_codes,
        boundaries=boundaries,
    )
    if frame is None or frame.empty:
        return live
    frame = pd.concat([frame, live], ignore_index=True)
    return frame.sort_values(["group_order", "sort_order"]).reset_index(drop=True)


def compute(
    con: Connection,
    unit_ids: Sequence[int],
    period: Period,
    *,
    aggregate_children: bool = True,
    use_history: bool = True,
    indicator_codes: Sequence[str] | None = None,
    boundaries: str = queries.CURRENT_BOUNDARIES,
) -> pd.DataFrame:
    """One row per unit × indicator: value, kind, target (+ source), pct_of_target, same_period_value,
    same_period_change_pct, expected_pct (pace), status (code and label), projection, catalog fields.
    `indicator_codes`: only these indicators' rows (the same rows as the full scorecard has for them;
    children's aggregates still count every indicator a child reported)."""
    cat = catalog.indicators(con)
    if indicator_codes is not None:
        cat = cat[cat["code"].isin(list(indicator_codes))].reset_index(drop=True)
    month_from, month_to = period.months
    snap = queries.snapshot(con, unit_ids, period, indicator_codes, boundaries)
    if aggregate_children:
        snap = _fill_from_children(
            con, snap, unit_ids, period, cat, boundaries, indicator_codes is None
        )
    frame = snap.merge(cat, left_on="indicator_code", right_on="code", how="inner")
    in_year = month_from == 1 and month_to < 12
    if use_history and in_year and not frame.empty:
        hist = pace.typical_shares_in_store(con, unit_ids, month_to, period.year, indicator_codes)
        frame = frame.merge(hist, on=["indicator_code", "unit_id"], how="left")
    else:
        for col in ("typical_share", "share_low", "share_high", "n_years"):
            frame[col] = np.nan
    frame["pct_of_target"] = _percent_of(
        frame["value"], frame["target"]
    )  # progress.pct_of_target, vectorised
    frame["same_period_change_pct"] = _percent_of(
        frame["value"], frame["same_period_value"], minus=100.0
    )
    changes = [
        progress.change_on_same_period(v, p, m)
        for v, p, m in zip(frame["value"], frame["same_period_value"], frame["measure"])
    ]
    frame["same_period_change"] = [c for c, _ in changes]  # points for rates in %, else %
    frame["same_period_change_in_points"] = [p for _, p in changes]
    frame["attainment_pct"] = [  # % of plan read in the indicator's direction (colours, ranks)
        progress.attainment_pct(v, t, d)
        for v, t, d in zip(frame["value"], frame["target"], frame["direction"])
    ]
    flows = [
        progress.is_flow(a, t)
        for a, t in zip(frame["aggregation"].tolist(), frame["value_type"].tolist())
    ]
    frame["is_flow"] = flows
    frame["expected_pct"] = [
        progress.expected_share(month_to, s) * 100 if (f and month_from == 1) else np.nan
        for f, s in zip(flows, frame["typical_share"])
    ]
    frame["pace_basis"] = np.where(
        ~frame["is_flow"], "level", np.where(frame["typical_share"].notna(), "history", "linear")
    )
    # zip over the few columns used, not itertuples over all ~45 (thousands of rows for a province's communes)
    value, target, direction = (
        frame["value"].tolist(),
        frame["target"].tolist(),
        frame["direction"].tolist(),
    )
    typical, low, high = (
        frame["typical_share"].tolist(),
        frame["share_low"].tolist(),
        frame["share_high"].tolist(),
    )
    if month_from == 1:
        frame["status"] = progress.statuses(
            value,
            target,
            month_to=month_to,
            directions=direction,
            flows=flows,
            typical_shares=typical,
        )
    else:
        frame["status"] = np.where(frame["value"].notna(), "no_target", "no_data")
    proj = [
        pace.projection(v, month_to, s, lo, hi) if (f and in_year) else None
        for v, f, s, lo, hi in zip(value, flows, typical, low, high)
    ]
    frame["projection"] = [p[0] if p else np.nan for p in proj]
    frame["projection_low"] = [p[1] if p else np.nan for p in proj]
    frame["projection_high"] = [p[2] if p else np.nan for p in proj]
    frame["status_label"] = progress.status_labels(frame["status"])
    frame["target_source_label"] = catalog.target_source_labels(frame["target_source"])
    return frame.sort_values(["group_order", "sort_order"]).reset_index(drop=True)


def components(frame: pd.DataFrame) -> set[str]:
    """Indicators that exist as numerator or denominator of a ratio (population, households…)."""
    return set(frame["numerator"].dropna()) | set(frame["denominator"].dropna())


def headline_codes(cat: pd.DataFrame) -> list[str]:
    """The catalog's indicators a `headline` can keep (top-level, not criteria, not urban), with
    the ratios whose numerator or denominator they are (their presence is what leaves a component
    out): `headline` of a scorecard of these codes is `headline` of the whole scorecard. A ward
    list's scorecard needs no more (a province's communes: 46 of 126 indicators' rows)."""
    top = cat[
        cat["parent_code"].isna()
        & ~cat["is_criterion"].astype(bool)
        & (cat["group_code"] != "do_thi")
    ]
    codes = set(top["code"])
    ratios = cat[cat["numerator"].isin(codes) | cat["denominator"].isin(codes)]
    codes |= set(ratios["code"])
    return [c for c in cat["code"] if c in codes]


def headline(frame: pd.DataFrame) -> pd.DataFrame:
    """The indicators a leader sees first: top-level (no parent), not criteria, not a ratio's
    numerator/denominator, with a value or target."""
    keep = frame[
        (frame["parent_code"].isna())
        & (~frame["is_criterion"].astype(bool))
        & (frame["group_code"] != "do_thi")
        & ~frame["indicator_code"].isin(components(frame))
    ]
    return keep[keep["value"].notna() | keep["target"].notna()]


def status_counts(frame: pd.DataFrame) -> dict[str, int]:
    return frame["status"].value_counts().to_dict()


def behind(frame: pd.DataFrame, limit: int = 8) -> pd.DataFrame:
    """Rows furthest behind: lowest ratio of % of plan to the pace expected by now (levels: to target)."""
    data = frame[frame["status"].isin(["behind", "not_met"])].copy()
    if data.empty:
        return data

    def gap(direction, value, target, is_flow, expected, pct):
        if direction == "lower":
            return target / value if value else np.nan
        if is_flow and pd.notna(expected) and expected:
            return pct / expected
        return value / target if target else np.nan

    # zip over the six columns used, not itertuples over ~55 (a province's communes: ~10k rows)
    used = ["direction", "value", "target", "is_flow", "expected_pct", "pct_of_target"]
    data["pace_ratio"] = [gap(*r) for r in zip(*(data[c].tolist() for c in used))]
    return data.sort_values("pace_ratio").head(limit)
