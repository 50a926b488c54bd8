"""More files the loader has never seen: percentages Excel stores as fractions, measures written inside
headers, "(giá so sánh 2010)" in a column name, a mistyped ward name, real .xls and .ods files (fixtures
made once with xlwt/odfpy, see tests/fixtures/make_fixtures.py), and property tests of Vietnamese
number parsing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loader_helpers import LETTERHEAD, city_report

import loaders
import store
from loaders import parse_upload
from loaders.numbers import parse_column, parse_number, parse_texts

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def con():
    connection = store.open_store(":memory:")
    yield connection
    connection.close()


def xlsx(
    rows: list[list], formats: dict[str, str] | None = None, merges=(), title: str = "S"
) -> bytes:
    """One sheet from rows; `formats` maps A1 cells to Excel number formats."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for cell, fmt in (formats or {}).items():
        ws[cell].number_format = fmt
    for rng in merges:
        ws.merge_cells(rng)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def values_of(result, code, kind=None):
    obs = result.observations
    obs = obs[obs["indicator_code"] == code]
    if kind:
        obs = obs[obs["kind"] == kind]
    return sorted(obs["value"].round(6))


# ------------------------------------------------------------------ percentages stored as fractions
def test_percent_formatted_cell_of_a_percent_indicator_read_as_shown(con):
    rows = city_report(
        "BÁO CÁO NĂM 2019",
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2019", "Thực hiện năm 2019"],
        [
            ["1", "Tỷ lệ hộ nghèo", "%", 0.02, 0.4808],  # D7 plain 0,02 %; E7 shown 48,08%
            [
                "2",
                "Tỷ lệ dân số tham gia bảo hiểm y tế",
                "",
                0.9,
                91.5,
            ],  # % indicator without ĐVT: D8 shown 90%
            [
                "3",
                "Tổng giá trị sản xuất",
                "Tỷ đồng",
                0.5,
                0.75,
            ],  # not a percentage: a % format is left alone
        ],
    )
    r = parse_upload("pct.xlsx", xlsx(rows, {"E7": "0.00%", "D8": "0%", "E9": "0.00%"}), con)
    assert r.ok, [p.message for p in r.problems]
    assert values_of(r, "ty_le_ho_ngheo", "actual") == [48.08]
    assert values_of(r, "ty_le_ho_ngheo", "target") == [0.02]  # no % format: a real 0,02 %
    assert values_of(r, "bhyt_bao_phu", "target") == [90.0]
    assert values_of(r, "bhyt_bao_phu", "actual") == [91.5]
    assert values_of(r, "gtsx_tong", "actual") == [0.75]
    row = r.observations[r.observations["source_cell"] == "S!E7"].iloc[0]
    assert float(row.source_value) == 48.08 and float(row.value) == 48.08  # not 48,080000000000005


