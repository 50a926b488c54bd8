"""The catalog in data/: complete, consistent, and loaded into the store as written."""

from __future__ import annotations

from indicators import catalog
from store import reference


def test_catalog_codes_unique_and_references_resolve():
    ind = reference.read_indicators()
    measures = set(reference.read_measures().code)
    groups = set(reference.read_groups().code)
    assert ind.code.is_unique
    assert set(ind.measure) <= measures
    assert set(ind.group_code) <= groups
    codes = set(ind.code)
    assert set(ind.parent_code.dropna()) <= codes
    ratios = ind[ind.aggregation == "ratio"]
    assert not ratios.empty
    assert set(ratios.numerator) <= codes and set(ratios.denominator) <= codes


def test_names_and_aliases_do_not_collide():
    """A name may point to one indicator only, or matching would have to guess."""
    import unicodedata

    def norm(s: str) -> str:
        s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
        return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())

    seen: dict[str, str] = {}
    for row in reference.read_indicators().itertuples():
        for name in [row.name, *row.aliases]:
            key = norm(name)
            assert seen.get(key, row.code) == row.code, f"{name!r} names {seen[key]} and {row.code}"
            seen[key] = row.code


def test_catalog_covers_the_issue_list():
    codes = set(reference.read_indicators().code)
    required = {
        "gtsx_tong",
        "gtsx_cn_ttcn",
        "gtsx_xay_dung",
        "gtsx_tm_dv",
        "gtsx_nong_nghiep",
        "thu_ngan_sach",
        "thu_tien_sdd",
        "von_dau_tu",
        "bhyt_bao_phu",
        "ty_le_ho_ngheo",
        "viec_lam_moi",
        "thu_nhap_binh_quan",
        "thu_gom_rac",
        "luot_kham_benh",
    }
    assert required <= codes
    assert {f"ntm_tc{n:02d}" for n in range(1, 20)} <= codes


def test_directions_and_bounds():
    ind = reference.read_indicators().set_index("code")
    assert ind.loc["ty_le_ho_ngheo", "direction"] == "lower"
    assert ind.loc["bhyt_bao_phu", "max_value"] == 100
    assert ind.loc["ntm_tc01", "value_type"] == "bool" and ind.loc["ntm_tc01", "is_criterion"]


def test_money_measures_convert_to_ty_dong():
    m = reference.read_measures().set_index("code")
    assert m.loc["trieu_dong", "base"] == "ty_dong" and m.loc["trieu_dong", "factor"] == 0.001
    assert m.loc["ty_dong", "factor"] == 1


def test_catalog_in_store_matches_files(empty_store):
    frame = catalog.indicators(empty_store)
    assert sorted(frame.code) == sorted(reference.read_indicators().code)
    assert frame.set_index("code").loc["gtsx_tong", "measure_name"] == "Tỷ đồng"


def test_target_sources_ordered():
    assert catalog.target_source_label("hdnd_giao") == "HĐND giao"
    assert catalog.target_source_label("") == "Kế hoạch"
    assert catalog.target_sources().priority.is_monotonic_increasing


def test_a_years_plans_carry_their_sources_priority(empty_store, monkeypatch):
    """`queries.year_targets`: each plan's priority is its source's in target_sources.toml (whole
    numbers); a source the file does not list comes last (99, the column then floats)."""
    import pandas as pd

    from indicators import queries
    from store.uploads import commit_upload

    unit = int(empty_store.execute("SELECT min(unit_id) FROM admin_units").fetchone()[0])
    sources = ["hdnd_giao", "tinh_giao", "phan_dau"]
    rows = pd.DataFrame(
        {
            "unit_id": unit,
            "indicator_code": "gtsx_tong",
            "year": 2026,
            "month_from": 1,
            "month_to": 12,
            "kind": "target",
            "value": [100.0, 110.0, 120.0],
            "target_source": sources,
        }
    )
    commit_upload(empty_store, rows, file_name="plans.xlsx", uploaded_by="test")
    want = dict(zip(catalog.target_sources().code, catalog.target_sources().priority))
    got = queries.year_targets(empty_store, [unit], 2026)
    assert sorted(got.target_source) == sorted(sources)
    assert got.priority.dtype.kind == "i"
    assert all(p == want[s] for s, p in zip(got.target_source, got.priority))
    # without "phan_dau" in the file, its plan goes last
    known = {s: p for s, p in catalog.target_priorities().items() if s != "phan_dau"}
    monkeypatch.setattr(catalog, "target_priorities", lambda: known)
    last = queries._year_targets(empty_store, [unit], 2026, None)
    assert last.loc[last.target_source == "phan_dau", "priority"].tolist() == [99.0]
    assert last.priority.dtype.kind == "f"
