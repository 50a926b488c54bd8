"""The one place that opens the DuckDB store: path, migrations, reference data, materialised queries.

One read-write connection per process; callers share it and use `query()` (a cursor per call, results
materialised into a DataFrame before the cursor is released: DuckDB 2.0 results own the connection
until consumed).
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Sequence

import duckdb
import pandas as pd

from store import migrations, reference, regions
from store.settings import env_int

DEFAULT_DB = "data/chitieu.duckdb"
Connection = (
    duckdb.DuckDBPyConnection
)  # what callers outside store/ name in signatures (they never import duckdb)
Error = duckdb.Error
_lock = threading.Lock()
_open: dict[str, duckdb.DuckDBPyConnection] = {}
_Entries = OrderedDict[
    str, tuple[Any, pd.DataFrame]
]  # name → (version, frame), least recently used first
_cache: "weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, _Entries]" = (
    weakref.WeakKeyDictionary()
)


# Connections whose contents cannot change (a published snapshot read-only, a scoped view of one;
# the writer while it computes derived data): their versions are asked once, not at every cache look-up
_frozen: "weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, dict]" = weakref.WeakKeyDictionary()


class StoreError(Exception):
    """The store cannot be opened or written. `title` is plain Vietnamese; `detail` is technical."""

    def __init__(self, title: str, detail: str = ""):
        super().__init__(title)
        self.title = title
        self.detail = detail


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The store file: explicit path, else $CHITIEU_DB (both relative to the working directory, as an
    operator typing `--db x.duckdb` expects), else data/chitieu.duckdb relative to the repo."""
    given = path or os.environ.get("CHITIEU_DB")
    if given is not None and str(given) == ":memory:":
        return Path(":memory:")
    if given:
        return Path(given).absolute()
    return Path(__file__).resolve().parent.parent / DEFAULT_DB


def open_store(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating when missing) a store: schema migrated, reference data in sync. No demo data."""
    target = db_path(path)
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target))
    except duckdb.Error as exc:
        raise StoreError("Không mở được kho dữ liệu", f"{target}: {exc}") from exc
    try:
        applied = migrations.migrate(con)
    except migrations.ForeignDatabase as exc:
        con.close()
        raise StoreError(
            "Tệp này là cơ sở dữ liệu khác, không phải kho Chỉ tiêu: không ghi gì vào đó",
            f"{target}: tables {exc}",
        ) from exc
    try:
        reference.sync(
            con, force=bool(applied)
        )  # a new column is filled even when data/ did not change
    except regions.UnknownProvince as exc:  # the operator's setting: said plainly, nothing written
        con.close()
        raise StoreError(str(exc), "CHITIEU_PROVINCES: docs/admin_units.md") from exc
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


def alive(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a connection still answers (a cached one may have been closed meanwhile)."""
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


def query(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict | None = None
) -> pd.DataFrame:
    """Run a read query on its own cursor and return the materialised result."""
    cursor = con.cursor()
    try:
        return cursor.execute(sql, params or []).df()
    finally:
        cursor.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor in one transaction: committed when the block ends, rolled back when it raises."""
    cursor = con.cursor()
    try:
        cursor.execute("BEGIN TRANSACTION")
        yield cursor
        cursor.execute("COMMIT")
    except Exception:
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()


def data_version(con: duckdb.DuckDBPyConnection, schema: str = "") -> tuple:
    """A cheap fingerprint of the store's contents (< 1 ms at 20M observations: row counts come from
    table metadata). Every write the app makes changes it: an upload (store.uploads: a new upload row
    and, when it adds keys, more observations), a rollback (status and rolled_back_at) and a
    reference resync (store.reference: meta.reference_sha256), an approval decision (submissions).
    Read caches key on it, and a write that changes it is published (store.published). `schema`:
    the tables' qualifier when they are not the connection's own ("s.main." for an attached one)."""
    return memo(con, ("data_version", schema), lambda: _data_version(con, schema))


def _data_version(con: duckdb.DuckDBPyConnection, schema: str) -> tuple:
    cursor = con.cursor()
    t = schema
    try:
        return tuple(
            cursor.execute(
                f"""
            SELECT (SELECT count(*) FROM {t}observations), (SELECT count(*) FROM {t}admin_units),
                   (SELECT value FROM {t}meta WHERE key = 'reference_sha256'), u.*, s.*
            FROM (SELECT count(*), max(upload_id), count(*) FILTER (status = 'rolled_back'), max(rolled_back_at)
                  FROM {t}uploads) u,
                 (SELECT count(*) FILTER (status = 'da_duyet'), max(decided_at) FROM {t}submissions) s
            """
            ).fetchall()[0]
        )
    finally:
        cursor.close()


def reference_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The reference data's fingerprint (catalog, admin units): changes when store.reference resyncs
    and when an upload adds an indicator or an alias (meta.aliases_version, store.aliases)."""
    from store.aliases import version as aliases_version

    def compute() -> str | None:
        sha = scalar(con, "SELECT value FROM meta WHERE key = 'reference_sha256'")
        return None if sha is None else f"{sha}:{aliases_version(con)}"

    return memo(con, "reference_version", compute)


def freeze(con: duckdb.DuckDBPyConnection, version: tuple | None = None) -> None:
    """Declare that `con`'s contents never change (a read-only snapshot and views of it);
    `version`: its data version when known (a scoped view's is its snapshot's: counting the
    observations through the scope's views would scan them all)."""
    with _lock:
        memo = _frozen.setdefault(con, {})
        if version is not None:
            memo[("data_version", "")] = version


