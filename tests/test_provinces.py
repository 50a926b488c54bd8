"""Any province: the whole country's admin units as data (before and after 1 July 2025), the
deployment's provinces chosen at set-up (CHITIEU_PROVINCES), and a Hà Giang city report of 2022 —
made as its statistician would — loaded where Hà Giang is served and refused, at its letterhead
cell, where it is not."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.loader_helpers import xlsx_bytes

REFORM = "2025-07-01"


def _csv(name: str) -> list[dict]:
    with (ROOT / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_each_province_after_the_reform_has_the_package_s_units():
    """34 provinces; per province the communes, wards and special zones of vietnamadminunits."""
    vau = pytest.importorskip("vietnamadminunits")
    package = sqlite3.connect(Path(vau.__file__).parent / "data" / "dataset.db")
    expected = dict(
        package.execute(
            "SELECT provinceCode, count(DISTINCT wardCode) FROM admin_units GROUP BY 1"
        ).fetchall()
    )
    package.close()
    units = _csv("admin_units.csv")
    by_id = {u["unit_id"]: u for u in units}
    provinces = [u for u in units if not u["parent_id"] and not u["valid_to"]]
    assert len(provinces) == len(expected) == 34
    got = Counter(
        by_id[u["parent_id"]]["code"]
        for u in units
        if u["valid_from"] == REFORM and u["parent_id"] and not u["valid_to"]
    )
    assert dict(got) == expected
    assert sum(got.values()) == 3321


def test_every_commune_ending_on_the_reform_s_eve_has_a_successor():
    units = _csv("admin_units.csv")
    linked = {link["old_unit_id"] for link in _csv("unit_succession.csv")}
    communes = {"xa", "phuong", "thi_tran"}
    ended = [u for u in units if u["valid_to"] == "2025-06-30" and u["unit_type"] in communes]
    assert len(ended) > 9800  # the legacy ~10,000, Hà Tĩnh only its two districts
    assert [u["name"] for u in ended if u["unit_id"] not in linked] == []


@pytest.mark.parametrize(
    "chosen, provinces",
    [
        ("", {"Tỉnh Hà Tĩnh"}),  # the default
        ("42", {"Tỉnh Hà Tĩnh"}),
        ("Hà Giang", {"Tỉnh Hà Giang", "Tỉnh Tuyên Quang"}),  # with the province it merged into
        ("08", {"Tỉnh Hà Giang", "Tỉnh Tuyên Quang"}),
        ("tuyen quang, 42", {"Tỉnh Hà Giang", "Tỉnh Tuyên Quang", "Tỉnh Hà Tĩnh"}),
    ],
)
def test_a_deployment_stores_only_its_provinces(chosen, provinces, monkeypatch):
    import store

    monkeypatch.setenv("CHITIEU_PROVINCES", chosen)
    con = store.open_store(":memory:")
    try:
        tops = {
            r[0]
            for r in con.execute("SELECT name FROM admin_units WHERE parent_id IS NULL").fetchall()
        }
        dangling = con.execute(
            "SELECT count(*) FROM unit_succession s LEFT JOIN admin_units u ON u.unit_id = s.new_unit_id "
            "WHERE u.unit_id IS NULL"
        ).fetchone()[0]
    finally:
        con.close()
    assert tops == provinces and dangling == 0


def test_an_unknown_province_is_refused_with_suggestions_not_guessed(monkeypatch):
    import store

    monkeypatch.setenv("CHITIEU_PROVINCES", "Ha Gian")
    with pytest.raises(store.StoreError) as refused:
        store.open_store(":memory:")
    assert "«Ha Gian»" in refused.value.title and "Hà Giang" in refused.value.title


def _ha_giang_2022() -> bytes:
    """The city's finance office reports its wards' 2022 figures, as a statistician there writes it."""
    rows = [
        ["UBND THÀNH PHỐ HÀ GIANG", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["PHÒNG TÀI CHÍNH - KẾ HOẠCH", "", "", "", "Độc lập - Tự do - Hạnh phúc"],
        ["", "", "", "", "Hà Giang, ngày 28 tháng 12 năm 2022"],
        ["BIỂU TỔNG HỢP MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2022 CỦA CÁC PHƯỜNG, XÃ"],
        [],
        [
            "STT",
            "Phường, xã",
            "Thu ngân sách trên địa bàn (triệu đồng)",
            "Số lao động được tạo việc làm mới (người)",
            "Tỷ lệ hộ nghèo (%)",
        ],
        ["1", "2", "3", "4", "5"],
        ["1", "Phường Quang Trung", "12.450", "310", "1,25"],
        ["2", "Phường Trần Phú", "18.902,5", "402", "0,98"],
        ["3", "Phường Ngọc Hà", "9.310", "215", "2,1"],
        ["4", "Phường Nguyễn Trãi", "21.004", "388", "0,87"],
        ["5", "Phường Minh Khai", "14.776", "290", "1,4"],
        ["6", "Xã Ngọc Đường", "3.205", "120", "6,35"],
        ["7", "Xã Phương Độ", "2.870", "95", "8,02"],
        ["8", "Xã Phương Thiện", "2.415", "88", "7,6"],
        ["", "Tổng cộng", "84.932,5", "1.908", ""],
        [],
        ["", "NGƯỜI LẬP BIỂU", "", "", "TRƯỞNG PHÒNG"],
    ]
    return xlsx_bytes({"Biểu 01": rows}, merges={"Biểu 01": ["A4:E4"]})


def _load(path: Path, db: Path, provinces: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CHITIEU_PROVINCES": provinces, "CHITIEU_DEMO": "0"}
    return subprocess.run(
        [sys.executable, "-m", "loaders", "load", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_a_ha_giang_city_report_loads_where_ha_giang_is_served(tmp_path):
    report = tmp_path / "ha_giang_2022.xlsx"
    report.write_bytes(_ha_giang_2022())
    served = _load(report, tmp_path / "tuyen_quang.duckdb", "Tuyên Quang")
    assert served.returncode == 0, served.stdout + served.stderr
    import duckdb

    con = duckdb.connect(str(tmp_path / "tuyen_quang.duckdb"), read_only=True)
    try:
        loaded = con.execute(
            "SELECT u.name, o.indicator_code, o.value FROM observations o "
            "JOIN admin_units u USING (unit_id) WHERE o.year = 2022"
        ).fetchall()
    finally:
        con.close()
    wards = {name for name, *_ in loaded}
    assert {"Phường Trần Phú", "Xã Phương Thiện"} <= wards and len(wards) >= 8
    revenue = {n: v for n, c, v in loaded if c == "thu_ngan_sach" and n == "Phường Trần Phú"}
    assert revenue == {"Phường Trần Phú": pytest.approx(18.9025)}  # triệu đồng → tỷ đồng


def test_the_same_report_is_refused_at_its_letterhead_where_only_ha_tinh_is_served(tmp_path):
    """Hà Tĩnh has a Phường Trần Phú too: the figures must not go to it."""
    report = tmp_path / "ha_giang_2022.xlsx"
    report.write_bytes(_ha_giang_2022())
    db = tmp_path / "ha_tinh.duckdb"
    refused = _load(report, db, "42")
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "A1" in said and "Thành phố Hà Giang thuộc Tỉnh Hà Giang" in said, said
    assert "Traceback" not in said
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM observations").fetchone()[0] == 0
    finally:
        con.close()


@pytest.fixture
def national_store(monkeypatch):
    import store

    monkeypatch.setenv("CHITIEU_PROVINCES", "all")
    con = store.open_store(":memory:")
    yield con
    con.close()


def _commune_report(letterhead: list[list]) -> bytes:
    rows = [
        *letterhead,
        [],
        ["BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG NĂM 2026"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng"],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 52, 26.5],
        ["2", "Số lao động được tạo việc làm mới", "Người", 300, 160],
    ]
    return xlsx_bytes({"Bao cao": rows})


def test_a_name_several_provinces_have_is_refused_unless_the_letterhead_says_which(
    national_store,
):
    """Xã Xuân Lộc is in Hà Tĩnh and two other provinces since 2025: the commune's letterhead alone
    does not say which; the province's line above it does."""
    from loaders import parse_upload

    alone = parse_upload("xuan_loc.xlsx", _commune_report([["UBND XÃ XUÂN LỘC"]]), national_store)
    assert not alone.ok
    where = {p.cell: p.message for p in alone.problems}
    assert "A1" in where and "có 3 đơn vị tên này" in where["A1"], where
    assert "Tỉnh Hà Tĩnh" in where["A1"]
    said = parse_upload(
        "xuan_loc.xlsx",
        _commune_report([["UBND TỈNH HÀ TĨNH"], ["UBND XÃ XUÂN LỘC"]]),
        national_store,
    )
    assert said.ok, [p.message for p in said.problems]
    units = set(said.observations.unit_id)
    (unit,) = units
    province = national_store.execute(
        "SELECT p.name FROM admin_units u JOIN admin_units p ON p.unit_id = u.parent_id "
        "WHERE u.unit_id = ?",
        [int(unit)],
    ).fetchone()[0]
    assert province == "Tỉnh Hà Tĩnh"


