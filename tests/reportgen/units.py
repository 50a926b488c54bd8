"""Admin units as the generator picks them: read straight from data/admin_units.csv (not through the
loader), so a report names units that really existed at its date."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

UNITS_CSV = Path(__file__).resolve().parents[2] / "data" / "admin_units.csv"
PREFIX = {
    "tinh": "Tỉnh",
    "thanh_pho": "Thành phố",
    "huyen": "Huyện",
    "thi_xa": "Thị xã",
    "phuong": "Phường",
    "xa": "Xã",
    "thi_tran": "Thị trấn",
}


@dataclass(frozen=True)
class Unit:
    unit_id: int
    code: str
    name: str
    short: str
    type: str
    parent: int | None
    start: date
    end: date | None

    def valid(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


PROVINCE = "42"  # the generator writes Hà Tĩnh's reports (the file holds the whole country)


@lru_cache(maxsize=1)
def units() -> dict[int, Unit]:
    every = _every()
    out = {}
    for unit_id, unit in every.items():
        top = unit
        while top.parent is not None:
            top = every[top.parent]
        if top.code == PROVINCE:
            out[unit_id] = unit
    return out


def _every() -> dict[int, Unit]:
    out = {}
    with UNITS_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            end = date.fromisoformat(row["valid_to"]) if row["valid_to"] else None
            out[int(row["unit_id"])] = Unit(
                int(row["unit_id"]),
                row["code"],
                row["name"],
                row["short_name"],
                row["unit_type"],
                int(row["parent_id"]) if row["parent_id"] else None,
                date.fromisoformat(row["valid_from"]),
                end,
            )
    return out


def children(parent: int, when: date) -> list[Unit]:
    return [u for u in units().values() if u.parent == parent and u.valid(when)]


def unique_name(unit: Unit, when: date) -> bool:
    """No other unit valid at `when` shares the unit's short name (so a name alone can say it)."""
    return not any(
        u.short == unit.short and u.unit_id != unit.unit_id and u.valid(when)
        for u in units().values()
    )


# parents with children at a date: (parent id, the date's year range)
SCENARIOS = [
    (2, range(2016, 2020)),  # Thành phố Hà Tĩnh, 16 wards and communes
    (2, range(2020, 2025)),  # 15
    (3, range(2016, 2020)),  # Huyện Can Lộc, 23 communes
    (3, range(2020, 2025)),  # 18
    (1, range(2026, 2027)),  # Tỉnh Hà Tĩnh after the reform: 69 wards and communes
]


def unit_in(unit: Unit, year: int) -> Unit:
    """The unit as it stood in `year`: itself, or the row of the same code and name valid then (a commune
    re-attached on 01/01/2025 keeps its code and name in a new row; a term target for 2025 is that row's)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if unit.start <= end and (unit.end is None or start <= unit.end):
        return unit
    same = [
        u
        for u in units().values()
        if u.code == unit.code
        and u.name == unit.name
        and u.start <= end
        and (u.end is None or start <= u.end)
    ]
    return same[0] if len(same) == 1 else unit
