"""New Rural Area criteria: the sample matrix assessed as its file says, variants (Đạt/Chưa đạt marks with
Hà Tĩnh's criterion 20 and years reached stored as recognitions, a commune missing criteria, the
2026–2030 set), levels, yearly summaries, criteria sets as data, the CLI contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
from loader_helpers import SAMPLES, xlsx_bytes

import loaders
import store
from indicators import criteria, ntm

ROOT = Path(__file__).resolve().parents[1]
CITY = 2  # Thành phố Hà Tĩnh (code 436)
NAMES_2016 = [
    "Quy hoạch",
    "Giao thông",
    "Thủy lợi",
    "Điện",
    "Trường học",
    "Cơ sở vật chất văn hóa",
    "Cơ sở hạ tầng thương mại nông thôn",
    "Thông tin và Truyền thông",
    "Nhà ở dân cư",
    "Thu nhập",
    "Hộ nghèo",
    "Lao động có việc làm",
    "Tổ chức sản xuất",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Văn hóa",
    "Môi trường và an toàn thực phẩm",
    "Hệ thống chính trị và tiếp cận pháp luật",
    "Quốc phòng và An ninh",
]


def load(con, name: str, data: bytes):
    result = loaders.parse_upload(name, data, con)
    assert result.ok, [p.message for p in result.errors]
    outcome = loaders.commit(con, [result])
    assert outcome.committed
    return result, outcome


def matrix(year: int, rows: list[list], with_20: bool = False, title: str | None = None) -> bytes:
    names = NAMES_2016 + (["Khu dân cư mẫu, vườn mẫu"] if with_20 else [])
    n = len(names)
    head = [
        ["BCĐ NTM THÀNH PHỐ HÀ TĨNH"],
        [],
        [title or f"KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NÔNG THÔN MỚI NĂM {year}"],
        [],
        ["TT", "Tên xã", "Tiêu chí", *[""] * (n - 1), "Số tiêu chí đạt", "Năm đạt chuẩn NTM"],
        ["", "", *[f"{i}. {name}" for i, name in enumerate(names, 1)], "", ""],
    ]
    from openpyxl.utils import get_column_letter

    return xlsx_bytes({"NTM": head + rows}, merges={"NTM": [f"C5:{get_column_letter(2 + n)}5"]})


def test_sample_assessed_as_its_file_says(empty_store):
    load(empty_store, "ntm_2016.xlsx", (SAMPLES / "ntm_2016.xlsx").read_bytes())
    table = ntm.assessment(empty_store, 2016, CITY)
    assert table.unit_name.tolist() == [
        "Xã Thạch Trung",
        "Xã Thạch Hạ",
        "Xã Thạch Môn",
        "Xã Thạch Đồng",
        "Xã Thạch Hưng",
        "Xã Thạch Bình",
    ]
    assert table.criteria_met.tolist() == [13, 11, 18, 15, 17, 17]  # the file's "Số tiêu chí đạt"
    assert set(table.criteria_total) == {19} and set(table.criteria_set) == {"ntm_2016_2020"}
    assert set(table.level) == {""} and table.year_reached.isna().all()
    missing = ntm.most_missing(table, ntm.criterion_names("ntm", 2016))
    assert (
        missing.iloc[0].n_units == 3
    )  # criteria 1, 9, 14, 15, 19… each unmet by at most 3 communes
    assert ntm.assessment(empty_store, 2016, parent_id=3).empty  # Can Lộc has no data here


def test_dat_chua_dat_with_criterion_20_and_years_reached(empty_store):
    rows = [
        ["1", "Xã Thạch Trung", *["Đạt"] * 20, 20, 2021],
        ["2", "Xã Thạch Hạ", *["Đạt"] * 19, "Chưa đạt", 19, ""],
        ["3", "Xã Thạch Bình", *["Đạt"] * 18, "Chưa đạt", "Đạt", 19, ""],
    ]
    result, outcome = load(empty_store, "ntm_2021.xlsx", matrix(2021, rows, with_20=True))
    assert not result.warnings
    recognitions = store.criteria.recognitions(empty_store)
    assert recognitions[["framework", "level", "year"]].values.tolist() == [
        ["ntm_2021_2025", "ntm", 2021]
    ]
    table = ntm.assessment(empty_store, 2021, CITY).set_index("unit_name")
    assert set(table.criteria_total) == {20}  # 19 national + Hà Tĩnh's criterion 20
    assert table.loc[
        "Xã Thạch Trung", ["criteria_met", "level", "year_reached", "basis"]
    ].tolist() == [20, "ntm", 2021, "quyết định"]
    assert (
        table.loc["Xã Thạch Hạ", "criteria_met"] == 19 and table.loc["Xã Thạch Hạ", "level"] == ""
    )
    assert table.loc["Xã Thạch Bình", "unmet"] == [19]
    # rolling the upload back withdraws its recognition
    store.uploads.rollback_upload(empty_store, outcome.upload_ids[0])
    assert store.criteria.recognitions(empty_store).empty


def test_count_that_disagrees_is_a_warning_on_its_cell(empty_store):
    rows = [["1", "Xã Thạch Trung", *["x"] * 18, "", 19, ""]]
    result = loaders.parse_upload("c.xlsx", matrix(2017, rows), empty_store)
    assert result.ok
    assert [(p.code, p.cell) for p in result.warnings] == [("count-mismatch", "V7")]


def test_commune_missing_criteria_counts_them_not_met():
    base, crit, extra = criteria.criteria_for("ntm", 2018)
    obs = pd.DataFrame(
        [{"unit_id": 1, "indicator_code": c.indicator, "value": 1.0} for c in crit[:17]]
        + [{"unit_id": 2, "indicator_code": c.indicator, "value": 1.0} for c in crit]
    )
    table = ntm.assess_year(obs, crit, extra, 2018, base.code).set_index("unit_id")
    assert table.loc[1, "criteria_met"] == 17 and table.loc[1, "criteria_total"] == 19
    assert table.loc[1, "missing"] == [18, 19] and table.loc[1, "unmet"] == []
    assert table.loc[2, "criteria_met"] == 19
    hist = pd.concat([table.reset_index()])
    assert ntm.first_year_reached(hist) == {2: 2018}


def test_missing_criteria_from_a_long_upload(empty_store):
    header = "Đơn vị;Chỉ tiêu;Năm;Kỳ;Loại số liệu;Giá trị\n"
    lines = [f"Xã Thạch Hưng;ntm_tc{n:02d};2019;Cả năm;Thực hiện;1" for n in range(1, 18)]
    load(empty_store, "long.csv", (header + "\n".join(lines) + "\n").encode("utf-8"))
    row = ntm.assessment(empty_store, 2019, CITY).iloc[0]
    assert (row.criteria_met, row.criteria_total, row.missing) == (17, 19, [18, 19])


def test_sets_follow_the_year_and_2026_has_ten_criteria():
    assert [criteria.base_set("ntm", y).code for y in (2016, 2020, 2021, 2025, 2026, 2030)] == [
        "ntm_2016_2020",
        "ntm_2016_2020",
        "ntm_2021_2025",
        "ntm_2021_2025",
        "ntm_2026_2030",
        "ntm_2026_2030",
    ]
    base, crit, extra = criteria.criteria_for("ntm", 2026)
    assert len(crit) == 10 and extra == [] and base.raw["n_indicators"] == 47
    assert [g["number"] for g in base.raw["group"]] == [1, 2, 3]
    assert crit[0].indicator == "ntm_tc01" and crit[9].indicator == "ntm26_tc10"
    obs = pd.DataFrame([{"unit_id": 9, "indicator_code": c.indicator, "value": 1.0} for c in crit])
    row = ntm.assess_year(obs, crit, extra, 2026, base.code).iloc[0]
    assert (row.criteria_met, row.criteria_total) == (10, 10)
    _, crit_2021, extra_2021 = criteria.criteria_for("ntm", 2021)
    assert len(crit_2021) == 19 and [c.number for c in extra_2021] == [20]
    levels = [level["code"] for level in criteria.get("ntm_2021_2025").levels]
    assert levels == ["ntm", "nang_cao", "kieu_mau"]


def test_criteria_files_are_complete_and_name_catalog_indicators():
    from store import reference

    codes = set(reference.read_indicators().code)
    for fw in criteria.frameworks():
        assert fw.source and fw.confidence in ("V", "M") and fw.valid_from_year <= fw.valid_to_year
        assert set(fw.indicators) <= codes, fw.code
        assert set(s.indicator for s in fw.standards) <= codes, fw.code
    for year in range(2016, 2031):
        assert (
            len(
                [
                    f
                    for f in criteria.frameworks()
                    if f.family == "ntm" and not f.extends and f.in_force(year)
                ]
            )
            == 1
        )


def test_levels_prefer_recognitions_then_criteria():
    recognised = pd.DataFrame(
        [
            {
                "unit_id": 1,
                "framework": "ntm_2021_2025",
                "level": "ntm",
                "year": 2021,
                "decision": "QĐ 1/QĐ-UBND",
            },
            {
                "unit_id": 1,
                "framework": "ntm_2021_2025",
                "level": "nang_cao",
                "year": 2023,
                "decision": "QĐ 2/QĐ-UBND",
            },
        ]
    )
    out = ntm.levels([1, 2, 3], 2023, recognised, {2: 2022, 3: 2024}, "ntm").set_index("unit_id")
    assert out.loc[1, ["level", "year_reached", "decision"]].tolist() == [
        "nang_cao",
        2021,
        "QĐ 2/QĐ-UBND",
    ]
    assert out.loc[2, ["level", "year_reached", "basis"]].tolist() == ["ntm", 2022, "theo tiêu chí"]
    assert out.loc[3, "level"] == "" and pd.isna(out.loc[3, "year_reached"])
    assert ntm.levels([1], 2022, recognised, {}, "ntm").level.iloc[0] == "ntm"


def test_yearly_summary_on_the_demo(demo_store):
    hist = ntm.history(demo_store, "ntm", parent_id=3)
    summary = ntm.yearly_summary(hist, ntm.reached_years(demo_store, hist, "ntm"))
    assert summary.year.tolist() == list(range(2016, 2025))
    assert summary.avg_met.is_monotonic_increasing  # communes climb towards 19/19
    assert (summary.avg_total == 19).all()
    # the chart's cumulative count is the page's "Đã đạt chuẩn" of each year: units of that year
    for year in (2019, 2020, 2024):
        assessed = ntm.assessment(demo_store, year, 3, "ntm")
        shown = summary.set_index("year").loc[year, "reached_total"]
        assert shown == int(assessed.level.ne("").sum()), year


def test_the_city_summary_agrees_with_its_chart_every_year(demo_store):
    hist = ntm.history(demo_store, "ntm", parent_id=CITY)
    summary = ntm.yearly_summary(hist, ntm.reached_years(demo_store, hist, "ntm"))
    for row in summary.itertuples():
        assessed = ntm.assessment(demo_store, row.year, CITY, "ntm")
        assert row.reached_total == int(assessed.level.ne("").sum()), row.year
        assert row.reached_total <= row.n_units
    assert not ntm.plan(demo_store, CITY).empty


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "indicators", "ntm", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_contract(tmp_path):
    db = tmp_path / "ntm.duckdb"
    con = store.open_store(db)
    load(con, "ntm_2016.xlsx", (SAMPLES / "ntm_2016.xlsx").read_bytes())
    load(con, "ntm_2021.xlsx", matrix(2021, [["1", "Xã Thạch Trung", *["x"] * 19, 19, 2020]]))
    con.close()
    out = _cli("--db", db, "--year", 2016, "--unit", "Thành phố Hà Tĩnh")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert (
        lines[0]
        == "unit_code,unit_name,criteria_set,criteria_met,criteria_total,level,year_reached"
    )
    assert lines[1] == "18088,Xã Thạch Trung,ntm_2016_2020,13,19,,"
    assert len(lines) == 7
    later = _cli("--db", db, "--year", 2021).stdout.splitlines()
    assert later[1:] == ["18088,Xã Thạch Trung,ntm_2021_2025,19,19,ntm,2020"]
    bad = _cli("--db", db, "--year", 2016, "--unit", "Huyện Không Có")
    assert bad.returncode == 2 and "Không tìm thấy" in bad.stderr
