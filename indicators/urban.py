"""Urban classification scoring (phân loại đô thị, class II): points per standard, criterion sums, total
against the pass mark, standards short of their minimum with the gap to it.

Rule per standard (NQ 1210/2016/UBTVQH13, docs/criteria.md): no points below the minimum level, the
minimum points at it, full points at or beyond the maximum level, linear in between. Levels may run
downward (lower is better: poverty rate, water loss) — the rule is the same with min_level > max_level.
"""

from __future__ import annotations

import math

import pandas as pd

from indicators import criteria
from store import Connection
from store import criteria as stored
from store.queries import criteria as stored_criteria
from store.queries import observations as stored_observations

EPS = 1e-9
ROUND = 4  # the tables print points with 4 decimals (92,6598)
STANDARD_COLUMNS = [
    "number",
    "name",
    "indicator_code",
    "measure",
    "value",
    "min_level",
    "max_level",
    "min_points",
    "max_points",
]


def standard_points(
    value: float | None, min_level: float, max_level: float, min_points: float, max_points: float
) -> float | None:
    """Points of one standard; None when the value is missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    span = max_level - min_level
    if span == 0:  # a yes/no standard: minimum and maximum are the same level
        return float(max_points) if (value - min_level) >= -EPS else 0.0
    t = (value - min_level) / span  # 0 at the minimum, 1 at the maximum, whichever way levels run
    if t < -EPS:
        return 0.0
    if t >= 1 - EPS:
        return float(max_points)
    return float(min_points + max(t, 0.0) * (max_points - min_points))


def gap_to_minimum(value: float | None, min_level: float, max_level: float) -> float | None:
    """How far the value is short of the minimum level (0 when met), in the standard's measure."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    lower_better = min_level > max_level
    short = (value - min_level) if lower_better else (min_level - value)
    return max(short, 0.0)


def score_standards(frame: pd.DataFrame) -> pd.DataFrame:
    """Add points, meets_minimum, gap and points_at_stake to a standards frame (STANDARD_COLUMNS).
    points_at_stake: the minimum points a standard short of its minimum would gain by reaching it."""
    out = frame.copy()
    if out.empty:
        for column in (
            "criterion",
            "direction",
            "points",
            "gap",
            "meets_minimum",
            "points_at_stake",
            "points_to_max",
        ):
            out[column] = pd.Series(dtype="float64")
        return out
    out["criterion"] = out["number"].astype(str).str.split(".").str[0].astype(int)
    out["direction"] = [
        "lower" if lo > hi else "higher" for lo, hi in zip(out.min_level, out.max_level)
    ]
    points = [
        standard_points(v, lo, hi, pl, ph)
        for v, lo, hi, pl, ph in zip(
            out.value, out.min_level, out.max_level, out.min_points, out.max_points
        )
    ]
    # points are kept to 4 decimals, as the tables print and sum them (criterion lines, total 92,6598)
    out["points"] = pd.Series(
        [None if p is None else round(p, ROUND) for p in points], index=out.index, dtype="float64"
    )
    out["gap"] = [
        gap_to_minimum(v, lo, hi) for v, lo, hi in zip(out.value, out.min_level, out.max_level)
    ]
    out["gap"] = out["gap"].astype("float64")
    out["meets_minimum"] = out["gap"].fillna(1) <= EPS
    out["points_at_stake"] = out["min_points"].where(~out["meets_minimum"], 0.0)
    out["points_to_max"] = out["max_points"] - out["points"].fillna(0.0)
    return out


def criterion_scores(
    scored: pd.DataFrame, framework: criteria.Framework, entered: dict[int, float] | None = None
) -> pd.DataFrame:
    """One row per criterion: points (sum of its standards, or the entered/published points), minimum and
    maximum points, source ('tính' computed | 'công bố' entered) and whether it reaches its minimum."""
    entered = entered or {}
    rows = []
    for c in framework.criteria:
        own = scored[scored.criterion == c.number] if not scored.empty else scored
        if c.number in entered:
            points, source = float(entered[c.number]), "công bố"
        elif not own.empty and own["points"].notna().any():
            points, source = round(float(own["points"].fillna(0.0).sum()), ROUND), "tính"
        else:
            points, source = None, ""
        rows.append(
            {
                "criterion": c.number,
                "name": c.name,
                "points": points,
                "min_points": c.min_points,
                "max_points": c.max_points,
                "source": source,
                "below_minimum": points is not None
                and c.min_points is not None
                and points < c.min_points - EPS,
                "missing_standards": int(own["points"].isna().sum()) if not own.empty else 0,
            }
        )
    return pd.DataFrame(rows)


