"""Real browser on the upload page: a bad file blocks the commit with its cell named, a good file
commits, shows in the history, and can be rolled back."""

from __future__ import annotations

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
from tests.conftest import SAMPLES
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
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
        page = open_page(browser, url, viewport={"width": 1400, "height": 1500})
        page.goto(url + "/tai_len")
        wait_idle(page)
        assert_no_error(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            [str(SAMPLES / "bad_unknown_ward.xlsx"), str(SAMPLES / "city_6t_2016.xlsx")]
        )
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
        picker = page.locator("[data-testid='stSelectbox']").filter(has_text="Lần tải lên")
        picker.wait_for(timeout=10000)
        assert (
            "city_6t_2016.xlsx" in picker.locator("input").input_value()
            or "city_6t_2016.xlsx" in picker.inner_html()
        )
        shot(page, "tai_len_lich_su")
        page.get_by_role("button", name="Hoàn tác lần #1…").click()
        dialog = page.get_by_role("dialog")
        dialog.wait_for(timeout=10000)
        assert "#1 — city_6t_2016.xlsx" in dialog.inner_text()  # it names the upload it acts on
        shot(page, "tai_len_xac_nhan_hoan_tac")
        dialog.get_by_role("button", name="Hoàn tác", exact=True).click()
        page.get_by_text("Đã hoàn tác lần tải lên #1").wait_for(timeout=30000)
        assert_no_error(page)
        assert _count(db, "SELECT count(*) FROM observations") == 0
        # a rolled-back upload can be applied again
        page.get_by_role("tab", name="Lịch sử tải lên").click()
        page.get_by_role("button", name="Áp dụng lại lần #1…").click()
        page.get_by_role("dialog").get_by_role("button", name="Áp dụng lại", exact=True).click()
        page.get_by_text("Đã áp dụng lại lần tải lên #1").wait_for(timeout=30000)
        assert _count(db, "SELECT count(*) FROM observations") == 36
        page.get_by_role("tab", name="Lịch sử tải lên").click()
        page.get_by_role("button", name="Hoàn tác lần #1…").click()
        page.get_by_role("dialog").get_by_role("button", name="Hoàn tác", exact=True).click()
        page.get_by_text("Đã hoàn tác lần tải lên #1").wait_for(timeout=30000)
        assert_no_error(page)
        browser.close()
    assert _count(db, "SELECT count(*) FROM observations") == 0
    assert _count(db, "SELECT count(*) FROM observation_versions") == 36
    assert _count(db, "SELECT status FROM uploads") == "rolled_back"


def _report(path, title: str, period: str, rows: list[list]):
    from loader_helpers import city_report, xlsx_bytes

    path.write_bytes(
        xlsx_bytes(
            {
                "S": city_report(
                    title,
                    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2019", f"Thực hiện {period}"],
                    rows,
                )
            }
        )
    )
    return path


def _choose(page, container, option: str) -> None:
    """Open a mapping selectbox and pick the option whose text starts with `option`."""
    container.locator("[data-testid='stSelectbox']").first.click()
    page.keyboard.type(option[:18])
    page.get_by_role("option", name=option).first.click()
    wait_idle(page)


