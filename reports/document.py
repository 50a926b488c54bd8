"""The report paragraphs as .docx (python-docx) or plain text, to paste into the written report."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt

from reports.brief import Brief


def docx(brief: Brief) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    doc.add_heading(brief.title, level=1)
    for heading, body in brief.paragraphs:
        doc.add_heading(heading, level=2)
        doc.add_paragraph(body)
    if brief.summary:
        doc.add_paragraph(brief.summary)
    doc.add_paragraph(brief.attention)  # begins with "Cần chú ý:"
    if brief.history:
        doc.add_paragraph(brief.history).runs[0].italic = True
    if brief.basis:
        doc.add_paragraph(brief.basis).runs[0].italic = True
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def text(brief: Brief) -> bytes:
    return brief.text().encode("utf-8")
