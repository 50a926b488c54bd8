"""AppTest for every page in the navigation: runs without exception and shows its key elements."""

from __future__ import annotations

import os
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.signin import ADMIN, sign_in_apptest

NAV = tomllib.loads((ROOT / "data" / "navigation.toml").read_text("utf-8"))
PAGES = [p for s in NAV["section"] for p in s["pages"] if (ROOT / p["path"]).exists()]


def run_page(path: str, params: dict | None = None, user: tuple = ADMIN) -> AppTest:
    """The page as `user` (username, role, units) sees it, signed in."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    sign_in_apptest(at, os.environ["CHITIEU_DB"], *user)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if path != "app.py":
        at.switch_page(path)
    return at.run()


@pytest.mark.parametrize("page", PAGES, ids=[p["path"] for p in PAGES])
def test_page_runs_and_has_its_title(page, app_env):
    at = run_page(page["path"])
    assert not at.exception, at.exception
    # the demo notice is on every page while demo data is in force
    if page.get("compact"):
        assert [t.value for t in at.title] == []
        assert any("Dữ liệu mẫu" in c.value for c in at.caption)
    else:
        assert [t.value for t in at.title][:1] == [page["label"]]
        assert any("Dữ liệu mẫu" in i.value for i in at.info)


def test_overview_kpis_follow_url_filters(app_env):
    at = run_page("app.py", {"unit": "2", "year": "2016", "period": "1-6"})
    assert not at.exception
    assert at.selectbox(key="flt_year").value == 2016
    assert at.selectbox(key="flt_period").value == "1-6"
    assert any("6 tháng năm 2016" in h.value for h in at.subheader)
    html = "".join(m.value for m in at.markdown)
    assert html.count('data-testid="kpi-card"') >= 10
    assert "kế hoạch" in html and "So cùng kỳ" in html


def test_kpi_card_shows_each_plan_when_several(app_env):
    """The demo budget has a province plan and a city HĐND plan: the card gives % of each."""
    at = run_page("app.py", {"unit": "2", "year": "2019", "period": "1-9"})
    assert not at.exception
    html = "".join(m.value for m in at.markdown)
    card = html[html.index("Thu ngân sách trên địa bàn") :]
    card = (
        card[: card.index('data-testid="kpi-card"')] if 'data-testid="kpi-card"' in card else card
    )
    assert "kế hoạch HĐND giao" in card and "kế hoạch tỉnh giao" in card


def test_overview_filter_change_updates_url(app_env):
    at = run_page("app.py", {"unit": "2", "year": "2016", "period": "1-6"})
    at.selectbox(key="flt_year").select(2019).run()
    assert not at.exception
    assert at.query_params["year"] == ["2019"] or at.query_params["year"] == "2019"


def test_overview_on_empty_store_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("CHITIEU_DB", str(tmp_path / "empty.duckdb"))
    monkeypatch.setenv("CHITIEU_DEMO", "0")
    at = run_page("app.py")
    assert not at.exception
    assert any("chưa có số liệu" in w.value for w in at.warning)


def test_upload_page_removes_demo_data(app_env):
    import store
    from store import demo

    at = run_page("pages/tai_len.py")
    assert not at.exception
    at.button(key="remove_demo").click().run()
    assert not at.exception
    assert any("Đã gỡ 2 lần nạp dữ liệu mẫu" in s.value for s in at.success)
    store.close_all()
    con = store.open_store(app_env)
    try:
        assert not demo.has_demo(con)
        assert store.scalar(con, "SELECT count(*) FROM observations") == 0
    finally:
        con.close()


SMOKE_UNITS = {
    "2": "Thành phố Hà Tĩnh (city with wards)",
    "3": "Huyện Can Lộc (district: NTM data only)",
    "22": "Xã Thạch Bình (commune, no children)",
    "65": "Xã Đồng Môn (from 2020)",
    "24": "Xã Thiên Lộc (NTM criteria only)",
}


@pytest.mark.parametrize("unit", list(SMOKE_UNITS), ids=list(SMOKE_UNITS.values()))
def test_every_page_for_units_of_every_kind(unit, app_env):
    """Each page with each kind of unit (and its default period): no exception, no 'nan'/'None' shown."""
    for page in PAGES:
        at = run_page(page["path"], {"unit": unit})
        assert not at.exception, (page["path"], at.exception)
        shown = " ".join(
            [m.value for m in at.markdown]
            + [c.value for c in at.caption]
            + [s.value for s in at.subheader]
            + [i.value for i in at.info]
            + [w.value for w in at.warning]
        )
        for bad in (" nan", "nan%", "None", "NaN"):
            assert bad not in shown, (page["path"], bad)


def test_a_store_that_cannot_be_opened_says_so_with_its_detail(tmp_path, monkeypatch):
    """No traceback: a plain Vietnamese title with an error id, StoreError's detail (the file name,
    DuckDB's words, no server folders) behind "Chi tiết kỹ thuật", the trace in the log."""
    broken = tmp_path / "not_a_store.duckdb"
    broken.write_text("này không phải là kho dữ liệu", encoding="utf-8")
    monkeypatch.setenv("CHITIEU_DB", str(broken))
    monkeypatch.chdir(ROOT)
    at = run_page("app.py")
    assert not at.exception
    assert any("Không mở được kho dữ liệu" in e.value for e in at.error)
    (detail,) = [c.value for c in at.code]
    assert "not_a_store.duckdb" in detail and "IO Error" in detail  # the file and DuckDB's words
    assert str(tmp_path) not in detail  # but not the server's folders
    error_id = detail.split("Mã lỗi: ", 1)[1].split()[0]
    assert any(error_id in e.value for e in at.error)  # the id the user can quote
    log = (tmp_path / "logs" / "chitieu.log").read_text("utf-8")
    assert error_id in log and "Traceback" in log  # the whole trace is in the log, under that id


