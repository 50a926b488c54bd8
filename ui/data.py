"""The app's store: a read-only connection to the newest published snapshot for every page (switched
when a write anywhere publishes a newer one), and `writing()` for the few actions that write. The
server never holds the store file between writes, so `loaders load`, another server and backups
run beside it (store.published). Demo data are seeded once, on a store that never held an upload."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

import store
from indicators import summaries
from store import accounts, demo, published, scope
from ui import warmup

published.derive_with(summaries.refresh)  # every write of the app leaves the page summaries current


def store_path() -> str:
    return str(store.db_path())


_path = store_path


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…")
def _prepared(path: str) -> bool:
    """Once per server process: the store migrated, its reference data in sync and (unless
    CHITIEU_DEMO=0) demo data in an empty store — written and published only when something is due."""
    con = published.reader(path)
    # a store written by a process that does not make the page summaries (python -m store …) gets
    # them here, once, before the first page: published with them, every first view reads rows
    if (
        published.stale(con)
        or not summaries.current(con)
        or (os.environ.get("CHITIEU_DEMO", "1") != "0" and demo.never_used(con))
    ):
        with published.writing(path) as w:
            if os.environ.get("CHITIEU_DEMO", "1") != "0":
                demo.seed(w)  # does nothing once the store has held an upload
            summaries.refresh(w)  # no-op when current (a seed made them through derive_with)
    return True


def connection() -> store.Connection:
    """The newest snapshot, whole (a page run reads one snapshot from start to end). Pages read
    through `scoped`; the whole store is for the loader's name matching only."""
    path = _path()
    _prepared(path)
    warmup.watch(path)  # each newer snapshot read ahead of the first leader (ui.warmup)
    return published.reader(path)


def scoped(user: accounts.User, approved_only: bool = False) -> store.Connection:
    """The newest snapshot as the user may see it: their units and everything under them (and
    only approved values, when asked)."""
    return scope.scoped(connection(), user.units, approved_only)


@contextmanager
def writing() -> Iterator[store.Connection]:
    """The store for one write; another writer (a `loaders load`, another server) is waited for,
    saying so."""
    note = st.empty()
    with published.writing(_path(), on_wait=lambda message: note.info(message)) as con:
        yield con
    note.empty()
