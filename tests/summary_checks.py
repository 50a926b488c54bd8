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
