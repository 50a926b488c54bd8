"""Nhật ký: the audit trail for administrators — who did what, when, from where — with filters and
an export. Read-only: the audit table refuses updates and deletes (store.audit)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import streamlit as st

from reports import exports
from store import audit
from ui import data, layout

con = layout.page("Nhật ký", icon="📜")
left, middle, right = st.columns([2, 3, 2])
who = left.text_input("Tài khoản", key="audit_user", placeholder="tất cả")
actions = middle.multiselect(
    "Việc",
    list(audit.ACTIONS),
    format_func=audit.ACTIONS.get,
    key="audit_actions",
    placeholder="tất cả",
)
today = date.today()
span = right.date_input(
    "Từ ngày – đến ngày",
    (today - timedelta(days=30), today),
    format="DD/MM/YYYY",
    key="audit_span",
)
since = until = None
if isinstance(span, tuple) and len(span) == 2:
    since = datetime.combine(span[0], time.min)
    until = datetime.combine(span[1], time.min) + timedelta(days=1)
rows = audit.entries(
    data.store_path(),
    username=who.strip().lower() or None,
    actions=actions,
    since=since,
    until=until,
)
HEADERS = {
    "at": "Thời gian",
    "username": "Tài khoản",
    "action": "Việc",
    "detail": "Chi tiết",
    "units": "Đơn vị",
    "periods": "Kỳ",
    "upload_id": "Lần tải",
    "count": "Số lượng",
    "address": "Địa chỉ",
}
shown = rows.assign(
    action=rows.action.map(lambda a: audit.ACTIONS.get(a, a)),
    at=rows["at"].str.replace("T", " "),
)
st.caption(f"{len(shown)} dòng, mới nhất trước (tối đa 5.000).")
st.dataframe(shown[list(HEADERS)].rename(columns=HEADERS), hide_index=True, width="stretch")
st.download_button(
    "Tải nhật ký (.csv)",
    exports.to_csv(shown, HEADERS),
    f"nhat_ky_{today:%Y%m%d}.csv",
    "text/csv",
    on_click="ignore",
)
