"""The provinces a deployment serves, chosen at set-up: `CHITIEU_PROVINCES=42` (the default, Hà Tĩnh),
codes or names separated by commas ("08, Hà Giang"), or `all`. data/admin_units.csv holds the whole
country; the store gets only the units of the chosen provinces, before and after the 2025 reform —
so every page, picker and the name matcher work within them, and a statistician in Tuyên Quang is
never offered a Hà Tĩnh ward.

A province is taken with its history: a unit belongs to the province it lies in from 1 July 2025
(a commune of Hà Giang to Tuyên Quang, which Hà Giang merged into), so naming either the old or the
new province selects the same units. A name that is no province is an error with suggestions, never
mapped to a close one.
"""

from __future__ import annotations

import difflib
import os

import pandas as pd

from vn.text import fold

PROVINCES_ENV = "CHITIEU_PROVINCES"
DEFAULT = "42"
EVERY = {"all", "*", "ca nuoc", "toan quoc"}


class UnknownProvince(ValueError):
    pass


def wanted() -> str:
    return os.environ.get(PROVINCES_ENV, "").strip() or DEFAULT


def region_of(units: pd.DataFrame, succession: pd.DataFrame) -> pd.Series:
    """For each unit (index: unit_id) the code of the province it lies in from 1 July 2025: its root
    (the unit without parent above it) or, for a province that merged, the one it merged into."""
    parent = dict(zip(units.unit_id, units.parent_id))
    root = {}
    for unit_id in units.unit_id:
        node, seen = unit_id, 0
        while pd.notna(parent.get(node)) and seen < 8:
            node, seen = int(parent[node]), seen + 1
        root[unit_id] = node
    provinces = units[units.parent_id.isna()]
    merged_into = dict(
        zip(
            succession.old_unit_id[succession.old_unit_id.isin(provinces.unit_id)],
            succession.new_unit_id[succession.old_unit_id.isin(provinces.unit_id)],
        )
    )
    code = dict(zip(units.unit_id, units.code))
    return pd.Series(
        {u: code[merged_into.get(r, r)] for u, r in root.items()}, name="region"
    ).rename_axis("unit_id")


def resolve(text: str, units: pd.DataFrame, regions: pd.Series) -> set[str] | None:
    """The region codes `text` names; None for the whole country. Raises UnknownProvince (in
    Vietnamese, with close names) for a token that is no province code or name."""
    tokens = [t.strip() for t in text.split(",") if t.strip()]
    if any(fold(t) in EVERY for t in tokens):
        return None
    provinces = units[units.parent_id.isna()]
    by_key: dict[str, set[str]] = {}
    shown: dict[str, str] = {}  # a folded name -> the name as written
    for row in provinces.itertuples():
        region = regions[row.unit_id]
        for key in (row.code, fold(row.name), fold(row.short_name)):
            by_key.setdefault(key, set()).add(region)
        shown[fold(row.short_name)] = str(row.short_name)
    chosen: set[str] = set()
    for token in tokens:
        key = token if token.isdigit() else fold(token)
        if token.isdigit() and len(token) == 1:
            key = token.zfill(2)  # "2" as written in a shell for Hà Giang's 02
        if key not in by_key:
            close = difflib.get_close_matches(fold(token), list(shown), 3, 0.75)
            hint = f" Có phải: {', '.join(shown[c] for c in close)}?" if close else ""
            raise UnknownProvince(
                f"{PROVINCES_ENV}: «{token}» không phải mã hay tên một tỉnh, thành phố.{hint}"
            )
        chosen |= by_key[key]
    return chosen


def of_units(con, codes) -> set[str]:
    """The provinces (codes as of 01/07/2025) an account's units (their codes, store.accounts) lie
    in: the units its uploads' names are matched against (loaders.catalog.Catalog.within)."""
    units = con.execute("SELECT unit_id, code, parent_id FROM admin_units").df()
    links = con.execute("SELECT old_unit_id, new_unit_id FROM unit_succession").df()
    region = region_of(units, links)
    wanted = {str(c) for c in codes}
    return {region[u] for u, code in zip(units.unit_id, units.code) if code in wanted}
