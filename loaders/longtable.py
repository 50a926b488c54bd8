"""Long tables: one observation per row (Đơn vị; Chỉ tiêu; Năm; Kỳ; Loại số liệu; Giá trị; ĐVT), also
the CSV `python -m loaders export` writes. Vectorised: every distinct name, period and kind is
resolved once, then mapped back over the rows."""

from __future__ import annotations

import re
from datetime import date
from operator import itemgetter

import numpy as np
import pandas as pd

from loaders.catalog import Catalog
from loaders.cellcheck import check_cells
from loaders.cells import a1
from loaders.columns import period_end
from loaders.extract import Extracted, empty_observations
from loaders.frames import categorical, cell_refs, constant, factorize
from loaders.headers import ACTUAL, ESTIMATE, SAME, SOURCES, TARGET
from loaders.layout import Layout
from loaders.messages import unknown_measure
from loaders.numbers import NUMBER, detect_locale, parse_column
from loaders.periods import parse_period, year_of
from loaders.problems import Problem, problem
from loaders.read import Sheet
from loaders.resolver import NameResolver
from loaders.unknowns import SKIP, Decisions, UnknownLog
from store.queries.observations import TERM_SOURCE
from vn.text import fold

KINDS = {"actual": "actual", "estimate": "estimate", "target": "target"}
_TERM = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")


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


SOURCE_CODES = {
    "tinh": "tinh_giao",
    "tinh giao": "tinh_giao",
    "hdnd": "hdnd_giao",
    "hdnd giao": "hdnd_giao",
    "pd": "phan_dau",
    "phan dau": "phan_dau",
    "nk": TERM_SOURCE,
    "nhiem ky": TERM_SOURCE,
}


def source_code(text: str) -> str:
    """Who set a plan, as a long table writes it: "TINH", "HĐND", "PD", "tinh_giao", "Tỉnh giao"."""
    t = fold(text).replace("_", " ").strip()
    if not t:
        return ""
    if t in SOURCE_CODES:
        return SOURCE_CODES[t]
    return next((code for pattern, code in SOURCES if pattern.search(t)), text.strip())


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v == v and v == int(v):
        return str(int(v))
    return str(v).strip()


class _Columns:
    """The data rows read column by column; each column factorised once (one dict pass), texts made for
    distinct values only."""

    def __init__(self, rows: list[list], first: int):
        self.data = rows[first:] if first else rows
        self.n = len(self.data)
        self._cached: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def raw(self, c: int | None) -> list:
        if c is None:
            return [""] * self.n
        return list(map(itemgetter(c), self.data))

    def codes(self, c: int | None) -> tuple[np.ndarray, np.ndarray]:
        """(codes, distinct texts)."""
        if c is None:
            return np.zeros(self.n, dtype=np.int64), np.array([""], dtype=object)
        if c in self._cached:
            return self._cached[c]
        codes, uniques = factorize(map(itemgetter(c), self.data), self.n)
        return codes, np.array([_text(u) for u in uniques], dtype=object)

    def prefactor(self, columns: list[int | None]) -> None:
        """Factorise several low-cardinality columns in one pass over the rows (tuples of their cells),
        then each column over the few distinct tuples; codes() answers from this afterwards."""
        present = sorted({c for c in columns if c is not None})
        if len(present) < 2:
            return
        codes, combos = factorize(map(itemgetter(*present), self.data), self.n)
        for k, c in enumerate(present):
            small, uniques = factorize((combo[k] for combo in combos), len(combos))
            self._cached[c] = (small[codes], np.array([_text(u) for u in uniques], dtype=object))

    def text_at(self, c: int | None, i: int) -> str:
        return "" if c is None else _text(self.data[i][c])


def _combine(*parts: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, list[tuple]]:
    """Codes of the distinct combinations of several factorised columns, and those combinations."""
    key = np.zeros(len(parts[0][0]), dtype=np.int64)
    sizes = [max(len(uniques), 1) for _, uniques in parts]
    for (codes, _), size in zip(parts, sizes):
        key = key * size + codes
    codes, uniq = pd.factorize(key)
    uniq = np.asarray(uniq, dtype=np.int64)
    columns = []
    for (_, uniques), size in zip(reversed(parts), reversed(sizes)):
        columns.append(np.asarray(uniques, dtype=object)[uniq % size])
        uniq = uniq // size
    combos = list(zip(*reversed(columns))) if columns else []
    return codes.astype(np.int64), combos


