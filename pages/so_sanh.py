"""So sánh: wards × indicators heatmap coloured by % of plan or status; clicking a ward opens its
scorecard (Phường/xã)."""

from __future__ import annotations

import streamlit as st

from indicators import queries, scorecard
from reports import charts
from ui import filters, layout

HEADLINE, EVERY = "_chinh", "_tat_ca"  # the picker's own choices beside the catalog's groups

con = layout.page("So sánh", icon="🗺️")
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào. Vào **Tải dữ liệu lên** để nạp biểu báo cáo.")
    st.stop()
kids = queries.child_units(con, sel.unit_id, sel.period)
if kids.empty:
    st.info(
        f"{sel.unit_name} không có phường, xã trực thuộc để so sánh. Chọn thành phố hoặc huyện ở thanh bên."
    )
    st.stop()
st.subheader(f"Các phường, xã của {sel.unit_name} — {sel.period.title}")
frame = scorecard.scorecard(
    con, kids.unit_id.tolist(), sel.period, aggregate_children=False, boundaries=sel.boundaries
)
frame = frame[~frame.is_criterion.astype(bool) & frame.pct_of_target.notna()]
if frame.empty:
    st.info("Chưa có số liệu kèm kế hoạch của các phường, xã trong kỳ này.")
    st.stop()
# a province's communes × every indicator is ~13,000 cells: the headline indicators first (as on
# Tổng quan), one group or all of them on demand
headline = scorecard.headline(frame)
groups = (
    frame[["group_code", "group_name", "group_order"]].drop_duplicates().sort_values("group_order")
)
choices = {HEADLINE: "Chỉ tiêu chính"} if not headline.empty else {}
choices |= dict(zip(groups.group_code, groups.group_name)) | {EVERY: "Tất cả chỉ tiêu"}
left, right = st.columns(2)
with left:
    shown = st.selectbox(
        "Nhóm chỉ tiêu", list(choices), format_func=choices.get, key="compare_group"
    )
if shown == HEADLINE:
    frame = headline
elif shown != EVERY:
    frame = frame[frame.group_code == shown]
frame = frame.merge(kids[["unit_id", "name"]].rename(columns={"name": "unit_name"}), on="unit_id")
frame["short_name"] = frame["name"].str.replace(r"\s*\(.*\)$", "", regex=True)
with right:
    mode = st.radio(
        "Tô màu theo",
        ["pct", "status"],
        horizontal=True,
        format_func={"pct": "% kế hoạch", "status": "Tình trạng"}.get,
        key="compare_mode",
    )
event = st.altair_chart(
    charts.heatmap(frame, mode),
    width="content",  # its own width (30 px a ward): wider than a phone, it scrolls sideways
    on_select="rerun",
    selection_mode="ward",
    key="compare_heatmap",
)
st.caption("Bấm vào một ô để mở thẻ điểm của phường, xã đó.")
picked = (
    (event or {}).get("selection", {}).get("ward")
    if isinstance(event, dict) or hasattr(event, "get")
    else None
)
# one picker, not a link per ward: a province's 166 links were most of the page's elements, and
# the browser drew them before the chart
reporting = kids[kids.unit_id.isin(frame.unit_id)]
names = dict(zip(reporting.unit_id.astype(int), reporting.name))
ward = st.selectbox(
    "Mở thẻ điểm của phường, xã",
    list(names),
    index=None,
    format_func=names.get,
    placeholder="Chọn hoặc gõ tên…",
    key="compare_open_ward",
)
chosen = int(picked[0]["unit_id"]) if picked else ward  # a cell clicked, or a name picked
if chosen is not None:
    st.switch_page(
        "pages/phuong_xa.py", query_params=filters.link_params(sel, ward=str(int(chosen)))
    )
