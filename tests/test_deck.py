"""Exports: the .pptx deck opens with python-pptx and has the expected slides; charts render to PNG
and SVG; tables export to .xlsx with Vietnamese headers and neutralised formulas; the .docx opens."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from docx import Document
from pptx import Presentation

from reports import brief, deck, document, exports, images, slides
from reports.unit_view import Selection, unit_view
from vn.periods import Period


def _ctx(con):
    return unit_view(con, Selection(2, "Thành phố Hà Tĩnh", Period(2024, 1, 6)))


def test_deck_has_title_chart_and_table_slides(demo_store):
    ctx = _ctx(demo_store)
    keys = slides.default_keys(slides.options(ctx))
    built = slides.build(ctx, keys)
    assert len(built) == len(keys) >= 5
    data = deck.build(
        built, ctx.selection.unit_name, ctx.selection.period.title, slides.summary_table(ctx)
    )
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == len(built) + 2
    texts = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in prs.slides]
    assert any("Thành phố Hà Tĩnh" in t for t in texts[0]) and any(
        "6 tháng năm 2024" in t for t in texts[0]
    )
    for slide, item in zip(list(prs.slides)[1:-1], built):
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture
        shown = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert item.title in shown and item.sentence in shown
        assert "6 tháng năm 2024" in item.title and "Hà Tĩnh" in item.title
    table = [s for s in list(prs.slides)[-1].shapes if s.has_table][0].table
    assert table.cell(0, 0).text == "Chỉ tiêu"
    assert "Tổng giá trị sản xuất" in [table.cell(i, 0).text for i in range(1, len(table.rows))]


def test_chart_images(demo_store):
    built = slides.build(_ctx(demo_store), ["group:kinh_te"])
    png = images.png(built[0].chart)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = images.svg(built[0].chart)
    assert svg.lstrip().startswith("<svg") and "Tổng giá trị sản xuất" in svg


def test_xlsx_and_csv_neutralise_formulas():
    frame = pd.DataFrame(
        {
            "name": ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "Phường Bắc Hà"],
            "value": [1.5, 2, 3, 4, 1234.5],
        }
    )
    wb = openpyxl.load_workbook(
        io.BytesIO(exports.to_xlsx(frame, {"name": "Đơn vị", "value": "Giá trị"}))
    )
    ws = wb.active
    assert [c.value for c in ws[1]] == ["Đơn vị", "Giá trị"]
    names = [ws.cell(r, 1).value for r in range(2, 7)]
    assert (
        names[:4] == ['\'=HYPERLINK("x")', "'+1", "'-2", "'@SUM(A1)"]
        and names[4] == "Phường Bắc Hà"
    )
    assert all(ws.cell(r, 1).data_type == "s" for r in range(2, 7))
    assert ws.cell(6, 2).value == 1234.5 and ws.cell(6, 2).number_format == "#,##0.##"
    csv = exports.to_csv(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "\n'+1," in csv


def test_brief_docx_and_text(demo_store):
    report = brief.build(
        unit_view(demo_store, Selection(2, "Thành phố Hà Tĩnh", Period(2024, 1, 6)))
    )
    doc = Document(io.BytesIO(document.docx(report)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert report.title in text and "Cần chú ý" in text
    assert "ước đạt" in text or "đạt" in text
    plain = document.text(report).decode("utf-8")
    assert "nan" not in plain.lower().split() and "None" not in plain
