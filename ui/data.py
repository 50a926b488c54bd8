"""The app's store connection: one per server process, cached by path; demo data on first start."""

from __future__ import annotations

import os

import streamlit as st

import store
from store import demo


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…", validate=store.alive)
def _connection(path: str) -> store.Connection:
    con = store.shared(path)
    if os.environ.get("CHITIEU_DEMO", "1") != "0":
        demo.seed(con)  # only when the store has never held an upload
    return con


def connection() -> store.Connection:
    return _connection(str(store.db_path()))
