"""The 2025 reform in a real browser: a leader of Phường Trần Phú (formed 1 July 2025) sees its
2026 against a 2025 rebuilt from the old units, its 2024 and 2025 rebuilt and marked, where it came
from, and no unit of another period in any list; the switch to reported figures is kept in the URL;
a 2024 page lists the wards of 2024 only."""

from __future__ import annotations

import re

import pytest

import store
from tests.browser import assert_no_error, chromium_path, shot, until_url, wait_count, wait_idle
from tests.signin import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium not installed (make test installs it)"
    ),
]
WARD_LEADER = ("ld.tranphu", "lanh_dao", ("18100",))
# units that made up the new Phường Trần Phú before 1 July 2025, and some dissolved earlier
OLD_UNITS = ("Phường Thạch Trung", "Phường Đồng Môn", "Phường Thạch Hạ", "Xã Hộ Độ", "Xã Thạch Hạ")


def _options(page, label: str, typed: str = "") -> list[str]:
    """The options of the select `label` (the list is drawn lazily: a few at a time, so a long one
    is searched by typing part of a name)."""
    combo = page.get_by_role("combobox", name=label)
    combo.click()
    if typed:
        page.keyboard.type(typed)
    else:
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(400)
    options = page.get_by_role("option")
    texts = [options.nth(i).inner_text() for i in range(options.count())]
    texts = [t for t in texts if t != "No results"]  # the select's own "nothing found" line
    page.keyboard.press("Escape")
    wait_idle(page)
    return texts


def _grid_cells(page, index: int) -> list[str]:
    grid = page.locator("[data-testid='stDataFrame']").nth(index)
    cells = grid.locator("[role='gridcell'], [role='columnheader']")
    wait_count(cells)
    return [cells.nth(i).inner_text() for i in range(cells.count())]


def _in_force(db, day: str, parent_code: str) -> list[str]:
    con = store.open_store(db)
    try:
        return [
            r[0]
            for r in con.execute(
                "SELECT c.name FROM admin_units c JOIN admin_units p ON p.unit_id = c.parent_id"
                " WHERE p.code = ? AND c.valid_from <= ?::DATE"
                " AND (c.valid_to IS NULL OR c.valid_to >= ?::DATE)",
                [parent_code, day, day],
            ).fetchall()
        ]
    finally:
        con.close()


def test_new_ward_sees_rebuilt_history_and_only_units_of_its_period(server, browser):
    page = open_page(browser, server, *WARD_LEADER, viewport={"width": 1440, "height": 900})
    page.goto(server + "/phuong_xa?year=2026&period=1-9")
    wait_idle(page)
    assert_no_error(page)
    assert page.get_by_role("heading", name="Phường Trần Phú — 9 tháng năm 2026").count() == 1
    units = _options(page, "Đơn vị")
    assert units == ["Phường Trần Phú"]  # the leader's one unit of 2026, no predecessor
    # the table draws its cells lazily: wait for the change column's cells to be there
    wait_count(
        page.locator("[data-testid='stDataFrame']")
        .first.locator("[role='gridcell']")
        .filter(has_text=re.compile(r"^[▲▼=] "))
    )
    scorecard = _grid_cells(page, 0)
    change = [c for c in scorecard if c.startswith(("▲", "▼", "="))]
    assert change and all(c.endswith("*") for c in change)  # 2026 against the rebuilt 2025
    years = _grid_cells(page, 1)
    assert "2024" in years
    rebuilt = [c for c in years if c.endswith(" *")]
    assert len(rebuilt) >= 10  # 2024 and earlier, rebuilt and marked
    main = page.locator("[data-testid='stMain']")
    text = main.inner_text()
    assert "Dấu *: số liệu tính theo địa giới hiện nay" in text
    for name in OLD_UNITS:  # not a unit of 2026: in no picker and no table
        assert all(name not in c for c in units + scorecard + years), name
    shot(page, "phuong_moi_the_diem")
    # where it came from: the four units and the resolution
    page.get_by_text("Nguồn gốc đơn vị").click()
    lineage = _grid_cells(page, 2)
    for name in ("Phường Thạch Trung", "Phường Đồng Môn", "Phường Thạch Hạ"):
        assert name in lineage
    assert any("NQ 1665/NQ-UBTVQH15" in c for c in lineage)
    assert page.locator("[data-testid='stGraphVizChart']").count() == 1

    # the overview: the same-period change says it is on today's boundaries
    page.goto(server + "/?year=2026&period=1-9")
    wait_idle(page)
    cards = page.locator("[data-testid='kpi-card']")
    wait_count(cards, 5)
    assert "So cùng kỳ (theo địa giới hiện nay): tăng" in page.inner_text("body")
    shot(page, "phuong_moi_tong_quan")
    # the trend: years before the ward existed drawn apart and listed
    page.goto(server + "/chi_tieu?year=2026&period=1-9&ind=gtsx_tong")
    wait_idle(page)
    caption = page.get_by_text(re.compile(r"Nét đứt xanh nhạt \(2015.*2024, 2025\)"))
    wait_count(caption)
    shot(page, "phuong_moi_xu_huong")

    # figures as reported only: no same period, no rebuilt year; the choice is in the URL
    page.goto(server + "/?year=2026&period=1-9")
    wait_idle(page)
    until_url(
        page,
        lambda _: page.get_by_text("Theo số liệu báo cáo").click(),
        re.compile(r".*boundaries=reported.*"),
    )
    wait_idle(page)
    body = page.inner_text("body")
    assert "theo địa giới hiện nay): " not in body and "So cùng kỳ: chưa có số liệu" in body
    page.reload()
    wait_idle(page)
    assert "boundaries=reported" in page.url
    assert "So cùng kỳ: chưa có số liệu" in page.inner_text("body")


def test_a_2024_page_lists_the_wards_of_2024_only(server, browser, demo_db_path):
    page = open_page(browser, server, viewport={"width": 1440, "height": 900})
    city = store.open_store(demo_db_path)
    try:
        city_id = store.scalar(city, "SELECT unit_id FROM admin_units WHERE code = '436'")
    finally:
        city.close()
    page.goto(server + f"/phuong_xa?year=2024&period=1-6&unit={city_id}")
    wait_idle(page)
    assert_no_error(page)
    expected = _in_force(demo_db_path, "2024-06-30", "436")
    assert len(expected) == 15
    wards = _options(page, "Phường/xã")
    assert wards and {re.sub(r" \(.*\)$", "", w) for w in wards} <= set(expected)
    assert _options(page, "Phường/xã", "Bắc Hà") == ["Phường Bắc Hà (2016–2024)"]
    for gone in ("Thạch Môn", "Thạch Đồng", "Thành Sen"):  # dissolved in 2019; formed in 2025
        assert _options(page, "Phường/xã", gone) == [], gone
        assert _options(page, "Đơn vị", gone) == [], gone
    assert _options(page, "Đơn vị", "Trần Phú") == ["Phường Trần Phú (2016–2024)"]
    shot(page, "phuong_xa_2024")
