"""Variants of each family the loader has never seen: other years and periods, header rows moved,
numbers as text, triệu vs tỷ, totals first, a sheet per ward, Đạt/Chưa đạt marks, CSV dialects,
hidden sheets and rows, and every problem a real file can have."""

from __future__ import annotations

import io
import zipfile

import pytest
from loader_helpers import LETTERHEAD, city_report, xlsx_bytes

from loaders import Limits
from tests.loader_helpers import DEPLOYMENTS, deployment_scope, deployment_store
from tests.loader_helpers import parse as upload

H = [
    "STT",
    "Chỉ tiêu",
    "ĐVT",
    "Kế hoạch năm 2019",
    "Thực hiện Quý III/2018",
    "Ước thực hiện Quý III/2019",
    "So KH (%)",
    "So CK (%)",
]


@pytest.fixture(scope="module", params=DEPLOYMENTS, ids=lambda d: f"provinces-{d}")
def con(request):
    connection = deployment_store(request.param)
    deployment_scope(connection, request.param)
    yield connection
    connection.close()


def parse(con, sheets, name="t.xlsx", **kw):
    return upload(name, xlsx_bytes(sheets, **kw), con)


def obs_of(result, code, kind=None):
    frame = result.observations[result.observations["indicator_code"] == code]
    return frame if kind is None else frame[frame["kind"] == kind]


def test_quarter_report_numbers_as_text_and_header_moved(con):
    rows = city_report(
        "BÁO CÁO QUÝ III NĂM 2019",
        H,
        [
            [
                "1",
                "Tổng giá trị sản xuất",
                "Tỷ đồng",
                "9.024,5",
                "2.000",
                "2.100,5",
                "23,28",
                "105,03",
            ],
            ["2", "Số lao động được tạo việc làm mới", "Người", "2.000", 500, "600", 30, 120],
        ],
        gap=4,
    )
    r = parse(con, {"Q3": rows})
    assert r.ok, [p.message for p in r.problems]
    est = obs_of(r, "gtsx_tong", "estimate").iloc[0]
    assert (est.year, est.month_from, est.month_to, est.value) == (2019, 7, 9, 2100.5)
    act = obs_of(r, "gtsx_tong", "actual").iloc[0]
    assert (act.year, act.month_from, act.month_to, act.value) == (2018, 7, 9, 2000.0)
    assert obs_of(r, "gtsx_tong", "target").iloc[0].value == 9024.5
    assert r.layouts[0].family == "report" and r.layouts[0].unit == "Thành phố Hà Tĩnh"


def test_trieu_converted_to_ty_and_source_kept(con):
    rows = city_report(
        "BÁO CÁO 9 THÁNG NĂM 2017",
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 9 tháng năm 2017"],
        [
            ["1", "Thu ngân sách trên địa bàn", "Triệu đồng", 512345.6],
        ],
    )
    r = parse(con, {"S": rows})
    o = r.observations.iloc[0]
    assert (
        o.value == pytest.approx(512.3456)
        and o.source_value == 512345.6
        and o.source_measure == "Triệu đồng"
    )
    assert (o.year, o.month_from, o.month_to, o.kind) == (2017, 1, 9, "actual")
    assert o.source_cell == "S!D7"


def test_measure_line_and_totals_first_ward_table(con):
    rows = [
        LETTERHEAD[0],
        LETTERHEAD[1],
        ["KẾT QUẢ THU NGÂN SÁCH CÁC PHƯỜNG, XÃ 6 THÁNG ĐẦU NĂM 2019"],
        ["Đơn vị tính: Tỷ đồng"],
        [],
        ["TT", "Đơn vị", "Dự toán năm 2019", "Thực hiện 6 tháng năm 2019", "% so dự toán"],
        ["", "Toàn thành phố", 300, 150, 50],
        ["1", "P. Bắc Hà", 20, 10, 50],
        ["2", "Xã Thạch Trung", 25, 5, 20],
    ]
    r = parse(con, {"Ward": rows})
    assert r.ok, [p.message for p in r.problems]
    units = set(r.observations["unit_name"])
    assert units == {"Thành phố Hà Tĩnh", "Phường Bắc Hà", "Xã Thạch Trung"}
    assert set(r.observations["indicator_code"]) == {"thu_ngan_sach"}
    city = r.observations[
        (r.observations.unit_name == "Thành phố Hà Tĩnh") & (r.observations.kind == "actual")
    ].iloc[0]
    assert (city.month_from, city.month_to, city.value) == (1, 6, 150)


