"""A user's scope enforced below every query: a connection on which each table with a `unit_id`
shows only the units of the scope (the units named and everything under them, in every period).

One in-memory DuckDB instance per published snapshot attaches it read-only (`s`); each scope is a
small in-memory database attached beside it (`scope_N`) holding one view per table under the table's
own name, and a scoped connection is that instance with `scope_N` as its current database. Every query
function — those written today and those added later — runs its SQL unchanged and cannot see outside
the scope: there is no filter to forget. A cursor that somehow lost its database sees no table at
all (the instance's own database is empty), never the whole store. Scopes share the instance's
buffers: a province's second leader after an upload reads what the first one already brought in.
Uploads are shown when they wrote something in the scope."""

from __future__ import annotations

import atexit
import itertools
import logging
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, cast

import duckdb

from store.connection import cached, data_version, freeze, memo, query
from store.settings import env_int

log = logging.getLogger(__name__)

# From the units named, down to the units under them and back to the units merged into them (a
# ward formed in 2025 keeps its predecessors' history in its scope, data/unit_succession.csv)
SCOPE_UNITS_SQL = """
WITH RECURSIVE edges(from_id, to_id) AS (
    SELECT parent_id, unit_id FROM admin_units WHERE parent_id IS NOT NULL
    UNION ALL SELECT new_unit_id, old_unit_id FROM unit_succession
), tree(unit_id) AS (
    SELECT unit_id FROM admin_units WHERE code IN (SELECT unnest(?::VARCHAR[]))
    UNION
    SELECT e.to_id FROM edges e JOIN tree t ON e.from_id = t.unit_id
)
SELECT unit_id FROM tree ORDER BY unit_id
"""
_UPLOAD_IDS_IN_SCOPE = """
    SELECT upload_id FROM s.main.observation_versions WHERE unit_id IN (SELECT unit_id FROM scope_units)
    UNION SELECT upload_id FROM s.main.criteria_scores WHERE unit_id IN (SELECT unit_id FROM scope_units)
    UNION SELECT upload_id FROM s.main.recognitions WHERE unit_id IN (SELECT unit_id FROM scope_units)
"""
CACHE = 16  # scoped connections kept per process (one per scope and snapshot in use)
SNAPSHOTS = 2  # instances kept: the newest snapshot and the one pages may still be finishing on
_lock = threading.Lock()
_cache: OrderedDict[tuple, ScopedConnection] = OrderedDict()
_bases: OrderedDict[str, duckdb.DuckDBPyConnection] = OrderedDict()
_numbers = itertools.count(1)


class ScopedConnection:
    """A connection whose current database is one scope's (`scope_N`) on the snapshot's shared
    instance. Quacks as a duckdb connection: `cursor()` gives a cursor on the same database (DuckDB's
    own cursors start on the instance's default database, which holds nothing); everything else is
    its own cursor's."""

    def __init__(
        self,
        base: duckdb.DuckDBPyConnection,
        database: str,
        codes: tuple[str, ...] = (),
        approved_only: bool = False,
        ids: frozenset[int] | None = None,
    ):
        self._base = base
        self.database = database
        self.codes, self.approved_only = codes, approved_only  # what it was asked for (ui.warmup)
        self.ids = ids  # the scope's units (None: the whole snapshot, `_whole`)
        self._own = self.cursor()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cursor = self._base.cursor()
        cursor.execute(f"USE {self.database}")
        return cursor

    def execute(self, sql: str, parameters=None) -> duckdb.DuckDBPyConnection:
        """On a cursor of its own: sessions share a scoped connection, DuckDB's cursors are not
        shared between threads."""
        return self.cursor().execute(sql, parameters)

    @property
    def snapshot_instance(self) -> duckdb.DuckDBPyConnection:
        """The instance shared by the snapshot's scopes (store.connection.cached_unscoped)."""
        return self._base

    def close(self) -> None:
        self._own.close()  # the shared instance stays: other scopes read it

    def __getattr__(self, name: str):
        if name.startswith("_"):  # not set yet (copying, unpickling): no recursion through _own
            raise AttributeError(name)
        return getattr(self._own, name)

    def __repr__(self) -> str:
        return f"<ScopedConnection {self.database}>"


