"""Tình hình báo cáo: for a period, every unit in scope under the chosen unit with its report's
status — not submitted, returned, waiting, approved — when and by whom; the ones to chase first."""

from __future__ import annotations

import streamlit as st

from store import approvals
from ui import filters, layout

con = layout.page("Tình hình báo cáo", icon="✅")
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào trong phạm vi của tài khoản.")
    st.stop()
period = sel.period
st.subheader(f"{sel.unit_name} — {period.title}")
table = approvals.reporting_status(
    con, sel.unit_id, period.year, period.month_from, period.month_to
)
counts = table["status"].value_counts()
due = table["due"].iloc[0]
late = int(table["late"].sum())
st.markdown(
    f"Hạn nộp báo cáo kỳ này: **{due:%d/%m/%Y}**"
    + (f" — :red-badge[{late} đơn vị trễ hạn]" if late else "")
)
cols = st.columns(len(approvals.REPORTING_LABELS))
for col, (code, label) in zip(cols, approvals.REPORTING_LABELS.items()):
    col.metric(label, int(counts.get(code, 0)))


def _when(value) -> str:
    return "" if value is None or value != value else f"{value:%d/%m/%Y %H:%M}"


shown = table.assign(
    status=[
        ("Trễ hạn — " if is_late else "") + approvals.REPORTING_LABELS[code]
        for code, is_late in zip(table["status"], table["late"])
    ],
    submitted_at=table["submitted_at"].map(_when),
    decided_at=table["decided_at"].map(_when),
)[["unit_name", "status", "submitted_by", "submitted_at", "decided_by", "decided_at", "reason"]]
st.dataframe(
    shown.fillna("").rename(
        columns={
            "unit_name": "Đơn vị",
            "status": "Tình trạng",
            "submitted_by": "Người nộp",
            "submitted_at": "Lúc nộp",
            "decided_by": "Người duyệt/trả lại",
            "decided_at": "Lúc duyệt",
            "reason": "Lý do trả lại",
        }
    ),
    hide_index=True,
    width="stretch",
)
st.caption(
    "Thứ tự: trễ hạn, chưa nộp, bị trả lại, chờ duyệt, rồi đã duyệt — các đơn vị cần nhắc ở trên "
    "cùng. Đơn vị đang xem ở dòng cuối. Hạn nộp theo data/access/reporting.toml."
)
