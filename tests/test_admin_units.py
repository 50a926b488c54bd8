"""Invariants of data/admin_units.csv and data/unit_succession.csv (read as files, not via the generator)."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
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
UNIT_TYPES = {"tinh", "thanh_pho", "thi_xa", "huyen", "quan", "phuong", "xa", "thi_tran", "dac_khu"}
TYPE_WORDS = {
    "tinh": "Tỉnh",
    "thanh_pho": "Thành phố",
    "thi_xa": "Thị xã",
    "huyen": "Huyện",
    "quan": "Quận",
    "phuong": "Phường",
    "xa": "Xã",
    "thi_tran": "Thị trấn",
    "dac_khu": "Đặc khu",
}
OPEN = dt.date.max


def _read(name: str) -> tuple[list[str], list[dict]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def units() -> dict[int, dict]:
    columns, rows = _read("admin_units.csv")
    assert columns == UNIT_COLUMNS
    out = {}
    for row in rows:
        row = dict(row)
        row["unit_id"] = int(row["unit_id"])
        row["parent_id"] = int(row["parent_id"]) if row["parent_id"] else None
        row["from"] = dt.date.fromisoformat(row["valid_from"])
        row["to"] = dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else OPEN
        assert row["unit_id"] not in out, f"duplicate unit_id {row['unit_id']}"
        out[row["unit_id"]] = row
    return out


@pytest.fixture(scope="module")
def succession() -> list[dict]:
    columns, rows = _read("unit_succession.csv")
    assert columns == SUCCESSION_COLUMNS
    return rows


def valid_on(units: dict[int, dict], day: str) -> list[dict]:
    when = dt.date.fromisoformat(day)
    return [u for u in units.values() if u["from"] <= when <= u["to"]]


def one(units: dict[int, dict], code: str, day: str) -> dict:
    rows = [u for u in valid_on(units, day) if u["code"] == code]
    assert len(rows) == 1, f"code {code} has {len(rows)} rows valid on {day}"
    return rows[0]


def children(units: dict[int, dict], parent_code: str, day: str) -> list[dict]:
    rows = valid_on(units, day)
    parent = [u["unit_id"] for u in rows if u["code"] == parent_code]
    assert len(parent) == 1, f"{parent_code} not valid once on {day}"
    return [u for u in rows if u["parent_id"] == parent[0]]


def test_fields_are_well_formed(units):
    for u in units.values():
        assert u["code"].isdigit() and len(u["code"]) in (2, 3, 5), u
        assert u["unit_type"] in UNIT_TYPES, u
        assert u["name"] == f"{TYPE_WORDS[u['unit_type']]} {u['short_name']}", u
        assert u["name"] == u["name"].strip() and "  " not in u["name"], u
        assert u["from"] <= u["to"], u
        assert u["from"] >= dt.date(2016, 1, 1), u
        assert u["source"].strip(), u


def test_unit_ids_unique_and_positive(units):
    assert all(uid > 0 for uid in units)
    assert len(units) == len(set(units))


def test_same_code_never_overlaps(units):
    by_code: dict[str, list[dict]] = {}
    for u in units.values():
        by_code.setdefault(u["code"], []).append(u)
    for code, rows in by_code.items():
        rows.sort(key=lambda u: u["from"])
        for before, after in zip(rows, rows[1:]):
            assert before["to"] < after["from"], (
                f"code {code}: {before['name']} overlaps {after['name']}"
            )


def test_parents_exist_and_cover_children(units):
    """Provinces (and centrally-run cities, "Thành phố Hà Nội") are the roots; a district-level unit
    is the parent of communes; parents cover their children's whole life."""
    roots = [u for u in units.values() if u["parent_id"] is None]
    assert ("42", "tinh") in [(u["code"], u["unit_type"]) for u in roots]
    assert {u["unit_type"] for u in roots} == {"tinh", "thanh_pho"}
    assert len([u for u in roots if u["to"] == OPEN]) == 34  # the provinces since 01/07/2025
    for u in units.values():
        if u["parent_id"] is None:
            continue
        parent = units.get(u["parent_id"])
        assert parent is not None, f"{u['name']}: parent {u['parent_id']} missing"
        assert parent["from"] <= u["from"] and u["to"] <= parent["to"], (
            f"{parent['name']} does not cover {u['name']}"
        )
        district_level = {"thanh_pho", "thi_xa", "huyen", "quan"}
        root = parent["parent_id"] is None
        assert root or (
            parent["unit_type"] in district_level and u["unit_type"] not in district_level
        )


