"""The app's store connection: one per server process, cached by path; demo data on first start."""

from __future__ import annotations

import os

import duckdb
import streamlit as st

import store
from indicators import demo


def _alive(con: duckdb.DuckDBPyConnection) -> bool:
    """A cached connection closed meanwhile (store.close_all, a test) is opened again, not reused."""
    try:
        cursor = con.cursor()
    except duckdb.Error:
        return False
    try:
        cursor.execute("SELECT 1").fetchall()
        return True
    except duckdb.Error:
        return False
    finally:
        cursor.close()


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…", validate=_alive)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    con = store.shared(path)
    if os.environ.get("CHITIEU_DEMO", "1") != "0":
        demo.seed(con)  # only when the store has never held an upload
    return con


def connection() -> duckdb.DuckDBPyConnection:
    return _connection(str(store.db_path()))
