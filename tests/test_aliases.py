"""Names learnt from uploads (store.aliases, migration 004): a new indicator added from the mapping
step stays through a reference resync; a unit alias lets the report's date pick the unit; a remembered
skip is said as such; aliases exported in data/catalog form come back into a fresh store."""

from __future__ import annotations

import shutil

from loader_helpers import city_report, xlsx_bytes

import loaders
import store
from loaders.catalog import load_catalog
from loaders.cli_aliases import export_toml
from loaders.unknowns import SKIP, Decisions, decision_key
from store import aliases, reference


def _file(title: str, header: str, rows: list[list]) -> bytes:
    return xlsx_bytes({"S": city_report(title, ["STT", "Chỉ tiêu", "ĐVT", header], rows)})


def test_new_indicator_from_the_mapping_step_is_in_the_catalog_and_survives_a_resync(empty_store):
    con = empty_store
    aliases.add_indicator(
        con,
        {
            "code": "dien_tich_nuoi_trong_ts",
            "name": "Diện tích nuôi trồng thủy sản",
            "measure": "ha",
            "group_code": "nong_nghiep",
            "direction": "higher",
            "aggregation": "sum",
        },
        user="quan_tri",
        file_name="bc.xlsx",
    )
    data = _file(
        "BÁO CÁO NĂM 2019",
        "Thực hiện năm 2019",
        [["1", "Diện tích nuôi trồng thủy sản", "ha", 120]],
    )
    r = loaders.parse_upload("bc.xlsx", data, con)
    assert r.ok and r.observations.iloc[0].indicator_code == "dien_tich_nuoi_trong_ts"
    reference.sync(con, force=True)
    assert "dien_tich_nuoi_trong_ts" in load_catalog(con).indicators.index
    row = store.query(
        con, "SELECT source FROM indicators WHERE code = 'dien_tich_nuoi_trong_ts'"
    ).iloc[0]
    assert row.source.startswith("Thêm khi tải lên: quan_tri")


def test_unit_alias_lets_the_date_pick_the_unit(empty_store):
    con = empty_store
    kind, name_key = decision_key("unit", "Phường Bắc Hàa")
    aliases.add_alias(
        con, {"kind": kind, "name": "Phường Bắc Hàa", "name_key": name_key, "target": "9"}
    )
    ward_table = lambda year: xlsx_bytes(
        {
            "S": [
                ["UBND THÀNH PHỐ HÀ TĨNH"],
                [f"THU NGÂN SÁCH CÁC PHƯỜNG NĂM {year}"],
                [],
                ["TT", "Đơn vị", f"Thực hiện năm {year} (triệu đồng)"],
                ["1", "Phường Bắc Hàa", 1200],
            ]
        }
    )
    for year, unit in ((2022, 9), (2025, 71)):  # the alias names Phường Bắc Hà; each year's own row
        r = loaders.parse_upload("t.xlsx", ward_table(year), con)
        assert r.ok, [p.message for p in r.problems]
        assert set(r.observations.unit_id) == {unit}


def test_a_remembered_skip_says_so_and_the_choice_is_in_the_upload_record(empty_store):
    con = empty_store
    data = _file(
        "BÁO CÁO NĂM 2019",
        "Thực hiện năm 2019",
        [["1", "Tổng GT sản xuất", "Tỷ đồng", 10], ["2", "Diện tích nuôi trồng thủy sản", "ha", 3]],
    )
    decided = Decisions.of(
        [
            ("indicator", "Tổng GT sản xuất", "gtsx_tong"),
            ("indicator", "Diện tích nuôi trồng thủy sản", SKIP),
        ]
    )
    first = loaders.parse_upload("a.xlsx", data, con, decisions=decided)
    outcome = loaders.commit(con, [first], user="lan")
    assert outcome.committed
    assert set(map(tuple, aliases.decisions_of(con, outcome.upload_ids[0]).to_numpy())) == {
        ("indicator", "Tổng GT sản xuất", "gtsx_tong"),
        ("indicator", "Diện tích nuôi trồng thủy sản", SKIP),
    }
    second = loaders.parse_upload("b.xlsx", data, con)
    assert second.ok and not second.unknowns
    said = [p.message for p in second.warnings if p.code == "skipped-name"]
    assert len(said) == 1 and "theo lựa chọn đã lưu" in said[0]


def test_exported_aliases_come_back_into_a_fresh_store(empty_store, tmp_path):
    con = empty_store
    kind, name_key = decision_key("indicator", "Tổng GT sản xuất")
    aliases.add_alias(
        con,
        {"kind": kind, "name": "Tổng GT sản xuất", "name_key": name_key, "target": "gtsx_tong"},
        user="lan",
    )
    aliases_toml, _ = export_toml(con)
    data_dir = tmp_path / "data"
    shutil.copytree(reference.DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*"))
    (data_dir / "catalog" / "aliases.toml").write_text(aliases_toml, "utf-8")
    fresh = store.open_store(tmp_path / "fresh.duckdb")
    try:
        reference.sync(fresh, data_dir, force=True)
        learnt = aliases.aliases(fresh)
        assert list(zip(learnt.name, learnt.target)) == [("Tổng GT sản xuất", "gtsx_tong")]
    finally:
        fresh.close()


def test_an_added_indicator_is_removed_only_while_it_holds_no_data(empty_store):
    con = empty_store
    fields = {
        "code": "so_tin_bai",
        "name": "Số tin bài tuyên truyền",
        "measure": "none",
        "group_code": "xa_hoi",
        "direction": "higher",
        "aggregation": "sum",
    }
    aliases.add_indicator(con, fields, user="quan_tri", file_name=None)
    assert aliases.remove_indicator(con, "so_tin_bai")
    assert "so_tin_bai" not in load_catalog(con).indicators.index
    aliases.add_indicator(con, fields, user="quan_tri", file_name=None)
    data = _file(
        "BÁO CÁO NĂM 2019", "Thực hiện năm 2019", [["1", "Số tin bài tuyên truyền", "", 12]]
    )
    assert loaders.commit(con, [loaders.parse_upload("t.xlsx", data, con)]).committed
    assert not aliases.remove_indicator(con, "so_tin_bai")  # it holds a value now
    assert not aliases.remove_indicator(
        con, "gtsx_tong"
    )  # a catalog file's indicator is never removed here
