"""The report vocabulary kept as data in `data/vocabulary.toml`: footer markers, summary rows inside
tables, sub-columns named by their group, abbreviations of indicator names. Compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parent.parent / "data" / "vocabulary.toml"


@dataclass(frozen=True)
class Vocabulary:
    footer_start: re.Pattern
    place_date: re.Pattern
    legend: re.Pattern
    count_row: re.Pattern
    verdict_row: re.Pattern
    abbreviations: tuple[tuple[re.Pattern, str], ...]
    count_leaves: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = tomllib.loads(VOCABULARY.read_text("utf-8"))
    footer = data["footer"]
    # longer abbreviations first, so "cn ttcn" wins over a shorter one inside it
    pairs = sorted(data["abbreviations"].items(), key=lambda kv: -len(kv[0]))
    return Vocabulary(
        footer_start=re.compile("^(?:" + "|".join(footer["starts"]) + ")"),
        place_date=re.compile(footer["place_date"]),
        legend=re.compile(footer["legend"]),
        count_row=re.compile(data["rows"]["count"]),
        verdict_row=re.compile(data["rows"]["verdict"]),
        abbreviations=tuple(
            (re.compile(r"(?<![\w])" + re.escape(k) + r"(?![\w])"), v) for k, v in pairs
        ),
        count_leaves=frozenset(data["columns"]["count_leaves"]),
    )


def expand_abbreviations(key: str) -> str:
    """A folded, punctuation-free name with report abbreviations written out ("gtsx cn ttcn" →
    "gia tri san xuat cong nghiep tieu thu cong nghiep")."""
    if not key:
        return key
    for pattern, full in vocabulary().abbreviations:
        if pattern.search(key):
            key = pattern.sub(full, key)
    return key
