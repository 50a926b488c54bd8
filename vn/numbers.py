"""Vietnamese number formats (1.234,5; 48,08%) through Babel's vi_VN locale. Pure functions."""

from __future__ import annotations

import math
from collections.abc import Iterable

from babel.numbers import format_decimal

LOCALE = "vi_VN"


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return True  # not a number at all: shown as missing, never as its repr


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
# Beyond this, digits stop meaning anything to a reader (and Babel's decimal context overflows
# from about 1e26): the figure is written as a power of ten.
_SCIENTIFIC_FROM = 1e15
# up to 15 significant digits a float's rounded digits read the same in Python's own formatting
# as in Babel's (Decimal of the float's repr); beyond, Babel formats
_FAST_DIGITS = 15
_VI_SEPARATORS = str.maketrans({",": ".", ".": ","})


def _scientific(value: float, decimals: int) -> str:
    """1.7e308 → '1,7×10³⁰⁸'; infinity → '∞'."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = round(value / 10**exponent, max(decimals, 1))
    if abs(mantissa) >= 10:  # 9,999 rounded up to 10
        mantissa, exponent = mantissa / 10, exponent + 1
    text = f"{mantissa:.{max(decimals, 1)}f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text.replace('-', '−')}×10{str(exponent).translate(_SUPERSCRIPT)}"


def number(
    value: float | None, decimals: int = 2, min_decimals: int = 0, missing: str = "—"
) -> str:
    """1234.5 → '1.234,5' (trailing zeros dropped down to `min_decimals`). Total: None, NaN and
    anything not a number give `missing`; infinities and values from 10¹⁵ a power of ten."""
    if value is None or is_missing(value):  # the None test again, for the type checker
        return missing
    x = float(value)
    if math.isinf(x) or abs(x) >= _SCIENTIFIC_FROM:
        return _scientific(x, decimals)
    decimals, min_decimals = max(0, min(int(decimals), 12)), max(0, min(int(min_decimals), 12))
    min_decimals = min(min_decimals, decimals)
    rounded = round(x, decimals)
    if abs(rounded) < 10.0 ** (_FAST_DIGITS - decimals):
        return _plain(rounded, decimals, min_decimals)
    pattern = "#,##0" + (
        "." + "0" * min_decimals + "#" * (decimals - min_decimals) if decimals else ""
    )
    text = format_decimal(rounded, format=pattern, locale=LOCALE)
    return "0" if text in ("-0", "−0") else text


def _plain(rounded: float, decimals: int, min_decimals: int) -> str:
    """vi_VN's grouping (3) and symbols (. ,) by hand for a rounded value below 10^(15 − decimals):
    Babel's pattern machinery cost ~40 µs a number, 1,4 s for a province's heatmap; tests/test_vn.py
    holds the two equal."""
    text = format(rounded, f",.{decimals}f")
    if decimals > min_decimals:
        whole, _, fraction = text.partition(".")
        fraction = fraction[:min_decimals] + fraction[min_decimals:].rstrip("0")
        text = whole + ("." + fraction if fraction else "")
    text = text.translate(_VI_SEPARATORS)
    return "0" if text in ("-0", "−0") else text


def numbers(
    values: Iterable[object], decimals: int = 2, min_decimals: int = 0, missing: str = "—"
) -> list[str]:
    """`number` of each value, the same text, at list speed: a province's heatmap formats ~30,000
    figures at every page run (0,2 s one by one). Values outside the plain range go to `number`."""
    asked = (decimals, min_decimals)  # as given, for `number` (the power-of-ten form reads them)
    decimals, min_decimals = max(0, min(int(decimals), 12)), max(0, min(int(min_decimals), 12))
    min_decimals = min(min_decimals, decimals)
    limit = 10.0 ** (_FAST_DIGITS - decimals)
    out = []
    for value in values:
        try:
            x = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            out.append(missing)
            continue
        if x != x:  # NaN
            out.append(missing)
            continue
        rounded = round(x, decimals) if abs(x) < limit else x
        if not abs(rounded) < limit:  # infinities, 10¹⁵ and up, Babel's range: one by one
            out.append(number(x, *asked, missing=missing))
            continue
        out.append(_plain(rounded, decimals, min_decimals))
    return out


def percents(values: Iterable[object], decimals: int = 2, missing: str = "—") -> list[str]:
    """`percent` of each value (see `numbers`)."""
    return [t if t == missing else t + "%" for t in numbers(values, decimals, 0, missing)]


def percent(value: float | None, decimals: int = 2, missing: str = "—") -> str:
    """48.08 (already in percent) → '48,08%'."""
    if is_missing(value):
        return missing
    return number(value, decimals) + "%"


def signed_percent(value: float | None, decimals: int = 2, missing: str = "—") -> str:
    """6.56 → '+6,56%', -2.1 → '−2,1%'."""
    if value is None or is_missing(value):  # the None test again, for the type checker
        return missing
    text = number(abs(value), decimals)
    sign = "" if text == "0" else ("+" if value > 0 else ("−" if value < 0 else ""))
    return sign + text + "%"


def decimals_for(measure: str) -> int:
    """Sensible rounding per measure: money in tỷ đồng up to 2 decimals, counts none, % 2."""
    if measure in ("nguoi", "luot", "ho", "doanh_nghiep", "khu", "to", "tuyen", "xa"):
        return 0
    return 2


def with_measure(value: float | None, measure_code: str, measure_name: str) -> str:
    """'4.339 tỷ đồng', '78,77%', '69.000 lượt'."""
    if is_missing(value):
        return "—"
    if measure_code == "pct":
        return percent(value, decimals_for(measure_code))
    text = number(value, decimals_for(measure_code))
    if measure_code in ("none", "dat_khong"):
        return text
    return f"{text} {measure_name.lower() if measure_name[:1].isupper() and not measure_name[1:2].isupper() else measure_name}"


def rank_arrow(change: float | None) -> str:
    """+2 → '▲2' (moved up two places), −1 → '▼1', 0/None → '='."""
    if is_missing(change) or change == 0 or math.isinf(change):  # type: ignore[arg-type]
        return "="
    assert change is not None
    places = int(min(abs(change), 99_999))  # a rank moves by at most the number of units
    return f"▲{places}" if change > 0 else f"▼{places}"
