"""Tables out: .xlsx and CSV a statistician can reuse.

- .xlsx: a title block (what, which unit and period, the source; "DỮ LIỆU MẪU" first when the
  figures are demo data), then the table with Vietnamese headers. Numbers are number cells with a
  number format (Excel shows them as the user's locale writes them), never text; text is text — a
  cell beginning with "=" is written as a string, not a formula, and nothing gets an apostrophe.
- CSV: either for Vietnamese Excel (`;` between fields, decimal comma: what it opens by
  double-click on a vi-VN machine) or plain (`,` and decimal point, for scripts). UTF-8 with BOM. A
  cell whose text begins with =, +, -, @ (or tab/CR) would run as a formula in a spreadsheet (CSV
  injection): such text gets a leading apostrophe — in CSV only, where there is no cell type.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DEMO_LINE = "DỮ LIỆU MẪU — số liệu minh họa, không phải số liệu thật"
CSV_SUFFIX = {True: "_excel", False: ""}  # the file name says which CSV it is


def neutralise(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def title_lines(title: str, details: Sequence[str] = (), demo: bool = False) -> list[str]:
    """The lines above a table: the demo notice first when the figures are demo data."""
    return [*([DEMO_LINE] if demo else []), title, *[d for d in details if d]]


def _table(frame: pd.DataFrame, headers: dict[str, str] | None) -> pd.DataFrame:
    data = frame[list(headers)] if headers else frame.copy()
    return data.rename(columns=headers or {})


def to_csv(
    frame: pd.DataFrame,
    headers: dict[str, str] | None = None,
    *,
    excel_vn: bool = False,
    lines: Sequence[str] = (),
) -> bytes:
    """`excel_vn`: `;` and decimal comma for Vietnamese Excel. `lines` (title_lines) come first, one
    per row, so a demo file says so on its first line."""
    data = _table(frame, headers)
    for col in data.columns:
        if data[col].dtype == object or pd.api.types.is_string_dtype(data[col]):
            data[col] = data[col].map(neutralise)
    sep, decimal = (";", ",") if excel_vn else (",", ".")
    head = "".join(f"{neutralise(line)}\n" for line in lines)
    body = data.to_csv(index=False, sep=sep, decimal=decimal)
    return (head + body).encode("utf-8-sig")


def _number_format(values: pd.Series) -> str:
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if len(numbers) and (numbers == numbers.round()).all():
        return "#,##0"
    return "#,##0.00"


def to_xlsx(
    frame: pd.DataFrame,
    headers: dict[str, str] | None = None,
    sheet: str = "Số liệu",
    *,
    lines: Sequence[str] = (),
    status_colors: dict[str, str] | None = None,
) -> bytes:
    """The table under its title block (`lines`: title_lines). `status_colors`: text → hex colour
    to fill the cells holding that text (a status column), white bold on the colour."""
    data = _table(frame, headers)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    row = 1
    for i, line in enumerate(lines):
        cell = ws.cell(row, 1, line)
        cell.data_type = TYPE_STRING
        cell.font = Font(bold=i == 0 or line == DEMO_LINE, size=13 if i == 0 else 11)
        if line == DEMO_LINE:
            cell.font = Font(bold=True, color="C00000")
        row += 1
    if lines:
        row += 1  # a blank row between the title block and the table
    header_row = row
    for c, name in enumerate(data.columns, start=1):
        cell = ws.cell(header_row, c, str(name))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    formats = {
        col: _number_format(data[col])
        for col in data.columns
        if pd.api.types.is_numeric_dtype(data[col])
    }
    fills = {
        text: PatternFill("solid", start_color=color.lstrip("#"))
        for text, color in (status_colors or {}).items()
    }
    for r, values in enumerate(data.itertuples(index=False), start=header_row + 1):
        for c, (col, value) in enumerate(zip(data.columns, values), start=1):
            if value is None or (isinstance(value, float) and pd.isna(value)):
                continue
            if col in formats:
                cell = ws.cell(r, c, float(value))
                cell.number_format = formats[col]
            else:
                cell = ws.cell(r, c, str(value))
                cell.data_type = TYPE_STRING  # "=…" stays text, never a formula
                if str(value) in fills:
                    cell.fill = fills[str(value)]
                    cell.font = Font(bold=True, color="FFFFFF")
    for c, col in enumerate(data.columns, start=1):
        width = max([len(str(col)), *(len(str(v)) for v in data[col].head(200))])
        ws.column_dimensions[ws.cell(header_row, c).column_letter].width = min(60, width + 2)
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
