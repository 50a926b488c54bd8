"""Blank templates generated from the catalog, in layouts the loader reads: a long table (one row
per observation) and a report table (letterhead, title, STT with I/II sections, ĐVT, plan / same
period / estimate columns) like the ones statisticians already make."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from store import Connection
from store.queries import catalog as stored_catalog

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
LONG_HEADERS = ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"]


def _indicators(con: Connection) -> list[dict]:
    frame = stored_catalog.template_indicators(con)
    return frame.to_dict("records")


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def long_template(con: Connection, unit_name: str, year: int, period: str = "6 tháng") -> bytes:
    """One row per indicator × kind for one unit and period, values blank."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhap lieu"
    ws.append(LONG_HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for ind in _indicators(con):
        ws.append([unit_name, ind["name"], year, "Năm", "Kế hoạch", None, ind["measure"]])
        ws.append([unit_name, ind["name"], year, period, "Ước thực hiện", None, ind["measure"]])
    kinds = DataValidation(
        type="list", formula1='"Kế hoạch,Thực hiện,Ước thực hiện"', allow_blank=False
    )
    ws.add_data_validation(kinds)
    kinds.add(f"E2:E{ws.max_row}")
    for col, width in zip("ABCDEFG", (24, 46, 8, 14, 16, 14, 16)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    return _save(wb)


def report_template(con: Connection, unit_name: str, year: int, months: int = 6) -> bytes:
    """The usual "biểu tổng hợp" of a period: plan of the year, same period last year, estimate."""
    period = "cả năm" if months == 12 else f"{months} tháng"
    wb = Workbook()
    ws = wb.active
    ws.title = f"Bieu {months}T-{year}"
    ws["A1"] = f"UBND {unit_name.upper()}"
    ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["D2"] = "Độc lập - Tự do - Hạnh phúc"
    ws["A4"] = (
        f"BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI {period.upper()} NĂM {year}"
    )
    ws.merge_cells("A4:H4")
    ws["A4"].font = Font(bold=True, size=13)
    ws["A4"].alignment = Alignment(horizontal="center")
    headers = [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        f"Kế hoạch năm {year}",
        f"Thực hiện {period} năm {year - 1}",
        f"Ước thực hiện {period} năm {year}",
        "So sánh (%)",
        None,
    ]
    for col, text in enumerate(headers, start=1):
        ws.cell(6, col, text).font = Font(bold=True)
    ws.cell(7, 7, "So KH").font = Font(bold=True)
    ws.cell(7, 8, "So CK").font = Font(bold=True)
    ws.merge_cells("G6:H6")
    for letter in "ABCDEF":
        ws.merge_cells(f"{letter}6:{letter}7")
    row, group, section, number = 8, None, 0, 0
    for ind in _indicators(con):
        if ind["group_code"] != group:
            group = ind["group_code"]
            ws.cell(row, 1, ROMAN[section]).font = Font(bold=True)
            ws.cell(row, 2, ind["group_name"].upper()).font = Font(bold=True)
            section += 1
            row += 1
        if ind["parent_code"]:
            ws.cell(row, 1, "-")
        else:
            number += 1
            ws.cell(row, 1, str(number))
        ws.cell(row, 2, ind["name"])
        ws.cell(row, 3, ind["measure"])
        ws.cell(row, 7, f'=IF(D{row}>0,F{row}/D{row}*100,"")')
        ws.cell(row, 8, f'=IF(E{row}>0,F{row}/E{row}*100,"")')
        row += 1
    for letter, width in zip("ABCDEFGH", (6, 48, 14, 14, 16, 16, 10, 10)):
        ws.column_dimensions[letter].width = width
    return _save(wb)
