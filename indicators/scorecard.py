"""Progress of every indicator for units and a period: the table behind KPI cards, scorecards and
ward comparisons. Combines the snapshot query with the catalog and the progress measures."""

from __future__ import annotations

from typing import Sequence

import duckdb
import pandas as pd

from indicators import catalog, progress, queries


def scorecard(
    con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int], year: int, month_from: int, month_to: int
) -> pd.DataFrame:
    """One row per unit × indicator: value, kind, target (+ source), pct_of_target,
    same_period_value, same_period_change_pct, status (code and label), catalog fields."""
    snap = queries.snapshot(con, unit_ids, year, month_from, month_to)
    cat = catalog.indicators(con)
    frame = snap.merge(cat, left_on="indicator_code", right_on="code", how="inner")
    frame["pct_of_target"] = [progress.pct_of_target(v, t) for v, t in zip(frame["value"], frame["target"])]
    frame["same_period_change_pct"] = [
        progress.same_period_change(v, p) for v, p in zip(frame["value"], frame["same_period_value"])
    ]
    frame["status"] = [
        progress.status(
            r.value,
            r.target,
            month_to=month_to if month_from == 1 else 0,
            direction=r.direction,
            flow=progress.is_flow(r.aggregation, r.value_type),
        )
        if month_from == 1
        else ("no_target" if pd.notna(r.value) else "no_data")
        for r in frame.itertuples()
    ]
    frame["status_label"] = frame["status"].map(progress.status_label)
    frame["target_source_label"] = frame["target_source"].map(catalog.target_source_label)
    return frame.sort_values(["group_order", "sort_order"]).reset_index(drop=True)


def headline(frame: pd.DataFrame) -> pd.DataFrame:
    """The indicators a leader sees first: top-level (no parent), not criteria, with a value or target."""
    keep = frame[(frame["parent_code"].isna()) & (~frame["is_criterion"]) & (frame["group_code"] != "do_thi")]
    return keep[keep["value"].notna() | keep["target"].notna()]


def status_counts(frame: pd.DataFrame) -> dict[str, int]:
    return frame["status"].value_counts().to_dict()