def test_percent_formatted_cells_in_a_percent_column_of_a_ward_table(con):
    rows = [
        LETTERHEAD[0],
        [],
        ["TỶ LỆ HỘ NGHÈO CÁC PHƯỜNG, XÃ NĂM 2018"],
        [],
        ["TT", "Đơn vị", "Thực hiện năm 2018", ""],
        ["", "", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
        ["1", "Phường Bắc Hà", 12, 0.0125],
        ["2", "Phường Trần Phú", 8, 0.009],
    ]
    r = parse_upload("w.xlsx", xlsx(rows, {"D7": "0.00%", "D8": "0.0%"}, merges=["C5:D5"]), con)
    assert r.ok, [p.message for p in r.problems]
    assert values_of(r, "ty_le_ho_ngheo") == [0.9, 1.25]
    assert values_of(r, "so_ho_ngheo") == [8, 12]


# ------------------------------------------------------------------ measures inside headers
def test_measure_written_in_a_ward_table_sub_header(con):
    rows = [
        LETTERHEAD[0],
        [],
        ["KẾT QUẢ THU NGÂN SÁCH CÁC PHƯỜNG NĂM 2019"],
        [],
        ["TT", "Đơn vị", "Dự toán năm 2019", "Thực hiện năm 2019"],
        ["", "", "Tổng thu (triệu đồng)", "Tổng thu (triệu đồng)"],
        ["1", "Phường Bắc Hà", 20000, 21500.5],
        ["2", "Phường Nam Hà", 15000, "16.000"],
    ]
    r = parse_upload("w.xlsx", xlsx(rows), con)
    assert r.ok, [p.message for p in r.problems]
    assert values_of(r, "thu_ngan_sach", "target") == [15.0, 20.0]
    assert values_of(r, "thu_ngan_sach", "actual") == [16.0, 21.5005]
    assert set(r.observations["source_measure"]) == {"triệu đồng"}


def test_measure_written_in_report_headers_and_the_row_unit_wins(con):
    rows = city_report(
        "BÁO CÁO THU NGÂN SÁCH NĂM 2020",
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch năm 2020 (tỷ đồng)",
            "Thực hiện năm 2020 (triệu đồng)",
        ],
        [
            ["1", "Thu ngân sách trên địa bàn", "", 800, 812345],
            ["2", "Thu tiền sử dụng đất", "Tỷ đồng", 300, 310],  # its own ĐVT counts
        ],
    )
    r = parse_upload("r.xlsx", xlsx(rows), con)
    assert r.ok, [p.message for p in r.problems]
    assert values_of(r, "thu_ngan_sach") == [800.0, 812.345]
    assert values_of(r, "thu_tien_sdd") == [300.0, 310.0]


def test_measure_in_header_that_does_not_fit_the_indicator_is_refused(con):
    rows = city_report(
        "BÁO CÁO NĂM 2020",
        ["STT", "Chỉ tiêu", "Thực hiện năm 2020 (người)"],
        [["1", "Thu ngân sách trên địa bàn", 812]],
    )
    r = parse_upload("r.xlsx", xlsx(rows), con)
    assert [p.code for p in r.errors] == ["measure-mismatch"]
    assert r.observations.empty


def test_price_basis_in_a_column_name_is_neither_a_year_nor_a_comparison(con):
    rows = [
        LETTERHEAD[0],
        [],
        ["GIÁ TRỊ SẢN XUẤT CÁC PHƯỜNG NĂM 2019"],
        ["Đơn vị tính: Tỷ đồng"],
        [],
        ["TT", "Đơn vị", "Thực hiện năm 2019", ""],
        ["", "", "Tổng giá trị sản xuất (giá so sánh 2010)", "Thương mại - Dịch vụ"],
        ["1", "Phường Bắc Hà", 120.5, 60],
        ["2", "Phường Nam Hà", 99, 40.25],
    ]
    r = parse_upload("g.xlsx", xlsx(rows, merges=["C6:D6"]), con)
    assert r.ok, [p.message for p in r.problems]
    assert not r.warnings
    assert set(r.observations["year"]) == {2019}
    assert values_of(r, "gtsx_tong") == [99.0, 120.5]


# ------------------------------------------------------------------ names never guessed
def test_mistyped_ward_gets_close_candidates_only_and_is_not_loaded(con):
    rows = [
        LETTERHEAD[0],
        [],
        ["KẾT QUẢ THU NGÂN SÁCH CÁC PHƯỜNG NĂM 2019"],
        ["Đơn vị tính: Tỷ đồng"],
        [],
        ["TT", "Đơn vị", "Thực hiện năm 2019"],
        ["1", "Phường Tân Giangg", 20],
        ["2", "Phường Bắc Hàa", 21],
        ["3", "Phường Nam Hà", 22],
    ]
    r = parse_upload("w.xlsx", xlsx(rows), con)
    unknown = {p.cell: p.message for p in r.errors if p.code == "unknown-unit"}
    assert set(unknown) == {"B7", "B8"}
    assert "Có phải: Phường Tân Giang?" in unknown["B7"]
    assert "Vũng Áng" not in unknown["B7"] and "Thành Sen" not in unknown["B7"]
    assert "Có phải: Phường Bắc Hà?" in unknown["B8"]  # the one valid in 2019, without dates
    assert list(r.observations["unit_name"]) == ["Phường Nam Hà"]  # never mapped silently
    assert not r.ok


