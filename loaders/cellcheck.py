"""The checks every value cell gets, whatever the layout family: text where a number belongs, a
formula never computed, a hidden row or column that holds values, a criterion mark that reads as
neither met nor not met. One stage, so report tables, ward tables, matrices and long tables refuse
the same cells with the same words."""

from __future__ import annotations

import re

import numpy as np

from loaders.cells import a1
from loaders.layout import cell_text
from loaders.numbers import NUMBER, TEXT
from loaders.problems import Problem, problem
from loaders.read import Sheet
from vn.numbers import number

MAX_PER_CODE = 200


def check_cells(
    file: str,
    sheet: Sheet,
    data_rows: list[int],
    vcols: list[int],
    status: np.ndarray,
    live: np.ndarray,
    marks: np.ndarray | None = None,
    header_row: int = 0,
    column_names: list[str] | None = None,
    label_col: int | None = None,
    target_cols: np.ndarray | None = None,
) -> list[Problem]:
    """Problems of the value block `status` (rows `data_rows` × columns `vcols`); `live` marks the
    cells whose row and column were recognised (a cell of an unknown row is reported on its name
    instead); `marks` the cells read as criterion marks."""
    rows = sheet.rows
    problems: list[Problem] = []
    hidden_r = (
        np.array([r in sheet.hidden_rows for r in data_rows], dtype=bool)
        if sheet.hidden_rows
        else None
    )
    hidden_c = (
        np.array([c in sheet.hidden_cols for c in vcols], dtype=bool) if sheet.hidden_cols else None
    )
    visible = live.copy()
    if hidden_r is not None:
        visible &= ~hidden_r[:, None]
    if hidden_c is not None:
        visible &= ~hidden_c[None, :]
    # text in value cells
    bad_r, bad_c = np.nonzero((status == TEXT) & visible)
    for n, (i, j) in enumerate(zip(bad_r.tolist(), bad_c.tolist())):
        if n >= MAX_PER_CODE:
            problems.append(
                problem(
                    "text-in-number",
                    file,
                    sheet.name,
                    None,
                    "more",
                    count=number(len(bad_r) - MAX_PER_CODE),
                )
            )
            break
        r, c = data_rows[i], vcols[j]
        if target_cols is not None and target_cols[j] and _words(cell_text(rows[r][c])):
            problems.append(
                problem("text-target", file, sheet.name, a1(r, c), value=cell_text(rows[r][c]))
            )
            continue
        if marks is not None and marks[i, j]:
            problems.append(
                problem("unreadable-mark", file, sheet.name, a1(r, c), value=cell_text(rows[r][c]))
            )
        else:
            problems.append(problem("text-in-number", file, sheet.name, a1(r, c), value=rows[r][c]))
    # formulas never computed (calamine reads them as blank)
    empty = sheet.empty_formula_cells
    if empty:
        row_pos = {r: i for i, r in enumerate(data_rows)}
        col_pos = {c: j for j, c in enumerate(vcols)}
        for r, c in sorted(empty):
            at_i, at_j = row_pos.get(r), col_pos.get(c)  # None: outside the value block
            if (
                at_i is None
                or at_j is None
                or status[at_i, at_j] == NUMBER
                or not visible[at_i, at_j]
            ):
                continue
            problems.append(problem("formula-without-value", file, sheet.name, a1(r, c)))
    # hidden rows and columns that hold values: not loaded, said so
    if hidden_r is not None:
        for i in np.flatnonzero(hidden_r & (status == NUMBER).any(axis=1))[:50].tolist():
            r = data_rows[i]
            c = label_col if label_col is not None else (vcols[0] if vcols else 0)
            name = cell_text(rows[r][label_col]) if label_col is not None else ""
            label = f' ("{name}")' if name else ""
            problems.append(
                problem("hidden-row", file, sheet.name, a1(r, c), row=r + 1, label=label)
            )
    if hidden_c is not None:
        for j in np.flatnonzero(hidden_c & (status == NUMBER).any(axis=0)).tolist():
            c = vcols[j]
            label = f' ("{column_names[j]}")' if column_names else ""
            problems.append(
                problem(
                    "hidden-column",
                    file,
                    sheet.name,
                    a1(header_row, c),
                    column=a1(header_row, c).rstrip("0123456789"),
                    label=label,
                )
            )
    return problems


_THRESHOLD = re.compile(
    r"[<>≤≥]|\b(?:tang|giam|tren|duoi|toi thieu|toi da|it nhat|khong qua|khong duoi|lan|gap"
    r"|binh quan|bq|dat|phan dau|tu|den)\b"
)


def _words(text: str) -> bool:
    """A plan written as a threshold or a change: "> 10", "≥ 95%", "Tăng 1,5 lần so với năm 2025", "Giảm BQ
    > 1,5%/năm" — a number with words around it (text without a number, "chưa có số liệu", is an error)."""
    from vn.text import fold

    return bool(re.search(r"\d", text)) and bool(_THRESHOLD.search(fold(text)))


def loadable(
    status: np.ndarray, live: np.ndarray, sheet: Sheet, data_rows: list[int], vcols: list[int]
) -> np.ndarray:
    """Cells that become observations: read as numbers, recognised, not hidden."""
    mask = (status == NUMBER) & live
    if sheet.hidden_rows:
        mask &= ~np.array([r in sheet.hidden_rows for r in data_rows], dtype=bool)[:, None]
    if sheet.hidden_cols:
        mask &= ~np.array([c in sheet.hidden_cols for c in vcols], dtype=bool)[None, :]
    return mask
