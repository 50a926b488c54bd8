"""The two axes of a table sheet. Every value cell is keyed by its row and its column: the row names
an indicator (reports, series, transposed criteria matrices) or an admin unit (ward tables, matrices);
the column gives the period and kind, and may name an indicator ("Tổng thu", a criterion) or a unit
("Toàn huyện", then one column per commune). What neither says comes from the title or letterhead."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from loaders.catalog import SECTION_ROW, TOTAL_ROW, Catalog
from loaders.cells import a1
from loaders.columns import Resolved
from loaders.criteria_columns import narrow as narrow_criteria
from loaders.headers import TRAILING_PAREN
from loaders.layout import Layout, cell_text
from loaders.messages import unknown_measure
from loaders.names import key
from loaders.problems import Problem, problem
from loaders.resolver import NameResolver
from loaders.unknowns import SKIP
from loaders.vocabulary import vocabulary
from vn.text import fold

SUB_ITEM = re.compile(r"^\s*(?:[-+*•–]|[a-zđ]\)|trong đó|trong do|tr\.\s*đó)", re.I)
GENERIC_HINTS = (
    "tieu chi",
    "gia tri",
    "so lieu",
    "chi tieu",
    "noi dung",
    "so luong",
    "tong so",
    "chung",
    "cong",
    "toan bo",
    "tong",
)
SECTION_MARK = re.compile(r"^(?:[IVXLC]+|[A-Z]|[IVX]+\.|[A-Z]\.)$")


@dataclass
class ColumnAxis:
    indicator: list[
        str | None
    ]  # the indicator a column names (ward tables, matrices), per resolved column
    unit: list[int | None]  # the unit a column names (communes across), per resolved column
    measure: list[str]  # the measure a column's header or ĐVT row gives, when it is a known measure
    measure_cell: list[str]  # where that measure is written
    across: bool = False  # units across the columns
    ok: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))


@dataclass
class RowAxis:
    target: list  # per data row: indicator code / unit id / period (year, from, to, kind, source) / None
    measure: list[str]  # a row's own ĐVT text (indicator rows)
    measure_cell: list[str]
    count_rows: list[int] = field(default_factory=list)  # "Tổng số tiêu chí đạt" rows (positions)


def period_rows(
    sheet, layout: Layout, data_rows: list[int], has_number: np.ndarray, problems: list[Problem]
) -> RowAxis:
    """Years down the rows: "2016" (actual, whole year), "Ước TH 2020" (estimate), "KH 2021" (target)."""
    from loaders.headers import ESTIMATE, SOURCES, TARGET
    from loaders.periods import parse_period

    name_col = layout.name_col
    if (
        name_col is None
    ):  # never: extract_table returns before the axes when the table has no name column
        raise ValueError("period_rows: the layout has no name column")
    n = len(data_rows)
    axis = RowAxis([None] * n, [""] * n, [""] * n)
    for i, r in enumerate(data_rows):
        label = cell_text(sheet.rows[r][name_col])
        if not label or r in sheet.hidden_rows:
            continue
        folded = fold(label)
        p = parse_period(label)
        if p.year is None:
            if has_number[i]:
                cell = a1(r, name_col)
                problems.append(
                    problem(
                        "unreadable-period",
                        sheet.file_name if hasattr(sheet, "file_name") else "",
                        sheet.name,
                        cell,
                        "row",
                        label=label,
                    )
                )
            continue
        kind = (
            "estimate"
            if ESTIMATE.search(folded)
            else ("target" if TARGET.search(folded) else "actual")
        )
        source = next((code for pattern, code in SOURCES if pattern.search(folded)), "")
        months = (
            (p.month_from, p.month_to)
            if p.month_from is not None and p.month_to is not None
            else (1, 12)
        )
        axis.target[i] = (p.year, months[0], months[1], kind, source)
    return axis


def _measure_of(catalog: Catalog, text: str) -> bool:
    return bool(text) and catalog.match_measure(text) is not None


def column_axis(
    file: str,
    sheet_name: str,
    layout: Layout,
    resolved: list[Resolved],
    catalog: Catalog,
    names: NameResolver,
    title: str,
    when: date,
    since: date,
    unit_of_sheet: int | None,
    problems: list[Problem],
) -> ColumnAxis:
    n = len(resolved)
    axis = ColumnAxis([None] * n, [None] * n, [""] * n, [""] * n, False, np.ones(n, dtype=bool))
    bad_measures: dict[int, tuple[str, str]] = {}
    for j, r in enumerate(resolved):
        mtext = r.column.measure_text
        cell = a1(
            layout.measure_row if layout.measure_row is not None else layout.header_last,
            r.column.index,
        )
        if _measure_of(catalog, mtext):
            axis.measure[j], axis.measure_cell[j] = mtext, cell
        elif mtext and layout.measure_row is not None:
            bad_measures[j] = (mtext, cell)
        if (
            r.year is None and layout.rows_are != "periods"
        ):  # years down the rows: each row says its period
            hc = a1(layout.header_first, r.column.index)
            problems.append(
                problem("unreadable-period", file, sheet_name, hc, column=r.column.text)
            )
            axis.ok[j] = False
    if layout.rows_are in ("units", "periods"):
        _indicator_columns(
            file, sheet_name, layout, resolved, catalog, names, title, axis, problems
        )
    else:
        _unit_columns(
            file, sheet_name, layout, resolved, names, when, since, unit_of_sheet, axis, problems
        )
    for j, (mtext, cell) in bad_measures.items():  # said only for columns that are loaded
        if axis.ok[j]:
            problems.append(unknown_measure(file, sheet_name, cell, mtext, catalog))
            axis.ok[j] = False
    return axis


def _indicator_columns(
    file, sheet_name, layout, resolved, catalog, names, title, axis, problems
) -> None:
    """Ward tables and matrices: each column's indicator from its header ("Tổng thu", "TC1"), else
    the title's ("KẾT QUẢ THU NGÂN SÁCH CÁC PHƯỜNG…")."""
    seen: dict[tuple, str | None] = {}
    vocab = vocabulary()
    for j, r in enumerate(resolved):
        hint = r.column.hint or r.column.period_hint
        # a criterion's number may head its name ("3 / Điện"): a văn minh sheet reads criteria by number
        numbered = " ".join(r.column.hints) or hint
        narrow = lambda found, _name, numbered=numbered: narrow_criteria(found, numbered, title)  # noqa: E731
        cell = a1(layout.header_last, r.column.index)
        if hint and fold(hint) not in GENERIC_HINTS:
            seen_key = (r.column.hints, hint)
            if seen_key not in seen:
                code = None
                bare_hint = TRAILING_PAREN.sub("", hint).strip()
                if len(r.column.hints) >= 2 and fold(bare_hint) in vocab.count_leaves:
                    # "Hộ nghèo / Số hộ": the group names what the leaf counts
                    joined = _group_and_leaf(r.column.hints[-2], bare_hint)
                    code = (
                        names.indicator(joined, cell, report=False, narrow=narrow)
                        if joined
                        else None
                    )
                if code is None:
                    code = names.indicator(hint, cell, report=False, narrow=narrow)
                if (
                    code is None and r.column.measure_text
                ):  # "Tổng thu (triệu đồng)": the name without its measure
                    bare = TRAILING_PAREN.sub("", hint).strip()
                    code = (
                        names.indicator(bare, cell, report=False, narrow=narrow) if bare else None
                    )
                if (
                    code is None
                ):  # "Tỷ lệ bao phủ (%)" in a sheet titled "… THAM GIA BẢO HIỂM Y TẾ …"
                    code = _with_title(TRAILING_PAREN.sub("", hint).strip(), title, catalog)
                if code is None:
                    shown = (
                        TRAILING_PAREN.sub("", hint).strip()
                        if _measure_of(catalog, r.column.measure_text)
                        else hint
                    )
                    names.report_indicator(
                        shown or hint, cell, catalog.match_indicator(hint), r.column.measure_text
                    )
                seen[seen_key] = code
            code = seen[seen_key]
        else:
            code = catalog.indicator_in_text(title)
            if code is None:
                hc = a1(layout.header_first, r.column.index)
                problems.append(
                    problem(
                        "unknown-indicator", file, sheet_name, hc, "column", column=r.column.text
                    )
                )
        if code == SKIP or code is None:
            axis.ok[j] = False
            code = None
        axis.indicator[j] = code


