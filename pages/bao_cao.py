"""Báo cáo: the report paragraphs written from the data, to copy or download (.docx, .txt), with the
summary table (.xlsx) and the deck (.pptx)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from indicators import progress
from reports import brief, deck, document, exports, slides
from reports.unit_view import unit_view
from ui import filters, layout

con = layout.page("Báo cáo", icon="📝")
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào. Vào **Tải dữ liệu lên** để nạp biểu báo cáo.")
    st.stop()
view = unit_view(con, sel)
report = replace(brief.build(view), basis=st.session_state.get("approval_note", ""))
st.subheader(report.title)
if not report.paragraphs:
    st.info("Chưa có số liệu của đơn vị cho kỳ này để viết báo cáo.")
for heading, body in report.paragraphs:
    st.markdown(f"**{heading}**")
    st.markdown(body)
if report.summary:
    st.markdown(report.summary)
st.markdown(report.attention)  # begins with "Cần chú ý:"
if report.history:
    st.caption(report.history)
st.caption(report.basis)
st.text_area("Văn bản để sao chép", report.text(), height=220, key="brief_text")

name = f"bao_cao_{sel.year}_{sel.period.key}"


def _deck() -> bytes:
    deck_slides = slides.build(view, slides.default_keys(slides.options(view)))
    return deck.build(
        deck_slides,
        sel.unit_name,
        sel.period.title,
        slides.summary_table(view),
        basis=slides.deck_basis(view, report.basis),
    )


# every file is built when its button is clicked, not on every rerun
a, b, c, d = st.columns(4)
a.download_button(
    "Word (.docx)",
    lambda: document.docx(
        report,
        unit_name=sel.unit_name,
        parent_name=view.parent_name,
        table=slides.summary_table(view),
        demo=bool(st.session_state.get("demo_data")),
    ),
    f"{name}.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    on_click="ignore",
)
b.download_button(
    "Văn bản (.txt)", lambda: document.text(report), f"{name}.txt", "text/plain", on_click="ignore"
)


def _summary_xlsx() -> bytes:
    table, headers = slides.summary_numbers(view)
    lines = exports.title_lines(
        report.title,
        [f"Nguồn: Chỉ tiêu — {report.basis}", report.history],
        demo=bool(st.session_state.get("demo_data")),
    )
    colors = {
        progress.status_label(c): progress.status_color(c)
        for c in progress.status_table()["status"]
    }
    return exports.to_xlsx(table, headers, "Tổng hợp", lines=lines, status_colors=colors)


c.download_button(
    "Bảng tổng hợp (.xlsx)",
    _summary_xlsx,
    f"{name}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
)
d.download_button(
    "Bộ trình chiếu (.pptx)",
    _deck,
    f"giao_ban_{sel.year}_{sel.period.key}.pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    on_click="ignore",
)
