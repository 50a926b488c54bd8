"""Table sheets → observations: the value block (data rows × value columns) keyed by the row axis and
the column axis (loaders.axes), parsed in one vectorised pass (criterion cells as marks), checked by
the shared cell stage (loaders.cellcheck), converted into catalog measures and assembled."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from operator import itemgetter

import numpy as np
import pandas as pd

from loaders.axes import ColumnAxis, RowAxis, column_axis, period_rows, row_axis
from loaders.catalog import Catalog
from loaders.cellcheck import check_cells, loadable
from loaders.cells import a1
from loaders.columns import Resolved, period_end, report_date, report_start, resolve_columns
from loaders.elsewhere import named_elsewhere, province_of
from loaders.frames import categorical, cell_refs, constant
from loaders.headers import TRAILING_PAREN, as_value
from loaders.layout import Layout, cell_text, title_text
from loaders.marks import parse_marks
from loaders.messages import successor_hint, unknown_measure
from loaders.numbers import NUMBER, TEXT, parse_column
from loaders.periods import parse_period
from loaders.problems import Problem, problem
from loaders.read import Sheet
from loaders.resolver import NameResolver
from loaders.sheetunit import ambiguous_sheet_unit, sheet_unit, stale_sheet_unit
from loaders.unknowns import Decisions, UnknownLog

NO_DATA_MARKS = frozenset({"", "-", "—", "–", "--", "...", "…"})


@dataclass
class Extracted:
    observations: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    extras: dict = field(default_factory=dict)


OBS_COLUMNS = [
    "indicator_code",
    "unit_id",
    "year",
    "month_from",
    "month_to",
    "kind",
    "target_source",
    "value",
    "source_value",
    "source_measure",
    "source_cell",
    "sheet",
    "row",
    "col",
]
_EMPTY = pd.DataFrame({c: pd.Series(dtype="object") for c in OBS_COLUMNS})


def empty_observations() -> pd.DataFrame:
    return _EMPTY.copy()


def _other_province(file, sheet, layout: Layout, catalog: Catalog, when: date) -> Problem | None:
    """The letterhead's issuing body is a unit of a province this deployment does not serve."""
    for r, text in layout.letterhead_lines:
        found = named_elsewhere(catalog, text, when)
        if found:
            c = _column_of(sheet.rows[r], text)
            provinces = sorted(
                {p for u in found if (p := province_of(u)) != u.name} or {found[0].name}
            )
            return problem(
                "unknown-sheet-unit",
                file,
                sheet.name,
                a1(r, c),
                "other_province",
                text=text,
                unit=found[0].name,
                province=", ".join(provinces),
                served=", ".join(served_provinces(catalog)),
            )
    return None


def _column_of(row: list, text: str) -> int:
    """The column of the letterhead or title cell that reads `text` (0 when none does)."""
    return next((c for c, v in enumerate(row) if cell_text(v) == text), 0)


def served_provinces(catalog: Catalog) -> list[str]:
    """The provinces this deployment serves, as of today."""
    return sorted(
        {u.name for u in catalog.units.values() if u.parent_id is None and u.valid_to is None}
    )


def _weak_columns(layout: Layout, catalog: Catalog) -> None:
    """In a ward table a guessed comparison header that names an indicator is a value column:
    "Hộ nghèo / Tỷ lệ (%)" is the poverty rate, "Tốc độ tăng trưởng GTSX (%)" an indicator."""
    if layout.rows_are != "units":
        return
    for col in layout.columns:
        if col.role != "derived" or not col.weak:
            continue
        parts = [p.strip() for p in col.text.split(" / ") if p.strip()]
        bare = [TRAILING_PAREN.sub("", p).strip() for p in parts]
        # the whole header before any one level: "Hộ nghèo" alone is a criterion's short name
        tries = [
            col.text.replace(" / ", " "),
            " ".join(reversed(parts)),
            " ".join(bare),
            " ".join(reversed(bare)),
        ] + [t for p in parts[::-1] for t in (p, TRAILING_PAREN.sub("", p).strip())]
        for text in tries:
            found = catalog.match_indicator(text)
            if len(found) == 1:
                as_value(col, text)
                break


