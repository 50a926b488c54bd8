"""DuckDB store: the only package that talks to the database file. Never imports Streamlit."""

from store.connection import (
    Connection,
    Error,
    StoreError,
    alive,
    cached,
    cached_unscoped,
    close_all,
    data_version,
    db_path,
    freeze,
    frozen,
    memo_unscoped,
    open_store,
    query,
    reference_version,
    scalar,
    shared,
)
from store.scope import cut_from_snapshot

__all__ = [
    "Connection",
    "Error",
    "StoreError",
    "alive",
    "cached",
    "cached_unscoped",
    "close_all",
    "cut_from_snapshot",
    "data_version",
    "db_path",
    "freeze",
    "frozen",
    "memo_unscoped",
    "open_store",
    "query",
    "reference_version",
    "scalar",
    "shared",
]
