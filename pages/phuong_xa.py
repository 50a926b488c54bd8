"""Phường/xã: the scorecard of one ward or commune — every assigned indicator with status colour,
% of plan and trend arrow — its figures over the years (on today's boundaries, rebuilt ones
marked) and where it came from."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import lineage, progress, queries, scorecard
from reports import kpi
from ui import cards, filters, history, layout, pickers, printing
from ui import lineage as lineage_view
from vn import numbers as fmt

YEARS_SHOWN = 6  # the table's years (the Chỉ tiêu page draws the whole trend)
REBUILT = " *"  # a figure rebuilt on today's boundaries (the page's notes say from what)

con = layout.page("Phường/xã", icon="🏘️")
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào. Vào **Tải dữ liệu lên** để nạp biểu báo cáo.")
    st.stop()
kids = queries.child_units(con, sel.unit_id, sel.period)  # those in force at the period's end
lin = lineage.lineage(con)
options = (
    kids.assign(name=[lin.label(u) for u in kids.unit_id])
    if not kids.empty
    else pd.DataFrame({"unit_id": [sel.unit_id], "name": [sel.unit_name]})
)
reporting = queries.units_with_values(con, options.unit_id.tolist(), sel.period)
ward_id = pickers.ward(options, default=next((u for u in options.unit_id if u in reporting), None))
ward_name = dict(zip(options.unit_id.astype(int), options.name))[ward_id]
on_paper = printing.offer(ward_name, sel.period.title)
st.subheader(f"{ward_name} — {sel.period.title}")
full = scorecard.scorecard(con, [ward_id], sel.period, boundaries=sel.boundaries)
card = full[~full.is_criterion.astype(bool) & (full.value.notna() | full.target.notna())]
if card.empty:
    st.info("Đơn vị chưa có số liệu nào cho kỳ này. Chọn kỳ khác ở thanh bên.")
    history.notes(full, sel)
    lineage_view.section(con, ward_id)
    st.stop()
# counted as Tổng quan counts them: the headline indicators with a value (no sector breakdown, no
# denominator such as Dân số trung bình, which has no plan of its own)
counted = scorecard.headline(card)
cards.status_counts(
    scorecard.status_counts(counted[counted.value.notna()]),
    ["exceeded", "met", "ahead", "on_track", "behind", "not_met", "no_target", "no_data"],
)


def arrow(row) -> str:
    change, points = progress.change_on_same_period(row.value, row.same_period_value, row.measure)
    if change is None or pd.isna(change):
        return ""
    good = (change > 0) == (row.direction == "higher")
    symbol = "▲" if change > 0 else ("▼" if change < 0 else "=")
    unit = " điểm %" if points else "%"
    text = f"{symbol} {fmt.number(abs(change))}{unit}" + (
        "" if change == 0 else (" (tốt)" if good else " (xấu)")
    )
    return text + (REBUILT if _rebuilt(row.same_period_derived_from) else "")


def _rebuilt(text) -> bool:
    return isinstance(text, str) and bool(text)


def _with_unit(value, measure: str, unit: str, rebuilt: bool) -> str:
    """ "1.026,71 Tỷ đồng": the figure and its unit in one cell (a column fewer to scroll past)."""
    if pd.isna(value):
        return "—"
    text = fmt.number(value, fmt.decimals_for(measure))
    return f"{text}{'' if unit == '%' else ' '}{unit}" + (REBUILT if rebuilt else "")


# a ratio's numerator or denominator (Dân số trung bình, Tổng số hộ) has no plan of its own: not
# "Chưa có kế hoạch", which reads as a plan missing
COMPONENT = "Dùng tính tỷ lệ"
parts = scorecard.components(full)

# the comparisons before the plan itself: at 1280 px with the sidebar open, Chỉ tiêu → So cùng kỳ
# fit without scrolling sideways
table = pd.DataFrame(
    {
        "Chỉ tiêu": card.name,
        "Tình trạng": [
            COMPONENT if code in parts and pd.isna(t) else label
            for code, t, label in zip(card.indicator_code, card.target, card.status_label)
        ],
        "Thực hiện": [
            _with_unit(v, m, u, _rebuilt(d))
            for v, m, u, d in zip(card.value, card.measure, card.measure_name, card.derived_from)
        ],
        "So kế hoạch": [
            (progress.plan_text(*progress.against_plan(v, t, m, d)) or "—").replace(
                " điểm phần trăm", " điểm %"
            )
            for v, t, m, d in zip(card.value, card.target, card.measure, card.direction)
        ],
        "So cùng kỳ": [arrow(r) for r in card.itertuples()],
        "Kế hoạch năm": [
            _with_unit(v, m, u, _rebuilt(d))
            for v, m, u, d in zip(
                card.target, card.measure, card.measure_name, card.target_derived_from
            )
        ],
        "Tiến độ cần đạt": [kpi.pace_text(r) for _, r in card.iterrows()],
        "Lĩnh vực": card.group_name,
    }
)
colors = dict(zip(card.status_label, card.status.map(progress.status_color)))
colors[COMPONENT] = "#9e9e9e"
styled = table.style.map(
    lambda v: (
        f"background-color:{colors.get(v, '')};color:white;font-weight:600" if v in colors else ""
    ),
    subset=["Tình trạng"],
)
if on_paper:  # every row on paper (the interactive table draws only the rows in view)
    st.table(styled.hide(axis="index"))
else:
    st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        height=min(900, 35 * (len(table) + 1) + 3),  # the rows it has: no blank rows below
        column_config={
            "Chỉ tiêu": st.column_config.TextColumn(width=240, pinned=True),
            "Tình trạng": st.column_config.TextColumn(width=128),  # "Chưa có kế hoạch" whole
            "Thực hiện": st.column_config.TextColumn(width=130),
            "So kế hoạch": st.column_config.TextColumn(width=140),
            "So cùng kỳ": st.column_config.TextColumn(width=150),
            "Lĩnh vực": st.column_config.TextColumn(width="small"),
        },
    )
history.notes(full, sel)
marked = ("derived_from", "same_period_derived_from", "target_derived_from")
if any(card[column].map(_rebuilt).any() for column in marked):
    st.caption(f"Dấu{REBUILT}: số liệu tính theo địa giới hiện nay, không phải số đơn vị báo cáo.")
with st.expander("Thẻ chỉ tiêu"):
    cards.kpi_grid(card[card.value.notna()])


def years_table() -> None:
    """The headline indicators' whole-year figures over the years, rebuilt ones marked."""
    top = scorecard.headline(card)
    codes = top.indicator_code.tolist()
    years = queries.whole_years(con, ward_id, codes, sel.boundaries)
    if years.empty:
        return
    years = years[(years.year <= sel.year) & (years.year > sel.year - YEARS_SHOWN)]
    names = dict(zip(top.indicator_code, top.name))
    decimals = dict(zip(top.indicator_code, top.measure.map(fmt.decimals_for)))
    years["text"] = [
        fmt.number(v, decimals.get(c)) + (REBUILT if _rebuilt(d) else "")
        for v, c, d in zip(years.value, years.indicator_code, years.derived_from)
    ]
    wide = years.pivot_table(
        index="indicator_code", columns="year", values="text", aggfunc="first"
    ).reindex([c for c in codes if c in set(years.indicator_code)])
    wide.index = [names[c] for c in wide.index]
    wide = wide[sorted(wide.columns, reverse=True)]  # the latest year first (a phone shows 2–3)
    wide.columns = [str(int(y)) for y in wide.columns]
    st.markdown(f"#### Số liệu cả năm {YEARS_SHOWN} năm gần nhất")
    if on_paper:
        st.table(wide.fillna(""))
    else:
        st.dataframe(wide.fillna(""), width="stretch")
    if years.derived_from.map(_rebuilt).any():
        first = lin.units[ward_id].valid_from
        st.caption(
            f"Dấu{REBUILT}: năm {ward_name} chưa thành lập hoặc chưa đủ năm (thành lập "
            f"{pd.Timestamp(first).strftime('%d/%m/%Y')}), tính lại từ các đơn vị cũ trên địa bàn; "
            "đổi «Số liệu trước sáp nhập» ở thanh bên để chỉ xem số đơn vị tự báo cáo."
        )


years_table()
lineage_view.section(con, ward_id)