def test_in_ha_tinh_alone_the_commune_s_letterhead_is_enough(empty_store):
    from loaders import parse_upload

    result = parse_upload("xuan_loc.xlsx", _commune_report([["UBND XÃ XUÂN LỘC"]]), empty_store)
    assert result.ok, [p.message for p in result.problems]


def _demo(tmp_path, provinces: str):
    import store
    from store import demo

    before = os.environ.get("CHITIEU_PROVINCES")
    os.environ["CHITIEU_PROVINCES"] = provinces
    try:
        con = store.open_store(tmp_path / f"demo_{provinces.replace(',', '_')}.duckdb")
        frame = demo.generate(con)
        names = dict(con.execute("SELECT unit_id, name FROM admin_units").fetchall())
        con.close()
    finally:
        if before is None:
            os.environ.pop("CHITIEU_PROVINCES", None)
        else:
            os.environ["CHITIEU_PROVINCES"] = before
    return frame, names


def test_the_demo_covers_ha_giang_where_it_is_served_and_leaves_ha_tinh_as_it_was(tmp_path):
    alone, _ = _demo(tmp_path, "42")
    both, names = _demo(tmp_path, "42,08")
    key = ["indicator_code", "unit_id", "year", "month_from", "month_to", "kind", "target_source"]
    ha_tinh = both[both.unit_id.isin(alone.unit_id.unique())]
    pd = pytest.importorskip("pandas")
    pd.testing.assert_frame_equal(
        ha_tinh.sort_values(key).reset_index(drop=True),
        alone.sort_values(key).reset_index(drop=True),
    )
    second = both[~both.unit_id.isin(alone.unit_id.unique())]
    shown = {names[u] for u in second.unit_id}
    # the city and its wards to June 2025, the wards formed from them after
    assert {
        "Thành phố Hà Giang",
        "Phường Trần Phú",
        "Phường Hà Giang 1",
        "Phường Hà Giang 2",
    } <= shown
    years = set(second[second.unit_id.map(names) == "Phường Hà Giang 1"].year)
    assert years == {2025, 2026}
    assert 2016 in set(second[second.unit_id.map(names) == "Thành phố Hà Giang"].year)


