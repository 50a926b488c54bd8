"""Plan terms and the trend status of an indicator against its term target (Open SDG method)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from indicators import catalog, trend
from store.queries.observations import TERM_SOURCE

TERMS_FILE = Path(__file__).resolve().parent.parent / "data" / "terms.toml"


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    base_year: int
    target_year: int


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    rows = tomllib.loads(TERMS_FILE.read_text("utf-8"))["term"]
    return tuple(
        Term(r["code"], r["label"], int(r["base_year"]), int(r["target_year"])) for r in rows
    )


def term_for(year: int) -> Term | None:
    """The term whose span holds `year`. At a boundary year, the term it ends (2025 is the target
    year of 2020–2025, whose target a leader reviews then), unless it only starts one (2020)."""
    ending = [t for t in terms() if t.base_year < year <= t.target_year]
    if ending:
        return ending[0]
    starting = [t for t in terms() if t.base_year == year]
    return starting[0] if starting else None


_VALUE_RANK = {"actual": 0, "estimate": 1}  # a year's value: its actual, else its estimate


def yearly_values(series: pd.DataFrame) -> pd.DataFrame:
    """Full-year values from a `queries.series` frame: per year its first actual, else its first
    estimate, by year. Chosen over plain lists (a unit's series is tens of rows: pandas' filters,
    sort and drop_duplicates cost ~3 ms at each first view of a trend)."""
    keep = ["year", "value", "kind", *(["derived_from"] if "derived_from" in series else [])]
    best: dict = {}  # year → (rank, position)
    for position, (year, month_from, month_to, kind) in enumerate(
        zip(
            series.year.tolist(),
            series.month_from.tolist(),
            series.month_to.tolist(),
            series.kind.tolist(),
        )
    ):
        rank = _VALUE_RANK.get(kind)
        if month_from == 1 and month_to == 12 and rank is not None:
            if year not in best or rank < best[year][0]:
                best[year] = (rank, position)
    positions = [best[year][1] for year in sorted(best)]
    return series[keep].take(positions).reset_index(drop=True)


def yearly_plans(series: pd.DataFrame) -> pd.DataFrame:
    """(year, value): each year's plan from a unit's series — the highest-priority source of the whole-
    year targets (data/catalog/target_sources.toml); the term target is not a year's plan."""
    plans = series[
        (series.kind == "target")
        & (series.month_from == 1)
        & (series.month_to == 12)
        & (series.target_source != TERM_SOURCE)
    ]
    priority = dict(zip(catalog.target_sources()["code"], catalog.target_sources()["priority"]))
    plans = plans.assign(priority=plans.target_source.map(lambda c: priority.get(c, 99)))
    keep = ["year", "value", *(["derived_from"] if "derived_from" in series else [])]
    return (
        plans.sort_values(["year", "priority"]).drop_duplicates("year")[keep].reset_index(drop=True)
    )


def term_status(series: pd.DataFrame, direction: str, term: Term) -> dict | None:
    """Trend status for `term` from a unit's series: needs the term target and ≥ 2 yearly values."""
    targets = series[
        (series.kind == "target")
        & (series.target_source == TERM_SOURCE)
        & (series.year == term.target_year)
    ]
    values = yearly_values(series)
    values = values[(values.year >= term.base_year) & (values.year <= term.target_year)]
    if values.empty:
        return None
    target = float(targets.value.iloc[0]) if not targets.empty else None
    result = trend.measure_trend(
        values.year.astype(int).tolist(),
        values.value.astype(float).tolist(),
        direction=direction,
        target=target,
        target_year=term.target_year if target is not None else None,
        base_year=term.base_year,
    )
    return {
        "term": term,
        "target": target,
        "status": result.status,
        "label": trend.VI_LABELS[result.status],
        "score": result.score,
        "progress_value": result.progress_value,
    }


def required_path(
    base_year: int, base_value: float, target_year: int, target: float
) -> pd.DataFrame:
    """The compound path from the base year's value to the term target: the growth needed."""
    if base_value <= 0 or target <= 0 or target_year <= base_year:
        years = [base_year, target_year]
        return pd.DataFrame({"year": years, "value": [base_value, target]})
    rate = (target / base_value) ** (1 / (target_year - base_year))
    years = list(range(base_year, target_year + 1))
    return pd.DataFrame(
        {"year": years, "value": [base_value * rate ** (y - base_year) for y in years]}
    )
