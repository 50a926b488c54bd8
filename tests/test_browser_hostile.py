"""Hostile files through the upload page in Chromium: each is answered with a Vietnamese problem on
that file (no traceback, no markup from the file), and the server answers its health check after
each one, so no upload can stop the app for everyone."""

from __future__ import annotations

import urllib.request

import pytest
from hostile import FILES

import store
from tests.browser import (
    CHROMIUM_ARGS,
    assert_no_error,
    chromium_path,
    shot,
    streamlit_server,
    wait_idle,
)
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]


def _healthy(url: str) -> bool:
    return urllib.request.urlopen(url + "/_stcore/health", timeout=5).read() == b"ok"


def test_every_hostile_file_is_answered_and_the_server_stays_up(tmp_path):
    from playwright.sync_api import sync_playwright

    db = tmp_path / "hostile.duckdb"
    store.open_store(db).close()
    paths = {}
    for name, (build, _) in FILES.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(build())
    with streamlit_server(db, {"CHITIEU_DEMO": "0"}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = open_page(browser, url, viewport={"width": 1280, "height": 1400})
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for name, (_, code) in FILES.items():
            page.goto(url + "/tai_len")
            wait_idle(page)
            page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
                str(paths[name])
            )
            expander = page.locator("[data-testid='stExpander']").filter(has_text=name)
            expander.first.wait_for(timeout=60000)
            wait_idle(page)
            assert_no_error(page)
            text = page.locator("[data-testid='stApp']").inner_text()
            shown = expander.first.inner_text()
            if code is not None:  # refused with its own problem, named by its code
                assert " 0 lỗi" not in shown and f"({code})" in shown, (name, shown)
            assert "(parse-failed)" not in shown and "(internal-error)" not in shown, (name, shown)
            if name == "ky_tu_dieu_khien.csv":  # the file's markup is shown as text
                assert "<script>alert(1)</script>" in text
            assert "\x1b" not in text and "\x07" not in text
            assert (
                page.get_by_role("button", name="Ghi vào kho dữ liệu").is_disabled() or code is None
            )
            assert _healthy(url), f"the server stopped after {name}"
            if name.startswith("o_xa"):
                shot(page, "tai_len_tep_hong")
        browser.close()
    assert not dialogs  # no script from a file ran
    con = store.open_store(db)
    try:
        assert store.scalar(con, "SELECT count(*) FROM observations") == 0
    finally:
        con.close()
