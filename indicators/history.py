"""History on today's boundaries: a unit's values for a period it did not cover from start to end,
rebuilt from the units that made up its territory then (indicators.lineage). Recomputed on every
read, never stored: the reported figures stay as they were reported.

The rules (docs/admin_units.md):
- sums add the pieces' figures, a partial piece by its share (data/succession_shares.csv); a share
  no source gives is flagged, never guessed;
- a flow (catalog `accumulates`) over a period that crosses a merger adds each stretch's units
  (2025 months 1–6 from the old units + months 7–9 of the new one); a stock takes the units at the
  period's end;
- ratios are recomputed from the derived numerator and denominator, else not derived;
- `aggregation = none` indicators, criteria and titles are never derived;
- every piece must have its figure, else the value is missing and the missing pieces are named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import pandas as pd

from indicators import catalog, lineage
from indicators.lineage import Lineage, Piece
from store import Connection
from store.queries import observations
from vn import numbers as fmt
from vn.periods import Period

COLUMNS = ["unit_id", "indicator_code", "year", "month_from", "month_to", "value", "kind"]
DERIVED_COLUMNS = [*COLUMNS, "derived_from", "problem"]
PLAN_COLUMNS = ["unit_id", "indicator_code", "year", "target", "target_source", "derived_from"]


@dataclass
class Recipe:
    """How one unit's figure for one period is rebuilt."""

    unit_id: int
    period: Period
    stretches: list[tuple[int, int, list[Piece]]] = field(default_factory=list)  # flows
    at_end: list[Piece] = field(default_factory=list)  # stocks
    problem: str | None = None  # the period cannot be rebuilt at all

    def unit_ids(self, lin: Lineage) -> set[int]:
        ids = {p.unit_id for _, _, pieces in self.stretches for p in pieces}
        ids |= {p.unit_id for p in self.at_end}
        return {u for i in ids for u in lin.same_territory(i)}


def needs_history(lin: Lineage, unit_id: int, period: Period) -> bool:
    """Whether the unit did not cover the whole period but was still (or already) in force at its
    end or after it: a 2025 ward for 2024 or for 2025's nine months, not a ward dissolved before."""
    first, last = lineage.period_days(period.year, *period.months)
    unit_id = int(unit_id)
    if unit_id not in lin.units:
        return False
    ended = lin.units[unit_id].valid_to
    return (pd.isna(ended) or lineage.as_date(ended) >= last) and not lin.existed_throughout(
        unit_id, first, last
    )


def recipe(lin: Lineage, unit_id: int, period: Period) -> Recipe:
    first, last = lineage.period_days(period.year, *period.months)
    out = Recipe(int(unit_id), period)
    changes = lin.changes_between(unit_id, first, last)
    mid_month = [d for d in changes if d.day != 1]
    if mid_month:
        out.problem = f"địa giới thay đổi giữa tháng (ngày {mid_month[0].strftime('%d/%m/%Y')})"
        return out
    starts = [first, *changes]
    for i, start in enumerate(starts):
        month_to = starts[i + 1].month - 1 if i + 1 < len(starts) else period.month_to
        pieces = lin.pieces_on(unit_id, start)
        if pieces is None:
            out.problem = "chưa rõ các đơn vị trước đây thuộc địa bàn này"
            return out
        out.stretches.append((start.month, month_to, pieces))
    at_end = lin.pieces_on(unit_id, last)
    out.at_end = at_end or []
    return out


class _Values:
    """The reported values of the pieces, looked up by unit, indicator and months."""

    def __init__(self, frame: pd.DataFrame):
        self.exact: dict[tuple, tuple[float, str]] = {}
        self.ending: dict[tuple, list[tuple[int, float, str]]] = {}
        columns = ("indicator_code", "unit_id", "year", "month_from", "month_to", "value", "kind")
        # plain lists, not itertuples: a province's communes read ~100k rows of their predecessors
        for code, unit, year, a, b, value, kind in zip(*(frame[c].tolist() for c in columns)):
            key = (str(code), int(unit), int(year))
            self.exact[(*key, int(a), int(b))] = (float(value), str(kind))
            self.ending.setdefault((*key, int(b)), []).append((int(a), float(value), str(kind)))

    def flow(self, code: str, unit_id: int, year: int, a: int, b: int):
        return self.exact.get((code, unit_id, year, a, b))

    def stock(self, code: str, unit_id: int, year: int, a: int, b: int):
        """The value at the end of month b: the period a–b if reported, else the latest-starting
        period that ends then (a 2025 ward's 7–9 report gives its 30 September population)."""
        found = self.exact.get((code, unit_id, year, a, b))
        if found is not None:
            return found
        ending = self.ending.get((code, unit_id, year, b))
        if not ending:
            return None
        _, value, kind = max(ending)
        return value, kind


