"""Derived columns (So KH, % so dự toán, So CK, % so cùng kỳ, tăng/giảm) are not stored: they are
recomputed from the values read and a disagreement over 0,5 percentage points is a warning on the cell.
NTM matrices: "Số tiêu chí đạt" is checked against the marks the same way."""

from __future__ import annotations

import re

import numpy as np

from loaders.cells import a1
from loaders.layout import Layout, cell_text
from loaders.messages import fmt
from loaders.numbers import NUMBER, parse_column
from loaders.problems import Problem, problem
from loaders.read import Sheet
from store.queries.observations import TERM_SOURCE
from vn.text import fold

TOLERANCE = 0.5


def _pairs(layout: Layout, extras: dict, col) -> list[tuple[int, int]]:
    """(numerator, denominator) positions in the value block a derived column may compare, the most
    likely first: the numbering-row formula when there is one; else the current-period columns of its
    group (the cumulative first) against the plans, or against last year's same span."""
    resolved = extras["resolved"]
    position = {r.column.index: j for j, r in enumerate(resolved)}
    if len(col.formula) >= 2:
        by_number = {c.number: c.index for c in layout.columns if c.number is not None}
        a, b = by_number.get(col.formula[0]), by_number.get(col.formula[1])
        if a in position and b in position:
            return [(position[a], position[b])]
    beside = [c for c in layout.columns if c.index < col.index and c.role in ("value", "derived")]
    if beside and beside[-1].derived == "sum":
        return []  # "Cộng cả năm | % so DT": it compares the total, which is not loaded; nothing to check against
    left = [j for j, r in enumerate(resolved) if r.column.index < col.index]
    group = (
        resolved[left[-1]].column.hint if left else (resolved[0].column.hint if resolved else "")
    )
    candidates = [j for j, r in enumerate(resolved) if r.column.hint == group]
    named = _named_operands(col, resolved, candidates)
    if named is not None:
        return named
    current = [
        j
        for j in candidates
        if resolved[j].kind in ("estimate", "actual") and not resolved[j].column.same_period
    ]
    if not current:
        return []
    latest = max(resolved[j].year or 0 for j in current)
    current = [j for j in current if (resolved[j].year or 0) == latest]
    current.sort(
        key=lambda j: (
            resolved[j].month_from != 1,
            -resolved[j].month_to,
            resolved[j].kind != "estimate",
        )
    )
    targets = [
        j
        for j in candidates
        if resolved[j].kind == "target" and resolved[j].target_source != TERM_SOURCE
    ]
    pairs: list[tuple[int, int]] = []
    if col.derived_against in ("target", ""):
        pairs += [(n, d) for n in current for d in targets]
    if col.derived_against in ("same_period", ""):
        for n in current:
            same = [
                j
                for j in candidates
                if j != n
                and (resolved[j].year or 0) == latest - 1
                and resolved[j].kind == "actual"
                and (resolved[j].month_from, resolved[j].month_to)
                == (resolved[n].month_from, resolved[n].month_to)
            ]
            same += [j for j in candidates if resolved[j].column.same_period and j not in same]
            pairs += [(n, d) for d in same]
    return pairs


_SIDE_KIND = [
    ("estimate", re.compile(r"\b(?:uth|u\.th|uoc(?: th| thuc hien)?)\b")),
    ("target", re.compile(r"\b(?:kh|ke hoach|dt|du toan|nq|ct|chi tieu|muc tieu)\b")),
    ("actual", re.compile(r"\b(?:th|thuc hien|qt|quyet toan)\b")),
]
_SIDE_SAME = re.compile(r"\b(?:ck|cung ky|nam truoc)\b")
_YEAR4 = re.compile(r"(?:19|20)\d{2}")
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")


def _named_operands(col, resolved, candidates) -> list[tuple[int, int]] | None:
    """ "KH 2025 (phấn đấu)/ƯTH 2024", "TH/KH", "LK/CK": a comparison that names its two sides is
    checked against the columns those names describe (kind, year, who set the plan)."""
    from loaders.headers import SOURCES
    from vn.text import fold

    leaf = fold(col.text.split(" / ")[-1])
    if leaf.count("/") != 1:
        return None
    sides = []
    for text in leaf.split("/"):
        kind = next((k for k, pattern in _SIDE_KIND if pattern.search(text)), None)
        same = bool(_SIDE_SAME.search(text))
        year = _YEAR4.search(text)
        source = next((code for pattern, code in SOURCES if pattern.search(text)), None)
        if kind is None and not same and year is None:
            return None
        latest = (
            max((resolved[k].year or 0) for k in candidates if resolved[k].kind != "target")
            if any(resolved[k].kind != "target" for k in candidates)
            else 0
        )
        if same:  # "CK": last year's same span
            pool = [
                j
                for j in candidates
                if resolved[j].column.same_period
                or (resolved[j].kind == "actual" and (resolved[j].year or 0) == latest - 1)
            ]
        elif kind == "target":
            pool = [
                j
                for j in candidates
                if resolved[j].kind == "target"
                and (
                    resolved[j].target_source != TERM_SOURCE
                    or re.search(r"giai doan|nhiem ky|5 nam", text)
                )
            ]
        else:  # "TH", "ƯTH", "LK": this period's actual or estimate
            pool = [
                j
                for j in candidates
                if resolved[j].kind in ("actual", "estimate")
                and not resolved[j].column.same_period
                and (year is not None or (resolved[j].year or 0) == latest)
            ]
            if kind == "estimate" and any(resolved[j].kind == "estimate" for j in pool):
                pool = [j for j in pool if resolved[j].kind == "estimate"]
        pool = [
            j
            for j in pool
            if (year is None or resolved[j].year == int(year.group()))
            and (source is None or resolved[j].target_source == source)
        ]
        if not pool:
            return None
        sides.append(pool)
    return [(a, b) for a in sides[0] for b in sides[1] if a != b] or None


