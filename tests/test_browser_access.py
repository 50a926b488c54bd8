"""Accounts, roles and scope in a real browser, each test with its own accounts on a fresh store:
a viewer cannot reach uploads or rollbacks (deep link included); a ward statistician loads for
their ward and is refused, on the cell, for another; a city leader sees only the city's units and
approves; approved values cannot be replaced until unlocked; the audit page names every step;
a refresh keeps the session; five wrong passwords slow the next attempt."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store import audit
from tests.access_files import two_wards, ward_report
from tests.browser import (
    assert_no_error,
    chromium_path,
    shot,
    streamlit_server,
    wait_idle,
)
from tests.signin import PASSWORD, ensure_account, open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
VIEWER = ("xem.thanhpho", "xem", ("436",))
CLERK = ("tk.bacha", "thong_ke", ("18076",))  # Phường Bắc Hà, 2016–2024
LEADER = ("ld.thanhpho", "lanh_dao", ("436",))
ADMIN = ("qt.tinh", "quan_tri", ("42",))


@pytest.fixture
def fresh(tmp_path, demo_db_path):
    """A fresh copy of the demo store (Thành phố Hà Tĩnh and Huyện Can Lộc) with this test's own
    accounts (so no demo accounts)."""
    db = tmp_path / "kho.duckdb"
    db.write_bytes(demo_db_path.read_bytes())
    for who in (VIEWER, CLERK, LEADER, ADMIN):
        ensure_account(db, *who)
    return db


def _upload(page, name: str, data: bytes) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        [{"name": name, "mimeType": XLSX, "buffer": data}]
    )
    page.get_by_text(name).first.wait_for(timeout=30000)
    wait_idle(page)


def _value(db, sql):
    con = store.open_store(db)
    try:
        return store.scalar(con, sql)
    finally:
        con.close()


BUDGET = (
    "SELECT value FROM observations o JOIN admin_units u USING (unit_id) WHERE u.code = '18076'"
    " AND indicator_code = 'thu_ngan_sach' AND year = 2019 AND month_to = 6 AND kind = 'actual'"
)


def test_viewer_cannot_upload_or_roll_back(fresh, browser):
    with streamlit_server(fresh, {"CHITIEU_DEMO": "0"}) as url:
        page = open_page(browser, url, *VIEWER, viewport={"width": 1280, "height": 720})
        page.goto(url + "/tai_len")  # a deep link to a page the role may not open
        wait_idle(page)
        assert_no_error(page)
        main = page.locator("[data-testid='stMain']")
        assert "không mở được trang này" in main.inner_text()
        assert page.locator("[data-testid='stFileUploaderDropzoneInput']").count() == 0
        assert page.get_by_role("button", name="Gỡ dữ liệu mẫu").count() == 0
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        assert "Tải dữ liệu lên" not in sidebar and "Duyệt số liệu" not in sidebar
        shot(page, "truy_cap_nguoi_xem")
        for closed in ("/duyet", "/nhat_ky"):
            page.goto(url + closed)
            wait_idle(page)
            assert "không mở được trang này" in page.locator("[data-testid='stMain']").inner_text()
        # a fresh browser with no account sees only the sign-in form, and why
        anonymous = browser.new_page(viewport={"width": 390, "height": 844})
        anonymous.goto(url + "/tai_len")
        wait_idle(anonymous)
        assert anonymous.get_by_role("button", name="Đăng nhập").count() >= 1
        assert "Đăng nhập để mở trang Tải dữ liệu lên" in anonymous.inner_text("body")
        assert anonymous.locator("[data-testid='stFileUploaderDropzoneInput']").count() == 0
        shot(anonymous, "dang_nhap_dien_thoai")
        anonymous.close()


def test_ward_clerk_leader_approval_lock_and_audit(fresh, browser):
    with streamlit_server(fresh, {"CHITIEU_DEMO": "0"}) as url:
        clerk = open_page(browser, url, *CLERK, viewport={"width": 1440, "height": 1400})
        clerk.goto(url + "/tai_len")
        wait_idle(clerk)
        assert_no_error(clerk)
        # a file with another ward's rows is refused on that ward's first cell
        _upload(clerk, "hai_phuong.xlsx", two_wards())
        clerk.get_by_text("nằm ngoài phạm vi").first.wait_for(timeout=20000)
        assert clerk.get_by_text("Ô G3").count() >= 1 and "Phường Nam Hà" in clerk.inner_text(
            "body"
        )
        assert clerk.get_by_role("button", name="Ghi vào kho dữ liệu").is_disabled()
        shot(clerk, "truy_cap_ngoai_pham_vi")
        clerk.get_by_role("button", name="Remove hai_phuong.xlsx").click()
        wait_idle(clerk)
        _upload(clerk, "bac_ha_6t_2019.xlsx", ward_report())
        clerk.get_by_role("button", name="Ghi vào kho dữ liệu").click()
        clerk.get_by_text("Đã ghi 4 số liệu").wait_for(timeout=30000)
        assert _value(fresh, BUDGET) == 61.5
        assert (
            _value(fresh, "SELECT uploaded_by FROM uploads ORDER BY upload_id DESC") == "tk.bacha"
        )
        # a refresh keeps the session
        clerk.reload()
        wait_idle(clerk)
        assert "Đăng nhập: tk.bacha" in clerk.locator("[data-testid='stSidebar']").inner_text()

        leader = open_page(browser, url, *LEADER, viewport={"width": 1280, "height": 720})
        bac_ha = _value(fresh, "SELECT min(unit_id) FROM admin_units WHERE code = '18076'")
        leader.goto(url + f"/?unit={bac_ha}&year=2019&period=1-6")
        wait_idle(leader)
        assert_no_error(leader)
        assert "Phường Bắc Hà" in leader.locator("[data-testid='stMain']").inner_text()
        # a unit outside the city, asked for by a shared link: not shown, the city's first unit is
        can_loc = _value(fresh, "SELECT min(unit_id) FROM admin_units WHERE code = '443'")
        leader.goto(url + f"/?unit={can_loc}&year=2019&period=1-6")
        wait_idle(leader)
        assert_no_error(leader)
        assert "Can Lộc" not in leader.locator("[data-testid='stMain']").inner_text()
        shot(leader, "lanh_dao_tong_quan")
        leader.goto(url + "/duyet")
        wait_idle(leader)
        assert_no_error(leader)
        assert "Chọn tất cả (2 dòng)" in leader.locator("[data-testid='stMain']").inner_text()
        leader.get_by_text("Chọn tất cả").click()
        leader.get_by_text("Thay đổi — Phường Bắc Hà").wait_for(timeout=20000)  # what changed
        wait_idle(leader)
        shot(leader, "duyet_cho_duyet")
        leader.get_by_role("button", name="Duyệt 2 dòng đã chọn").click()
        leader.get_by_text("Đã ghi: 2 đơn vị × kỳ").wait_for(timeout=20000)

        # approved: a corrected file is refused, naming who approved
        clerk.goto(url + "/tai_len")
        wait_idle(clerk)
        _upload(clerk, "bac_ha_6t_2019_sua.xlsx", ward_report(budget=70.0))
        clerk.get_by_role("button", name="Ghi vào kho dữ liệu").click()
        clerk.get_by_text("đã được ld.thanhpho duyệt").first.wait_for(timeout=30000)
        assert _value(fresh, BUDGET) == 61.5
        shot(clerk, "da_duyet_bi_khoa")

        # unlocked by the leader: the correction goes in
        leader.goto(url + "/duyet")
        wait_idle(leader)
        shot(leader, "duyet_mo_khoa")
        leader.get_by_text("Đã duyệt (2)").click()
        leader.get_by_text("Chọn tất cả").last.click()
        leader.get_by_role("button", name="Mở khóa 2 dòng").click()
        leader.get_by_text("Đã ghi: 2 đơn vị × kỳ").wait_for(timeout=20000)
        clerk.get_by_role("button", name="Ghi vào kho dữ liệu").click()
        clerk.get_by_text("Đã ghi 4 số liệu").wait_for(timeout=30000)
        assert _value(fresh, BUDGET) == 70.0

        admin = open_page(browser, url, *ADMIN, viewport={"width": 1440, "height": 1000})
        admin.goto(url + "/nhat_ky")
        wait_idle(admin)
        assert_no_error(admin)
        shot(admin, "nhat_ky")
        with admin.expect_download() as got:
            admin.get_by_role("button", name="Tải nhật ký (.csv)").click()
        exported = Path(got.value.path()).read_text("utf-8-sig")
        lines = exported.splitlines()
        assert lines[0].startswith("Thời gian,Tài khoản,Việc")
        for who, what in (
            ("tk.bacha", "Nạp số liệu"),
            ("ld.thanhpho", "Duyệt"),
            ("ld.thanhpho", "Mở khóa"),
        ):
            assert any(f",{who},{what}," in line for line in lines), (who, what)
    done = audit.entries(fresh)
    steps = list(zip(done.username, done.action))[::-1]  # oldest first
    assert ("tk.bacha", "upload") in steps and ("ld.thanhpho", "approve") in steps
    assert ("ld.thanhpho", "unlock") in steps
    assert steps.index(("ld.thanhpho", "approve")) < steps.index(("ld.thanhpho", "unlock"))
    assert [s for s in steps if s[1] == "upload"] == [("tk.bacha", "upload")] * 2


def test_five_wrong_passwords_slow_the_next_attempt(fresh, browser):
    with streamlit_server(fresh, {"CHITIEU_DEMO": "0"}) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(url + "/")
        wait_idle(page)

        def recorded() -> int:
            return len(audit.entries(fresh, username="tk.bacha"))

        def attempt(password: str) -> None:
            """One sign-in attempt, retried when the click landed in a rerun and was lost (the
            audit row is the proof that the server took it)."""
            before = recorded()
            for _ in range(3):
                page.get_by_label("Tên đăng nhập").fill("tk.bacha")
                page.get_by_label("Mật khẩu").fill(password)
                page.get_by_role("button", name="Đăng nhập").first.click()
                for _ in range(40):
                    if recorded() > before:
                        wait_idle(page)
                        return
                    page.wait_for_timeout(250)
            raise AssertionError("the sign-in attempt never reached the server")

        for n in range(5):
            attempt(f"sai-{n}")
            page.get_by_text("Sai tên đăng nhập hoặc mật khẩu").wait_for(timeout=10000)
        attempt(PASSWORD)  # the right password, but too soon after five wrong ones
        page.get_by_text("Thử lại sau").wait_for(timeout=10000)
        assert "Đăng nhập: tk.bacha" not in page.inner_text("body")
        shot(page, "dang_nhap_bi_cham")
        page.close()
    failed = audit.entries(fresh, username="tk.bacha", actions=["sign_in_failed"])
    assert len(failed) == 5
