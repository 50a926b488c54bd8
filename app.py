"""Chỉ tiêu — entry point and the overview page (Tổng quan). Run: `make run`."""

from __future__ import annotations

import streamlit as st

from indicators import scorecard
from reports import charts
from reports.unit_view import unit_view
from store import approvals
from ui import attention, cards, empty, filters, history, layout, printing
from ui.text import md

con = layout.page("Tổng quan")
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào. Vào **Tải dữ liệu lên** để nạp biểu báo cáo.")
    st.stop()

on_paper = printing.offer(sel.unit_name, sel.period.title)
st.subheader(f"{sel.unit_name} — {sel.period.title}")
pending = approvals.pending_units(con, sel.year, sel.period.month_from, sel.period.month_to)
if sel.unit_id in pending:
    st.caption(
        f":orange-badge[{approvals.LABELS[pending[sel.unit_id]]}] Số liệu kỳ này của "
        f"{sel.unit_name} chưa được duyệt"
        + (" nên không hiển thị." if st.session_state.get("approved_only") else ".")
    )
view = unit_view(con, sel)  # the unit, its plans, its wards and their scorecards, each read once
top = view.headline
without_value = top[top["value"].isna()]
top = top[top["value"].notna()]
if top.empty:
    empty.no_progress_data(con, sel.unit_id, sel.unit_name)
    st.stop()
cards.status_counts(
    scorecard.status_counts(top),
    ["exceeded", "met", "ahead", "on_track", "behind", "not_met", "no_target"],
)
children, by_unit = view.children, view.children_card
attention.render(top, by_unit, children)
cards.kpi_grid(top, view.targets)
history.notes(view.card, sel)
if not without_value.empty:
    st.caption("Chưa có số liệu kỳ này (mới có kế hoạch): " + "; ".join(without_value["name"]))
if children.empty:
    st.stop()
st.subheader("Thực hiện so với kế hoạch theo phường, xã")
by_unit = by_unit[by_unit["value"].notna()]
options = top[top["indicator_code"].isin(by_unit["indicator_code"].unique())][
    ["indicator_code", "name"]
].drop_duplicates()
if options.empty:
    st.info("Chưa có số liệu của các phường, xã cho kỳ này.")
    st.stop()
names = dict(zip(options.indicator_code, options.name))
code = st.selectbox("Chỉ tiêu", list(names), format_func=names.get, key="overview_indicator")
if on_paper:  # the picker is not printed: the chart says which indicator it shows
    st.markdown(f"**{md(names[code])}**")
rows = by_unit[by_unit["indicator_code"] == code].merge(
    children[["unit_id", "name"]].rename(columns={"name": "unit_name"}), on="unit_id"
)
measure = rows["measure_name"].iloc[0]
if on_paper:  # a chart taller than a page is cut by the printer: parts of a page each, one scale
    domain = charts.value_domain(rows)
    for part in charts.by_unit_parts(rows, printing.ROWS_PER_PAGE):
        st.altair_chart(
            charts.actual_vs_target_by_unit(part, measure, domain=domain), width="stretch"
        )
else:
    st.altair_chart(charts.actual_vs_target_by_unit(rows, measure), width="stretch")
waiting = sorted(set(rows.unit_name[rows.unit_id.isin(list(pending))]))
if waiting:
    st.caption(":orange-badge[Chờ duyệt] Số liệu chưa được duyệt: " + ", ".join(waiting))
missing = sorted(set(children.name) - set(rows.unit_name))
if missing and len(missing) < len(children):
    st.caption("Chưa có số liệu: " + ", ".join(missing))
