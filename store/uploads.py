"""Writing observations: one upload = one transaction; every value kept as a version; rollback.

`observations` holds the current value per key (indicator × unit × period × kind × target source);
`observation_versions` keeps every value ever loaded, so a re-upload replaces the current value and
the old one stays in history, and rolling an upload back restores what it replaced.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from store import approvals
from store.aliases import save_aliases
from store.connection import query
from store.criteria import insert_extras

KEY = ["indicator_code", "unit_id", "year", "month_from", "month_to", "kind", "target_source"]
COLUMNS = KEY + ["value", "source_value", "source_measure", "source_cell"]
_KEY_SQL = ", ".join(KEY)
_JOIN_ON = " AND ".join(f"o.{k} = n.{k}" for k in KEY)
# relative difference below which a re-loaded value is the same value (float noise of unit factors)
_SAME = "1e-9"


@dataclass(frozen=True)
class CommitResult:
    upload_id: int
    n_observations: int
    n_replaced: int
    n_unchanged: int = 0  # equal to the value in force: no new version written


def _has_duplicate_keys(data: pd.DataFrame) -> bool:
    """Whether two rows share a key: the key columns factorised and combined into one integer."""
    if len(data) < 2:
        return False
    key = np.zeros(len(data), dtype=np.int64)
    size = 1
    for column in KEY:
        codes, uniques = pd.factorize(data[column], use_na_sentinel=False)
        width = len(uniques) + 1
        if size * width >= 2**62:  # keep the combined key in range: renumber what we have so far
            key, seen = pd.factorize(key)
            key, size = key.astype(np.int64), len(seen)
        key = key * width + codes
        size *= width
    return bool(pd.Series(key).duplicated().any())


def _prepare(frame: pd.DataFrame, unique_keys: bool = False) -> pa.Table:
    """The upload's observations as an Arrow table in the store's column order (text columns that are
    categoricals stay dictionary-encoded; nothing is converted row by row). `unique_keys`: the caller
    has already refused repeated keys (the loader does), so they are not looked for again."""
    data = frame.copy(deep=False)
    if "target_source" not in data:
        data["target_source"] = ""
    if data["target_source"].isna().any():
        data["target_source"] = data["target_source"].astype(object).fillna("")
    for column in ("source_value", "source_measure", "source_cell"):
        if column not in data:
            data[column] = None
    data = data[COLUMNS]
    if not unique_keys and _has_duplicate_keys(data):
        raise ValueError("duplicate observation keys in one upload")
    arrays = {}
    for column in COLUMNS:
        series = data[column]
        if column in ("unit_id", "year", "month_from", "month_to"):
            arrays[column] = pa.array(series.to_numpy(dtype=np.int64))
        elif column in ("value", "source_value"):
            arrays[column] = pa.array(
                pd.to_numeric(series).to_numpy(dtype=np.float64, na_value=np.nan), from_pandas=True
            )
        elif isinstance(series.dtype, pd.CategoricalDtype):
            codes = np.asarray(series.cat.codes)
            labels = pa.array(np.asarray(series.cat.categories, dtype=object), type=pa.string())
            arrays[column] = pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), labels)
        elif isinstance(series.dtype, pd.StringDtype):
            arrays[column] = pa.array(series.array, type=pa.string())
        else:
            arrays[column] = pa.array(
                series.to_numpy(dtype=object), type=pa.string(), from_pandas=True
            )
    return pa.table(arrays)


def refresh_unit_summary(cursor: duckdb.DuckDBPyConnection, units_sql: str | None = None) -> None:
    """Recompute the `unit_summary` and `unit_periods` rows of the units listed by `units_sql` (a
    SELECT of unit_id), or of every unit when None. Runs inside the caller's transaction."""
    if units_sql is None:
        cursor.execute("DELETE FROM unit_summary")
        cursor.execute("DELETE FROM unit_periods")
        cursor.execute(
            "INSERT INTO unit_summary SELECT unit_id, count(*), min(year), max(year) "
            "FROM observations GROUP BY unit_id"
        )
        cursor.execute(f"INSERT INTO unit_periods {_UNIT_PERIODS_SQL.format(where='')}")
        return
    cursor.execute(
        f"CREATE OR REPLACE TEMP TABLE _summary_units AS SELECT DISTINCT unit_id FROM ({units_sql})"
    )
    for table in ("unit_summary", "unit_periods"):
        cursor.execute(f"DELETE FROM {table} WHERE unit_id IN (SELECT unit_id FROM _summary_units)")
    cursor.execute(
        "INSERT INTO unit_summary SELECT unit_id, count(*), min(year), max(year) FROM observations "
        "WHERE unit_id IN (SELECT unit_id FROM _summary_units) GROUP BY unit_id"
    )
    only = "AND unit_id IN (SELECT unit_id FROM _summary_units)"
    cursor.execute(f"INSERT INTO unit_periods {_UNIT_PERIODS_SQL.format(where=only)}")
    cursor.execute("DROP TABLE _summary_units")


