"""Accounts, passwords, the audit trail, session tokens and the command line for users."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from store import accounts, audit, published
from store.accounts import AccountError
from store.accounts_db import accounts_path
from tests.conftest import ROOT
from ui import session_token as tokens


@pytest.fixture
def db(tmp_path):
    return tmp_path / "kho.duckdb"


def test_passwords_are_hashed_checked_and_replaced(db):
    user = accounts.add("Tk.BacHa", "mot-mat-khau", "thong_ke", ["18076"], "Thống kê Bắc Hà", db)
    assert user.username == "tk.bacha" and user.units == ("18076",)
    assert accounts.verify("TK.BACHA", "mot-mat-khau", db) == user
    assert accounts.verify("tk.bacha", "sai", db) is None
    assert accounts.verify("nobody", "mot-mat-khau", db) is None
    raw = accounts_path(db).read_bytes()
    assert b"mot-mat-khau" not in raw and b"$argon2id$" in raw
    changed = accounts.set_password("tk.bacha", "mat-khau-moi", db)
    assert changed.session_epoch == user.session_epoch + 1  # open sessions end
    assert accounts.verify("tk.bacha", "mot-mat-khau", db) is None
    accounts.disable("tk.bacha", db)
    assert accounts.verify("tk.bacha", "mat-khau-moi", db) is None
    with pytest.raises(AccountError, match="ít nhất"):
        accounts.add("ngan", "1234", "xem", ["42"], store=db)
    with pytest.raises(AccountError, match="vai trò"):
        accounts.add("x", "du-dai-roi", "sep", ["42"], store=db)
    with pytest.raises(AccountError, match="Đã có"):
        accounts.add("tk.bacha", "du-dai-roi", "xem", ["42"], store=db)


def test_roles_grant_what_the_issue_says():
    roles = accounts.roles()
    assert set(roles) == {"quan_tri", "thong_ke", "lanh_dao", "xem"}
    assert roles["xem"].authorities == {"view"}
    assert (
        "upload" in roles["thong_ke"].authorities and "approve" not in roles["thong_ke"].authorities
    )
    assert (
        "approve" in roles["lanh_dao"].authorities and "upload" not in roles["lanh_dao"].authorities
    )
    assert {"users", "audit", "unlock"} <= roles["quan_tri"].authorities


def test_the_audit_is_append_only(db):
    audit.record("tk.bacha", "upload", "bao_cao.xlsx", upload_id=3, count=36, store=db)
    con = sqlite3.connect(accounts_path(db))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE audit SET username = 'khac'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM audit")
    con.close()
    rows = audit.entries(db)
    assert list(rows.username) == ["tk.bacha"] and int(rows.upload_id.iloc[0]) == 3
    with pytest.raises(ValueError):
        audit.record("x", "không có", store=db)


def test_five_failures_make_the_next_attempt_wait_and_a_success_clears_them(db):
    for _ in range(audit.FREE_FAILURES):
        audit.record("tk.bacha", "sign_in_failed", store=db)
    assert audit.wait_before_sign_in("tk.bacha", db) == 0
    audit.record("tk.bacha", "sign_in_failed", store=db)
    assert 25 <= audit.wait_before_sign_in("tk.bacha", db) <= 31
    audit.record("tk.bacha", "sign_in_failed", store=db)
    assert audit.wait_before_sign_in("tk.bacha", db) > 31  # doubling
    assert audit.wait_before_sign_in("nguoi.khac", db) == 0
    audit.record("tk.bacha", "sign_in", store=db)
    assert audit.wait_before_sign_in("tk.bacha", db) == 0


def test_session_tokens_are_signed_and_expire(monkeypatch):
    key = b"khoa"
    session = tokens.Session(7, 2, 1_000_000, 1_000_000)
    token = tokens.make(session, key)
    assert tokens.read(token, key, 1_000_100) == session
    assert tokens.read(token, b"khoa-khac", 1_000_100) is None
    forged = token.replace("v1.7.", "v1.1.", 1)
    assert tokens.read(forged, key, 1_000_100) is None
    assert tokens.read(token, key, 1_000_000 + tokens.idle_seconds() + 1) is None
    monkeypatch.setenv("CHITIEU_SESSION_MINUTES", "600")
    assert tokens.read(token, key, 1_000_000 + tokens.longest_seconds() + 1) is None
    assert tokens.read("rác", key, 1_000_000) is None and tokens.read(None, key, 0) is None


def _store(*args, stdin: str = ""):
    return subprocess.run(
        [sys.executable, "-m", "store", *map(str, args)],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_users_from_the_command_line(db):
    added = _store(
        "users",
        "add",
        "QT.Tinh",
        "--role",
        "quan_tri",
        "--unit",
        "42",
        "--db",
        db,
        "--password-stdin",
        stdin="mat-khau-quan-tri\n",
    )
    assert added.returncode == 0, added.stderr
    assert accounts.verify("qt.tinh", "mat-khau-quan-tri", db) is not None
    listed = _store("users", "list", "--db", db)
    assert listed.stdout.splitlines() == [
        "username,display_name,role,units,disabled,demo",
        "qt.tinh,qt.tinh,quan_tri,42,0,0",
    ]
    unknown = _store(
        "users",
        "add",
        "x",
        "--role",
        "xem",
        "--unit",
        "99999",
        "--db",
        db,
        "--password-stdin",
        stdin="du-dai-roi\n",
    )
    assert (
        unknown.returncode == 2 and "99999" in unknown.stderr and "Traceback" not in unknown.stderr
    )
    assert _store("users", "disable", "qt.tinh", "--db", db).returncode == 0
    assert accounts.get("qt.tinh", db).disabled
    steps = list(audit.entries(db).action)[::-1]
    assert steps == ["user_add", "user_disable"]


def test_a_network_address_is_refused_while_a_demo_password_is_in_use(db):
    accounts.add_demo_accounts(db)
    env = {"CHITIEU_DB": str(db), "PATH": "/usr/bin:/bin"}

    def guard(host):
        return subprocess.run(
            [sys.executable, "scripts/network_guard.py", host],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    refused = guard("0.0.0.0")
    assert refused.returncode == 1 and "demo.quantri" in refused.stderr
    assert guard("127.0.0.1").returncode == 0
    for user in accounts.all_users(db):
        accounts.set_password(user.username, "mat-khau-that-su", db)
    assert guard("0.0.0.0").returncode == 0


def test_a_backup_carries_the_accounts_and_audit(db, tmp_path):
    accounts.add("qt.tinh", "mat-khau-quan-tri", "quan_tri", ["42"], store=db)
    audit.record("qt.tinh", "sign_in", store=db)
    copy = published.backup(db, tmp_path / "saoluu")
    kept = copy.with_name(copy.stem + ".accounts.sqlite")
    con = sqlite3.connect(kept)
    assert con.execute("SELECT username FROM users").fetchall() == [("qt.tinh",)]
    assert con.execute("SELECT action FROM audit").fetchall() == [("sign_in",)]
    con.close()


def test_demo_accounts_sign_in_only_where_allowed(db, monkeypatch):
    accounts.add_demo_accounts(db)
    monkeypatch.delenv("CHITIEU_ALLOW_DEMO", raising=False)
    assert accounts.verify("demo.quantri", "demo", db) is None  # a service started another way
    assert "demo.quantri" in accounts.with_demo_password(db)  # …still counts as a weak password
    monkeypatch.setenv("CHITIEU_ALLOW_DEMO", "1")  # make run
    assert accounts.verify("demo.quantri", "demo", db).role == "quan_tri"


def test_waits_are_counted_per_name_and_address(db):
    for _ in range(audit.FREE_FAILURES + 1):
        audit.record("qt.tinh", "sign_in_failed", address="203.0.113.9", store=db)
    assert audit.wait_before_sign_in("qt.tinh", db, "203.0.113.9") > 0
    assert audit.wait_before_sign_in("qt.tinh", db, "10.0.0.5") == 0  # the real admin elsewhere