def _expected(kind: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = a / b * 100
    return ratio - 100 if kind == "growth" else (a - b if kind == "diff" else ratio)


def _close(kind: str, shown: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    expected = _expected(kind, a, b)
    close = np.abs(shown - expected) <= TOLERANCE
    close |= np.abs(shown * 100 - expected) <= TOLERANCE  # a percent cell stored as a fraction
    if kind != "diff":
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = a / b * 100
        close |= np.abs(shown - (a - b)) <= TOLERANCE  # rates compared in percentage points
        close |= np.abs(shown - (ratio - 100)) <= TOLERANCE
        close |= np.abs(shown - ratio) <= TOLERANCE
    return close


def _average_growth(layout: Layout, extras: dict, col, shown, shown_status) -> np.ndarray | None:
    """ "Tăng BQ giai đoạn 2021–2025 (%/năm)" of a yearly series: accepted as the compound yearly growth
    over the span (from the year before it, or from its first year, to its last; the last year's
    estimate when its actual is not there yet), or the mean of the yearly growths."""
    resolved, values, status = extras["resolved"], extras["values"], extras["status"]
    by_year: dict[int, int] = {}
    for j, r in enumerate(resolved):
        if (r.month_from, r.month_to) != (1, 12) or not r.year or r.kind == "target":
            continue
        if r.year not in by_year or r.kind == "actual":
            by_year[r.year] = j
    years = sorted(by_year)
    if len(years) < 3:
        return None
    span = _YEAR_RANGE.search(fold(col.text))
    candidates = []
    if span:
        a, b = int(span.group(1)), int(span.group(2))
        for base in (a - 1, a):
            if base in by_year and b in by_year and b > base:
                candidates.append((base, b))
    candidates.append((years[0], years[-1]))
    known = shown_status == NUMBER
    close = np.zeros(len(shown), dtype=bool)
    any_known = np.zeros(len(shown), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for base, last in candidates:
            a, b = values[:, by_year[base]], values[:, by_year[last]]
            ok = (
                (status[:, by_year[base]] == NUMBER)
                & (status[:, by_year[last]] == NUMBER)
                & (a > 0)
                & (b > 0)
            )
            any_known |= ok
            for n in (last - base, last - base + 1):
                close |= ok & (np.abs(shown - ((b / a) ** (1 / n) - 1) * 100) <= TOLERANCE)
        idx = [by_year[y] for y in years]
        block = values[:, idx]
        ok = (status[:, idx] == NUMBER).all(axis=1) & (block > 0).all(axis=1)
        any_known |= ok
        mean = ((block[:, 1:] / block[:, :-1] - 1) * 100).mean(axis=1)
        close |= ok & (np.abs(shown - mean) <= TOLERANCE)
    return known & any_known & ~close


def check_derived(
    file: str, sheet: Sheet, layout: Layout, extras: dict, pct_rows: np.ndarray | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    values, status = extras["values"], extras["status"]
    data_rows = extras["data_rows"]
    for col in layout.columns:
        if (
            col.role != "derived" or col.derived == "sum"
        ):  # "Cộng 2 tháng": a total of columns, not compared
            continue
        cells = np.array([sheet.rows[r][col.index] for r in data_rows], dtype=object)
        shown, shown_status = parse_column(cells)
        if col.derived == "average_growth":
            bad = _average_growth(layout, extras, col, shown, shown_status)
            for i in np.flatnonzero(bad)[:50].tolist() if bad is not None else []:
                cell = a1(data_rows[i], col.index)
                problems.append(
                    problem(
                        "derived-mismatch",
                        file,
                        sheet.name,
                        cell,
                        "average_growth",
                        column=col.text,
                        shown=fmt(shown[i]),
                    )
                )
            continue
        pairs = _pairs(layout, extras, col)
        if not pairs:
            continue
        checked = np.zeros(len(data_rows), dtype=bool)
        matched = np.zeros(len(data_rows), dtype=bool)
        for num, den in pairs:
            a, b = values[:, num], values[:, den]
            ok = (
                (status[:, num] == NUMBER)
                & (status[:, den] == NUMBER)
                & (shown_status == NUMBER)
                & (b != 0)
            )
            checked |= ok
            matched |= ok & _close(col.derived, shown, a, b)
        num, den = pairs[0]
        expected = _expected(col.derived, values[:, num], values[:, den])
        for i in np.flatnonzero(checked & ~matched)[:200].tolist():
            r = data_rows[i]
            cell = a1(r, col.index)
            na = a1(r, extras["resolved"][num].column.index)
            nb = a1(r, extras["resolved"][den].column.index)
            problems.append(
                problem(
                    "derived-mismatch",
                    file,
                    sheet.name,
                    cell,
                    column=col.text,
                    shown=fmt(shown[i]),
                    operands=f"{na}/{nb}",
                    expected=fmt(expected[i]),
                )
            )
    return problems


def check_sums(file: str, sheet: Sheet, layout: Layout, extras: dict) -> list[Problem]:
    """A value column the numbering row defines as a sum ("(4)=(2)+(3)": cả năm = 6 tháng đầu + 6 tháng
    cuối) against its parts; a difference over 0,5 (or 0,1 %) is a warning on the cell."""
    problems: list[Problem] = []
    resolved, values, status, data_rows = (
        extras["resolved"],
        extras["values"],
        extras["status"],
        extras["data_rows"],
    )
    position = {r.column.index: j for j, r in enumerate(resolved)}
    by_number = {c.number: c.index for c in layout.columns if c.number is not None}
    for j, r in enumerate(resolved):
        col = r.column
        if col.formula_op not in ("sum", "difference") or len(col.formula) < 2:
            continue
        parts = [position.get(by_number.get(n, -1)) for n in col.formula]
        if any(p is None for p in parts):
            continue
        signs = [1.0] + [1.0 if col.formula_op == "sum" else -1.0] * (len(parts) - 1)
        if extras["rate_cols"][j]:
            continue  # rates do not add up over periods
        ok = (
            (status[:, j] == NUMBER)
            & np.all([status[:, p] == NUMBER for p in parts], axis=0)
            & ~extras["rate_rows"]
        )
        expected = sum(sg * values[:, p] for sg, p in zip(signs, parts))
        tolerance = np.maximum(TOLERANCE, np.abs(expected) * 0.001)
        for i in np.flatnonzero(ok & (np.abs(values[:, j] - expected) > tolerance))[:50].tolist():
            cell = a1(data_rows[i], col.index)
            parts_cells = (
                " + ".join(a1(data_rows[i], resolved[p].column.index) for p in parts)
                if col.formula_op == "sum"
                else " − ".join(a1(data_rows[i], resolved[p].column.index) for p in parts)
            )
            problems.append(
                problem(
                    "sum-mismatch",
                    file,
                    sheet.name,
                    cell,
                    column=col.text,
                    shown=fmt(values[i, j]),
                    parts=parts_cells,
                    expected=fmt(expected[i]),
                )
            )
    return problems


def check_counts(file: str, sheet: Sheet, layout: Layout, extras: dict) -> list[Problem]:
    """Matrix "Số tiêu chí đạt" against the marks of its row (or, criteria down and communes across,
    of its column)."""
    problems: list[Problem] = []
    if not extras.get("is_matrix"):
        return problems
    if extras.get("count_rows") and layout.rows_are == "indicators":
        return _check_count_rows(file, sheet, extras)
    count_col = next((c.index for c in layout.columns if c.role == "count"), None)
    if count_col is None:
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
        marks = int(np.nansum(values[i, ok_cols]))
        if not np.isfinite(shown[0]) or int(round(shown[0])) != marks:
            cell = a1(r, count_col)
            problems.append(
                problem("count-mismatch", file, sheet.name, cell, shown=fmt(shown[0]), marks=marks)
            )
    return problems


def years_reached(sheet: Sheet, layout: Layout, extras: dict, catalog) -> dict[int, object]:
    """Matrix "Năm đạt chuẩn NTM": unit_id → year (returned in the parse result, not stored)."""
    col = next((c.index for c in layout.columns if c.role == "year_reached"), None)
    found: dict[int, object] = {}  # a year, or the text written when it is not one
    if col is None:
        return found
    for i, r in enumerate(extras["data_rows"]):
        unit = extras["row_target"][i]
        text = cell_text(sheet.rows[r][col])
        if unit is not None and text:
            found[unit] = int(float(text)) if text.replace(".", "").isdigit() else text
    return found


def _check_count_rows(file: str, sheet: Sheet, extras: dict) -> list[Problem]:
    values, status, data_rows, vcols = (
        extras["values"],
        extras["status"],
        extras["data_rows"],
        extras["vcols"],
    )
    crit = extras.get("mark_rows", [])
    problems = []
    for i in extras["count_rows"]:
        for j, unit in enumerate(extras["col_unit"]):
            if unit is None or status[i, j] != NUMBER:
                continue
            marks = int(np.nansum(values[crit, j])) if crit else 0
            if not np.isfinite(values[i, j]) or int(round(values[i, j])) != marks:
                cell = a1(data_rows[i], vcols[j])
                problems.append(
                    problem(
                        "count-mismatch",
                        file,
                        sheet.name,
                        cell,
                        "column",
                        shown=fmt(values[i, j]),
                        marks=marks,
                    )
                )
    return problems
