"""Real browser: step through the presentation with the buttons and the keyboard, screenshot two
slides; the report page shows the paragraphs."""

from __future__ import annotations

import shutil

import pytest

from tests.browser import (
    CHROMIUM_ARGS,
    assert_no_error,
    chromium_path,
    shot,
    streamlit_server,
    until_url,
    wait_idle,
)
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]


def test_presentation_steps_and_report(demo_db_path, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "brief.duckdb"
    shutil.copy(demo_db_path, db)
    # the first "by ward" slide of the default deck comes after one slide per indicator group
    import store
    from reports import slides
    from reports.unit_view import Selection, unit_view
    from vn.periods import Period

    con = store.open_store(db)
    try:
        view = unit_view(con, Selection(2, "Thành phố Hà Tĩnh", Period(2024, 1, 6)))
        keys = slides.default_keys(slides.options(view))
    finally:
        con.close()
    by_ward = next(i for i, k in enumerate(keys, 1) if k.startswith("indicator:"))
    with streamlit_server(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = open_page(browser, url, viewport={"width": 1600, "height": 1000})
        page.goto(url + "/trinh_chieu?unit=2&year=2024&period=1-6")
        wait_idle(page)
        assert_no_error(page)
        title = page.locator("[data-testid='slide-title']")
        first = title.inner_text()
        assert "Kinh tế" in first and "Thành phố Hà Tĩnh" in first and "6 tháng năm 2024" in first
        page.wait_for_selector(
            "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg",
            timeout=30000,
        )
        assert "bằng" in page.locator("[data-testid='slide-sentence']").inner_text()
        page.wait_for_timeout(800)
        shot(page, "trinh_chieu_1")
        until_url(page, lambda _i: page.get_by_role("button", name="Tiếp").click(), "**slide=2**")
        wait_idle(page)
        expect(title).not_to_have_text(first, timeout=20000)
        second = title.inner_text()
        # keyboard: → goes on, ← comes back
        page.wait_for_selector("iframe", state="attached", timeout=20000)  # the arrow-key script
        wait_idle(page)

        def press(key):
            def act(_attempt):
                title.click()
                page.keyboard.press(key)

            return act

        until_url(page, press("ArrowRight"), "**slide=3**")
        expect(title).not_to_have_text(second, timeout=20000)
        until_url(page, press("ArrowLeft"), "**slide=2**")
        expect(title).to_have_text(second, timeout=20000)
        page.goto(url + f"/trinh_chieu?unit=2&year=2024&period=1-6&slide={by_ward}")
        wait_idle(page)
        page.wait_for_selector(
            "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg",
            timeout=30000,
        )
        assert "theo phường, xã" in title.inner_text()
        assert_no_error(page)
        page.wait_for_timeout(800)
        shot(page, "trinh_chieu_theo_phuong")

        page.goto(url + "/bao_cao?unit=2&year=2024&period=1-6")
        wait_idle(page)
        assert_no_error(page)
        main = page.locator("[data-testid='stMain']")
        assert main.get_by_text("Tổng giá trị sản xuất đạt").count() >= 1
        assert main.get_by_text("Cần chú ý").count() >= 1
        shot(page, "bao_cao")
        browser.close()


def test_downloads_are_built_when_clicked(demo_db_path, tmp_path):
    """The presentation's PNG and .pptx and the report's .docx come from one click each (built then,
    not on every rerun) and are real files of their kind."""
    import zipfile

    from playwright.sync_api import sync_playwright

    db = tmp_path / "downloads.duckdb"
    shutil.copy(demo_db_path, db)
    with streamlit_server(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = open_page(
            browser, url, viewport={"width": 1280, "height": 720}, accept_downloads=True
        )
        page.goto(url + "/trinh_chieu?unit=2&year=2024&period=1-6")
        wait_idle(page)
        page.get_by_text("Tải xuống").click()
        got = {}
        for label in ("Biểu đồ (.png)", "Bộ trình chiếu (.pptx)"):
            with page.expect_download(timeout=60000) as info:
                page.get_by_role("button", name=label).click()
            got[label] = tmp_path / info.value.suggested_filename
            info.value.save_as(got[label])
        assert got["Biểu đồ (.png)"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        with zipfile.ZipFile(got["Bộ trình chiếu (.pptx)"]) as deck:
            assert any(n.startswith("ppt/slides/slide") for n in deck.namelist())
        page.goto(url + "/bao_cao?unit=2&year=2024&period=1-6")
        wait_idle(page)
        with page.expect_download(timeout=60000) as info:
            page.get_by_role("button", name="Word (.docx)").click()
        docx = tmp_path / info.value.suggested_filename
        info.value.save_as(docx)
        with zipfile.ZipFile(docx) as document:
            assert "word/document.xml" in document.namelist()
        assert_no_error(page)
        browser.close()