def _group_and_leaf(group: str, leaf: str) -> str:
    """ "Hộ nghèo" over "Số hộ" → "Số hộ nghèo"; "Hộ nghèo" over "Tỷ lệ" → "Tỷ lệ hộ nghèo"."""
    above, below = group.split(), leaf.split()
    if not above or not below:
        return ""
    if fold(below[-1]) == fold(above[0]):
        above = above[1:]
    return " ".join(below + [w.lower() if i == 0 else w for i, w in enumerate(above)])


def _unit_columns(
    file, sheet_name, layout, resolved, names, when, since, unit_of_sheet, axis, problems
) -> None:
    """Indicator rows: columns that name units ("Toàn huyện", then one column per commune) make a
    table with the units across; otherwise every column belongs to the sheet's unit."""
    hinted = [
        j
        for j, r in enumerate(resolved)
        if r.column.hint and fold(r.column.hint) not in GENERIC_HINTS
    ]
    found: dict[int, int | str] = {}
    for j in hinted:
        for hint in reversed(resolved[j].column.hints or (resolved[j].column.hint,)):
            if TOTAL_ROW.match(key(hint)):
                found[j] = "total"
                break
            unit = names.unit(
                hint,
                a1(layout.header_last, resolved[j].column.index),
                when,
                since,
                unit_of_sheet,
                report=False,
            )
            if unit is not None:
                found[j] = unit
                break
    real = [j for j, u in found.items() if u != "total"]
    if not real or (len(found) < 2 and len(found) < len(hinted)):
        _qualified_columns(resolved, hinted, found, names, layout, axis)
        return
    axis.across = True
    for j in hinted:
        cell = a1(layout.header_last, resolved[j].column.index)
        u = found.get(j)
        if u == "total":
            if unit_of_sheet is None:
                problems.append(
                    problem(
                        "unknown-sheet-unit",
                        file,
                        sheet_name,
                        cell,
                        "total_column",
                        column=resolved[j].column.hint,
                    )
                )
                axis.ok[j] = False
            axis.unit[j] = unit_of_sheet
        elif u is None:
            names.unit(resolved[j].column.hint, cell, when, since, unit_of_sheet, report=True)
            axis.ok[j] = False
        elif u == SKIP:
            axis.ok[j] = False
        else:
            axis.unit[j] = int(u)
    for j, r in enumerate(
        resolved
    ):  # a column without a unit of its own belongs to the sheet's unit
        if j not in hinted:
            axis.unit[j] = unit_of_sheet


