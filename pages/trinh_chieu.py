"""Trình chiếu: one chart per slide, full width, large fonts, with its sentence; ←/→ or the buttons
move between slides; the leader picks the slides. The deck downloads as .pptx."""

from __future__ import annotations

import streamlit as st

import store
from reports import deck, images, slides
from reports.unit_view import unit_view
from ui import filters, keys, layout
from ui.text import h

DECK_STATE = "slide_deck"
PRESENT_PARAM = "present"  # ?present=1: the slide alone, for the projector (F toggles it)
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stExpandSidebarButton"]
  {display: none !important;}
[data-testid="stMainBlockContainer"], .block-container {padding-top: 0.3rem !important;
  padding-bottom: 0.5rem !important; max-width: 100% !important;}
[data-testid="stMain"] [data-testid="stVerticalBlock"] {gap: 0.45rem;}
[data-testid="stMain"] {background: #fff; color: #000;}
.slide-title {color: #08306b !important;} .slide-sentence {color: #000 !important;}
</style>"""


def _go_to(number: int) -> None:
    """Before the run the click starts: that one run draws the new slide (no second rerun)."""
    st.query_params["slide"] = str(number)


con = layout.page("Trình chiếu", icon="🖥️", compact=True)
sel = filters.unit_year_period(con)
if sel is None:
    st.warning("Kho dữ liệu chưa có số liệu nào. Vào **Tải dữ liệu lên** để nạp biểu báo cáo.")
    st.stop()
view = unit_view(con, sel)
options = slides.options(view)
if not options:
    st.info("Chưa có số liệu kèm kế hoạch để trình chiếu cho đơn vị và kỳ này.")
    st.stop()
labels = dict(options)
with st.sidebar:
    picked = st.multiselect(
        "Chọn trang trình chiếu",
        list(labels),
        default=slides.default_keys(options),
        format_func=labels.get,
        key="slide_keys",
    )
# The deck is built once per choice (unit, period, boundaries, slides, figures) and kept in the
# session: a step to the next slide only draws that slide's chart (bench/slide_bench.py).
deck_key = (sel, tuple(picked), st.session_state.get("approved_only"), store.data_version(con))
kept = st.session_state.get(DECK_STATE)
if kept is None or kept[0] != deck_key:
    kept = (deck_key, slides.build(view, picked))
    st.session_state[DECK_STATE] = kept
deck_slides = kept[1]
if not deck_slides:
    st.info("Chọn ít nhất một trang trình chiếu ở thanh bên.")
    st.stop()
n = len(deck_slides)

st.markdown(
    """<style>
.slide-title {font-size: 2.0rem; font-weight: 700; color: #0b5394; line-height: 1.2; margin: 0 0 .3rem}
.slide-sentence {font-size: 1.5rem; line-height: 1.4; color: #111; margin: .3rem 0 .6rem}
.slide-count {font-size: 1.1rem; color: #222}
</style>""",
    unsafe_allow_html=True,
)
presenting = st.query_params.get(PRESENT_PARAM) == "1"
if presenting:  # the projector shows the slide only: no sidebar, no Streamlit chrome
    st.markdown(PRESENT_CSS, unsafe_allow_html=True)


def _go_to(number: int) -> None:
    """Before the run the click starts: that run draws the new slide."""
    st.query_params["slide"] = str(number)


@st.fragment
def show_slide() -> None:
    """The slide and everything about it. A step (Trước/Tiếp, ←/→) reruns only this part — not the
    sign-in, the pickers and the deck above it — so the next slide is drawn in well under 0,5 s
    (bench/slide_bench.py)."""
    current = st.query_params.get("slide", "1")
    index = min(max(int(current) if current.isdigit() else 1, 1), n)
    slide = deck_slides[index - 1]
    st.markdown(
        f'<div class="slide-title" data-testid="slide-title">{h(slide.title)}</div>',
        unsafe_allow_html=True,
    )
    st.altair_chart(slide.chart, width="stretch", key=f"slide_chart_{index}")
    st.markdown(
        f'<div class="slide-sentence" data-testid="slide-sentence">{h(slide.sentence)}</div>',
        unsafe_allow_html=True,
    )
    prev_col, count_col, next_col = st.columns([1, 2, 1])
    prev_col.button(
        "Trước",
        icon=":material/arrow_back:",
        disabled=index == 1,
        key="slide_prev",
        width="stretch",
        on_click=_go_to,
        args=(index - 1,),
    )
    count_col.markdown(
        f'<div class="slide-count" style="text-align:center">Trang {index}/{n} · phím ← → để chuyển trang</div>',
        unsafe_allow_html=True,
    )
    next_col.button(
        "Tiếp",
        icon=":material/arrow_forward:",
        disabled=index == n,
        key="slide_next",
        width="stretch",
        on_click=_go_to,
        args=(index + 1,),
    )
    if st.button(
        "Thoát trình chiếu (F)" if presenting else "Trình chiếu toàn màn hình (F)",
        icon=":material/fullscreen_exit:" if presenting else ":material/fullscreen:",
        key="slide_present",
    ):
        if presenting:
            del st.query_params[PRESENT_PARAM]
        else:
            st.query_params[PRESENT_PARAM] = "1"
        st.rerun(scope="app")  # the page's style changes: the whole page runs again
    with st.expander("Ghi chú người trình bày"):
        st.markdown(h(slide.notes))
    downloads(slide, index)


def downloads(slide: slides.Slide, index: int) -> None:
    with st.expander("Tải xuống"):
        # each file is built when its button is clicked, not on every rerun (a PNG alone takes 0,4–1,5 s)
        name = f"trang_{index}_{sel.year}_{sel.period.key}"
        image_notes = [
            "Nguồn: Chỉ tiêu — "
            + st.session_state.get("approval_note", "số liệu báo cáo của các đơn vị"),
            "DỮ LIỆU MẪU — số liệu minh họa" if st.session_state.get("demo_data") else "",
        ]
        a, b, c = st.columns(3)
        a.download_button(
            "Biểu đồ (.png)",
            lambda: images.png(slide.chart, title=slide.title, subtitle=image_notes),
            f"{name}.png",
            "image/png",
            key="dl_png",
            on_click="ignore",
        )
        b.download_button(
            "Biểu đồ (.svg)",
            lambda: images.svg(slide.chart, title=slide.title, subtitle=image_notes),
            f"{name}.svg",
            "image/svg+xml",
            key="dl_svg",
            on_click="ignore",
        )
        c.download_button(
            "Bộ trình chiếu (.pptx)",
            lambda: deck.build(
                deck_slides,
                sel.unit_name,
                sel.period.title,
                slides.summary_table(view),
                basis=slides.deck_basis(view, st.session_state.get("approval_note", "")),
            ),
            f"giao_ban_{sel.year}_{sel.period.key}.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            key="dl_pptx",
            on_click="ignore",
        )


show_slide()
keys.arrow_keys()
