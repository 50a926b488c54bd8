"""Real browser on the upload page: a bad file blocks the commit with its cell named, a good file
commits, shows in the history, and can be rolled back."""

from __future__ import annotations

import pytest

import store
from tests.browser import CHROMIUM_ARGS, assert_no_error, chromium_path, shot, streamlit_server, wait_idle
from tests.conftest import SAMPLES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="Debian chromium not installed (make test installs it)"),
]


def _count(db, sql):
    con = store.open_store(db)
    try:
        return store.scalar(con, sql)
    finally:
        con.close()


def test_upload_check_commit_and_rollback(tmp_path):
    from playwright.sync_api import sync_playwright

    db = tmp_path / "upload.duckdb"
    store.open_store(db).close()  # empty store: catalog and units only
    with streamlit_server(db, {"CHITIEU_DEMO": "0"}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1500})
        page.goto(url + "/tai_len")
        wait_idle(page)
        assert_no_error(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            [str(SAMPLES / "bad_unknown_ward.xlsx"), str(SAMPLES / "city_6t_2016.xlsx")])
        page.get_by_text("Tân Giangg").first.wait_for(timeout=30000)
        wait_idle(page)
        assert page.get_by_text("B13").count() >= 1
        assert page.get_by_role("button", name="Ghi vào kho dữ liệu").is_disabled()
        shot(page, "tai_len_loi")
        # remove the bad file: the good one can be committed
        page.get_by_role("button", name="Remove bad_unknown_ward.xlsx").click()
        wait_idle(page)
        page.get_by_role("button", name="Ghi vào kho dữ liệu").click()
        page.get_by_text("Đã ghi 36 số liệu").wait_for(timeout=30000)
        assert_no_error(page)
        page.get_by_role("tab", name="Lịch sử tải lên").click()
        picker = page.locator("[data-testid='stSelectbox']").filter(has_text="Hoàn tác lần tải lên")
        picker.wait_for(timeout=10000)
        assert "city_6t_2016.xlsx" in picker.locator("input").input_value() or "city_6t_2016.xlsx" in picker.inner_html()
        shot(page, "tai_len_lich_su")
        page.get_by_text("Tôi hiểu").click()
        wait_idle(page)
        page.get_by_role("button", name="Hoàn tác").click()
        page.get_by_text("Đã hoàn tác lần tải lên").wait_for(timeout=30000)
        assert_no_error(page)
        browser.close()
    assert _count(db, "SELECT count(*) FROM observations") == 0
    assert _count(db, "SELECT count(*) FROM observation_versions") == 36
    assert _count(db, "SELECT status FROM uploads") == "rolled_back"
