"""Derived columns (So KH, % so dự toán, So CK, % so cùng kỳ, tăng/giảm) are not stored: they are
recomputed from the values read and a disagreement over 0,5 percentage points is a warning on the cell.
NTM matrices: "Số tiêu chí đạt" is checked against the marks the same way."""

from __future__ import annotations

import numpy as np

from loaders.cells import a1
from loaders.layout import Layout, cell_text
from loaders.messages import fmt
from loaders.numbers import NUMBER, parse_column
from loaders.problems import Problem, problem
from loaders.read import Sheet

TOLERANCE = 0.5


def _operands(layout: Layout, extras: dict, col) -> tuple[int, int] | None:
    """(numerator, denominator) positions in the value block for a derived column."""
    resolved = extras["resolved"]
    position = {r.column.index: j for j, r in enumerate(resolved)}
    if len(col.formula) >= 2:
        by_number = {c.number: c.index for c in layout.columns if c.number is not None}
        a, b = by_number.get(col.formula[0]), by_number.get(col.formula[1])
        if a in position and b in position:
            return position[a], position[b]
    hints = [r.column.hint for r in resolved]
    group = hints[0] if hints else ""
    candidates = [j for j, r in enumerate(resolved) if r.column.hint == group]
    current = [j for j in candidates if resolved[j].kind in ("estimate", "actual") and not resolved[j].column.same_period]
    if not current:
        return None
    num = max(current, key=lambda j: (resolved[j].year or 0, resolved[j].month_to, resolved[j].kind == "estimate"))
    if col.derived_against == "target":
        pool = [j for j in candidates if resolved[j].kind == "target"]
    elif col.derived_against == "same_period":
        pool = [j for j in candidates if resolved[j].column.same_period]
        if not pool:
            pool = [j for j in candidates if resolved[j].kind == "actual" and (resolved[j].year or 0) == (resolved[num].year or 0) - 1]
    else:
        pool = []
    if not pool:
        return None
    return num, pool[0]


def check_derived(file: str, sheet: Sheet, layout: Layout, extras: dict, pct_rows: np.ndarray | None = None) -> list[Problem]:
    problems: list[Problem] = []
    values, status = extras["values"], extras["status"]
    data_rows = extras["data_rows"]
    for col in layout.columns:
        if col.role != "derived":
            continue
        ops = _operands(layout, extras, col)
        if ops is None:
            continue
        num, den = ops
        cells = np.array([sheet.rows[r][col.index] for r in data_rows], dtype=object)
        shown, shown_status = parse_column(cells)
        a, b = values[:, num], values[:, den]
        ok = (status[:, num] == NUMBER) & (status[:, den] == NUMBER) & (shown_status == NUMBER) & (b != 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = a / b * 100
        if col.derived == "growth":
            expected = ratio - 100
        elif col.derived == "diff":
            expected = a - b
        else:
            expected = ratio
        close = np.abs(shown - expected) <= TOLERANCE
        close |= np.abs(shown * 100 - expected) <= TOLERANCE  # a percent cell stored as a fraction
        if col.derived != "diff":
            close |= np.abs(shown - (a - b)) <= TOLERANCE  # rates compared in percentage points
            close |= np.abs(shown - (ratio - 100)) <= TOLERANCE
        bad = ok & ~close
        for i in np.flatnonzero(bad):
            r = data_rows[i]
            cell = a1(r, col.index)
            na = a1(r, extras["resolved"][num].column.index)
            nb = a1(r, extras["resolved"][den].column.index)
            problems.append(problem("derived-mismatch", file, sheet.name, cell,
                f"Ô {cell} (\"{col.text}\") ghi {fmt(shown[i])} nhưng tính từ số liệu đọc được "
                f"({na}/{nb}) là {fmt(expected[i])} — lệch quá 0,5 điểm %. Hãy kiểm tra lại số liệu "
                "hoặc công thức của cột so sánh."))
    return problems


def check_counts(file: str, sheet: Sheet, layout: Layout, extras: dict) -> list[Problem]:
    """Matrix "Số tiêu chí đạt" against the marks of its row."""
    problems = []
    count_col = next((c.index for c in layout.columns if c.role == "count"), None)
    if count_col is None or not extras.get("is_matrix"):
        return problems
    values, data_rows, targets = extras["values"], extras["data_rows"], extras["row_target"]
    ok_cols = [j for j, code in enumerate(extras["col_indicator"]) if code is not None]
    for i, r in enumerate(data_rows):
        if targets[i] is None:
            continue
        shown_text = cell_text(sheet.rows[r][count_col])
        if not shown_text:
            continue
        shown, st = parse_column(np.array([sheet.rows[r][count_col]], dtype=object))
        if st[0] != NUMBER:
            continue
        marks = int(values[i, ok_cols].sum())
        if int(round(shown[0])) != marks:
            cell = a1(r, count_col)
            problems.append(problem("count-mismatch", file, sheet.name, cell,
                f"Ô {cell} ghi {fmt(shown[0])} tiêu chí đạt nhưng dòng này đánh dấu đạt {marks} tiêu chí. "
                "Hãy kiểm tra lại các ô đánh dấu hoặc số tiêu chí đạt."))
    return problems


def years_reached(sheet: Sheet, layout: Layout, extras: dict, catalog) -> dict[int, object]:
    """Matrix "Năm đạt chuẩn NTM": unit_id → year (returned in the parse result, not stored)."""
    col = next((c.index for c in layout.columns if c.role == "year_reached"), None)
    found = {}
    if col is None:
        return found
    for i, r in enumerate(extras["data_rows"]):
        unit = extras["row_target"][i]
        text = cell_text(sheet.rows[r][col])
        if unit is not None and text:
            found[unit] = int(float(text)) if text.replace(".", "").isdigit() else text
    return found
