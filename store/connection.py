"""The one place that opens the DuckDB store: path, migrations, reference data, materialised queries.

One read-write connection per process; callers share it and use `query()` (a cursor per call, results
materialised into a DataFrame before the cursor is released: DuckDB 2.0 results own the connection
until consumed).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Sequence

import duckdb
import pandas as pd

from store import migrations, reference

DEFAULT_DB = "data/chitieu.duckdb"
_lock = threading.Lock()
_open: dict[str, duckdb.DuckDBPyConnection] = {}


class StoreError(Exception):
    """The store cannot be opened or written. `title` is plain Vietnamese; `detail` is technical."""

    def __init__(self, title: str, detail: str = ""):
        super().__init__(title)
        self.title = title
        self.detail = detail


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The store file: explicit path, else $CHITIEU_DB, else data/chitieu.duckdb (relative to the repo)."""
    chosen = Path(path or os.environ.get("CHITIEU_DB") or DEFAULT_DB)
    if not chosen.is_absolute() and str(chosen) != ":memory:":
        chosen = Path(__file__).resolve().parent.parent / chosen
    return chosen


def open_store(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating when missing) a store: schema migrated, reference data in sync. No demo data."""
    target = db_path(path)
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target))
    except duckdb.Error as exc:
        raise StoreError("Không mở được kho dữ liệu", f"{target}: {exc}") from exc
    migrations.migrate(con)
    reference.sync(con)
    return con


def shared(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """The process-wide read-write connection for `path` (opened once)."""
    key = str(db_path(path))
    with _lock:
        con = _open.get(key)
        if con is None:
            con = open_store(key)
            _open[key] = con
        return con


def close_all() -> None:
    with _lock:
        for con in _open.values():
            con.close()
        _open.clear()


def query(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict | None = None) -> pd.DataFrame:
    """Run a read query on its own cursor and return the materialised result."""
    cursor = con.cursor()
    try:
        return cursor.execute(sql, params or []).df()
    finally:
        cursor.close()


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> Any:
    cursor = con.cursor()
    try:
        rows = cursor.execute(sql, params or []).fetchall()
        row = rows[0] if rows else None
        return row[0] if row else None
    finally:
        cursor.close()