def unit_ids(con: duckdb.DuckDBPyConnection, codes: Iterable[str]) -> list[int]:
    """The units that have had these GSO codes (a merged ward keeps one predecessor's code), all
    units under them and the units merged into them."""
    chosen = sorted({str(c).strip() for c in codes})
    if not chosen:
        return []
    return [int(u) for u in query(con, SCOPE_UNITS_SQL, [chosen]).unit_id]


def ids_of(reader: duckdb.DuckDBPyConnection, codes: Iterable[str]) -> tuple[int, ...]:
    """`unit_ids`, asked once per snapshot reader and set of codes."""
    chosen = tuple(sorted({str(c).strip() for c in codes}))
    return memo(reader, ("scope_ids", chosen), lambda: tuple(unit_ids(reader, chosen)))


def names(con: duckdb.DuckDBPyConnection, codes: Iterable[str]) -> str:
    """ "Phường Bắc Hà, Phường Nguyễn Du": the units named by these codes, for messages."""
    found = query(
        con,
        "SELECT DISTINCT name FROM admin_units WHERE code IN (SELECT unnest(?::VARCHAR[]))"
        " ORDER BY name",
        [sorted(codes)],
    )
    return ", ".join(found.name) or ", ".join(codes)


def snapshot_file(con: duckdb.DuckDBPyConnection) -> str:
    return str(
        query(
            con, "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).path.iloc[0]
    )


def scoped(
    reader: duckdb.DuckDBPyConnection, codes: Iterable[str], approved_only: bool = False
) -> duckdb.DuckDBPyConnection:
    """The read-only snapshot `reader` reads, seen through the scope of `codes`; with
    `approved_only`, values waiting for approval or returned are left out too (store.approvals)."""
    snapshot = memo(reader, "snapshot_file", lambda: snapshot_file(reader))
    chosen = tuple(sorted({str(c).strip() for c in codes}))
    ids = ids_of(reader, chosen)
    key = (snapshot, ids, approved_only)
    with _lock:
        held = _cache.get(key)
        if held is not None:
            _cache.move_to_end(key)
            return _as_connection(held)
    con = _build(_base(snapshot), ids, approved_only, chosen)
    with _lock:
        _cache[key] = con
        while len(_cache) > CACHE:
            _cache.popitem(last=False)  # not closed: a page run may still read it
    return _as_connection(con)


def _as_connection(con: ScopedConnection) -> duckdb.DuckDBPyConnection:
    return cast(duckdb.DuckDBPyConnection, con)  # it quacks as one for every caller


def _base(snapshot: str) -> duckdb.DuckDBPyConnection:
    """The shared instance reading `snapshot` (opened once per process)."""
    with _lock:
        base = _bases.get(snapshot)
        if base is not None:
            _bases.move_to_end(snapshot)
            return base
        # the buffer pool caps what the snapshot's blocks may hold in this process (the scopes'
        # reads spill beyond it, and blocks read again come from the OS cache): a server's memory
        # stays bounded however many provinces it serves
        base = duckdb.connect(
            ":memory:", config={"memory_limit": f"{env_int('CHITIEU_READ_MEMORY_MB', 256)}MB"}
        )
        escaped = snapshot.replace("'", "''")
        base.execute(f"ATTACH '{escaped}' AS s (READ_ONLY)")
        freeze(base)  # its snapshot never changes: what is asked of it once is remembered
        _bases[snapshot] = base
        while len(_bases) > SNAPSHOTS:
            _, gone = _bases.popitem(last=False)  # not closed: a page reading it finishes on it
            for key in [k for k, (held, _) in _spares.items() if held is gone]:
                del _spares[key]  # its spares would keep the instance (and its buffers) alive
        return base


_NOT_PENDING = """
    AND NOT EXISTS (
        SELECT 1 FROM s.main.submissions p
        WHERE p.unit_id = o.unit_id AND p.year = o.year AND p.month_from = o.month_from
          AND p.month_to = o.month_to AND p.status <> 'da_duyet'
    )"""


def _build(
    base: duckdb.DuckDBPyConnection,
    ids: tuple[int, ...],
    approved_only: bool,
    codes: tuple[str, ...],
) -> ScopedConnection:
    """A scope's database: a spare one prepared ahead when there is one (its ~20 views are most of
    a scope's cost, ~10 ms), else made now; then the scope's units written into it."""
    database = _take_spare(base, approved_only) or _prepare(base, approved_only)
    _want_spares(base, approved_only)
    setup = base.cursor()
    try:
        if ids:
            # one statement (executemany took ~0,4 ms a row: 0,4 s for a province's units over time)
            setup.execute(
                f"INSERT INTO {database}.main.scope_units SELECT unnest(?::BIGINT[])", [list(ids)]
            )
    finally:
        setup.close()
    snapshot_version = _snapshot_version(base)
    con = ScopedConnection(base, database, codes, approved_only, frozenset(ids))
    # the views of a snapshot that never changes: its data version is the snapshot's
    freeze(con, version=(snapshot_version, ids, approved_only))  # type: ignore[arg-type]
    weakref.finalize(con, _detach, base, database)
    return con


def _snapshot_version(base: duckdb.DuckDBPyConnection) -> Any:
    """The snapshot's data version: asked once per instance, not per scope."""

    def read() -> Any:
        cursor = base.cursor()
        try:
            return data_version(cursor, schema="s.main.")
        finally:
            cursor.close()

    return memo(base, "snapshot_version", read)


def _prepare(base: duckdb.DuckDBPyConnection, approved_only: bool) -> str:
    """A scope database with its views over the snapshot and an empty unit list: it shows nothing
    until a scope's units are written into it (`_build`)."""
    database = f"scope_{next(_numbers)}"
    setup = base.cursor()
    try:
        setup.execute(f"ATTACH ':memory:' AS {database}")
        setup.execute(f"USE {database}")
        # the whole snapshot's data version and whether pending values are hidden (store.summaries)
        setup.execute("CREATE TABLE scope_base (version VARCHAR, approved_only BOOLEAN)")
        setup.execute(
            "INSERT INTO scope_base VALUES (?, ?)", [repr(_snapshot_version(base)), approved_only]
        )
        # no primary key: the ids are distinct already, and its index cost half the insert
        setup.execute("CREATE TABLE scope_units (unit_id BIGINT)")
        tables = memo(base, "scope_tables", lambda: _tables(setup))  # the snapshot's: one ask
        views = [_view(database, table, cols, approved_only) for table, cols in tables]
        setup.execute(";\n".join(views))  # one round trip for ~20 views
    finally:
        setup.close()
    return database


# Spare scope databases per snapshot instance and approval mode, prepared by a worker thread
# after a scope was built: a leader's never-seen view then waits for its units' insert, not for
# the views. Keyed by the instance itself (a snapshot's path may get a new instance: forget()).
SPARES = env_int("CHITIEU_SCOPE_SPARES", 2)
SPARE_DELAY = 0.2  # s: the worker waits for the page that just took a spare to finish its reads
_spares: dict[tuple[int, bool], tuple[duckdb.DuckDBPyConnection, list[str]]] = {}
_wanted: list[tuple[duckdb.DuckDBPyConnection, bool]] = []
_wake = threading.Condition(_lock)
_worker: threading.Thread | None = None
_stopping = False


def _take_spare(base: duckdb.DuckDBPyConnection, approved_only: bool) -> str | None:
    with _lock:
        held = _spares.get((id(base), approved_only))
        if held is None or held[0] is not base or not held[1]:
            return None
        return held[1].pop()


def _want_spares(base: duckdb.DuckDBPyConnection, approved_only: bool) -> None:
    """Ask the worker to bring this instance's spares back to SPARES."""
    global _worker
    if SPARES <= 0 or _stopping:
        return
    with _lock:
        if not any(b is base and a == approved_only for b, a in _wanted):
            _wanted.append((base, approved_only))
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_make_spares, name="chitieu-scopes", daemon=True)
            _worker.start()
        _wake.notify()


