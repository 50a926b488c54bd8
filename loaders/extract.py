"""Table sheets → observations: rows of indicators (report, series, urban) or of admin units (units,
matrix) crossed with the resolved value columns. The value block is parsed in one vectorised pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter

import numpy as np
import pandas as pd

from loaders.catalog import SECTION_ROW, TOTAL_ROW, Catalog
from loaders.cells import a1
from loaders.criteria_columns import narrow as narrow_criteria
from loaders.frames import categorical, cell_refs, constant
from loaders.headers import TRAILING_PAREN
from loaders.columns import Resolved, report_date, resolve_columns
from loaders.layout import Layout, cell_text, title_text
from loaders.marks import parse_marks
from loaders.messages import (
    unknown_indicator, unknown_measure, unknown_unit, text_in_number,
)
from loaders.names import fold, key
from loaders.numbers import NUMBER, TEXT, parse_column
from loaders.problems import Problem, problem
from loaders.read import Sheet

SUB_ITEM = re.compile(r"^\s*(?:[-+*•–]|[a-zđ]\)|trong đó)", re.I)


@dataclass
class Extracted:
    observations: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    extras: dict = field(default_factory=dict)


OBS_COLUMNS = ["indicator_code", "unit_id", "year", "month_from", "month_to", "kind", "target_source",
               "value", "source_value", "source_measure", "source_cell", "sheet", "row", "col"]


_EMPTY = pd.DataFrame({c: pd.Series(dtype="object") for c in OBS_COLUMNS})


def empty_observations() -> pd.DataFrame:
    return _EMPTY.copy()


def sheet_unit(layout: Layout, catalog: Catalog, when) -> int | None:
    """The unit a sheet is about: named in its title, else in its letterhead ("UBND PHƯỜNG TRẦN PHÚ")."""
    for lines in (layout.title_lines, layout.letterhead_lines):
        for _, text in lines:
            found = catalog.units_in_text(text, when)
            if found:
                return found[0]
    return None


def stale_sheet_unit(layout: Layout, catalog: Catalog, when, unit: int | None) -> tuple[int, str, int] | None:
    """(row, text, unit) of a ward/commune the title or letterhead names that did not exist at the
    report date while the sheet's unit would fall back to a wider one: its values must not go to the
    city ("UBND XÃ THẠCH MÔN" on a 2021 report; the commune became Xã Đồng Môn in 2020)."""
    level = catalog.unit_level(unit) if unit is not None else 9
    for lines in (layout.title_lines, layout.letterhead_lines):
        for r, text in lines:
            for i in catalog.units_in_text(text, None):
                if catalog.unit_level(i) < level and not catalog.units[i].valid_at(when):
                    return r, text, i
    return None


def extract_table(file: str, sheet: Sheet, layout: Layout, catalog: Catalog) -> Extracted:
    rows = sheet.rows
    problems: list[Problem] = []
    resolved = resolve_columns(layout)
    when = report_date(resolved, layout)
    unit_of_sheet = sheet_unit(layout, catalog, when)
    dated = layout.title_period.year is not None or any(r.year for r in resolved)
    stale = stale_sheet_unit(layout, catalog, when, unit_of_sheet) if dated else None
    if stale is not None:
        r, text, i = stale
        u = catalog.units[i]
        c = next((c for c, v in enumerate(rows[r]) if cell_text(v) == text), 0)
        dates = (f"đến {u.valid_to:%d/%m/%Y}" if u.valid_to and u.valid_to < when else f"từ {u.valid_from:%d/%m/%Y}")
        problems.append(problem("unknown-sheet-unit", file, sheet.name, a1(r, c),
            f"Ô {a1(r, c)} ghi \"{text}\" nhưng {u.name} chỉ có {dates}, không có vào ngày báo cáo "
            f"{when:%d/%m/%Y}. Số liệu của biểu không được gán cho đơn vị khác. Hãy ghi đúng tên đơn vị "
            "tại thời điểm báo cáo (hoặc kiểm tra lại năm của biểu)."))
        unit_of_sheet = None
    data_rows = list(range(layout.data_first, len(rows)))
    name_col = layout.name_col
    if name_col is None or not resolved or not data_rows:
        return Extracted(empty_observations(), problems, {"no_table": True})

    # ---------------------------------------------------------------- column meanings
    title = title_text(layout)
    col_indicator: list[str | None] = []
    col_measure: list[str] = []  # a measure written in the column's header ("Tổng thu (triệu đồng)")
    by_hint: dict[str, set] = {}
    for r in resolved:
        code = None
        mtext = r.column.measure_text
        has_measure = bool(mtext) and catalog.match_measure(mtext) is not None
        col_measure.append(mtext if has_measure else "")
        if layout.rows_are == "units":
            hint = r.column.hint
            if hint and fold(hint) not in ("tieu chi", "gia tri"):
                if hint not in by_hint:
                    found = narrow_criteria(catalog.match_indicator(hint), hint, title)
                    if not found and has_measure:  # "Tổng thu (triệu đồng)": the name without its measure
                        bare = TRAILING_PAREN.sub("", hint).strip()
                        found = narrow_criteria(catalog.match_indicator(bare), bare, title)
                    by_hint[hint] = found
                found = by_hint[hint]
                code = next(iter(found)) if len(found) == 1 else None
                if code is None:
                    cell = a1(layout.header_last, r.column.index)
                    problems.append(unknown_indicator(file, sheet.name, cell, hint, catalog))
            else:
                code = catalog.indicator_in_text(title)
                if code is None:
                    problems.append(problem("unknown-indicator", file, sheet.name, a1(layout.header_first, r.column.index),
                        f"Không xác định được chỉ tiêu của cột \"{r.column.text}\" (ô {a1(layout.header_first, r.column.index)}): "
                        "tiêu đề biểu và tiêu đề cột không nêu tên chỉ tiêu trong danh mục. "
                        "Hãy ghi tên chỉ tiêu ở tiêu đề cột, ví dụ \"Tổng thu ngân sách\"."))
        col_indicator.append(code)
        if r.year is None:
            cell = a1(layout.header_first, r.column.index)
            problems.append(problem("unreadable-period", file, sheet.name, cell,
                f"Không đọc được năm/kỳ báo cáo của cột \"{r.column.text}\" (ô {cell}). Hãy ghi rõ kỳ ở "
                "tiêu đề cột hoặc tiêu đề biểu, ví dụ \"Thực hiện 6 tháng năm 2016\" hoặc \"Kế hoạch năm 2017\"."))
    is_matrix = layout.rows_are == "units" and any(
        c is not None and c in catalog.criterion_codes for c in col_indicator
    )
    if is_matrix:
        layout.family = "matrix"
    elif layout.rows_are == "units":
        layout.family = "units"
    elif layout.family != "urban":
        years_only = all(r.column.period.month_from is None for r in resolved) and len({r.year for r in resolved}) > 2
        layout.family = "series" if years_only else "report"

    # ---------------------------------------------------------------- value block, vectorised
    vcols = [r.column.index for r in resolved]
    shape = (len(data_rows), len(vcols))
    if is_matrix:
        block = np.empty(shape, dtype=object)
        for i, r in enumerate(data_rows):
            row = rows[r]
            block[i] = [row[c] for c in vcols]
        values, status = parse_marks(block)
    else:
        flat_v, flat_s = parse_column(_value_cells(rows, data_rows, vcols), None)
        values, status = flat_v.reshape(shape), flat_s.reshape(shape)
    has_value = (status != 0).any(axis=1)
    if is_matrix:  # an empty matrix row is a commune with no criterion met; blanks are 0
        has_value = np.ones(len(data_rows), dtype=bool)

    # ---------------------------------------------------------------- rows
    row_target: list = [None] * len(data_rows)
    row_factor = np.ones(len(data_rows))
    row_measure: list[str] = [""] * len(data_rows)
    parent = None
    line_measure = layout.measure_line or ""
    row_own_measure = np.zeros(len(data_rows), dtype=bool)
    for i, r in enumerate(data_rows):
        cells = rows[r]
        name = cell_text(cells[name_col])
        stt = cell_text(cells[layout.stt_col]) if layout.stt_col is not None else ""
        if r in sheet.hidden_rows:
            if has_value[i] and name:
                problems.append(problem("hidden-row", file, sheet.name, a1(r, name_col),
                    f"Dòng {r + 1} (\"{name}\") đang bị ẩn nên không được nạp. Nếu cần nạp, hãy bỏ ẩn dòng rồi tải lên lại."))
            continue
        if not name:
            if has_value[i] and not is_matrix and (status[i] == NUMBER).any():
                problems.append(problem("unnamed-row", file, sheet.name, a1(r, name_col),
                    f"Dòng {r + 1} có số liệu nhưng không có tên (ô {a1(r, name_col)}) nên bị bỏ qua. "
                    "Hãy ghi tên chỉ tiêu/đơn vị vào ô này."))
            continue
        if layout.rows_are == "indicators":
            if not has_value[i]:
                continue
            sub = bool(SUB_ITEM.match(stt) or SUB_ITEM.match(name))
            found = catalog.match_indicator(name, parent if sub else None)
            if len(found) != 1:
                problems.append(unknown_indicator(file, sheet.name, a1(r, name_col), name, catalog, ambiguous=found))
                continue
            code = next(iter(found))
            if not sub:
                parent = code
            row_target[i] = code
            text = cell_text(cells[layout.measure_col]) if layout.measure_col is not None else ""
            mcell = a1(r, layout.measure_col) if layout.measure_col is not None else None
            row_own_measure[i] = bool(text)
            if not text and line_measure:
                text, mcell = line_measure, None
            factor, measure_name, issue = _measure_factor(text, code, catalog, file, sheet.name, mcell or a1(r, name_col))
            if issue:
                problems.append(issue)
                row_target[i] = None
                continue
            row_factor[i], row_measure[i] = factor, measure_name
        else:
            k = key(name)
            if TOTAL_ROW.match(k):
                if unit_of_sheet is None:
                    if has_value[i] and stale is None:
                        problems.append(problem("unknown-sheet-unit", file, sheet.name, a1(r, name_col),
                            f"Dòng \"{name}\" (ô {a1(r, name_col)}) là dòng tổng nhưng không rõ của đơn vị nào: "
                            "tiêu đề và tiêu đề góc trái không nêu tên đơn vị. Hãy ghi ví dụ \"UBND THÀNH PHỐ HÀ TĨNH\"."))
                    continue
                row_target[i] = unit_of_sheet
                continue
            if SECTION_ROW.match(k):
                continue
            if is_matrix and not stt[:1].isdigit() and not (status[i] == NUMBER).any() and not catalog.match_unit(name, when)[0]:
                continue  # footer lines under a matrix
            valid, others = catalog.match_unit(name, when, unit_of_sheet)
            if len(valid) == 1:
                row_target[i] = valid[0]
            elif has_value[i] and (not is_matrix or (status[i] == NUMBER).any() or stt[:1].isdigit()):
                problems.append(unknown_unit(file, sheet.name, a1(r, name_col), name, catalog, valid, others, when))

    # ---------------------------------------------------------------- percentages stored as fractions
    if not is_matrix:
        scale_percent_cells(sheet, catalog, layout, resolved, data_rows, vcols, values, status, row_target,
                            row_measure, col_indicator, col_measure)

    # ---------------------------------------------------------------- cells with text
    text_r, text_c = np.nonzero(status == TEXT)
    for i, j in zip(text_r, text_c):
        if row_target[i] is None and layout.rows_are == "indicators" and not has_value[i]:
            continue
        r, c = data_rows[i], vcols[j]
        if r in sheet.hidden_rows or c in sheet.hidden_cols:
            continue
        if is_matrix:
            problems.append(problem("unreadable-mark", file, sheet.name, a1(r, c),
                f"Ô {a1(r, c)} ghi \"{cell_text(rows[r][c])}\": không đọc được là đạt hay chưa đạt. "
                "Hãy ghi \"x\" (hoặc \"Đạt\") cho tiêu chí đã đạt và để trống (hoặc \"Chưa đạt\") nếu chưa đạt."))
        else:
            problems.append(text_in_number(file, sheet.name, a1(r, c), rows[r][c]))

    # ---------------------------------------------------------------- formulas never computed
    empty = sheet.empty_formula_cells
    if empty:
        row_pos = {r: i for i, r in enumerate(data_rows)}
        col_pos = {c: j for j, c in enumerate(vcols)}
        for r, c in sorted(empty):
            i, j = row_pos.get(r), col_pos.get(c)
            if i is None or j is None or status[i, j] == NUMBER or r in sheet.hidden_rows:
                continue
            if row_target[i] is None and not (layout.rows_are == "indicators" and has_value[i]):
                continue
            problems.append(problem("formula-without-value", file, sheet.name, a1(r, c),
                f"Ô {a1(r, c)} có công thức nhưng chưa có kết quả tính (tệp do phần mềm khác tạo, chưa mở bằng Excel), "
                "nên giá trị sẽ bị mất. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi tải lên."))

    # ---------------------------------------------------------------- observations
    hidden_cols = [j for j, c in enumerate(vcols) if c in sheet.hidden_cols]
    for j in hidden_cols:
        if (status[:, j] == NUMBER).any():
            c = vcols[j]
            problems.append(problem("hidden-column", file, sheet.name, a1(layout.header_first, c),
                f"Cột {a1(layout.header_first, c).rstrip('0123456789')} (\"{resolved[j].column.text}\") đang bị ẩn nên không được nạp. "
                "Nếu cần nạp, hãy bỏ ẩn cột rồi tải lên lại."))
    ok_row = np.array([t is not None and data_rows[i] not in sheet.hidden_rows for i, t in enumerate(row_target)], dtype=bool)
    ok_col = np.array([col_indicator[j] is not None or layout.rows_are == "indicators" for j in range(len(vcols))], dtype=bool)
    ok_col &= np.array([r.year is not None for r in resolved], dtype=bool)
    if hidden_cols:
        ok_col[hidden_cols] = False
    mask = (status == NUMBER) & ok_row[:, None] & ok_col[None, :]
    # a cell's key is its row's (indicator or unit) and its column's (period, kind, and the indicator of
    # a ward table's column): when no two rows and no two columns repeat, no two cells can
    row_keys = [row_target[i] for i in np.flatnonzero(ok_row).tolist()]
    col_keys = [(col_indicator[j], resolved[j].year, resolved[j].month_from, resolved[j].month_to, resolved[j].kind,
                 resolved[j].target_source) for j in np.flatnonzero(ok_col).tolist()]
    unique_keys = len(set(row_keys)) == len(row_keys) and len(set(col_keys)) == len(col_keys)
    ri, ci = np.nonzero(mask)
    obs = _assemble(file, sheet, layout, catalog, resolved, data_rows, vcols, ri, ci, values,
                    row_target, row_factor, row_measure, col_indicator, unit_of_sheet, line_measure, problems,
                    col_measure, row_own_measure)
    extras = {"report_date": when, "sheet_unit": unit_of_sheet, "values": values, "status": status,
              "data_rows": data_rows, "vcols": vcols, "resolved": resolved, "row_target": row_target,
              "col_indicator": col_indicator, "is_matrix": is_matrix, "unique_keys": unique_keys}
    return Extracted(obs, problems, extras)


def scale_percent_cells(sheet: Sheet, catalog: Catalog, layout: Layout, resolved, data_rows, vcols, values, status,
                        row_target, row_measure, col_indicator, col_measure) -> int:
    """A cell shown as 48,08% is stored by Excel as 0,4808: in a % column or for a % indicator, numbers
    whose cell format is a percentage are multiplied by 100 (the sheet scan beside calamine lists the
    percent-formatted cells of .xlsx sheets; nothing is done when there are none). Returns the cells scaled."""
    percent_cells = sheet.percent_cells
    pct = catalog.match_measure("%")
    if not percent_cells or pct is None or not len(vcols) or not len(data_rows):
        return 0
    measure_of = catalog.indicators["measure"]
    col_pct = np.array([
        "%" in r.column.text or (bool(m) and catalog.match_measure(m) == pct)
        or (layout.rows_are == "units" and c is not None and measure_of.get(c) == pct)
        for r, m, c in zip(resolved, col_measure, col_indicator)], dtype=bool)
    if layout.rows_are == "indicators":
        row_pct = np.array([
            t is not None and ((catalog.match_measure(m) == pct) if m else measure_of.get(t) == pct)
            for t, m in zip(row_target, row_measure)], dtype=bool)
    else:
        row_pct = np.zeros(len(data_rows), dtype=bool)
    row_pos = {r: i for i, r in enumerate(data_rows)}
    col_pos = {c: j for j, c in enumerate(vcols)}
    rows = sheet.rows
    scaled = 0
    for r, c in sorted(percent_cells):
        i, j = row_pos.get(r), col_pos.get(c)
        if i is None or j is None or not (row_pct[i] or col_pct[j]) or status[i, j] != NUMBER:
            continue
        if isinstance(rows[r][c], float) and abs(values[i, j]) <= 10:
            values[i, j] = float(f"{values[i, j] * 100:.12g}")  # 0,4808 → 48,08, not 48,080000000000005
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


def _measure_factor(text: str, code: str, catalog: Catalog, file: str, sheet: str, cell: str):
    """(factor into the catalog measure, measure name as written, problem or None)."""
    target = catalog.indicators.at[code, "measure"]
    if not text or text.strip() in ("-", "—"):
        return 1.0, "" if not text else text, None
    source = catalog.match_measure(text)
    if source is None:
        return 1.0, text, unknown_measure(file, sheet, cell, text, catalog)
    factor = catalog.factor(source, target)
    if factor is None:
        return 1.0, text, problem("measure-mismatch", file, sheet, cell,
            f"Đơn vị tính \"{text}\" (ô {cell}) không đổi được sang đơn vị của chỉ tiêu "
            f"\"{catalog.indicators.at[code, 'name']}\" ({catalog.measures.at[target, 'name']}). "
            "Hãy kiểm tra lại đơn vị tính hoặc tên chỉ tiêu.")
    return factor, text, None


def _assemble(file, sheet, layout, catalog, resolved: list[Resolved], data_rows, vcols, ri, ci, values,
              row_target, row_factor, row_measure, col_indicator, unit_of_sheet, line_measure, problems,
              col_measure, row_own_measure):
    n = len(ri)
    if n == 0:
        return empty_observations()
    if layout.rows_are == "indicators" and any(col_measure):
        # a measure in a column's header counts for the rows whose ĐVT cell is blank
        use = ~row_own_measure[ri] & np.array([bool(m) for m in col_measure], dtype=bool)[ci]
        if use.any():
            factors: dict[tuple, float | None] = {}
            factor_of = np.ones(n)
            ok = np.ones(n, dtype=bool)
            for k in np.flatnonzero(use).tolist():
                code, text = row_target[ri[k]], col_measure[ci[k]]
                if (code, text) not in factors:
                    cell = a1(layout.header_last, vcols[ci[k]])
                    f, _, issue = _measure_factor(text, code, catalog, file, sheet.name, cell)
                    if issue:
                        problems.append(issue)
                    factors[(code, text)] = None if issue else f
                got = factors[(code, text)]
                ok[k] = got is not None
                factor_of[k] = got or 1.0
            keep = ok
            ri, ci, n = ri[keep], ci[keep], int(keep.sum())
            override = np.where(use[keep], factor_of[keep], np.nan)
            labels = [row_measure[i] for i in range(len(row_measure))] + col_measure
            mcodes = np.where(use[keep], len(row_measure) + ci, ri)
        else:
            override, mcodes, labels = None, None, None
    else:
        override, mcodes, labels = None, None, None
    if n == 0:
        return empty_observations()
    raw = values[ri, ci]
    if layout.rows_are == "indicators":
        indicator = categorical(ri, row_target)
        unit = np.full(n, unit_of_sheet if unit_of_sheet is not None else -1, dtype=np.int64)
        factor = row_factor[ri]
        measure = categorical(ri, row_measure)
        if override is not None:
            factor = np.where(np.isnan(override), factor, override)
            measure = categorical(mcodes, labels)
        if unit_of_sheet is None and not any(p.code == "unknown-sheet-unit" for p in problems):
            problems.append(problem("unknown-sheet-unit", file, sheet.name, "A1",
                "Không xác định được số liệu của đơn vị nào: tiêu đề góc trái và tên biểu không nêu tên "
                "phường/xã/thành phố. Hãy ghi tên đơn vị ở tiêu đề góc trái (ví dụ \"UBND PHƯỜNG TRẦN PHÚ\") "
                "hoặc trong tên biểu."))
    else:
        indicator = categorical(ci, col_indicator)
        unit = np.array([-1 if t is None else int(t) for t in row_target], dtype=np.int64)[ri]
        col_factor = np.ones(len(vcols))
        texts = [m or line_measure for m in col_measure]
        col_ok = np.ones(len(vcols), dtype=bool)
        if any(texts):
            seen: dict[tuple, tuple] = {}
            for j in np.flatnonzero(np.bincount(ci, minlength=len(vcols))).tolist():
                if not texts[j]:
                    continue
                where = a1(layout.header_last, vcols[j]) if col_measure[j] else "A1"
                pair = (texts[j], col_indicator[j])
                if pair not in seen:
                    f, _, issue = _measure_factor(texts[j], col_indicator[j], catalog, file, sheet.name, where)
                    if issue:
                        problems.append(issue)
                    seen[pair] = (f, issue is None)
                col_factor[j], col_ok[j] = seen[pair]
        if not col_ok.all():
            keep = col_ok[ci]
            ri, ci, raw, unit, n = ri[keep], ci[keep], raw[keep], unit[keep], int(keep.sum())
            indicator = categorical(ci, col_indicator)
        factor = col_factor[ci]
        measure = categorical(ci, texts)
    years = np.array([r.year or 0 for r in resolved], dtype=np.int64)[ci]
    mfrom = np.array([r.month_from for r in resolved], dtype=np.int64)[ci]
    mto = np.array([r.month_to for r in resolved], dtype=np.int64)[ci]
    rows_abs = np.array(data_rows, dtype=np.int64)[ri]
    cols_abs = np.array(vcols, dtype=np.int64)[ci]
    return pd.DataFrame({
        "indicator_code": indicator, "unit_id": unit, "year": years, "month_from": mfrom, "month_to": mto,
        "kind": categorical(ci, [r.kind for r in resolved]),
        "target_source": categorical(ci, [r.target_source for r in resolved]), "value": raw * factor,
        "source_value": raw, "source_measure": measure, "source_cell": cell_refs(sheet.name, rows_abs, cols_abs),
        "sheet": constant(sheet.name, n), "row": rows_abs, "col": cols_abs,
    })
