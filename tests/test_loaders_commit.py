"""All or nothing: an error writes nothing; a re-upload replaces the value and keeps history; rollback
restores what an upload replaced; every upload is recorded."""

from __future__ import annotations

from loader_helpers import SAMPLES, city_report, xlsx_bytes

import store
from loaders import commit, parse_upload
from store.uploads import history, rollback_upload


def counts(con):
    return tuple(
        con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in ("observations", "observation_versions", "uploads")
    )


def estimate(con):
    return con.execute(
        "SELECT value FROM observations WHERE indicator_code='gtsx_tong' AND kind='estimate'"
    ).fetchall()[0][0]


def report(value):
    rows = city_report(
        "BÁO CÁO 6 THÁNG NĂM 2016",
        ["STT", "Chỉ tiêu", "ĐVT", "Ước thực hiện 6 tháng năm 2016"],
        [["1", "Tổng giá trị sản xuất", "Tỷ đồng", value]],
    )
    return xlsx_bytes({"S": rows})


def test_error_in_any_file_writes_nothing(tmp_path):
    con = store.open_store(tmp_path / "s.duckdb")
    good = parse_upload("city.xlsx", (SAMPLES / "city_6t_2016.xlsx").read_bytes(), con)
    bad = parse_upload("bad.xlsx", (SAMPLES / "bad_text_number.xlsx").read_bytes(), con)
    outcome = commit(con, [good, bad], "lan")
    assert not outcome.committed and outcome.problems
    assert counts(con) == (0, 0, 0)


def test_reupload_replaces_and_keeps_history_then_rollback_restores(tmp_path):
    con = store.open_store(tmp_path / "s.duckdb")
    first = commit(con, [parse_upload("v1.xlsx", report(4339), con)], "lan")
    assert first.committed and estimate(con) == 4339
    second = commit(con, [parse_upload("v2.xlsx", report("4.400,5"), con)], "hoa")
    assert second.committed and second.n_replaced == 1 and estimate(con) == 4400.5
    assert counts(con) == (1, 2, 2)
    uploads = history(con)
    assert list(uploads["file_name"]) == ["v2.xlsx", "v1.xlsx"]
    assert (
        list(uploads["uploaded_by"]) == ["hoa", "lan"] and uploads["sha256"].str.len().eq(64).all()
    )
    rollback_upload(con, second.upload_ids[0])
    assert estimate(con) == 4339


def test_multi_file_load_is_one_transaction_with_one_upload_per_file(tmp_path):
    con = store.open_store(tmp_path / "s.duckdb")
    results = [
        parse_upload(p.name, p.read_bytes(), con)
        for p in (
            SAMPLES / "city_6t_2016.xlsx",
            SAMPLES / "ntm_2016.xlsx",
            SAMPLES / "ward_budget_10t_2020.xlsx",
        )
    ]
    outcome = commit(con, results, "lan")
    assert outcome.committed and len(outcome.upload_ids) == 3
    assert counts(con) == (36 + 114 + 96, 36 + 114 + 96, 3)


def test_warnings_are_recorded_with_the_upload(tmp_path):
    con = store.open_store(tmp_path / "s.duckdb")
    rows = city_report(
        "BÁO CÁO 6 THÁNG NĂM 2016",
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch năm 2016",
            "Ước thực hiện 6 tháng năm 2016",
            "So KH (%)",
        ],
        [["1", "Tổng giá trị sản xuất", "Tỷ đồng", 1000, 480, 40.0]],
    )
    outcome = commit(con, [parse_upload("w.xlsx", xlsx_bytes({"S": rows}), con)], "lan")
    assert outcome.committed
    row = history(con).iloc[0]
    assert row["n_warnings"] == 1 and "derived-mismatch" in row["warnings"]
