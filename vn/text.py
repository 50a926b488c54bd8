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


# Vietnamese alphabetical order: ă, â after a; đ after d; ê after e; ô, ơ after o; ư after u. Tones
# only break ties (ngang, huyền, hỏi, ngã, sắc, nặng), as dictionaries order them.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_MARKS = {
    "\u0306": "ă",
    "\u0302": {"a": "â", "e": "ê", "o": "ô"},
    "\u031b": {"o": "ơ", "u": "ư"},
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=65536)
def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key putting names in Vietnamese dictionary order ("Cân đối" < "Cấp nước" < "Công nghiệp",
    "Dân số" < "Diện tích" < "Đất"): letters first, tones to break ties."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if ch in _TONES:
            if tones:
                tones[-1] = _TONES[ch]
            continue
        if ch in _LETTER_MARKS and letters:
            mark = _LETTER_MARKS[ch]
            base = _ALPHABET[letters[-1] - 100] if letters[-1] >= 100 else ""
            new = (
                mark
                if isinstance(mark, str) and base == "a"
                else (mark.get(base) if isinstance(mark, dict) else None)
            )
            if new:
                letters[-1] = 100 + _ALPHABET.index(new)
            continue
        if unicodedata.combining(ch):
            continue
        if ch in _ALPHABET:
            letters.append(100 + _ALPHABET.index(ch))
        elif (
            ch == "f" or ch == "j" or ch == "w" or ch == "z"
        ):  # Latin letters outside the alphabet: after y
            letters.append(200 + ord(ch))
        elif ch.isdigit():
            letters.append(50 + int(ch))
        else:
            letters.append(1 if ch.isspace() else 10)
        tones.append(0)
    return tuple(letters), tuple(tones)


# C0 and C1 control characters (a terminal obeys ESC sequences and bells), and the bidirectional
# overrides and isolates that make text read backwards; tab and newline stay.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """Text safe to print to a terminal or show on a page: control characters removed."""
    return _UNPRINTABLE.sub("", "" if text is None else str(text))
