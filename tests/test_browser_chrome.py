"""Small things a person notices, in a real browser: none of Streamlit's English (chart menu,
Fullscreen, Download as CSV) shows on a page with charts and tables, and "Sao chép liên kết" puts
the exact view's address — indicator included — on the clipboard."""

from __future__ import annotations

import pytest

from tests.browser import assert_no_error, chromium_path, wait_count, wait_idle
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]
ENGLISH = ("Fullscreen", "Download as", "Show data", "View Source", "Save as", "Search")


def test_no_streamlit_english_and_the_link_copies_the_view(server, browser):
    page = open_page(browser, server, viewport={"width": 1440, "height": 1200})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(server + "/chi_tieu?unit=2&year=2024&period=1-9&ind=thu_ngan_sach")
    wait_idle(page)
    assert_no_error(page)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    wait_count(chart.locator("canvas, svg"))
    chart.hover()
    page.locator("[data-testid='stDataFrame']").first.hover()
    page.wait_for_timeout(500)
    assert page.locator(".vega-embed details").filter(visible=True).count() == 0
    assert page.locator("[data-testid='stElementToolbar']").filter(visible=True).count() == 0
    body = page.inner_text("body")
    assert not [text for text in ENGLISH if text in body]
    button = None
    for frame in page.frames:
        if frame.locator("[data-testid='copy-link']").count():
            button = frame.locator("[data-testid='copy-link']")
    assert button is not None
    button.click()
    page.wait_for_timeout(500)
    assert "Đã sao chép" in button.inner_text()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "ind=thu_ngan_sach" in copied and "period=1-9" in copied