def _make_spares() -> None:
    while True:
        with _lock:
            while not _wanted and not _stopping:
                _wake.wait()
            if _stopping:
                return
        time.sleep(SPARE_DELAY)
        _make_one()  # holds the instance only while it works (a daemon thread's frame at exit)


def _make_one() -> None:
    with _lock:
        if not _wanted:
            return
        base, approved_only = _wanted[0]
        key = (id(base), approved_only)
        held = _spares.get(key)
        if held is None or held[0] is not base:
            held = _spares[key] = (base, [])
        served = any(b is base for b in _bases.values())
        if not served or len(held[1]) >= SPARES:
            _wanted.pop(0)  # an instance no longer served, or full
            return
    try:
        database = _prepare(base, approved_only)
    except Exception:  # closed meanwhile, or anything else: no spare, the scopes make their own
        log.warning("no spare scope prepared", exc_info=True)
        with _lock:
            if _wanted and _wanted[0][0] is base:
                _wanted.pop(0)
        return
    with _lock:
        if _spares.get(key, (None,))[0] is base:
            _spares[key][1].append(database)


@atexit.register
def _stop_worker() -> None:
    """At exit the worker ends first: with a thread still alive the interpreter keeps the DuckDB
    instances past the module's end (nanobind then reports them as leaked)."""
    global _stopping
    with _lock:
        _stopping = True
        _spares.clear()
        _wanted.clear()
        _wake.notify_all()
        worker = _worker
    if worker is not None:
        worker.join(2.0)