def test_candidates_prefer_units_valid_at_the_report_date(con):
    catalog = loaders.parse.load_catalog(con)
    from datetime import date

    assert catalog.unit_suggestions("Phường Tân Giangg", date(2019, 12, 31)) == ["Phường Tân Giang"]
    assert catalog.unit_suggestions("Phường Tân Giangg", date(2025, 12, 31)) == [
        "Phường Tân Giang (đến 30/06/2025)"
    ]
    assert catalog.unit_suggestions("Phường Xyz", date(2019, 12, 31)) == []
    assert catalog.unit_suggestions("Xã Tân Giang", date(2019, 12, 31))[0] == "Phường Tân Giang"


# ------------------------------------------------------------------ .xls and .ods, read, committed, exported, read again
EXPECTED = {  # (sheet, indicator, unit, year, month_from, month_to, kind) → value in the catalog measure
    ("Bao cao", "gtsx_tong", "Thành phố Hà Tĩnh", 2019, 1, 12, "target"): 9024.5,
    ("Bao cao", "gtsx_tong", "Thành phố Hà Tĩnh", 2018, 1, 6, "actual"): 4100.5,
    ("Bao cao", "gtsx_tong", "Thành phố Hà Tĩnh", 2019, 1, 6, "actual"): 4339.0,
    ("Bao cao", "thu_ngan_sach", "Thành phố Hà Tĩnh", 2019, 1, 12, "target"): 800.0,
    ("Bao cao", "thu_ngan_sach", "Thành phố Hà Tĩnh", 2018, 1, 6, "actual"): 320.0,
    ("Bao cao", "thu_ngan_sach", "Thành phố Hà Tĩnh", 2019, 1, 6, "actual"): 351.2,
    ("Bao cao", "thu_tien_sdd", "Thành phố Hà Tĩnh", 2019, 1, 12, "target"): 300.0,
    ("Bao cao", "thu_tien_sdd", "Thành phố Hà Tĩnh", 2018, 1, 6, "actual"): 100.0,
    ("Bao cao", "thu_tien_sdd", "Thành phố Hà Tĩnh", 2019, 1, 6, "actual"): 120.0,
    ("Bao cao", "ty_le_ho_ngheo", "Thành phố Hà Tĩnh", 2019, 1, 12, "target"): 2.06,
    ("Bao cao", "ty_le_ho_ngheo", "Thành phố Hà Tĩnh", 2018, 1, 6, "actual"): 2.3,
    ("Bao cao", "ty_le_ho_ngheo", "Thành phố Hà Tĩnh", 2019, 1, 6, "actual"): 1.65,
    ("Phuong xa", "thu_ngan_sach", "Thành phố Hà Tĩnh", 2018, 1, 12, "target"): 300.0,
    ("Phuong xa", "thu_ngan_sach", "Thành phố Hà Tĩnh", 2018, 1, 12, "actual"): 310.5005,
    ("Phuong xa", "thu_ngan_sach", "Phường Bắc Hà", 2018, 1, 12, "target"): 20.0,
    ("Phuong xa", "thu_ngan_sach", "Phường Bắc Hà", 2018, 1, 12, "actual"): 21.0,
    ("Phuong xa", "thu_ngan_sach", "Phường Trần Phú", 2018, 1, 12, "target"): 25.0,
    ("Phuong xa", "thu_ngan_sach", "Phường Trần Phú", 2018, 1, 12, "actual"): 26.25,
    ("Phuong xa", "thu_ngan_sach", "Xã Thạch Trung", 2018, 1, 12, "target"): 5.0,
    ("Phuong xa", "thu_ngan_sach", "Xã Thạch Trung", 2018, 1, 12, "actual"): 4.9005,
}


def _keyed(obs, with_sheet=True):
    out = {}
    for o in obs.itertuples(index=False):
        key = (
            o.indicator_code,
            o.unit_name,
            int(o.year),
            int(o.month_from),
            int(o.month_to),
            o.kind,
        )
        out[((o.sheet,) if with_sheet else ()) + key] = round(float(o.value), 6)
    return out


