"""The report .docx as a reader sees it: rendered by LibreOffice to PDF, it is A4 portrait, every
glyph set in the Times New Roman metric font (no fallback font for a Vietnamese letter), quốc hiệu on
one line, and the figures readable in reading order."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from reports import brief, document, slides
from reports.unit_view import Selection, unit_view
from vn.periods import Period

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (make office installs it)"
)


@pytest.fixture(scope="module")
def rendered(demo_db_path, tmp_path_factory):
    from pypdf import PdfReader

    import store

    folder = tmp_path_factory.mktemp("render")
    con = store.open_store(demo_db_path)
    try:
        view = unit_view(con, Selection(2, "Thành phố Hà Tĩnh", Period(2024, 1, 6)))
        report = brief.build(view)
        data = document.docx(
            report,
            unit_name="Thành phố Hà Tĩnh",
            parent_name="Tỉnh Hà Tĩnh",
            table=slides.summary_table(view),
            demo=True,
        )
    finally:
        con.close()
    (folder / "bao_cao.docx").write_bytes(data)
    subprocess.run(
        [
            str(SOFFICE),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder / 'profile'}",  # no shared profile to lock
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "bao_cao.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return report, PdfReader(folder / "bao_cao.pdf")


def test_the_report_renders_on_a4_portrait(rendered):
    _, pdf = rendered
    assert len(pdf.pages) >= 2
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


def test_every_letter_is_set_in_the_times_metric_font(rendered):
    _, pdf = rendered
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    # Times New Roman, or its metric twin where it is not installed; a DejaVu or other fallback
    # would mean a letter the document's font lacks
    assert fonts and all(f.startswith(("TimesNewRoman", "LiberationSerif")) for f in fonts), fonts


def test_the_heading_and_the_figures_read_in_order(rendered):
    report, pdf = rendered
    first = pdf.pages[0].extract_text()
    lines = [line.strip() for line in first.splitlines()]
    assert lines[0].startswith("DỮ LIỆU MẪU")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines  # quốc hiệu on one line
    assert "Độc lập - Tự do - Hạnh phúc" in lines and "UBND THÀNH PHỐ HÀ TĨNH" in lines
    assert any(line.startswith("Hà Tĩnh, ngày ") for line in lines) and "BÁO CÁO" in lines
    text = " ".join(page.extract_text() for page in pdf.pages)
    flat = " ".join(text.split())
    assert report.paragraphs[0][1][:60] in flat  # the first sentence, letters intact
    assert "Biểu tổng hợp các chỉ tiêu" in flat and "Nơi nhận:" in flat
    assert "TM. ỦY BAN NHÂN DÂN" in flat and "CHỦ TỊCH" in flat