def extract_table(
    file: str,
    sheet: Sheet,
    layout: Layout,
    catalog: Catalog,
    decisions: Decisions | None = None,
    log: UnknownLog | None = None,
) -> Extracted:
    rows = sheet.rows
    problems: list[Problem] = []
    _weak_columns(layout, catalog)
    resolved = resolve_columns(layout)
    when = report_date(resolved, layout)
    since = report_start(resolved, layout)
    # the years are down the rows, in the name column (never None then): the latest dates the report
    if layout.rows_are == "periods" and layout.name_col is not None:
        said = [
            parse_period(cell_text(rows[r][layout.name_col])).year
            for r in range(layout.data_first, layout.data_last)
        ]
        years = [y for y in said if y]
        if years:
            when, since = period_end(max(years), 12), date(max(years), 1, 1)
    unit_of_sheet = sheet_unit(layout, catalog, when, since)
    unclear = ambiguous_sheet_unit(layout, catalog, when, since) if unit_of_sheet is None else None
    if unclear is not None:
        r, text, ids = unclear
        c = _column_of(rows[r], text)
        places = [f"{catalog.units[i].name} ({catalog.province_name(i)})" for i in ids]
        problems.append(
            problem(
                "unknown-sheet-unit",
                file,
                sheet.name,
                a1(r, c),
                "ambiguous",
                text=text,
                n=len(ids),
                units="; ".join(places[:4]) + ("…" if len(places) > 4 else ""),
            )
        )
        return Extracted(empty_observations(), problems, {"no_table": True})
    dated = layout.title_period.year is not None or any(r.year for r in resolved)
    stale = stale_sheet_unit(layout, catalog, when, unit_of_sheet, since) if dated else None
    if stale is not None:
        r, text, i = stale
        u = catalog.units[i]
        c = _column_of(rows[r], text)
        dates = (
            f"đến {u.valid_to:%d/%m/%Y}"
            if u.valid_to and u.valid_to < when
            else f"từ {u.valid_from:%d/%m/%Y}"
        )
        problems.append(
            problem(
                "unknown-sheet-unit",
                file,
                sheet.name,
                a1(r, c),
                "not_then",
                text=text,
                unit=u.name,
                dates=dates,
                day=f"{when:%d/%m/%Y}",
                successors=successor_hint(catalog, [i], when),
            )
        )
        unit_of_sheet = None
    foreign = _other_province(file, sheet, layout, catalog, when)
    if foreign is not None:  # the whole sheet is another province's: its names are not read here
        return Extracted(empty_observations(), [*problems, foreign], {"no_table": True})
    data_rows = list(range(layout.data_first, max(layout.data_last, layout.data_first)))
    name_col = layout.name_col
    if name_col is None or not resolved or not data_rows:
        return Extracted(empty_observations(), problems, {"no_table": True})
    problems += _period_totals(file, sheet, layout)
    names = NameResolver(catalog, decisions, log, file, sheet.name, problems)
    title = title_text(layout)
    cols = column_axis(
        file,
        sheet.name,
        layout,
        resolved,
        catalog,
        names,
        title,
        when,
        since,
        unit_of_sheet,
        problems,
    )
    matrix_cols = layout.rows_are == "units" and any(
        c in catalog.criterion_codes for c in cols.indicator if c
    )

    # ------------------------------------------------------------ the value block, parsed as numbers
    vcols = [r.column.index for r in resolved]
    shape = (len(data_rows), len(vcols))
    raw = _value_cells(rows, data_rows, vcols)
    flat_v, flat_s = parse_column(raw, None)
    values, status = flat_v.reshape(shape), flat_s.reshape(shape)
    has_number = (status == NUMBER).any(axis=1)
    nonblank = _nonblank(raw, shape)
    if layout.rows_are == "periods":
        axis = period_rows(sheet, layout, data_rows, has_number, problems)
    else:
        axis = row_axis(
            file,
            sheet,
            layout,
            catalog,
            names,
            data_rows,
            has_number,
            nonblank,
            cols,
            when,
            since,
            unit_of_sheet,
            matrix_cols,
            problems,
            stale is not None,
        )

    # ------------------------------------------------------------ criterion cells read as marks
    marks = _mark_cells(layout, catalog, axis, cols, shape)
    is_matrix = bool(marks.any())
    if is_matrix:
        block = np.asarray(raw, dtype=object).reshape(shape)
        m_r, m_c = np.nonzero(marks)
        mv, ms = parse_marks(block[m_r, m_c])
        values[m_r, m_c] = mv
        status[m_r, m_c] = np.where(ms == 1, NUMBER, TEXT)
    family(layout, resolved, is_matrix, cols)

    # ------------------------------------------------------------ recognised cells, percentages, checks
    row_ok = np.array([t is not None for t in axis.target], dtype=bool)
    live = row_ok[:, None] & cols.ok[None, :]
    scale_percent_cells(
        sheet, catalog, layout, resolved, data_rows, vcols, values, status, axis, cols
    )
    targets = (
        np.array([r.kind == "target" for r in resolved], dtype=bool)
        if layout.rows_are != "periods"
        else None
    )
    problems += check_cells(
        file,
        sheet,
        data_rows,
        vcols,
        status,
        live,
        marks if is_matrix else None,
        layout.header_first,
        [r.column.text for r in resolved],
        name_col,
        targets,
    )
    mask = loadable(status, live, sheet, data_rows, vcols)
    ri, ci = np.nonzero(mask)
    obs = _assemble(
        file,
        sheet,
        layout,
        catalog,
        resolved,
        data_rows,
        vcols,
        ri,
        ci,
        values,
        axis,
        cols,
        unit_of_sheet,
        problems,
    )
    row_keys = [t for t in axis.target if t is not None]
    col_keys = [
        (cols.indicator[j], cols.unit[j], r.year, r.month_from, r.month_to, r.kind, r.target_source)
        for j, r in enumerate(resolved)
        if cols.ok[j]
    ]
    unique_keys = len(set(row_keys)) == len(row_keys) and len(set(col_keys)) == len(col_keys)
    extras = {
        "report_date": when,
        "sheet_unit": unit_of_sheet,
        "values": values,
        "status": status,
        "data_rows": data_rows,
        "vcols": vcols,
        "resolved": resolved,
        "row_target": axis.target,
        "col_indicator": cols.indicator,
        "col_unit": cols.unit,
        "across": cols.across,
        "count_rows": axis.count_rows,
        "is_matrix": is_matrix,
        "unique_keys": unique_keys,
        "mark_rows": np.flatnonzero(marks.any(axis=1)).tolist(),
        "rate_rows": _rates(
            catalog, axis.target if layout.rows_are == "indicators" else [None] * len(data_rows)
        ),
        "rate_cols": _rates(catalog, cols.indicator),
    }
    return Extracted(obs, problems, extras)


