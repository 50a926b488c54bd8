"""Numbers as Vietnamese reports write them: "4.339", "9.024,5", "48,08%", "(12,5)", "1,234.5" (English
exports), "-" or blank for no value. Vectorised over a column: each distinct text is parsed once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import compress, repeat

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from loaders.frames import factorize

NO_VALUE = {"", "-", "--", "—", "–", "x", "…", "...", "k", "kxđ", "không", "n/a", "na", "/"}
_FLAGS = re.compile(r"\s*(?:\(\*+\)|\*+|\(sb\)|\(ước\)|\(p\))\s*$", re.I)
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009']+")
_VN_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_EN_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d*\.?\d+(?:[eE][-+]?\d+)?$")
# Patterns only one locale writes, used to decide how a sheet writes its numbers.
_ONLY_VI = re.compile(r"^[-(]?\d{1,3}(?:\.\d{3})+,\d+|^[-(]?\d+,(?:\d{1,2}|\d{4,})%?\)?$")
_ONLY_EN = re.compile(
    r"^[-(]?\d{1,3}(?:,\d{3})+\.\d+|^[-(]?\d{1,3}(?:,\d{3}){2,}$|^[-(]?\d+\.(?:\d{1,2}|\d{4,})%?\)?$"
)

# status codes of parse_column
BLANK, NUMBER, TEXT = 0, 1, 2


def detect_locale(texts) -> str:
    """ "en" when the texts use only English separators ("1,234.5"), else "vi" (the default)."""
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
    # "−12,5" (minus sign), "–12,5" (en dash: Word/Unikey autocorrect) are negatives
    t = _FLAGS.sub("", _SPACE.sub("", raw.replace("\u2212", "-").replace("\u2013", "-")))
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


def parse_column(cells, locale: str | None = "vi") -> tuple[np.ndarray, np.ndarray]:
    """(values float64, status int8: BLANK | NUMBER | TEXT) for a list or object array of cells.
    locale None: decided from the column's distinct texts (detect_locale).

    Numbers from the reader (floats) are used as they are, in one vectorised pass; only text cells are
    parsed, each distinct text once; other cells (None, int, bool, dates) are looked at one by one."""
    seq = cells.ravel().tolist() if isinstance(cells, np.ndarray) else list(cells)
    n = len(seq)
    values = np.full(n, np.nan)
    status = np.zeros(n, dtype=np.int8)
    if n == 0:
        return values, status
    is_float = np.fromiter(map(isinstance, seq, repeat(float)), dtype=bool, count=n)
    n_float = int(is_float.sum())
    if n_float == n:
        values = np.array(seq, dtype=float)
    elif n_float:
        values[is_float] = np.fromiter(compress(seq, is_float), dtype=float, count=n_float)
    if n_float:
        status[is_float & ~np.isnan(values)] = NUMBER
    if n_float == n:
        return values, status
    rest = np.flatnonzero(~is_float)
    others = (
        [seq[i] for i in rest.tolist()] if len(rest) < n // 2 else list(compress(seq, ~is_float))
    )
    is_str = np.fromiter(map(isinstance, others, repeat(str)), dtype=bool, count=len(others))
    if is_str.any():
        idx = rest[is_str]
        codes, uniques = factorize(compress(others, is_str), len(idx))
        if locale is None:
            locale = detect_locale([u for u in uniques[:5000] if u.strip()])
        u_val, u_stat = parse_texts(uniques, locale)
        values[idx] = u_val[codes]
        status[idx] = u_stat[codes]
    for k in np.flatnonzero(
        ~is_str
    ).tolist():  # None → blank; int → number; bool, dates, times → text
        i, cell = int(rest[k]), others[k]
        if cell is None:
            continue
        if isinstance(cell, int) and not isinstance(cell, bool):
            values[i], status[i] = float(cell), NUMBER
        else:
            status[i] = TEXT
    return values, status


# "4.339", "9.024,5", "12,5", "-3": the common Vietnamese forms, parsed by Arrow in one pass
_FAST_VI = r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$"


def parse_texts(texts: list[str], locale: str = "vi") -> tuple[np.ndarray, np.ndarray]:
    """(values, status) of distinct texts: the common Vietnamese forms vectorised, the rest one by one."""
    k = len(texts)
    values = np.full(k, np.nan)
    status = np.zeros(k, dtype=np.int8)
    todo: Sequence[int] = range(k)  # every text, or the list of those the fast path left
    if locale == "vi" and k > 32:
        arr = pa.array(texts, type=pa.string())
        fast = np.asarray(pc.match_substring_regex(arr, _FAST_VI), dtype=bool)
        if fast.any():
            cleaned = pc.replace_substring(
                pc.replace_substring(arr.filter(fast), ".", ""), ",", "."
            )
            values[fast] = pc.cast(cleaned, pa.float64()).to_numpy(zero_copy_only=False)
            status[fast] = NUMBER
            todo = np.flatnonzero(~fast).tolist()
    for j in todo:
        values[j], status[j] = _parse_text(texts[j], locale)
    return values, status


@lru_cache(maxsize=65536)
def _parse_text(text: str, locale: str) -> tuple[float, int]:
    try:
        v = parse_number(text, locale)
    except ValueError:
        return np.nan, TEXT
    return (np.nan, BLANK) if v is None else (v, NUMBER)
