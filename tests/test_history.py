"""History on today's boundaries: the cases of tests/cases/history_cases.toml, each checked against
indicators.history on a store that holds them."""

from __future__ import annotations

import math

import pytest

from indicators import history, lineage
from tests import history_store
from vn.periods import Period

CASES = history_store.cases()


@pytest.fixture
def con(empty_store):
    history_store.build(empty_store)
    return empty_store


@pytest.mark.parametrize("case", CASES["expect"], ids=[c["case"] for c in CASES["expect"]])
def test_derived_figure(con, case):
    year, month_from, month_to = case["period"]
    got = history.derive(
        con, [case["unit"]], [Period(year, month_from, month_to)], [case["indicator"]]
    )
    if "value" in case:
        assert len(got) == 1, got
        row = got.iloc[0]
        assert math.isclose(row.value, case["value"], rel_tol=1e-9), row.value
        assert row.problem is None
        assert row.kind == case.get("kind", "actual")
        for text in case.get("derived_from", []):
            assert text in row.derived_from
    elif "problem" in case:
        assert len(got) == 1, got
        row = got.iloc[0]
        assert row.value is None or math.isnan(row.value)
        for text in case["problem"]:
            assert text in row.problem
    else:
        assert got.empty, got


@pytest.mark.parametrize("case", CASES["plan"], ids=[c["case"] for c in CASES["plan"]])
def test_derived_plan(con, case):
    got = history.derive_plans(con, [case["unit"]], [case["year"]], [case["indicator"]])
    assert len(got) == 1
    assert math.isclose(got.target.iloc[0], case["target"])
    assert "tính từ kế hoạch" in got.derived_from.iloc[0]


def test_lineage_table_lists_both_directions(con):
    lin = lineage.lineage(con)
    new = lin.table(9004)
    assert set(new.relation) == {"predecessor"}
    assert set(new.other_name) == {"Xã An", "Xã Bình", "Phường Cũ"}
    assert new.loc[new.other_name == "Phường Cũ", "share"].iloc[0] == 0.4
    old = lin.table(9003)
    assert sorted(old.other_name) == ["Phường Khác", "Phường Mới"]
    assert old.loc[old.other_name == "Phường Khác", "share"].isna().all()


def test_lineage_command_prints_every_version_of_a_code(demo_db_path, capsys):
    import csv
    import io

    from indicators.__main__ import main

    assert main(["lineage", "--db", str(demo_db_path), "--unit", "18082"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == lineage.LINEAGE_COLUMNS
    assert {(r["relation"], r["other_code"]) for r in rows} == {
        ("successor", "18073"),
        ("successor", "18652"),
    }
    assert all(r["share"] == "" and "NQ 1665" in r["source"] for r in rows)  # Đại Nài's split
    assert main(["lineage", "--db", str(demo_db_path), "--unit", "18100"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    new = [r for r in rows if r["unit_name"] == "Phường Trần Phú (2025–nay)"]
    assert sorted(r["other_code"] for r in new) == ["18088", "18100", "18103", "18598"]
    assert {r["share"] for r in new} == {"1"} and {r["valid_from"] for r in new} == {"2025-07-01"}
    assert main(["lineage", "--db", str(demo_db_path), "--unit", "99999"]) == 2


@pytest.mark.parametrize(
    "case",
    [c for c in CASES["expect"] if "value" not in c and "problem" not in c],
    ids=lambda c: c["case"],
)
def test_whole_years_of_a_unit_with_nothing_to_rebuild(con, case):
    """A unit whose years need no rebuilding (a district of 2024 on the Phường/xã page) gets its own
    whole years, not a KeyError (an empty list used as a mask selected no columns)."""
    from indicators import queries

    got = queries.whole_years(con, case["unit"], [case["indicator"]])
    assert list(got.columns) == ["indicator_code", "year", "value", "kind", "derived_from"]
