"""Real browser: both criteria pages opened by deep link on a copy of the demo store, charts drawn,
no error element; screenshots in tests/screenshots/."""

from __future__ import annotations

import pytest

from tests.browser import assert_no_error, chromium_path, shot, wait_idle
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]


def _open(browser, url: str, heading: str, min_charts: int):
    page = open_page(
        browser, "/".join(url.split("/")[:3]), viewport={"width": 1400, "height": 3600}
    )
    page.goto(url)
    wait_idle(page)
    assert_no_error(page)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_role("heading", name=heading, exact=True).count() == 1
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas, "
        "[data-testid='stVegaLiteChart'] svg\").length >= n",
        arg=min_charts,
        timeout=30000,
    )
    page.wait_for_timeout(1000)
    return page


def test_ntm_page_by_deep_link(server, browser):
    page = _open(browser, server + "/nong_thon_moi?unit=3&year=2019&ward=", "Nông thôn mới", 6)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "Huyện Can Lộc, năm 2019" in text
    assert "NTM 2016–2020" in text
    shot(page, "nong_thon_moi")
    page.close()


def test_van_minh_view_by_deep_link(server, browser):
    page = _open(
        browser, server + "/nong_thon_moi?family=van_minh&unit=2&year=2023", "Nông thôn mới", 4
    )
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "Phường đạt chuẩn đô thị văn minh — Thành phố Hà Tĩnh, năm 2023" in text
    shot(page, "van_minh")
    page.close()


def test_urban_page_by_deep_link(server, browser):
    page = _open(browser, server + "/do_thi?unit=2&year=2019", "Đô thị loại II", 3)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "88,69" in text  # the published 2019 criterion points of TP Hà Tĩnh
    assert "Đạt" in text
    shot(page, "do_thi")
    page.goto(server + "/do_thi?unit=2&year=2016")
    wait_idle(page)
    assert_no_error(page)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30000)
    assert (
        "Tiêu chuẩn chưa đạt mức tối thiểu" in page.locator("[data-testid='stMain']").inner_text()
    )
    page.wait_for_timeout(1000)
    shot(page, "do_thi_2016")
    page.close()