def wait_for_spares(timeout: float = 5.0) -> bool:
    """Block until the worker has nothing left to prepare (benchmarks: the idle time between two
    leaders' first views); True when it finished within `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _lock:
            if not _wanted:
                return True
        time.sleep(0.01)
    return False


def cut_from_snapshot(
    con: duckdb.DuckDBPyConnection,
    name: str,
    version: Callable[[], Any],
    read: Callable[[duckdb.DuckDBPyConnection], Any],
    cut: Callable[[Any, frozenset[int]], Any],
    approvals: bool = False,
) -> Any:
    """`read(con)`, kept as `store.cached` keeps it under `version()`. On a scoped connection it is
    `cut(read(whole snapshot), the scope's unit ids)`, read once per snapshot for all its scopes (a
    leader's first view need not rebuild it), and kept for the scope with no version to ask (its
    snapshot never changes). Only for reads of tables whose scoped views keep the rows of the
    scope's units and nothing else changes (admin_units, unit_succession, unit_summary — never
    observations, which approvals filter too), with a `cut` that keeps exactly the rows the scope's
    own read gives; each use is checked against that read in tests/test_scope.py. `approvals`: the read is of
    a table the approval view filters as well (observations, unit_periods); it is cut only for a
    scope that hides nothing in this snapshot (all values shown, or none waiting for approval)."""
    scoped = _whole_serves(con, approvals)
    if scoped is None:
        return cached(con, name, version(), lambda: read(con))
    ids = cast(frozenset, scoped.ids)
    whole = memo(
        scoped.snapshot_instance, ("cut_from_snapshot", name), lambda: read(_whole(scoped))
    )
    return cached(_as_connection(scoped), name, "snapshot", lambda: cut(whole, ids))


def narrowed(
    con: duckdb.DuckDBPyConnection, unit_ids: Iterable[int], approvals: bool = False
) -> duckdb.DuckDBPyConnection:
    """For a query that reads only rows of `unit_ids` from tables a scope filters by unit
    (page_summaries, observations…): the whole snapshot when every one of those units is the
    scope's — the same rows without the views' join (~1–2 ms a query) — else `con` itself.
    `approvals`: the tables are ones the approval view filters too (observations); narrowed only for
    a scope that hides nothing in this snapshot. Checked against the scope's own reads in
    tests/test_scope.py."""
    scoped = _whole_serves(con, approvals, unit_ids)
    return con if scoped is None else _whole(scoped)


def read_of_snapshot(
    con: duckdb.DuckDBPyConnection,
    name: Any,
    read: Callable[[duckdb.DuckDBPyConnection], Any],
    approvals: bool = False,
) -> tuple[Any, frozenset[int]] | None:
    """`read(whole snapshot)`, read once per snapshot for all its scopes, and the scope's unit ids
    the caller must cut it to; None on a connection that is not a scope of a snapshot (read it
    there). For reads a caller cuts itself (a lookup of the units asked: `cut_from_snapshot` would
    cut every row for every scope), with the same rule: tables whose scoped views keep the rows of
    the scope's units and filter nothing else; `approvals` as for `cut_from_snapshot`."""
    scoped = _whole_serves(con, approvals)
    if scoped is None:
        return None
    return memo(
        scoped.snapshot_instance, ("read_of_snapshot", name), lambda: read(_whole(scoped))
    ), cast(frozenset, scoped.ids)


