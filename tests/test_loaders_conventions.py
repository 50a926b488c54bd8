"""One named case per report convention (docs/loading.md), each a small sheet written the way offices
write it, with the observations it must give: the cases the unseen files taught, kept apart so a
regression names the convention it breaks."""

from __future__ import annotations

import unicodedata

import pytest
from loader_helpers import xlsx_bytes

from tests.loader_helpers import DEPLOYMENTS, catalog_of, deployment_scope, deployment_store, parse

LETTERHEAD = [
    ["UBND THÀNH PHỐ HÀ TĨNH", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["UBND PHƯỜNG BẮC HÀ", "", "", "", "Độc lập - Tự do - Hạnh phúc"],
    [],
]
BAC_HA, CITY = 9, 2


@pytest.fixture(scope="module", params=DEPLOYMENTS, ids=lambda d: f"provinces-{d}")
def con(request):
    connection = deployment_store(request.param)
    deployment_scope(connection, request.param)
    yield connection
    connection.close()


def obs(result) -> set[tuple]:
    return {
        (
            o.indicator_code,
            int(o.unit_id),
            int(o.year),
            int(o.month_from),
            int(o.month_to),
            o.kind,
            o.target_source or "",
            round(float(o.value), 6),
        )
        for o in result.observations.itertuples()
    }


def load(con, rows, merges=(), name="t.xlsx", **kw):
    r = parse(name, xlsx_bytes({"S": rows}, {"S": list(merges)}), con, **kw)
    return r, [f"{p.code} {p.cell}: {p.message}" for p in r.problems]


def test_footer_and_signatures_in_value_columns_are_not_data(con):
    rows = LETTERHEAD + [
        ["BÁO CÁO 9 THÁNG NĂM 2023"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2023", "Thực hiện 9 tháng"],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 50, 40],
        [],
        ["Ghi chú: số liệu 9 tháng là ước tính."],
        ["x: không giao chỉ tiêu"],
        ["", "", "", "Bắc Hà, ngày 20 tháng 9 năm 2023"],
        ["Nơi nhận:", "", "", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        ["- Như trên;", "", "", "PHÓ CHỦ TỊCH"],
        ["- Lưu: VT, TK.", "NGƯỜI LẬP BIỂU", "", "(Đã ký)", "Nguyễn Văn An"],
    ]
    r, lines = load(con, rows)
    assert r.ok and not r.problems, lines
    assert obs(r) == {
        ("thu_ngan_sach", BAC_HA, 2023, 1, 12, "target", "", 50.0),
        ("thu_ngan_sach", BAC_HA, 2023, 1, 9, "actual", "", 40.0),
    }


@pytest.mark.parametrize(
    "numbering",
    [
        ["A", "B", "C", "1", "2", "3=2/1"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)"],
        [1, 2, 3, 4, 5, 6],
    ],
)
def test_numbering_rows_in_every_form(con, numbering):
    rows = LETTERHEAD + [
        ["BÁO CÁO 6 THÁNG NĂM 2022"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2022", "Thực hiện 6 tháng", "So KH (%)"],
        numbering,
        ["1", "Số doanh nghiệp thành lập mới", "DN", 20, 9, 45.0],
    ]
    r, lines = load(con, rows)
    assert r.ok and not r.problems, lines
    assert len(r.observations) == 2


def test_a_sum_formula_makes_a_value_column_checked_as_a_sum(con):
    rows = LETTERHEAD + [
        ["BÁO CÁO NĂM 2021"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "6 tháng đầu năm", "6 tháng cuối năm", "Cả năm"],
        ["", "", "", "(1)", "(2)", "(3)=(1)+(2)"],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 30, 25, 55],
        ["2", "Thu tiền sử dụng đất", "Tỷ đồng", 10, 5, 16],
    ]
    r, lines = load(con, rows)
    assert ("thu_ngan_sach", BAC_HA, 2021, 7, 12, "actual", "", 25.0) in obs(r)
    assert [(p.code, p.cell) for p in r.warnings] == [("sum-mismatch", "F9")], lines


def test_a_dvt_row_gives_each_column_its_measure(con):
    rows = [
        ["UBND THÀNH PHỐ HÀ TĨNH"],
        ["HỘ NGHÈO CÁC PHƯỜNG NĂM 2018"],
        [],
        ["TT", "Đơn vị", "Số hộ nghèo", "Tỷ lệ hộ nghèo"],
        ["", "ĐVT", "Hộ", "%"],
        ["1", "Phường Bắc Hà", 12, 1.2],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    assert obs(r) == {
        ("so_ho_ngheo", BAC_HA, 2018, 1, 12, "actual", "", 12.0),
        ("ty_le_ho_ngheo", BAC_HA, 2018, 1, 12, "actual", "", 1.2),
    }


@pytest.mark.parametrize(
    "header",
    [
        "TH/DT",
        "So DT",
        "ƯTH/KH",
        "Tỷ lệ LK/KH (%)",
        "Tỷ lệ (%)",
        "So sánh (%)",
        "% KH",
        "%CK",
        "Tốc độ tăng (%)",
    ],
)
def test_comparison_columns_are_never_stored(con, header):
    rows = LETTERHEAD + [
        ["BÁO CÁO 9 THÁNG NĂM 2023"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2023", "Thực hiện 9 tháng", header],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 50, 40, 80.0],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    assert len(r.observations) == 2


def test_lũy_kế_cùng_kỳ_is_months_1_to_n_of_last_year(con):
    rows = LETTERHEAD + [
        ["BÁO CÁO THÁNG 10 NĂM 2020"],
        [],
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Thực hiện tháng 10",
            "Lũy kế đến tháng 10",
            "Lũy kế cùng kỳ năm trước",
        ],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 5, 44, 40],
    ]
    r, lines = load(con, rows)
    assert obs(r) == {
        ("thu_ngan_sach", BAC_HA, 2020, 10, 10, "actual", "", 5.0),
        ("thu_ngan_sach", BAC_HA, 2020, 1, 10, "actual", "", 44.0),
        ("thu_ngan_sach", BAC_HA, 2019, 1, 10, "actual", "", 40.0),
    }, lines


def test_a_term_target_is_at_the_terms_end_year(con):
    rows = LETTERHEAD + [
        ["BÁO CÁO NĂM 2022"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2022", "Mục tiêu giai đoạn 2021–2025"],
        ["1", "Tỷ lệ hộ nghèo", "%", 1.5, 0.8],
    ]
    r, lines = load(con, rows)
    assert ("ty_le_ho_ngheo", BAC_HA, 2025, 1, 12, "target", "nhiem_ky", 0.8) in obs(r), lines


def test_a_2025_plan_written_in_december_2024_names_the_city_of_then(con):
    rows = [
        ["UBND TỈNH HÀ TĨNH"],
        ["UBND THÀNH PHỐ HÀ TĨNH"],
        [],
        ["KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025"],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 1300],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    assert obs(r) == {("thu_ngan_sach", CITY, 2025, 1, 12, "target", "", 1300.0)}


def test_communes_across_the_columns(con):
    rows = [
        ["UBND HUYỆN CAN LỘC"],
        ["CHỈ TIÊU CHỦ YẾU CÁC XÃ NĂM 2019"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Toàn huyện", "Chia ra", ""],
        ["", "", "", "", "Xã Kim Lộc", "TT Nghèn"],
        ["1", "Số hộ nghèo", "Hộ", 300, 40, 30],
    ]
    r, lines = load(con, rows, ["E4:F4", "D4:D5"])
    assert r.ok, lines
    catalog = catalog_of(con)
    names = {catalog.units[int(u)].name for u in r.observations.unit_id}
    assert names == {"Huyện Can Lộc", "Xã Kim Lộc", "Thị trấn Nghèn"}


def test_a_transposed_criteria_matrix(con):
    rows = [
        ["UBND HUYỆN CAN LỘC"],
        ["KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI NĂM 2018"],
        [],
        ["TT", "Tiêu chí", "Xã Kim Lộc", "Xã Tùng Lộc"],
        ["I", "QUY HOẠCH", "", ""],
        ["1", "Quy hoạch", "x", ""],
        ["2", "Giao thông", "Đạt", "Chưa đạt\n(3/4)"],
        ["", "Tổng số tiêu chí đạt", 2, 0],
        ["", "Đánh giá chung", "Chưa đạt", "Chưa đạt"],
    ]
    r, lines = load(con, rows)
    assert r.ok and not r.problems, lines
    assert sorted(o.value for o in r.observations.itertuples()) == [0.0, 0.0, 1.0, 1.0]


def test_years_down_the_rows(con):
    rows = LETTERHEAD + [
        ["MỘT SỐ CHỈ TIÊU GIAI ĐOẠN 2016 - 2020"],
        [],
        ["Năm", "Dân số trung bình", "Số hộ nghèo"],
        ["ĐVT", "Người", "Hộ"],
        [2019, 9700, 37],
        ["Ước TH 2020", 9800, 26],
        ["KH 2021", "x", 15],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    assert ("dan_so", BAC_HA, 2020, 1, 12, "estimate", "", 9800.0) in obs(r)
    assert ("so_ho_ngheo", BAC_HA, 2021, 1, 12, "target", "", 15.0) in obs(r)


def test_a_plan_written_as_a_threshold_is_said_not_loaded(con):
    rows = LETTERHEAD + [
        ["BÁO CÁO NĂM 2023"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2023", "Thực hiện năm 2023"],
        ["1", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "> 95", 93.2],
    ]
    r, lines = load(con, rows)
    assert r.ok and [p.code for p in r.warnings] == ["text-target"], lines
    assert len(r.observations) == 1


def test_windows_1258_csv_and_nfd_text(con):
    text = "Đơn vị;Chỉ tiêu;Năm;Kỳ;Loại số liệu;Giá trị;ĐVT\r\nPhường Bắc Hà;Số hộ nghèo;2019;Năm;Thực hiện;37;Hộ\r\n"
    from tests.reportgen.render import _cp1258  # precomposed base letters, tones as combining marks

    decomposed = unicodedata.normalize("NFD", text)
    assert b"\xcc" in _cp1258(text) or b"\xec" in _cp1258(
        text
    )  # the file really carries combining tones
    for name, data in (("a.csv", _cp1258(text)), ("b.csv", decomposed.encode("utf-8"))):
        r = parse(name, data, con)
        assert r.ok and obs(r) == {("so_ho_ngheo", BAC_HA, 2019, 1, 12, "actual", "", 37.0)}, [
            p.message for p in r.problems
        ]


@pytest.mark.parametrize("typed", ["tcvn3", "vni"])
def test_legacy_encodings_are_refused_with_how_to_convert(con, typed):
    from tests.reportgen.render import tcvn3, vni

    write = tcvn3 if typed == "tcvn3" else vni
    rows = [
        [write(c) if isinstance(c, str) else c for c in row]
        for row in LETTERHEAD
        + [
            ["BÁO CÁO 6 THÁNG NĂM 2018"],
            [],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2018", "Thực hiện 6 tháng"],
            ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 50, 20],
            ["2", "Tổng số hộ nghèo", "Hộ", 40, 35],
        ]
    ]
    r, lines = load(con, rows)
    assert [p.code for p in r.errors] == ["legacy-encoding"], lines
    assert typed.upper() in r.errors[0].message and "Unikey" in r.errors[0].message
    assert r.observations.empty


def test_a_second_table_below_the_first_has_its_own_header(con):
    rows = LETTERHEAD + [
        ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI THÁNG 10 NĂM 2019"],
        [],
        ["Chỉ tiêu", "ĐVT", "Thực hiện tháng 9/2019", "Ước tính 10 tháng năm 2019"],
        ["Thu ngân sách trên địa bàn", "Tỷ đồng", 12, 95],
        [],
        ["MỘT SỐ CHỈ TIÊU XÃ HỘI"],
        ["Chỉ tiêu", "ĐVT", "Ước 10 tháng năm 2019", "Thực hiện 10 tháng năm 2018"],
        ["Số doanh nghiệp đăng ký thành lập mới", "DN", 30, 28],
    ]
    r, lines = load(con, rows)
    assert r.ok and not r.problems, lines
    assert obs(r) == {
        ("thu_ngan_sach", BAC_HA, 2019, 9, 9, "actual", "", 12.0),
        ("thu_ngan_sach", BAC_HA, 2019, 1, 10, "estimate", "", 95.0),
        ("doanh_nghiep_moi", BAC_HA, 2019, 1, 10, "estimate", "", 30.0),
        ("doanh_nghiep_moi", BAC_HA, 2018, 1, 10, "actual", "", 28.0),
    }
    assert set(r.observations["source_cell"]) == {
        "S!C7",
        "S!D7",
        "S!C11",
        "S!D11",
    }  # the file's own addresses


def test_spans_to_a_date_and_plans_named_after_documents(con):
    rows = LETTERHEAD + [
        ["THU NGÂN SÁCH NĂM 2023"],
        [],
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Dự toán/Kế hoạch năm 2023",
            "",
            "Thực hiện đến 30/11/2023",
            "Dự toán giao theo QĐ 5960/QĐ-UBND ngày 20/12/2022",
        ],
        ["", "", "", "Tỉnh giao (QĐ 3870/QĐ-UBND)", "Kế hoạch (NQ 51/NQ-HĐND)", "", ""],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 820, 1036, 1110, 800],
    ]
    r, lines = load(con, rows, merges=["D6:E6", "A6:A7", "B6:B7", "C6:C7", "F6:F7", "G6:G7"])
    assert r.ok and not r.problems, lines
    assert obs(r) == {
        ("thu_ngan_sach", BAC_HA, 2023, 1, 12, "target", "tinh_giao", 820.0),
        ("thu_ngan_sach", BAC_HA, 2023, 1, 12, "target", "hdnd_giao", 1036.0),
        ("thu_ngan_sach", BAC_HA, 2023, 1, 11, "actual", "", 1110.0),
        ("thu_ngan_sach", BAC_HA, 2023, 1, 12, "target", "", 800.0),
    }


def test_a_title_citing_a_resolution_and_a_criteria_sets_period_are_no_targets(con):
    rows = [
        ["UBND THÀNH PHỐ HÀ TĨNH"],
        ["MỨC ĐỘ ĐẠT TIÊU CHÍ NTM NĂM 2024"],
        ["(Các xã nhập vào thành phố theo Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024)"],
        [],
        ["TT", "Tên xã", "Tiêu chí theo Bộ tiêu chí xã NTM giai đoạn 2022 - 2025", ""],
        ["", "", "TC1", "TC2"],
        ["1", "Xã Thạch Hưng", "Đ", "CĐ"],
    ]
    r, lines = load(con, rows, merges=["C5:D5"])
    assert r.ok, lines
    assert {(o[0], o[2], o[5], o[6], o[7]) for o in obs(r)} == {
        ("ntm_tc01", 2024, "actual", "", 1.0),
        ("ntm_tc02", 2024, "actual", "", 0.0),
    }


def test_a_goal_by_a_year_is_a_term_target(con):
    rows = [
        ["UBND TỈNH HÀ TĨNH"],
        ["ỦY BAN NHÂN DÂN PHƯỜNG THÀNH SEN"],
        [],
        ["CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 - 2030"],
        [],
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030"],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 1850],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    assert {(o[0], o[2], o[5], o[6]) for o in obs(r)} == {
        ("thu_ngan_sach", 2030, "target", "nhiem_ky")
    }


def test_a_sub_column_takes_its_name_from_its_group(con):
    rows = [
        ["UBND THÀNH PHỐ HÀ TĨNH"],
        ["KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2021"],
        [],
        ["TT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", "", "Hộ cận nghèo"],
        ["", "", "", "Số hộ", "Tỷ lệ (%)", "Số hộ"],
        ["", "", "(1)", "(2)", "(3)=(2)/(1)", "(4)"],
        ["1", "Phường Bắc Hà", 4000, 40, 1.0, 55],
    ]
    r, lines = load(con, rows, merges=["D4:E4"])
    assert r.ok, lines
    assert {(o[0], o[1], o[7]) for o in obs(r)} == {
        ("tong_so_ho", BAC_HA, 4000.0),
        ("so_ho_ngheo", BAC_HA, 40.0),
        ("ty_le_ho_ngheo", BAC_HA, 1.0),
        ("so_ho_can_ngheo", BAC_HA, 55.0),
    }


def test_a_yearbook_table_with_a_blank_corner_has_years_down(con):
    rows = [
        ["NIÊN GIÁM THỐNG KÊ THÀNH PHỐ HÀ TĨNH 2021"],
        ["Diện tích và sản lượng lương thực"],
        [],
        [
            "",
            "Diện tích lúa cả năm\nPaddy area",
            "Sản lượng lương thực có hạt\nProduction of cereals",
        ],
        ["", "Ha", "Tấn"],
        [2019, 1200, 7000],
        [2020, 1180, 6900],
        ["Sơ bộ - Prel. 2021", 1150, 6800],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    assert {(o[0], o[2]) for o in obs(r)} == {
        (c, y) for c in ("dien_tich_lua", "san_luong_luong_thuc") for y in (2019, 2020, 2021)
    }


@pytest.mark.parametrize("title", ["BÁO CÁO NĂM 2019", "BÁO CÁO 9 THÁNG NĂM 2019"])
def test_a_span_from_a_month_with_no_end_runs_to_the_report_month_or_the_year_end(con, title):
    rows = LETTERHEAD + [
        [title],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2019", "Thực hiện từ 01/7"],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 50, 40],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    end = 9 if "9 THÁNG" in title else 12
    assert ("thu_ngan_sach", BAC_HA, 2019, 7, end, "actual", "", 40.0) in obs(r)


def test_a_long_table_period_from_a_month_runs_to_the_year_end(con):
    rows = [
        ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"],
        [
            "Phường Bắc Hà",
            "Thu ngân sách trên địa bàn",
            2019,
            "Từ tháng 7",
            "Thực hiện",
            40,
            "Tỷ đồng",
        ],
    ]
    r, lines = load(con, rows)
    assert r.ok, lines
    assert obs(r) == {("thu_ngan_sach", BAC_HA, 2019, 7, 12, "actual", "", 40.0)}


def test_a_unit_code_beside_the_name_settles_two_wards_of_one_name(con):
    """Phường Hà Huy Tập before 1/7/2025 (18085) and after (18652): a long table's code column picks
    the one it names; without the code the ward of the period's end is taken."""
    units = {
        code: int(uid)
        for code, uid in con.execute(
            "SELECT code, unit_id FROM admin_units WHERE name = 'Phường Hà Huy Tập'"
        ).fetchall()
    }
    assert {"18085", "18652"} <= set(units)
    header = [
        "Mã chỉ tiêu",
        "Mã đơn vị",
        "Đơn vị",
        "Năm",
        "Từ tháng",
        "Đến tháng",
        "Loại",
        "Giá trị",
    ]
    rows = [header]
    for code in ("18085", "18652"):
        rows.append(["thu_ngan_sach", code, "Phường Hà Huy Tập", 2025, 1, 9, "actual", 12])
    r, lines = load(con, rows)
    assert r.ok, lines
    assert {int(u) for u in r.observations.unit_id} == {units["18085"], units["18652"]}
    named = [[c for k, c in enumerate(row) if k != 1] for row in rows[:2]]
    r, lines = load(con, named)
    assert r.ok, lines
    assert {int(u) for u in r.observations.unit_id} == {units["18652"]}


def test_a_recognition_for_a_unit_outside_the_scope_is_refused(con):
    """Only "Năm đạt chuẩn" filled for another commune would still record its recognition."""
    from loaders.parse import FileResult
    from loaders.scope_check import out_of_scope

    result = FileResult("ntm.xlsx", "0" * 64, 1, extras={"years_reached": {"NTM": {17: 2019}}})
    found = out_of_scope(result, {9}, "tk.bacha", "Phường Bắc Hà")
    assert [p.code for p in found] == ["out-of-scope"] and found[0].sheet == "NTM"
    assert out_of_scope(result, {9, 17}, "tk.bacha", "Phường Bắc Hà") == []
