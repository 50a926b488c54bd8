"""The unit a sheet is about, from its title or letterhead ("UBND PHƯỜNG TRẦN PHÚ"), for the
report's period; and a ward named there that did not exist at the report date."""

from __future__ import annotations

from datetime import date

from loaders.catalog import Catalog
from loaders.layout import Layout


def _named(
    layout: Layout, catalog: Catalog, when: date, since: date | None
) -> list[tuple[int, str, int]]:
    """(row, text, unit) of each unit the title, then the letterhead names; a unit that existed at
    any time in the report's period counts when none of that name exists at its end."""
    found: list[tuple[int, str, int]] = []
    for lines in (layout.title_lines, layout.letterhead_lines):
        for r, text in lines:
            here = catalog.units_in_text(text, when)
            if not here and since is not None:
                here = [
                    i
                    for i in catalog.units_in_text(text, None)
                    if catalog.units[i].valid_during(since, when)
                ]
            found += [(r, text, i) for i in here]
    return found


def _ancestors(catalog: Catalog, unit_id: int) -> set[int]:
    out, node = set(), catalog.units[unit_id].parent_id
    while node is not None and node in catalog.units and node not in out:
        out.add(node)
        node = catalog.units[node].parent_id
    return out


def _choices(found: list[tuple[int, str, int]], catalog: Catalog) -> list[int]:
    """The most specific units named; of several of one name ("Phường Trần Phú" is in several
    provinces), those under another unit the sheet names ("UBND TỈNH HÀ TĨNH")."""
    ids = list(dict.fromkeys(i for *_, i in found))
    if not ids:
        return []
    level = min(catalog.unit_level(i) for i in ids)
    specific = [i for i in ids if catalog.unit_level(i) == level]
    if len(specific) > 1:
        wider = set(ids) - set(specific)
        under = [i for i in specific if _ancestors(catalog, i) & wider]
        specific = under or specific
    if len({catalog.units[i].code for i in specific}) == 1:  # versions of one unit: the first found
        return specific[:1]
    first = catalog.units[specific[0]].name
    if any(catalog.units[i].name != first for i in specific):
        return specific[:1]  # a line listing several units ("các xã A, B…"): the first, as named
    return specific  # one name, several units: for ambiguous_sheet_unit


def sheet_unit(
    layout: Layout, catalog: Catalog, when: date, since: date | None = None
) -> int | None:
    """The issuing body, the most specific unit named ("CỤC THỐNG KÊ TỈNH HÀ TĨNH" over "CHI CỤC
    THỐNG KÊ HUYỆN CAN LỘC"); None when several units of one name remain (ambiguous_sheet_unit)."""
    choices = _choices(_named(layout, catalog, when, since), catalog)
    return choices[0] if len(choices) == 1 else None


def ambiguous_sheet_unit(
    layout: Layout, catalog: Catalog, when: date, since: date | None = None
) -> tuple[int, str, list[int]] | None:
    """(row, text, units) when the sheet names a unit that several provinces have and nothing on
    it says which: never guessed."""
    found = _named(layout, catalog, when, since)
    choices = _choices(found, catalog)
    if len(choices) < 2:
        return None
    r, text = next((r, t) for r, t, i in found if i in choices)
    return r, text, choices


def stale_sheet_unit(
    layout: Layout, catalog: Catalog, when: date, unit: int | None, since: date | None = None
) -> tuple[int, str, int] | None:
    """(row, text, unit) of a ward/commune the title or letterhead names that did not exist in the
    report's period while the sheet's unit would fall back to a wider one: its values must not go to
    the city ("UBND XÃ THẠCH MÔN" on a 2021 report; the commune became Xã Đồng Môn in 2020)."""
    level = catalog.unit_level(unit) if unit is not None else 9
    start = since or when
    for lines in (layout.title_lines, layout.letterhead_lines):
        for r, text in lines:
            named = [i for i in catalog.units_in_text(text, None) if catalog.unit_level(i) < level]
            if named and not any(catalog.units[i].valid_during(start, when) for i in named):
                return r, text, min(named, key=lambda i: _days_from(catalog.units[i], start, when))
    return None


def _days_from(unit, start: date, when: date) -> int:
    """How far a unit's time in force lies from a report's span: the message names the nearest
    version (Phường Bắc Hà of 01/2025–06/2025 for a 2026 report, not the one that ended in 2024)."""
    if unit.valid_to is not None and unit.valid_to < start:
        return (start - unit.valid_to).days
    return (unit.valid_from - when).days
