"""The unit a sheet is about, from its title or letterhead ("UBND PHƯỜNG TRẦN PHÚ"), for the
report's period; and a ward named there that did not exist at the report date."""

from __future__ import annotations

from datetime import date

from loaders.catalog import Catalog
from loaders.layout import Layout


def sheet_unit(
    layout: Layout, catalog: Catalog, when: date, since: date | None = None
) -> int | None:
    """Named in the title, else in the letterhead; a unit that existed at any time in the report's
    period counts when none of that name exists at its end."""
    found: list[int] = []
    for lines in (layout.title_lines, layout.letterhead_lines):
        for _, text in lines:
            here = catalog.units_in_text(text, when)
            if not here and since is not None:
                here = [
                    i
                    for i in catalog.units_in_text(text, None)
                    if catalog.units[i].valid_during(since, when)
                ]
            found += here
    # "CỤC THỐNG KÊ TỈNH HÀ TĨNH" over "CHI CỤC THỐNG KÊ HUYỆN CAN LỘC": the issuing body, the most specific
    return min(found, key=catalog.unit_level) if found else None


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
                return r, text, named[0]
    return None
