"""A user's scope enforced below every query: a connection on which each table with a `unit_id`
shows only the units of the scope (the units named and everything under them, in every period).

The connection is an in-memory DuckDB database that attaches the published snapshot read-only and
defines one view per table under the table's own name. Every query function — those written today
and those added later — runs its SQL unchanged and cannot see outside the scope: there is no filter
to forget. Uploads are shown when they wrote something in the scope."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import duckdb

from store.connection import data_version, freeze, query

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
_UPLOADS_IN_SCOPE = f"SELECT * FROM s.main.uploads u WHERE u.upload_id IN ({_UPLOAD_IDS_IN_SCOPE})"
CACHE = 16  # scoped connections kept per process (one per scope and snapshot in use)
_lock = threading.Lock()
_cache: OrderedDict[tuple, duckdb.DuckDBPyConnection] = OrderedDict()


def unit_ids(con: duckdb.DuckDBPyConnection, codes: Iterable[str]) -> list[int]:
    """The units that have had these GSO codes (a merged ward keeps one predecessor's code), all
    units under them and the units merged into them."""
    chosen = sorted({str(c).strip() for c in codes})
    if not chosen:
        return []
    return [int(u) for u in query(con, SCOPE_UNITS_SQL, [chosen]).unit_id]


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
    snapshot = snapshot_file(reader)
    ids = tuple(unit_ids(reader, codes))
    key = (snapshot, ids, approved_only)
    with _lock:
        held = _cache.get(key)
        if held is not None:
            _cache.move_to_end(key)
            return held
    con = _build(Path(snapshot), ids, approved_only)
    with _lock:
        _cache[key] = con
        while len(_cache) > CACHE:
            _cache.popitem(last=False)  # not closed: a page run may still read it
    return con


_NOT_PENDING = """
    AND NOT EXISTS (
        SELECT 1 FROM s.main.submissions p
        WHERE p.unit_id = o.unit_id AND p.year = o.year AND p.month_from = o.month_from
          AND p.month_to = o.month_to AND p.status <> 'da_duyet'
    )"""


def _build(snapshot: Path, ids: tuple[int, ...], approved_only: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    escaped = str(snapshot).replace("'", "''")
    con.execute(f"ATTACH '{escaped}' AS s (READ_ONLY)")
    # the whole snapshot's data version and whether pending values are hidden (store.summaries)
    base = data_version(con, schema="s.main.")
    con.execute("CREATE TABLE scope_base (version VARCHAR, approved_only BOOLEAN)")
    con.execute("INSERT INTO scope_base VALUES (?, ?)", [repr(base), approved_only])
    con.execute("CREATE TABLE scope_units (unit_id BIGINT PRIMARY KEY)")
    if ids:
        # one statement (executemany took ~0,4 ms a row: 0,4 s for a province's units over time)
        con.execute("INSERT INTO scope_units SELECT unnest(?::BIGINT[])", [list(ids)])
    columns: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_catalog = 's' AND table_schema = 'main'"
    ).fetchall():
        columns.setdefault(table, set()).add(column)
    for table, cols in columns.items():
        if table == "uploads":
            body = _UPLOADS_IN_SCOPE
        elif table == "name_aliases":  # names learnt from uploads in scope (or set by an operator)
            body = (
                "SELECT * FROM s.main.name_aliases WHERE upload_id IS NULL"
                f" OR upload_id IN ({_UPLOAD_IDS_IN_SCOPE})"
            )
        elif table == "observations" and approved_only:
            body = (
                "SELECT * FROM s.main.observations o"
                " WHERE unit_id IN (SELECT unit_id FROM scope_units)" + _NOT_PENDING
            )
        elif "unit_id" in cols:
            body = (
                f'SELECT * FROM s.main."{table}" WHERE unit_id IN (SELECT unit_id FROM scope_units)'
            )
        else:
            body = f'SELECT * FROM s.main."{table}"'
        con.execute(f'CREATE VIEW main."{table}" AS {body}')
    freeze(con, version=(base, ids, approved_only))  # views of a snapshot that never changes
    return con


def forget() -> None:
    """Drop the cached scoped connections (tests; after a restore)."""
    with _lock:
        _cache.clear()
