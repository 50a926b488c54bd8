"""Đô thị loại II: total points against the pass mark (75) and each criterion against its minimum and
maximum; standards short of their minimum, sorted by points at stake; history across years."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import urban
from reports import criteria_charts as charts
from ui import criteria_pickers as pick
from ui import layout
from vn import numbers as fmt

con = layout.page("Đô thị loại II", icon="🏙️")
cities = urban.urban_units(con)
if cities.empty:
    st.warning(
        "Kho dữ liệu chưa có bảng đánh giá tiêu chí phân loại đô thị nào. Vào **Tải dữ liệu lên** để nạp "
        "bảng tổng hợp đánh giá (Mức quy định, Hiện trạng, Thang điểm)."
    )
    st.stop()
st.sidebar.markdown("**Bộ lọc**")
names = dict(zip(cities.unit_id.astype(int), cities.name))
unit_id = int(pick.choose("Đô thị", list(names), names, "unit", "urban_unit", container=st.sidebar))
years = sorted(urban.assessed_years(con, unit_id), reverse=True)
if not years:
    st.info("Đơn vị chưa có số liệu đánh giá tiêu chí đô thị.")
    st.stop()
year = int(pick.choose("Năm", years, {}, "year", "urban_year", container=st.sidebar))
result = urban.assessment(con, unit_id, year)
framework = result["framework"]
st.subheader(f"{names[unit_id]} — đánh giá tiêu chí đô thị loại II năm {year}")
if framework is None or (not framework.standards and result["criteria"].points.isna().all()):
    st.info(
        f"Chưa có thang điểm phân loại đô thị áp dụng cho năm {year} trong dữ liệu "
        "(NQ 111/2025/UBTVQH15 chưa được nhập tiêu chí và điểm)."
    )
    st.stop()
st.caption(
    f"Thang điểm: **{framework.short_name}** — {framework.source}. Căn cứ chấm: {result['basis']}."
)
if framework.unconfirmed:
    st.caption(
        "⚠️ Một số mức quy định hoặc điểm của thang điểm này chưa được đối chiếu với văn bản gốc; "
        "cần kiểm tra trước khi dùng cho hồ sơ chính thức."
    )

crit = result["criteria"]
cols = st.columns(4)
total_text = fmt.number(result["total"], 2) if result["complete"] else "chưa đủ số liệu"
cols[0].metric("Tổng điểm", total_text)
cols[1].metric("Điểm chuẩn", fmt.number(framework.pass_points, 0))
verdict = {True: "Đạt", False: "Chưa đạt", None: "—"}[result["passed"]]
cols[2].metric("Kết quả", verdict)
cols[3].metric("Tiêu chí dưới mức tối thiểu", fmt.number(int(crit.below_minimum.sum()), 0))
if result["complete"]:
    st.altair_chart(charts.urban_total(result["total"], framework.pass_points), width="stretch")
if (crit.source == "công bố").any():
    st.caption(
        "Điểm các tiêu chí ghi «công bố» lấy theo số liệu đã công bố/nhập, không tính lại từ các tiêu chuẩn."
    )

st.markdown("#### Điểm từng tiêu chí so với mức tối thiểu và tối đa")
st.altair_chart(charts.urban_criteria(crit), width="stretch")

st.markdown("#### Tiêu chuẩn chưa đạt mức tối thiểu")
scored = result["standards"]
short = urban.short_of_minimum(scored) if not scored.empty else scored
if short.empty:
    st.success("Tất cả các tiêu chuẩn có số liệu đều đạt từ mức tối thiểu trở lên.")
else:
    table = pd.DataFrame(
        {
            "Tiêu chuẩn": [f"{n}. {name}" for n, name in zip(short.number, short.name)],
            "Hiện trạng": [fmt.number(v) for v in short.value],
            "Mức tối thiểu": [fmt.number(v) for v in short.min_level],
            "Còn thiếu": [fmt.number(v) for v in short.gap],
            "Chiều": [
                "càng thấp càng tốt" if d == "lower" else "càng cao càng tốt"
                for d in short.direction
            ],
            "Điểm được nếu đạt tối thiểu": [fmt.number(v) for v in short.points_at_stake],
            "Điểm tối đa": [fmt.number(v) for v in short.max_points],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")

with st.expander("Bảng chấm điểm các tiêu chuẩn"):
    if scored.empty:
        st.info("Không có số liệu tiêu chuẩn.")
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    "STT": scored.number,
                    "Tiêu chuẩn": scored.name,
                    "Tối thiểu": [fmt.number(v) for v in scored.min_level],
                    "Tối đa": [fmt.number(v) for v in scored.max_level],
                    "Hiện trạng": [fmt.number(v) for v in scored.value],
                    "Điểm tối thiểu": [fmt.number(v) for v in scored.min_points],
                    "Điểm tối đa": [fmt.number(v) for v in scored.max_points],
                    "Điểm đạt": [fmt.number(v, 4) for v in scored.points],
                }
            ),
            hide_index=True,
            width="stretch",
        )

st.markdown("#### Điểm qua các năm")
hist = urban.history(con, unit_id)
if hist.empty:
    st.info("Chưa có đánh giá của các năm khác.")
else:
    st.altair_chart(charts.urban_history(hist, framework.pass_points), width="stretch")
