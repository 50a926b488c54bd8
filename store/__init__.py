"""DuckDB store: the only package that talks to the database file. Never imports Streamlit."""

from store.connection import StoreError, close_all, db_path, open_store, query, scalar, shared

__all__ = ["StoreError", "close_all", "db_path", "open_store", "query", "scalar", "shared"]
