"""The giao ban deck as .pptx (python-pptx): a title slide, one slide per chart with its sentence,
and a summary table slide."""

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
        slide = prs.slides.add_slide(blank)
        _text(
            slide,
            f"Tổng hợp các chỉ tiêu — {unit_name}, {period}",
            Inches(0.4),
            Inches(0.25),
            width - Inches(0.8),
            Inches(0.8),
            24,
            True,
            BLUE,
        )
        rows = min(len(table), 18)
        shape = slide.shapes.add_table(
            rows + 1,
            len(table.columns),
            Inches(0.4),
            Inches(1.05),
            width - Inches(0.8),
            Inches(0.3) * (rows + 1),
        )
        grid = shape.table
        for j, col in enumerate(table.columns):
            grid.cell(0, j).text = str(col)
        colors = {
            progress.status_label(c): progress.status_color(c)
            for c in progress.status_table()["status"]
        }
        for i in range(rows):
            for j, value in enumerate(table.iloc[i]):
                cell = grid.cell(i + 1, j)
                cell.text = str(value)
                if str(value) in colors:  # the status cell in its status colour, as on the page
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor.from_string(colors[str(value)].lstrip("#"))
                    for run in cell.text_frame.paragraphs[0].runs:
                        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                        run.font.bold = True
        for r in grid.rows:
            for c in r.cells:
                for p in c.text_frame.paragraphs:
                    p.font.size = Pt(12)
        first_col = Inches(4.6)
        grid.columns[0].width = first_col
        rest = int((width - Inches(0.8) - first_col) / max(1, len(table.columns) - 1))
        for j in range(1, len(table.columns)):
            grid.columns[j].width = Emu(rest)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