def total(by_criterion: pd.DataFrame, pass_points: float | None) -> dict:
    """Total points, pass mark and verdict (None when a criterion has no points at all)."""
    complete = bool(len(by_criterion)) and bool(by_criterion["points"].notna().all())
    value = (
        round(float(by_criterion["points"].fillna(0.0).sum()), ROUND) if len(by_criterion) else None
    )
    return {
        "total": value,
        "pass_points": pass_points,
        "complete": complete,
        "passed": None
        if not complete or pass_points is None or value is None  # complete: a value
        else value >= pass_points - EPS,
    }


def short_of_minimum(scored: pd.DataFrame) -> pd.DataFrame:
    """Standards below their minimum level, the most points at stake first."""
    short = scored[~scored["meets_minimum"] & scored["value"].notna()]
    return short.sort_values(["points_at_stake", "max_points"], ascending=False)


# ---------------------------------------------------------------- scoring tables (files)
def standards_from_rows(rows: list[dict]) -> tuple[pd.DataFrame, dict]:
    """The standards and the criterion/total lines of a scoring table read by
    `loaders.scoring_rows()`: (standards frame with points_reported and cell, lines by item)."""
    standards, lines = [], {}
    for row in rows:
        stt = (row.get("stt") or "").strip()
        if "." in stt and row.get("min_level") is not None and row.get("max_level") is not None:
            standards.append(
                {
                    "number": stt,
                    "name": row["name"],
                    "indicator_code": row.get("indicator_code"),
                    "measure": row.get("measure", ""),
                    "value": row.get("value"),
                    "min_level": row["min_level"],
                    "max_level": row["max_level"],
                    "min_points": row.get("min_points"),
                    "max_points": row.get("max_points"),
                    "points_reported": row.get("points"),
                    "cell": row.get("cell"),
                }
            )
        elif stt.isdigit():
            lines[stt] = row
        elif not stt and row.get("points") is not None:
            lines["total"] = row
    frame = pd.DataFrame(standards, columns=STANDARD_COLUMNS + ["points_reported", "cell"])
    for column in (
        "value",
        "min_level",
        "max_level",
        "min_points",
        "max_points",
        "points_reported",
    ):
        frame[column] = frame[column].astype("float64")
    return frame, lines


def score_table(rows: list[dict], framework: criteria.Framework | None = None) -> dict:
    """Score a file's table on its own levels and points. Returns standards (scored), criteria, total,
    and `mismatches`: the file's "Đạt được" cells that disagree with the computed points."""
    framework = framework or criteria.get("urban_nq1210")
    frame, lines = standards_from_rows(rows)
    scored = score_standards(frame)
    by_criterion = criterion_scores(scored, _with_table_criteria(framework, lines))
    result = total(by_criterion, framework.pass_points)
    mismatches = []
    for r in scored.itertuples():
        if (
            r.points_reported is not None
            and not math.isnan(r.points_reported)
            and r.points is not None
            and abs(round(r.points, ROUND) - r.points_reported) > 0.5 * 10**-ROUND + EPS
        ):
            mismatches.append(
                {
                    "item": r.number,
                    "cell": r.cell,
                    "reported": r.points_reported,
                    "computed": r.points,
                }
            )
    for c in by_criterion.itertuples():
        line = lines.get(str(c.criterion))
        if (
            line
            and line.get("points") is not None
            and c.points is not None
            and abs(round(c.points, ROUND) - line["points"]) > 0.5 * 10**-ROUND + EPS
        ):
            mismatches.append(
                {
                    "item": str(c.criterion),
                    "cell": line.get("cell"),
                    "reported": line["points"],
                    "computed": c.points,
                }
            )
    if (
        "total" in lines
        and result["total"] is not None
        and abs(round(result["total"], ROUND) - lines["total"]["points"]) > 0.5 * 10**-ROUND + EPS
    ):
        mismatches.append(
            {
                "item": "total",
                "cell": lines["total"].get("cell"),
                "reported": lines["total"]["points"],
                "computed": result["total"],
            }
        )
    return {"standards": scored, "criteria": by_criterion, **result, "mismatches": mismatches}


def _with_table_criteria(framework: criteria.Framework, lines: dict) -> criteria.Framework:
    """The framework with criterion min/max points taken from the table's criterion lines when given."""
    import dataclasses

    crit = []
    for c in framework.criteria:
        line = lines.get(str(c.number)) or {}
        crit.append(
            dataclasses.replace(
                c,
                min_points=line.get("min_points") or c.min_points,
                max_points=line.get("max_points") or c.max_points,
            )
        )
    return dataclasses.replace(framework, criteria=tuple(crit))