def _with_title(hint: str, title: str, catalog: Catalog) -> str | None:
    """The one indicator named by a column's words followed by a phrase of the title (an exact
    name or alias, never a close one): "Tỷ lệ bao phủ" + "bảo hiểm y tế"."""
    words = title.split()
    found: set[str] = set()
    for size in range(2, 7):
        for start in range(len(words) - size + 1):
            found |= catalog.match_indicator(f"{hint} {' '.join(words[start : start + size])}")
            if len(found) > 1:
                return None
    return next(iter(found)) if found else None


def _qualified_columns(
    resolved, hinted, found, names: NameResolver, layout: Layout, axis: ColumnAxis
) -> None:
    """Indicator rows whose value columns also name something ("Dự toán năm 2024 / Tổng thu NSNN |
    Thu NSĐP"): a column naming a catalog indicator is the rows' own measure of it; one naming nothing
    the catalog knows is a different concept, asked about instead of loaded under the row's name."""
    for j in hinted:
        if j in found:
            continue
        hint = resolved[j].column.hint
        cell = a1(layout.header_last, resolved[j].column.index)
        code = names.indicator(hint, cell, report=False)
        if code is None:
            bare = TRAILING_PAREN.sub("", hint).strip()
            code = names.indicator(bare, cell, report=False) if bare and bare != hint else None
        if code is None:
            names.report_indicator(TRAILING_PAREN.sub("", hint).strip() or hint, cell)
        if code is None or code == SKIP:
            axis.ok[j] = False