@pytest.mark.parametrize("name", ["report_2019.xls", "report_2019.ods"])
def test_xls_and_ods_round_trip(name, empty_store):
    data = (FIXTURES / name).read_bytes()
    r = parse_upload(name, data, empty_store)
    assert r.ok, [loaders.format_line(p) for p in r.problems]
    assert [(s.sheet, s.family, s.unit) for s in r.layouts] == [
        ("Bao cao", "report", "Thành phố Hà Tĩnh"),
        ("Phuong xa", "units", "Thành phố Hà Tĩnh"),
    ]
    assert _keyed(r.observations) == EXPECTED
    assert r.observations.set_index("source_cell").loc["Bao cao!F9", "source_value"] == 351200.0
    outcome = loaders.commit(empty_store, [r], user="test")
    assert outcome.committed and outcome.n_observations == len(EXPECTED)
    again = parse_upload("export.csv", loaders.export_csv(empty_store).encode("utf-8"), empty_store)
    assert again.ok, [loaders.format_line(p) for p in again.problems]
    assert _keyed(again.observations, with_sheet=False) == {k[1:]: v for k, v in EXPECTED.items()}


# ------------------------------------------------------------------ Vietnamese numbers, property tests
def vn_format(value: float, decimals: int, grouped: bool = True, sep: str = ".") -> str:
    """1234567.5 → "1.234.567,5" (or "1 234 567,5" with sep=" ")."""
    text = f"{abs(value):,.{decimals}f}" if grouped else f"{abs(value):.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", sep)


amounts = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    amounts,
    st.integers(min_value=0, max_value=4),
    st.booleans(),
    st.sampled_from(["minus", "parens", "plain"]),
    st.booleans(),
    st.sampled_from([".", " ", "\u00a0"]),
)
def test_vietnamese_numbers_parse_back(value, decimals, grouped, negative_style, percent, sep):
    expected = float(f"{value:.{decimals}f}")
    body = vn_format(value, decimals, grouped, sep)
    if percent:
        body += "%"
    if expected < 0 and negative_style == "parens":
        text = f"({body})"
    elif expected < 0 or (value < 0 and negative_style == "minus"):
        text = "-" + body
    else:
        text = body
    if expected == 0:
        expected = 0.0
    got = parse_number(text, "vi")
    assert got == pytest.approx(expected, rel=1e-12, abs=0), text
    values, status = parse_column([text, text, "x"], "vi")  # the vectorised path agrees
    assert values[0] == pytest.approx(expected, rel=1e-12, abs=0) and list(status) == [1, 1, 0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"\A-?\d{1,3}(\.\d{3}){0,3}(,\d{1,4})?\Z", fullmatch=True),
            st.from_regex(r"\A[-(]?[\d.,]{1,12}%?\)?\Z", fullmatch=True),
            st.text(max_size=8),
        ),
        min_size=34,
        max_size=50,
    )
)
def test_vectorised_texts_agree_with_parse_number(texts):
    texts = list(dict.fromkeys(texts))
    values, status = parse_texts(texts, "vi")
    for text, v, s in zip(texts, values, status):
        try:
            ref = parse_number(text, "vi")
        except ValueError:
            assert s == 2, text
            continue
        if ref is None:
            assert s == 0, text
        else:
            assert s == 1 and v == pytest.approx(ref, rel=1e-12, abs=0), text


def test_percent_formatted_value_in_a_long_table(con):
    rows = [
        ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"],
        ["Phường Bắc Hà", "Tỷ lệ hộ nghèo", 2019, "Năm", "Thực hiện", 0.0125, "%"],
        ["Phường Nam Hà", "Tỷ lệ hộ nghèo", 2019, "Năm", "Thực hiện", 0.9, "%"],  # no % format
        ["Phường Bắc Hà", "Thu ngân sách trên địa bàn", 2019, "Năm", "Thực hiện", 0.5, "Tỷ đồng"],
    ]
    r = parse_upload("long.xlsx", xlsx(rows, {"F2": "0.00%", "F4": "0%"}), con)
    assert r.ok, [p.message for p in r.problems]
    assert values_of(r, "ty_le_ho_ngheo") == [0.9, 1.25]
    assert values_of(r, "thu_ngan_sach") == [0.5]