def test_sheet_per_ward_unit_from_letterhead(con):
    sheets = {}
    for ward in ("Trần Phú", "Nam Hà"):
        sheets[ward] = city_report(
            "BÁO CÁO KẾT QUẢ 6 THÁNG NĂM 2018",
            ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2018", "Thực hiện 6 tháng năm 2018"],
            [["1", "Số hộ nghèo", "Hộ", 40, 35]],
            letterhead=[[f"UBND PHƯỜNG {ward.upper()}"], []],
        )
    r = parse(con, sheets)
    assert r.ok, [p.message for p in r.problems]
    assert set(r.observations["unit_name"]) == {"Phường Trần Phú", "Phường Nam Hà"}


def test_matrix_with_dat_chua_dat_and_count_mismatch(con):
    rows = [
        ["BCĐ NTM THÀNH PHỐ HÀ TĨNH"],
        [],
        ["KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI NĂM 2018"],
        [],
        ["TT", "Tên xã", "Tiêu chí", "", "", "Số tiêu chí đạt"],
        ["", "", "1. Quy hoạch", "2. Giao thông", "3. Thủy lợi", ""],
        ["1", "Xã Thạch Trung", "Đạt", "Chưa đạt", "Đạt", 2],
        ["2", "Xã Thạch Hạ", "Đạt", "", "", 3],
    ]
    r = parse(con, {"NTM": rows}, merges={"NTM": ["C5:E5"]})
    assert r.layouts[0].family == "matrix"
    assert len(r.observations) == 6
    assert sorted(r.observations["value"]) == [0, 0, 0, 1, 1, 1]
    assert set(r.observations["year"]) == {2018}
    mism = [p for p in r.problems if p.code == "count-mismatch"]
    assert [p.cell for p in mism] == ["F8"] and not mism[0].is_error


def test_series_with_nam_prefix_years(con):
    rows = city_report(
        "CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2017-2019",
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2017", "Năm 2018", "Năm 2019"],
        [["1", "Tỷ lệ hộ nghèo", "%", "2,57", "2,06", "1,65"]],
    )
    r = parse(con, {"S": rows})
    assert r.ok
    assert sorted(zip(r.observations.year, r.observations.value)) == [
        (2017, 2.57),
        (2018, 2.06),
        (2019, 1.65),
    ]
    assert set(r.observations.month_to) == {12} and set(r.observations.kind) == {"actual"}


def test_english_locale_numbers(con):
    rows = city_report(
        "BÁO CÁO NĂM 2019",
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2019"],
        [
            ["1", "Tổng giá trị sản xuất", "Tỷ đồng", "1,234.5"],
            ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "12.25"],
        ],
    )
    r = parse(con, {"S": rows})
    assert sorted(r.observations.value) == [12.25, 1234.5]


def test_target_sources(con):
    rows = city_report(
        "KẾ HOẠCH NĂM 2021",
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch tỉnh giao", "Kế hoạch HĐND thành phố giao"],
        [["1", "Tổng giá trị sản xuất", "Tỷ đồng", 100, 110]],
    )
    r = parse(con, {"S": rows})
    assert sorted(r.observations.target_source) == ["hdnd_giao", "tinh_giao"]
    assert set(r.observations.year) == {2021}


def test_derived_mismatch_warns_on_cell(con):
    rows = city_report(
        "BÁO CÁO 6 THÁNG NĂM 2016",
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch năm 2016",
            "Ước thực hiện 6 tháng năm 2016",
            "So KH (%)",
        ],
        [
            ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 1000, 480, 48.0],
            ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", 800, 320, 45.0],
        ],
    )
    r = parse(con, {"S": rows})
    assert r.ok
    assert [(p.code, p.cell) for p in r.warnings] == [("derived-mismatch", "F8")]


