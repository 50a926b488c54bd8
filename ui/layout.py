"""Shared page set-up: every page calls `page()` first. It sets the page config, draws the sidebar
navigation (st.page_link with Vietnamese labels, in sections), the demo-data notice, and returns the
store connection. Deep links work because each page runs this itself (shared/style.md).
"""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import streamlit as st

from store import Connection, approvals, demo
from store.accounts import User
from ui import auth, data, errors, logs, printing

ROOT = Path(__file__).resolve().parent.parent
NAVIGATION = ROOT / "data" / "navigation.toml"
APP_TITLE = "Chỉ tiêu"


def _sections() -> list[dict]:
    sections = tomllib.loads(NAVIGATION.read_text("utf-8"))["section"]
    for section in sections:
        section["pages"] = [p for p in section["pages"] if (ROOT / p["path"]).exists()]
    return [s for s in sections if s["pages"]]


def navigation(user: User | None) -> None:
    """The pages this user may open, in sections (none before sign-in)."""
    with st.sidebar:
        st.markdown(f"### {APP_TITLE}")
        st.caption("Theo dõi chỉ tiêu kinh tế - xã hội")
        if user is None:
            return
        for section in _sections():
            items = [p for p in section["pages"] if user.may(p.get("authority", "view"))]
            if not items:
                continue
            st.markdown(f"**{section['title']}**")
            for item in items:
                st.page_link(item["path"], label=item["label"], icon=item.get("icon"))


def _entry(script: str) -> dict:
    """The navigation entry of the page script running (its label and authority)."""
    path = Path(script).resolve()
    for section in _sections():
        for item in section["pages"]:
            if (ROOT / item["path"]).resolve() == path:
                return item
    return {"label": path.stem, "authority": "view"}


# Streamlit writes the file uploader's own words in English ("Upload", "Drag and drop files here",
# "200MB per file • XLSX"): shown in Vietnamese instead, by CSS (the widget takes no labels for them).
_UPLOADER_CSS = """<style>
[data-testid="stFileUploaderDropzoneInstructions"] > div > span,
[data-testid="stFileUploaderDropzoneInstructions"] > div > small { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {
  content: "Kéo thả tệp vào đây · tối đa 20 MB mỗi tệp"; font-size: 0.9rem; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "Chọn tệp"; font-size: 0.9rem; }
</style>"""


# Streamlit's own English: the chart menu (Save as PNG, View Source…) and the element toolbars
# (Fullscreen, Download as CSV, Search) are hidden; the pages give Vietnamese downloads instead.
# Wide charts scroll sideways.
_CHROME_CSS = """<style>
.vega-embed details, .vega-embed .vega-actions {display: none !important;}
[data-testid="stElementToolbar"] {display: none !important;}
/* a chart wider than the screen (So sánh: 30 px a ward) scrolls sideways instead of being cut */
[data-testid="stFullScreenFrame"]:has([data-testid="stVegaLiteChart"]) {overflow-x: auto;}
</style>"""


def vietnamese_uploader() -> None:
    st.html(_UPLOADER_CSS)


APPROVED_PARAM = "approved"  # ?approved=1: approved figures only (a shared link keeps the choice)


def approval_choice() -> bool:
    """The sidebar switch between approved figures only and figures waiting for approval too."""
    wanted = st.query_params.get(APPROVED_PARAM) == "1"
    chosen = st.sidebar.toggle(
        "Chỉ số liệu đã duyệt",
        value=wanted,
        key="approved_only",
        help="Tắt: gồm cả số liệu đang chờ duyệt hoặc bị trả lại (được đánh dấu).",
    )
    if chosen != wanted:
        if chosen:
            st.query_params[APPROVED_PARAM] = "1"
        else:
            del st.query_params[APPROVED_PARAM]
    return chosen


def approval_note(approved_only: bool, pending: int) -> str:
    """What the figures on this page include, for the page and for exports."""
    if approved_only:
        return "Số liệu: chỉ số liệu đã duyệt."
    if pending:
        return f"Số liệu: gồm cả {pending} đơn vị × kỳ đang chờ duyệt hoặc bị trả lại."
    return "Số liệu: không có số liệu nào đang chờ duyệt."


def page(title: str, icon: str = "📊", wide: bool = True, compact: bool = False) -> Connection:
    """Set up a page and return the store connection, limited to the signed-in user's scope. Stops
    the script with the sign-in form (nobody signed in), a reason (the role may not open this
    page, data/navigation.toml) or a Vietnamese error (the store cannot be opened). `compact`
    (presentation): no page title, a one-line demo note."""
    logs.setup()
    errors.install()  # whatever this run raises is shown in Vietnamese with an error id
    st.set_page_config(
        page_title=f"{title} · {APP_TITLE}", page_icon=icon, layout="wide" if wide else "centered"
    )
    entry = _entry(inspect.stack()[1].filename)
    st.html(_CHROME_CSS)
    st.html(printing.PRINT_CSS)  # Ctrl+P on any page: A4 landscape, no sidebar or chrome
    try:
        data.connection()  # the store migrated and (demo) seeded before anyone signs in
        user = auth.current_user()
    except Exception as exc:  # a system failure: plain title, details behind an expander
        navigation(None)
        errors.show_failure("Không mở được kho dữ liệu", exc)
        st.stop()
    navigation(user)
    auth.emit_cookie()
    if user is None:
        st.title(title)
        auth.sign_in_form(f"Đăng nhập để mở trang **{entry['label']}**.")
        st.stop()
    auth.account_box(user)
    if not user.may(entry.get("authority", "view")):
        st.title(title)
        auth.refuse(user, entry["label"], entry.get("authority", "view"))
        st.stop()
    st.session_state["user"] = user
    approved_only = approval_choice()
    try:
        con = data.scoped(user, approved_only)
    except Exception as exc:
        errors.show_failure("Không mở được kho dữ liệu", exc)
        st.stop()
    st.session_state["demo_data"] = demo.has_demo(con)  # exports say "Dữ liệu mẫu" first
    if demo.has_demo(con) and compact:
        st.caption(":blue-background[**Dữ liệu mẫu**] — số liệu minh họa, không phải số liệu thật.")
    elif demo.has_demo(con):
        st.info(
            "**Dữ liệu mẫu** — các số liệu đang hiển thị là dữ liệu minh họa, không phải số liệu thật. "
            "Để thay bằng số liệu của đơn vị: vào **Tải dữ liệu lên**, nạp các biểu báo cáo, rồi bấm "
            "**Gỡ dữ liệu mẫu** trong thẻ Lịch sử tải lên.",
            icon="ℹ️",
        )
    if not compact:
        st.title(title)
    pending = 0 if approved_only else approvals.count_pending(con)
    note = approval_note(approved_only, pending)
    st.session_state["approval_note"] = note  # reports and exports say which figures they use
    if pending:
        st.caption(f":orange-badge[Chờ duyệt] {note} Bật «Chỉ số liệu đã duyệt» ở thanh bên để ẩn.")
    return con
