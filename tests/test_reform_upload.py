"""Uploads after the 2025 reform: a report naming an old unit for a period when it existed loads; one
naming it for a period after it was dissolved is refused, offering the unit(s) it went into — never
mapped to them silently."""

from __future__ import annotations

import pytest

from loaders import parse_upload
from tests.loader_helpers import xlsx_bytes


@pytest.fixture
def con(empty_store):
    return empty_store


def _messages(result) -> list[str]:
    return [p.message for p in result.problems]


def test_a_2026_report_from_an_old_ward_is_refused_and_names_its_successor(con):
    data = xlsx_bytes(
        {
            "Bao cao": [
                ["UBND PHƯỜNG BẮC HÀ", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                [],
                ["BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG NĂM 2026"],
                [],
                ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng"],
                ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 520, 260.5],
            ]
        }
    )
    result = parse_upload("bac_ha_6t_2026.xlsx", data, con)
    assert not result.ok
    text = " ".join(_messages(result))
    assert "Phường Thành Sen (mã 18073)" in text
    where = {(p.file, p.sheet, p.cell) for p in result.problems}
    assert ("bac_ha_6t_2026.xlsx", "Bao cao", "A1") in where


def test_ward_rows_naming_dissolved_wards_for_2026_offer_their_successors(con):
    rows = [
        ["UBND TỈNH HÀ TĨNH"],
        [],
        ["KẾT QUẢ THU NGÂN SÁCH CÁC PHƯỜNG, XÃ 9 THÁNG NĂM 2026"],
        [],
        ["TT", "Đơn vị", "Dự toán năm 2026 (tỷ đồng)", "Thực hiện 9 tháng (tỷ đồng)"],
        ["1", "Phường Trần Phú", 500, 380.2],
        ["2", "Phường Thạch Trung", 120, 88.0],
        ["3", "Phường Đại Nài", 90, 60.0],
    ]
    result = parse_upload("thu_ns_9t_2026.xlsx", xlsx_bytes({"TH": rows}), con)
    assert not result.ok
    by_cell = {p.cell: p.message for p in result.problems}
    # Thạch Trung went whole into the new Phường Trần Phú; Đại Nài was split between two wards
    assert "Phường Trần Phú (mã 18100)" in by_cell["B7"]
    assert "Phường Thành Sen" in by_cell["B8"] and "Phường Hà Huy Tập" in by_cell["B8"]
    assert "B6" not in by_cell  # the new Phường Trần Phú exists in 2026


def test_a_report_made_in_2026_about_2024_names_the_units_of_2024(con):
    header = ["Chỉ tiêu", "Đơn vị", "Năm", "Từ tháng", "Đến tháng", "Loại", "Giá trị"]
    rows = [
        ["Thu ngân sách trên địa bàn", "Phường Bắc Hà", 2024, 1, 12, "Thực hiện", 61.5],
        ["Thu ngân sách trên địa bàn", "Phường Nguyễn Du", 2024, 1, 12, "Thực hiện", 40.0],
        ["Thu ngân sách trên địa bàn", "Phường Thành Sen", 2026, 1, 6, "Thực hiện", 260.0],
    ]
    result = parse_upload("so_lieu_cu.xlsx", xlsx_bytes({"Du lieu": [header, *rows]}), con)
    assert result.ok, _messages(result)
    units = dict(con.execute("SELECT unit_id, valid_to FROM admin_units").fetchall())
    loaded = result.observations
    for unit_id, year in zip(loaded.unit_id, loaded.year):
        valid_to = units[int(unit_id)]
        assert valid_to is None or valid_to.year >= int(year)


def test_an_unresolved_old_ward_is_one_error_not_also_out_of_scope(con):
    from loaders.scope_check import out_of_scope

    data = xlsx_bytes(
        {
            "Bao cao": [
                ["UBND PHƯỜNG BẮC HÀ"],
                [],
                ["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 9 THÁNG NĂM 2026"],
                [],
                ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Ước thực hiện 9 tháng"],
                ["1", "2", "3", "4", "5"],
                ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", "1.250,5", "890,25"],
                ["Ghi chú: số liệu ước tính."],
            ]
        }
    )
    result = parse_upload("bac_ha_9t_2026.xlsx", data, con)
    assert any("Phường Thành Sen" in m for m in _messages(result))
    assert out_of_scope(result, {1}, "qt.tinh", "Tỉnh Hà Tĩnh") == []  # no "số liệu của -1"