# the periods a unit holds actuals or estimates of (migration 012)
_UNIT_PERIODS_SQL = """
    SELECT DISTINCT unit_id, year, month_from, month_to FROM observations
    WHERE kind IN ('actual', 'estimate') {where}
    ORDER BY unit_id, year, month_from, month_to
"""


def _write(
    cursor: duckdb.DuckDBPyConnection,
    data: pa.Table,
    *,
    file_name: str,
    sha256: str | None = None,
    uploaded_by: str | None = None,
    layout: str | None = None,
    warnings: list[str] | None = None,
    status: str = "committed",
    **_extras,
) -> CommitResult:
    """One upload's rows, inside the caller's open transaction."""
    warnings = warnings or []
    upload_id = int(cursor.execute("SELECT nextval('upload_id_seq')").fetchall()[0][0])
    cursor.register("_new_obs", data)
    try:
        has_current = cursor.execute("SELECT EXISTS (SELECT 1 FROM observations)").fetchall()[0][0]
        n_replaced = n_unchanged = 0
        rows = "_new_obs"
        if has_current:
            # a value equal to the current one is "không đổi": no new version, not a replacement
            cursor.execute(
                f"""CREATE TEMP TABLE _changed AS SELECT n.* FROM _new_obs n
                LEFT JOIN observations o ON {_JOIN_ON}
                WHERE o.value IS NULL OR abs(o.value - n.value) > {_SAME} * greatest(1, abs(o.value))"""
            )
            n_changed = int(cursor.execute("SELECT count(*) FROM _changed").fetchall()[0][0])
            n_unchanged = data.num_rows - n_changed
            n_replaced = int(
                cursor.execute(
                    f"SELECT count(*) FROM observations o JOIN _changed n ON {_JOIN_ON}"
                ).fetchall()[0][0]
            )
            rows = "_changed"
        if status != "demo":  # demo data are neither waiting nor locked
            approvals.refuse_locked(cursor, rows)
            approvals.submit(cursor, rows, upload_id, uploaded_by)
        cursor.execute(
            "INSERT INTO uploads (upload_id, file_name, sha256, uploaded_by, uploaded_at, status, "
            "layout, n_observations, n_replaced, n_warnings, warnings, rolled_back_at, n_unchanged) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
            [
                upload_id,
                file_name,
                sha256,
                uploaded_by,
                datetime.now(),
                status,
                layout,
                data.num_rows,
                n_replaced,
                len(warnings),
                json.dumps(warnings, ensure_ascii=False),
                n_unchanged,
            ],
        )
        cursor.execute(
            "INSERT INTO observation_versions SELECT indicator_code, unit_id, year, month_from, month_to, "
            f"kind, target_source, value, {upload_id}, source_value, source_measure, source_cell FROM {rows}"
        )
        verb = (
            "INSERT OR REPLACE" if n_replaced else "INSERT"
        )  # plain INSERT is faster on fresh keys
        cursor.execute(
            f"{verb} INTO observations SELECT {_KEY_SQL}, value, {upload_id}, source_cell FROM {rows}"
        )
        refresh_unit_summary(cursor, f"SELECT unit_id FROM {rows}")
        if rows == "_changed":
            cursor.execute("DROP TABLE _changed")
    finally:
        cursor.unregister("_new_obs")
    return CommitResult(upload_id, data.num_rows, n_replaced, n_unchanged)


