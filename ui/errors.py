"""One place that shows failures to users: a plain Vietnamese title and an error id they can quote,
the detail (without server paths) behind an expander, the whole traceback only in the log.

Every write action runs inside `guarded(title)`; anything else a page raises reaches
`on_script_error` (installed by `ui.layout.page`), so no traceback is ever drawn
(`showErrorDetails = "none"` in .streamlit/config.toml is the last line behind both)."""

from __future__ import annotations

import logging
import re
import secrets
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from store import StoreError
from vn.text import printable

log = logging.getLogger("chitieu.app")

# "/srv/chitieu/data/chitieu.duckdb" → "chitieu.duckdb": a user needs the file, not the server's tree
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][\w.\-~ ]+)+[\\/]([\w.\-]+)")


def without_paths(text: str) -> str:
    return _PATH.sub(r"\1", printable(text))


def new_error_id() -> str:
    """A short id the user can read out over the phone ("E-7F3A9C")."""
    return "E-" + secrets.token_hex(3).upper()


def record(title: str, exc: BaseException) -> str:
    """Log the failure with its whole traceback under a new error id; returns the id."""
    error_id = new_error_id()
    log.error("%s [%s]", title, error_id, exc_info=(type(exc), exc, exc.__traceback__))
    return error_id


def detail_of(exc: BaseException) -> str:
    """What the expander shows: the exception's type and words and, for the store, DuckDB's own
    words (the real cause), with every server path cut to its file name."""
    lines = ["".join(traceback.format_exception_only(type(exc), exc)).strip()]
    if isinstance(exc, StoreError) and exc.detail:
        lines.append(exc.detail)
    cause = exc.__cause__
    if cause is not None and not isinstance(exc, StoreError):
        lines.append(
            "Nguyên nhân: " + "".join(traceback.format_exception_only(type(cause), cause)).strip()
        )
    return without_paths("\n".join(lines))


def show_failure(title: str, exc: BaseException) -> str:
    """The Vietnamese title, the error id and the technical detail of a failure; returns the id."""
    if isinstance(exc, StoreError):
        title = exc.title
    error_id = record(title, exc)
    st.error(
        f"**{title}.** Vui lòng thử lại; nếu lỗi còn, báo cho người quản trị mã lỗi **{error_id}**.",
        icon=":material/error:",
    )
    with st.expander("Chi tiết kỹ thuật"):
        st.code(f"Mã lỗi: {error_id}\n{detail_of(exc)}", language=None)
    return error_id


@contextmanager
def guarded(title: str) -> Iterator[None]:
    """Run a write action; a failure is shown as `title` with its error id, never as a traceback.
    Streamlit's own st.rerun()/st.stop() pass through (they are not Exceptions)."""
    try:
        yield
    except Exception as exc:
        show_failure(title, exc)


def _on_script_error(exc: Exception) -> bool:
    show_failure("Trang gặp lỗi khi hiển thị", exc)
    return True  # drawn: Streamlit's own exception box is not


def install() -> None:
    """Catch whatever the rest of this page's run raises (called by ui.layout.page on each run)."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.on_script_error = _on_script_error
