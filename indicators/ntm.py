"""Criteria assessments of communes (Nông thôn mới) and wards (đô thị văn minh): criteria met per unit
and year against the set in force, level reached and year recognised, yearly summaries.

The 0/1 criterion observations are the assessment; recognitions (migration 002) say the level and the
year "về đích". Without a recognition, a unit that met every criterion of the set in force counts as
reached in the first such year ("theo tiêu chí").
"""

from __future__ import annotations

import pandas as pd

from indicators import catalog, criteria
from store import Connection
from store import criteria as stored
from store.queries import criteria as stored_criteria
from store.queries import observations as stored_observations
from store.queries import units as stored_units

FAMILY_LEVEL = {"ntm": "ntm", "van_minh": "van_minh"}
ASSESS_COLUMNS = [
    "unit_id",
    "year",
    "criteria_set",
    "criteria_met",
    "criteria_total",
    "met",
    "unmet",
    "missing",
]


# ---------------------------------------------------------------- pure
def assess_year(
    obs: pd.DataFrame,
    base: list[criteria.Criterion],
    extra: list[criteria.Criterion],
    year: int,
    set_code: str,
) -> pd.DataFrame:
    """Per unit of `obs` (unit_id, indicator_code, value; one year): criteria met out of the set's
    criteria plus the extra criteria present in that year's data. A criterion with no value counts as
    not met and is listed in `missing`."""
    present = set(obs["indicator_code"])
    in_use = list(base) + [c for c in extra if c.indicator in present]
    rows = []
    for unit_id, own in obs.groupby("unit_id", sort=True):
        values = dict(zip(own["indicator_code"], own["value"]))
        met = [c.number for c in in_use if values.get(c.indicator) == 1]
        missing = [c.number for c in in_use if c.indicator not in values]
        unmet = [c.number for c in in_use if c.indicator in values and values[c.indicator] != 1]
        rows.append(
            {
                "unit_id": int(unit_id),
                "year": year,
                "criteria_set": set_code,
                "criteria_met": len(met),
                "criteria_total": len(in_use),
                "met": met,
                "unmet": unmet,
                "missing": missing,
            }
        )
    return pd.DataFrame(rows, columns=ASSESS_COLUMNS)


def first_year_reached(history: pd.DataFrame) -> dict[int, int]:
    """unit_id → first year every criterion of the set in force was met (no criterion missing)."""
    done = history[(history.criteria_met == history.criteria_total) & (history.criteria_total > 0)]
    return {int(u): int(y) for u, y in done.groupby("unit_id")["year"].min().items()}


def levels(
    units: list[int], year: int, recognised: pd.DataFrame, derived: dict[int, int], family: str
) -> pd.DataFrame:
    """Level and year reached per unit as of `year`: recognitions first (highest level reached by
    then), else the derived first year. Columns unit_id, level, year_reached, basis, decision."""
    rows = []
    base_level = FAMILY_LEVEL[family]
    for unit_id in units:
        own = (
            recognised[(recognised.unit_id == unit_id) & (recognised.year <= year)]
            if not recognised.empty
            else recognised
        )
        if not own.empty:
            best = max(
                own.itertuples(), key=lambda r: (criteria.LEVEL_RANK.get(r.level, 0), r.year)
            )
            reached = (
                int(own[own.level == base_level].year.min())
                if (own.level == base_level).any()
                else int(own.year.min())
            )
            rows.append(
                {
                    "unit_id": unit_id,
                    "level": best.level,
                    "year_reached": reached,
                    "basis": "quyết định",
                    "decision": best.decision or "",
                }
            )
        elif unit_id in derived and derived[unit_id] <= year:
            rows.append(
                {
                    "unit_id": unit_id,
                    "level": base_level,
                    "year_reached": derived[unit_id],
                    "basis": "theo tiêu chí",
                    "decision": "",
                }
            )
        else:
            rows.append(
                {"unit_id": unit_id, "level": "", "year_reached": None, "basis": "", "decision": ""}
            )
    out = pd.DataFrame(rows, columns=["unit_id", "level", "year_reached", "basis", "decision"])
    out["year_reached"] = out["year_reached"].astype("Int64")
    return out


def yearly_summary(history: pd.DataFrame, reached: dict[int, int]) -> pd.DataFrame:
    """Per year: units assessed, average criteria met per unit (the figure provinces report), units
    reaching the standard that year and, among the units of that year, those that have reached it
    (a commune merged away in 2020 no longer counts in 2024: the year's units are the year's)."""
    rows = []
    for year, own in history.groupby("year", sort=True):
        new = sum(1 for u, y in reached.items() if y == year)
        cumulative = sum(1 for u in set(own.unit_id) if reached.get(int(u), year + 1) <= year)
        rows.append(
            {
                "year": int(year),
                "n_units": len(own),
                "avg_met": float(own.criteria_met.mean()),
                "avg_total": float(own.criteria_total.mean()),
                "below_15": int((own.criteria_met < 15).sum()),
                "reached_new": new,
                "reached_total": cumulative,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "year",
            "n_units",
            "avg_met",
            "avg_total",
            "below_15",
            "reached_new",
            "reached_total",
        ],
    )


