"""Uploads tell the truth: an identical value is "không đổi" (no new version, not a replacement), the
same file loaded again is named with the date it was first loaded, a rolled-back upload can be
applied again, and the uploaded file is kept by content."""

from __future__ import annotations

import pytest

import store
from loaders import commit, earlier_copies, parse_upload
from store import files as kept_files
from store.uploads import history, reapply_upload, rollback_upload
from tests.conftest import SAMPLES

CITY = SAMPLES / "city_6t_2016.xlsx"
VALUE = (
    "SELECT value FROM observations WHERE indicator_code = 'gtsx_tong' AND kind = 'estimate' "
    "AND year = 2016 AND month_to = 6 AND unit_id = 2"
)


@pytest.fixture
def con(tmp_path):
    connection = store.open_store(tmp_path / "s.duckdb")
    yield connection
    connection.close()


def _load(con, result, **kw):
    outcome = commit(con, [result], user="kiểm thử", **kw)
    assert outcome.committed, [p.message for p in outcome.problems]
    return outcome


def _versions(con) -> int:
    return store.scalar(con, "SELECT count(*) FROM observation_versions")


def test_an_identical_reupload_changes_nothing_and_says_so(con):
    data = CITY.read_bytes()
    first = _load(con, parse_upload("bc.xlsx", data, con))
    assert (first.n_observations, first.n_replaced, first.n_unchanged) == (36, 0, 0)
    again = parse_upload("bc_lan2.xlsx", data, con)
    (warning,) = earlier_copies(con, again)
    assert warning.code == "same-file" and not warning.is_error
    assert "lần nạp #1" in warning.message and '"bc.xlsx"' in warning.message
    assert f"{history(con).uploaded_at.iloc[0]:%d/%m/%Y}" in warning.message
    second = _load(con, again)
    assert (second.n_observations, second.n_replaced, second.n_unchanged) == (36, 0, 36)
    assert _versions(con) == 36  # no second version of any value
    row = history(con).iloc[0]
    assert (row.n_unchanged, row.n_replaced) == (36, 0)


def test_a_changed_value_is_replaced_and_the_rest_unchanged(con):
    first = parse_upload("bc.xlsx", CITY.read_bytes(), con)
    _load(con, first)
    changed = parse_upload("bc.xlsx", CITY.read_bytes(), con)
    obs = changed.observations
    pick = (obs.indicator_code == "gtsx_tong") & (obs.kind == "estimate")
    changed.observations = obs.assign(value=obs.value.where(~pick, obs.value + 1))
    outcome = _load(con, changed)
    assert outcome.n_replaced == int(pick.sum()) and outcome.n_unchanged == 36 - int(pick.sum())
    assert _versions(con) == 36 + int(pick.sum())


def test_a_rolled_back_upload_is_applied_again_without_undoing_later_ones(con):
    base = parse_upload("bc.xlsx", CITY.read_bytes(), con)
    first = _load(con, base)
    assert store.scalar(con, VALUE) == pytest.approx(4339)
    rollback_upload(con, first.upload_ids[0])
    assert store.scalar(con, VALUE) is None
    assert reapply_upload(con, first.upload_ids[0]) == 36
    assert store.scalar(con, VALUE) == pytest.approx(4339)
    assert history(con).status.iloc[0] == "committed"
    # a later upload changes the value; rolling back and re-applying the first keeps the later one
    later = parse_upload("bc_sua.xlsx", CITY.read_bytes(), con)
    pick = (later.observations.indicator_code == "gtsx_tong") & (
        later.observations.kind == "estimate"
    )
    later.observations = later.observations.assign(
        value=later.observations.value.where(~pick, 4400.0)
    )
    _load(con, later)
    rollback_upload(con, first.upload_ids[0])
    reapply_upload(con, first.upload_ids[0])
    assert store.scalar(con, VALUE) == pytest.approx(4400)
    assert reapply_upload(con, first.upload_ids[0]) == 0  # already in force: nothing to do


def test_the_uploaded_file_is_kept_by_content_and_capped(con, tmp_path, monkeypatch):
    data = CITY.read_bytes()
    result = parse_upload("/srv/bao_cao/bc.xlsx", data, con)
    _load(con, result, files={result.sha256: data})
    copy = kept_files.kept(result.sha256, tmp_path / "s.duckdb")
    assert copy is not None and copy.read_bytes() == data and copy.name == f"{result.sha256}.xlsx"
    monkeypatch.setenv("CHITIEU_FILES_MAX_MB", "0")
    other = parse_upload("ward.xlsx", (SAMPLES / "ward_budget_10t_2020.xlsx").read_bytes(), con)
    _load(con, other, files={other.sha256: b"x" * 10})
    assert kept_files.kept(other.sha256, tmp_path / "s.duckdb") is None  # past the cap: not kept
