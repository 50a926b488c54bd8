"""Exports: the .pptx deck opens with python-pptx and has the expected slides; charts render to PNG
and SVG; tables export to .xlsx with Vietnamese headers and neutralised formulas; the .docx opens."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from docx import Document
from pptx import Presentation
from pptx.util import Inches

from reports import brief, charts, deck, document, exports, images, slides
from reports.unit_view import Selection, unit_view
from vn.periods import Period


def _ctx(con):
    return unit_view(con, Selection(2, "Thành phố Hà Tĩnh", Period(2024, 1, 6)))


def test_deck_has_title_chart_and_table_slides(demo_store):
    ctx = _ctx(demo_store)
    keys = slides.default_keys(slides.options(ctx))
    built = slides.build(ctx, keys)
    # each key gives a slide; a ward slide of more than 12 wards (the city has 15) gives two
    assert {b.key.rsplit(":", 1)[0] if b.key.count(":") == 2 else b.key for b in built} == set(keys)
    assert len(built) >= len(keys) >= 5
    wards = [b for b in built if b.key.startswith("indicator:gtsx_tong")]
    assert [b.title.rsplit(" ", 1)[-1] for b in wards] == ["(1/2)", "(2/2)"]
    summary = slides.summary_table(ctx)
    data = deck.build(built, ctx.selection.unit_name, ctx.selection.period.title, summary)
    prs = Presentation(io.BytesIO(data))
    n_tables = -(-len(summary) // deck.TABLE_ROWS)
    assert len(summary) > deck.TABLE_ROWS and len(prs.slides) == 1 + len(built) + n_tables
    texts = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in prs.slides]
    assert any("Thành phố Hà Tĩnh" in t for t in texts[0]) and any(
        "6 tháng năm 2024" in t for t in texts[0]
    )
    for slide, item in zip(list(prs.slides)[1 : 1 + len(built)], built):
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture
        shown = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert item.title in shown and item.sentence in shown
        assert "6 tháng năm 2024" in item.title and "Hà Tĩnh" in item.title
        assert len(item.sentence) <= slides.SHORT_SENTENCE + 1  # two short lines on the slide
        assert slide.notes_slide.notes_text_frame.text == item.notes  # the whole text in the notes
        assert item.notes.startswith(item.sentence.rstrip(".…"))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    shown_rows = []  # the table's slides, numbered, hold every row of the summary, in order
    for n, slide in enumerate(list(prs.slides)[1 + len(built) :], 1):
        titles = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert any(t.endswith(f"({n}/{n_tables})") for t in titles)
        table = [s for s in slide.shapes if s.has_table][0].table
        header = [table.cell(0, j).text for j in range(len(table.columns))]
        assert header == list(summary.columns)
        assert sum(c.width for c in table.columns) <= prs.slide_width - Inches(0.8)
        status_col = header.index("Tình trạng")
        filled = [table.cell(i, status_col).fill.fore_color.rgb for i in range(1, len(table.rows))]
        assert all(str(c) != "FFFFFF" for c in filled)  # every status cell in its colour
        for i in range(1, len(table.rows)):
            shown_rows.append([table.cell(i, j).text for j in range(len(header))])
    assert shown_rows == summary.astype(str).values.tolist()


def test_chart_images(demo_store):
    built = slides.build(_ctx(demo_store), ["group:kinh_te"])
    png = images.png(built[0].chart)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = images.svg(built[0].chart)
    assert svg.lstrip().startswith("<svg") and "Tổng giá trị sản xuất" in svg


def test_xlsx_keeps_text_as_text_and_numbers_as_numbers_csv_neutralises():
    frame = pd.DataFrame(
        {
            "name": ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "Phường Bắc Hà"],
            "value": [1.5, 2, -3, 4, 1234.5],
        }
    )
    wb = openpyxl.load_workbook(
        io.BytesIO(exports.to_xlsx(frame, {"name": "Đơn vị", "value": "Giá trị"}))
    )
    ws = wb.active
    assert [c.value for c in ws[1]] == ["Đơn vị", "Giá trị"]
    names = [ws.cell(r, 1).value for r in range(2, 7)]
    # written as they are, typed as text: no formula runs, no apostrophe shows
    assert names == ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "Phường Bắc Hà"]
    assert all(ws.cell(r, 1).data_type == "s" for r in range(2, 7))
    assert ws.cell(6, 2).value == 1234.5 and ws.cell(6, 2).number_format == "#,##0.00"
    assert ws.cell(4, 2).value == -3.0  # a number, not "−3" text
    csv = exports.to_csv(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "\n'+1," in csv


def test_exports_say_what_and_whose_and_demo_first():
    frame = pd.DataFrame({"name": ["Phường A"], "value": [20928.26], "n": [3]})
    lines = exports.title_lines(
        "Thu ngân sách theo phường, xã", ["Đơn vị: Phường A — 9 tháng năm 2026"], demo=True
    )
    ws = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(frame, lines=lines))).active
    assert ws["A1"].value.startswith("DỮ LIỆU MẪU")
    assert ws["A2"].value == "Thu ngân sách theo phường, xã"
    assert ws["A3"].value == "Đơn vị: Phường A — 9 tháng năm 2026"
    assert [c.value for c in ws[5]] == ["name", "value", "n"]
    assert ws["B6"].value == 20928.26 and ws["B6"].number_format == "#,##0.00"
    assert ws["C6"].value == 3 and ws["C6"].number_format == "#,##0"
    excel = exports.to_csv(frame, excel_vn=True, lines=lines).decode("utf-8-sig").splitlines()
    assert excel[0].startswith("DỮ LIỆU MẪU")
    assert excel[-2:] == ["name;value;n", "Phường A;20928,26;3"]
    plain = exports.to_csv(frame).decode("utf-8-sig").splitlines()
    assert plain == ["name,value,n", "Phường A,20928.26,3"]


def test_brief_docx_and_text(demo_store):
    report = brief.build(
        unit_view(demo_store, Selection(2, "Thành phố Hà Tĩnh", Period(2024, 1, 6)))
    )
    view = unit_view(demo_store, Selection(2, "Thành phố Hà Tĩnh", Period(2024, 1, 6)))
    figures = slides.summary_table(view)
    data = document.docx(
        report, unit_name="Thành phố Hà Tĩnh", parent_name="Tỉnh Hà Tĩnh", table=figures, demo=True
    )
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert report.title in text and "Cần chú ý" in text and "BÁO CÁO" in text
    assert "ước đạt" in text or "đạt" in text
    assert doc.paragraphs[0].text.startswith("DỮ LIỆU MẪU")
    # Nghị định 30/2020: A4, margins 20/20/30/15 mm, Times New Roman, body 14
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin)] == [20, 20]
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs}
    assert fonts == {"Times New Roman"}
    body = [p for p in doc.paragraphs if p.text == report.paragraphs[0][1]][0]
    assert body.runs[0].font.size.pt == 14
    heading, figures_table, closing = doc.tables
    top = heading.rows[0].cells
    assert "UBND THÀNH PHỐ HÀ TĨNH" in top[0].text and "Số:" in top[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in top[1].text
    assert "Độc lập - Tự do - Hạnh phúc" in top[1].text and "Hà Tĩnh, ngày" in top[1].text
    assert figures_table.rows[0].cells[0].text == "Chỉ tiêu" and len(figures_table.rows) > 5
    assert "Nơi nhận:" in closing.rows[0].cells[0].text
    assert "TM. ỦY BAN NHÂN DÂN" in closing.rows[0].cells[1].text
    assert section.different_first_page_header_footer  # page numbers from page 2
    plain = document.text(report).decode("utf-8")
    assert "nan" not in plain.lower().split() and "None" not in plain


def test_the_report_summary_exports_numbers_not_text(demo_store):
    ward = int(
        demo_store.execute(
            "SELECT unit_id FROM admin_units WHERE code = '18100' AND valid_to IS NULL"
        ).fetchone()[0]
    )
    view = unit_view(demo_store, Selection(ward, "Phường Trần Phú", Period(2026, 1, 9)))
    table, headers = slides.summary_numbers(view)
    data = exports.to_xlsx(table, headers, lines=exports.title_lines("Tổng hợp", demo=True))
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws["A1"].value.startswith("DỮ LIỆU MẪU")
    header = [c.value for c in ws[4]]
    assert header[:4] == ["Chỉ tiêu", "Đơn vị tính", "Thực hiện", "Loại số liệu"]
    values = [ws.cell(r, 3).value for r in range(5, ws.max_row + 1)]
    assert values and all(isinstance(v, int | float) for v in values)  # number cells
    by_name = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
    assert header[5:9] == ["So kế hoạch", "Đơn vị so kế hoạch", "So cùng kỳ", "Đơn vị so cùng kỳ"]
    assert {ws.cell(r, 9).value for r in by_name.values()} <= {"%", "điểm %"}
    assert {ws.cell(r, 7).value for r in by_name.values()} == {"% kế hoạch"}  # no rate here
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(t.startswith("'") or "\u2212" in t for t in texts)
    assert any("tính từ" in t for t in texts)  # its same period is rebuilt, and says so


def test_a_lower_is_better_rate_is_compared_with_its_plan_in_points(demo_store):
    """The city's poverty rate (1,79 % against a ceiling of 1,65 %): 'cao hơn 0,14 điểm phần trăm'
    in the deck's table and the spreadsheet, as in the sentences — never '108,48% kế hoạch'."""
    view = _ctx(demo_store)
    numbers, _ = slides.summary_numbers(view)
    poverty = numbers[numbers.name == "Tỷ lệ hộ nghèo"].iloc[0]
    assert poverty.pct_unit == "điểm % so kế hoạch"
    assert poverty.pct == round(poverty.value - poverty.target, 2) and poverty.pct > 0
    shown = slides.summary_table(view).set_index("Chỉ tiêu")
    gap = shown.loc["Tỷ lệ hộ nghèo", "So kế hoạch"]
    assert gap.startswith("cao hơn ") and gap.endswith(" điểm phần trăm")
    levels = numbers[numbers.pct_unit == "% kế hoạch"]
    assert not levels.empty and (levels.pct == (levels.value / levels.target * 100).round(2)).all()
    assert "hộ nghèo" in brief.build(view).paragraphs[2][1].lower()