def _sum(
    lin: Lineage, rec: Recipe, values: _Values, code: str, accumulates: bool
) -> tuple[float | None, str, str | None]:
    """(value, kind, problem) of a sum indicator for the recipe."""
    year = rec.period.year
    if accumulates:
        parts = [(a, b, p) for a, b, pieces in rec.stretches for p in pieces]
        lookup = values.flow
    else:
        parts = [(rec.period.month_from, rec.period.month_to, p) for p in rec.at_end]
        lookup = values.stock
    if not parts:
        return None, "", None
    total, kinds, missing, unknown = 0.0, set(), [], []
    for a, b, piece in parts:
        found = None
        for unit_id in lin.same_territory(piece.unit_id):  # the piece, or its other version
            found = lookup(code, unit_id, year, a, b)
            if found is not None:
                break
        if found is None:
            missing.append(lin.label_everywhere(piece.unit_id))
            continue
        if piece.share is None:
            unknown.append(piece)
            continue
        total += piece.share * found[0]
        kinds.add(found[1])
    if len(missing) == len(parts):
        return None, "", None  # nobody reported it: nothing to rebuild, nothing to flag
    if unknown:
        links = {link for piece in unknown for link in piece.unknown_share}
        names = ", ".join(
            sorted(f"{lin.label_everywhere(x.old)} → {lin.label_everywhere(x.new)}" for x in links)
        )
        return None, "", f"chưa có tỷ lệ phần địa bàn chuyển sang ({names}): không ước đoán"
    if missing:
        return None, "", "thiếu số liệu của " + ", ".join(dict.fromkeys(missing))
    return total, "estimate" if "estimate" in kinds else "actual", None


def describe(lin: Lineage, rec: Recipe, accumulates: bool) -> str:
    """ "tính từ: Xã A + Xã B", or across a merger "tính từ: tháng 1–6: Xã A + Xã B; tháng 7–9:
    Phường C"."""

    def names(pieces: list[Piece]) -> str:
        return " + ".join(
            lin.label_everywhere(p.unit_id)
            if p.share in (None, 1.0)
            else f"{fmt.number(p.share * 100, 0)}% {lin.label_everywhere(p.unit_id)}"
            for p in pieces
        )

    if not accumulates or len(rec.stretches) == 1:
        pieces = rec.at_end if not accumulates else rec.stretches[0][2]
        only_self = len(pieces) == 1 and pieces[0].unit_id == rec.unit_id
        if only_self and not accumulates:
            return "tính từ: số liệu cuối kỳ của " + lin.label_everywhere(rec.unit_id)
        return "tính từ: " + names(pieces)
    return "tính từ: " + "; ".join(
        f"tháng {a}–{b}: {names(pieces)}" if a != b else f"tháng {a}: {names(pieces)}"
        for a, b, pieces in rec.stretches
    )


