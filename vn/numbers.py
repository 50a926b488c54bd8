"""Vietnamese number formats (1.234,5; 48,08%) through Babel's vi_VN locale. Pure functions."""

from __future__ import annotations

import math

from babel.numbers import format_decimal

LOCALE = "vi_VN"


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(
    value: float | None, decimals: int = 2, min_decimals: int = 0, missing: str = "—"
) -> str:
    """1234.5 → '1.234,5' (trailing zeros dropped down to `min_decimals`)."""
    if value is None or _missing(value):  # the None test again, for the type checker
        return missing
    pattern = "#,##0" + (
        "." + "0" * min_decimals + "#" * (decimals - min_decimals) if decimals else ""
    )
    text = format_decimal(round(float(value), decimals), format=pattern, locale=LOCALE)
    return "0" if text in ("-0", "−0") else text


def percent(value: float | None, decimals: int = 2, missing: str = "—") -> str:
    """48.08 (already in percent) → '48,08%'."""
    if _missing(value):
        return missing
    return number(value, decimals) + "%"


def signed_percent(value: float | None, decimals: int = 2, missing: str = "—") -> str:
    """6.56 → '+6,56%', -2.1 → '−2,1%'."""
    if value is None or _missing(value):  # the None test again, for the type checker
        return missing
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return sign + number(abs(value), decimals) + "%"


def decimals_for(measure: str) -> int:
    """Sensible rounding per measure: money in tỷ đồng up to 2 decimals, counts none, % 2."""
    if measure in ("nguoi", "luot", "ho", "doanh_nghiep", "khu", "to", "tuyen", "xa"):
        return 0
    return 2


def with_measure(value: float | None, measure_code: str, measure_name: str) -> str:
    """'4.339 tỷ đồng', '78,77%', '69.000 lượt'."""
    if _missing(value):
        return "—"
    if measure_code == "pct":
        return percent(value, decimals_for(measure_code))
    text = number(value, decimals_for(measure_code))
    if measure_code in ("none", "dat_khong"):
        return text
    return f"{text} {measure_name.lower() if measure_name[:1].isupper() and not measure_name[1:2].isupper() else measure_name}"


def rank_arrow(change: float | None) -> str:
    """+2 → '▲2' (moved up two places), −1 → '▼1', 0/None → '='."""
    if change is None or change != change or change == 0:
        return "="
    return f"▲{int(change)}" if change > 0 else f"▼{int(-change)}"