def test_measure_written_in_a_long_table_value_header(con):
    rows = [
        ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị (triệu đồng)"],
        ["Thành phố Hà Tĩnh", "Thu ngân sách trên địa bàn", 2019, "6 tháng", "Thực hiện", 351200],
        ["Thành phố Hà Tĩnh", "Thu tiền sử dụng đất", 2019, "Năm", "Kế hoạch", "300.000"],
    ]
    r = parse_upload("long.xlsx", xlsx(rows), con)
    assert r.ok, [p.message for p in r.problems]
    assert r.layouts[0].family == "long"
    assert values_of(r, "thu_ngan_sach") == [351.2] and values_of(r, "thu_tien_sdd") == [300.0]
    assert set(r.observations["source_measure"]) == {"triệu đồng"}
    wrong = [
        ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị (người)"],
        ["Thành phố Hà Tĩnh", "Thu ngân sách trên địa bàn", 2019, "Năm", "Thực hiện", 5],
    ]
    bad = parse_upload("long.xlsx", xlsx(wrong), con)
    assert [(p.code, p.cell) for p in bad.errors] == [("measure-mismatch", "F1")]


def test_ods_percentages_and_collapsed_rows(con):
    """LibreOffice keeps 1,65% as 0,0165 of type "percentage"; a collapsed row is hidden."""
    r = parse_upload("percent_2019.ods", (FIXTURES / "percent_2019.ods").read_bytes(), con)
    assert r.ok, [loaders.format_line(p) for p in r.problems]
    assert values_of(r, "ty_le_ho_ngheo") == [1.65, 2.0]
    assert values_of(r, "bhyt_bao_phu") == [90.0, 91.5]  # plain numbers stay as they are
    assert values_of(r, "so_ho_ngheo") == []  # the collapsed row is not loaded
    assert [(p.code, p.cell) for p in r.warnings] == [("hidden-row", "B7")]


def test_ward_report_with_noi_dung_chi_tieu_header_and_text_numbers(tmp_path, empty_store):
    """A ward's own 9-month report: "Nội dung chỉ tiêu" as the name column, KH/TH/ƯTH abbreviations,
    A/B sections and an "a" sub-item, numbers typed as Vietnamese text, triệu đồng converted, the
    ward named only in the letterhead; a negative count "(5)" is refused on its cell."""
    import openpyxl

    import loaders

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "9T"
    ws["A1"] = "UBND PHƯỜNG TRẦN PHÚ"
    ws["A4"] = "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KT-XH 9 THÁNG ĐẦU NĂM 2019"
    rows = [
        [
            "TT",
            "Nội dung chỉ tiêu",
            "Đơn vị tính",
            "KH năm 2019",
            "TH 9 tháng 2018",
            "ƯTH 9 tháng 2019",
            "So KH (%)",
            "Ghi chú",
        ],
        ["A", "KINH TẾ", None, None, None, None, None, None],
        ["1", "Giá trị sản xuất", "Tỷ đồng", "312,5", "201,3", "224,9", "71,97", None],
        ["2", "Thu ngân sách", "Triệu đồng", "4.251,1", "2.418,3", "2.615,5", "61,53", "đạt thấp"],
        [
            "a",
            "Trong đó: tiền sử dụng đất",
            "Triệu đồng",
            "1.816,3",
            "1.372,8",
            "1.030,8",
            None,
            None,
        ],
        ["B", "XÃ HỘI", None, None, None, None, None, None],
        ["3", "Giải quyết việc làm mới", "lao động", "150", "98", "(5)", None, None],
    ]
    for i, row in enumerate(rows, start=6):
        for j, value in enumerate(row, start=1):
            ws.cell(i, j, value)
    path = tmp_path / "tran_phu_9t_2019.xlsx"
    wb.save(path)
    bad = loaders.parse_upload(path.name, path.read_bytes(), empty_store)
    assert [(p.code, p.cell) for p in bad.errors] == [("impossible-value", "F12")]
    ws["F12"] = "105"
    wb.save(path)
    good = loaders.parse_upload(path.name, path.read_bytes(), empty_store)
    assert good.ok, [loaders.format_line(p) for p in good.problems]
    obs = good.observations.astype({"indicator_code": str, "kind": str, "unit_name": str})
    assert set(obs.unit_name) == {"Phường Trần Phú"}
    budget = obs[(obs.indicator_code == "thu_ngan_sach") & (obs.kind == "estimate")].iloc[0]
    assert (budget.year, budget.month_to, budget.value, budget.source_value) == (
        2019,
        9,
        2.6155,
        2615.5,
    )
    assert set(obs.indicator_code) == {"gtsx_tong", "thu_ngan_sach", "thu_tien_sdd", "viec_lam_moi"}
    assert len(obs) == 12


