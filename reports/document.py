"""The report as a .docx in the administrative layout of Nghị định 30/2020/NĐ-CP (domain.md §10.1):
A4 portrait, margins 20/20/30/15 mm, Times New Roman; the issuing body at top left with its number
placeholder, quốc hiệu and tiêu ngữ at top right, place and date in italics, "BÁO CÁO" and the
subject, the paragraphs (size 14), the summary table, "Nơi nhận" and the signature block; page
numbers from the second page. The plain text is for pasting."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reports.brief import Brief

FONT = "Times New Roman"
BODY_SIZE = 14
HEADING_WIDTHS = [
    70,
    95,
]  # of the 165 mm text width: quốc hiệu (12 pt bold) needs ~90 mm on one line
# Chỉ tiêu, Thực hiện, So kế hoạch, Tiến độ cần đạt, So cùng kỳ, Tình trạng
FIGURE_WIDTHS = [40, 27, 24, 18, 26, 30]
DEMO_NOTICE = "DỮ LIỆU MẪU — số liệu minh họa, không phải số liệu thật"


def _run(paragraph, text: str, size: float = BODY_SIZE, bold=False, italic=False):
    run = paragraph.add_run(text)
    run.font.name = FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # Vietnamese text keeps the font
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    return run


def _paragraph(container, text: str = "", *, size=BODY_SIZE, bold=False, italic=False, align=None):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(3)
    if text:
        _run(paragraph, text, size, bold, italic)
    return paragraph


def _page_number_from_second_page(section) -> None:
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)
    run.font.name, run.font.size = FONT, Pt(13)


def _widths(grid, millimetres: list[int]) -> None:
    """Fixed column widths that Word and LibreOffice both keep: LibreOffice reads the table grid,
    Word each cell's width; python-docx's cell.width alone is ignored by LibreOffice."""
    grid.autofit = False
    for column, mm in zip(grid.columns, millimetres):
        column.width = Mm(mm)
        for cell in column.cells:
            cell.width = Mm(mm)


def _heading_block(doc, unit_name: str, parent_name: str, place: str, on: date) -> None:
    grid = doc.add_table(rows=1, cols=2)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(grid, HEADING_WIDTHS)
    left, right = grid.rows[0].cells
    first = left.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if parent_name:
        _run(first, parent_name.upper(), 13)
        first = _paragraph(left, align=WD_ALIGN_PARAGRAPH.CENTER)
    _run(
        first,
        f"UBND {unit_name.upper()}"
        if not unit_name.upper().startswith("UBND")
        else unit_name.upper(),
        13,
        bold=True,
    )
    _paragraph(left, "Số:      /BC-UBND", size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    top = right.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    motto = _paragraph(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    motto.runs[0].underline = True
    _paragraph(
        right,
        f"{place}, ngày {on.day:02d} tháng {on.month:02d} năm {on.year}",
        size=14,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )


def _figures(doc, table: pd.DataFrame) -> None:
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, table.columns):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], str(name), 12, bold=True)
    _repeat_header(grid.rows[0])
    for values in table.itertuples(index=False):
        cells = grid.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, values)):
            if 0 < i < len(values) - 1:  # figures line up on the right, names and status left
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _run(cell.paragraphs[0], "" if value is None else str(value), 12)
    if len(table.columns) == len(FIGURE_WIDTHS):
        _widths(grid, FIGURE_WIDTHS)


def _repeat_header(row) -> None:
    """The header row repeats on every page the table runs over."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def docx(
    brief: Brief,
    *,
    unit_name: str = "",
    parent_name: str = "",
    place: str = "Hà Tĩnh",
    on: date | None = None,
    table: pd.DataFrame | None = None,
    demo: bool = False,
) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY_SIZE)
    _page_number_from_second_page(section)
    if demo:
        _paragraph(doc, DEMO_NOTICE, size=12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _heading_block(doc, unit_name or "", parent_name, place, on or date.today())
    _paragraph(doc)
    _paragraph(doc, "BÁO CÁO", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, brief.title, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for heading, body in brief.paragraphs:
        _paragraph(doc, heading, bold=True)
        body_paragraph = _paragraph(doc, body, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        body_paragraph.paragraph_format.first_line_indent = Mm(10)
    if brief.summary:
        _paragraph(doc, brief.summary, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _paragraph(doc, brief.attention, align=WD_ALIGN_PARAGRAPH.JUSTIFY)  # "Cần chú ý: …"
    if table is not None and not table.empty:
        _paragraph(doc, "Biểu tổng hợp các chỉ tiêu", bold=True)
        _figures(doc, table)
    for note in (brief.history, brief.basis):
        if note:
            _paragraph(doc, note, size=12, italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    closing = doc.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    _run(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True)
    for line in ("- Thường trực Đảng ủy, HĐND;", "- Chủ tịch, các PCT UBND;", "- Lưu: VT."):
        _paragraph(left, line, size=11)
    sign = right.paragraphs[0]
    sign.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(sign, "TM. ỦY BAN NHÂN DÂN", 13, bold=True)
    _paragraph(right, "CHỦ TỊCH", size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def text(brief: Brief) -> bytes:
    return brief.text().encode("utf-8")
