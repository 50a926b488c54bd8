"""Accounts: who may sign in, with which role, for which admin units (data/access/roles.toml).
Passwords are hashed with Argon2id (argon2-cffi) and never stored, logged or printed in clear."""

from __future__ import annotations

import functools
import os
import sqlite3
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from store.accounts_db import connect

ROOT = Path(__file__).resolve().parent.parent
ROLES_FILE = ROOT / "data" / "access" / "roles.toml"
DEMO_FILE = ROOT / "data" / "access" / "demo_accounts.toml"
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class AccountError(Exception):
    """A refused account change, said in Vietnamese."""


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    description: str
    authorities: frozenset[str]


@dataclass(frozen=True)
class User:
    user_id: int
    username: str
    display_name: str
    role: str
    units: tuple[str, ...]  # GSO codes; the scope is these units and everything under them
    disabled: bool
    demo: bool
    session_epoch: int

    def may(self, authority: str) -> bool:
        return not self.disabled and authority in roles()[self.role].authorities


@functools.cache
def roles() -> dict[str, Role]:
    raw = tomllib.loads(ROLES_FILE.read_text("utf-8"))["role"]
    return {
        code: Role(code, r["label"], r["description"], frozenset(r["authorities"]))
        for code, r in raw.items()
    }


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def normal_name(username: str) -> str:
    return username.strip().lower()


def _user(con: sqlite3.Connection, row: sqlite3.Row | None) -> User | None:
    if row is None:
        return None
    units = tuple(
        r[0]
        for r in con.execute(
            "SELECT unit_code FROM user_units WHERE user_id = ? ORDER BY unit_code",
            [row["user_id"]],
        )
    )
    return User(
        int(row["user_id"]),
        row["username"],
        row["display_name"],
        row["role"],
        units,
        bool(row["disabled"]),
        bool(row["demo"]),
        int(row["session_epoch"]),
    )


def get(username: str, store: str | os.PathLike | None = None) -> User | None:
    con = connect(store)
    try:
        row = con.execute(
            "SELECT * FROM users WHERE username = ?", [normal_name(username)]
        ).fetchone()
        return _user(con, row)
    finally:
        con.close()


def by_id(user_id: int, store: str | os.PathLike | None = None) -> User | None:
    con = connect(store)
    try:
        return _user(
            con, con.execute("SELECT * FROM users WHERE user_id = ?", [user_id]).fetchone()
        )
    finally:
        con.close()


def all_users(store: str | os.PathLike | None = None) -> list[User]:
    con = connect(store)
    try:
        rows = con.execute("SELECT * FROM users ORDER BY username").fetchall()
        return [u for u in (_user(con, r) for r in rows) if u is not None]
    finally:
        con.close()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")


def add(
    username: str,
    password: str,
    role: str,
    units: list[str],
    display_name: str = "",
    store: str | os.PathLike | None = None,
    *,
    demo: bool = False,
) -> User:
    name = normal_name(username)
    if not name or any(c.isspace() for c in name):
        raise AccountError("Tên đăng nhập không được trống hay có khoảng trắng.")
    if role not in roles():
        raise AccountError(f"Không có vai trò «{role}»: chọn một trong {', '.join(roles())}.")
    if not units:
        raise AccountError("Cần ít nhất một đơn vị (--unit MÃ).")
    if not demo:
        check_password(password)
    con = connect(store)
    try:
        con.execute("BEGIN IMMEDIATE")
        if con.execute("SELECT 1 FROM users WHERE username = ?", [name]).fetchone():
            con.execute("ROLLBACK")
            raise AccountError(f"Đã có tài khoản «{name}».")
        cur = con.execute(
            "INSERT INTO users (username, display_name, role, password_hash, demo, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [name, display_name or name, role, _hasher.hash(password), int(demo), _now(), _now()],
        )
        con.executemany(
            "INSERT OR IGNORE INTO user_units VALUES (?, ?)",
            [(cur.lastrowid, u.strip()) for u in units],
        )
        con.execute("COMMIT")
        user = _user(con, con.execute("SELECT * FROM users WHERE username = ?", [name]).fetchone())
        assert user is not None
        return user
    finally:
        con.close()


