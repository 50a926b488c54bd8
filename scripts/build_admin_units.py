"""Build data/admin_units.csv and data/unit_succession.csv (Hà Tĩnh, 2016 onwards).

Sources, see docs/admin_units.md:
  * data/sources/admin_units_manual.csv: hand-curated unit versions up to 2025-06-30, each with its
    citation, and the predecessors of every version created by a merger, split or reclassification;
  * vietnamadminunits==1.0.4 (MIT): the 2025-07-01 state of province 42 (69 units) with the
    old -> new mapping (full / partial), and the legacy 2025-01-01 .. 2025-06-30 state, against which
    the manual rows valid then are checked (names, codes, districts).

Deterministic: same inputs give byte-identical outputs. unit_ids are stable: an existing
data/admin_units.csv is read first and its id is reused for the same (code, valid_from); new rows get
ids after the current maximum.

Run: .venv/bin/python scripts/build_admin_units.py
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MANUAL = DATA / "sources" / "admin_units_manual.csv"
UNITS_OUT = DATA / "admin_units.csv"
SUCCESSION_OUT = DATA / "unit_succession.csv"

PROVINCE_CODE = "42"
REFORM_DAY = dt.date(2025, 7, 1)
LEGACY_PROBE = dt.date(
    2025, 3, 1
)  # a day inside the package's legacy state (2025-01-01 .. 2025-06-30)
# districts whose 2025-01..06 units must match the package one for one
LEGACY_FULL_DISTRICTS = ("436", "443")

UNIT_COLUMNS = [
    "unit_id",
    "code",
    "name",
    "short_name",
    "unit_type",
    "parent_id",
    "valid_from",
    "valid_to",
    "source",
]
SUCCESSION_COLUMNS = ["old_unit_id", "new_unit_id", "kind", "effective", "source"]

TYPE_WORDS = {  # full-name prefix -> unit_type
    "Tỉnh": "tinh",
    "Thành phố": "thanh_pho",
    "Thị xã": "thi_xa",
    "Huyện": "huyen",
    "Quận": "quan",
    "Phường": "phuong",
    "Thị trấn": "thi_tran",
    "Xã": "xa",
    "Đặc khu": "dac_khu",
}
LEVEL = {
    "tinh": 0,
    "thanh_pho": 1,
    "thi_xa": 1,
    "huyen": 1,
    "quan": 1,
    "phuong": 2,
    "xa": 2,
    "thi_tran": 2,
    "dac_khu": 2,
}
RESOLUTION = re.compile(r"NQ \d+/NQ-UBTVQH\d+")


@dataclass
class Row:
    code: str
    name: str
    unit_type: str
    parent_code: str
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    predecessors: list[tuple[str, str]] = field(default_factory=list)  # (code, kind)
    unit_id: int | None = None

    @property
    def short_name(self) -> str:
        for word in sorted(TYPE_WORDS, key=len, reverse=True):
            if self.name.startswith(word + " "):
                return self.name[len(word) + 1 :]
        raise ValueError(f"name without a type word: {self.name!r}")

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


def fail(message: str) -> None:
    sys.exit(f"build_admin_units: {message}")


def parse_date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def type_of(full_name: str) -> str:
    for word in sorted(TYPE_WORDS, key=len, reverse=True):
        if full_name.startswith(word + " "):
            return TYPE_WORDS[word]
    raise ValueError(f"unknown type word in {full_name!r}")


# --- inputs -------------------------------------------------------------------------------------


def read_manual() -> list[Row]:
    rows = []
    with MANUAL.open(encoding="utf-8", newline="") as handle:
        for item in csv.DictReader(handle):
            predecessors = []
            for token in filter(None, item["predecessors"].split(";")):
                code, _, kind = token.strip().partition(":")
                predecessors.append((code, kind or "full"))
            row = Row(
                code=item["code"],
                name=item["name"],
                unit_type=item["unit_type"],
                parent_code=item["parent_code"],
                valid_from=parse_date(item["valid_from"]),
                valid_to=parse_date(item["valid_to"]),
                source=item["source"],
                predecessors=predecessors,
            )
            if type_of(row.name) != row.unit_type:
                fail(f"{row.code} {row.name}: unit_type {row.unit_type} does not match the name")
            if row.valid_to is not None and row.valid_to >= REFORM_DAY:
                fail(
                    f"{row.code} {row.name}: manual rows must end before {REFORM_DAY} (the package covers it)"
                )
            rows.append(row)
    return rows


class Package:
    """The parts of vietnamadminunits 1.0.4 this build uses."""

    def __init__(self) -> None:
        try:
            import vietnamadminunits
        except ImportError:
            fail("vietnamadminunits is missing: .venv/bin/pip install 'vietnamadminunits==1.0.4'")
        from importlib.metadata import version

        self.version = version("vietnamadminunits")
        if self.version != "1.0.4":
            fail(f"expected vietnamadminunits 1.0.4, found {self.version}")
        base = Path(vietnamadminunits.__file__).parent / "data"
        self.base = base
        con = sqlite3.connect(base / "dataset.db")
        con.row_factory = sqlite3.Row
        self.new_units = [
            dict(r)
            for r in con.execute(
                "SELECT DISTINCT province, provinceCode, provinceKey, ward, wardCode, wardKey, wardType "
                "FROM admin_units WHERE provinceCode = ? ORDER BY wardCode",
                (PROVINCE_CODE,),
            )
        ]
        self.legacy_units = [
            dict(r)
            for r in con.execute(
                "SELECT DISTINCT province, provinceKey, district, districtCode, districtKey, ward, wardCode, wardKey "
                "FROM admin_units_legacy WHERE provinceCode = ? ORDER BY wardCode",
                (PROVINCE_CODE,),
            )
        ]
        con.close()
        converter = json.loads((base / "converter_2025.json").read_text(encoding="utf-8"))
        keys = {u["provinceKey"] for u in self.new_units}
        if len(keys) != 1:
            fail(f"province {PROVINCE_CODE} has several keys in the package: {keys}")
        self.province_key = keys.pop()
        self.not_divided = converter["DICT_PROVINCE_WARD_NO_DIVIDED"][self.province_key]
        self.divided = converter["DICT_PROVINCE_WARD_DIVIDED"].get(self.province_key, {})
        self.source = f"vietnamadminunits {self.version}"

    def legacy_code(self, old_key: str) -> str:
        matches = {
            u["wardCode"]
            for u in self.legacy_units
            if f"{u['provinceKey']}_{u['districtKey']}_{u['wardKey']}" == old_key
        }
        if len(matches) != 1:
            fail(f"old unit key {old_key!r} matches {len(matches)} legacy units")
        return matches.pop()

    def successions(self) -> list[tuple[str, str, str]]:
        """(old legacy code, new code, kind) for the 2025-07-01 reform of the province."""
        new_code = {u["wardKey"]: u["wardCode"] for u in self.new_units}
        out = []
        for new_key, old_keys in self.not_divided.items():
            for old_key in old_keys:
                out.append((self.legacy_code(old_key), new_code[new_key], "full"))
        for old_key, targets in self.divided.items():
            for target in targets:
                out.append((self.legacy_code(old_key), new_code[target["newWardKey"]], "partial"))
        return sorted(set(out))


# --- build --------------------------------------------------------------------------------------


def reform_rows(package: Package) -> list[Row]:
    rows = []
    for unit in package.new_units:
        rows.append(
            Row(
                code=unit["wardCode"],
                name=unit["ward"],
                unit_type=type_of(unit["ward"]),
                parent_code=PROVINCE_CODE,
                valid_from=REFORM_DAY,
                valid_to=None,
                source=f"{package.source}; NQ 1665/NQ-UBTVQH15 (eff. 01/07/2025)",
            )
        )
    counts = {t: sum(r.unit_type == t for r in rows) for t in ("xa", "phuong")}
    if len(rows) != 69 or counts != {"xa": 60, "phuong": 9}:
        fail(
            f"package gives {len(rows)} units for province {PROVINCE_CODE} ({counts}), expected 69 = 60 xã + 9 phường"
        )
    return rows


def check_against_legacy(rows: list[Row], package: Package) -> None:
    """Manual rows valid in 2025-01..06 must agree with the package's legacy state."""
    legacy = {u["wardCode"]: u for u in package.legacy_units}
    districts = {u["districtCode"]: u["district"] for u in package.legacy_units}
    for row in rows:
        if not row.covers(LEGACY_PROBE):
            continue
        if LEVEL[row.unit_type] == 1:
            if districts.get(row.code) != row.name:
                fail(
                    f"district {row.code} {row.name!r} differs from the package ({districts.get(row.code)!r})"
                )
            continue
        if LEVEL[row.unit_type] != 2:
            continue
        unit = legacy.get(row.code)
        if unit is None or unit["ward"] != row.name or unit["districtCode"] != row.parent_code:
            got = None if unit is None else (unit["ward"], unit["districtCode"])
            fail(
                f"{row.code} {row.name!r} under {row.parent_code} differs from the package legacy state: {got}"
            )
        row.source += f"; checked vs {package.source} (legacy)"
    present = {r.code for r in rows if r.covers(LEGACY_PROBE)}
    for unit in package.legacy_units:
        if unit["districtCode"] in LEGACY_FULL_DISTRICTS and unit["wardCode"] not in present:
            fail(
                f"package legacy unit {unit['wardCode']} {unit['ward']} ({unit['district']}) missing from the manual file"
            )


