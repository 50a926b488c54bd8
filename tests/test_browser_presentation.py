"""The presentation on a 1280×720 projector: in presentation mode every slide shows its title,
chart, sentence and the Trước/Tiếp buttons inside the screen, without the sidebar; F leaves it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import assert_no_error, chromium_path, shot, until_url, wait_count, wait_idle
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]


def _bottom(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] + box["height"]


def test_every_slide_fits_the_projector(server, browser):
    page = open_page(browser, server, viewport={"width": 1280, "height": 720})
    query = "/trinh_chieu?present=1&unit=2&year=2024&period=1-6"
    page.goto(server + query)
    wait_idle(page)
    assert_no_error(page)
    count = page.get_by_text(re.compile(r"Trang 1/\d+"))
    wait_count(count)
    total = int(re.search(r"Trang 1/(\d+)", count.first.inner_text()).group(1))
    assert total >= 5
    for n in range(1, total + 1):
        page.goto(server + f"{query}&slide={n}")
        wait_idle(page)
        wait_count(
            page.locator(
                "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
            )
        )
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        for selector in (
            "[data-testid='slide-title']",
            "[data-testid='stVegaLiteChart']",
            "[data-testid='slide-sentence']",
        ):
            assert _bottom(page, selector) <= 720, (n, selector)
        for name in ("Trước", "Tiếp"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box["y"] + box["height"] <= 720, (n, name)
        sentence = page.locator("[data-testid='slide-sentence']").inner_text()
        assert len(sentence) <= 171, (n, sentence)
        if n in (1, total):
            shot(page, f"trinh_chieu_1280_{n}")
    # F leaves presentation mode
    until_url(page, lambda _: page.keyboard.press("f"), re.compile(r"^(?!.*present=1).*$"))
    wait_idle(page)
    # the rerun replaces the presentation style a moment after it ends: wait for the sidebar
    expect(page.locator("[data-testid='stSidebar']")).to_be_visible(timeout=20000)
