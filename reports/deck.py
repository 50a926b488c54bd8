"""The giao ban deck as .pptx (python-pptx): a title slide, one slide per chart with its sentence,
and the summary table (split over slides of TABLE_ROWS indicators)."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from indicators import progress
from reports import images
from reports.slides import Slide

WIDE = (Inches(13.333), Inches(7.5))
BLUE = RGBColor(0x0B, 0x53, 0x94)
TABLE_ROWS = 10  # indicators per table slide: at 14 pt a row of two lines is ~0,55 in
# Chỉ tiêu, Thực hiện, So kế hoạch, Tiến độ cần đạt, So cùng kỳ, Tình trạng
TABLE_SHARES = [31, 15, 14, 9, 15, 16]


def _text(
    slide, text: str, left, top, width, height, size: int, bold: bool = False, color=None
) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    para = frame.paragraphs[0]
    para.text = text
    para.font.size = Pt(size)
    para.font.bold = bold
    if color is not None:
        para.font.color.rgb = color


def build(
    slides: list[Slide],
    unit_name: str,
    period: str,
    table: pd.DataFrame | None = None,
    on: date | None = None,
    basis: str = "",
) -> bytes:
    """`basis`: which figures the deck uses ("Số liệu: chỉ số liệu đã duyệt."), on the title slide."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDE
    blank = prs.slide_layouts[6]
    width = prs.slide_width

    first = prs.slides.add_slide(blank)
    _text(
        first,
        "BÁO CÁO GIAO BAN",
        Inches(0.8),
        Inches(1.6),
        width - Inches(1.6),
        Inches(0.8),
        24,
        True,
        BLUE,
    )
    _text(
        first,
        f"Tình hình thực hiện các chỉ tiêu kinh tế - xã hội {period}",
        Inches(0.8),
        Inches(2.5),
        width - Inches(1.6),
        Inches(1.2),
        36,
        True,
    )
    _text(first, unit_name, Inches(0.8), Inches(4.0), width - Inches(1.6), Inches(0.8), 28)
    _text(
        first,
        f"Ngày {(on or date.today()).strftime('%d/%m/%Y')}",
        Inches(0.8),
        Inches(5.0),
        width - Inches(1.6),
        Inches(0.6),
        18,
    )
    if basis:
        _text(first, basis, Inches(0.8), Inches(5.6), width - Inches(1.6), Inches(0.6), 16)

    for item in slides:
        slide = prs.slides.add_slide(blank)
        _text(
            slide,
            item.title,
            Inches(0.4),
            Inches(0.25),
            width - Inches(0.8),
            Inches(0.8),
            24,
            True,
            BLUE,
        )
        picture = images.png(item.chart, width=1200, scale=2)
        pic = slide.shapes.add_picture(
            io.BytesIO(picture), Inches(0.4), Inches(1.05), width=width - Inches(0.8)
        )
        max_height = Inches(4.6)
        if pic.height > max_height:  # keep room for the sentence
            ratio = max_height / pic.height
            pic.height = Emu(int(pic.height * ratio))
            pic.width = Emu(int(pic.width * ratio))
            pic.left = Emu(int((width - pic.width) / 2))
        top = pic.top + pic.height + Inches(0.15)
        room = prs.slide_height - top - Inches(0.2)
        size = (
            18
            if len(item.sentence) < 260
            else 15
            if len(item.sentence) < 450
            else 12
            if len(item.sentence) < 750
            else 10
        )
        _text(slide, item.sentence, Inches(0.5), top, width - Inches(1.0), room, size)
        if item.notes:  # the whole text for the presenter (Ghi chú in PowerPoint)
            slide.notes_slide.notes_text_frame.text = item.notes

    if table is not None and not table.empty:
        _table_slides(prs, table, f"Tổng hợp các chỉ tiêu — {unit_name}, {period}")
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _table_slides(prs, table: pd.DataFrame, title: str) -> None:
    """The summary table over as many slides as its rows need (TABLE_ROWS each, "(1/3)"…): every
    indicator is in the deck, and no row runs off the slide's bottom on a projector."""
    blank, width = prs.slide_layouts[6], prs.slide_width
    colors = {
        progress.status_label(c): progress.status_color(c)
        for c in progress.status_table()["status"]
    }
    parts = [table.iloc[i : i + TABLE_ROWS] for i in range(0, len(table), TABLE_ROWS)]
    for n, part in enumerate(parts, 1):
        slide = prs.slides.add_slide(blank)
        numbered = f"{title} ({n}/{len(parts)})" if len(parts) > 1 else title
        _text(
            slide,
            numbered,
            Inches(0.4),
            Inches(0.25),
            width - Inches(0.8),
            Inches(0.8),
            24,
            True,
            BLUE,
        )
        grid = slide.shapes.add_table(
            len(part) + 1,
            len(part.columns),
            Inches(0.4),
            Inches(1.05),
            width - Inches(0.8),
            Inches(0.3) * (len(part) + 1),
        ).table
        for j, col in enumerate(part.columns):
            grid.cell(0, j).text = str(col)
        for i, values in enumerate(part.itertuples(index=False), 1):
            for j, value in enumerate(values):
                cell = grid.cell(i, j)
                cell.text = str(value)
                if str(value) in colors:  # the status cell in its status colour, as on the page
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor.from_string(colors[str(value)].lstrip("#"))
                    for run in cell.text_frame.paragraphs[0].runs:
                        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                        run.font.bold = True
        for row in grid.rows:
            for cell in row.cells:
                for paragraph in cell.text_frame.paragraphs:
                    paragraph.font.size = Pt(14)
        _column_widths(grid, width - Inches(0.8))


def _column_widths(grid, total) -> None:
    """The summary table's own widths (names wide, "~48%" narrow); even for any other table."""
    n = len(grid.columns)
    shares = TABLE_SHARES if n == len(TABLE_SHARES) else [1] * n
    for column, share in zip(grid.columns, shares):
        column.width = Emu(int(total * share / sum(shares)))