def _rates(catalog: Catalog, codes) -> np.ndarray:
    """Which row/column indicators are rates or marks: their values do not add up over periods."""
    kinds = catalog.indicators["value_type"]
    return np.array(
        [
            c is not None and c in kinds.index and kinds.at[c] in ("rate", "bool", "points")
            for c in codes
        ],
        dtype=bool,
    )


def family(layout: Layout, resolved: list[Resolved], is_matrix: bool, cols: ColumnAxis) -> None:
    if layout.rows_are == "periods":
        layout.family = "series"
    elif is_matrix:
        layout.family = "matrix"
    elif layout.rows_are == "units":
        layout.family = "units"
    elif cols.across:
        layout.family = "across"
    elif layout.family != "urban":
        years_only = (
            all(r.column.period.month_from is None for r in resolved)
            and len({r.year for r in resolved}) > 2
        )
        layout.family = "series" if years_only else "report"


def _period_totals(file: str, sheet: Sheet, layout: Layout) -> list[Problem]:
    """ "Thực hiện giai đoạn 2016–2020": a total over several years the store cannot hold as one
    observation; said so, so nothing is lost without a word."""
    out = []
    for col in layout.columns:
        if col.role != "period_total":
            continue
        if not any(
            isinstance(sheet.rows[r][col.index], (int, float))
            or cell_text(sheet.rows[r][col.index])
            for r in range(layout.data_first, layout.data_last)
        ):
            continue
        cell = a1(layout.header_first, col.index)
        out.append(problem("period-total-column", file, sheet.name, cell, column=col.text))
    return out