# ------------------------------------------------------------------ adversarial variants (new files)
def _book(
    tmp_path, rows: list[list], name: str = "v.xlsx", merges=(), sheet: str = "S"
) -> tuple[str, bytes]:
    """A workbook written to tmp_path with openpyxl, as a statistician's file would arrive."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    path = tmp_path / name
    wb.save(path)
    return path.name, path.read_bytes()


def _obs(result) -> list[tuple]:
    o = result.observations
    return sorted(
        zip(
            o.indicator_code.astype(str),
            o.year,
            o.month_from,
            o.month_to,
            o.kind.astype(str),
            o.value.round(6),
            o.source_cell.astype(str),
        )
    )


def test_cumulative_to_a_day_and_nT_abbreviation_periods(tmp_path, con):
    """ "Lũy kế đến 30/9" (a day/month) is months 1–9 (it crashed: month 30); "TH 6T/2020" is 6 months
    of 2020 (it was read as the whole year 2020)."""
    rows = LETTERHEAD + [
        ["BÁO CÁO THU NGÂN SÁCH 9 THÁNG NĂM 2021"],
        [],
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Dự toán năm 2021",
            "TH 6T/2020",
            "Lũy kế đến 30/9",
            "% so dự toán",
        ],
        ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 500, 180, 300, 60],
    ]
    r = parse_upload(*_book(tmp_path, rows), con)
    assert r.ok, [loaders.format_line(p) for p in r.problems]
    assert _obs(r) == [
        ("thu_ngan_sach", 2020, 1, 6, "actual", 180.0, "S!E7"),
        ("thu_ngan_sach", 2021, 1, 9, "actual", 300.0, "S!F7"),
        ("thu_ngan_sach", 2021, 1, 12, "target", 500.0, "S!D7"),
    ]


def test_en_dash_negative_nbsp_thousands_and_x_not_applicable(tmp_path, con):
    """ "–12,5" (en dash, as Word/Unikey autocorrect writes a minus) is −12,5 (it was refused as text);
    "1 300,25" with a non-breaking space is 1300,25; "x" means no value."""
    rows = LETTERHEAD + [
        ["BÁO CÁO NĂM 2020"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2020", "Thực hiện năm 2020"],
        ["1", "Tổng giá trị sản xuất", "Tỷ đồng", "1 234,5", "1\u00a0300,25"],
        ["2", "Tốc độ tăng trưởng giá trị sản xuất", "%", "x", "–12,5"],
    ]
    r = parse_upload(*_book(tmp_path, rows), con)
    assert r.ok, [loaders.format_line(p) for p in r.problems]
    assert _obs(r) == [
        ("gtsx_tong", 2020, 1, 12, "actual", 1300.25, "S!E7"),
        ("gtsx_tong", 2020, 1, 12, "target", 1234.5, "S!D7"),
        ("tang_truong_gtsx", 2020, 1, 12, "actual", -12.5, "S!E8"),
    ]
    assert parse_number("–") is None and parse_number("\u2212 3") == -3.0


@pytest.mark.parametrize(
    "letterhead,title,cell",
    [
        (["UBND THÀNH PHỐ HÀ TĨNH"], ["UBND XÃ THẠCH MÔN"], "A2"),  # city above, commune below
        (["UBND THÀNH PHỐ HÀ TĨNH"], ["BÁO CÁO CỦA XÃ THẠCH MÔN"], "A2"),
        (["UBND XÃ THẠCH MÔN"], [], "A1"),
    ],
)
def test_commune_that_no_longer_exists_is_not_loaded_as_the_city(
    tmp_path, con, letterhead, title, cell
):
    """A 2021 report of Xã Thạch Môn (merged into Xã Đồng Môn in 2020): its values went silently to
    the city named above it; now an error names the cell and the commune's dates."""
    rows = [
        letterhead,
        title,
        ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021"],
        [],
        ["TT", "Chỉ tiêu", "ĐVT", "KH năm 2021", "TH năm 2021"],
        ["1", "Số hộ nghèo", "Hộ", 30, 25],
    ]
    r = parse_upload(*_book(tmp_path, rows), con)
    assert [(p.code, p.cell) for p in r.errors] == [("unknown-sheet-unit", cell)]
    assert "Xã Thạch Môn" in r.errors[0].message and "31/12/2019" in r.errors[0].message
    assert "Thành phố Hà Tĩnh" not in set(r.observations["unit_name"].astype(str))


