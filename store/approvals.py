"""Submit → approve → lock per unit × period (migration 007). A committed upload makes each unit ×
period it changed "chờ duyệt"; the leader above approves ("đã duyệt": locked — no upload, rollback
or re-apply may change it until unlocked) or returns it with a reason ("trả lại"). Every change of
status is also in the audit trail (store.audit), written by the page that made it."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd

from store.connection import StoreError, memo, query, transaction

WAITING, APPROVED, RETURNED = "cho_duyet", "da_duyet", "tra_lai"
LABELS = {WAITING: "Chờ duyệt", APPROVED: "Đã duyệt", RETURNED: "Trả lại"}
Key = tuple[int, int, int, int]  # unit_id, year, month_from, month_to
Decision = tuple[int, int, int, int, int]  # a Key and the upload the decision is about


class Locked(StoreError):
    """A write would change approved values."""


def _locked_message(rows: list[tuple]) -> Locked:
    name, year, mf, mt, by, at = rows[0]
    period = f"năm {year}" if (mf, mt) == (1, 12) else f"tháng {mf}–{mt}/{year}"
    more = f" (và {len(rows) - 1} đơn vị × kỳ khác)" if len(rows) > 1 else ""
    return Locked(
        f"Số liệu {name}, {period} đã được {by} duyệt lúc {at:%H:%M %d/%m/%Y}{more}: không thay "
        "được cho đến khi người duyệt mở khóa. Không có số liệu nào được ghi.",
        f"{len(rows)} locked unit-periods",
    )


def refuse_locked(cursor: duckdb.DuckDBPyConnection, rows: str) -> None:
    """Raise Locked when the relation `rows` (unit_id, year, month_from, month_to …) touches an
    approved unit × period."""
    hit = cursor.execute(
        f"""
        SELECT DISTINCT u.name, s.year, s.month_from, s.month_to, s.decided_by, s.decided_at
        FROM submissions s JOIN (SELECT DISTINCT unit_id, year, month_from, month_to FROM {rows}) r
          USING (unit_id, year, month_from, month_to)
        JOIN admin_units u ON u.unit_id = s.unit_id
        WHERE s.status = '{APPROVED}' ORDER BY 1, 2, 3, 4 LIMIT 20
        """
    ).fetchall()
    if hit:
        raise _locked_message(hit)


def submit(cursor: duckdb.DuckDBPyConnection, rows: str, upload_id: int, user: str | None) -> None:
    """The unit × periods of `rows` wait for approval, as of this upload."""
    cursor.execute(
        f"""
        INSERT OR REPLACE INTO submissions
        SELECT DISTINCT unit_id, year, month_from, month_to, '{WAITING}', ?, ?, ?, NULL, NULL, NULL
        FROM {rows}
        """,
        [upload_id, user, datetime.now()],
    )


def refuse_locked_upload(cursor: duckdb.DuckDBPyConnection, upload_id: int) -> None:
    """A rollback or re-apply of this upload would change approved values: refused."""
    cursor.execute(
        "CREATE OR REPLACE TEMP TABLE _upload_keys AS SELECT DISTINCT unit_id, year, month_from,"
        " month_to FROM observation_versions WHERE upload_id = ?",
        [upload_id],
    )
    try:
        refuse_locked(cursor, "_upload_keys")
    finally:
        cursor.execute("DROP TABLE IF EXISTS _upload_keys")


def decide(
    con: duckdb.DuckDBPyConnection,
    keys: Iterable[Decision],
    status: str,
    user: str,
    reason: str = "",
    *,
    allowed: set[int],
) -> int:
    """Approve, return or unlock (back to waiting) these unit × periods, each as of the upload named
    with it; returns how many changed.
    Only waiting ones are approved or returned; only approved ones are unlocked; keys of units
    outside `allowed` (the units the user approves for: store.approvals.approver_units) are
    left alone."""
    chosen = [k for k in keys if int(k[0]) in allowed]
    if not chosen:
        return 0
    # a decision is about the upload the approver looked at: a newer upload of the same unit ×
    # period (waiting again) is not approved with it; nobody approves or returns their own upload
    own = "AND coalesce(s.submitted_by, '') <> $user" if status in (APPROVED, RETURNED) else ""
    before = {WAITING: (APPROVED, RETURNED), APPROVED: (WAITING,)}
    allowed_from = [s for s, targets in before.items() if status in targets]
    frame = pd.DataFrame(chosen, columns=["unit_id", "year", "month_from", "month_to", "upload_id"])
    with transaction(con) as cursor:
        cursor.register("_chosen", frame)
        n = cursor.execute(
            f"""
            UPDATE submissions s SET status = $status, decided_by = $user, decided_at = $at,
                   reason = $reason
            FROM _chosen c
            WHERE s.unit_id = c.unit_id AND s.year = c.year AND s.month_from = c.month_from
              AND s.month_to = c.month_to AND s.upload_id = c.upload_id
              AND s.status IN ({", ".join(repr(x) for x in allowed_from)}) {own}
            """,
            {"status": status, "user": user, "at": datetime.now(), "reason": reason or None},
        ).fetchall()[0][0]
        cursor.unregister("_chosen")
    return int(n)


def listing(con: duckdb.DuckDBPyConnection, status: str | None = None) -> pd.DataFrame:
    """Submissions with unit names and upload file, newest first (on a scoped connection: the
    user's units only)."""
    where = "WHERE s.status = ?" if status else ""
    return query(
        con,
        f"""
        SELECT s.*, u.name AS unit_name, u.parent_id, up.file_name
        FROM submissions s JOIN admin_units u USING (unit_id)
        LEFT JOIN uploads up ON up.upload_id = s.upload_id
        {where}
        ORDER BY s.submitted_at DESC, u.name, s.year, s.month_from, s.month_to
        """,
        [status] if status else [],
    )


def changes(con: duckdb.DuckDBPyConnection, key: Key, upload_id: int) -> pd.DataFrame:
    """What an upload changed for one unit × period: indicator, kind, value before and after."""
    unit_id, year, mf, mt = key
    return query(
        con,
        """
        WITH mine AS (
            SELECT * FROM observation_versions
            WHERE upload_id = $up AND unit_id = $unit AND year = $year AND month_from = $mf
              AND month_to = $mt
        ), earlier AS (
            SELECT v.indicator_code, v.kind, v.target_source, arg_max(v.value, v.upload_id) AS value
            FROM observation_versions v JOIN mine m USING (indicator_code, unit_id, year, month_from,
                 month_to, kind, target_source)
            JOIN uploads u ON u.upload_id = v.upload_id
            WHERE v.upload_id < $up AND u.status <> 'rolled_back'
            GROUP BY ALL
        )
        SELECT i.name AS indicator_name, m.kind, e.value AS before, m.value AS after,
               ms.name AS measure, m.source_cell
        FROM mine m JOIN indicators i ON i.code = m.indicator_code
        JOIN measures ms ON ms.code = i.measure
        LEFT JOIN earlier e USING (indicator_code, kind, target_source)
        ORDER BY i.sort_order, m.kind
        """,
        {"up": upload_id, "unit": unit_id, "year": year, "mf": mf, "mt": mt},
    )


REPORTING_ORDER = {"chua_nop": 0, RETURNED: 1, WAITING: 2, "co_so_lieu": 3, APPROVED: 4}
REPORTING_LABELS = {
    "chua_nop": "Chưa nộp",
    RETURNED: "Bị trả lại",
    WAITING: "Chờ duyệt",
    "co_so_lieu": "Có số liệu (trước khi có duyệt)",
    APPROVED: "Đã duyệt",
}


REPORTING_RULES = Path(__file__).resolve().parent.parent / "data" / "access" / "reporting.toml"


def due_date(year: int, month_to: int) -> date:
    """When the report of a period ending in `month_to` is due (data/access/reporting.toml)."""
    rules = tomllib.loads(REPORTING_RULES.read_text("utf-8"))
    return date(year, month_to, rules["close_day"]) + timedelta(days=rules["due_days_after_close"])


def reporting_status(
    con: duckdb.DuckDBPyConnection,
    unit_id: int,
    year: int,
    month_from: int,
    month_to: int,
    today: date | None = None,
) -> pd.DataFrame:
    """The unit and the units under it in force at the period's end (the units that report it: for
    2025's nine months the wards formed on 1 July, not the districts dissolved on 30 June), each with
    its report's status for the period: late first (not submitted or returned after the due date),
    then not submitted, returned, waiting, data without a status, approved."""
    frame = query(
        con,
        """
        WITH units AS (
            SELECT unit_id, name, code FROM admin_units
            WHERE (unit_id = $unit OR parent_id = $unit)
              AND valid_from <= last_day(make_date($year, $mt, 1))
              AND (valid_to IS NULL OR valid_to >= last_day(make_date($year, $mt, 1)))
        ), has_data AS (
            SELECT DISTINCT unit_id FROM observations
            WHERE year = $year AND month_from = $mf AND month_to = $mt
        )
        SELECT u.unit_id, u.name AS unit_name, u.code,
               coalesce(s.status, CASE WHEN d.unit_id IS NULL THEN 'chua_nop' ELSE 'co_so_lieu' END)
                   AS status,
               s.submitted_by, s.submitted_at, s.decided_by, s.decided_at, s.reason, s.upload_id
        FROM units u
        LEFT JOIN submissions s ON s.unit_id = u.unit_id AND s.year = $year
             AND s.month_from = $mf AND s.month_to = $mt
        LEFT JOIN has_data d ON d.unit_id = u.unit_id
        """,
        {"unit": unit_id, "year": year, "mf": month_from, "mt": month_to},
    )
    frame["order"] = frame["status"].map(REPORTING_ORDER)
    frame["is_self"] = frame["unit_id"] == unit_id
    due = due_date(year, month_to)
    frame["late"] = frame["status"].isin(["chua_nop", RETURNED]) & ((today or date.today()) > due)
    frame["due"] = due
    return frame.sort_values(
        ["is_self", "late", "order", "unit_name"], ascending=[True, False, True, True]
    ).drop(columns=["order"])


def approver_units(con: duckdb.DuckDBPyConnection, codes: list[str], everything: bool) -> set[int]:
    """The units a user approves for: those under their own units (a city leader approves its
    wards; the city's own report goes to the province). `everything` (administrators): all of the
    scope, their own units included."""
    from store.scope import unit_ids

    scope = set(unit_ids(con, codes))
    if everything:
        return scope
    own = {
        int(r[0])
        for r in con.execute(
            "SELECT unit_id FROM admin_units WHERE code IN (SELECT unnest(?::VARCHAR[]))",
            [list(codes)],
        ).fetchall()
    }
    return scope - own


def count_pending(con: duckdb.DuckDBPyConnection) -> int:
    """Unit × periods waiting or returned (on a scoped connection: in the user's scope)."""

    def count() -> int:
        found = query(con, f"SELECT count(*) AS n FROM submissions WHERE status <> '{APPROVED}'")
        return int(found.n.iloc[0])

    return memo(con, "count_pending", count)  # every page's sidebar asks: once per snapshot


def pending_units(
    con: duckdb.DuckDBPyConnection, year: int, month_from: int, month_to: int
) -> dict[int, str]:
    """Units whose report for this period waits for approval or was returned: unit_id → status."""

    def find() -> dict[int, str]:
        found = query(
            con,
            f"SELECT unit_id, status FROM submissions WHERE year = ? AND month_from = ?"
            f" AND month_to = ? AND status <> '{APPROVED}'",
            [year, month_from, month_to],
        )
        return dict(zip(found.unit_id.astype(int), found.status))

    # once per snapshot and period; callers get their own dict
    return dict(memo(con, ("pending_units", year, month_from, month_to), find))
