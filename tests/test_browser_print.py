"""The print view of Tổng quan and Phường/xã, printed by Chromium to PDF as a leader would ("In /
Lưu PDF"): A4 landscape pages, the demo notice first, the unit and period, every row of the ward
table, and no sidebar, buttons or pickers on paper."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect

from tests.browser import assert_no_error, chromium_path, shot, wait_count, wait_idle
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]

VIEW = "unit=2&year=2025&period=1-6"  # the city and its 15 wards, 6 tháng 2025


def _pdf(page):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


def _flat(pdf) -> str:
    return " ".join(" ".join(p.extract_text() for p in pdf.pages).split())


def _is_a4_landscape(pdf) -> bool:
    return all(
        (round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4))
        == (297, 210)
        for p in pdf.pages
    )


def test_the_overview_offers_a_print_view_that_prints_on_a4_landscape(server, browser):
    page = open_page(browser, server, viewport={"width": 1440, "height": 900})
    page.goto(f"{server}/?{VIEW}")
    wait_idle(page)
    link = page.get_by_role("link", name=re.compile("Bản in"))
    expect(link).to_be_attached(timeout=20000)
    href = link.get_attribute("href") or ""
    assert "print=1" in href and "unit=2" in href and "period=1-6" in href
    page.goto(f"{server}/?{VIEW}&print=1")
    wait_idle(page)
    assert_no_error(page)
    wait_count(page.locator("[data-testid='kpi-card']"), 5)
    wait_count(
        page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg")
    )
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    shot(page, "print_overview_1440")
    pdf = _pdf(page)
    assert _is_a4_landscape(pdf) and len(pdf.pages) >= 2
    first = " ".join(pdf.pages[0].extract_text().split())
    assert first.startswith("Dữ liệu mẫu")
    assert "Thành phố Hà Tĩnh — 6 tháng năm 2025" in first and "Bản in ngày" in first
    text = _flat(pdf)
    assert "Cần chú ý" in text and "Tổng giá trị sản xuất" in text
    for absent in ("In / Lưu PDF", "Theo dõi chỉ tiêu", "Đăng xuất", "Sao chép liên kết"):
        assert absent not in text, absent  # no button, no sidebar on paper


def test_the_ward_scorecard_prints_every_row(server, browser):
    page = open_page(browser, server, viewport={"width": 1280, "height": 720})
    page.goto(f"{server}/phuong_xa?{VIEW}&print=1")
    wait_idle(page)
    assert_no_error(page)
    table = page.locator("[data-testid='stTable']").first
    expect(table).to_be_attached(timeout=20000)
    names = [
        n.strip()
        for n in table.locator("tbody tr td:first-child, tbody tr th:first-child").all_inner_texts()
    ]
    names = [n for n in names if n]
    assert len(names) > 20  # the whole scorecard, not the rows an interactive grid draws
    shot(page, "print_phuong_xa_1280")
    pdf = _pdf(page)
    assert _is_a4_landscape(pdf) and len(pdf.pages) >= 2
    text = _flat(pdf)
    for name in (names[0], names[len(names) // 2], names[-1]):
        assert " ".join(name.split())[:30] in text, name
    assert "Tình trạng" in text and "So kế hoạch" in text
