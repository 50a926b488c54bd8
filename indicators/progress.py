"""Progress against targets: % of plan, change on the same period, pace-aware status. Pure functions.

Definitions (domain.md §5): % kế hoạch = value ÷ target × 100; "bằng X% cùng kỳ" = value ÷ value of
the same span last year × 100; "tăng Y%" = X − 100.
"""

from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TypeGuard

import numpy as np
import pandas as pd

STATUS_FILE = Path(__file__).resolve().parent.parent / "data" / "statuses.toml"


@lru_cache(maxsize=1)
def status_table() -> dict:
    return tomllib.loads(STATUS_FILE.read_text("utf-8"))


def status_label(status: str) -> str:
    return status_table()["status"][status]["label"]


def status_label_map() -> dict[str, str]:
    """Every status code and its label."""
    return {code: row["label"] for code, row in status_table()["status"].items()}


def status_labels(statuses: pd.Series) -> pd.Series:
    """`status_label` of a column of statuses (a scorecard's rows; NaN where there is none)."""
    return statuses.map(status_label_map())


def status_color(status: str) -> str:
    return status_table()["status"][status]["color"]


def _ok(x: float | None) -> TypeGuard[float]:  # True: a number, so the type checker narrows x
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def pct_of_target(value: float | None, target: float | None) -> float | None:
    """48.08 for 4339 of 9024.5. None when either is missing or the target is 0."""
    if not (_ok(value) and _ok(target)) or target == 0:
        return None
    return value / target * 100.0


def same_period_ratio(value: float | None, previous: float | None) -> float | None:
    """ "bằng X% so với cùng kỳ": 106.56 for 4339 on 4071.9."""
    if not (_ok(value) and _ok(previous)) or previous == 0:
        return None
    return value / previous * 100.0


def same_period_change(value: float | None, previous: float | None) -> float | None:
    """Growth on the same period, in %: +6.56 for 4339 on 4071.9."""
    ratio = same_period_ratio(value, previous)
    return None if ratio is None else ratio - 100.0


def expected_share(month_to: int, typical_share: float | None = None) -> float:
    """Share of the year's plan normally done by the end of `month_to` (0–1): the unit's own history
    when given (see pace.py), otherwise linear."""
    if typical_share is not None and _ok(typical_share) and typical_share > 0:
        return float(typical_share)
    return month_to / 12.0


POINTS_MEASURES = ("pct",)  # rates in %: compared in percentage points, never in % of a %


def change_on_same_period(
    value: float | None, previous: float | None, measure: str
) -> tuple[float | None, bool]:
    """(change, in_points) against the same period: a rate in % changes by percentage points
    (78,5 % → 80,2 % is +1,7 điểm phần trăm); anything else by % of last year's figure. The one
    rule behind cards, tables, slides, sentences and exports."""
    if value is None or previous is None or pd.isna(value) or pd.isna(previous):
        return None, measure in POINTS_MEASURES
    if measure in POINTS_MEASURES:
        return value - previous, True
    return (value / previous * 100.0 - 100.0 if previous else None), False


def change_text(change: float | None, in_points: bool, decimals: int = 2) -> str:
    """ "tăng 1,7 điểm phần trăm", "giảm 6,33%", "không đổi", "" (no figure)."""
    from vn import numbers as fmt

    if change is None or pd.isna(change):
        return ""
    if round(change, decimals) == 0:
        return "không đổi"
    word = "tăng" if change > 0 else "giảm"
    amount = fmt.number(abs(change), decimals)
    return f"{word} {amount} điểm phần trăm" if in_points else f"{word} {amount}%"


def against_plan(
    value: float | None, target: float | None, measure: str, direction: str
) -> tuple[float | None, bool]:
    """(figure, in_points) against the plan: a lower-is-better rate in % has a ceiling, so its gap in
    percentage points ("cao hơn 0,18 điểm phần trăm"), since "bằng 126,62% kế hoạch" would read as
    doing better; anything else % of plan. The one rule behind cards, tables, slides, sentences
    and exports."""
    in_points = measure in POINTS_MEASURES and direction == "lower"
    if value is None or target is None or pd.isna(value) or pd.isna(target):
        return None, in_points
    if in_points:
        return value - target, True
    return pct_of_target(value, target), False


def plan_text(figure: float | None, in_points: bool, decimals: int = 2) -> str:
    """ "48,08%" (of plan), "cao hơn 0,18 điểm phần trăm", "thấp hơn 0,2 điểm phần trăm", "bằng
    kế hoạch", "" (no figure)."""
    from vn import numbers as fmt

    if figure is None or pd.isna(figure):
        return ""
    if not in_points:
        return fmt.percent(figure)
    if round(figure, decimals) == 0:
        return "bằng kế hoạch"
    side = "cao hơn" if figure > 0 else "thấp hơn"
    return f"{side} {fmt.number(abs(figure), decimals)} điểm phần trăm"


