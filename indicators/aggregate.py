"""Aggregation up the unit hierarchy by the catalog rule. Sums add; ratios are recomputed from
numerator and denominator, never averaged; `none` is not aggregated. Missing stays missing: a parent
value is given only when every child reported (otherwise the partial figure and coverage are kept
apart, for display as "11/15 đơn vị báo cáo")."""

from __future__ import annotations

import numpy as np
import pandas as pd


def aggregate(children: pd.DataFrame, catalog: pd.DataFrame, n_children: int) -> pd.DataFrame:
    """`children`: rows indicator_code, unit_id, value for the children of one parent and one period.
    Returns one row per aggregable indicator: value (NaN unless complete), partial_value,
    n_reporting, n_children, complete."""
    cat = catalog.set_index("code")
    values = children.pivot_table(
        index="unit_id", columns="indicator_code", values="value", aggfunc="first"
    )
    rows = []
    for code, meta in cat.iterrows():
        rule = meta["aggregation"]
        if rule == "sum" and code in values:
            col = values[code].dropna()
            partial = float(col.sum()) if len(col) else np.nan
            n = len(col)
        elif rule == "ratio" and meta["numerator"] in values and meta["denominator"] in values:
            both = values[[meta["numerator"], meta["denominator"]]].dropna()
            den = float(both[meta["denominator"]].sum())
            partial = (
                float(both[meta["numerator"]].sum()) / den * 100.0 if len(both) and den else np.nan
            )
            n = len(both)
        else:
            continue
        complete = n == n_children and n > 0
        rows.append(
            {
                "indicator_code": code,
                "value": partial if complete else np.nan,
                "partial_value": partial,
                "n_reporting": n,
                "n_children": n_children,
                "complete": complete,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "indicator_code",
            "value",
            "partial_value",
            "n_reporting",
            "n_children",
            "complete",
        ],
    )
