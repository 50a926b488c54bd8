"""Who is using the page: sign-in with a password (or the province's identity server through
st.login when `[auth]` is configured), a signed cookie so a refresh keeps the session, expiry after
inactivity, sign-out. Every page goes through `layout.page`, which asks `current_user()` and stops
with the sign-in form or a reason when the user may not open the page (docs/operations.md)."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import streamlit as st

from store import accounts, audit
from store.accounts import User
from ui import session_token as tokens
from ui.text import md

STATE = "auth_session"
PENDING_COOKIE = "auth_cookie"
COOKIE_REFRESH = 300  # seconds between cookie rewrites while the user is active


def user() -> User:
    """The user `layout.page` signed in for this run (pages call it after `layout.page`)."""
    return st.session_state["user"]


def address() -> str:
    try:
        found = st.context.ip_address
    except Exception:  # no request (AppTest)
        return ""
    return found if isinstance(found, str) else ""


def _store() -> str:
    from ui.data import store_path

    return store_path()


def _queue_cookie(value: str | None) -> None:
    st.session_state[PENDING_COOKIE] = "" if value is None else value


def emit_cookie() -> None:
    """Write (or delete) the session cookie in the browser: a tiny script, run once."""
    if PENDING_COOKIE not in st.session_state:
        return
    value = st.session_state.pop(PENDING_COOKIE)
    secure = "; Secure" if str(st.context.url or "").startswith("https") else ""
    life = tokens.longest_seconds() if value else 0
    cookie = f"{tokens.COOKIE}={value}; path=/; max-age={life}; SameSite=Strict{secure}"
    with st.sidebar:
        st.html(
            f"<script>document.cookie = {json.dumps(cookie)};</script>",
            unsafe_allow_javascript=True,
        )


def _start(user: User, how: str) -> None:
    now = int(time.time())
    session = tokens.Session(user.user_id, user.session_epoch, now, now)
    st.session_state[STATE] = session
    _queue_cookie(tokens.make(session, tokens.secret(_store())))
    audit.record(user.username, "sign_in", how, address=address(), store=_store())


def current_user() -> User | None:
    """The signed-in user, or None (never signed in, signed out, idle too long, disabled)."""
    now = int(time.time())
    session = st.session_state.get(STATE)
    if session is None and not st.session_state.get("auth_cookie_seen"):
        st.session_state["auth_cookie_seen"] = True  # a cookie is read once, at the session's start
        session = tokens.read(st.context.cookies.get(tokens.COOKIE), tokens.secret(_store()), now)
        if session is not None:
            st.session_state[STATE] = session
    if session is None:
        return _from_identity_server()
    user = accounts.by_id(session.user_id, _store())
    idle = now - session.last > tokens.idle_seconds()
    if user is None or user.disabled or user.session_epoch != session.epoch or idle:
        st.session_state.pop(STATE, None)
        _queue_cookie(None)
        _end_identity_session()  # else the identity server's cookie would sign them straight back
        if idle and user is not None:
            st.session_state["auth_notice"] = "Phiên làm việc đã hết hạn; đăng nhập lại."
        return None
    if now - session.last >= 60:
        fresh = replace(session, last=now)
        st.session_state[STATE] = fresh
        if now - st.session_state.get("auth_cookie_at", 0) >= COOKIE_REFRESH:
            st.session_state["auth_cookie_at"] = now
            _queue_cookie(tokens.make(fresh, tokens.secret(_store())))
    return user


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml
        return False


def _from_identity_server() -> User | None:
    """With `[auth]` configured, a user signed in at the identity server whose verified e-mail is
    an enabled account here becomes that account."""
    if not oidc_configured():
        return None
    try:
        if not st.user.is_logged_in:
            return None
        # only an e-mail the identity server vouches for names an account here
        name = str(st.user.get("email") or "") if st.user.get("email_verified") is True else ""
    except Exception:
        return None
    user = accounts.get(name, _store()) if name else None
    if user is None or user.disabled:
        st.session_state["auth_notice"] = (
            f"Tài khoản «{name}» chưa được cấp quyền trong Chỉ tiêu: liên hệ quản trị."
        )
        return None
    _start(user, "oidc")
    return user


def sign_in_form(reason: str = "") -> None:
    if notice := st.session_state.pop("auth_notice", None):
        st.warning(notice)
    if reason:
        st.info(reason)
    demo_names = [u.username for u in accounts.all_users(_store()) if u.demo and not u.disabled]
    if demo_names and accounts.demo_allowed():
        password, _ = accounts.demo_accounts()
        st.caption(
            f"Dữ liệu mẫu: tài khoản mẫu {', '.join(demo_names)} — mật khẩu «{password}» "
            "(chỉ để xem thử trên máy này)."
        )
    with st.form("sign_in", width=420):
        st.markdown("#### Đăng nhập")
        username = st.text_input("Tên đăng nhập", key="sign_in_name")
        password = st.text_input("Mật khẩu", type="password", key="sign_in_password")
        sent = st.form_submit_button("Đăng nhập", type="primary")
    if oidc_configured() and st.button("Đăng nhập bằng tài khoản của tỉnh", key="sign_in_oidc"):
        st.login()
    if not sent:
        return
    name = accounts.normal_name(username)[:64]
    wait = audit.wait_before_sign_in(name, _store(), address())
    if wait:
        audit.record(
            name, "refused", "đăng nhập khi đang phải chờ", address=address(), store=_store()
        )
        st.error(f"Đã nhập sai mật khẩu nhiều lần. Thử lại sau {wait} giây.")
        return
    user = accounts.verify(name, password, _store())
    if user is None:
        audit.record(name, "sign_in_failed", address=address(), store=_store())
        time.sleep(1)  # every wrong guess costs a second, on top of the waits after the fifth
        st.error("Sai tên đăng nhập hoặc mật khẩu.")
        return
    _start(user, "mật khẩu")
    st.rerun()


def sign_out(user: User) -> None:
    accounts.end_sessions(user.user_id, _store())
    audit.record(user.username, "sign_out", address=address(), store=_store())
    st.session_state.pop(STATE, None)
    _queue_cookie(None)
    _end_identity_session()
    st.rerun()


def _end_identity_session() -> None:
    if oidc_configured():
        try:
            if st.user.is_logged_in:
                st.logout()
        except Exception:
            pass


def account_box(user: User) -> None:
    role = accounts.roles()[user.role].label
    with st.sidebar:
        st.divider()
        st.caption(f"Đăng nhập: **{md(user.display_name)}** · {role}")
        if st.button("Đăng xuất", key="sign_out", icon=":material/logout:"):
            sign_out(user)


def refuse(user: User, label: str, authority: str) -> None:
    role = accounts.roles()[user.role].label
    allowed = [r.label for r in accounts.roles().values() if authority in r.authorities]
    st.warning(
        f"Trang **{label}** dành cho vai trò {', '.join(allowed)}. Tài khoản "
        f"**{md(user.display_name)}** (vai trò {role}) không mở được trang này."
    )
    if st.button("Đăng nhập bằng tài khoản khác", key="sign_in_other"):
        sign_out(user)
