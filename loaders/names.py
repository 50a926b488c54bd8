"""Name matching: indicators, admin units and measures matched ignoring case, diacritics, spacing,
punctuation, "Trong đó:" and administrative prefixes. Never guesses: an unmatched name gets candidates."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from vn import units
from vn.text import fold

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w%/]+", re.UNICODE)
_LEADING_MARK = re.compile(r"^\s*(?:[-+*•–—]+|[IVXLC]+[.)]|\d+(?:\.\d+)*[.)]?|[a-zđ]\))\s+")
_UNIT_MARK = re.compile(r"^\s*(?:[-+*•–—]+|\d+(?:\.\d+)*[.)]?)\s+")
_WHEREOF = re.compile(
    r"^\s*(?:trong\s+đó|trong\s+do|tr\.\s*đó|t/đó|tđ|bao\s+gồm|gồm)\s*[:\-–]?\s*", re.I
)


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


def split_unit_prefix(text: object) -> tuple[str | None, str]:
    """("phuong", "bac ha") for "P. Bắc Hà" (prefixes: data/unit_types.toml); (None, key) when no prefix."""
    unit_type, rest = units.split_prefix(_UNIT_MARK.sub("", str(text)))
    return (unit_type, rest) if unit_type is not None else (None, key(text))


# "Số xã đạt chuẩn NTM (lũy kế)": a count to date is the indicator itself
_CUMULATIVE_TAIL = re.compile(
    r"\s+(?:luy ke|cong don|tich luy)(?: (?:den nay|den thoi diem bao cao|tu dau nhiem ky))?$"
)
_GROWTH_HEAD = re.compile(r"^(?:toc do tang|tang truong)")
_SAME_PERIOD_TAIL = re.compile(r"\s+so (?:voi )?(?:cung ky|ck)(?: nam truoc)?$")
_PRICE_YEAR = re.compile(r"\b(gia (?:so sanh|hien hanh|co dinh))(?: nam)? ((?:19|20)\d{2})\b")
_PRICE_THEO = re.compile(r"\btheo (gia (?:so sanh|hien hanh|co dinh))\b")
# words too common in indicator names to make two names look alike
_COMMON = frozenset(
    "ty le so tong cua va cac nam thang trong do duoc co tren dia ban voi theo nguoi ho gia tri".split()
)


def indicator_key(text: object) -> str:
    """Comparison key of an indicator name: `key`, price basis written one way ("giá SS năm 2010" →
    "gia so sanh 2010") and report abbreviations written out (data/vocabulary.toml)."""
    from loaders.vocabulary import expand_abbreviations

    k = expand_abbreviations(key(text))
    k = _PRICE_THEO.sub(r"\1", _PRICE_YEAR.sub(r"\1 \2", k))
    if _GROWTH_HEAD.match(k):  # a growth rate is against the same period by definition
        k = _SAME_PERIOD_TAIL.sub("", k)
    return _CUMULATIVE_TAIL.sub("", k)


def measure_key(text: object) -> str:
    """Comparison key of a measure: folded, "1.000" as 1000, punctuation as spaces — no list marks
    removed ("1.000 đồng" keeps its 1000)."""
    value = re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", fold(text))
    value = _PUNCT.sub(" ", value)
    return _SPACES.sub(" ", value).strip()


def _content(k: str) -> set[str]:
    return {w for w in k.split() if len(w) > 1 and w not in _COMMON and not w.isdigit()}


@dataclass
class Matcher:
    """Exact lookup of normalised names → ids, with close candidates only for messages and the
    mapping step (never used to map a value)."""

    entries: dict[str, set] = field(default_factory=dict)
    display: dict = field(default_factory=dict)  # id → display name
    normalise: Callable[[object], str] = key  # text → comparison key

    def add(self, ident, name: str, *aliases: str) -> None:
        self.display.setdefault(ident, name)
        for text in (name, *aliases):
            k = self.normalise(text)
            if k:
                self.entries.setdefault(k, set()).add(ident)

    def lookup(self, text: object) -> set:
        return set(self.entries.get(self.normalise(text), ()))

    def ranked(self, text: object, n: int = 5, cutoff: float = 0.55) -> list:
        """The ids of the closest known names, best first: similar spelling and at least one shared
        word that says something ("Người lập biểu" is like no indicator)."""
        k = self.normalise(text)
        words = _content(k)
        if not k or not words:
            return []
        scored: dict = {}
        for entry, idents in self.entries.items():
            shared = words & _content(entry)
            if not shared:
                continue
            ratio = difflib.SequenceMatcher(None, k, entry).ratio()
            overlap = len(shared) / max(len(words | _content(entry)), 1)
            score = max(ratio, 0.5 * ratio + 0.5 * overlap)
            if score < cutoff:
                continue
            for ident in idents:
                if score > scored.get(ident, 0):
                    scored[ident] = score
        best = max(scored.values(), default=0)
        # far weaker than the best is not worth offering: "Diện tích lúa" is not "Diện tích sàn nhà ở"
        return [
            i
            for i, v in sorted(scored.items(), key=lambda kv: (-kv[1], str(kv[0])))
            if v >= best - 0.2
        ][:n]

    def candidates(self, text: object, n: int = 3) -> list[str]:
        """Display names of the closest known names (for "Có phải: …?")."""
        return [self.display[i] for i in self.ranked(text, n)]
