"""The audit trail: one row per thing done — sign-in (and failed sign-in), upload commit, rollback,
re-apply, approve, return, unlock, demo removal, account and catalog changes — with who, when, what
and from which address. Append-only (SQLite triggers refuse UPDATE and DELETE); the app has no code
path that edits it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timedelta

import pandas as pd

from store.accounts_db import connect

ACTIONS = {
    "sign_in": "Đăng nhập",
    "sign_in_failed": "Đăng nhập sai",
    "sign_out": "Đăng xuất",
    "upload": "Nạp số liệu",
    "rollback": "Hoàn tác lần tải lên",
    "reapply": "Áp dụng lại lần tải lên",
    "demo_removal": "Gỡ dữ liệu mẫu",
    "approve": "Duyệt",
    "return": "Trả lại",
    "unlock": "Mở khóa",
    "user_add": "Thêm tài khoản",
    "user_disable": "Khóa tài khoản",
    "user_password": "Đặt lại mật khẩu",
    "catalog": "Sửa danh mục",
    "refused": "Bị từ chối",
}
FAILURE_WINDOW = timedelta(minutes=15)
FREE_FAILURES = 4  # the fifth wrong password in the window starts the waits


def record(
    username: str,
    action: str,
    detail: str = "",
    *,
    units: Iterable[str] = (),
    periods: Iterable[str] = (),
    upload_id: int | None = None,
    count: int | None = None,
    address: str = "",
    store: str | os.PathLike | None = None,
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    con = connect(store)
    try:
        con.execute(
            "INSERT INTO audit (at, username, action, detail, units, periods, upload_id, count,"
            " address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                datetime.now().isoformat(timespec="seconds"),
                username,
                action,
                detail,
                "; ".join(units),
                "; ".join(periods),
                upload_id,
                count,
                address or "",
            ],
        )
    finally:
        con.close()


def entries(
    store: str | os.PathLike | None = None,
    *,
    username: str | None = None,
    actions: Iterable[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 5000,
) -> pd.DataFrame:
    """Newest first."""
    where, params = [], []
    if username:
        where.append("username = ?")
        params.append(username)
    chosen = list(actions)
    if chosen:
        where.append(f"action IN ({', '.join('?' * len(chosen))})")
        params += chosen
    if since:
        where.append("at >= ?")
        params.append(since.isoformat(timespec="seconds"))
    if until:
        where.append("at < ?")
        params.append(until.isoformat(timespec="seconds"))
    sql = "SELECT * FROM audit" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY audit_id DESC LIMIT ?"
    con = connect(store)
    try:
        rows = con.execute(sql, [*params, limit]).fetchall()
        columns = [d[0] for d in con.execute("SELECT * FROM audit LIMIT 0").description]
    finally:
        con.close()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def wait_before_sign_in(
    username: str, store: str | os.PathLike | None = None, address: str = ""
) -> int:
    """Seconds this name must wait before another attempt from this address: 0 for the first
    FREE_FAILURES wrong passwords in 15 minutes, then 30 s, doubling with each further failure (at
    most 15 minutes). Counted per name and address, so guesses from elsewhere cannot lock the real
    user out."""
    since = datetime.now() - FAILURE_WINDOW
    con = connect(store)
    try:
        rows = con.execute(
            "SELECT at, action FROM audit WHERE username = ? AND address = ?"
            " AND action IN ('sign_in_failed', 'sign_in') AND at >= ? ORDER BY audit_id",
            [username, address or "", since.isoformat(timespec="seconds")],
        ).fetchall()
    finally:
        con.close()
    failures: list[str] = []
    for at, action in rows:
        failures = [] if action == "sign_in" else [*failures, at]  # a success clears the count
    if len(failures) <= FREE_FAILURES:
        return 0
    delay = min(30 * 2 ** (len(failures) - FREE_FAILURES - 1), 900)
    ready = datetime.fromisoformat(failures[-1]) + timedelta(seconds=delay)
    return max(0, int((ready - datetime.now()).total_seconds()) + 1)