def derive(
    con: Connection,
    unit_ids: Sequence[int],
    periods: Sequence[Period],
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Rebuilt values of the units for the periods they did not cover whole, one row per unit ×
    indicator × period that could be rebuilt or was flagged (`problem`, value missing)."""
    lin = lineage.lineage(con)
    recipes = [
        recipe(lin, u, p) for p in periods for u in unit_ids if needs_history(lin, int(u), p)
    ]
    if not recipes:
        return pd.DataFrame(columns=DERIVED_COLUMNS)
    cat = _derivable(con)
    wanted = cat if indicator_codes is None else cat[cat.code.isin(list(indicator_codes))]
    parts = _ratio_parts(cat, wanted)
    codes = sorted(set(wanted.code) | parts)
    values = _Values(
        observations.values_in_years(
            con,
            sorted(set().union(*(r.unit_ids(lin) for r in recipes))),
            sorted({r.period.year for r in recipes}),
            codes,
        )
    )
    # one dict lookup per indicator, not a DataFrame .loc (recipes × indicators: ~20k per scorecard)
    meta = {
        r.code: (r.aggregation, bool(r.accumulates), r.numerator, r.denominator, str(r.name))
        for r in cat.itertuples()
    }
    wanted_codes = list(wanted.code)
    rows: list[tuple] = []
    for rec in recipes:
        year, (a, b) = rec.period.year, rec.period.months
        if rec.problem:
            rows.extend(
                (rec.unit_id, c, year, a, b, None, "", None, rec.problem) for c in wanted_codes
            )
            continue
        texts = {flow: describe(lin, rec, flow) for flow in (True, False)}
        for code in wanted_codes:
            aggregation, accumulates, num, den, _ = meta[code]
            if aggregation == "sum":
                value, kind, problem = _sum(lin, rec, values, code, accumulates)
                text = texts[accumulates]
            else:
                num, den = str(num), str(den)
                if num not in meta or den not in meta:
                    continue  # a ratio without numerator and denominator is not derived
                top = _sum(lin, rec, values, num, meta[num][1])
                bottom = _sum(lin, rec, values, den, meta[den][1])
                problem = top[2] or bottom[2]
                value, kind = None, ""
                if top[0] is not None and bottom[0]:
                    value = top[0] / bottom[0] * 100.0
                    kind = "estimate" if "estimate" in (top[1], bottom[1]) else "actual"
                text = (
                    f"{texts[meta[den][1]]}; tính lại từ "
                    f"{meta[num][4].lower()} và {meta[den][4].lower()}"
                )
            if value is None and problem is None:
                continue
            rows.append((rec.unit_id, code, year, a, b, value, kind, text, problem))
    return pd.DataFrame(rows, columns=DERIVED_COLUMNS)


def derive_plans(
    con: Connection,
    unit_ids: Sequence[int],
    years: Sequence[int],
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Rebuilt yearly plans of sum indicators for units that did not cover the whole year: the sum
    of the plans the units of 1 January were given (each one's highest-priority plan)."""
    lin = lineage.lineage(con)
    cat = _derivable(con)
    cat = cat[cat.aggregation == "sum"]
    if indicator_codes is not None:
        cat = cat[cat.code.isin(list(indicator_codes))]
    jobs = []
    for year in years:
        for unit_id in unit_ids:
            if needs_history(lin, int(unit_id), Period(int(year))):
                pieces = lin.pieces_on(int(unit_id), lineage.period_days(int(year), 1, 12)[0])
                if pieces and all(p.share is not None for p in pieces):
                    jobs.append((int(unit_id), int(year), pieces))
    if not jobs or cat.empty:
        return pd.DataFrame(columns=PLAN_COLUMNS)
    ids = sorted({p.unit_id for job in jobs for p in job[2]})
    plans = observations.plans_in_years(con, ids, sorted({j[1] for j in jobs}), list(cat.code))
    sources = catalog.target_sources()[["code", "priority"]].rename(
        columns={"code": "target_source"}
    )
    plans = plans.merge(sources, on="target_source", how="left").fillna({"priority": 99})
    primary = plans.sort_values("priority").drop_duplicates(["unit_id", "indicator_code", "year"])
    lookup = {
        (int(r.year), int(r.unit_id), str(r.indicator_code)): (float(r.target), r.target_source)
        for r in primary.itertuples()
    }
    rows = []
    for unit_id, year, pieces in jobs:
        text = "tính từ kế hoạch của: " + " + ".join(
            lin.label_everywhere(p.unit_id) for p in pieces
        )
        for code in cat.code:
            found = [lookup.get((year, p.unit_id, code)) for p in pieces]
            plans_found = [f for f in found if f is not None]
            if len(plans_found) < len(pieces):
                continue
            total = sum(float(p.share or 0.0) * f[0] for p, f in zip(pieces, plans_found))
            rows.append((unit_id, code, year, total, plans_found[0][1], text))
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


def _derivable(con: Connection) -> pd.DataFrame:
    """Sum and ratio indicators that are not criteria (criteria and titles are never inherited)."""
    cat = catalog.indicators(con)
    return cat[cat.aggregation.isin(["sum", "ratio"]) & ~cat.is_criterion.astype(bool)]


def _ratio_parts(cat: pd.DataFrame, wanted: pd.DataFrame) -> set[str]:
    ratios = wanted[wanted.aggregation == "ratio"]
    known = set(cat.code)
    return {
        c for c in (*ratios.numerator, *ratios.denominator) if isinstance(c, str) and c in known
    }


def yearly_series(
    con: Connection, indicator_code: str, unit_id: int, years: Sequence[int]
) -> pd.DataFrame:
    """The whole-year values and plans of the years the unit did not cover whole, rebuilt (rows as
    `queries.series` gives them, plus `derived_from`): the trend of a 2025 ward back to 2016."""
    lin = lineage.lineage(con)
    todo = [int(y) for y in years if needs_history(lin, int(unit_id), Period(int(y)))]
    columns = ["year", "month_from", "month_to", "kind", "target_source", "value", "derived_from"]
    if not todo:
        return pd.DataFrame(columns=columns)
    values = derive(con, [unit_id], [Period(y) for y in todo], [indicator_code])
    values = values[values["value"].notna()].assign(target_source="")
    plans = derive_plans(con, [unit_id], todo, [indicator_code]).rename(columns={"target": "value"})
    plans = plans.assign(month_from=1, month_to=12, kind="target")
    frame = pd.concat([values[columns], plans[columns]], ignore_index=True)
    return frame.sort_values(["year", "kind"]).reset_index(drop=True)