@contextmanager
def frozen(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """`con` treated as unchanging for the block (a writer computing from data it does not alter)."""
    with _lock:
        new = con not in _frozen
        _frozen.setdefault(con, {})
    try:
        yield con
    finally:
        if new:
            with _lock:
                _frozen.pop(con, None)


def memo(con: duckdb.DuckDBPyConnection, name: Any, compute) -> Any:
    """`compute()`, remembered under `name` for a connection that never changes (`freeze`)."""
    known = _frozen.get(con)
    if known is None:
        return compute()
    if name not in known:
        known[name] = compute()
    return known[name]


CACHE_ENTRIES = 48  # per connection; least recently used entries are dropped first
# all connections' frames together (a province's communes' scorecard is ~19 MB; twenty provinces'
# leaders on one server would otherwise keep ~800 MB): beyond it the least recently used go
CACHE_BYTES = env_int("CHITIEU_CACHE_MB", 256) * 1024 * 1024
_sizes: OrderedDict[tuple[int, str], tuple[weakref.ref, int]] = OrderedDict()  # all, LRU first
_cached_bytes = 0


def cached(con: duckdb.DuckDBPyConnection, name: str, version: Any, compute) -> pd.DataFrame:
    """`compute()`'s frame, kept per connection and recomputed when `version` changes (see
    data_version, reference_version). At most CACHE_ENTRIES frames per connection and CACHE_BYTES
    in all (LRU). Callers get a copy, free to modify."""
    with _lock:
        entries = _cache.setdefault(con, OrderedDict())
        hit = entries.get(name)
        if hit is not None:
            entries.move_to_end(name)
            if (id(con), name) in _sizes:
                _sizes.move_to_end((id(con), name))
    if hit is not None and hit[0] == version:
        return _handed_out(hit[1])
    frame = compute()
    size = _size(frame)
    with _lock:
        _forget_entry(con, name)
        entries[name] = (version, frame)
        entries.move_to_end(name)
        _account(con, name, size)
        while len(entries) > CACHE_ENTRIES:
            _forget_entry(con, next(iter(entries)))
        _trim()
    return _handed_out(frame)


def snapshot_of(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection | None:
    """The snapshot's instance a scoped connection shows part of (store.scope), else None."""
    return getattr(con, "snapshot_instance", None)


def cached_unscoped(
    con: duckdb.DuckDBPyConnection, name: str, version: Callable[[], Any], compute
) -> pd.DataFrame:
    """`cached` for a frame read only from tables no scope filters (the catalog, meta). On a
    scoped connection it is kept once per snapshot, for all its scopes: their views of those tables
    are the snapshot's tables, and a leader's first view need not read them again. Elsewhere it is
    kept per connection under `version()`."""
    whole = snapshot_of(con)
    if whole is None:
        return cached(con, name, version(), compute)
    return cached(whole, name, "snapshot", compute)  # a snapshot never changes


def memo_unscoped(con: duckdb.DuckDBPyConnection, name: Any, compute) -> Any:
    """`memo` for a value read only from tables no scope filters: once per snapshot on a scoped
    connection (see cached_unscoped)."""
    whole = snapshot_of(con)
    return memo(con if whole is None else whole, name, compute)


def _handed_out(frame: Any) -> Any:
    """What a caller gets: a frame it may modify without changing the one kept. pandas 3 copies on
    write, so a shallow copy is that (a deep one cost every session a 19 MB copy of a province's
    scorecard, and ~10 ms, at every look-up)."""
    if isinstance(frame, pd.DataFrame):
        return frame.copy(deep=False)
    return frame.copy()


def _size(frame: Any) -> int:
    # shallow, from the column arrays: memory_usage() read the same 13 MB of a province's scorecard
    # in ~1 ms (a Series per column) — at every miss, ~10 in a never-seen view; deep took 11 ms
    try:
        arrays = (frame._get_column_array(i) for i in range(frame.shape[1]))
        return int(sum(getattr(a, "nbytes", 0) for a in arrays) + frame.index.nbytes)
    except (AttributeError, TypeError, ValueError):  # not a frame (a lineage graph): small
        return 0


def _account(con: duckdb.DuckDBPyConnection, name: str, size: int) -> None:
    global _cached_bytes
    _sizes[(id(con), name)] = (weakref.ref(con), size)
    _cached_bytes += size


def _forget_entry(con: duckdb.DuckDBPyConnection, name: str) -> None:
    global _cached_bytes
    entries = _cache.get(con)
    if entries is not None:
        entries.pop(name, None)
    held = _sizes.pop((id(con), name), None)
    if held is not None:
        _cached_bytes -= held[1]


def _trim() -> None:
    """Frames beyond CACHE_BYTES go, least recently used first — those of freed connections
    (no weakref callbacks: one could run while this thread holds the lock) before any other."""
    global _cached_bytes
    if _cached_bytes <= CACHE_BYTES:
        return
    for key in [k for k, (ref, _) in _sizes.items() if ref() is None]:
        _cached_bytes -= _sizes.pop(key)[1]
    while _cached_bytes > CACHE_BYTES and len(_sizes) > 1:
        (_, name), (ref, _) = next(iter(_sizes.items()))
        con = ref()
        if con is None:
            _cached_bytes -= _sizes.popitem(last=False)[1][1]
            continue
        _forget_entry(con, name)


def cached_bytes() -> int:
    """What the frames kept take now (benchmarks)."""
    return _cached_bytes


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> Any:
    cursor = con.cursor()
    try:
        rows = cursor.execute(sql, params or []).fetchall()
        row = rows[0] if rows else None
        return row[0] if row else None
    finally:
        cursor.close()


def file_of(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The file a connection has open (None in memory)."""
    path = scalar(
        con, "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    )
    return Path(path) if path else None