def test_the_command_line_matches_names_in_the_provinces_of_the_user_s_account(tmp_path):
    """A national deployment: "UBND XÃ XUÂN LỘC" alone is ambiguous, unless `--user` is an account of
    Hà Tĩnh — then it is Hà Tĩnh's Xã Xuân Lộc, as on the upload page."""
    report = tmp_path / "xuan_loc.xlsx"
    report.write_bytes(_commune_report([["UBND XÃ XUÂN LỘC"]]))
    db = tmp_path / "national.duckdb"
    env = {**os.environ, "CHITIEU_PROVINCES": "all", "CHITIEU_DEMO": "0"}
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "store",
            "users",
            "add",
            "thongke.xuanloc",
            "--role",
            "thong_ke",
            "--unit",
            "42",
            "--password-stdin",
            "--db",
            str(db),
        ],
        input="mat-khau-du-dai-123\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert made.returncode == 0, made.stdout + made.stderr

    def load(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "loaders", "load", str(report), "--db", str(db), *extra],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )

    unknown = load("--user", "nguoi.khong.co.tai.khoan")
    assert unknown.returncode != 0 and "có 3 đơn vị tên này" in unknown.stdout + unknown.stderr
    scoped = load("--user", "thongke.xuanloc")
    assert scoped.returncode == 0, scoped.stdout + scoped.stderr
