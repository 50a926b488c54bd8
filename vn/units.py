"""Unit types: their labels and the prefixes reports write before a unit's name (data/unit_types.toml)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from vn.text import fold, name_key

UNIT_TYPES_FILE = Path(__file__).resolve().parent.parent / "data" / "unit_types.toml"


@lru_cache(maxsize=1)
def _types() -> list[dict[str, Any]]:
    types: list[dict[str, Any]] = tomllib.loads(UNIT_TYPES_FILE.read_text("utf-8"))["type"]
    return types


@lru_cache(maxsize=1)
def type_labels() -> dict[str, str]:
    """unit_type → label: "phuong" → "Phường"."""
    return {t["code"]: t["label"] for t in _types()}


def type_label(unit_type: str) -> str:
    return type_labels().get(unit_type, unit_type)


@lru_cache(maxsize=1)
def prefixes() -> tuple[tuple[str, str], ...]:
    """(folded prefix, unit_type), longest first, so "ubnd phuong" wins over "phuong"."""
    pairs = [(p, t["code"]) for t in _types() for p in t["prefixes"]]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=20000)
def split_prefix(text: str) -> tuple[str | None, str]:
    """("phuong", "bac ha") for "P. Bắc Hà" or "UBND phường Bắc Hà"; (None, name key) without a prefix."""
    folded = fold(text)
    for prefix, unit_type in prefixes():
        if folded == prefix:
            break
        if folded.startswith(prefix) and (prefix.endswith(".") or folded[len(prefix)] in " .:-"):
            return unit_type, name_key(folded[len(prefix) :])
    return None, name_key(text)


def bare(text: object) -> str:
    """A unit's name without its type word, as a comparison key: "Phường Bắc Hà" → "bac ha"."""
    return split_prefix(str(text))[1]
