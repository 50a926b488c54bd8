"""Reporting periods in headers and titles: "6 tháng đầu năm 2016", "9 tháng", "Quý III/2019",
"tháng 10", "cả năm", "năm 2016", "lũy kế đến tháng 10", bare years. A period is a span of months."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vn.text import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]*\d)")
_N_MONTHS = re.compile(
    r"(?<![\d/.,])(\d{1,2})\s*(?:thang|t\b)(?:\s+dau\s+nam)?"
)  # "6 tháng", "6T/2021"
_LAST_HALF = re.compile(r"6\s*thang\s+cuoi\s+nam")
_QUARTER = re.compile(r"\b(?:quy|q)\s*\.?\s*(iv|iii|ii|i|[1-4])\b")
_MONTH = re.compile(r"(?:\bthang|\bt)\s*\.?\s*(\d{1,2})\b(?!\s*thang)")
_TO_MONTH = re.compile(
    r"(?:den|toi|het)\s+(?:ngay\s+)?(?:\d{1,2}/)?(?:thang\s*)?(\d{1,2})(?:/|\b)"
)  # "đến 30/9"
# "cả năm", "năm 2016", "Thực hiện năm", "hàng năm" — not the "Nam" of a place name ("Nam Hà")
_WHOLE_YEAR = re.compile(
    r"\bca\s+nam\b|\bnam\s*(?:(?:19|20)\d{2}|nay|truoc|sau|bao cao|ke hoach|$)|\bhang\s+nam\b"
)
_CUMULATIVE = re.compile(r"\bluy ke\b|\btu dau nam\b|\bcong don\b")
_FROM_TO = re.compile(
    r"\btu\s+(?:ngay\s+)?(?:\d{1,2}/(\d{1,2})|thang\s+(\d{1,2}))(?:/(?:19|20)?\d{2})?"
    r"(?:\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(?:\d{1,2}/(\d{1,2})|thang\s+(\d{1,2})))?"
)
_UP_TO_DATE = re.compile(
    r"\b(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?\d{1,2}\s*/\s*(\d{1,2})(?:\s*/\s*(?:19|20)?\d{2})?\b"
)
_DOCUMENT = re.compile(
    r"\b\d+\s*/\s*(?:(?:19|20)\d{2}\s*/\s*)?(?:qd|nq|kh|bc|tb|ct|cv)\b[\w\-/]*"
    r"|(?<!den )(?<!toi )(?<!het )\bngay\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2}"
)
_YEAR_AFTER_RANGE = re.compile(r"\bnam ((?:19|20)\d{2})\b")
_RANGE = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")


@dataclass(frozen=True)
class HeaderPeriod:
    """What a header or title says of a period, each part None when it does not say it ("Quý II" has no
    year; "năm 2017" no months). A stored observation has a whole vn.periods.Period."""

    year: int | None
    month_from: int | None
    month_to: int | None

    @property
    def months(self) -> tuple[int, int | None] | None:  # "từ 01/7": a start and no end
        if self.month_from is None:
            return None
        return self.month_from, self.month_to


def year_of(value: object) -> int | None:
    """A bare year cell (2016, 2016.0, "2016", "Năm 2016") or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1900 <= value <= 2100 and value == int(value):
            return int(value)
        return None
    text = fold(value)
    match = re.fullmatch(r"(?:nam\s*)?((?:19|20)\d{2})(?:\.0)?", text)
    return int(match.group(1)) if match else None


def parse_period(text: object, whole_year: bool = True) -> HeaderPeriod:
    """The year and month span a header or title names; None parts when not said."""
    return _parse_folded(fold(text), whole_year)


_CODE = re.compile(
    r"^(?:(cn)|lk\s*(\d{1,2})|(\d{1,2})t|t\s*(\d{1,2})|q\s*([1-4]))$"
)  # software period codes


@lru_cache(maxsize=16384)
def _parse_folded(t: str, whole_year: bool) -> HeaderPeriod:
    code = _CODE.match(t.strip())
    if (
        not code
    ):  # "theo QĐ 5960/QĐ-UBND ngày 20/12/2018": a document's number and date are no period
        t = _DOCUMENT.sub(" ", t)
    if code:  # "CN", "LK10", "6T", "T10", "Q3" as a reporting program writes them
        whole, lk, n, month, q = code.groups()
        if whole:
            return HeaderPeriod(None, 1, 12)
        if lk or n:
            k = int(lk or n)
            return HeaderPeriod(None, 1, k) if 1 <= k <= 12 else HeaderPeriod(None, None, None)
        if month:
            k = int(month)
            return HeaderPeriod(None, k, k) if 1 <= k <= 12 else HeaderPeriod(None, None, None)
        return HeaderPeriod(None, 3 * int(q) - 2, 3 * int(q))
    year = None
    if not _RANGE.search(t):
        years = _YEAR.findall(t)
        if years:
            year = int(years[-1])
    elif m := _YEAR_AFTER_RANGE.search(_RANGE.sub(" ", t)):  # "giai đoạn 2026 - 2030 năm 2026"
        year = int(m.group(1))
    months: tuple[int | None, int | None] | None = None
    span = _FROM_TO.search(t)
    if span and 1 <= int(span.group(1) or span.group(2)) <= 12:
        start = int(span.group(1) or span.group(2))
        end = span.group(3) or span.group(4)
        if end is None or 1 <= int(end) <= 12:
            return HeaderPeriod(year, start, int(end) if end else None)
    if _LAST_HALF.search(t):
        months = (7, 12)
    elif m := _QUARTER.search(t):
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        months = (3 * q - 2, 3 * q)
    elif (m := _UP_TO_DATE.search(t)) and 1 <= int(
        m.group(1)
    ) <= 12:  # "đến 30/11/2023": months 1–11
        months = (1, int(m.group(1)))
    elif "luy ke" in t and (m := _TO_MONTH.search(t)) and 1 <= int(m.group(1)) <= 12:
        months = (1, int(m.group(1)))
    elif m := _N_MONTHS.search(t):
        n = int(m.group(1))
        if 1 <= n <= 12:
            months = (1, n)
    elif m := _MONTH.search(t):
        n = int(m.group(1))
        if 1 <= n <= 12:
            months = (n, n)
    elif whole_year and _WHOLE_YEAR.search(t) and not _CUMULATIVE.search(t):
        months = (1, 12)
    return HeaderPeriod(year, *(months or (None, None)))
