"""Numbers as Vietnamese reports write them: "4.339", "9.024,5", "48,08%", "(12,5)", "1,234.5" (English
exports), "-" or blank for no value. Vectorised over a column: each distinct text is parsed once."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd

NO_VALUE = {"", "-", "--", "—", "–", "x", "…", "...", "k", "kxđ", "không", "n/a", "na", "/"}
_FLAGS = re.compile(r"\s*(?:\(\*+\)|\*+|\(sb\)|\(ước\)|\(p\))\s*$", re.I)
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009']+")
_VN_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_EN_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d*\.?\d+(?:[eE][-+]?\d+)?$")
# Patterns only one locale writes, used to decide how a sheet writes its numbers.
_ONLY_VI = re.compile(r"^[-(]?\d{1,3}(?:\.\d{3})+,\d+|^[-(]?\d+,(?:\d{1,2}|\d{4,})%?\)?$")
_ONLY_EN = re.compile(r"^[-(]?\d{1,3}(?:,\d{3})+\.\d+|^[-(]?\d{1,3}(?:,\d{3}){2,}$|^[-(]?\d+\.(?:\d{1,2}|\d{4,})%?\)?$")

# status codes of parse_column
BLANK, NUMBER, TEXT = 0, 1, 2


def detect_locale(texts) -> str:
    """"en" when the texts use only English separators ("1,234.5"), else "vi" (the default)."""
    vi = en = 0
    for text in texts:
        t = _SPACE.sub("", str(text))
        if _ONLY_VI.match(t):
            vi += 1
        elif _ONLY_EN.match(t):
            en += 1
    return "en" if en > vi else "vi"


def parse_number(text: object, locale: str = "vi") -> float | None:
    """The number a cell holds, None for no value; ValueError for text that is not a number."""
    if text is None or isinstance(text, bool):
        if text is None:
            return None
        raise ValueError(text)
    if isinstance(text, (int, float)):
        return None if text != text else float(text)
    if isinstance(text, (date, datetime, time, timedelta)):
        raise ValueError(text)
    raw = str(text).strip()
    if raw.lower() in NO_VALUE:
        return None
    t = _FLAGS.sub("", _SPACE.sub("", raw.replace("\u2212", "-")))
    if t.lower() in NO_VALUE:
        return None
    sign = 1.0
    if t.startswith("(") and t.endswith(")"):
        sign, t = -1.0, t[1:-1]
    if t.startswith(("-", "+")):
        sign, t = (-sign if t[0] == "-" else sign), t[1:]
    if t.endswith("%"):
        t = t[:-1]
    if not t or not (t[0].isdigit() or t[0] in ".,"):
        raise ValueError(text)
    if "," in t and "." in t:
        if t.rfind(",") > t.rfind("."):
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
    elif "," in t:
        if locale == "en" and _EN_GROUPED.match(t):
            t = t.replace(",", "")
        elif t.count(",") > 1:
            if not _EN_GROUPED.match(t):
                raise ValueError(text)
            t = t.replace(",", "")
        else:
            t = t.replace(",", ".")
    elif "." in t:
        if _VN_GROUPED.match(t) and (locale == "vi" or t.count(".") > 1):
            t = t.replace(".", "")
    if not _PLAIN.match(t):
        raise ValueError(text)
    return sign * float(t)


def parse_column(cells: np.ndarray, locale: str = "vi") -> tuple[np.ndarray, np.ndarray]:
    """(values float64, status int8: BLANK | NUMBER | TEXT) for an object array of cells."""
    cells = np.asarray(cells, dtype=object).ravel()
    n = len(cells)
    values = np.full(n, np.nan)
    status = np.zeros(n, dtype=np.int8)
    if n == 0:
        return values, status
    classes = [c.__class__ for c in cells]
    kinds = np.fromiter((c is str for c in classes), dtype=bool, count=n)
    numeric = np.fromiter((c is float or c is int for c in classes), dtype=bool, count=n)
    other = ~(kinds | numeric)
    if numeric.any():
        idx = np.flatnonzero(numeric)
        nums = np.asarray(cells[idx], dtype=float)
        values[idx] = nums
        status[idx] = np.where(np.isnan(nums), BLANK, NUMBER)
    if other.any():  # None → blank; bool, dates, times → not a number
        idx = np.flatnonzero(other)
        status[idx] = [BLANK if cells[i] is None else TEXT for i in idx]
    if kinds.any():
        idx = np.flatnonzero(kinds)
        codes, uniques = pd.factorize(pd.Series(cells[idx], dtype=object))
        u_val = np.full(len(uniques), np.nan)
        u_stat = np.zeros(len(uniques), dtype=np.int8)
        for j, text in enumerate(uniques):
            try:
                v = parse_number(text, locale)
            except ValueError:
                u_stat[j] = TEXT
                continue
            if v is not None:
                u_val[j], u_stat[j] = v, NUMBER
        values[idx] = u_val[codes]
        status[idx] = u_stat[codes]
    return values, status
