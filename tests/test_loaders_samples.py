"""Every shared sample loads to exactly its expected observations; every bad_* is refused naming its
cell (or the file) with nothing written."""

from __future__ import annotations

import numpy as np
import pytest
from loader_helpers import SAMPLES, expected_observations

import store
from loaders import commit
from tests.loader_helpers import DEPLOYMENTS, catalog_of, deployment_scope, deployment_store, parse

KEY = ["indicator_code", "unit_id", "year", "month_from", "month_to", "kind"]
GOOD = sorted(
    p
    for p in SAMPLES.iterdir()
    if not p.name.startswith("bad_")
    and not p.name.endswith((".txt", ".md"))
    and ".expected." not in p.name
)
BAD = sorted(p for p in SAMPLES.glob("bad_*") if not p.name.endswith(".txt"))


@pytest.fixture(scope="module", params=DEPLOYMENTS, ids=lambda d: f"provinces-{d}")
def con(request):
    connection = deployment_store(request.param)
    deployment_scope(connection, request.param)
    yield connection
    connection.close()


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_sample_matches_expected(con, path):
    result = parse(path.name, path.read_bytes(), con)
    assert result.errors == [], [p.message for p in result.errors]
    expected = expected_observations(
        path.with_name(path.name.split(".")[0] + ".expected.csv"), catalog_of(con)
    )
    got = result.observations[KEY + ["value"]]
    assert len(got) == len(expected)
    merged = expected.merge(got, on=KEY, how="outer", suffixes=("_exp", "_got"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"].to_string()
    assert np.allclose(merged["value_exp"], merged["value_got"], rtol=1e-9, atol=0)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_sample_refused_naming_cell(tmp_path, path):
    expect = path.with_name(path.stem + ".expect.txt").read_text().strip()
    con = store.open_store(tmp_path / "s.duckdb")
    result = parse(path.name, path.read_bytes(), con)
    errors = result.errors
    assert errors
    if expect == "file":
        assert any(p.cell is None for p in errors)
    else:
        assert any(p.cell == expect for p in errors), [(p.cell, p.message) for p in errors]
    assert all(p.message and p.file == path.name for p in errors)
    before = con.execute("SELECT count(*) FROM observation_versions").fetchall()[0][0]
    outcome = commit(con, [result], "test")
    assert not outcome.committed
    after = con.execute("SELECT count(*) FROM observation_versions").fetchall()[0][0]
    uploads = con.execute("SELECT count(*) FROM uploads").fetchall()[0][0]
    assert before == after == 0 and uploads == 0


def test_urban_scoring_rows_kept_for_reuse(con):
    path = SAMPLES / "urban_2018.xlsx"
    result = parse(path.name, path.read_bytes(), con)
    rows = result.extras["urban_rows"]["Cham diem 2018"]
    total = next(r for r in rows if r["name"] == "TỔNG CỘNG")
    assert total["points"] == pytest.approx(float((SAMPLES / "urban_2018.total.txt").read_text()))
    water = next(r for r in rows if r["stt"] == "5.7")
    assert (water["min_level"], water["max_level"], water["value"]) == (25.0, 20.0, 19.41)
    assert water["indicator_code"] == "dt_5_7" and water["points"] == 5.0


def test_ntm_counts_checked_and_year_reached_returned(con):
    path = SAMPLES / "ntm_2016.xlsx"
    result = parse(path.name, path.read_bytes(), con)
    assert not [p for p in result.problems if p.code == "count-mismatch"]
    assert "years_reached" not in result.extras or result.extras["years_reached"] == {}