def extract_long(
    file: str,
    sheet: Sheet,
    layout: Layout,
    catalog: Catalog,
    decisions: Decisions | None = None,
    log: UnknownLog | None = None,
) -> Extracted:
    rows, f = sheet.rows, layout.long_fields
    first = layout.data_first
    n = len(rows) - first
    problems: list[Problem] = []
    if (
        n <= 0
        or "value" not in f
        or not ({"indicator", "indicator_code"} & set(f))
        or not ({"unit", "unit_code"} & set(f))
    ):
        missing = [
            name
            for name, ok in (
                ("Giá trị", "value" in f),
                ("Chỉ tiêu", bool({"indicator", "indicator_code"} & set(f))),
                ("Đơn vị", bool({"unit", "unit_code"} & set(f))),
            )
            if not ok
        ]
        if missing and n > 0:
            problems.append(
                problem(
                    "no-table",
                    file,
                    sheet.name,
                    a1(first - 1, 0),
                    "long_columns",
                    missing=", ".join(missing),
                )
            )
        return Extracted(empty_observations(), problems, {"no_table": True})
    cols = _Columns(rows, first)
    n = cols.n
    hidden = np.zeros(n, dtype=bool)
    for r in sheet.hidden_rows:
        if first <= r < first + n:
            hidden[r - first] = True
    value_cells = cols.raw(f["value"])
    strings = [v for v in value_cells[:5000] if isinstance(v, str) and v.strip()]
    values, status = parse_column(value_cells, detect_locale(strings))
    keep = (status != 0) & ~hidden
    ok = keep.copy()
    vc = f["value"]
    # ------------------------------------------------------------ periods
    # indicator, measure, year, period, kind: few distinct combinations, factorised in one pass
    cols.prefactor(
        [
            f.get(k)
            for k in (
                "indicator_code" if "indicator_code" in f else "indicator",
                "measure",
                "year",
                "period",
                "kind",
                "month_from",
                "month_to",
                "target_source",
            )
        ]
    )
    pcodes, puniq = _combine(
        cols.codes(f.get("year")),
        cols.codes(f.get("period")),
        cols.codes(f.get("month_from")),
        cols.codes(f.get("month_to")),
    )
    p_year = np.zeros(len(puniq), dtype=np.int64)
    p_from = np.zeros(len(puniq), dtype=np.int64)
    p_to = np.zeros(len(puniq), dtype=np.int64)
    p_term = np.zeros(len(puniq), dtype=bool)
    for j, (y, p, mf, mt) in enumerate(puniq):
        period = parse_period(p) if p else None
        year = year_of(y) or (period.year if period else None)
        term = _TERM.search(fold(f"{y} {p}"))
        if term and not year_of(
            y
        ):  # "2021-2025", "Giai đoạn 2021–2025", "Nhiệm kỳ 2020-2025": a term target
            p_year[j], p_from[j], p_to[j], p_term[j] = int(term.group(2)), 1, 12, True
            continue
        if mf.isdigit() and mt.isdigit():
            span = (int(mf), int(mt))
        elif period and period.month_from:  # "Từ tháng 7" with no end: to the year's end
            span = (period.month_from, period.month_to or 12)
        elif not p:
            span = (1, 12)
        else:
            span = None
        if year and span and 1 <= span[0] <= span[1] <= 12:
            p_year[j], p_from[j], p_to[j] = year, span[0], span[1]
    year = p_year[pcodes]
    mfrom, mto = p_from[pcodes], p_to[pcodes]
    is_term = p_term[pcodes]
    bad_period = keep & (year == 0)
    for i in np.flatnonzero(bad_period)[:50]:
        c = f.get("period", f.get("year", 0))
        cell = a1(first + i, c)
        problems.append(
            problem(
                "unreadable-period",
                file,
                sheet.name,
                cell,
                "long_row",
                row=first + i + 1,
                year=cols.text_at(f.get("year"), i),
                period=cols.text_at(f.get("period"), i),
            )
        )
    ok &= year > 0
    # ------------------------------------------------------------ kinds
    kcodes, kuniq = cols.codes(f.get("kind"))
    k_kind = np.empty(len(kuniq), dtype=object)
    k_src = np.empty(len(kuniq), dtype=object)
    for j, text in enumerate(kuniq):
        k_kind[j], k_src[j] = read_kind(text) if text else ("actual", "")
    tsource = None
    if "target_source" in f:
        scodes, suniq = cols.codes(f["target_source"])
        explicit = np.array([source_code(t) for t in suniq], dtype=object)[scodes]
        tsource = np.where(explicit != "", explicit, k_src[kcodes])
    bad_kind = keep & np.array([k is None for k in k_kind], dtype=bool)[kcodes]
    for i in np.flatnonzero(bad_kind)[:50]:
        cell = a1(first + i, f["kind"])
        problems.append(
            problem("unreadable-kind", file, sheet.name, cell, text=cols.text_at(f["kind"], i))
        )
    ok &= ~bad_kind
    row_kind = np.array([k or "" for k in k_kind], dtype=object)[kcodes]
    bad_term = keep & is_term & (row_kind != "target")
    for i in np.flatnonzero(bad_term)[:50]:
        cell = a1(first + i, f.get("year", f.get("period", 0)))
        problems.append(
            problem(
                "unreadable-period",
                file,
                sheet.name,
                cell,
                "long_term",
                row=first + i + 1,
                year=cols.text_at(f.get("year"), i),
                period=cols.text_at(f.get("period"), i),
            )
        )
    ok &= ~bad_term
    # ------------------------------------------------------------ indicators
    names = NameResolver(catalog, decisions, log, file, sheet.name, problems)
    ind_col = (
        f["indicator_code"] if "indicator_code" in f else f["indicator"]
    )  # one of them: checked above
    icodes, iuniq = cols.codes(ind_col)
    if (
        "indicator_code" in f and "indicator" in f
    ):  # a code column beside the name: a catalog code is used, any other
        ncodes, nuniq = cols.codes(
            f["indicator"]
        )  # code (blank, or the office's own "KT01") gives way to the name
        known = np.array([u in catalog.indicators.index for u in iuniq], dtype=bool)
        if not known.all():
            texts = np.where(known[icodes], iuniq[icodes], nuniq[ncodes])
            icodes, iuniq = pd.factorize(texts)
            iuniq = np.asarray(iuniq, dtype=object)
            ind_col = f["indicator"]  # problems point at the name
    i_code = np.empty(len(iuniq), dtype=object)
    first_i = np.full(len(iuniq), n, dtype=np.int64)
    np.minimum.at(first_i, icodes, np.arange(n))
    used_i = np.zeros(len(iuniq), dtype=bool)
    used_i[np.unique(icodes[keep])] = True
    for j, text in enumerate(iuniq):
        cell = a1(first + int(min(first_i[j], n - 1)), ind_col)
        code = names.indicator(text, cell, report=False) if text else None
        if code is None and text in catalog.indicators.index:
            code = text
        if code is None and used_i[j] and text:
            names.report_indicator(text, cell, catalog.match_indicator(text))
        i_code[j] = None if code == SKIP else code
    missing_ind = keep & np.array([c is None for c in i_code], dtype=bool)[icodes]
    ok &= ~missing_ind
    # ------------------------------------------------------------ units (name or code) for the period's date
    by_code = "unit_code" in f and "unit" not in f
    both = "unit_code" in f and "unit" in f  # a code that names the same unit settles same names
    unit_col = f["unit_code"] if by_code else f["unit"]
    ycodes, yuniq = pd.factorize(year * 100 + mto)
    ucodes, uuniq = _combine(
        cols.codes(unit_col),
        cols.codes(f["unit_code"] if both else None),
        (ycodes.astype(np.int64), yuniq),
    )
    u_id = np.full(len(uuniq), -1, dtype=np.int64)
    reported = set()
    first_row = np.full(len(uuniq), n, dtype=np.int64)
    np.minimum.at(first_row, ucodes, np.arange(n))
    resolved: dict[
        tuple, int | str | None
    ] = {}  # NameResolver.unit's answer per name and units valid
    candidates: dict[str, list[int]] = {}
    by_unit_code: dict[str, list[int]] = {}
    if by_code or both:
        for u in catalog.units.values():
            by_unit_code.setdefault(u.code, []).append(u.unit_id)
    for j, (name, given_code, ym) in enumerate(uuniq):
        y, m = divmod(int(ym), 100)
        if int(y) == 0:
            continue
        when = period_end(int(y), int(m))
        since = date(int(y), 1, 1)
        if name not in candidates:
            candidates[name] = (
                by_unit_code.get(name, []) if by_code else catalog.unit_candidates(name)
            )
        signature = (
            name,
            tuple(
                (catalog.units[i].valid_at(when), catalog.units[i].valid_during(since, when))
                for i in candidates[name]
            ),
        )
        cell = a1(first + int(first_row[j]), unit_col)
        if by_code:
            valid = [i for i in candidates[name] if catalog.units[i].valid_at(when)] or [
                i for i in candidates[name] if catalog.units[i].valid_during(since, when)
            ]
            u_id[j] = valid[0] if len(valid) == 1 else -1
            if len(valid) != 1 and keep[first_row[j]] and name not in reported:
                reported.add(name)
                names.report_unit(name, cell, when, valid, [])
            continue
        coded = [
            i
            for i in by_unit_code.get(given_code, [])
            if i in candidates[name] and catalog.units[i].valid_during(since, when)
        ]
        if len(coded) == 1:  # "18085, Phường Hà Huy Tập" in 2025: the old ward, not the new one
            u_id[j] = coded[0]
            continue
        if signature in resolved:  # the same units valid: the same answer as at an earlier date
            got = resolved[signature]
        else:
            got = names.unit(name, cell, when, since, report=False)
            resolved[signature] = got
        if isinstance(got, int):
            u_id[j] = got
        elif got is None and keep[first_row[j]] and name not in reported:
            reported.add(name)
            valid, others = catalog.match_unit(name, when, None, since)
            names.report_unit(name, cell, when, valid, others)
    unit = u_id[ucodes]
    ok &= unit >= 0
    # ------------------------------------------------------------ measures
    factor = np.ones(n)
    meas_codes, meas_uniq = cols.codes(f.get("measure"))
    from_header = np.zeros(len(meas_uniq), dtype=bool)
    if layout.value_measure:  # "Giá trị (tỷ đồng)": rows without their own ĐVT take the header's
        from_header = np.array([not str(t).strip() for t in meas_uniq], dtype=bool)
        meas_uniq = np.where(from_header, layout.value_measure, meas_uniq).astype(object)
    mcodes, muniq = _combine(
        (meas_codes, meas_uniq), (icodes, np.array([c or "" for c in i_code], dtype=object))
    )
    m_factor = np.ones(len(muniq))
    m_ok = np.ones(len(muniq), dtype=bool)
    first_m = np.full(len(muniq), n, dtype=np.int64)
    np.minimum.at(first_m, mcodes, np.arange(n))
    for j, (mtext, code) in enumerate(muniq):
        if not mtext or not code:
            continue
        source = catalog.match_measure(mtext)
        header_text = (
            bool(layout.value_measure) and mtext == layout.value_measure and "measure" not in f
        )
        cell = (
            a1(first - 1, vc)
            if header_text or "measure" not in f
            else a1(first + first_m[j], f["measure"])
        )
        if source is None:
            if mtext.strip() in ("-", "—"):
                continue
            m_ok[j] = False
            problems.append(unknown_measure(file, sheet.name, cell, mtext, catalog))
            continue
        fac = catalog.factor(source, catalog.indicators.at[code, "measure"])
        if fac is None:
            m_ok[j] = False
            problems.append(
                problem(
                    "measure-mismatch",
                    file,
                    sheet.name,
                    cell,
                    text=mtext,
                    indicator=catalog.indicators.at[code, "name"],
                    measure=catalog.measures.at[catalog.indicators.at[code, "measure"], "name"],
                )
            )
            continue
        m_factor[j] = fac
    factor = m_factor[mcodes]
    ok &= m_ok[mcodes]
    # ------------------------------------------------------------ percentages stored as fractions (0,4808 shown 48,08%)
    percent_cells = sheet.percent_cells
    pct = catalog.match_measure("%") if percent_cells else None
    if pct is not None:
        measure_of = catalog.indicators["measure"]
        for r, c in sorted(percent_cells):
            i = r - first
            if (
                c != vc
                or not 0 <= i < n
                or status[i] != NUMBER
                or not isinstance(cols.data[i][c], float)
            ):
                continue
            code, mtext = i_code[icodes[i]], meas_uniq[meas_codes[i]]
            is_pct = (
                catalog.match_measure(mtext) == pct
                if mtext
                else (code is not None and measure_of.get(code) == pct)
            )
            if is_pct and abs(values[i]) <= 10:
                values[i] = float(f"{values[i] * 100:.12g}")
    # ------------------------------------------------------------ the cell checks every family shares
    data_rows = list(range(first, first + n))
    problems += check_cells(
        file, sheet, data_rows, [vc], status[:, None], (ok | ~keep)[:, None] & ~missing_ind[:, None]
    )
    ok &= status == NUMBER
    idx = np.flatnonzero(ok)
    if len(idx) == 0:
        return Extracted(empty_observations(), problems, {})
    m = len(idx)
    if tsource is not None:  # the table has a target source column
        source = pd.Categorical(tsource[idx].astype(str))
    else:
        source = categorical(kcodes[idx], list(k_src))
    if is_term[idx].any():  # a term target: source TERM_SOURCE unless the row names who set it
        labels = np.asarray(source, dtype=object)
        labels = np.where(is_term[idx] & (labels == ""), TERM_SOURCE, labels)
        source = pd.Categorical(labels.astype(str))
    obs = pd.DataFrame(
        {
            "indicator_code": categorical(icodes[idx], list(i_code)),
            "unit_id": unit[idx],
            "year": year[idx],
            "month_from": mfrom[idx],
            "month_to": mto[idx],
            "kind": categorical(kcodes[idx], list(k_kind)),
            "target_source": source,
            "value": values[idx] * factor[idx],
            "source_value": values[idx],
            "source_measure": categorical(meas_codes[idx], list(meas_uniq)),
            "source_cell": cell_refs(sheet.name, idx + first, np.full(m, vc)),
            "sheet": constant(sheet.name, m),
            "row": idx + first,
            "col": np.full(m, vc, dtype=np.int64),
        }
    )
    return Extracted(obs, problems, {})