def row_axis(
    file: str,
    sheet,
    layout: Layout,
    catalog: Catalog,
    names: NameResolver,
    data_rows: list[int],
    has_number: np.ndarray,
    nonblank: np.ndarray,
    cols: ColumnAxis,
    when: date,
    since: date,
    unit_of_sheet: int | None,
    matrix_cols: bool,
    problems: list[Problem],
    stale: bool,
) -> RowAxis:
    rows = sheet.rows
    name_col = layout.name_col
    if (
        name_col is None
    ):  # never: extract_table returns before the axes when the table has no name column
        raise ValueError("row_axis: the layout has no name column")
    n = len(data_rows)
    axis = RowAxis([None] * n, [""] * n, [""] * n)
    vocab = vocabulary()
    parent = None
    for i, r in enumerate(data_rows):
        cells = rows[r]
        if r in sheet.hidden_rows:
            continue
        name = cell_text(cells[name_col])
        stt = cell_text(cells[layout.stt_col]) if layout.stt_col is not None else ""
        code_text = cell_text(cells[layout.code_col]) if layout.code_col is not None else ""
        cell = a1(r, name_col)
        folded = fold(name)
        if name and vocab.count_row.match(folded):
            axis.count_rows.append(i)
            continue
        if name and vocab.verdict_row.match(folded):
            continue
        if layout.rows_are == "indicators":
            if not name and code_text in catalog.indicators.index:
                name = code_text
            if not name:
                if has_number[i]:
                    problems.append(problem("unnamed-row", file, sheet.name, cell, row=r + 1))
                continue
            if not nonblank[i] and (
                not cols.across or SECTION_MARK.match(stt)
            ):  # a criterion row of a matrix
                continue  # may be all "chưa đạt"
            if SECTION_MARK.match(stt) and not has_number[i] and cols.across:
                continue  # "II | HẠ TẦNG KINH TẾ - XÃ HỘI": a group of criteria, not one
            sub = bool(SUB_ITEM.match(stt) or SUB_ITEM.match(name))
            report = bool(has_number[i]) or (cols.across and bool(nonblank[i]))
            name, paren_measure = _name_and_measure(name, catalog)
            own_measure = (
                cell_text(cells[layout.measure_col]) if layout.measure_col is not None else ""
            )
            code = names.indicator(
                name,
                cell,
                parent if sub else None,
                report=report,
                measure=own_measure or paren_measure or layout.measure_line or "",
            )
            if code is None and code_text in catalog.indicators.index:
                code = code_text
            if code is None or code == SKIP:
                continue
            if not sub:
                parent = code
            axis.target[i] = code
            if layout.measure_col is not None:
                text = cell_text(cells[layout.measure_col])
                if text and text.strip() not in ("-", "—"):
                    axis.measure[i], axis.measure_cell[i] = text, a1(r, layout.measure_col)
            if paren_measure and not axis.measure[i]:  # "Số hộ nghèo (hộ)" without a ĐVT column
                axis.measure[i], axis.measure_cell[i] = paren_measure, cell
        else:
            if not name:
                if has_number[i] and not matrix_cols:
                    problems.append(problem("unnamed-row", file, sheet.name, cell, row=r + 1))
                continue
            k = key(name)
            if TOTAL_ROW.match(k):
                if unit_of_sheet is None:
                    if has_number[i] and not stale:
                        problems.append(
                            problem(
                                "unknown-sheet-unit", file, sheet.name, cell, "total_row", name=name
                            )
                        )
                    continue
                axis.target[i] = unit_of_sheet
                continue
            if SECTION_ROW.match(k):
                continue
            report = bool(has_number[i]) or (
                matrix_cols and (bool(nonblank[i]) or stt[:1].isdigit())
            )
            if matrix_cols and not has_number[i] and not stt[:1].isdigit() and not nonblank[i]:
                report = False
            unit = names.unit(name, cell, when, since, unit_of_sheet, report=report)
            if unit is None and code_text:
                unit = _unit_by_code(catalog, code_text, when, since)
            if unit is None or unit == SKIP:
                continue
            axis.target[i] = int(unit)
    return axis


def _name_and_measure(name: str, catalog: Catalog) -> tuple[str, str]:
    """("Số hộ nghèo", "hộ") for "Số hộ nghèo (hộ)" when the parentheses hold a known measure and the
    name without them is the indicator's (or names nothing either way); else (name, "")."""
    m = TRAILING_PAREN.search(name)
    if not m or catalog.match_measure(m.group(1)) is None:
        return name, ""
    bare = TRAILING_PAREN.sub("", name).strip()
    if not bare or catalog.match_indicator(name):
        return name, ""
    return bare, m.group(1).strip()


def _unit_by_code(catalog: Catalog, code: str, when: date, since: date) -> int | None:
    ids = [u.unit_id for u in catalog.units.values() if u.code == code and u.valid_at(when)]
    if not ids:
        ids = [
            u.unit_id
            for u in catalog.units.values()
            if u.code == code and u.valid_during(since, when)
        ]
    return ids[0] if len(ids) == 1 else None
