"""Multi-year trend status of an indicator against its term target (xu hướng nhiều năm).

This reproduces, for one time series, Statistics Canada's progress measurement methodology exactly
as Open SDG implements it in open-sdg/sdg-build, ``sdg/ProgressMeasure.py`` (sdg-build >= 2.4; read
at commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67: ``SeriesProgress``, ``growth_calculation``,
``get_progress_status``). The constants live in ``data/trend_method.toml``.

Method (``cagr(v1, v0, t1, t0) = (v1 / v0) ** (1 / (t1 - t0)) - 1``, compound annual growth):

* current year = latest year with a value; base year = ``base_year`` (default 2015) or, when that
  year has no value, the next year that has one (earlier years are ignored);
* ``sign`` = -1 when the base value is negative, else 1; ``d`` = +1 for "higher", -1 for "lower";
* without a target (method 1): ``progress = sign * d * cagr(current, base)``, compared with the
  thresholds 0.015 / 0.005 / 0; with a ``limit`` those thresholds are scaled by
  ``1 - (base/limit)**4.44`` (base <= limit), ``1 - ((2*limit - base)/limit)**4.44``
  (limit < base < 2*limit) or 1 (base >= 2*limit);
* with a target (method 2):
  ``progress = sign * d * cagr(current, base) / |cagr(target, base, target_year)|``
  (observed growth as a share of the growth required), compared with 0.95 / 0.6 / 0;
* status: ``target_achieved`` when the latest value already meets the target (>= for "higher",
  <= for "lower"); else progress >= high → ``substantial``, >= med → ``moderate``, >= low →
  ``limited``, < low → ``deterioration``; ``not_available`` when no progress value exists;
* score in [-5, 5] is sdg-build's own ``SeriesProgress.get_score()`` (not a mapping invented
  here): 5 when the target is achieved; with a target ``min(7.1429 p - 4.2857, 5)`` for p >= 0.6,
  else ``max(4.1667 p - 2.5, -5)``; without a target ``max(125 p - 2.5, -5)`` for p < low, and
  above it ``500 p/c - 5`` (capped at 5), ``250 p/c - 1.25``, ``500 p/c - 2.5`` on the high / med /
  low segments, where c is the limit coefficient (1 without a limit) and c == 0 gives 5. Segment
  boundaries coincide with the status thresholds (scores 2.5, 0, -2.5): status and score agree.

Edge cases, as in sdg-build: a target of 0 and a base value of 0 are replaced by 0.001; base and
latest value of opposite signs, fewer than two usable years, or a base year at/after the latest
year → ``not_available``; missing values (None/NaN) are dropped first; a limit is ignored when a
target is given. Status names are this project's short ones; ``OPEN_SDG_STATUS`` maps them to
Open SDG's (``substantial`` ↔ ``substantial_progress`` …).

Where sdg-build crashes or returns an artefact of floating-point types, this module decides (the
status and score are what sdg-build would give where it gives any):

* base already at the target (required growth 0): sdg-build divides by 0 and gets ±inf/nan. The
  status is ``target_achieved`` (score 5) when the latest value meets the target, otherwise the
  series moved away from a target it had reached: ``deterioration``, score -5. ``progress_value``
  is None in both cases (it is not finite).
* target and base value of opposite signs (required growth undefined), or ``target_year`` equal to
  the base year → ``not_available`` unless the target is already achieved.
* ``base_year`` after the latest year (sdg-build raises) → ``not_available`` unless the target is
  already achieved.
* the target check uses only the latest value, so a single year that meets the target is
  ``target_achieved`` (score 5, progress_value None), as in sdg-build.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

METHOD_FILE = Path(__file__).resolve().parent.parent / "data" / "trend_method.toml"

STATUSES = (
    "target_achieved",
    "substantial",
    "moderate",
    "limited",
    "deterioration",
    "not_available",
)

VI_LABELS: dict[str, str] = {
    "target_achieved": "Đã đạt mục tiêu",
    "substantial": "Tiến bộ rõ rệt",
    "moderate": "Tiến bộ vừa phải",
    "limited": "Tiến bộ hạn chế",
    "deterioration": "Đi xuống",
    "not_available": "Không đủ dữ liệu",
}

# This project's status names → Open SDG's progress_status values.
OPEN_SDG_STATUS: dict[str, str] = {
    "target_achieved": "target_achieved",
    "substantial": "substantial_progress",
    "moderate": "moderate_progress",
    "limited": "limited_progress",
    "deterioration": "deterioration",
    "not_available": "not_available",
}

DIRECTIONS = {"higher": 1, "lower": -1}


@dataclass(frozen=True)
class TrendResult:
    progress_value: float | None
    score: float | None
    status: str

    @property
    def label_vi(self) -> str:
        return VI_LABELS[self.status]


NOT_AVAILABLE = TrendResult(None, None, "not_available")


@lru_cache(maxsize=1)
def method_constants() -> dict:
    """The constants of data/trend_method.toml."""
    with METHOD_FILE.open("rb") as fh:
        return tomllib.load(fh)


def growth(current: float, base: float, current_year: float, base_year: float) -> float:
    """Compound annual growth rate from (base_year, base) to (current_year, current)."""
    return (current / base) ** (1 / (current_year - base_year)) - 1


# years: objects, not ints: the JSON command (indicators/commands/trend.py) passes any value (2020.0, true).
def _clean_series(years: Sequence[object], values: list[float | None]) -> list[tuple[int, float]]:
    if len(years) != len(values):
        raise ValueError(f"Số năm ({len(years)}) và số giá trị ({len(values)}) không bằng nhau")
    points: list[tuple[int, float]] = []
    for year, value in zip(years, values):
        if isinstance(year, bool) or not isinstance(year, int):
            if isinstance(year, float) and year.is_integer():
                year = int(year)
            else:
                raise ValueError(f"Năm phải là số nguyên: {year!r}")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"Giá trị phải là số hoặc null: {value!r}")
        value = float(value)
        if math.isnan(value):
            continue
        if math.isinf(value):
            raise ValueError(f"Giá trị phải là số hữu hạn: {value!r}")
        points.append((year, value))
    seen: set[int] = set()
    for year, _ in points:
        if year in seen:
            raise ValueError(f"Năm {year} có nhiều hơn một giá trị")
        seen.add(year)
    return sorted(points)


def _thresholds(method: int, base_value: float, limit: float | None) -> tuple[dict, float]:
    """(thresholds, limit coefficient) — SeriesProgress.get_progress_thresholds()."""
    const = method_constants()
    if method == 2:
        return dict(const["thresholds"]["target"]), 1.0
    thresholds = dict(const["thresholds"]["no_target"])
    coeff = 1.0
    if limit is not None:
        base, lim = abs(base_value), abs(limit)
        a = const["limit"]["exponent"]
        if base >= 2 * lim:  # checked first so that base == limit == 0 gives 1
            coeff = 1.0
        elif base <= lim:
            coeff = 1 - (base / lim) ** a
        else:
            coeff = 1 - ((2 * lim - base) / lim) ** a
        thresholds = {k: v * coeff for k, v in thresholds.items()}
    return thresholds, coeff


def _status(progress: float | None, thresholds: dict, target_achieved: bool) -> str:
    """get_progress_status(): NaN compares false everywhere and falls through to not_available."""
    if target_achieved:
        return "target_achieved"
    if progress is not None:
        if progress >= thresholds["high"]:
            return "substantial"
        if thresholds["med"] <= progress < thresholds["high"]:
            return "moderate"
        if thresholds["low"] <= progress < thresholds["med"]:
            return "limited"
        if progress < thresholds["low"]:
            return "deterioration"
    return "not_available"


def _score(
    method: int, progress: float | None, thresholds: dict, coeff: float, target_achieved: bool
) -> float | None:
    """SeriesProgress.get_score()."""
    const = method_constants()["score"]
    lo, hi = const["min"], const["max"]
    if target_achieved:
        return const["target_achieved"]
    if progress is None or math.isnan(progress):
        return None
    if method == 1:
        s = const["no_target"]
        if progress < thresholds["low"]:
            return max(s["below_low_slope"] * progress + s["below_low_intercept"], lo)
        if coeff == 0:
            return s["at_limit"]
        if progress >= thresholds["high"]:
            value = s["at_or_above_high_slope"] * progress / coeff + s["at_or_above_high_intercept"]
            return min(value, hi)
        if progress >= thresholds["med"]:
            return s["at_or_above_med_slope"] * progress / coeff + s["at_or_above_med_intercept"]
        return s["at_or_above_low_slope"] * progress / coeff + s["at_or_above_low_intercept"]
    s = const["target"]
    if progress >= thresholds["med"]:
        return min(s["at_or_above_med_slope"] * progress + s["at_or_above_med_intercept"], hi)
    return max(s["below_med_slope"] * progress + s["below_med_intercept"], lo)


def measure_trend(
    years: list[int],
    values: list[float],
    direction: str = "higher",
    target: float | None = None,
    target_year: int | None = None,
    limit: float | None = None,
    base_year: int | None = None,
) -> TrendResult:
    """Trend status of one series against its target (or, without one, its own growth).

    ``years``/``values`` are parallel lists in any order; None/NaN values are ignored. Raises
    ValueError (message in Vietnamese) for malformed input: length mismatch, duplicate years,
    unknown direction, non-numbers.
    """
    if not isinstance(direction, str) or direction not in DIRECTIONS:
        raise ValueError(
            f"Hướng (direction) phải là 'higher' hoặc 'lower', không phải {direction!r}"
        )
    for name, x in (("mục tiêu (target)", target), ("giới hạn (limit)", limit)):
        if x is not None and (
            isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x)
        ):
            raise ValueError(f"Giá trị {name} phải là số hữu hạn: {x!r}")
    for name, y in (
        ("năm mục tiêu (target_year)", target_year),
        ("năm gốc (base_year)", base_year),
    ):
        if y is not None and (isinstance(y, bool) or not isinstance(y, int)):
            raise ValueError(f"Giá trị {name} phải là số nguyên: {y!r}")
    points = _clean_series(list(years), list(values))

    defaults = method_constants()["defaults"]
    zero = defaults["zero_replacement"]
    d = DIRECTIONS[direction]
    base_year = defaults["base_year"] if base_year is None else base_year
    target_year = defaults["target_year"] if target_year is None else target_year
    if target is not None:
        target = float(target)
        if target == 0:
            target = zero
    method = 1 if target is None else 2

    if not points:
        return NOT_AVAILABLE
    current_year, current_value = points[-1]
    target_achieved = target is not None and (
        (d == -1 and current_value <= target) or (d == 1 and current_value >= target)
    )
    achieved = TrendResult(None, method_constants()["score"]["target_achieved"], "target_achieved")

    # Base year: the requested one, or the next year that has a value.
    later = [(y, v) for y, v in points if y >= base_year]
    if not later:  # base year after the latest year: sdg-build raises here
        return achieved if target_achieved else NOT_AVAILABLE
    base_year, base_value = later[0]
    sign = -1 if base_value < 0 else 1
    thresholds, coeff = _thresholds(method, base_value, None if method == 2 else limit)

    progress: float | None = None
    if base_value == 0:
        base_value = zero
    opposite = (base_value > 0 and current_value < 0) or (base_value < 0 and current_value > 0)
    if not opposite and current_year - base_year >= 1:
        observed = growth(current_value, base_value, current_year, base_year)
        if method == 1:
            progress = sign * d * observed
        # method 2: target is never None here; the test tells the type checker
        elif target is not None and target / base_value > 0 and target_year != base_year:
            required = growth(target, base_value, target_year, base_year)
            numerator = sign * d * observed
            if required != 0:
                progress = numerator / abs(required)
            else:  # base already at the target: sdg-build gets ±inf (or nan when nothing moved)
                progress = math.copysign(math.inf, numerator) if numerator != 0 else math.nan

    status = _status(progress, thresholds, target_achieved)
    score = _score(method, progress, thresholds, coeff, target_achieved)
    if progress is not None and not math.isfinite(progress):
        progress = None
    return TrendResult(progress, score, status)