def test_no_district_level_after_reform(units):
    for u in valid_on(units, "2025-07-01"):
        if u["parent_id"] is None:
            assert u["unit_type"] in {"tinh", "thanh_pho"}, u
            continue
        assert u["unit_type"] in {"phuong", "xa", "dac_khu"}, u
        assert units[u["parent_id"]]["parent_id"] is None  # straight under the province


@pytest.mark.parametrize(
    ("day", "total", "phuong", "xa"),
    [
        ("2016-06-30", 16, 10, 6),
        ("2018-06-30", 16, 10, 6),
        ("2022-06-30", 15, 10, 5),
        ("2025-03-01", 27, 12, 15),
    ],
)
def test_tp_ha_tinh_children(units, day, total, phuong, xa):
    kids = children(units, "436", day)
    assert len(kids) == total
    assert Counter(u["unit_type"] for u in kids) == {"phuong": phuong, "xa": xa}


def test_tp_ha_tinh_2016_names_match_samples(units):
    names = {u["name"] for u in children(units, "436", "2016-06-30")}
    for commune in (
        "Thạch Trung",
        "Thạch Hạ",
        "Thạch Môn",
        "Thạch Đồng",
        "Thạch Hưng",
        "Thạch Bình",
    ):
        assert f"Xã {commune}" in names


@pytest.mark.parametrize(
    ("day", "total"), [("2018-06-30", 23), ("2022-06-30", 18), ("2025-03-01", 17)]
)
def test_can_loc_children(units, day, total):
    assert len(children(units, "443", day)) == total


def test_province_after_reform(units):
    kids = children(units, "42", "2025-08-01")
    communes = [u for u in kids if u["unit_type"] in ("phuong", "xa")]
    assert len(communes) == 69
    assert Counter(u["unit_type"] for u in communes) == {"xa": 60, "phuong": 9}


@pytest.mark.parametrize(
    ("code", "day", "name"),
    [
        ("18100", "2018-06-30", "Xã Thạch Hạ"),
        ("18100", "2022-06-30", "Xã Thạch Hạ"),
        ("18100", "2025-03-01", "Phường Thạch Hạ"),
        ("18100", "2025-08-01", "Phường Trần Phú"),
        ("18070", "2022-06-30", "Phường Trần Phú"),
        ("18094", "2022-06-30", "Phường Thạch Linh"),
        ("18094", "2025-03-01", "Phường Trần Phú"),
        ("18652", "2025-03-01", "Xã Tân Lâm Hương"),
        ("18652", "2025-08-01", "Phường Hà Huy Tập"),
        ("18085", "2025-03-01", "Phường Hà Huy Tập"),
        ("18103", "2018-06-30", "Xã Thạch Môn"),
        ("18103", "2022-06-30", "Xã Đồng Môn"),
        ("18073", "2025-08-01", "Phường Thành Sen"),
        ("18691", "2022-06-30", "Xã Cẩm Vĩnh"),
        ("18691", "2025-03-01", "Xã Cẩm Vịnh"),
        ("18406", "2025-08-01", "Xã Can Lộc"),
        ("18466", "2025-08-01", "Xã Gia Hanh"),
        ("18463", "2025-03-01", "Xã Gia Hanh"),
        ("18484", "2025-08-01", "Xã Đồng Lộc"),
    ],
)
def test_named_spot_checks(units, code, day, name):
    assert one(units, code, day)["name"] == name


def test_moved_units_change_parent_on_2025_01_01(units):
    assert (
        units[one(units, "18598", "2024-06-30")["parent_id"]]["code"] == "448"
    )  # Hộ Độ, huyện Lộc Hà
    assert units[one(units, "18598", "2025-03-01")["parent_id"]]["code"] == "436"
    assert (
        units[one(units, "18691", "2022-06-30")["parent_id"]]["code"] == "446"
    )  # Cẩm Vĩnh, huyện Cẩm Xuyên


