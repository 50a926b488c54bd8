"""Resolving each value column to a full period and kind: the header's own words first, then the
title's period ("… 6 THÁNG NĂM 2016"), then family defaults (a plan is for the whole year; "Cùng kỳ"
is the span of the main column one year earlier)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from loaders.headers import Column
from loaders.layout import Layout
from store.queries.observations import TERM_SOURCE


@dataclass(frozen=True)
class Resolved:
    column: Column
    year: int | None
    month_from: int
    month_to: int
    kind: str
    target_source: str


def _main_months(
    layout: Layout,
) -> tuple[int, int | None] | None:  # no end: "từ 01/7" with no "đến"
    if layout.title_period.month_from is not None:
        return layout.title_period.month_from, layout.title_period.month_to
    for c in layout.value_columns():
        if (
            c.kind in ("actual", "estimate")
            and not c.same_period
            and c.period.month_from is not None
        ):
            return c.period.month_from, c.period.month_to
    return None


def _main_year(layout: Layout) -> int | None:
    if layout.title_period.year is not None:
        return layout.title_period.year
    years = [
        c.period.year
        for c in layout.value_columns()
        if c.kind in ("actual", "estimate") and not c.same_period and c.period.year
    ]
    return max(years) if years else None


def resolve_columns(layout: Layout) -> list[Resolved]:
    months = _main_months(layout)
    main_year = _main_year(layout)
    resolved = []
    previous: tuple[int, int | None] | None = (
        None  # the span of the last current-period column, for "Cùng kỳ"
    )
    previous_kind: str | None = (
        None  # "Ước thực hiện tháng 10 | Lũy kế": the cumulative is estimated too
    )
    for col in layout.value_columns():
        kind = (
            col.kind or (previous_kind if col.cumulative else None) or layout.title_kind or "actual"
        )
        if col.kind in ("actual", "estimate") and not col.same_period:
            previous_kind = col.kind
        year = col.period.year
        own = (
            (col.period.month_from, col.period.month_to)
            if col.period.month_from is not None
            else None
        )
        if (
            col.term_end is not None
        ):  # "Mục tiêu giai đoạn 2021–2025": the term's end year, whole year
            resolved.append(
                Resolved(col, col.term_end, 1, 12, "target", col.target_source or TERM_SOURCE)
            )
            continue
        span: tuple[int, int | None]
        if (
            col.cumulative
        ):  # "Lũy kế (từ 01/7) (đến tháng N)": months 1 (or the start written)..N, N from the
            start = own[0] if own and own[0] else 1  # header, else the report's
            n = own[1] if own and own[1] else (months[1] if months else None)
            span = (start, n) if n else (start, 12)
        elif (
            own is not None and own[1] is None
        ):  # "từ 01/7": to the report's month, else to the year's end
            span = (own[0], months[1] if months and months[1] else 12)
        elif own is not None and not (col.same_period and own == (1, 12) and months):
            span = own
        elif col.same_period:
            span = previous or months or (1, 12)
        elif kind == "target":
            span = (1, 12)
        elif year is not None and (main_year is None or year != main_year or months is None):
            span = (1, 12)  # a bare year column (series) means the whole year
        else:
            span = months or (1, 12)
        if year is None:
            if col.same_period and main_year is not None:
                year = main_year - 1
            else:
                year = main_year
        if kind in ("actual", "estimate") and not col.same_period:
            previous = span
        source = col.target_source or (layout.basis_source if kind == "target" else "")
        resolved.append(Resolved(col, year, span[0], span[1] or 12, kind, source))
    return resolved


@lru_cache(maxsize=4096)
def period_end(year: int, month_to: int) -> date:
    return date(year, month_to, calendar.monthrange(year, month_to)[1])


def report_date(resolved: list[Resolved], layout: Layout) -> date:
    """The date names in the sheet are resolved for: the end of its latest period (a term target,
    "Mục tiêu giai đoạn 2021–2025", looks ahead and does not date the report)."""
    ends = [
        period_end(r.year, r.month_to) for r in resolved if r.year and r.column.term_end is None
    ]
    if ends:
        return max(ends)
    if layout.title_period.year:
        return period_end(layout.title_period.year, layout.title_period.month_to or 12)
    return date.today()


def report_start(resolved: list[Resolved], layout: Layout) -> date:
    """The first day of the report's own year in the sheet: names may be of units that existed at any
    time from then to the report date (loaders.catalog.Catalog.match_unit)."""
    when = report_date(resolved, layout)
    months = [r.month_from for r in resolved if r.year == when.year]
    return date(when.year, min(months) if months else 1, 1)
