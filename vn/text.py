"""Folding Vietnamese text for comparison: the one definition every matcher uses."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w%/]+", re.UNICODE)


def fold(text: object) -> str:
    """Lower case, no diacritics (đ → d), single spaces. The base of every comparison."""
    return _fold(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    value = unicodedata.normalize("NFKD", text).replace("đ", "d").replace("Đ", "D")
    value = "".join(ch for ch in value if not unicodedata.combining(ch)).lower()
    return _SPACES.sub(" ", value).strip()


def name_key(text: object) -> str:
    """Folded, punctuation as spaces ("Bắc Hà (cũ)" → "bac ha cu"): how two names are compared."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text))).strip()


def spaces(text: object) -> str:
    """Runs of white space (line breaks in a merged header cell included) as one space."""
    return _SPACES.sub(" ", str(text)).strip()