def test_succession_rows_are_consistent(units, succession):
    assert succession
    seen = set()
    for link in succession:
        old, new = units.get(int(link["old_unit_id"])), units.get(int(link["new_unit_id"]))
        assert old is not None and new is not None, link
        assert link["kind"] in ("full", "partial"), link
        assert link["source"].strip(), link
        effective = dt.date.fromisoformat(link["effective"])
        assert old["to"] == effective - dt.timedelta(days=1), (link, old["name"])
        assert new["from"] == effective, (link, new["name"])
        key = (link["old_unit_id"], link["new_unit_id"])
        assert key not in seen, f"duplicate link {key}"
        seen.add(key)


def _links(units, succession, effective):
    return {
        (units[int(s["old_unit_id"])]["name"], units[int(s["new_unit_id"])]["name"], s["kind"])
        for s in succession
        if s["effective"] == effective
    }


def test_known_successions(units, succession):
    links_2020 = _links(units, succession, "2020-01-01")
    assert ("Xã Thạch Môn", "Xã Đồng Môn", "full") in links_2020
    assert ("Xã Thạch Đồng", "Xã Đồng Môn", "full") in links_2020
    assert ("Xã Tiến Lộc", "Thị trấn Nghèn", "full") in links_2020
    links_2025 = _links(units, succession, "2025-01-01")
    assert ("Phường Thạch Linh", "Phường Trần Phú", "full") in links_2025
    assert ("Phường Nguyễn Du", "Phường Bắc Hà", "full") in links_2025
    assert ("Xã Cẩm Vĩnh", "Xã Cẩm Vịnh", "full") in links_2025
    reform = _links(units, succession, "2025-07-01")
    assert ("Phường Đại Nài", "Phường Thành Sen", "partial") in reform
    assert ("Phường Đại Nài", "Phường Hà Huy Tập", "partial") in reform
    assert ("Xã Hộ Độ", "Phường Trần Phú", "full") in reform
    assert ("Xã Cẩm Thành", "Xã Cẩm Bình", "full") in reform
    partial = [s for s in succession if s["kind"] == "partial"]
    in_ha_tinh = [s for s in partial if _province(units, int(s["new_unit_id"])) == "42"]
    assert {units[int(s["old_unit_id"])]["name"] for s in in_ha_tinh} == {"Phường Đại Nài"}


def _province(units: dict[int, dict], unit_id: int) -> str:
    unit = units[unit_id]
    while unit["parent_id"] is not None:
        unit = units[unit["parent_id"]]
    return unit["code"]


def test_every_unit_ending_before_reform_has_a_successor(units, succession):
    """Communes/wards that end on 2025-06-30 all map to a 2025-07-01 unit; none is dropped silently."""
    olds = {int(s["old_unit_id"]) for s in succession}
    for u in units.values():
        if u["unit_type"] in ("phuong", "xa", "thi_tran") and u["valid_to"] == "2025-06-30":
            assert u["unit_id"] in olds, u["name"]


def test_reform_successors_of_tp_ha_tinh_and_can_loc(units, succession):
    old_ids = {
        u["unit_id"]
        for u in children(units, "436", "2025-06-30") + children(units, "443", "2025-06-30")
    }
    new_names = {
        units[int(s["new_unit_id"])]["name"]
        for s in succession
        if s["effective"] == "2025-07-01" and int(s["old_unit_id"]) in old_ids
    }
    assert new_names == {
        "Phường Thành Sen",
        "Phường Trần Phú",
        "Phường Hà Huy Tập",
        "Xã Thạch Lạc",
        "Xã Đồng Tiến",
        "Xã Thạch Khê",
        "Xã Cẩm Bình",
        "Xã Can Lộc",
        "Xã Tùng Lộc",
        "Xã Gia Hanh",
        "Xã Trường Lưu",
        "Xã Xuân Lộc",
        "Xã Đồng Lộc",
    }