def demo_allowed() -> bool:
    """Demo accounts sign in only where the operator allowed them: `make run` (loopback, and
    refused for a network while a demo password is in use) sets CHITIEU_ALLOW_DEMO=1; a service
    started any other way does not, so a published demo password opens nothing there."""
    return os.environ.get("CHITIEU_ALLOW_DEMO") == "1"


def _matches(row: sqlite3.Row | None, password: str) -> bool:
    if row is None or row["disabled"] or not row["password_hash"]:
        _hasher.hash(password)  # as slow as a real check: no telling which names exist
        return False
    try:
        return bool(_hasher.verify(row["password_hash"], password))
    except (VerificationError, InvalidHashError):
        return False


def verify(username: str, password: str, store: str | os.PathLike | None = None) -> User | None:
    """The user when the password is theirs and the account enabled (a demo account only where
    demo accounts are allowed), else None."""
    con = connect(store)
    try:
        row = con.execute(
            "SELECT * FROM users WHERE username = ?", [normal_name(username)]
        ).fetchone()
        if not _matches(row, password) or row is None:
            return None
        if row["demo"] and not demo_allowed():
            return None
        if _hasher.check_needs_rehash(row["password_hash"]):
            con.execute(
                "UPDATE users SET password_hash = ? WHERE user_id = ?",
                [_hasher.hash(password), row["user_id"]],
            )
        return _user(con, row)
    finally:
        con.close()


def _update(username: str, sql: str, params: list, store) -> User:
    con = connect(store)
    try:
        cur = con.execute(sql + " WHERE username = ?", [*params, normal_name(username)])
        if cur.rowcount == 0:
            raise AccountError(f"Không có tài khoản «{normal_name(username)}».")
        user = _user(
            con,
            con.execute(
                "SELECT * FROM users WHERE username = ?", [normal_name(username)]
            ).fetchone(),
        )
        assert user is not None
        return user
    finally:
        con.close()


def set_password(username: str, password: str, store: str | os.PathLike | None = None) -> User:
    check_password(password)
    return _update(
        username,
        "UPDATE users SET password_hash = ?, demo = 0, session_epoch = session_epoch + 1,"
        " updated_at = ?",
        [_hasher.hash(password), _now()],
        store,
    )


def disable(username: str, store: str | os.PathLike | None = None) -> User:
    return _update(
        username,
        "UPDATE users SET disabled = 1, session_epoch = session_epoch + 1, updated_at = ?",
        [_now()],
        store,
    )


def end_sessions(user_id: int, store: str | os.PathLike | None = None) -> None:
    """Sign-out: every session of the user ends (their tokens carry the old epoch)."""
    con = connect(store)
    try:
        con.execute(
            "UPDATE users SET session_epoch = session_epoch + 1 WHERE user_id = ?", [user_id]
        )
    finally:
        con.close()


def demo_accounts() -> tuple[str, list[dict]]:
    raw = tomllib.loads(DEMO_FILE.read_text("utf-8"))
    return raw["password"], raw["account"]


def add_demo_accounts(store: str | os.PathLike | None = None, served=None) -> list[User]:
    """The demo accounts of data/access/demo_accounts.toml, when no account exists yet; one marked
    `if_served = CODE` only when `served(CODE)` (the deployment holds that unit)."""
    if all_users(store):
        return []
    password, accounts = demo_accounts()
    return [
        add(a["username"], password, a["role"], a["units"], a["display_name"], store, demo=True)
        for a in accounts
        if "if_served" not in a or (served is not None and served(a["if_served"]))
    ]


def remove_demo_accounts(store: str | os.PathLike | None = None) -> int:
    """Demo accounts still on the demo password are disabled (rows stay: the audit names them)."""
    con = connect(store)
    try:
        cur = con.execute(
            "UPDATE users SET disabled = 1, session_epoch = session_epoch + 1 WHERE demo = 1"
            " AND disabled = 0"
        )
        return cur.rowcount
    finally:
        con.close()


def with_demo_password(store: str | os.PathLike | None = None) -> list[str]:
    """Enabled accounts whose password is still the published demo one."""
    password, _ = demo_accounts()
    con = connect(store)
    try:
        rows = con.execute("SELECT * FROM users WHERE disabled = 0 ORDER BY username").fetchall()
        return [r["username"] for r in rows if _matches(r, password)]
    finally:
        con.close()
