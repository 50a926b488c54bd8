"""Nông thôn mới: communes × criteria for a year, criteria met per commune, communes reaching the
standard against the plan, average criteria per commune, criteria most often missing, one commune's
history. The same views serve wards and the civilised-ward criteria (đô thị văn minh)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import criteria, ntm
from reports import criteria_charts as charts
from ui import criteria_pickers as pick
from ui import layout
from vn import numbers as fmt

con = layout.page("Nông thôn mới", icon="🌾")
FAMILIES = {
    "ntm": ("Xã nông thôn mới", "xã"),
    "van_minh": ("Phường đạt chuẩn đô thị văn minh", "phường"),
}
family = pick.choose(
    "Bộ tiêu chí",
    list(FAMILIES),
    {k: v[0] for k, v in FAMILIES.items()},
    "family",
    "ntm_family",
    horizontal=True,
)
noun = FAMILIES[family][1]
parents = ntm.parents_with_criteria(con, family)
if parents.empty:
    st.warning(
        f"Kho dữ liệu chưa có kết quả tiêu chí của {noun} nào. Vào **Tải dữ liệu lên** để nạp bảng tổng hợp tiêu chí."
    )
    st.stop()
st.sidebar.markdown("**Bộ lọc**")
names = dict(zip(parents.unit_id.astype(int), parents.name))
parent_id = int(pick.choose("Đơn vị", list(names), names, "unit", "ntm_unit", container=st.sidebar))
row = parents[parents.unit_id == parent_id].iloc[0]
years = list(range(int(row.last_year), int(row.first_year) - 1, -1))
year = int(pick.choose("Năm", years, {}, "year", "ntm_year", container=st.sidebar))

hist = ntm.history(con, family, parent_id)
assessed = ntm.assessment(con, year, parent_id, family)
base, _, _ = criteria.criteria_for(family, year)
if assessed.empty or base is None:
    st.info(f"Chưa có kết quả tiêu chí của các {noun} thuộc {row['name']} năm {year}.")
    st.stop()
names_by_number = ntm.criterion_names(family, year)
total = int(assessed.criteria_total.max())
st.subheader(f"{FAMILIES[family][0]} — {row['name']}, năm {year}")
st.caption(
    f"Bộ tiêu chí áp dụng: **{base.short_name}** ({base.source}). "
    f"Xét {total} tiêu chí{' (gồm tiêu chí riêng của tỉnh)' if total > len(base.criteria) else ''}."
    + (
        " Một số nội dung của bộ tiêu chí chưa được đối chiếu với văn bản gốc."
        if base.unconfirmed
        else ""
    )
)

reached = assessed.level.ne("").sum()
cols = st.columns(4)
cols[0].metric(f"Số {noun} đánh giá", fmt.number(len(assessed), 0))
cols[1].metric("Đã đạt chuẩn", f"{fmt.number(int(reached), 0)}/{fmt.number(len(assessed), 0)}")
cols[2].metric(f"Bình quân tiêu chí/{noun}", fmt.number(assessed.criteria_met.mean(), 1))
if family == "ntm":  # NQ 25/2021/QH15: no commune below 15 criteria
    cols[3].metric("Dưới 15 tiêu chí", fmt.number(int((assessed.criteria_met < 15).sum()), 0))

st.markdown(f"#### Kết quả từng tiêu chí theo {noun}")
st.altair_chart(
    charts.criteria_heatmap(charts.matrix_long(assessed, names_by_number)), width="stretch"
)

left, right = st.columns(2)
with left:
    st.markdown(f"#### Số tiêu chí đạt của từng {noun}")
    st.altair_chart(charts.criteria_met_bars(assessed), width="stretch")
with right:
    st.markdown("#### Tiêu chí chưa đạt nhiều nhất")
    missing = ntm.most_missing(assessed, names_by_number)
    if missing.empty:
        st.success(f"Tất cả {noun} đã đạt đủ các tiêu chí.")
    else:
        st.altair_chart(charts.most_missing_bars(missing.head(10)), width="stretch")

summary = ntm.yearly_summary(hist, ntm.reached_years(con, hist, family))
left, right = st.columns(2)
with left:
    st.markdown(f"#### Số {noun} đạt chuẩn qua các năm")
    plan = ntm.plan(con, parent_id) if family == "ntm" else None
    st.altair_chart(charts.reached_vs_plan(summary, plan), width="stretch")
    st.caption(
        "Cột: số đơn vị đạt chuẩn lũy kế (theo quyết định công nhận, nếu chưa có thì theo năm đạt đủ "
        "tiêu chí); vạch đen: kế hoạch."
    )
with right:
    st.markdown(f"#### Bình quân số tiêu chí đạt/{noun}")
    st.altair_chart(charts.average_criteria(summary), width="stretch")

st.markdown(f"#### Quá trình của một {noun}")
units = dict(zip(assessed.unit_id.astype(int), assessed.unit_name))
unit_id = int(pick.choose(noun.capitalize(), list(units), units, "ward", "ntm_ward"))
own = hist[hist.unit_id == unit_id]
long = []
for r in own.itertuples():
    labels = ntm.criterion_names(family, int(r.year))
    for status, numbers in (
        (charts.MET, r.met),
        (charts.NOT_MET, r.unmet),
        (charts.NO_DATA, r.missing),
    ):
        long += [
            {
                "year": int(r.year),
                "number": n,
                "status": status,  # one row per number: the chosen year's names
                "criterion": f"{n}. {names_by_number.get(n) or labels.get(n, n)}",
            }
            for n in numbers
        ]
st.altair_chart(charts.unit_history(pd.DataFrame(long)), width="stretch")
mine = assessed[assessed.unit_id == unit_id].iloc[0]
level = base.level_name(mine.level) if mine.level else "chưa đạt chuẩn"
st.markdown(
    f"**{mine.unit_name}**: {mine.criteria_met}/{mine.criteria_total} tiêu chí năm {year}; mức đạt: **{level}**"
    + (f" (năm {int(mine.year_reached)}, {mine.basis})" if not pd.isna(mine.year_reached) else "")
    + "."
)

with st.expander("Bảng kết quả"):
    table = assessed[
        [
            "unit_code",
            "unit_name",
            "criteria_met",
            "criteria_total",
            "level",
            "year_reached",
            "basis",
        ]
    ].copy()
    table["level"] = [base.level_name(v) if v else "" for v in table.level]
    table.columns = [
        "Mã",
        "Đơn vị",
        "Số tiêu chí đạt",
        "Tổng số tiêu chí",
        "Mức đạt",
        "Năm đạt chuẩn",
        "Căn cứ",
    ]
    st.dataframe(table, hide_index=True, width="stretch")
