"""A unit's yearly values from its series: per whole year its first actual, else its first estimate
— never a period shorter than a year, a plan or a term target — in year order, whatever order and
mix the series' rows arrive in (property test against the rule written as pandas operations)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from indicators import terms

ROW = st.tuples(
    st.integers(2016, 2026),
    st.sampled_from([(1, 12), (1, 12), (1, 6), (1, 9), (7, 12)]),
    st.sampled_from(["actual", "estimate", "target"]),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.sampled_from([None, "Xã Cũ (2016–2025)"]),
)


def _frame(rows, derived: bool) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "year": np.array([r[0] for r in rows], dtype="int16"),
            "month_from": np.array([r[1][0] for r in rows], dtype="int8"),
            "month_to": np.array([r[1][1] for r in rows], dtype="int8"),
            "kind": pd.array([r[2] for r in rows], dtype="str"),
            "target_source": [None] * len(rows),
            "value": np.array([r[3] for r in rows], dtype=float),
        }
    )
    if derived:
        frame["derived_from"] = pd.Series([r[4] for r in rows], dtype=object)
    return frame


def _by_the_rule(series: pd.DataFrame) -> pd.DataFrame:
    whole = series[(series.month_from == 1) & (series.month_to == 12)]
    keep = ["year", "value", "kind", *(["derived_from"] if "derived_from" in series else [])]
    chosen = (
        whole[whole.kind.isin(["actual", "estimate"])]
        .assign(rank=lambda d: d.kind.map({"actual": 0, "estimate": 1}))
        .sort_values(["year", "rank"], kind="stable")
        .drop_duplicates("year")
    )
    return chosen[keep].reset_index(drop=True)


@given(st.lists(ROW, max_size=30), st.booleans())
def test_a_years_value_is_its_first_actual_else_its_first_estimate(rows, derived):
    series = _frame(rows, derived)
    got = terms.yearly_values(series)
    pd.testing.assert_frame_equal(got, _by_the_rule(series))
    assert got.year.is_monotonic_increasing and got.year.is_unique


def test_an_estimate_gives_way_to_the_actual_whatever_comes_first():
    series = _frame(
        [
            (2024, (1, 12), "estimate", 10.0, None),
            (2024, (1, 9), "actual", 7.0, None),
            (2024, (1, 12), "actual", 11.0, None),
            (2023, (1, 12), "estimate", 9.0, None),
            (2023, (1, 12), "target", 99.0, None),
        ],
        derived=False,
    )
    got = terms.yearly_values(series)
    assert got.year.tolist() == [2023, 2024]
    assert got.value.tolist() == [9.0, 11.0]
    assert got.kind.tolist() == ["estimate", "actual"]
