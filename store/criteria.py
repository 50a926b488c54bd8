"""Recognitions and uploaded scoring tables (migration 002): written inside an upload's transaction,
read ignoring rolled-back uploads."""

from __future__ import annotations

import duckdb
import pandas as pd

RECOGNITION_COLUMNS = [
    "unit_id",
    "framework",
    "level",
    "year",
    "decision",
    "decided_on",
    "source_cell",
]
SCORE_COLUMNS = [
    "unit_id",
    "year",
    "framework",
    "item",
    "name",
    "indicator_code",
    "min_level",
    "max_level",
    "min_points",
    "max_points",
    "points_reported",
    "source_cell",
]


def _frame(rows, columns: list[str]) -> pd.DataFrame:
    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows or []))
    for column in columns:
        if column not in frame:
            frame[column] = None
    return frame[columns]


def insert_extras(cursor: duckdb.DuckDBPyConnection, batch: dict, upload_id: int) -> None:
    """Write a batch's `recognitions` and `criteria_scores` (lists of dicts or DataFrames), if any,
    on the cursor of the upload's open transaction."""
    for key, table, columns in (
        ("recognitions", "recognitions", RECOGNITION_COLUMNS),
        ("criteria_scores", "criteria_scores", SCORE_COLUMNS),
    ):
        rows = batch.get(key)
        if rows is None or len(rows) == 0:
            continue
        frame = _frame(rows, columns)
        frame.insert(len(frame.columns), "upload_id", upload_id)
        cursor.register("_extra_rows", frame)
        names = ", ".join(frame.columns)
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM _extra_rows"
        )  # constants only
        cursor.unregister("_extra_rows")


def recognitions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Recognitions in force (their upload not rolled back); a later upload's row wins per
    unit × framework × level."""
    cursor = con.cursor()
    try:
        return cursor.execute(
            """
            SELECT r.unit_id, r.framework, r.level, r.year, r.decision, r.decided_on, r.upload_id, r.source_cell
            FROM recognitions r JOIN uploads u USING (upload_id)
            WHERE u.status <> 'rolled_back'
            QUALIFY row_number() OVER (PARTITION BY r.unit_id, r.framework, r.level ORDER BY r.upload_id DESC) = 1
            ORDER BY r.unit_id, r.year
            """
        ).df()
    finally:
        cursor.close()


def scores(con: duckdb.DuckDBPyConnection, unit_id: int, year: int) -> pd.DataFrame:
    """The latest uploaded scoring table in force for a unit and year (empty when none)."""
    cursor = con.cursor()
    try:
        return cursor.execute(
            """
            WITH latest AS (
                SELECT max(s.upload_id) AS upload_id FROM criteria_scores s JOIN uploads u USING (upload_id)
                WHERE u.status <> 'rolled_back' AND s.unit_id = ? AND s.year = ?
            )
            SELECT s.* FROM criteria_scores s JOIN latest USING (upload_id)
            WHERE s.unit_id = ? AND s.year = ?
            """,
            [unit_id, year, unit_id, year],
        ).df()
    finally:
        cursor.close()
