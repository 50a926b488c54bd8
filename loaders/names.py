"""Name matching: indicators, admin units and measures matched ignoring case, diacritics, spacing,
punctuation, "Trong đó:" and administrative prefixes. Never guesses: an unmatched name gets candidates."""

from __future__ import annotations

import difflib
from functools import lru_cache
import re
import unicodedata
from dataclasses import dataclass, field

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w%/]+", re.UNICODE)
_LEADING_MARK = re.compile(r"^\s*(?:[-+*•–—]+|[IVXLC]+[.)]|\d+(?:\.\d+)*[.)]?|[a-zđ]\))\s+")
_UNIT_MARK = re.compile(r"^\s*(?:[-+*•–—]+|\d+(?:\.\d+)*[.)]?)\s+")
_WHEREOF = re.compile(r"^\s*(?:trong\s+đó|trong\s+do|t/đó|tđ|bao\s+gồm|gồm)\s*[:\-–]?\s*", re.I)

# Administrative prefixes (normalised form) → unit_type. Longest first.
UNIT_PREFIXES: list[tuple[str, str]] = [
    ("uy ban nhan dan thanh pho", "thanh_pho"),
    ("uy ban nhan dan phuong", "phuong"),
    ("uy ban nhan dan xa", "xa"),
    ("ubnd thanh pho", "thanh_pho"),
    ("ubnd tp", "thanh_pho"),
    ("ubnd phuong", "phuong"),
    ("ubnd xa", "xa"),
    ("ubnd thi tran", "thi_tran"),
    ("ubnd thi xa", "thi_xa"),
    ("ubnd huyen", "huyen"),
    ("ubnd tinh", "tinh"),
    ("thanh pho", "thanh_pho"),
    ("thi tran", "thi_tran"),
    ("thi xa", "thi_xa"),
    ("dac khu", "dac_khu"),
    ("phuong", "phuong"),
    ("huyen", "huyen"),
    ("tinh", "tinh"),
    ("tp.", "thanh_pho"),
    ("tp", "thanh_pho"),
    ("tt.", "thi_tran"),
    ("tx.", "thi_xa"),
    ("p.", "phuong"),
    ("xa", "xa"),
    ("x.", "xa"),
    ("h.", "huyen"),
]


def fold(text: object) -> str:
    """Lower case, no diacritics (đ → d), single spaces. The base of every comparison."""
    return _fold(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    value = unicodedata.normalize("NFKD", text).replace("đ", "d").replace("Đ", "D")
    value = "".join(ch for ch in value if not unicodedata.combining(ch)).lower()
    return _SPACES.sub(" ", value).strip()


def clean_label(text: object) -> str:
    """A row label as written, minus list marks ("-", "1.", "a)") and "Trong đó:"."""
    value = _SPACES.sub(" ", str(text)).strip()
    for _ in range(2):
        value = _LEADING_MARK.sub("", value)
        value = _WHEREOF.sub("", value)
    return value.strip()


def key(text: object) -> str:
    """Comparison key: folded, list marks and "Trong đó:" removed, punctuation as spaces."""
    value = fold(clean_label(text))
    value = _PUNCT.sub(" ", value)
    return _SPACES.sub(" ", value).strip()


@lru_cache(maxsize=20000)
def _split_unit_prefix(text: str) -> tuple[str | None, str]:
    return _split(text)


def split_unit_prefix(text: object) -> tuple[str | None, str]:
    return _split_unit_prefix(str(text))


def _split(text: object) -> tuple[str | None, str]:
    """("phuong", "bac ha") for "P. Bắc Hà"; (None, key) when no prefix."""
    folded = fold(_UNIT_MARK.sub("", str(text)))
    for prefix, unit_type in UNIT_PREFIXES:
        if folded == prefix:
            break
        if folded.startswith(prefix) and (
            prefix.endswith(".") or folded[len(prefix)] in " .:-"
        ):
            rest = _PUNCT.sub(" ", folded[len(prefix):])
            return unit_type, _SPACES.sub(" ", rest).strip()
    return None, key(text)


@dataclass
class Matcher:
    """Exact lookup of normalised names → ids, with fuzzy candidates only for error messages."""

    entries: dict[str, set] = field(default_factory=dict)
    display: dict = field(default_factory=dict)  # id → display name

    def add(self, ident, name: str, *aliases: str) -> None:
        self.display.setdefault(ident, name)
        for text in (name, *aliases):
            k = key(text)
            if k:
                self.entries.setdefault(k, set()).add(ident)

    def lookup(self, text: object) -> set:
        return set(self.entries.get(key(text), ()))

    def candidates(self, text: object, n: int = 3) -> list[str]:
        """Display names of the closest known names (for "Có phải: …?")."""
        k = key(text)
        close = difflib.get_close_matches(k, list(self.entries), n=n * 3, cutoff=0.6)
        names: list[str] = []
        for c in close:
            for ident in sorted(self.entries[c], key=str):
                name = self.display[ident]
                if name not in names:
                    names.append(name)
        return names[:n]