def commit_upload(
    con: duckdb.DuckDBPyConnection,
    observations: pd.DataFrame,
    *,
    file_name: str,
    sha256: str | None = None,
    uploaded_by: str | None = None,
    layout: str | None = None,
    warnings: list[str] | None = None,
    status: str = "committed",
) -> CommitResult:
    """Write all observations of one upload in one transaction, or nothing."""
    data = _prepare(observations)
    cursor = con.cursor()
    try:
        cursor.execute("BEGIN TRANSACTION")
        result = _write(
            cursor,
            data,
            file_name=file_name,
            sha256=sha256,
            uploaded_by=uploaded_by,
            layout=layout,
            warnings=warnings,
            status=status,
        )
        cursor.execute("COMMIT")
    except Exception:
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()
    return result


def _recompute(cursor: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """Every key the upload wrote takes its latest version from an upload in force (by upload
    order): after a rollback the one before it, after a re-apply its own (or a later one's)."""
    cursor.execute(
        f"CREATE TEMP TABLE _touched AS SELECT DISTINCT {_KEY_SQL} FROM observation_versions "
        "WHERE upload_id = ?",
        [upload_id],
    )
    touched = int(cursor.execute("SELECT count(*) FROM _touched").fetchall()[0][0])
    cursor.execute(
        f"DELETE FROM observations WHERE ({_KEY_SQL}) IN (SELECT ({_KEY_SQL}) FROM _touched)"
    )
    cursor.execute(
        f"""
        INSERT INTO observations
        SELECT {_KEY_SQL}, arg_max(v.value, v.upload_id), max(v.upload_id),
               arg_max(v.source_cell, v.upload_id)
        FROM observation_versions v
        JOIN uploads u USING (upload_id)
        WHERE u.status <> 'rolled_back'
          AND ({_KEY_SQL}) IN (SELECT ({_KEY_SQL}) FROM _touched)
        GROUP BY {_KEY_SQL}
        """
    )
    refresh_unit_summary(cursor, "SELECT unit_id FROM _touched")
    cursor.execute("DROP TABLE _touched")
    return touched


def reapply_upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """Put a rolled-back upload back in force: each key it wrote takes its latest version from the
    uploads in force (its own unless a later upload changed the key). Returns the keys touched."""
    cursor = con.cursor()
    try:
        rows = cursor.execute(
            "SELECT status, layout FROM uploads WHERE upload_id = ?", [upload_id]
        ).fetchall()
        if not rows:
            raise ValueError(f"upload {upload_id} does not exist")
        if rows[0][0] != "rolled_back":
            return 0
        cursor.execute("BEGIN TRANSACTION")
        approvals.refuse_locked_upload(cursor, upload_id)
        cursor.execute(
            "UPDATE uploads SET status = ?, rolled_back_at = NULL WHERE upload_id = ?",
            ["demo" if rows[0][1] == "demo" else "committed", upload_id],
        )
        touched = _recompute(cursor, upload_id)
        cursor.execute("COMMIT")
    except Exception:
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()
    return touched


def rollback_upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """Undo an upload: its values leave `observations`, each key falls back to its latest earlier
    version from an upload still in force. Returns the number of keys touched."""
    cursor = con.cursor()
    try:
        rows = cursor.execute(
            "SELECT status FROM uploads WHERE upload_id = ?", [upload_id]
        ).fetchall()
        status = rows[0] if rows else None
        if status is None:
            raise ValueError(f"upload {upload_id} does not exist")
        if status[0] == "rolled_back":
            return 0
        cursor.execute("BEGIN TRANSACTION")
        approvals.refuse_locked_upload(cursor, upload_id)
        cursor.execute(
            "UPDATE uploads SET status = 'rolled_back', rolled_back_at = ? WHERE upload_id = ?",
            [datetime.now(), upload_id],
        )
        touched = _recompute(cursor, upload_id)
        cursor.execute("COMMIT")
    except Exception:
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()
    return touched


def history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    cursor = con.cursor()
    try:
        return cursor.execute(
            "SELECT upload_id, file_name, sha256, uploaded_by, uploaded_at, status, layout, "
            "n_observations, n_replaced, n_unchanged, n_warnings, warnings, rolled_back_at "
            "FROM uploads ORDER BY upload_id DESC"
        ).df()
    finally:
        cursor.close()


def units_of(con: duckdb.DuckDBPyConnection, upload_id: int) -> list[int]:
    """Every unit an upload wrote a value, a recognition or a score for."""
    return sorted(units_of_uploads(con, [upload_id]))


def states(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """Every upload's status (upload_id → status): comparing two snapshots' says which uploads were
    made, rolled back or applied again in between."""
    found = query(con, "SELECT upload_id, status FROM uploads")
    return dict(zip(found.upload_id.astype(int), found.status.astype(str)))


def units_of_uploads(con: duckdb.DuckDBPyConnection, upload_ids: Iterable[int]) -> set[int]:
    """Every unit these uploads wrote a value, a recognition or a score for."""
    ids = sorted({int(u) for u in upload_ids})
    if not ids:
        return set()
    found = query(
        con,
        """
        SELECT unit_id FROM observation_versions WHERE upload_id IN (SELECT unnest($ids::BIGINT[]))
        UNION SELECT unit_id FROM criteria_scores WHERE upload_id IN (SELECT unnest($ids::BIGINT[]))
        UNION SELECT unit_id FROM recognitions WHERE upload_id IN (SELECT unnest($ids::BIGINT[]))
        """,
        {"ids": ids},
    )
    return {int(u) for u in found.unit_id}


def same_file(con: duckdb.DuckDBPyConnection, sha256: str) -> pd.DataFrame:
    """Uploads in force of a file with these bytes (upload_id, file_name, uploaded_at), first first."""
    cursor = con.cursor()
    try:
        return cursor.execute(
            "SELECT upload_id, file_name, uploaded_at FROM uploads "
            "WHERE sha256 = ? AND status <> 'rolled_back' ORDER BY upload_id",
            [sha256],
        ).df()
    finally:
        cursor.close()


def commit_uploads(con: duckdb.DuckDBPyConnection, batches: list[dict]) -> list[CommitResult]:
    """Several uploads (one per file) in ONE transaction: all are written or none.

    Each batch is a dict with `observations` and the keyword arguments of `commit_upload`
    (file_name, sha256, uploaded_by, layout, warnings, status). Added for `python -m loaders load A B`.
    """
    prepared = [(_prepare(b["observations"], bool(b.get("unique_keys"))), b) for b in batches]
    # `decisions`: a batch's name decisions (dicts of kind, name, name_key, target), saved as aliases
    results = []
    cursor = con.cursor()
    try:
        cursor.execute("BEGIN TRANSACTION")
        for data, batch in prepared:
            meta = {k: v for k, v in batch.items() if k not in ("observations", "unique_keys")}
            decisions = meta.pop("decisions", None) or []
            result = _write(cursor, data, **meta)
            insert_extras(cursor, batch, result.upload_id)  # recognitions, scoring tables (issue 5)
            # names decided for this file: kept as aliases for every later file, and as the upload's record
            save_aliases(
                cursor,
                decisions,
                user=batch.get("uploaded_by"),
                file_name=batch.get("file_name"),
                upload_id=result.upload_id,
            )
            results.append(result)
        cursor.execute("COMMIT")
    except Exception:
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()
    return results