def plan_texts(values, targets, measures, directions) -> list[str]:
    """`plan_text(*against_plan(…))` of each row, the % of plan of all rows formatted at once (a
    province's heatmap has ~13,000 cells: one by one they took a fifth of its page run)."""
    from vn import numbers as fmt

    rows = [against_plan(v, t, m, d) for v, t, m, d in zip(values, targets, measures, directions)]
    of_plan = fmt.percents([None if points else f for f, points in rows], missing="")
    return [plan_text(f, True) if points else text for (f, points), text in zip(rows, of_plan)]


def attainment_pct(value: float | None, target: float | None, direction: str) -> float | None:
    """How far the plan is attained, 100 = on plan, above = better, in the indicator's direction:
    value / target for higher-is-better; target / value for lower-is-better (a poverty rate at 180 %
    of its plan attains 56 %, a miss). None without both figures."""
    if value is None or target is None or pd.isna(value) or pd.isna(target):
        return None
    if direction == "lower":
        if value == 0:
            return 200.0 if target >= 0 else None  # nothing left where a little was allowed
        return target / value * 100.0
    return value / target * 100.0 if target else None


def is_flow(aggregation: str, value_type: str) -> bool:
    """Flows accumulate over the year (production value, revenue, jobs): their % of plan grows with
    the months. Levels and rates (coverage %, poverty rate, income per head) are compared as they are."""
    return aggregation == "sum" and value_type in ("level", "count")


def status(
    value: float | None,
    target: float | None,
    *,
    month_to: int,
    direction: str = "higher",
    flow: bool = True,
    typical_share: float | None = None,
) -> str:
    """Status code for a value against its year's target at the end of month `month_to`.

    Completed years (month_to = 12): exceeded / met / not_met. In-year: ahead / on_track / behind,
    judged on pace for flows and directly for levels. Lower-is-better indicators are reversed.
    """
    if not _ok(value):
        return "no_data"
    if not _ok(target):
        return "no_target"
    if month_to == 12:
        if direction == "lower":
            return "exceeded" if value < target else ("met" if value == target else "not_met")
        return "exceeded" if value > target else ("met" if value == target else "not_met")
    pace = status_table()["pace"]
    if flow and direction == "higher":
        pct = pct_of_target(value, target)
        if pct is None:
            return "no_target"
        ratio = pct / (expected_share(month_to, typical_share) * 100.0)
    elif direction == "lower":
        if value == 0:
            return "ahead"
        ratio = target / value
    else:
        if target == 0:
            return "ahead"
        ratio = value / target
    if ratio >= pace["ahead_at_or_above"]:
        return "ahead"
    if ratio >= pace["on_track_at_or_above"]:
        return "on_track"
    return "behind"


def statuses(values, targets, *, month_to: int, directions, flows, typical_shares) -> np.ndarray:
    """`status` for whole columns at once (thousands of unit × indicator rows); the same codes as
    the row-by-row function, which stays the reference (tests compare both)."""
    v = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
    t = np.asarray(pd.to_numeric(pd.Series(targets), errors="coerce"), dtype=float)
    lower = np.asarray(directions) == "lower"
    flow = np.asarray(flows, dtype=bool)
    share = np.asarray(pd.to_numeric(pd.Series(typical_shares), errors="coerce"), dtype=float)
    out = np.full(len(v), "", dtype=object)
    no_data, no_target = np.isnan(v), ~np.isnan(v) & np.isnan(t)
    out[no_data], out[no_target] = "no_data", "no_target"
    rest = ~no_data & ~no_target
    if month_to == 12:
        better = np.where(lower, v < t, v > t)
        out[rest & better] = "exceeded"
        out[rest & ~better & (v == t)] = "met"
        out[rest & ~better & (v != t)] = "not_met"
        return out
    pace = status_table()["pace"]
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.where((share > 0) & ~np.isnan(share), share, month_to / 12.0) * 100.0
        flow_ratio = (v / t * 100.0) / expected
        lower_ratio = t / v
        level_ratio = v / t
    use_flow = rest & flow & ~lower
    use_lower = rest & lower
    use_level = rest & ~lower & ~(flow & ~lower)
    ratio = np.full(len(v), np.nan)
    ratio[use_flow], ratio[use_lower], ratio[use_level] = (
        flow_ratio[use_flow],
        lower_ratio[use_lower],
        level_ratio[use_level],
    )
    out[use_flow & (t == 0)] = "no_target"
    out[use_lower & (v == 0)] = "ahead"
    out[use_level & (t == 0)] = "ahead"
    decide = rest & (out == "")
    out[decide & (ratio >= pace["ahead_at_or_above"])] = "ahead"
    out[decide & (ratio < pace["ahead_at_or_above"]) & (ratio >= pace["on_track_at_or_above"])] = (
        "on_track"
    )
    out[decide & (out == "")] = "behind"
    return out