@pytest.mark.parametrize(
    "header,rows_are",
    [
        ("Danh mục chỉ tiêu", "indicators"),
        ("Chỉ tiêu/Nội dung", "indicators"),
        ("Nội dung công việc", "indicators"),
        ("Phường/xã/thị trấn", "units"),
    ],
)
def test_unrecognised_name_header_still_finds_the_name_column(tmp_path, con, header, rows_are):
    """A name column headed with words outside the vocabulary loaded 0 rows with only "no-data":
    a header that names neither a kind nor a period, over text cells, is the name column."""
    if rows_are == "indicators":
        rows = LETTERHEAD + [
            ["BÁO CÁO NĂM 2020"],
            [],
            ["TT", header, "ĐVT", "Thực hiện năm 2020"],
            ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 100],
            ["2", "Số hộ nghèo", "Hộ", 40],
        ]
        expected = {
            ("gtsx_tong", "Thành phố Hà Tĩnh", 100.0),
            ("so_ho_ngheo", "Thành phố Hà Tĩnh", 40.0),
        }
    else:
        rows = LETTERHEAD + [
            ["THU NGÂN SÁCH NĂM 2020"],
            ["Đơn vị tính: Tỷ đồng"],
            ["TT", header, "Thực hiện năm 2020"],
            ["1", "Bắc Hà", 11],
            ["2", "Phường Nam Hà", 12],
        ]
        expected = {
            ("thu_ngan_sach", "Phường Bắc Hà", 11.0),
            ("thu_ngan_sach", "Phường Nam Hà", 12.0),
        }
    r = parse_upload(*_book(tmp_path, rows), con)
    assert r.ok, [loaders.format_line(p) for p in r.problems]
    o = r.observations
    assert set(zip(o.indicator_code.astype(str), o.unit_name.astype(str), o.value)) == expected


def test_th_kh_uth_columns_check_uth_over_th_and_trd_per_person_measure(tmp_path, con):
    """ "TH 2021 | KH 2022 | ƯTH 2022 | So sánh (%): ƯTH/KH, ƯTH/TH" under merged headers: ƯTH/TH is
    checked against last year's TH (it was not checked); ĐVT "Tr.đ/người/năm" is Triệu đồng/người
    (it was an unknown measure)."""
    rows = LETTERHEAD + [
        ["BÁO CÁO TÌNH HÌNH THỰC HIỆN NĂM 2022"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "TH 2021", "KH 2022", "ƯTH 2022", "So sánh (%)", ""],
        ["", "", "", "", "", "", "ƯTH/KH", "ƯTH/TH"],
        ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 9000, 10000, 9800, 98, 110],
        ["2", "Thu nhập bình quân đầu người", "Tr.đ/người/năm", 50, 55, 54, 98.18, 108],
    ]
    merges = ["G6:H6", "A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:F7"]
    r = parse_upload(*_book(tmp_path, rows, merges=merges), con)
    assert r.ok, [loaders.format_line(p) for p in r.problems]
    assert [(p.code, p.cell) for p in r.warnings] == [("derived-mismatch", "H8")]
    assert ("thu_nhap_binh_quan", 2022, 1, 12, "estimate", 54.0, "S!F9") in _obs(r)
    assert len(r.observations) == 6


