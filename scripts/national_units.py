"""The provinces other than Hà Tĩnh for data/admin_units.csv, from vietnamadminunits 1.0.4 (MIT):

  * the legacy state (63 provinces, their districts and ~10,000 communes, as of 01–06/2025), valid
    from the table's first day — so also before it (an open start): earlier changes of those
    provinces are not carried, and a report of a commune merged before 2025 is refused by name;
  * the state from 01/07/2025 (34 provinces, 3,321 communes, wards and special zones);
  * the succession links between the two: a province to the one it merged into (Nghị quyết
    202/2025/QH15), a commune to the unit(s) it went into (the package's converter: `full` when
    the whole commune went into one unit, `partial` when it was divided).

Hà Tĩnh (42) is built by build_admin_units.py from its hand-researched rows and is skipped here.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from build_admin_units import REFORM_DAY, TYPE_WORDS, Row, fail, type_of

FIRST_DAY = dt.date(2016, 1, 1)  # the table's first day: rows from it are open at the start
EVE = REFORM_DAY - dt.timedelta(days=1)
PROVINCE_RESOLUTION = "Nghị quyết 202/2025/QH15 (eff. 01/07/2025)"
COMMUNE_RESOLUTION = "the 2025 commune arrangement resolutions of UBTVQH (eff. 01/07/2025)"
ASSUMED = "assumed unchanged before 2025; earlier changes not carried [M]"


class NationalPackage:
    """Every province of the package, legacy and 2025 states, with the converter."""

    def __init__(self, base: Path, source: str, skip: str) -> None:
        con = sqlite3.connect(base / "dataset.db")
        con.row_factory = sqlite3.Row
        self.source = source
        self.new_units = [
            dict(r)
            for r in con.execute(
                "SELECT DISTINCT province, provinceCode, provinceKey, ward, wardCode, wardKey "
                "FROM admin_units WHERE provinceCode <> ? ORDER BY provinceCode, wardCode",
                (skip,),
            )
        ]
        self.legacy_units = [
            dict(r)
            for r in con.execute(
                "SELECT DISTINCT province, provinceCode, provinceKey, district, districtCode, "
                "districtKey, ward, wardCode, wardKey FROM admin_units_legacy "
                "WHERE provinceCode <> ? ORDER BY provinceCode, districtCode, wardCode",
                (skip,),
            )
        ]
        self.counts = {
            r[0]: r[1]
            for r in con.execute(
                "SELECT provinceCode, count(DISTINCT wardCode) FROM admin_units GROUP BY 1"
            )
        }
        con.close()
        for unit in self.new_units + self.legacy_units:
            for key in ("province", "district", "ward"):
                if unit.get(key):
                    unit[key] = clean(unit[key])
        converter = json.loads((base / "converter_2025.json").read_text(encoding="utf-8"))
        self.provinces_of = converter["DICT_PROVINCE"]  # new province key -> old province keys
        self.not_divided = converter["DICT_PROVINCE_WARD_NO_DIVIDED"]
        self.divided = converter["DICT_PROVINCE_WARD_DIVIDED"]
        self.skip = skip


def clean(name: str) -> str:
    """The package writes a few type words in title case ("Thành Phố Bắc Kạn"): the usual spelling,
    so that the name reads and matches as reports write it."""
    name = " ".join(name.split())
    for word in sorted(TYPE_WORDS, key=len, reverse=True):
        if name.lower().startswith(word.lower() + " ") and not name.startswith(word + " "):
            return word + name[len(word) :]
    return name


def _province_type(name: str) -> str:
    # a centrally-run city is written "Thành phố" like a district-level city: its level is that it
    # has no parent (loaders.catalog.Catalog.unit_level)
    return type_of(name)


def national_rows(package: NationalPackage) -> tuple[list[Row], list[tuple[str, str, str, str]]]:
    """(rows, links) for every province but `package.skip`; a link is (old code, old level, new
    code, kind) resolved to unit ids by the caller, the old row ending on the reform's eve."""
    rows: list[Row] = []
    links: list[tuple[str, str, str, str]] = []
    old_provinces = {}
    for unit in package.legacy_units:
        old_provinces[unit["provinceKey"]] = (unit["provinceCode"], unit["province"])
    new_provinces = {}
    for unit in package.new_units:
        new_provinces[unit["provinceKey"]] = (unit["provinceCode"], unit["province"])
    legacy_source = f"{package.source} (legacy state 01–06/2025); {ASSUMED}"
    # provinces: unchanged ones go on; merged ones end on the eve and the absorbing code starts anew
    for new_key, (new_code, new_name) in sorted(new_provinces.items(), key=lambda i: i[1]):
        olds = package.provinces_of[new_key]
        unchanged = olds == [new_key] and old_provinces[new_key][1] == new_name
        if unchanged:
            rows.append(
                Row(
                    new_code,
                    new_name,
                    _province_type(new_name),
                    "",
                    FIRST_DAY,
                    None,
                    f"{package.source}; not merged in 2025 ({PROVINCE_RESOLUTION})",
                )
            )
            continue
        for old_key in olds:
            old_code, old_name = old_provinces[old_key]
            rows.append(
                Row(
                    old_code,
                    old_name,
                    _province_type(old_name),
                    "",
                    FIRST_DAY,
                    EVE,
                    f"{package.source} (legacy state); merged into {new_name} ({PROVINCE_RESOLUTION})",
                )
            )
            links.append((old_code, "province", new_code, "full"))
        rows.append(
            Row(
                new_code,
                new_name,
                _province_type(new_name),
                "",
                REFORM_DAY,
                None,
                f"{package.source}; {PROVINCE_RESOLUTION}",
            )
        )
    districts: dict[str, Row] = {}
    for unit in package.legacy_units:
        code = unit["districtCode"]
        if code not in districts:
            districts[code] = Row(
                code,
                unit["district"],
                type_of(unit["district"]),
                unit["provinceCode"],
                FIRST_DAY,
                EVE,
                f"{legacy_source}; districts abolished 01/07/2025",
            )
        if unit["ward"]:  # an island district without communes has a row without a ward
            rows.append(
                Row(
                    unit["wardCode"],
                    unit["ward"],
                    type_of(unit["ward"]),
                    code,
                    FIRST_DAY,
                    EVE,
                    legacy_source,
                )
            )
    rows += districts.values()
    for unit in package.new_units:
        rows.append(
            Row(
                unit["wardCode"],
                unit["ward"],
                type_of(unit["ward"]),
                unit["provinceCode"],
                REFORM_DAY,
                None,
                f"{package.source}; {COMMUNE_RESOLUTION}",
            )
        )
    # communes: the converter's keys are province_district_ward of the legacy state
    legacy_code = {
        f"{u['provinceKey']}_{u['districtKey']}_{u['wardKey'] or ''}": u["wardCode"]
        or u["districtCode"]
        for u in package.legacy_units
    }  # an island district without communes (Bạch Long Vĩ, Côn Đảo) goes itself into a đặc khu
    for new_key in new_provinces:
        new_code_of = {
            u["wardKey"]: u["wardCode"] for u in package.new_units if u["provinceKey"] == new_key
        }
        for new_ward, old_keys in package.not_divided.get(new_key, {}).items():
            for old_key in old_keys:
                links.append(
                    (_code(legacy_code, old_key), "commune", new_code_of[new_ward], "full")
                )
        for old_key, targets in package.divided.get(new_key, {}).items():
            for target in targets:
                links.append(
                    (
                        _code(legacy_code, old_key),
                        "commune",
                        new_code_of[target["newWardKey"]],
                        "partial",
                    )
                )
    return rows, sorted(set(links))


def _code(legacy_code: dict[str, str], key: str) -> str:
    if key not in legacy_code:
        fail(f"converter key {key!r} is not a unit of the package's legacy state")
    return legacy_code[key]


def check_counts(rows: list[Row], package: NationalPackage) -> None:
    """Each province's units from 01/07/2025 are the package's, one for one."""
    got: dict[str, int] = {}
    for row in rows:
        if row.valid_from == REFORM_DAY and row.parent_code:
            got[row.parent_code] = got.get(row.parent_code, 0) + 1
    expected = {code: n for code, n in package.counts.items() if code != package.skip}
    if got != expected:
        fail(f"units per province after the reform differ from the package: {got} vs {expected}")
