"""Names learnt from uploads (migration 004): aliases of indicators and units, indicators an
administrator added, and the decisions each upload was committed with. Every change bumps
`meta.aliases_version`, so catalog caches built from the store refresh at once."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from store import connection  # the module: store.connection imports this one while it loads

ALIAS_COLUMNS = [
    "kind",
    "name",
    "name_key",
    "target",
    "created_by",
    "created_at",
    "file_name",
    "upload_id",
]
ADDITION_COLUMNS = [
    "code",
    "name",
    "measure",
    "group_code",
    "direction",
    "aggregation",
    "value_type",
    "min_value",
    "max_value",
    "created_by",
    "created_at",
    "file_name",
]


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params=()) -> pd.DataFrame:
    cursor = con.cursor()
    try:
        return cursor.execute(sql, list(params)).df()
    finally:
        cursor.close()


def version(con: duckdb.DuckDBPyConnection) -> str:
    """What the learnt names are, cheaply: the store's id, its change counter and a fingerprint of the
    aliases and additions (copies of one store file that learnt different names differ too)."""
    row = _frame(
        con,
        "SELECT (SELECT value FROM meta WHERE key = 'store_id') AS store_id, "
        "(SELECT value FROM meta WHERE key = 'aliases_version') AS changes, "
        "(SELECT count(*) || '/' || coalesce(sum(hash(kind || name_key || target)), 0) FROM name_aliases) AS a, "
        "(SELECT count(*) || '/' || coalesce(sum(hash(code || name || measure)), 0) FROM indicator_additions) AS i",
    ).iloc[0]
    return f"{row.store_id}:{row.changes or 0}:{row.a}:{row.i}"


def _bump(cursor: duckdb.DuckDBPyConnection) -> None:
    rows = cursor.execute("SELECT value FROM meta WHERE key = 'aliases_version'").fetchall()
    n = int(rows[0][0]) + 1 if rows else 1
    cursor.execute("INSERT OR REPLACE INTO meta VALUES ('aliases_version', ?)", [str(n)])


def aliases(con: duckdb.DuckDBPyConnection, kind: str | None = None) -> pd.DataFrame:
    sql = f"SELECT {', '.join(ALIAS_COLUMNS)} FROM name_aliases"
    if kind:
        return _frame(con, sql + " WHERE kind = ? ORDER BY name", [kind])
    return _frame(con, sql + " ORDER BY kind, name")


def save_aliases(
    cursor: duckdb.DuckDBPyConnection,
    rows: list[dict],
    *,
    user: str | None,
    file_name: str | None,
    upload_id: int | None,
) -> int:
    """Insert or replace aliases (dicts with kind, name, name_key, target) inside the caller's open
    transaction; returns how many."""
    now = datetime.now()
    for row in rows:
        cursor.execute(
            "INSERT OR REPLACE INTO name_aliases VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                row["kind"],
                row["name"],
                row["name_key"],
                str(row["target"]),
                user,
                now,
                file_name,
                upload_id,
            ],
        )
        if upload_id is not None:
            cursor.execute(
                "INSERT INTO upload_decisions VALUES (?, ?, ?, ?)",
                [upload_id, row["kind"], row["name"], str(row["target"])],
            )
    if rows:
        _bump(cursor)
    return len(rows)


def add_alias(con: duckdb.DuckDBPyConnection, row: dict, user: str | None = None) -> None:
    with connection.transaction(con) as cursor:
        save_aliases(cursor, [row], user=user, file_name=None, upload_id=None)


def remove_alias(con: duckdb.DuckDBPyConnection, kind: str, name_key: str) -> int:
    with connection.transaction(con) as cursor:
        n = cursor.execute(
            "SELECT count(*) FROM name_aliases WHERE kind = ? AND name_key = ?", [kind, name_key]
        ).fetchall()[0][0]
        cursor.execute("DELETE FROM name_aliases WHERE kind = ? AND name_key = ?", [kind, name_key])
        if n:
            _bump(cursor)
    return int(n)


def decisions_of(con: duckdb.DuckDBPyConnection, upload_id: int) -> pd.DataFrame:
    return _frame(
        con,
        "SELECT kind, name, target FROM upload_decisions WHERE upload_id = ? ORDER BY kind, name",
        [upload_id],
    )


def additions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return _frame(
        con,
        f"SELECT {', '.join(ADDITION_COLUMNS)} FROM indicator_additions ORDER BY created_at, code",
    )


def add_indicator(
    con: duckdb.DuckDBPyConnection, fields: dict, *, user: str | None, file_name: str | None
) -> None:
    """A new catalog indicator added by an administrator from the mapping step: kept in
    `indicator_additions` and copied into `indicators` (reference sync copies it again)."""
    values = [
        fields["code"],
        fields["name"],
        fields["measure"],
        fields["group_code"],
        fields["direction"],
        fields["aggregation"],
        fields.get("value_type", "level"),
        fields.get("min_value"),
        fields.get("max_value"),
        user,
        datetime.now(),
        file_name,
    ]
    with connection.transaction(con) as cursor:
        cursor.execute(
            f"INSERT INTO indicator_additions ({', '.join(ADDITION_COLUMNS)}) VALUES "
            f"({', '.join('?' * len(ADDITION_COLUMNS))})",
            values,
        )
        copy_additions(cursor)
        _bump(cursor)


def copy_additions(cursor: duckdb.DuckDBPyConnection) -> None:
    """Indicators added in the store that the catalog files do not (yet) hold, into `indicators`."""
    cursor.execute(
        "INSERT INTO indicators (code, name, aliases, measure, group_code, direction, aggregation, value_type, "
        "min_value, max_value, is_criterion, sort_order, source) "
        "SELECT a.code, a.name, [], a.measure, a.group_code, a.direction, a.aggregation, a.value_type, a.min_value, "
        "a.max_value, false, 100000 + row_number() OVER (ORDER BY a.created_at, a.code), "
        "'Thêm khi tải lên: ' || coalesce(a.created_by, '?') || ', ' || strftime(a.created_at, '%d/%m/%Y') "
        "FROM indicator_additions a WHERE a.code NOT IN (SELECT code FROM indicators)"
    )


def all_decisions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every upload's name decisions with the upload's file and time, newest first."""
    return _frame(
        con,
        "SELECT d.upload_id, u.file_name, u.uploaded_at, d.kind, d.name, d.target FROM upload_decisions d "
        "JOIN uploads u USING (upload_id) ORDER BY d.upload_id DESC, d.kind, d.name",
    )


def remove_indicator(con: duckdb.DuckDBPyConnection, code: str) -> bool:
    """Remove an indicator added from an upload, when no observation (current or past) uses it."""
    with connection.transaction(con) as cursor:
        added = cursor.execute(
            "SELECT count(*) FROM indicator_additions WHERE code = ?", [code]
        ).fetchall()[0][0]
        used = cursor.execute(
            "SELECT count(*) FROM observation_versions WHERE indicator_code = ?", [code]
        ).fetchall()[0][0]
        if not added or used:
            return False
        cursor.execute("DELETE FROM indicator_additions WHERE code = ?", [code])
        cursor.execute("DELETE FROM indicators WHERE code = ?", [code])
        cursor.execute("DELETE FROM name_aliases WHERE kind = 'indicator' AND target = ?", [code])
        _bump(cursor)
    return True
