"""DuckDB store: the only package that talks to the database file. Never imports Streamlit."""

from store.connection import (
    Connection,
    Error,
    StoreError,
    alive,
    cached,
    close_all,
    data_version,
    db_path,
    freeze,
    frozen,
    open_store,
    query,
    reference_version,
    scalar,
    shared,
)

__all__ = [
    "Connection",
    "Error",
    "StoreError",
    "alive",
    "cached",
    "close_all",
    "data_version",
    "db_path",
    "freeze",
    "frozen",
    "open_store",
    "query",
    "reference_version",
    "scalar",
    "shared",
]
