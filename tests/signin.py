"""Accounts for tests: a known secret for session tokens (set for every test and every server the
tests start), accounts made on demand, and signed-in browser pages (a minted session cookie) or
AppTest sessions — so a test starts signed in as the role it is about."""

from __future__ import annotations

import os
import time

TEST_SECRET = "chitieu-kiem-thu-khong-dung-that"
PASSWORD = "matkhau-kiem-thu"
ADMIN = ("kiemthu.quantri", "quan_tri", ("42",))


def ensure_account(db, username: str = ADMIN[0], role: str = ADMIN[1], units=ADMIN[2]):
    from store import accounts

    user = accounts.get(username, db)
    if user is None:
        user = accounts.add(username, PASSWORD, role, list(units), username, db)
    return user


def token(db, username: str = ADMIN[0], role: str = ADMIN[1], units=ADMIN[2]) -> str:
    from ui import session_token

    user = ensure_account(db, username, role, units)
    now = int(time.time())
    session = session_token.Session(user.user_id, user.session_epoch, now, now)
    return session_token.make(session, TEST_SECRET.encode("utf-8"))


def open_page(browser, url: str, username: str = ADMIN[0], role=ADMIN[1], units=ADMIN[2], **kw):
    """A page in a fresh browser context that carries a session cookie for `username` (made with
    `role` and `units` when the server's store does not have it yet)."""
    from tests.browser import DB_OF
    from ui.session_token import COOKIE

    db = DB_OF[url]
    context = browser.new_context(**kw)
    context.add_cookies([{"name": COOKIE, "value": token(db, username, role, units), "url": url}])
    return context.new_page()


def sign_in_apptest(at, db, username: str = ADMIN[0], role=ADMIN[1], units=ADMIN[2]):
    from ui import auth, session_token

    user = ensure_account(db, username, role, units)
    now = int(time.time())
    at.session_state[auth.STATE] = session_token.Session(user.user_id, user.session_epoch, now, now)
    return at


def use_test_secret() -> None:
    os.environ["CHITIEU_SECRET"] = TEST_SECRET
