"""The print view (`?print=1`) of Tổng quan and Phường/xã: A4 landscape, no sidebar, no Streamlit
chrome, no widgets, the unit, period and basis of the figures on top, and a button that opens the
browser's print dialog (print or save as PDF). The page itself drawn at the printed width, so the
charts are laid out for the paper rather than scaled from a wide screen."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from ui.text import md

PRINT_PARAM = "print"
PAPER_WIDTH_PX = 1040  # A4 landscape (297 mm) less 2 × 10 mm margins, at 96 px a inch
# units per by-unit chart on paper: 20 rows of 28 px, axis and legend fit the page's 718 px height
ROWS_PER_PAGE = 20

# What paper does not need: the sidebar, Streamlit's header and toolbars, buttons, pickers, the
# link-copy and keyboard frames, folded details.
_HIDDEN = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stExpandSidebarButton"],
[data-testid="stExpander"], [data-testid="stButton"],
[data-testid="stDownloadButton"], [data-testid="stLinkButton"], [data-testid="stSelectbox"],
[data-testid="stMultiSelect"], [data-testid="stStatusWidget"] {display: none !important;}
"""
_FRAMES = """[data-testid="stIFrame"], iframe {display: none !important;}"""
_FLOW = """
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"], section.main
  {overflow: visible !important; height: auto !important; position: static !important;}
[data-testid="stVegaLiteChart"], [data-testid="stTable"] tr, .kpi, .status-counts
  {break-inside: avoid;}
h1, h2, h3, h4 {break-after: avoid;}
/* a scrolling or inline box is cut as one piece: the tables flow over pages, their header repeated */
[data-testid="stTable"], [data-testid="stTable"] > div {overflow: visible !important; height: auto !important;}
[data-testid="stTable"] table {display: table !important;}
"""
# Always on: the browser's own print (Ctrl+P) of any page leaves the chrome out too.
PRINT_CSS = (
    "<style>@page {size: A4 landscape; margin: 10mm;}\n@media print {"
    + _HIDDEN
    + _FRAMES
    + _FLOW
    + "}</style>"
)
_SCREEN_CSS = (
    "<style>"
    + _HIDDEN
    + f"""[data-testid="stMainBlockContainer"], .block-container {{max-width: {PAPER_WIDTH_PX}px !important;
  padding: 0.6rem 0 1rem !important; margin: 0 auto;}}
[data-testid="stMain"] {{background: #fff;}}
</style>"""
)
# Constant HTML, nothing from the page in it; shown on screen only (frames are not printed).
_BUTTON = """
<style>button {font: 15px "Source Sans Pro", sans-serif; padding: 6px 14px; border-radius: 8px;
  border: 1px solid #0b5394; background: #0b5394; color: #fff; cursor: pointer}</style>
<button type="button" data-testid="print-now" onclick="window.parent.print()">In / Lưu PDF (A4 ngang)</button>
"""


def printing() -> bool:
    return st.query_params.get(PRINT_PARAM) == "1"


def offer(unit_name: str, period_title: str) -> bool:
    """On a normal page: a link to its print view (a new tab, the same choices). In the print view:
    the paper's header and the print button. Returns whether this is the print view."""
    if not printing():
        params = {k: st.query_params.get(k) for k in st.query_params}
        st.sidebar.link_button(
            "Bản in (A4 ngang)",
            "?" + urlencode({**params, PRINT_PARAM: "1"}),
            icon=":material/print:",
            width="stretch",
        )
        return False
    st.html(_SCREEN_CSS)
    st.iframe(_BUTTON, height=46)
    basis = st.session_state.get("approval_note", "")
    st.caption(
        f"Bản in ngày {date.today():%d/%m/%Y} · {md(unit_name)} · {md(period_title)} · Nguồn: Chỉ tiêu"
        + (f" · {md(basis)}" if basis else "")
    )
    return True
