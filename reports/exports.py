"""Tables out: CSV and .xlsx with Vietnamese headers and number formats; formula-like text neutralised.

A cell whose text begins with =, +, -, @ (or tab/CR) would run as a formula in Excel (CSV injection):
such text gets a leading apostrophe.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl.styles import Font

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _prepare(frame: pd.DataFrame, headers: dict[str, str] | None) -> pd.DataFrame:
    data = frame[list(headers)] if headers else frame.copy()
    data = data.rename(columns=headers or {})
    for col in data.columns:
        if data[col].dtype == object or pd.api.types.is_string_dtype(data[col]):
            data[col] = data[col].map(neutralise)
    return data


def to_csv(frame: pd.DataFrame, headers: dict[str, str] | None = None) -> bytes:
    """UTF-8 with BOM so Excel opens Vietnamese text correctly."""
    return _prepare(frame, headers).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(
    frame: pd.DataFrame,
    headers: dict[str, str] | None = None,
    sheet: str = "Số liệu",
    number_format: str = "#,##0.##",
) -> bytes:
    data = _prepare(frame, headers)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        data.to_excel(writer, index=False, sheet_name=sheet[:31])
        ws = writer.sheets[sheet[:31]]
        for col_idx, col in enumerate(data.columns, start=1):
            width = (
                max(len(str(col)), *(len(str(v)) for v in data[col].head(200)))
                if len(data)
                else len(str(col))
            )
            ws.column_dimensions[ws.cell(1, col_idx).column_letter].width = min(60, width + 2)
            if pd.api.types.is_numeric_dtype(data[col]):
                for row in ws.iter_rows(min_row=2, min_col=col_idx, max_col=col_idx):
                    for cell in row:
                        cell.number_format = number_format
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    return buffer.getvalue()
