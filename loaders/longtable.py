"""Long tables: one observation per row (Đơn vị; Chỉ tiêu; Năm; Kỳ; Loại số liệu; Giá trị; ĐVT), also
the CSV `python -m loaders export` writes. Vectorised: every distinct name, period and kind is
resolved once, then mapped back over the rows."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from loaders.catalog import Catalog
from loaders.cells import a1, column_letter
from loaders.columns import period_end
from loaders.extract import Extracted, empty_observations
from loaders.headers import ACTUAL, ESTIMATE, SAME, SOURCES, TARGET
from loaders.layout import Layout
from loaders.messages import text_in_number, unknown_indicator, unknown_measure, unknown_unit
from loaders.names import fold
from loaders.numbers import NUMBER, TEXT, detect_locale, parse_column
from loaders.periods import parse_period, year_of
from loaders.problems import Problem, problem
from loaders.read import Sheet

KINDS = {"actual": "actual", "estimate": "estimate", "target": "target"}


def read_kind(text: str) -> tuple[str | None, str]:
    t = fold(text)
    if t in KINDS:
        return KINDS[t], ""
    source = next((s for p, s in SOURCES if p.search(t)), "")
    if ESTIMATE.search(t):
        return "estimate", source
    if TARGET.search(t) or source:
        return "target", source
    if ACTUAL.search(t) or SAME.search(t):
        return "actual", source
    return None, source


def _column(rows: list[list], first: int, c: int | None) -> np.ndarray:
    if c is None:
        return np.full(len(rows) - first, "", dtype=object)
    return np.array([r[c] for r in rows[first:]], dtype=object)


def _as_text(values: np.ndarray) -> np.ndarray:
    return np.array([("" if v is None else (str(int(v)) if isinstance(v, float) and v == int(v) else str(v).strip())) for v in values], dtype=object)


def extract_long(file: str, sheet: Sheet, layout: Layout, catalog: Catalog) -> Extracted:
    rows, f = sheet.rows, layout.long_fields
    first = layout.data_first
    n = len(rows) - first
    problems: list[Problem] = []
    if n <= 0 or "value" not in f or not ({"indicator", "indicator_code"} & set(f)) or not ({"unit", "unit_code"} & set(f)):
        missing = [name for name, ok in (("Giá trị", "value" in f), ("Chỉ tiêu", bool({"indicator", "indicator_code"} & set(f))),
                                          ("Đơn vị", bool({"unit", "unit_code"} & set(f)))) if not ok]
        if missing and n > 0:
            problems.append(problem("no-table", file, sheet.name, a1(first - 1, 0),
                f"Bảng dọc thiếu cột {', '.join(missing)} nên không nạp được trang này. "
                "Bảng dọc cần các cột: Đơn vị; Chỉ tiêu; Năm; Kỳ; Loại số liệu; Giá trị; ĐVT."))
        return Extracted(empty_observations(), problems, {"no_table": True})
    hidden = np.array([first + i in sheet.hidden_rows for i in range(n)], dtype=bool)
    value_cells = _column(rows, first, f["value"])
    strings = [v for v in value_cells[:5000] if isinstance(v, str) and v.strip()]
    values, status = parse_column(value_cells, detect_locale(strings))
    keep = (status != 0) & ~hidden
    ok = keep.copy()
    vc = f["value"]
    # ------------------------------------------------------------ periods
    year_txt = _as_text(_column(rows, first, f.get("year")))
    period_txt = _as_text(_column(rows, first, f.get("period")))
    mf_txt = _as_text(_column(rows, first, f.get("month_from")))
    mt_txt = _as_text(_column(rows, first, f.get("month_to")))
    pkey = pd.Series(year_txt + "\x1f" + period_txt + "\x1f" + mf_txt + "\x1f" + mt_txt)
    pcodes, puniq = pd.factorize(pkey)
    p_year = np.zeros(len(puniq), dtype=np.int64)
    p_from = np.zeros(len(puniq), dtype=np.int64)
    p_to = np.zeros(len(puniq), dtype=np.int64)
    for j, text in enumerate(puniq):
        y, p, mf, mt = text.split("\x1f")
        period = parse_period(p) if p else None
        year = year_of(y) or (period.year if period else None)
        if mf.isdigit() and mt.isdigit():
            span = (int(mf), int(mt))
        elif period and period.month_from:
            span = (period.month_from, period.month_to)
        elif not p:
            span = (1, 12)
        else:
            span = None
        if year and span and 1 <= span[0] <= span[1] <= 12:
            p_year[j], p_from[j], p_to[j] = year, span[0], span[1]
    year = p_year[pcodes]
    mfrom, mto = p_from[pcodes], p_to[pcodes]
    bad_period = keep & (year == 0)
    for i in np.flatnonzero(bad_period)[:50]:
        c = f.get("period", f.get("year", 0))
        cell = a1(first + i, c)
        problems.append(problem("unreadable-period", file, sheet.name, cell,
            f"Không đọc được kỳ báo cáo ở dòng {first + i + 1} (năm \"{year_txt[i]}\", kỳ \"{period_txt[i]}\"). "
            "Hãy ghi năm dạng 2016 và kỳ dạng \"Năm\", \"6 tháng\", \"9 tháng\", \"Quý III\", \"Tháng 10\"."))
    ok &= year > 0
    # ------------------------------------------------------------ kinds
    kind_txt = _as_text(_column(rows, first, f.get("kind")))
    kcodes, kuniq = pd.factorize(pd.Series(kind_txt))
    k_kind = np.empty(len(kuniq), dtype=object)
    k_src = np.empty(len(kuniq), dtype=object)
    for j, text in enumerate(kuniq):
        k_kind[j], k_src[j] = read_kind(text) if text else ("actual", "")
    kind, tsource = k_kind[kcodes], k_src[kcodes]
    if "target_source" in f:
        explicit = _as_text(_column(rows, first, f["target_source"]))
        tsource = np.where(explicit != "", explicit, tsource)
    bad_kind = keep & np.array([k is None for k in kind], dtype=bool)
    for i in np.flatnonzero(bad_kind)[:50]:
        cell = a1(first + i, f["kind"])
        problems.append(problem("unreadable-kind", file, sheet.name, cell,
            f"Ô {cell} ghi loại số liệu \"{kind_txt[i]}\" — không rõ là kế hoạch, thực hiện hay ước thực hiện. "
            "Hãy ghi \"Kế hoạch\", \"Thực hiện\" hoặc \"Ước thực hiện\"."))
    ok &= ~bad_kind
    # ------------------------------------------------------------ indicators
    ind_col = f.get("indicator_code", f.get("indicator"))
    ind_txt = _as_text(_column(rows, first, ind_col))
    icodes, iuniq = pd.factorize(pd.Series(ind_txt))
    i_code = np.empty(len(iuniq), dtype=object)
    for j, text in enumerate(iuniq):
        found = catalog.match_indicator(text)
        i_code[j] = next(iter(found)) if len(found) == 1 else None
    indicator = i_code[icodes]
    missing_ind = keep & np.array([c is None for c in indicator], dtype=bool)
    seen = set()
    for i in np.flatnonzero(missing_ind):
        if ind_txt[i] in seen:
            continue
        seen.add(ind_txt[i])
        problems.append(unknown_indicator(file, sheet.name, a1(first + i, ind_col), ind_txt[i], catalog,
                                          ambiguous=catalog.match_indicator(ind_txt[i]) if len(catalog.match_indicator(ind_txt[i])) > 1 else None))
    ok &= ~missing_ind
    # ------------------------------------------------------------ units (name or code) for the period's date
    by_code = "unit_code" in f and "unit" not in f
    unit_col = f["unit_code"] if by_code else f["unit"]
    unit_txt = _as_text(_column(rows, first, unit_col))
    ukey = pd.Series(unit_txt + "\x1f" + year.astype(str) + "\x1f" + mto.astype(str))
    ucodes, uuniq = pd.factorize(ukey)
    u_id = np.full(len(uuniq), -1, dtype=np.int64)
    reported = set()
    first_row = pd.Series(np.arange(n)).groupby(ucodes).first().to_numpy()
    for j, text in enumerate(uuniq):
        name, y, m = text.split("\x1f")
        if int(y) == 0:
            continue
        when = period_end(int(y), int(m))
        if by_code:
            valid = [u.unit_id for u in catalog.units.values() if u.code == name and u.valid_at(when)]
            others = []
        else:
            valid, others = catalog.match_unit(name, when)
        if len(valid) == 1:
            u_id[j] = valid[0]
        elif keep[first_row[j]] and name not in reported:
            reported.add(name)
            i = first_row[j]
            problems.append(unknown_unit(file, sheet.name, a1(first + i, unit_col), name, catalog, valid, others, when))
    unit = u_id[ucodes]
    ok &= unit >= 0
    # ------------------------------------------------------------ measures
    factor = np.ones(n)
    meas_txt = _as_text(_column(rows, first, f.get("measure")))
    mkey = pd.Series(meas_txt + "\x1f" + np.array([c or "" for c in indicator], dtype=object))
    mcodes, muniq = pd.factorize(mkey)
    m_factor = np.ones(len(muniq))
    m_ok = np.ones(len(muniq), dtype=bool)
    first_m = pd.Series(np.arange(n)).groupby(mcodes).first().to_numpy()
    for j, text in enumerate(muniq):
        mtext, code = text.split("\x1f")
        if not mtext or not code:
            continue
        source = catalog.match_measure(mtext)
        cell = a1(first + first_m[j], f["measure"])
        if source is None:
            if mtext.strip() in ("-", "—"):
                continue
            m_ok[j] = False
            problems.append(unknown_measure(file, sheet.name, cell, mtext, catalog))
            continue
        fac = catalog.factor(source, catalog.indicators.at[code, "measure"])
        if fac is None:
            m_ok[j] = False
            problems.append(problem("measure-mismatch", file, sheet.name, cell,
                f"Đơn vị tính \"{mtext}\" (ô {cell}) không đổi được sang đơn vị của chỉ tiêu "
                f"\"{catalog.indicators.at[code, 'name']}\". Hãy kiểm tra lại đơn vị tính hoặc tên chỉ tiêu."))
            continue
        m_factor[j] = fac
    factor = m_factor[mcodes]
    ok &= m_ok[mcodes]
    # ------------------------------------------------------------ text in value cells, hidden rows
    for i in np.flatnonzero((status == TEXT) & ~hidden)[:200]:
        problems.append(text_in_number(file, sheet.name, a1(first + i, vc), value_cells[i]))
    for i in np.flatnonzero(hidden & (status == NUMBER))[:50]:
        problems.append(problem("hidden-row", file, sheet.name, a1(first + i, vc),
            f"Dòng {first + i + 1} đang bị ẩn nên không được nạp. Nếu cần nạp, hãy bỏ ẩn dòng rồi tải lên lại."))
    ok &= status == NUMBER
    idx = np.flatnonzero(ok)
    if len(idx) == 0:
        return Extracted(empty_observations(), problems, {})
    letter = column_letter(vc)
    prefix = f"{sheet.name}!{letter}"
    cells = [prefix + str(first + i + 1) for i in idx.tolist()]
    obs = pd.DataFrame({
        "indicator_code": indicator[idx], "unit_id": unit[idx], "year": year[idx], "month_from": mfrom[idx],
        "month_to": mto[idx], "kind": kind[idx], "target_source": tsource[idx],
        "value": values[idx] * factor[idx], "source_value": values[idx], "source_measure": meas_txt[idx],
        "source_cell": cells, "sheet": sheet.name, "row": idx + first, "col": vc,
    })
    return Extracted(obs, problems, {})
