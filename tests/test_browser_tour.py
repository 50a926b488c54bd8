"""Every page of the navigation at the three screens it is used on — a desk (1440×900), a projector
(1280×720) and a phone (390×844) — opened by an administrator on the city (6 tháng 2025, 15 wards): no error, nothing wider
than the screen, no "null"/"NaN" and none of Streamlit's English words in what is shown. Each view
is saved in tests/screenshots/tour_<page>_<width>.png to be looked at."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import assert_no_error, chromium_path, shot, wait_idle
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]

ROOT = Path(__file__).resolve().parent.parent
# the city with its 15 wards at its last half-year before the 2025 reform: every page has figures
VIEW = "?unit=2&year=2025&period=1-6"
SCREENS = [(1440, 900), (1280, 720), (390, 844)]
PAGES = [
    item["path"]
    for section in tomllib.loads((ROOT / "data/navigation.toml").read_text("utf-8"))["section"]
    for item in section["pages"]
    if (ROOT / item["path"]).exists()
]
# what a reader must never see: a missing value printed as code would, Streamlit's own English
NOT_SHOWN = re.compile(
    r"\b(null|NaN|None|undefined|Upload|Browse files|per file|Show data|Download as|Fullscreen"
    r"|View source|Drag and drop)\b"
)

# The text a reader sees: not what CSS hides (display, visibility, a zero font size, as the
# uploader's English is replaced) and not icon ligatures ("upload" drawn as an arrow).
SHOWN_TEXT = """() => {
  const out = [], walker = document.createTreeWalker(
    document.querySelector('[data-testid=stMain]'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest('[data-testid=stIconMaterial], style, script')) continue;
    const css = getComputedStyle(el);
    if (css.visibility !== 'visible' || parseFloat(css.fontSize) === 0) continue;
    if (el.getClientRects().length === 0) continue;
    out.push(walker.currentNode.textContent);
  }
  return out.join(' ');
}"""


def _url(path: str) -> str:
    return "/" if path == "app.py" else "/" + Path(path).stem


@pytest.mark.parametrize("width, height", SCREENS, ids=[f"{w}" for w, _ in SCREENS])
def test_every_page_reads_well_on_each_screen(server, browser, width, height):
    page = open_page(browser, server, viewport={"width": width, "height": height})
    try:
        for path in PAGES:
            page.goto(server + _url(path) + VIEW)
            wait_idle(page)
            expect(
                page.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer']").first
            ).to_be_attached(timeout=20000)
            page.wait_for_timeout(800)  # charts and tables are drawn just after the run
            assert_no_error(page)
            text = page.evaluate(SHOWN_TEXT)
            found = NOT_SHOWN.search(text)
            assert found is None, (
                path,
                width,
                found and text[found.start() - 80 : found.end() + 40],
            )
            overflow = page.evaluate(
                "() => { const m = document.querySelector('[data-testid=stMain]');"
                " return [m.scrollWidth, m.clientWidth]; }"
            )
            assert overflow[0] <= overflow[1] + 2, (path, width, overflow)  # no sideways page
            shot(page, f"tour_{Path(path).stem}_{width}")
    finally:
        page.context.close()