def _nonblank(raw: list, shape: tuple[int, int]) -> np.ndarray:
    """Rows whose value cells hold anything but blanks and no-data dashes (an "x" mark counts)."""
    out = np.zeros(shape[0], dtype=bool)
    if not shape[1]:
        return out
    width = shape[1]
    for i in range(shape[0]):
        for v in raw[i * width : (i + 1) * width]:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out[i] = True
                break
            if v is not None and str(v).strip() not in NO_DATA_MARKS:
                out[i] = True
                break
    return out


def _mark_cells(
    layout: Layout, catalog: Catalog, rows: RowAxis, cols: ColumnAxis, shape
) -> np.ndarray:
    """Cells that hold criterion marks: a criterion column of a ward matrix, a criterion row of a
    transposed matrix (criteria down, communes across)."""
    crit = catalog.criterion_codes
    out = np.zeros(shape, dtype=bool)
    if not crit:
        return out
    if layout.rows_are == "periods":
        return out
    if layout.rows_are == "units":
        col_c = np.array([c in crit for c in cols.indicator], dtype=bool)
        row_ok = np.array([t is not None for t in rows.target], dtype=bool)
        out |= row_ok[:, None] & col_c[None, :]
    else:
        row_c = np.array([t in crit for t in rows.target], dtype=bool)
        out |= row_c[:, None] & cols.ok[None, :]
    return out


def scale_percent_cells(
    sheet: Sheet,
    catalog: Catalog,
    layout: Layout,
    resolved,
    data_rows,
    vcols,
    values,
    status,
    rows: RowAxis,
    cols: ColumnAxis,
) -> int:
    """A cell shown as 48,08% is stored by Excel as 0,4808: in a % column or for a % indicator, numbers
    whose cell format is a percentage are multiplied by 100 (the sheet scan beside calamine lists the
    percent-formatted cells of .xlsx sheets; nothing is done when there are none). Returns the cells scaled."""
    percent_cells = sheet.percent_cells
    pct = catalog.match_measure("%")
    if not percent_cells or pct is None or not len(vcols) or not len(data_rows):
        return 0
    measure_of = catalog.indicators["measure"]
    col_pct = np.array(
        [
            "%" in r.column.text
            or (bool(m) and catalog.match_measure(m) == pct)
            or (layout.rows_are == "units" and c is not None and measure_of.get(c) == pct)
            for r, m, c in zip(resolved, cols.measure, cols.indicator)
        ],
        dtype=bool,
    )
    if layout.rows_are == "indicators":
        row_pct = np.array(
            [
                t is not None
                and ((catalog.match_measure(m) == pct) if m else measure_of.get(t) == pct)
                for t, m in zip(rows.target, rows.measure)
            ],
            dtype=bool,
        )
    else:
        row_pct = np.zeros(len(data_rows), dtype=bool)
    row_pos = {r: i for i, r in enumerate(data_rows)}
    col_pos = {c: j for j, c in enumerate(vcols)}
    cells = sheet.rows
    scaled = 0
    for r, c in sorted(percent_cells):
        i, j = row_pos.get(r), col_pos.get(c)
        if i is None or j is None or not (row_pct[i] or col_pct[j]) or status[i, j] != NUMBER:
            continue
        if isinstance(cells[r][c], float) and abs(values[i, j]) <= 10:
            values[i, j] = float(
                f"{values[i, j] * 100:.12g}"
            )  # 0,4808 → 48,08, not 48,080000000000005
            scaled += 1
    return scaled


def _value_cells(rows: list[list], data_rows: list[int], vcols: list[int]) -> list:
    """The value block row by row as one flat list (slices when the value columns are contiguous)."""
    if not vcols:
        return []
    lo, hi = vcols[0], vcols[-1] + 1
    if hi - lo == len(vcols):
        return list(chain.from_iterable(rows[r][lo:hi] for r in data_rows))
    if len(vcols) == 1:
        c = vcols[0]
        return [rows[r][c] for r in data_rows]
    take = itemgetter(*vcols)
    return list(chain.from_iterable(take(rows[r]) for r in data_rows))