def test_waiting_figures_are_marked_and_approved_only_leaves_them_out(app_env):
    import loaders
    from loaders import parse_upload
    from store import published
    from tests.access_files import ward_report

    with published.writing(app_env) as w:
        assert loaders.commit(
            w, [parse_upload("bac_ha.xlsx", ward_report(70.0), w)], "tk"
        ).committed
    at = run_page("app.py", {"unit": "9", "year": "2019", "period": "1-6"})
    assert not at.exception
    assert any(
        "Số liệu kỳ này của Phường Bắc Hà (2016–2024) chưa được duyệt" in c.value
        for c in at.caption
    )
    approved = run_page("app.py", {"unit": "9", "year": "2019", "period": "1-6", "approved": "1"})
    assert not approved.exception
    # the waiting report is left out, and the page says why the period is empty
    assert not any(c.value.endswith("chưa được duyệt.") for c in approved.caption)
    assert any("chưa được duyệt nên không hiển thị" in c.value for c in approved.caption)
    assert approved.toggle(key="approved_only").value is True


def _status_chips(at) -> str:
    import re

    chips = [m.value for m in at.markdown if 'data-testid="status-counts"' in m.value]
    assert len(chips) == 1
    return " ".join(re.findall(r">([^<>]+: \d+)<", chips[0]))


def test_overview_and_ward_page_count_statuses_alike(app_env):
    """The same ward and period: the same chips on Tổng quan and on Phường/xã (headline indicators
    with a value; denominators such as Dân số trung bình are not "Chưa có kế hoạch")."""
    import store

    con = store.open_store(app_env)
    ward = int(
        store.scalar(
            con, "SELECT unit_id FROM admin_units WHERE code = '18100' AND valid_to IS NULL"
        )
    )
    con.close()
    params = {"unit": str(ward), "year": "2026", "period": "1-9"}
    overview = run_page("app.py", params)
    scorecard_page = run_page("pages/phuong_xa.py", {**params, "ward": str(ward)})
    assert not overview.exception and not scorecard_page.exception
    chips = _status_chips(overview)
    assert chips and chips == _status_chips(scorecard_page)
    assert (
        "Chưa có kế hoạch" not in chips
    )  # the ward's denominators have no plan, and are not counted


def test_the_ward_table_says_a_denominator_is_used_for_a_rate_not_missing_a_plan(app_env):
    at = run_page("pages/phuong_xa.py", {"year": "2026", "period": "1-12"})
    assert not at.exception
    table = at.dataframe[0].value
    table = getattr(table, "data", table)  # a Styler: its frame
    said = dict(zip(table["Chỉ tiêu"], table["Tình trạng"]))
    denominators = [n for n in said if n.startswith(("Dân số trung bình", "Tổng số hộ"))]
    assert denominators and all(said[n] == "Dùng tính tỷ lệ" for n in denominators)
    assert "Chưa có kế hoạch" not in {said[n] for n in denominators}


def test_a_ward_overview_names_no_lagging_wards(app_env):
    import store

    con = store.open_store(app_env)
    ward = int(
        store.scalar(
            con, "SELECT unit_id FROM admin_units WHERE code = '18100' AND valid_to IS NULL"
        )
    )
    con.close()
    at = run_page("app.py", {"unit": str(ward), "year": "2026", "period": "1-9"})
    assert not at.exception
    texts = " ".join(m.value for m in at.markdown)
    assert "Cần chú ý" in texts and "Chỉ tiêu chậm nhất so với tiến độ" in texts
    assert "Phường, xã có nhiều chỉ tiêu chậm" not in texts  # it has no wards


def test_compare_shows_the_headline_indicators_first_and_any_group_on_demand(app_env):
    at = run_page("pages/so_sanh.py", {"unit": "2", "year": "2019", "period": "1-9"})
    assert not at.exception, at.exception
    group = at.selectbox(key="compare_group")
    assert group.value == "_chinh" and "Tất cả chỉ tiêu" in group.options
    assert "Kinh tế" in group.options
    assert len(at.get("vega_lite_chart")) == 1
    at = group.select("_tat_ca").run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 1


def test_compare_opens_a_wards_scorecard_from_the_picker(app_env):
    at = run_page("pages/so_sanh.py", {"unit": "2", "year": "2019", "period": "1-9"})
    picker = at.selectbox(key="compare_open_ward")
    assert picker.value is None and len(picker.options) >= 5  # the city's wards, by name
    ward = picker.options[0]
    ward_id = next(i for i in range(1, 10_000) if picker.format_func(i) == ward)  # its unit id
    at = picker.select(ward_id).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title][:1] == ["Phường/xã"]  # switched to the ward's scorecard
    assert any(ward in h.value for h in at.subheader), [h.value for h in at.subheader]
