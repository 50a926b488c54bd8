"""Blank templates from the catalog load once filled in."""

from __future__ import annotations

import io

import openpyxl

import loaders
from loaders import templates


def _fill(data: bytes, columns: dict[int, float], first_row: int) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    for row in range(first_row, ws.max_row + 1):
        if ws.cell(row, 2).value and ws.cell(row, 3).value not in (None, ""):
            for col, value in columns.items():
                ws.cell(row, col, value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_long_template_loads_when_filled(empty_store):
    blank = templates.long_template(empty_store, "Phường Trần Phú", 2020)
    assert not loaders.parse_upload("blank.xlsx", blank, empty_store).ok  # nothing to load yet
    filled = _fill(blank, {6: 12.5}, first_row=2)
    result = loaders.parse_upload("filled.xlsx", filled, empty_store)
    assert result.ok, [loaders.format_line(p) for p in result.errors]
    n_rows = openpyxl.load_workbook(io.BytesIO(filled)).active.max_row - 1
    assert len(result.observations) == n_rows
    assert set(result.observations.kind) == {"target", "estimate"}
    assert set(result.observations.unit_name) == {"Phường Trần Phú"}


def test_report_template_loads_when_filled(empty_store):
    blank = templates.report_template(empty_store, "Phường Trần Phú", 2020, months=6)
    filled = _fill(blank, {4: 100.0, 5: 40.0, 6: 45.0}, first_row=8)
    result = loaders.parse_upload("bieu.xlsx", filled, empty_store)
    assert result.ok, [loaders.format_line(p) for p in result.errors]
    obs = result.observations
    total = obs[obs.indicator_code == "gtsx_tong"].set_index("kind")
    assert total.loc["target", ["year", "month_from", "month_to"]].tolist() == [2020, 1, 12]
    assert total.loc["actual", ["year", "month_to"]].tolist() == [2019, 6]
    assert total.loc["estimate", ["year", "month_to", "value"]].tolist() == [2020, 6, 45.0]