_index: dict[tuple[int, int], dict[str, list[Row]]] = {}  # (id, length) of a row list: by code


def find_row(rows: list[Row], code: str, day: dt.date, what: str) -> Row:
    by_code = _index.get((id(rows), len(rows)))
    if by_code is None:
        by_code = {}
        for row in rows:
            by_code.setdefault(row.code, []).append(row)
        _index.clear()
        _index[(id(rows), len(rows))] = by_code
    matches = [r for r in by_code.get(code, []) if r.covers(day)]
    if len(matches) != 1:
        fail(f"{what}: code {code} has {len(matches)} rows valid on {day}")
    return matches[0]


def check_overlaps(rows: list[Row]) -> None:
    by_code: dict[str, list[Row]] = {}
    for row in rows:
        by_code.setdefault(row.code, []).append(row)
    for code, versions in by_code.items():
        versions.sort(key=lambda r: r.valid_from)
        for before, after in zip(versions, versions[1:]):
            if before.valid_to is None or before.valid_to >= after.valid_from:
                fail(f"code {code}: {before.name} and {after.name} overlap")


def assign_ids(rows: list[Row]) -> None:
    existing: dict[tuple[str, str], int] = {}
    if UNITS_OUT.exists():
        with UNITS_OUT.open(encoding="utf-8", newline="") as handle:
            for item in csv.DictReader(handle):
                existing[(item["code"], item["valid_from"])] = int(item["unit_id"])
    next_id = max(existing.values(), default=0) + 1
    for row in sorted(rows, key=lambda r: (r.valid_from, LEVEL[r.unit_type], r.code)):
        key = (row.code, row.valid_from.isoformat())
        if key in existing:
            row.unit_id = existing[key]
        else:
            row.unit_id = next_id
            next_id += 1
    ids = [r.unit_id for r in rows]
    if len(ids) != len(set(ids)):
        fail("unit_id collision")