def test_errors_name_cells(con):
    rows = city_report(
        "BÁO CÁO NĂM 2019",
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2019"],
        [
            ["1", "Số lao động được tạo việc làm mới", "Người", -5],
            ["2", "Tỷ lệ hộ nghèo", "%", "120"],
            ["3", "Tổng giá trị sản xuất xyz", "Tỷ đồng", 10],
            ["4", "Thu ngân sách trên địa bàn", "Tấn", 10],
            ["5", "Tổng giá trị sản xuất", "Tỷ đồng", 10],
            ["6", "Tổng giá trị sản xuất", "Tỷ đồng", 11],
            ["7", "Số hộ nghèo", "Bao", 3],
        ],
    )
    r = parse(con, {"S": rows})
    found = {(p.code, p.cell) for p in r.errors}
    assert ("impossible-value", "D7") in found
    assert ("impossible-value", "D8") in found
    assert ("unknown-indicator", "B9") in found
    assert ("measure-mismatch", "C10") in found  # tấn is a measure, of weight, not of money
    assert ("unknown-measure", "C13") in found
    assert ("conflicting-duplicate", "D12") in found
    unknown = next(p for p in r.errors if p.code == "unknown-indicator")
    assert "Có phải" in unknown.message and "Tổng giá trị sản xuất" in unknown.message


def test_unreadable_period(con):
    rows = city_report(
        "BÁO CÁO KẾT QUẢ",
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện"],
        [["1", "Tổng giá trị sản xuất", "Tỷ đồng", 10]],
    )
    r = parse(con, {"S": rows})
    assert [(p.code, p.cell) for p in r.errors] == [("unreadable-period", "D6")]


def test_hidden_sheet_and_row_reported_not_loaded(con):
    rows = city_report(
        "BÁO CÁO NĂM 2019",
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2019"],
        [
            ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 10],
            ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", 5],
        ],
    )
    r = parse(con, {"S": rows, "Cũ": rows}, hidden_sheets=("Cũ",), hidden_rows={"S": [7]})
    assert r.ok
    assert len(r.observations) == 1
    assert {(p.code, p.sheet) for p in r.warnings} == {("hidden-sheet", "Cũ"), ("hidden-row", "S")}


@pytest.mark.parametrize(
    "encoding,delimiter", [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t")]
)
def test_csv_dialects(con, encoding, delimiter):
    lines = [
        ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"],
        [
            "Thành phố Hà Tĩnh",
            "Tổng giá trị sản xuất",
            "2019",
            "Quý III",
            "Ước thực hiện",
            "1.234,5" if delimiter != "," else "1234,5",
            "Tỷ đồng",
        ],
        ["Phường Bắc Hà", "Số hộ nghèo", "2019", "Tháng 10", "Thực hiện", "12", "Hộ"],
    ]
    text = "\n".join(
        delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in line)
        for line in lines
    )
    r = upload("x.csv", text.encode(encoding), con)
    assert r.ok, [p.message for p in r.problems]
    first = r.observations.sort_values("indicator_code").iloc[-1]
    assert (first.month_from, first.month_to) in ((7, 9), (10, 10))
    assert set(r.observations.value) == {1234.5 if delimiter != "," else 1234.5, 12.0}


def test_export_format_round_trips(con):
    text = (
        "indicator_code,indicator_name,unit_code,unit_name,year,month_from,month_to,kind,value,measure\n"
        "gtsx_tong,Tổng giá trị sản xuất,436,Thành phố Hà Tĩnh,2019,1,9,estimate,1234.5,Tỷ đồng\n"
    )
    r = upload("export.csv", text.encode(), con)
    assert r.ok, [p.message for p in r.problems]
    o = r.observations.iloc[0]
    assert (o.indicator_code, o.unit_name, o.month_to, o.kind, o.value) == (
        "gtsx_tong",
        "Thành phố Hà Tĩnh",
        9,
        "estimate",
        1234.5,
    )


def test_whole_file_problems(con):
    assert upload("a.xlsx", b"", con).errors[0].code == "empty-file"
    assert upload("a.xlsx", b"\x00\x01binary\x00" * 50, con).errors[0].code == "not-a-spreadsheet"
    big = upload("a.xlsx", b"x" * 2000, con, limits=Limits(max_bytes=1000))
    assert big.errors[0].code == "too-large" and big.errors[0].cell is None
    encrypted = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    )
    assert upload("a.xlsx", encrypted, con).errors[0].code == "encrypted-file"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 << 20))
    assert upload("bomb.xlsx", buffer.getvalue(), con).errors[0].code == "zip-bomb"
    assert upload("t.txt", "chỉ là một dòng chữ".encode(), con).errors[0].code in ("no-data",)