# ---------------------------------------------------------------- the store
def _values(con: Connection, unit_id: int, year: int, codes: list[str]) -> dict[str, float]:
    """Whole-year values of a unit (actual preferred over estimate)."""
    if not codes:
        return {}
    frame = stored_observations.whole_year_values(con, unit_id, year, codes)
    return dict(zip(frame.indicator_code, frame.value.astype(float)))


def assessment(con: Connection, unit_id: int, year: int) -> dict:
    """Score a unit's year from the store: the standards' values (observations), the levels and points
    of the year's uploaded table when there is one (else the framework in force), and entered criterion
    points (dt_diem_tc1…5) standing for their criterion. Keys as `score_table` plus framework, basis."""
    framework = criteria.base_set("urban", year)
    if framework is None:
        return {
            "framework": None,
            "standards": pd.DataFrame(),
            "criteria": pd.DataFrame(),
            "total": None,
            "pass_points": None,
            "passed": None,
            "complete": False,
            "basis": "",
        }
    table = stored.scores(con, unit_id, year)
    table_std = table[table["item"].str.contains(".", regex=False)] if not table.empty else table
    if not table_std.empty:
        frame = pd.DataFrame(
            {
                "number": table_std["item"],
                "name": table_std["name"],
                "indicator_code": table_std["indicator_code"],
                "measure": "",
                "min_level": table_std["min_level"],
                "max_level": table_std["max_level"],
                "min_points": table_std["min_points"],
                "max_points": table_std["max_points"],
            }
        )
        basis = "bảng chấm điểm đã nạp"
    else:
        frame = pd.DataFrame(
            [
                {
                    "number": s.number,
                    "name": s.name,
                    "indicator_code": s.indicator,
                    "measure": s.measure,
                    "min_level": s.min_level,
                    "max_level": s.max_level,
                    "min_points": s.min_points,
                    "max_points": s.max_points,
                }
                for s in framework.standards
            ],
            columns=[c for c in STANDARD_COLUMNS if c != "value"],
        )
        basis = framework.short_name + (
            " (điểm quy đổi, chưa xác nhận)" if framework.scaled else ""
        )
    codes = [c for c in frame["indicator_code"].dropna().tolist()]
    values = _values(con, unit_id, year, codes + [f"dt_diem_tc{n}" for n in range(1, 6)])
    frame["value"] = [
        values.get(c) if isinstance(c, str) else None for c in frame["indicator_code"]
    ]
    frame["value"] = frame["value"].astype("float64")
    entered = {n: values[f"dt_diem_tc{n}"] for n in range(1, 6) if f"dt_diem_tc{n}" in values}
    scored = score_standards(frame[STANDARD_COLUMNS]) if not frame.empty else frame
    by_criterion = criterion_scores(scored, framework, entered)
    return {
        "framework": framework,
        "standards": scored,
        "criteria": by_criterion,
        **total(by_criterion, framework.pass_points),
        "basis": basis,
    }


def assessed_years(con: Connection, unit_id: int) -> list[int]:
    """Years in which the unit has any urban standard value, entered criterion points or a scoring table."""
    codes = sorted(
        {s.indicator for f in criteria.frameworks() if f.family == "urban" for s in f.standards}
        | {f"dt_diem_tc{n}" for n in range(1, 6)}
    )
    # poverty rate and waste collection serve other criteria sets too: alone they assess no urban year
    return stored_criteria.urban_years(con, unit_id, codes, ["ty_le_ho_ngheo", "thu_gom_rac"])


def history(con: Connection, unit_id: int) -> pd.DataFrame:
    """Criterion points and total per assessed year (long: year, criterion, name, points, total)."""
    rows = []
    for year in assessed_years(con, unit_id):
        result = assessment(con, unit_id, year)
        if result["framework"] is None:
            continue
        for c in result["criteria"].itertuples():
            rows.append(
                {
                    "year": year,
                    "criterion": c.criterion,
                    "name": c.name,
                    "points": c.points,
                    "max_points": c.max_points,
                    "total": result["total"],
                    "passed": result["passed"],
                    "framework": result["framework"].short_name,
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "year",
            "criterion",
            "name",
            "points",
            "max_points",
            "total",
            "passed",
            "framework",
        ],
    )


def urban_units(con: Connection) -> pd.DataFrame:
    """Units holding any urban standard value or entered points (city-level units)."""
    codes = sorted(
        {s.indicator for f in criteria.frameworks() if f.family == "urban" for s in f.standards}
        | {f"dt_diem_tc{n}" for n in range(1, 6)}
    )
    codes = [c for c in codes if c.startswith("dt_")]
    return stored_criteria.units_holding(con, codes)
