"""The "cần chú ý" box: indicators and wards furthest behind pace."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import scorecard
from reports import narrative
from vn import numbers as fmt


def _line(row) -> str:
    name = narrative.short_name(row.name)
    pct = fmt.percent(row.pct_of_target) if pd.notna(row.pct_of_target) else "—"
    if row.is_flow and pd.notna(row.expected_pct) and row.expected_pct < 100:
        return f"{name}: bằng {pct} kế hoạch, tiến độ cần khoảng {fmt.percent(row.expected_pct, 0)}"
    if row.is_flow:
        return f"{name}: bằng {pct} kế hoạch ({row.status_label.lower()})"
    return (
        f"{name}: {narrative.quantity(row.value, row.measure, row.measure_name)} so với kế hoạch "
        f"{narrative.quantity(row.target, row.measure, row.measure_name)} ({row.status_label.lower()})"
    )


def render(own: pd.DataFrame, by_unit: pd.DataFrame | None, children: pd.DataFrame) -> None:
    behind = scorecard.behind(own, limit=5)
    wards = pd.DataFrame()
    if by_unit is not None and not by_unit.empty:
        top = scorecard.headline(by_unit)
        wards = scorecard.behind(top, limit=200)
        if not wards.empty:
            names = dict(zip(children.unit_id, children.name))
            wards = (
                wards.assign(unit_name=wards.unit_id.map(names))
                .groupby("unit_name")
                .agg(
                    n=("indicator_code", "size"),
                    worst=("pace_ratio", "min"),
                    which=("name", lambda s: ", ".join(s.head(3))),
                )
                .sort_values(["n", "worst"], ascending=[False, True])
                .head(5)
                .reset_index()
            )
    if behind.empty and wards.empty:
        st.success("Không có chỉ tiêu nào chậm tiến độ trong kỳ này.")
        return
    with st.container(border=True):
        st.markdown("#### Cần chú ý")
        has_wards = not children.empty  # a ward has no wards to name: one column
        left, right = st.columns(2) if has_wards else (st.container(), None)
        with left:
            st.markdown("**Chỉ tiêu chậm nhất so với tiến độ**")
            st.markdown("\n".join(f"- {_line(r)}" for r in behind.itertuples()) or "Không có.")
        if right is None:
            return
        with right:
            st.markdown("**Phường, xã có nhiều chỉ tiêu chậm**")
            st.markdown(
                "\n".join(
                    f"- {r.unit_name}: {r.n} chỉ tiêu chậm ({r.which})" for r in wards.itertuples()
                )
                or "Không có."
            )
