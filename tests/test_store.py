"""The store: migrations, reference data, uploads with versions and rollback."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

import store
from store import StoreError, migrations, reference
from store.uploads import commit_upload, history, rollback_upload


def _obs(value, unit_id=2, kind="estimate", code="gtsx_tong"):
    return pd.DataFrame(
        [
            {
                "indicator_code": code,
                "unit_id": unit_id,
                "year": 2016,
                "month_from": 1,
                "month_to": 6,
                "kind": kind,
                "target_source": "",
                "value": value,
            }
        ]
    )


def test_fresh_store_has_schema_catalog_and_units_but_no_data(empty_store):
    con = empty_store
    assert migrations.current_version(con) == max(n for n, _, _ in migrations.available())
    n_ind = store.scalar(con, "SELECT count(*) FROM indicators")
    assert n_ind == len(reference.read_indicators())
    # the deployment's provinces (CHITIEU_PROVINCES, default Hà Tĩnh: 160 of the country's rows)
    served, _ = reference.deployed_units()
    assert store.scalar(con, "SELECT count(*) FROM admin_units") == len(served) == 160
    assert store.scalar(con, "SELECT count(*) FROM observations") == 0
    assert store.scalar(con, "SELECT count(*) FROM uploads") == 0


def test_open_twice_does_not_reapply_migrations_or_duplicate_reference(tmp_path):
    path = tmp_path / "s.duckdb"
    con = store.open_store(path)
    n = store.scalar(con, "SELECT count(*) FROM indicators")
    con.close()
    con = store.open_store(path)
    assert store.scalar(con, "SELECT count(*) FROM indicators") == n
    assert migrations.migrate(con) == []
    assert reference.sync(con) is False  # unchanged files: nothing rewritten
    con.close()


def test_db_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CHITIEU_DB", str(tmp_path / "x.duckdb"))
    assert store.db_path() == tmp_path / "x.duckdb"
    assert store.db_path(tmp_path / "y.duckdb") == tmp_path / "y.duckdb"


def test_reupload_replaces_value_and_keeps_history(empty_store):
    con = empty_store
    first = commit_upload(con, _obs(4300.0), file_name="bc_6t_lan1.xlsx")
    second = commit_upload(con, _obs(4339.0), file_name="bc_6t_lan2.xlsx")
    assert (first.n_replaced, second.n_replaced) == (0, 1)
    assert store.scalar(con, "SELECT value FROM observations") == 4339.0
    versions = store.query(
        con, "SELECT value FROM observation_versions ORDER BY upload_id"
    ).value.tolist()
    assert versions == [4300.0, 4339.0]


def test_rollback_restores_previous_value_then_removes(empty_store):
    con = empty_store
    a = commit_upload(con, _obs(4300.0), file_name="a.xlsx")
    b = commit_upload(con, _obs(4339.0), file_name="b.xlsx")
    assert rollback_upload(con, b.upload_id) == 1
    assert store.scalar(con, "SELECT value FROM observations") == 4300.0
    rollback_upload(con, a.upload_id)
    assert store.scalar(con, "SELECT count(*) FROM observations") == 0
    statuses = history(con).set_index("upload_id").status.to_dict()
    assert statuses == {a.upload_id: "rolled_back", b.upload_id: "rolled_back"}


def test_rollback_of_older_upload_keeps_newer_value(empty_store):
    con = empty_store
    a = commit_upload(con, _obs(1.0), file_name="a.xlsx")
    commit_upload(con, _obs(2.0), file_name="b.xlsx")
    rollback_upload(con, a.upload_id)
    assert store.scalar(con, "SELECT value FROM observations") == 2.0


def test_failed_commit_writes_nothing(empty_store):
    con = empty_store
    bad = pd.concat([_obs(1.0), _obs(2.0)])  # duplicate key inside one upload
    with pytest.raises(ValueError):
        commit_upload(con, bad, file_name="dup.xlsx")
    invalid = _obs(1.0, kind="guess")  # violates the kind check inside the transaction
    with pytest.raises(Exception):
        commit_upload(con, invalid, file_name="bad_kind.xlsx")
    assert store.scalar(con, "SELECT count(*) FROM observations") == 0
    assert store.scalar(con, "SELECT count(*) FROM observation_versions") == 0
    assert store.scalar(con, "SELECT count(*) FROM uploads") == 0


def test_unit_summary_follows_uploads_and_rollbacks(empty_store):
    con = empty_store
    summary = lambda: store.query(
        con, "SELECT unit_id, n_obs, first_year, last_year FROM unit_summary ORDER BY unit_id"
    ).values.tolist()
    a = commit_upload(con, pd.concat([_obs(1.0), _obs(2.0, unit_id=9)]), file_name="a.xlsx")
    later = _obs(3.0, unit_id=9).assign(year=2019)
    b = commit_upload(con, later, file_name="b.xlsx")
    assert summary() == [[2, 1, 2016, 2016], [9, 2, 2016, 2019]]
    rollback_upload(con, b.upload_id)
    assert summary() == [[2, 1, 2016, 2016], [9, 1, 2016, 2016]]
    rollback_upload(con, a.upload_id)
    assert summary() == []
    # the summary equals a full recount
    commit_upload(
        con, pd.concat([_obs(1.0), _obs(5.0, unit_id=9, kind="actual")]), file_name="c.xlsx"
    )
    recount = store.query(
        con,
        "SELECT unit_id, count(*) AS n, min(year) AS f, max(year) AS l FROM observations "
        "GROUP BY unit_id ORDER BY unit_id",
    ).values.tolist()
    assert summary() == recount


def test_a_foreign_duckdb_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "khac.duckdb"
    other = duckdb.connect(str(path))
    other.execute("CREATE TABLE ban_ghi (a INTEGER)")
    other.close()
    with pytest.raises(StoreError, match="không phải kho Chỉ tiêu"):
        store.open_store(path)
    again = duckdb.connect(str(path), read_only=True)
    assert [r[0] for r in again.execute("SHOW TABLES").fetchall()] == ["ban_ghi"]
    again.close()