def succession_source(row: Row) -> str:
    found = RESOLUTION.search(row.source)
    text = found.group(0) if found else row.source
    return text + (" [M]" if "[M]" in row.source else "")


def build() -> tuple[list[Row], list[dict]]:
    # the other provinces (imported here: national_units builds on this module's Row)
    from national_units import NationalPackage, check_counts, national_rows

    package = Package()
    rows = read_manual()
    check_against_legacy(rows, package)
    rows += reform_rows(package)
    national = NationalPackage(package.base, package.source, PROVINCE_CODE)
    others, national_links = national_rows(national)
    check_counts(others, national)
    rows += others
    check_overlaps(rows)
    assign_ids(rows)

    units = []
    for row in rows:
        parent_id = ""
        if row.parent_code:
            parent = find_row(
                rows, row.parent_code, row.valid_from, f"parent of {row.code} {row.name}"
            )
            end = dt.date.max if row.valid_to is None else row.valid_to
            if not parent.covers(end):
                fail(f"parent {parent.name} does not cover {row.name} up to {row.valid_to}")
            parent_id = str(parent.unit_id)
        units.append(
            {
                "unit_id": row.unit_id,
                "code": row.code,
                "name": row.name,
                "short_name": row.short_name,
                "unit_type": row.unit_type,
                "parent_id": parent_id,
                "valid_from": row.valid_from.isoformat(),
                "valid_to": "" if row.valid_to is None else row.valid_to.isoformat(),
                "source": row.source,
            }
        )

    links = []
    for row in rows:
        eve = row.valid_from - dt.timedelta(days=1)
        for code, kind in row.predecessors:
            old = find_row(rows, code, eve, f"predecessor of {row.code} {row.name}")
            if old.valid_to != eve:
                fail(f"predecessor {old.name} of {row.name} does not end on {eve}")
            links.append((old.unit_id, row.unit_id, kind, row.valid_from, succession_source(row)))
    eve = REFORM_DAY - dt.timedelta(days=1)
    reform_source = f"NQ 1665/NQ-UBTVQH15; {package.source} converter"
    missing: dict[str, list[str]] = {}  # new unit → its predecessors the table does not carry
    for old_code, new_code, kind in package.successions():
        olds = [
            r for r in rows if r.code == old_code and r.valid_to == eve and LEVEL[r.unit_type] == 2
        ]
        if not olds:
            missing.setdefault(new_code, []).append(old_code)
            continue  # a unit of a district this table does not carry
        new = find_row(rows, new_code, REFORM_DAY, "2025 successor")
        links.append((olds[0].unit_id, new.unit_id, kind, REFORM_DAY, reform_source))
    # a new unit with only some of its predecessors would get a history rebuilt as if it were whole
    # (indicators.history): either all its predecessors are carried, or none is
    reform_ids = {new for _, new, _, day, _ in links if day == REFORM_DAY}
    for new_code, codes in missing.items():
        partly = [r for r in rows if r.code == new_code and r.unit_id in reform_ids]
        if partly:
            fail(
                f"{new_code} {partly[0].name} has predecessors the table does not carry"
                f" ({', '.join(codes)}): add them to data/sources/admin_units_manual.csv"
            )
    ends = {}
    for r in rows:
        if r.valid_to == eve:
            ends.setdefault((r.code, r.parent_code == ""), r)  # a province has no parent
    national_source = f"{package.source} converter"
    for old_code, level, new_code, kind in national_links:
        old = ends.get((old_code, level == "province"))
        if old is None:
            fail(f"{level} {old_code} maps to {new_code} but has no row ending {eve}")
        new = find_row(rows, new_code, REFORM_DAY, "2025 successor")
        links.append((old.unit_id, new.unit_id, kind, REFORM_DAY, national_source))
    carried_to_reform = [r for r in rows if r.valid_to == eve and LEVEL[r.unit_type] == 2]
    linked = {old for old, *_ in links}
    for row in carried_to_reform:
        if row.unit_id not in linked:
            fail(f"{row.code} {row.name} ends {eve} but the package maps it to no 2025-07-01 unit")

    succession = [
        {
            "old_unit_id": old,
            "new_unit_id": new,
            "kind": kind,
            "effective": effective.isoformat(),
            "source": source,
        }
        for old, new, kind, effective, source in sorted(
            set(links), key=lambda link: (link[3], link[1], link[0])
        )
    ]
    units.sort(key=lambda u: u["unit_id"])
    return units, succession


def write(path: Path, columns: list[str], records: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)


def main() -> None:
    units, succession = build()
    write(UNITS_OUT, UNIT_COLUMNS, units)
    write(SUCCESSION_OUT, SUCCESSION_COLUMNS, succession)
    print(f"wrote {len(units)} units to {UNITS_OUT.relative_to(ROOT)}")
    print(f"wrote {len(succession)} succession links to {SUCCESSION_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
