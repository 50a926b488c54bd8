"""Several processes on one store, seen in Chromium: `python -m loaders load` while a server has a
page open succeeds and the page shows the new value on its next run (no restart); two servers on one
store serve the same figures."""

from __future__ import annotations

import subprocess
import sys

import pytest

import store
from tests.browser import (
    CHROMIUM_ARGS,
    assert_no_error,
    chromium_path,
    shot,
    streamlit_server,
    wait_idle,
)
from tests.conftest import ROOT, SAMPLES
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]
CITY_H1_2016 = "/?unit=2&year=2016&period=1-6"


def _cards(page) -> str:
    page.locator("[data-testid='kpi-card']").first.wait_for(timeout=30000)
    return page.locator("[data-testid='kpi-card']").first.inner_text()


def test_a_load_while_the_app_runs_then_two_servers_on_one_store(tmp_path):
    from playwright.sync_api import sync_playwright

    db = tmp_path / "one.duckdb"
    store.open_store(db).close()
    with streamlit_server(db, {"CHITIEU_DEMO": "0"}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = open_page(browser, url, viewport={"width": 1280, "height": 720})
        page.goto(url + "/tai_len")  # a page open: the server has read the store
        wait_idle(page)
        assert_no_error(page)
        load = subprocess.run(
            [
                sys.executable,
                "-m",
                "loaders",
                "load",
                str(SAMPLES / "city_6t_2016.xlsx"),
                "--db",
                str(db),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert load.returncode == 0, load.stderr
        assert "Đã nạp 36 số liệu" in load.stderr
        page.goto(url + CITY_H1_2016)  # the next run reads the snapshot the load published
        wait_idle(page)
        assert_no_error(page)
        first = _cards(page)
        assert "4.339" in first, first
        shot(page, "sau_khi_nap_tu_dong_lenh")
        with streamlit_server(db, {"CHITIEU_DEMO": "0"}) as second_url:
            other = open_page(browser, second_url, viewport={"width": 1280, "height": 720})
            other.goto(second_url + CITY_H1_2016)
            wait_idle(other)
            assert_no_error(other)
            assert _cards(other) == first  # the same figures from the second server
            page.reload()
            wait_idle(page)
            assert _cards(page) == first  # and the first server still serves
        browser.close()