def recent_of_snapshot(
    con: duckdb.DuckDBPyConnection,
    family: str,
    key: Any,
    read: Callable[[duckdb.DuckDBPyConnection], Any],
    keep: int,
    unit_ids: Iterable[int],
    approvals: bool = False,
) -> Any | None:
    """`read(whole snapshot)` for one `key` of a `family` of reads (an indicator and period…),
    kept for the snapshot's scopes — the `keep` most recently used keys of the family — when every
    one of `unit_ids` (the units the caller cuts it to) is the scope's; None otherwise (read it on
    `con`). The same rule as `read_of_snapshot` for what may be read so; the caller cuts the rows
    to `unit_ids`."""
    scoped = _whole_serves(con, approvals, unit_ids)
    if scoped is None:
        return None
    held = memo(scoped.snapshot_instance, ("recent_of_snapshot", family), OrderedDict)
    with _lock:
        if key in held:
            held.move_to_end(key)
            return held[key]
    value = read(_whole(scoped))
    with _lock:
        held[key] = value
        while len(held) > keep:
            held.popitem(last=False)
    return value


def _whole_serves(
    con: duckdb.DuckDBPyConnection, approvals: bool, unit_ids: Iterable[int] = ()
) -> ScopedConnection | None:
    """`con` as a scope of a snapshot when a read of the whole snapshot, cut to its units, gives
    what its views give — for `unit_ids` all its own; `approvals`: of tables the approval view
    filters too, so only when it hides nothing in this snapshot — else None."""
    if not isinstance(con, ScopedConnection) or con.ids is None:
        return None
    if approvals and con.approved_only and _pending(con):
        return None
    ids = con.ids
    if not all(int(u) in ids for u in unit_ids):
        return None
    return con


def _pending(con: ScopedConnection) -> bool:
    """Whether the snapshot holds a report waiting for approval (what an approved-only view hides)."""
    return memo(
        con.snapshot_instance,
        "snapshot_pending",
        lambda: bool(
            query(
                _whole(con), "SELECT count(*) AS n FROM submissions WHERE status <> 'da_duyet'"
            ).n.iloc[0]
        ),
    )


def _whole(con: ScopedConnection) -> duckdb.DuckDBPyConnection:
    """The whole snapshot under a scoped connection, as a connection (store-internal: only
    `cut_from_snapshot` reads it, and hands out nothing but cuts)."""
    base = con.snapshot_instance

    def make() -> duckdb.DuckDBPyConnection:
        whole = _as_connection(ScopedConnection(base, "s"))
        freeze(whole, version=memo(base, "snapshot_version", lambda: data_version(whole)))
        return whole

    return memo(base, "whole_snapshot", make)


def _tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, set[str]]]:
    columns: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_catalog = 's' AND table_schema = 'main'"
    ).fetchall():
        columns.setdefault(table, set()).add(column)
    return sorted(columns.items())


def _view(database: str, table: str, cols: set[str], approved_only: bool) -> str:
    units = f"(SELECT unit_id FROM {database}.main.scope_units)"
    uploads = _UPLOAD_IDS_IN_SCOPE.replace("scope_units", f"{database}.main.scope_units")
    if table == "uploads":
        body = f"SELECT * FROM s.main.uploads u WHERE u.upload_id IN ({uploads})"
    elif table == "name_aliases":  # names learnt from uploads in scope (or set by an operator)
        body = (
            f"SELECT * FROM s.main.name_aliases WHERE upload_id IS NULL OR upload_id IN ({uploads})"
        )
    elif table in ("observations", "unit_periods") and approved_only:  # per unit × period both
        body = f'SELECT * FROM s.main."{table}" o WHERE unit_id IN {units}' + _NOT_PENDING
    elif "unit_id" in cols:
        body = f'SELECT * FROM s.main."{table}" WHERE unit_id IN {units}'
    else:
        body = f'SELECT * FROM s.main."{table}"'
    return f'CREATE VIEW {database}.main."{table}" AS {body}'


def _detach(base: duckdb.DuckDBPyConnection, database: str) -> None:
    """A scope nobody holds any more: its views and unit list go (the instance stays)."""
    try:
        cursor = base.cursor()
        try:
            cursor.execute(f"DETACH {database}")
        finally:
            cursor.close()
    except duckdb.Error:
        pass  # the instance is closed already


def forget_scopes() -> None:
    """Drop the cached scoped connections, keeping the snapshots' instances (benchmarks)."""
    with _lock:
        _cache.clear()


def forget() -> None:
    """Drop the cached scoped connections and the snapshots' instances (tests; after a restore)."""
    with _lock:
        _cache.clear()
        _bases.clear()
        _spares.clear()
        _wanted.clear()
