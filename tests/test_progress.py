"""Progress measures: status cases as data, pace from history, projections, aggregation, ranking,
term path, and the `python -m indicators progress` contract."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import store
from indicators import aggregate, pace, progress, ranking, scorecard, terms
from tests.conftest import ROOT, SAMPLES
from vn.periods import Period

CASES = list(
    csv.DictReader(
        line
        for line in open(ROOT / "tests/cases/progress_cases.csv", encoding="utf-8")
        if not line.startswith("#")
    )
)


def _f(text):
    return float(text) if text not in ("", None) else None


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['value']}/{c['target']}@{c['month_to']}" for c in CASES]
)
def test_status_cases(case):
    got = progress.status(
        _f(case["value"]),
        _f(case["target"]),
        month_to=int(case["month_to"]),
        direction=case["direction"],
        flow=case["flow"] == "true",
        typical_share=_f(case["typical_share"]),
    )
    assert got == case["expected"], case["note"]


def test_status_is_monotone_in_value():
    order = {"behind": 0, "on_track": 1, "ahead": 2}
    seen = [order[progress.status(v, 100, month_to=6)] for v in np.linspace(1, 100, 200)]
    assert seen == sorted(seen)
    seen_lower = [
        order[progress.status(v, 2.0, month_to=6, direction="lower", flow=False)]
        for v in np.linspace(0.5, 5, 200)
    ]
    assert seen_lower == sorted(seen_lower, reverse=True)


def test_typical_share_needs_three_years():
    shares = pd.DataFrame(
        {
            "indicator_code": ["a"] * 3 + ["b"] * 2,
            "unit_id": [1] * 5,
            "year": [2016, 2017, 2018, 2016, 2017],
            "share": [0.44, 0.46, 0.45, 0.5, 0.5],
        }
    )
    typical = pace.typical_shares(shares)
    assert typical.indicator_code.tolist() == ["a"]
    assert typical.typical_share.iloc[0] == pytest.approx(0.45)
    assert (typical.share_low.iloc[0], typical.share_high.iloc[0]) == (0.44, 0.46)


def test_projection_from_history_and_linear():
    central, low, high = pace.projection(4500, 6, typical=0.45, low=0.44, high=0.46)
    assert central == pytest.approx(10000)
    assert low == pytest.approx(4500 / 0.46) and high == pytest.approx(4500 / 0.44)
    central, low, high = pace.projection(4500, 6)
    assert (central, low, high) == pytest.approx((9000, 8100, 9900))
    assert pace.projection(100, 12) is None


def test_aggregation_sums_and_recomputes_ratios_and_keeps_missing():
    cat = pd.DataFrame(
        [
            {"code": "gtsx", "aggregation": "sum", "numerator": None, "denominator": None},
            {"code": "rate", "aggregation": "ratio", "numerator": "num", "denominator": "den"},
            {"code": "num", "aggregation": "sum", "numerator": None, "denominator": None},
            {"code": "den", "aggregation": "sum", "numerator": None, "denominator": None},
            {"code": "income", "aggregation": "none", "numerator": None, "denominator": None},
        ]
    )
    kids = pd.DataFrame(
        [
            ("gtsx", 1, 10.0),
            ("gtsx", 2, 30.0),
            ("num", 1, 90.0),
            ("den", 1, 100.0),
            ("num", 2, 100.0),
            ("den", 2, 1000.0),
            ("rate", 1, 90.0),
            ("rate", 2, 10.0),
            ("income", 1, 50.0),
            ("income", 2, 60.0),
        ],
        columns=["indicator_code", "unit_id", "value"],
    )
    out = aggregate.aggregate(kids, cat, n_children=2).set_index("indicator_code")
    assert out.loc["gtsx", "value"] == 40.0
    assert out.loc["rate", "value"] == pytest.approx(190 / 1100 * 100)  # not the mean 50
    assert "income" not in out.index
    partial = aggregate.aggregate(kids[kids.unit_id == 1], cat, n_children=2).set_index(
        "indicator_code"
    )
    assert np.isnan(
        partial.loc["gtsx", "value"]
    )  # missing child: missing, never a silent undercount
    assert partial.loc["gtsx", "partial_value"] == 10.0 and partial.loc["gtsx", "n_reporting"] == 1


def test_required_path_compounds_to_the_target():
    path = terms.required_path(2020, 100.0, 2025, 161.051)
    assert path.year.tolist() == list(range(2020, 2026))
    assert path.value.iloc[-1] == pytest.approx(161.051)
    assert path.value.iloc[1] == pytest.approx(110.0)


def test_term_status_on_demo_store(demo_store):
    series = store.query(
        demo_store,
        "SELECT year, month_from, month_to, kind, target_source, value FROM observations "
        "WHERE indicator_code = 'gtsx_tong' AND unit_id = 2",
    )
    status = terms.term_status(series, "higher", terms.term_for(2024))
    assert status["target"] is not None and status["status"] in {
        "target_achieved",
        "substantial",
        "moderate",
        "limited",
        "deterioration",
    }


def test_scorecard_uses_history_after_three_years(demo_store):
    card = scorecard.scorecard(demo_store, [2], Period(2024, 1, 6)).set_index("indicator_code")
    assert card.loc["gtsx_tong", "pace_basis"] == "history"
    assert card.loc["gtsx_tong", "n_years"] >= 3
    assert card.loc["bhyt_bao_phu", "pace_basis"] == "level"
    early = scorecard.scorecard(demo_store, [2], Period(2017, 1, 6)).set_index("indicator_code")
    assert early.loc["gtsx_tong", "pace_basis"] == "linear"


def test_ranking_ranks_and_rank_changes(demo_store):
    frame = ranking.by_children(demo_store, "gtsx_tong", 2, Period(2019, 1, 9))
    assert len(frame) == 16  # 2019: 10 phường + 6 xã (Thạch Môn, Thạch Đồng merged in 2020)
    assert frame["rank"].min() == 1
    assert frame.pct_of_target.is_monotonic_decreasing
    assert frame.rank_change.notna().sum() >= 10  # same wards existed in 2018


def _load_seed_report(tmp_path):
    db = tmp_path / "seed.duckdb"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "load",
            str(SAMPLES / "city_6t_2016.xlsx"),
            "--db",
            str(db),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return db


def test_progress_cli_on_the_seed_report(tmp_path):
    db = _load_seed_report(tmp_path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "progress",
            "--db",
            str(db),
            "--unit",
            "Thành phố Hà Tĩnh",
            "--year",
            "2016",
            "--months",
            "1-6",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert list(rows[0]) == [
        "indicator_code",
        "indicator_name",
        "measure",
        "value",
        "kind",
        "target",
        "target_source",
        "pct_of_target",
        "same_period_value",
        "same_period_change_pct",
        "status",
    ]
    by_code = {r["indicator_code"]: r for r in rows}
    total = by_code["gtsx_tong"]
    assert (total["value"], total["kind"], total["target"]) == ("4339", "estimate", "9024.5")
    assert (
        total["pct_of_target"],
        total["same_period_value"],
        total["same_period_change_pct"],
    ) == ("48.08", "4071.9", "6.56")
    assert total["status"] == "behind"  # linear pace (no history in this store): 48.08 < 0.97 × 50
    sectors = {
        c: float(by_code[c]["same_period_change_pct"])
        for c in ("gtsx_cn_ttcn", "gtsx_xay_dung", "gtsx_tm_dv", "gtsx_nong_nghiep")
    }
    assert sectors == {
        "gtsx_cn_ttcn": 2.37,
        "gtsx_xay_dung": 9.43,
        "gtsx_tm_dv": 6.61,
        "gtsx_nong_nghiep": 2.63,
    }
    assert by_code["ty_le_ho_ngheo"]["pct_of_target"] == "116.32"


def test_progress_cli_by_code_and_unknown_unit(tmp_path):
    db = _load_seed_report(tmp_path)
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "progress",
            "--db",
            str(db),
            "--unit",
            "436",
            "--year",
            "2016",
            "--months",
            "1-6",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "gtsx_tong" in ok.stdout
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "progress",
            "--db",
            str(db),
            "--unit",
            "Thanh pho Ha Tinhh",
            "--year",
            "2016",
            "--months",
            "1-6",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (
        bad.returncode != 0
        and "Không tìm thấy đơn vị" in bad.stderr
        and "Traceback" not in bad.stderr
    )


def test_typical_shares_in_store_equal_the_pandas_route(demo_store):
    ids = store.query(
        demo_store, "SELECT unit_id FROM admin_units WHERE parent_id = 2"
    ).unit_id.tolist() + [2]
    for month_to in (6, 9):
        sql = pace.typical_shares_in_store(demo_store, ids, month_to, 2024).sort_values(
            ["indicator_code", "unit_id"]
        )
        pandas_route = pace.typical_shares(
            pace.history_shares(demo_store, ids, month_to, 2024)
        ).sort_values(["indicator_code", "unit_id"])
        assert len(sql) == len(pandas_route) > 100
        for col in ("typical_share", "share_low", "share_high", "n_years"):
            assert np.allclose(sql[col].to_numpy(float), pandas_route[col].to_numpy(float))


def test_vectorised_statuses_equal_the_reference():
    rng = np.random.default_rng(7)
    n = 3000
    values = np.where(rng.random(n) < 0.1, np.nan, rng.uniform(0, 150, n))
    targets = np.where(rng.random(n) < 0.1, np.nan, rng.choice([0.0, 50.0, 100.0, 120.0], n))
    values[:20] = targets[:20]  # exact hits
    directions = rng.choice(["higher", "lower"], n)
    flows = rng.random(n) < 0.6
    shares = np.where(rng.random(n) < 0.5, np.nan, rng.uniform(0.3, 0.8, n))
    for month_to in (3, 6, 9, 12):
        fast = progress.statuses(
            values,
            targets,
            month_to=month_to,
            directions=directions,
            flows=flows,
            typical_shares=shares,
        )
        slow = [
            progress.status(
                None if np.isnan(v) else v,
                None if np.isnan(t) else t,
                month_to=month_to,
                direction=d,
                flow=bool(f),
                typical_share=None if np.isnan(s) else s,
            )
            for v, t, d, f, s in zip(values, targets, directions, flows, shares)
        ]
        assert list(fast) == slow


def test_scorecard_cache_follows_uploads_and_rollbacks(demo_store):
    from store.uploads import commit_upload, rollback_upload

    first = (
        scorecard.scorecard(demo_store, [2], Period(2024, 1, 6))
        .set_index("indicator_code")
        .loc["gtsx_tong", "value"]
    )
    again = scorecard.scorecard(demo_store, [2], Period(2024, 1, 6))
    again.loc[:, "value"] = -1  # callers get copies: mutating one does not poison the cache
    assert (
        scorecard.scorecard(demo_store, [2], Period(2024, 1, 6))
        .set_index("indicator_code")
        .loc["gtsx_tong", "value"]
        == first
    )
    revised = pd.DataFrame(
        [
            {
                "indicator_code": "gtsx_tong",
                "unit_id": 2,
                "year": 2024,
                "month_from": 1,
                "month_to": 6,
                "kind": "actual",
                "target_source": "",
                "value": first + 100,
            }
        ]
    )
    done = commit_upload(demo_store, revised, file_name="revision.xlsx")
    assert (
        scorecard.scorecard(demo_store, [2], Period(2024, 1, 6))
        .set_index("indicator_code")
        .loc["gtsx_tong", "value"]
        == first + 100
    )
    rollback_upload(demo_store, done.upload_id)
    assert (
        scorecard.scorecard(demo_store, [2], Period(2024, 1, 6))
        .set_index("indicator_code")
        .loc["gtsx_tong", "value"]
        == first
    )
