"""Duyệt số liệu: submissions of the units below the leader's own, waiting for approval, with what
each changed; approve (locks the values) or return with a reason; approved ones can be unlocked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.parse import KIND_LABELS
from store import approvals, audit
from ui import auth, data, errors, layout
from ui.text import md
from vn.numbers import number
from vn.periods import period_label

con = layout.page("Duyệt số liệu", icon="✔️")
user = auth.user()
full = data.connection()
allowed = approvals.approver_units(full, list(user.units), user.role == "quan_tri")
KEY = ["unit_id", "year", "month_from", "month_to"]
DECISION = [*KEY, "upload_id"]  # the upload the leader looked at


def _period(r) -> str:
    return f"{period_label(int(r.month_from), int(r.month_to))} năm {int(r.year)}"


def _act(rows: pd.DataFrame, status: str, action: str, reason: str = "") -> None:
    keys = [tuple(int(v) for v in k) for k in rows[DECISION].itertuples(index=False)]
    with errors.guarded("Không ghi được quyết định duyệt"):
        with data.writing() as w:
            n = approvals.decide(w, keys, status, user.username, reason, allowed=allowed)  # type: ignore[arg-type]
        audit.record(
            user.username,
            action,
            reason,
            units=sorted(set(rows.unit_name)),
            periods=sorted({_period(r) for r in rows.itertuples()}),
            upload_id=int(rows.upload_id.iloc[0]) if rows.upload_id.nunique() == 1 else None,
            count=n,
            address=auth.address(),
            store=data.store_path(),
        )
        st.session_state["approval_message"] = f"Đã ghi: {n} đơn vị × kỳ."
        st.rerun()


def _choose(shown: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows to act on: all of them, or those picked by name (keyboard-friendly, unlike a
    grid's row selection)."""
    labels = {
        i: f"{r.unit_name} — {r.period} — lần tải #{r.upload_id}"
        for i, r in zip(range(len(shown)), shown.itertuples())
    }
    if st.checkbox(f"Chọn tất cả ({len(shown)} dòng)", key=f"{key}_all"):
        return shown
    picked = st.multiselect(
        "Hoặc chọn từng dòng",
        list(labels),
        format_func=labels.get,
        key=f"{key}_rows",
        placeholder="Chọn đơn vị × kỳ",
    )
    return shown.iloc[picked]


waiting = approvals.listing(con, approvals.WAITING)
waiting = waiting[waiting.unit_id.isin(allowed)]
st.markdown(
    "Số liệu các đơn vị cấp dưới gửi lên, **chờ duyệt**. Duyệt thì số liệu được khóa: không tải "
    "lên thay hay hoàn tác được cho đến khi mở khóa. Trả lại thì cần ghi lý do."
)
if msg := st.session_state.pop("approval_message", None):
    st.success(msg)
if waiting.empty:
    st.info("Không có số liệu nào đang chờ duyệt trong phạm vi của tài khoản.")
else:
    shown = waiting.assign(
        period=[_period(r) for r in waiting.itertuples()],
        submitted_at=waiting.submitted_at.dt.strftime("%d/%m/%Y %H:%M"),
    )
    st.dataframe(
        shown[
            ["unit_name", "period", "file_name", "submitted_by", "submitted_at", "upload_id"]
        ].rename(
            columns={
                "unit_name": "Đơn vị",
                "period": "Kỳ",
                "file_name": "Tệp",
                "submitted_by": "Người gửi",
                "submitted_at": "Lúc gửi",
                "upload_id": "Lần tải",
            }
        ),
        hide_index=True,
        width="stretch",
    )
    rows = _choose(shown, "approve")
    if rows.empty:
        st.caption("Chọn một hay nhiều dòng để xem thay đổi và duyệt.")
    else:
        first = rows.iloc[0]
        key = tuple(int(first[c]) for c in KEY)
        st.markdown(
            f"**Thay đổi — {md(first.unit_name)}, {first.period}** (lần tải #{first.upload_id})"
        )
        diff = approvals.changes(full, key, int(first.upload_id))  # type: ignore[arg-type]
        st.dataframe(
            diff.assign(
                kind=diff.kind.map(lambda k: KIND_LABELS.get(k, k)),
                before=diff.before.map(lambda v: "—" if pd.isna(v) else number(v)),
                after=diff.after.map(number),
            ).rename(
                columns={
                    "indicator_name": "Chỉ tiêu",
                    "kind": "Loại",
                    "before": "Trước",
                    "after": "Mới",
                    "measure": "ĐVT",
                    "source_cell": "Ô",
                }
            ),
            hide_index=True,
            width="stretch",
        )
        left, right = st.columns(2)
        if left.button(f"Duyệt {len(rows)} dòng đã chọn", type="primary", key="approve_go"):
            _act(rows, approvals.APPROVED, "approve")
        reason = right.text_input("Lý do trả lại", key="return_reason")
        if right.button(f"Trả lại {len(rows)} dòng", key="return_go"):
            if not reason.strip():
                right.error("Ghi lý do trả lại để đơn vị biết cần sửa gì.")
            else:
                _act(rows, approvals.RETURNED, "return", reason.strip())

approved = approvals.listing(con, approvals.APPROVED)
approved = approved[approved.unit_id.isin(allowed)]
if not approved.empty and user.may("unlock"):
    with st.expander(f"Đã duyệt ({len(approved)}) — mở khóa", icon=":material/lock:"):
        shown = approved.assign(
            period=[_period(r) for r in approved.itertuples()],
            decided_at=approved.decided_at.dt.strftime("%d/%m/%Y %H:%M"),
        )
        st.dataframe(
            shown[["unit_name", "period", "decided_by", "decided_at", "upload_id"]].rename(
                columns={
                    "unit_name": "Đơn vị",
                    "period": "Kỳ",
                    "decided_by": "Người duyệt",
                    "decided_at": "Lúc duyệt",
                    "upload_id": "Lần tải",
                }
            ),
            hide_index=True,
            width="stretch",
        )
        chosen = _choose(shown, "unlock")
        if not chosen.empty and st.button(f"Mở khóa {len(chosen)} dòng", key="unlock_go"):
            _act(chosen, approvals.WAITING, "unlock", "mở khóa")