def test_mapping_step_learns_a_name(tmp_path):
    """Unknown name → pick a candidate → commit → a second file with the same name loads with no question."""
    from playwright.sync_api import expect, sync_playwright

    first = _report(
        tmp_path / "phuong_6t_2019.xlsx",
        "BÁO CÁO 6 THÁNG NĂM 2019",
        "6 tháng",
        [
            ["1", "Tổng GT sản xuất", "Tỷ đồng", 100, 40],
            ["2", "Diện tích nuôi trồng thủy sản", "ha", 30, 15],
            ["3", "Thu ngân sách trên địa bàn", "Tỷ đồng", 50, 20],
        ],
    )
    second = _report(
        tmp_path / "phuong_9t_2019.xlsx",
        "BÁO CÁO 9 THÁNG NĂM 2019",
        "9 tháng",
        [
            ["1", "Tổng GT sản xuất", "Tỷ đồng", 100, 70],
            ["2", "Diện tích nuôi trồng thủy sản", "ha", 30, 22],
        ],
    )
    db = tmp_path / "mapping.duckdb"
    store.open_store(db).close()
    with streamlit_server(db, {"CHITIEU_DEMO": "0"}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = open_page(browser, url, viewport={"width": 1440, "height": 1600})
        page.goto(url + "/tai_len")
        wait_idle(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(first)])
        page.get_by_text("Tên chưa có trong danh mục (2)").wait_for(timeout=30000)
        wait_idle(page)
        commit = page.get_by_role("button", name="Ghi vào kho dữ liệu")
        assert commit.is_disabled()
        boxes = page.locator("[class*='st-key-map_'][class*='_box']")
        gt = boxes.filter(has_text="Tổng GT sản xuất").last
        assert "S!B7" in gt.inner_text()
        _choose(page, gt, "Tổng giá trị sản xuất (giá so sánh 2010) (Tỷ đồng) — gợi ý")
        assert commit.is_disabled()  # one name still undecided
        _choose(page, boxes.filter(has_text="Diện tích nuôi trồng thủy sản").last, "Không theo dõi")
        expect(page.get_by_text("Tên chưa có trong danh mục")).to_have_count(0, timeout=30000)
        shot(page, "tai_len_anh_xa")
        expect(commit).to_be_enabled(timeout=20000)
        commit.click()
        page.get_by_text("Đã ghi 4 số liệu").wait_for(timeout=30000)
        assert "Đã lưu 2 tên gọi" in page.get_by_text("Đã ghi 4 số liệu").inner_text()
        assert_no_error(page)
        # the second file: the same names are known now, nothing is asked (a fresh uploader replaces the used one
        # when the rerun ends)
        wait_idle(page)
        uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
        expect(uploader).to_have_count(1, timeout=20000)
        uploader.set_input_files([str(second)])
        page.get_by_text("phuong_9t_2019.xlsx —").first.wait_for(timeout=30000)
        wait_idle(page)
        assert page.get_by_text("Tên chưa có trong danh mục").count() == 0
        expect(commit).to_be_enabled(timeout=20000)
        commit.click()
        page.get_by_text("Đã ghi 2 số liệu").wait_for(timeout=30000)
        browser.close()
    # the plan (replaced by the second file), 6 and 9 months
    assert _count(db, "SELECT count(*) FROM observations WHERE indicator_code = 'gtsx_tong'") == 3
    assert _count(db, "SELECT count(*) FROM name_aliases") == 2
    assert _count(db, "SELECT count(*) FROM upload_decisions") == 2  # the first upload's record


def test_html_in_a_file_name_and_in_cells_is_shown_as_text(tmp_path):
    """A file named with markup and cells holding markup, a markdown image and a web address: the
    page shows them as written — no element, no image, no link made from them."""
    from playwright.sync_api import sync_playwright

    hostile = _report(
        tmp_path / "<img src=x onerror=alert(1)>.xlsx",
        "BÁO CÁO 9 THÁNG NĂM 2019",
        "9 tháng",
        [
            ["1", "<b>Chỉ tiêu đậm</b> ![x](http://evil.example/x.png)", "Tỷ đồng", 100, 70],
            ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "<script>alert(2)</script>", 40],
        ],
    )
    db = tmp_path / "hostile.duckdb"
    store.open_store(db).close()
    with streamlit_server(db, {"CHITIEU_DEMO": "0"}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = open_page(browser, url, viewport={"width": 1440, "height": 1400})
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url + "/tai_len")
        wait_idle(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(hostile)])
        page.get_by_text("Tên chưa có trong danh mục").first.wait_for(timeout=30000)
        wait_idle(page)
        main = page.locator("[data-testid='stMain']")
        text = main.inner_text()
        assert "<b>Chỉ tiêu đậm</b>" in text and "<script>alert(2)</script>" in text
        assert "<img src=x onerror=alert(1)>.xlsx" in text
        for selector in (
            "b:text('Chỉ tiêu đậm')",
            "img[src='x']",
            "img[src*='evil']",
            "script:text('alert')",
        ):
            found = main.locator(selector)
            assert found.count() == 0, (
                selector,
                found.first.evaluate(
                    "e => { let t = []; for (let n = e; n && t.length < 6; n = n.parentElement) t.push(n.tagName + '.' + (n.getAttribute('data-testid') || n.className)); return t.join(' < '); }"
                ),
            )
        assert main.locator("a[href*='evil']").count() == 0
        assert not dialogs
        shot(page, "tai_len_html")
        browser.close()
