"""Civilised wards (phường đạt chuẩn đô thị văn minh, QĐ 18/2020/QĐ-UBND Hà Tĩnh): the 18 criteria as data
and 0/1 indicators, a ward matrix read by criterion number under a văn minh title, years reached as
recognitions, the counts of model areas as ordinary indicators, the CLI with --family van_minh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from loader_helpers import xlsx_bytes
from openpyxl.utils import get_column_letter

import loaders
import store
from indicators import criteria, ntm
from loaders.names import key
from store import reference

ROOT = Path(__file__).resolve().parents[1]
CITY = 2
NAMES = [
    "Quy hoạch, kiến trúc và quản lý quy hoạch",
    "Giao thông và hạ tầng kỹ thuật",
    "Điện",
    "Thông tin và truyền thông",
    "Môi trường",
    "Nước sạch, vệ sinh an toàn thực phẩm",
    "Nhà ở",
    "Cơ sở vật chất văn hóa",
    "Văn hóa",
    "Nếp sống văn minh đô thị",
    "Công nghiệp, thương mại và dịch vụ",
    "Trường học, giáo dục và đào tạo",
    "Thu nhập",
    "Tỷ lệ hộ nghèo",
    "Lao động có việc làm",
    "Y tế",
    "Hệ thống chính trị và tiếp cận pháp luật",
    "Quốc phòng và an ninh",
]


def ward_matrix(year: int, rows: list[list]) -> bytes:
    head = [
        ["UBND THÀNH PHỐ HÀ TĨNH"],
        [],
        [f"KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ PHƯỜNG ĐẠT CHUẨN ĐÔ THỊ VĂN MINH NĂM {year}"],
        [],
        ["TT", "Tên phường", "Tiêu chí", *[""] * 17, "Số tiêu chí đạt", "Năm đạt chuẩn"],
        ["", "", *[f"{i}. {n}" for i, n in enumerate(NAMES, 1)], "", ""],
    ]
    return xlsx_bytes({"DTVM": head + rows}, merges={"DTVM": [f"C5:{get_column_letter(2 + 18)}5"]})


def test_the_set_as_data():
    fw = criteria.get("van_minh_qd18_2020")
    assert fw.family == "van_minh" and len(fw.criteria) == 18 and fw.valid_from_year == 2020
    assert [c.name for c in fw.criteria] == NAMES
    assert fw.indicators == [f"vm_tc{n:02d}" for n in range(1, 19)]
    assert set(fw.unit_types) == {"phuong", "thi_tran"} and "QĐ 18/2020/QĐ-UBND" in fw.source
    assert criteria.base_set("van_minh", 2019) is None and criteria.base_set("van_minh", 2024) is fw


def test_no_name_reads_as_two_indicators_for_the_loader():
    """The loader ignores list marks ("3. Điện" = "Điện"), so its keys must be unique across the catalog."""
    seen: dict[str, str] = {}
    for row in reference.read_indicators().itertuples():
        for name in [row.name, *row.aliases]:
            k = key(name)
            assert seen.get(k, row.code) == row.code, f"{name!r} names {seen[k]} and {row.code}"
            seen[k] = row.code


def test_ward_matrix_read_by_number_and_recognised(empty_store):
    rows = [
        ["1", "Phường Trần Phú", *["x"] * 18, 18, 2021],
        ["2", "Phường Nam Hà", *["x"] * 13, "", *["x"] * 4, 17, ""],
    ]
    result = loaders.parse_upload("dtvm.xlsx", ward_matrix(2021, rows), empty_store)
    assert result.ok and not result.warnings, [p.message for p in result.problems]
    assert result.layouts[0].family == "matrix"
    codes = set(result.observations.indicator_code)
    assert codes == {
        f"vm_tc{n:02d}" for n in range(1, 19)
    }  # not ntm_tc04 for "3. Điện", not ty_le_ho_ngheo
    assert loaders.commit(empty_store, [result]).committed
    rec = store.criteria.recognitions(empty_store)
    assert rec[["framework", "level", "year"]].values.tolist() == [
        ["van_minh_qd18_2020", "van_minh", 2021]
    ]
    table = ntm.assessment(empty_store, 2021, CITY, family="van_minh").set_index("unit_name")
    assert table.loc[
        "Phường Trần Phú", ["criteria_met", "criteria_total", "level", "year_reached"]
    ].tolist() == [18, 18, "van_minh", 2021]
    assert table.loc["Phường Nam Hà", "unmet"] == [14]
    assert ntm.assessment(
        empty_store, 2021, CITY, family="ntm"
    ).empty  # not counted as NTM communes


def test_ntm_matrices_still_read_as_ntm(empty_store):
    """Without "văn minh" in the title, "4. Điện" stays the NTM criterion."""
    from loaders.criteria_columns import narrow

    assert narrow({"ntm_tc04"}, "4. Điện", "KẾT QUẢ NÔNG THÔN MỚI NĂM 2020") == {"ntm_tc04"}
    assert narrow({"ntm_tc04"}, "3. Điện", "PHƯỜNG ĐẠT CHUẨN ĐÔ THỊ VĂN MINH NĂM 2021") == {
        "vm_tc03"
    }
    assert narrow({"ty_le_ho_ngheo"}, "14. Tỷ lệ hộ nghèo", "ĐÔ THỊ VĂN MINH 2022") == {"vm_tc14"}
    assert narrow({"vm_tc10"}, "Nếp sống văn minh đô thị", "ĐÔ THỊ VĂN MINH 2022") == {"vm_tc10"}


def test_model_areas_and_civilised_streets_are_ordinary_indicators():
    ind = reference.read_indicators().set_index("code")
    for code in ("khu_dan_cu_kieu_mau", "to_dan_pho_mau", "tuyen_duong_van_minh"):
        assert not ind.loc[code, "is_criterion"] and ind.loc[code, "aggregation"] == "sum"


def test_demo_wards_and_cli(demo_db_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "ntm",
            "--db",
            str(demo_db_path),
            "--year",
            "2024",
            "--unit",
            "436",
            "--family",
            "van_minh",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert (
        lines[0]
        == "unit_code,unit_name,criteria_set,criteria_met,criteria_total,level,year_reached"
    )
    rows = [line.split(",") for line in lines[1:]]
    assert rows and all(
        r[1].startswith("Phường") and r[2] == "van_minh_qd18_2020" and r[4] == "18" for r in rows
    )
    assert all((r[5] == "van_minh") == (r[3] == "18") or r[5] == "van_minh" for r in rows)
