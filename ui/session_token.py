"""The sign-in cookie's value: user id, session epoch, issue and last-activity times, signed with
HMAC-SHA256. Nothing secret is in it; the signature stops forging, the epoch (store.accounts) ends
every session of a user at sign-out, and `last` ends one after inactivity. No Streamlit here."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from store.connection import db_path
from store.settings import env_int

COOKIE = "chitieu_phien"
VERSION = "v1"


@dataclass(frozen=True)
class Session:
    user_id: int
    epoch: int
    issued: int  # unix seconds
    last: int


def idle_seconds() -> int:
    return 60 * env_int("CHITIEU_SESSION_MINUTES", 60)


def longest_seconds() -> int:
    return 3600 * env_int("CHITIEU_SESSION_HOURS", 12)


def secret(store: str | os.PathLike | None = None) -> bytes:
    """$CHITIEU_SECRET, else `<store>.secret` beside the store (made once, readable by its owner)."""
    given = os.environ.get("CHITIEU_SECRET")
    if given:
        return given.encode("utf-8")
    target = db_path(store)
    path = Path(target).with_name(Path(target).stem + ".secret")
    if not path.exists():
        # written whole under another name, then linked into place: a second process starting at
        # the same moment never reads a half-written (or empty) key; the first link wins
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink(missing_ok=True)
    key = path.read_text("utf-8").strip()
    if not key:
        raise RuntimeError(f"{path.name} is empty: delete it to have a new key made")
    return key.encode("utf-8")


def _sign(body: str, key: bytes) -> str:
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def make(session: Session, key: bytes) -> str:
    body = f"{VERSION}.{session.user_id}.{session.epoch}.{session.issued}.{session.last}"
    return f"{body}.{_sign(body, key)}"


def read(token: str | None, key: bytes, now: int) -> Session | None:
    """The session when the token is ours, unexpired and not idle too long; else None."""
    if not token:
        return None
    body, _, signature = token.rpartition(".")
    if not body or not hmac.compare_digest(_sign(body, key), signature):
        return None
    parts = body.split(".")
    if len(parts) != 5 or parts[0] != VERSION or not all(p.isdigit() for p in parts[1:]):
        return None
    session = Session(*(int(p) for p in parts[1:]))
    if now - session.last > idle_seconds() or now - session.issued > longest_seconds():
        return None
    return session