def _factor(
    catalog: Catalog, text: str, code: str, file: str, sheet: str, cell: str
) -> tuple[float | None, Problem | None]:
    """(factor from the written measure into the indicator's catalog measure, problem) — None when
    the measure is unknown or cannot convert."""
    target = catalog.indicators.at[code, "measure"]
    if not text or text.strip() in ("-", "—"):
        return 1.0, None
    source = catalog.match_measure(text)
    if source is None:
        return None, unknown_measure(file, sheet, cell, text, catalog)
    factor = catalog.factor(source, target)
    if factor is None:
        return None, problem(
            "measure-mismatch",
            file,
            sheet,
            cell,
            text=text,
            indicator=catalog.indicators.at[code, "name"],
            measure=catalog.measures.at[target, "name"],
        )
    return factor, None


def _unit_of_period(
    catalog: Catalog, unit: np.ndarray, ci: np.ndarray, resolved: list[Resolved]
) -> np.ndarray:
    """Each cell's unit for its column's period: a unit that did not exist then (Xã Hộ Độ's row under the
    city from 2025, holding its 2024 figures) gives way to the unit of the same code and name that did (its
    row under Lộc Hà); a new ward with no such predecessor keeps its figures. Checked for all cells at once
    (unit validity against column periods as day numbers); only the few invalid pairs are looked up."""
    if len(unit) == 0:
        return unit
    ids, inverse = np.unique(unit, return_inverse=True)
    lo, hi = np.full(len(ids), -(10**9), dtype=np.int64), np.full(len(ids), 10**9, dtype=np.int64)
    for k, u in enumerate(ids.tolist()):
        own = catalog.units.get(u)
        if own is None:
            continue
        if not own.open_start:
            lo[k] = own.valid_from.toordinal()
        if own.valid_to is not None:
            hi[k] = own.valid_to.toordinal()
    starts = np.array(
        [date(r.year, r.month_from, 1).toordinal() if r.year else 0 for r in resolved],
        dtype=np.int64,
    )
    ends = np.array(
        [period_end(r.year, r.month_to).toordinal() if r.year else 0 for r in resolved],
        dtype=np.int64,
    )
    inverse = inverse.ravel()
    valid = (lo[inverse] <= ends[ci]) & (starts[ci] <= hi[inverse])
    valid |= (unit < 0) | (starts[ci] == 0)
    if valid.all():
        return unit
    out = unit.copy()
    bad = np.flatnonzero(~valid)
    pairs, where = np.unique(np.stack([unit[bad], ci[bad]]), axis=1, return_inverse=True)
    where = where.ravel()
    for k, (u, j) in enumerate(pairs.T.tolist()):
        r, own = resolved[j], catalog.units[u]
        first, last = date(r.year, r.month_from, 1), period_end(r.year, r.month_to)
        before = [
            v.unit_id
            for v in catalog.units.values()
            if v.code == own.code and v.name == own.name and v.valid_during(first, last)
        ]
        if len(before) == 1:
            out[bad[where == k]] = before[0]
    return out


