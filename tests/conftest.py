"""Shared fixtures: stores built from code (empty, or with demo data) in temporary folders."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# The same examples on every run: a property test that finds a case in one run and not the next
# makes the suite flaky. HYPOTHESIS_PROFILE=explore searches new ones (then pin what it finds).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
os.environ["CHITIEU_SECRET"] = "chitieu-kiem-thu-khong-dung-that"  # tests.signin.TEST_SECRET


@pytest.fixture
def empty_store(tmp_path):
    import store

    con = store.open_store(tmp_path / "empty.duckdb")
    yield con
    con.close()


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """A store file seeded with demo data, built once per session; tests open it themselves."""
    import store
    from store import demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    from indicators import summaries

    con = store.open_store(path)
    demo.seed(con)
    summaries.refresh(con)  # as the app's write publishes it (store.published.derive_with)
    con.close()
    return path


@pytest.fixture
def demo_store(demo_db_path, tmp_path):
    """A private copy of the demo store, safe to write to."""
    import shutil

    import store

    copy = tmp_path / "demo_copy.duckdb"
    shutil.copy(demo_db_path, copy)
    con = store.open_store(copy)
    yield con
    con.close()


@pytest.fixture
def app_env(demo_db_path, monkeypatch):
    """Environment for AppTest runs: the app reads the demo store (read-write copy per test)."""
    import shutil

    # a fresh name per test (an object's id can come back after it is freed, and the app caches by path)
    copy = demo_db_path.parent / f"app_{os.getpid()}_{uuid.uuid4().hex}.duckdb"
    shutil.copy(demo_db_path, copy)
    monkeypatch.setenv("CHITIEU_DB", str(copy))
    monkeypatch.chdir(ROOT)
    yield copy


@pytest.fixture(scope="module")
def server(demo_db_path, tmp_path_factory):
    """A Streamlit server on a free loopback port over a private copy of the demo store."""
    import shutil

    from tests.browser import streamlit_server

    copy = tmp_path_factory.mktemp("browser") / "app.duckdb"
    shutil.copy(demo_db_path, copy)
    with streamlit_server(copy) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()
