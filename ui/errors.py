"""One place that shows problems to users: data problems as a table of cells and messages, system
failures as a plain Vietnamese title with the technical detail behind an expander."""

from __future__ import annotations

import traceback

import streamlit as st

from store import StoreError


def show_failure(title: str, exc: BaseException) -> None:
    if isinstance(exc, StoreError):
        title = exc.title
    st.error(
        f"**{title}.** Vui lòng thử lại; nếu lỗi còn, gửi chi tiết bên dưới cho người quản trị."
    )
    with st.expander("Chi tiết kỹ thuật"):
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        if isinstance(exc, StoreError) and exc.detail:  # the path and DuckDB's own words
            detail += "\n" + exc.detail
        st.code(detail)