def test_formula_without_cached_value_is_refused_on_its_cell(tmp_path, empty_store):
    """openpyxl (like many web exports) writes formulas without their results: a total "=D8+D9" would
    otherwise load as blank and its value be lost without a word."""
    import openpyxl

    import loaders

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "6T"
    ws["A1"] = "UBND THÀNH PHỐ HÀ TĨNH"
    ws["A3"] = "BIỂU TỔNG HỢP 6 THÁNG NĂM 2016"
    for j, text in enumerate(
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch năm 2016",
            "Ước thực hiện 6 tháng năm 2016",
            "So KH (%)",
        ],
        start=1,
    ):
        ws.cell(5, j, text)
    ws.append(["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", "=D7+80", 326.5, "=E6/D6*100"])
    ws.append(["-", "Trong đó: Thu tiền sử dụng đất", "Tỷ đồng", 350, 110.6, "=E7/D7*100"])
    path = tmp_path / "formulas.xlsx"
    wb.save(path)
    result = loaders.parse_upload(path.name, path.read_bytes(), empty_store)
    # the uncomputed plan is refused on its cell; the uncomputed derived "So KH" column is not a value
    assert [(p.code, p.cell) for p in result.errors] == [("formula-without-value", "D6")]


def test_long_table_formula_without_value_is_refused_on_its_cell(con):
    """The cell checks are one stage for every family: a long table's uncomputed formula is refused too
    (it used to load silently as blank)."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "So lieu"
    ws.append(["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"])
    ws.append(
        ["Thành phố Hà Tĩnh", "Thu ngân sách trên địa bàn", 2019, "Năm", "Kế hoạch", 800, "Tỷ đồng"]
    )
    ws.append(
        [
            "Thành phố Hà Tĩnh",
            "Thu ngân sách trên địa bàn",
            2019,
            "6 tháng",
            "Thực hiện",
            "=F2*0.4",
            "Tỷ đồng",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl writes the formula without a computed value
    r = parse_upload("long.xlsx", buffer.getvalue(), con)
    assert [(p.code, p.cell) for p in r.errors] == [("formula-without-value", "F3")]


@pytest.mark.parametrize("name", ["bao_cao.xlsx", "bao_cao.XLS", "bao_cao.ods"])
def test_a_text_file_named_as_a_spreadsheet_is_said_not_to_be_one(con, name):
    data = "STT;Chỉ tiêu;Kế hoạch năm 2024\n1;Thu ngân sách;50\n".encode("utf-8")
    result = parse_upload(name, data, con)
    assert [p.code for p in result.errors] == ["not-a-spreadsheet"]
    assert "nội dung là văn bản" in result.errors[0].message and result.observations.empty


def test_a_ward_gone_before_the_report_is_named_by_its_latest_version(tmp_path, con):
    """Phường Bắc Hà had two versions (2016–2024, then 01–06/2025 before joining Phường Thành Sen):
    a 2026 report under its name is refused with the end of the latest one and the successor."""
    rows = [
        ["UBND PHƯỜNG BẮC HÀ"],
        ["BÁO CÁO KẾT QUẢ 10 THÁNG NĂM 2026"],
        [],
        ["TT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "TH 10 tháng năm 2026"],
        ["1", "Số hộ nghèo", "Hộ", 30, 25],
    ]
    r = parse_upload(*_book(tmp_path, rows), con)
    assert [(p.code, p.cell) for p in r.errors] == [("unknown-sheet-unit", "A1")]
    message = r.errors[0].message
    assert "30/06/2025" in message and "31/12/2024" not in message
    assert "Phường Thành Sen" in message