def _assemble(
    file,
    sheet: Sheet,
    layout: Layout,
    catalog: Catalog,
    resolved: list[Resolved],
    data_rows,
    vcols,
    ri,
    ci,
    values,
    rows: RowAxis,
    cols: ColumnAxis,
    unit_of_sheet,
    problems,
) -> pd.DataFrame:
    if len(ri) == 0:
        return empty_observations()
    by_row = layout.rows_are == "indicators"
    # the indicator of each cell
    if by_row:
        ind_labels, ind_codes = rows.target, ri
    else:
        ind_labels, ind_codes = cols.indicator, ci
    # the measure written for each cell: the row's ĐVT, else the column's header or ĐVT row, else the
    # "Đơn vị tính:" line above the table, else none (the catalog's)
    labels = list(rows.measure) + list(cols.measure) + [layout.measure_line or ""]
    where = list(rows.measure_cell) + list(cols.measure_cell) + ["A1"]
    line = len(labels) - 1
    col_has = np.array([bool(m) for m in cols.measure], dtype=bool)
    m_codes = np.where(col_has[ci], len(rows.measure) + ci, line)
    if by_row:
        row_has = np.array([bool(m) for m in rows.measure], dtype=bool)
        m_codes = np.where(row_has[ri], ri, m_codes)
    # one conversion per distinct (indicator, measure) pair
    pair = np.asarray(ind_codes, dtype=np.int64) * len(labels) + m_codes
    uniq, inverse = np.unique(pair, return_inverse=True)
    factor_of = np.ones(len(uniq))
    ok_of = np.ones(len(uniq), dtype=bool)
    for k, p in enumerate(uniq.tolist()):
        code, mi = ind_labels[p // len(labels)], p % len(labels)
        f, issue = _factor(catalog, labels[mi], code, file, sheet.name, where[mi] or "A1")
        if issue is not None:
            if not any(
                q.code == issue.code and q.cell == issue.cell and q.message == issue.message
                for q in problems
            ):
                problems.append(issue)
            ok_of[k] = False
        else:
            factor_of[k] = f
    keep = ok_of[inverse]
    if not keep.all():
        ri, ci, inverse, m_codes, ind_codes = (
            ri[keep],
            ci[keep],
            inverse[keep],
            m_codes[keep],
            np.asarray(ind_codes)[keep],
        )
    n = len(ri)
    if n == 0:
        return empty_observations()
    factor = factor_of[inverse]
    raw = values[ri, ci]
    indicator = categorical(np.asarray(ind_codes, dtype=np.int64), ind_labels)
    if by_row and cols.across:
        unit = np.array([-1 if u is None else int(u) for u in cols.unit], dtype=np.int64)[ci]
    elif by_row:
        if unit_of_sheet is None and not any(p.code == "unknown-sheet-unit" for p in problems):
            problems.append(problem("unknown-sheet-unit", file, sheet.name, "A1"))
        unit = np.full(n, unit_of_sheet if unit_of_sheet is not None else -1, dtype=np.int64)
    elif layout.rows_are == "periods":
        unit = np.full(n, unit_of_sheet if unit_of_sheet is not None else -1, dtype=np.int64)
    else:
        unit = np.array([-1 if t is None else int(t) for t in rows.target], dtype=np.int64)[ri]
    if layout.rows_are == "periods":  # each row its period, kind and source; the sheet's unit
        periods = [t if t is not None else (0, 1, 12, "actual", "") for t in rows.target]
        years = np.array([t[0] for t in periods], dtype=np.int64)[ri]
        mfrom = np.array([t[1] for t in periods], dtype=np.int64)[ri]
        mto = np.array([t[2] for t in periods], dtype=np.int64)[ri]
        kinds, sources = (
            categorical(ri, [t[3] for t in periods]),
            categorical(ri, [t[4] for t in periods]),
        )
        unit = np.full(n, unit_of_sheet if unit_of_sheet is not None else -1, dtype=np.int64)
    else:
        unit = _unit_of_period(catalog, unit, ci, resolved)
        years = np.array([r.year or 0 for r in resolved], dtype=np.int64)[ci]
        mfrom = np.array([r.month_from for r in resolved], dtype=np.int64)[ci]
        mto = np.array([r.month_to for r in resolved], dtype=np.int64)[ci]
        kinds = categorical(ci, [r.kind for r in resolved])
        sources = categorical(ci, [r.target_source for r in resolved])
    rows_abs = np.array(data_rows, dtype=np.int64)[ri]
    cols_abs = np.array(vcols, dtype=np.int64)[ci]
    return pd.DataFrame(
        {
            "indicator_code": indicator,
            "unit_id": unit,
            "year": years,
            "month_from": mfrom,
            "month_to": mto,
            "kind": kinds,
            "target_source": sources,
            "value": raw * factor,
            "source_value": raw,
            "source_measure": categorical(m_codes, labels),
            "source_cell": cell_refs(sheet.name, rows_abs, cols_abs),
            "sheet": constant(sheet.name, n),
            "row": rows_abs,
            "col": cols_abs,
        }
    )
