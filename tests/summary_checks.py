"""Served page summaries against scorecards computed live: the comparison the tests and
`python -m bench.summaries_check` (a sample of the national store) make."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import scorecard, summaries
from store import summaries as stored
from vn.periods import Period

COMPARED = [c for c in stored.COLUMNS if c not in ("year", "month_from", "month_to")] + [
    "status_label",
    "target_source_label",
    "name",
    "group_order",
]
KEYS = ["unit_id", "indicator_code"]


def same(served: pd.DataFrame, live: pd.DataFrame, where: str) -> None:
    assert len(served) == len(live), where
    a = served.sort_values(KEYS).reset_index(drop=True)
    b = live.sort_values(KEYS).reset_index(drop=True)
    for column in COMPARED:
        if column not in a or column not in b:  # compute adds it only when some row needs it
            present = a if column in a else b
            assert column not in present or present[column].isna().all(), (where, column)
            continue
        x, y = a[column], b[column]
        if pd.api.types.is_numeric_dtype(x) and column not in ("unit_id",):
            xs = pd.to_numeric(x, errors="coerce").to_numpy(dtype=float)
            ys = pd.to_numeric(y, errors="coerce").to_numpy(dtype=float)
            assert np.allclose(xs, ys, equal_nan=True, rtol=1e-12, atol=1e-9), (where, column)
        else:
            xs = [None if pd.isna(v) else v for v in x]
            ys = [None if pd.isna(v) else v for v in y]
            assert xs == ys, (where, column)


def check_all(con, sample: int | None = None, seed: int = 0) -> int:
    """Every summarised unit-period (or a random sample of them) served = computed live."""
    pairs = stored.due(con)
    if sample is not None and len(pairs) > sample:
        pairs = pairs.sample(sample, random_state=seed)
    checked = 0
    for (year, a, b), group in pairs.groupby(["year", "month_from", "month_to"]):
        period = Period(int(year), int(a), int(b))
        ids = group.unit_id.astype(int).tolist()
        got = summaries.served(con, ids, period, True, None)
        assert got is not None, period
        frame, missing = got
        assert missing == [], (period, missing)
        same(frame, scorecard.compute(con, ids, period), f"{period} {ids[:5]}")
        checked += len(ids)
    return checked


def check_whole_years(con, sample: int | None = None, seed: int = 0) -> int:
    """Every unit in force today without units under it (or a random sample of them): its yearly
    values served from the summaries = computed live, every indicator; returns the units checked."""
    from indicators import catalog, lineage, queries

    lin = lineage.lineage(con)
    units = [u for u, r in lin.units.items() if pd.isna(r.valid_to) and not lin.has_children(u)]
    if sample is not None and len(units) > sample:
        units = pd.Series(units).sample(sample, random_state=seed).tolist()
    codes = catalog.indicators(con).code.tolist()
    years = sorted({int(y) for y in queries.all_periods(con).year})
    served_any = 0
    for unit in units:
        got = summaries.served_years(con, unit, years, codes)
        assert got is not None, unit
        served_any += not got[0].empty
        a = queries.whole_years(con, unit, codes)
        b = queries._whole_years_live(con, unit, years, codes, queries.CURRENT_BOUNDARIES)
        where = f"whole years of unit {unit}"
        assert len(a) == len(b), where
        for column in ("indicator_code", "year", "kind", "derived_from"):
            xs = [None if pd.isna(v) else v for v in a[column]]
            ys = [None if pd.isna(v) else v for v in b[column]]
            assert [str(x) for x in xs] == [str(y) for y in ys], (where, column)
        assert np.allclose(
            a.value.astype(float), b.value.astype(float), rtol=1e-12, atol=1e-9, equal_nan=True
        ), where
    assert served_any or not units  # the summaries served them, not only the live fallback
    return len(units)