def most_missing(assessed: pd.DataFrame, names: dict[int, str]) -> pd.DataFrame:
    """Criteria not met (or without data) by how many units, most often first."""
    counts: dict[int, int] = {}
    for row in assessed.itertuples():
        for n in list(row.unmet) + list(row.missing):
            counts[n] = counts.get(n, 0) + 1
    frame = pd.DataFrame(
        [{"number": n, "name": names.get(n, str(n)), "n_units": k} for n, k in counts.items()],
        columns=["number", "name", "n_units"],
    )
    return frame.sort_values(["n_units", "number"], ascending=[False, True]).reset_index(drop=True)


# ---------------------------------------------------------------- the store
def _criterion_codes(family: str) -> list[str]:
    return sorted(criteria.criterion_indicators(family))


def observations(
    con: Connection, family: str = "ntm", parent_id: int | None = None, until: int | None = None
) -> pd.DataFrame:
    """Whole-year criterion values (actual preferred over estimate) with unit names."""
    frame = stored_criteria.criterion_values(con, _criterion_codes(family), parent_id, until)
    return frame


def history(
    con: Connection,
    family: str = "ntm",
    parent_id: int | None = None,
    until: int | None = None,
    province_code: str | None = "42",
) -> pd.DataFrame:
    """Unit × year assessments against the set in force each year."""
    obs = observations(con, family, parent_id, until)
    frames = []
    for year, own in obs.groupby("year", sort=True):
        base, crit, extra = criteria.criteria_for(family, int(year), province_code)
        if base is None:
            continue
        frames.append(assess_year(own, crit, extra, int(year), base.code))
    if not frames:
        return pd.DataFrame(columns=ASSESS_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def recognised(con: Connection, family: str) -> pd.DataFrame:
    frame = stored.recognitions(con)
    codes = {f.code for f in criteria.frameworks() if f.family == family}
    return frame[frame.framework.isin(codes)]


def reached_years(con: Connection, hist: pd.DataFrame, family: str = "ntm") -> dict[int, int]:
    """unit_id → year the standard was first reached, for the units of `hist`: the earliest
    recognition when there is one, else the first year every criterion was met."""
    out = first_year_reached(hist)
    units = set(int(u) for u in hist.unit_id)
    for unit_id, own in recognised(con, family).groupby("unit_id"):
        if int(unit_id) in units:
            out[int(unit_id)] = int(own.year.min())
    return out


def assessment(
    con: Connection,
    year: int,
    parent_id: int | None = None,
    family: str = "ntm",
    province_code: str | None = "42",
) -> pd.DataFrame:
    """One row per unit assessed in `year`: unit_code, unit_name, criteria_set, criteria_met,
    criteria_total, level, year_reached, basis, met/unmet/missing criterion numbers."""
    hist = history(con, family, parent_id, year, province_code)
    now = hist[hist.year == year]
    if now.empty:
        return pd.DataFrame(
            columns=[
                "unit_id",
                "unit_code",
                "unit_name",
                *ASSESS_COLUMNS[2:],
                "level",
                "year_reached",
                "basis",
                "decision",
            ]
        )
    lv = levels(
        now.unit_id.tolist(), year, recognised(con, family), first_year_reached(hist), family
    )
    units = stored_units.names(con, now.unit_id)
    out = now.merge(lv, on="unit_id").merge(units, on="unit_id")
    return out.sort_values("unit_code").reset_index(drop=True)


def parents_with_criteria(con: Connection, family: str = "ntm") -> pd.DataFrame:
    """Parent units (city, district) whose children hold criterion values: unit_id, name, years."""
    return stored_criteria.parents_holding(con, _criterion_codes(family))


def plan(con: Connection, parent_id: int, indicator_code: str = "so_xa_ntm") -> pd.DataFrame:
    """The yearly plan for the number of units reaching the standard (year, target), one target source
    per year in the catalog's priority order."""
    frame = stored_observations.unit_plans(con, indicator_code, parent_id)
    priority = {code: i for i, code in enumerate(catalog.target_sources()["code"])}
    frame["priority"] = frame["target_source"].map(lambda c: priority.get(c, 99))
    frame = frame.sort_values(["year", "priority"]).drop_duplicates("year")
    return frame[["year", "target"]].reset_index(drop=True)


def criterion_names(family: str, year: int, province_code: str | None = "42") -> dict[int, str]:
    base, crit, extra = criteria.criteria_for(family, year, province_code)
    return {c.number: c.name for c in crit + extra}
