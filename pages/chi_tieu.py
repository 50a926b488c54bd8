"""Chỉ tiêu: one indicator — trend with targets and the term path, wards against plan, ranking, table."""

from __future__ import annotations

import streamlit as st

from indicators import catalog, progress, queries, ranking, scorecard, terms
from reports import charts, exports
from ui import cards, filters, layout, pickers
from vn import numbers as fmt

con = layout.page("Chỉ tiêu", icon="📈")
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào. Vào **Tải dữ liệu lên** để nạp biểu báo cáo.")
    st.stop()
card = scorecard.scorecard(con, [sel.unit_id], sel.period, boundaries=sel.boundaries)
card = card[~card.is_criterion.astype(bool)]
code = pickers.indicator(card if not card.empty else catalog.indicators(con), default="gtsx_tong")
row = card[card.indicator_code == code]
meta = catalog.indicators(con).set_index("code").loc[code]
st.subheader(f"{meta['name']} — {sel.unit_name}, {sel.period.title}")
if row.empty:
    st.info("Đơn vị chưa có số liệu của chỉ tiêu này trong kỳ đã chọn.")
else:
    cards.kpi_grid(row, queries.year_targets(con, [sel.unit_id], sel.year, [code]))

st.markdown("#### Diễn biến qua các năm")
series = queries.trend_series(con, code, sel.unit_id, sel.boundaries)
values = terms.yearly_values(series)
yearly_targets = terms.yearly_plans(series)
term = terms.term_for(sel.year)
status = terms.term_status(series, meta["direction"], term) if term else None
path, goal = None, None
if status and status["target"] is not None:
    base = values[values.year == term.base_year]
    goal = (term.target_year, status["target"])
    if not base.empty:
        path = terms.required_path(
            term.base_year, float(base.value.iloc[0]), term.target_year, status["target"]
        )
if values.empty and yearly_targets.empty:
    st.info("Chưa có số liệu cả năm nào của chỉ tiêu này cho đơn vị.")
else:
    st.altair_chart(
        charts.trend_with_targets(values, yearly_targets, path, meta["measure_name"], goal),
        width="stretch",
    )
    rebuilt = values[values["derived_from"].notna()] if "derived_from" in values else values[:0]
    if not rebuilt.empty:
        years = ", ".join(str(int(y)) for y in rebuilt.year)
        st.caption(
            f"Nét đứt xanh nhạt ({years}): {charts.DERIVED_SERIES.lower()}, tính lại từ số liệu "
            f"của các đơn vị cũ trên địa bàn {sel.unit_name}; di chuột vào điểm để xem tính từ đâu."
        )
if status:
    target_text = (
        fmt.number(status["target"]) if status["target"] is not None else "chưa có mục tiêu"
    )
    st.markdown(
        f"**{term.label}** (mục tiêu: {target_text}): xu hướng **{status['label']}**"
        + (
            f" — điểm {fmt.number(status['score'], 1)} trên thang −5…5"
            if status["score"] is not None
            else ""
        )
    )

st.markdown("#### Các phường, xã so với kế hoạch")
wards = ranking.by_children(con, code, sel.unit_id, sel.period, sel.boundaries)
if wards.empty:
    st.info("Không có số liệu của các đơn vị trực thuộc cho chỉ tiêu và kỳ này.")
    st.stop()
st.altair_chart(charts.bullet_by_unit(wards, meta["measure_name"]), width="stretch")
table, headers = ranking.table_for_export(wards)
st.dataframe(ranking.display(table, headers), hide_index=True, width="stretch")
name = f"{code}_{sel.year}_{sel.period.key}"
lines = exports.title_lines(
    f"{meta['name']} theo phường, xã — {sel.unit_name}, {sel.period.title}",
    [
        f"Đơn vị tính: {meta['measure_name']}",
        f"Nguồn: Chỉ tiêu — {st.session_state.get('approval_note', '')}",
    ],
    demo=bool(st.session_state.get("demo_data")),
)
colors = {
    progress.status_label(c): progress.status_color(c) for c in progress.status_table()["status"]
}
left, middle, right = st.columns(3)
left.download_button(
    "Tải bảng (.xlsx)",
    lambda: exports.to_xlsx(table, headers, lines=lines, status_colors=colors),
    f"{name}.xlsx",  # built on click
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
)
middle.download_button(
    "CSV cho Excel (dấu ;)",
    lambda: exports.to_csv(table, headers, excel_vn=True, lines=lines),
    f"{name}_excel.csv",
    "text/csv",
    on_click="ignore",
    help="Dấu chấm phẩy giữa các cột, dấu phẩy thập phân: Excel tiếng Việt mở đúng ngay.",
)
right.download_button(
    "CSV chuẩn (dấu ,)",
    lambda: exports.to_csv(
        table, headers, lines=lines[:1] if lines[0] == exports.DEMO_LINE else []
    ),
    f"{name}.csv",
    "text/csv",
    on_click="ignore",
    help="Dấu phẩy giữa các cột, dấu chấm thập phân, không có dòng tiêu đề: cho chương trình.",
)