def test_a_chart_image_is_16_9_with_title_and_source(demo_store):
    built = slides.build(_ctx(demo_store), ["group:kinh_te"])
    data = images.png(
        built[0].chart,
        scale=1.0,
        title=built[0].title,
        subtitle=["Nguồn: Chỉ tiêu", "DỮ LIỆU MẪU — số liệu minh họa"],
    )
    import struct

    width, height = struct.unpack(">II", data[16:24])  # the PNG header's size
    assert (width, height) == (1280, 720)
    svg = images.svg(built[0].chart, title=built[0].title, subtitle=["Nguồn: Chỉ tiêu"])
    assert "Thành phố Hà Tĩnh" in svg and "Nguồn: Chỉ tiêu" in svg


def test_slide_charts_write_near_black_on_white_for_a_projector(demo_store):
    slide = slides.build(_ctx(demo_store), ["group:kinh_te"])[0]
    config = slide.chart.to_dict()["config"]
    assert config["axis"]["labelColor"] == config["legend"]["labelColor"] == "#111"
    assert config["axis"]["labelFontSize"]["expr"].endswith(": 16")  # 16 px letters, not on a phone
    page_chart = charts.progress_bars(_ctx(demo_store).headline.head(3), big=False).to_dict()
    assert "labelColor" not in page_chart["config"]["axis"]  # the pages keep Streamlit's theme


def test_the_summary_table_shows_the_share_of_plan_due_beside_the_status(demo_store):
    """A flow's status (vượt/đúng/chậm tiến độ) compares its % of plan with the share due by the
    period's end: the table of the deck and of the report shows that share ("~47%"), a level none."""
    view = _ctx(demo_store)
    card = view.headline[view.headline.value.notna()].reset_index(drop=True)
    table = slides.summary_table(view)
    assert list(table.columns).index("Tiến độ cần đạt") == 3
    due = table["Tiến độ cần đạt"].reset_index(drop=True)
    flows = card.is_flow.fillna(False).astype(bool) & (card.expected_pct < 100)
    assert flows.any() and (~flows).any()
    for shown, expected in zip(due[flows], card.expected_pct[flows]):
        assert shown == f"~{round(expected)}%"
    assert (due[~flows] == "—").all()
