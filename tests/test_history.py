"""History on today's boundaries: the cases of tests/cases/history_cases.toml, each checked against
indicators.history on a store that holds them."""

from __future__ import annotations

import math

import pandas as pd
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


def _trend_by_the_rule(con, code: str, unit: int) -> pd.DataFrame:
    """`queries.trend_series` as pandas operations: the unit's own whole years, and the rebuilt
    ones only where it has no figure of that kind (a value, a plan) for the year."""
    from indicators import queries
    from store.queries import observations

    own = observations.year_series(con, code, unit).assign(derived_from=None)
    years = sorted({int(y) for y in queries.all_periods(con).year})
    rebuilt = history.yearly_series(con, code, unit, years)
    whole = own[(own.month_from == 1) & (own.month_to == 12)]
    has_value = set(whole[whole.kind.isin(["actual", "estimate"])].year)
    has_plan = set(whole[whole.kind == "target"].year)
    rebuilt = rebuilt[
        ~((rebuilt.kind == "target") & rebuilt.year.isin(has_plan))
        & ~((rebuilt.kind != "target") & rebuilt.year.isin(has_value))
    ]
    if rebuilt.empty:
        return own
    return pd.concat([own, rebuilt], ignore_index=True).sort_values(["year", "month_to", "kind"])


def test_a_trend_keeps_the_units_own_figures_and_fills_the_rest(con):
    """Every unit's trend of every indicator in the cases: its own whole years, then the rebuilt
    years it has no figure of that kind for — as the rule says (a unit with predecessors among
    them: the check is not vacuous)."""
    from indicators import queries
    from store.uploads import commit_upload

    # the new ward's own 2024 value beside its predecessors' 2024 values and plans: the value
    # is its own, the plan rebuilt (each kind of figure kept on its own)
    own = pd.DataFrame(
        [[9004, "gtsx_tong", 2024, 1, 12, "actual", 400.0, ""]],
        columns=[
            *("unit_id", "indicator_code", "year", "month_from", "month_to", "kind", "value"),
            "target_source",
        ],
    )
    commit_upload(con, own, file_name="own_2024.xlsx", uploaded_by="test")
    trend = queries.trend_series(con, "gtsx_tong", 9004)
    in_2024 = trend[trend.year == 2024]
    assert in_2024.loc[in_2024.kind == "actual", "value"].tolist() == [400.0]
    assert in_2024.loc[in_2024.kind == "target", "derived_from"].notna().all()
    assert (in_2024.kind == "target").any()
    units = [int(u) for (u,) in con.execute("SELECT unit_id FROM admin_units").fetchall()]
    codes = sorted({c["indicator"] for c in CASES["expect"]})
    rebuilt_somewhere = False
    for code in codes:
        for unit in units:
            got = queries.trend_series(con, code, unit)
            want = _trend_by_the_rule(con, code, unit)
            pd.testing.assert_frame_equal(got, want, obj=f"{code} {unit}")
            rebuilt_somewhere |= bool(got.derived_from.notna().any())
    assert rebuilt_somewhere
