"""The accounts database: users, their units and the audit trail, in SQLite beside the store
(`<store>.accounts.sqlite`).

Why not the DuckDB store: every sign-in writes (the audit, failed attempts), and a DuckDB write
publishes a snapshot of the whole store (store.published) — seconds at national scale. SQLite takes
small writes from several processes at once (WAL, busy timeout). Keeping the audit out of the store
also means restoring a backup of the figures never rewinds who did what."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from store.connection import db_path

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    user_id        INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL,
    password_hash  TEXT,
    disabled       INTEGER NOT NULL DEFAULT 0,
    demo           INTEGER NOT NULL DEFAULT 0,
    session_epoch  INTEGER NOT NULL DEFAULT 0,   -- bumped at sign-out, disable, new password
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS user_units (
    user_id    INTEGER NOT NULL REFERENCES users(user_id),
    unit_code  TEXT NOT NULL,
    PRIMARY KEY (user_id, unit_code)
);
CREATE TABLE IF NOT EXISTS audit (
    audit_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    username   TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    units      TEXT NOT NULL DEFAULT '',
    periods    TEXT NOT NULL DEFAULT '',
    upload_id  INTEGER,
    count      INTEGER,
    address    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_user_action ON audit (username, action, at);
-- append-only: nothing in the app (or anyone using SQL) updates or deletes an audit row
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
"""


def accounts_path(store: str | os.PathLike | None = None) -> Path:
    target = db_path(store)
    return target.with_name(target.stem + ".accounts.sqlite")


def connect(store: str | os.PathLike | None = None) -> sqlite3.Connection:
    """A new connection (one per call: sqlite3 connections are not shared between threads)."""
    path = accounts_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=30, isolation_level=None)
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.executescript(SCHEMA)
    return con
