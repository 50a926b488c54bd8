"""Phường/xã: the scorecard of one ward or commune — every assigned indicator with status colour,
% of plan and trend arrow."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import progress, queries, scorecard
from ui import cards, filters, layout, pickers
from vn import numbers as fmt

con = layout.page("Phường/xã", icon="🏘️")
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào. Vào **Tải dữ liệu lên** để nạp biểu báo cáo.")
    st.stop()
kids = queries.child_units(con, sel.unit_id)
options = (
    kids if not kids.empty else pd.DataFrame({"unit_id": [sel.unit_id], "name": [sel.unit_name]})
)
ward_id = pickers.ward(options)
ward_name = dict(zip(options.unit_id.astype(int), options.name))[ward_id]
st.subheader(f"{ward_name} — {sel.period.title}")
card = scorecard.scorecard(con, [ward_id], sel.period)
card = card[~card.is_criterion.astype(bool) & (card.value.notna() | card.target.notna())]
if card.empty:
    st.info("Đơn vị chưa có số liệu nào cho kỳ này. Chọn kỳ khác ở thanh bên.")
    st.stop()
cards.status_counts(
    scorecard.status_counts(card),
    ["exceeded", "met", "ahead", "on_track", "behind", "not_met", "no_target", "no_data"],
)


def arrow(row) -> str:
    change = row.same_period_change_pct
    if pd.isna(change):
        return ""
    good = (change > 0) == (row.direction == "higher")
    symbol = "▲" if change > 0 else ("▼" if change < 0 else "=")
    return f"{symbol} {fmt.number(abs(change))}%" + (
        "" if change == 0 else (" (tốt)" if good else " (xấu)")
    )


table = pd.DataFrame(
    {
        "Chỉ tiêu": card.name,
        "Tình trạng": card.status_label,
        "Thực hiện": [fmt.number(v, fmt.decimals_for(m)) for v, m in zip(card.value, card.measure)],
        "Đơn vị tính": card.measure_name,
        "Kế hoạch năm": [
            fmt.number(v, fmt.decimals_for(m)) for v, m in zip(card.target, card.measure)
        ],
        "% kế hoạch": card.pct_of_target.map(fmt.percent),
        "So cùng kỳ": [arrow(r) for r in card.itertuples()],
        "Lĩnh vực": card.group_name,
    }
)
colors = dict(zip(card.status_label, card.status.map(progress.status_color)))
styled = table.style.map(
    lambda v: (
        f"background-color:{colors.get(v, '')};color:white;font-weight:600" if v in colors else ""
    ),
    subset=["Tình trạng"],
)
st.dataframe(styled, hide_index=True, width="stretch", height=min(900, 38 * len(table) + 40))
with st.expander("Thẻ chỉ tiêu"):
    cards.kpi_grid(card[card.value.notna()])
