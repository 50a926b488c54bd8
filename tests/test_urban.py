"""Urban class II scoring: the rule (cases as data), the 2018 sample scored as its file says (92,6598),
the 2019 published criterion points (88,69), variants (wrong 'Đạt được', own thresholds, lower is
better, missing standards), frameworks as data, the CLI contract."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from loader_helpers import SAMPLES, xlsx_bytes

import loaders
from indicators import criteria, urban

ROOT = Path(__file__).resolve().parents[1]
CASES = list(csv.DictReader((ROOT / "tests" / "cases" / "urban_points.csv").open(encoding="utf-8")))
SAMPLE_TOTAL = float((SAMPLES / "urban_2018.total.txt").read_text().strip())
PUBLISHED_2019 = {1: 18.84, 2: 6.75, 3: 5.43, 4: 6.0, 5: 51.67}


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_standard_points(case):
    args = [float(case[k]) for k in ("value", "min_level", "max_level", "min_points", "max_points")]
    assert urban.standard_points(*args) == pytest.approx(float(case["expected"]), abs=1e-9)


def test_points_monotone_in_the_value_both_directions():
    for lo, hi in ((6.0, 6.5), (8.0, 5.5)):
        values = [lo + (hi - lo) * k / 20 for k in range(-10, 31)]
        points = [urban.standard_points(v, lo, hi, 1.5, 2.0) for v in values]
        assert points == sorted(points)
        assert min(points) == 0 and max(points) == 2.0
    assert urban.standard_points(None, 1, 2, 1, 2) is None


def test_gap_to_minimum():
    assert urban.gap_to_minimum(36.85, 40, 50) == pytest.approx(3.15)
    assert urban.gap_to_minimum(9.0, 8, 5.5) == pytest.approx(
        1.0
    )  # lower is better: 1 point too high
    assert urban.gap_to_minimum(7.0, 8, 5.5) == 0


def test_sample_scores_as_its_file_says(empty_store):
    rows = loaders.parse_scoring_table(SAMPLES / "urban_2018.xlsx", con=empty_store)
    result = urban.score_table(rows)
    assert result["total"] == SAMPLE_TOTAL == 92.6598
    assert result["passed"] is True and result["mismatches"] == []
    assert result["criteria"].points.tolist() == [18.032, 7.5009, 5.9099, 5.445, 55.772]
    std = result["standards"].set_index("number")
    assert (
        std.loc["1.4", "indicator_code"] == "ty_le_ho_ngheo"
        and std.loc["1.4", "direction"] == "lower"
    )
    assert std.loc["5.9", "indicator_code"] == "thu_gom_rac"
    assert std.loc["5.7", "points"] == 5.0 and std.loc["3.2", "points"] == 3.9099


def test_sample_committed_then_scored_from_the_store(empty_store):
    data = (SAMPLES / "urban_2018.xlsx").read_bytes()
    result = loaders.parse_upload("urban_2018.xlsx", data, empty_store)
    assert result.ok and not result.warnings
    assert loaders.commit(empty_store, [result]).committed
    city = int(result.observations.unit_id.iloc[0])
    stored = urban.assessment(empty_store, city, 2018)
    assert stored["basis"] == "bảng chấm điểm đã nạp"
    assert stored["total"] == 92.6598 and stored["passed"]
    assert urban.assessed_years(empty_store, city) == [2018]


def test_published_2019_points_give_88_69():
    fw = criteria.get("urban_nq1210")
    empty = urban.score_standards(pd.DataFrame(columns=urban.STANDARD_COLUMNS))
    by_criterion = urban.criterion_scores(empty, fw, PUBLISHED_2019)
    result = urban.total(by_criterion, fw.pass_points)
    assert result["total"] == 88.69 and result["passed"] and result["complete"]
    assert set(by_criterion.source) == {"công bố"}


def _table(
    rows,
    title="BẢNG TỔNG HỢP ĐÁNH GIÁ CÁC TIÊU CHÍ PHÂN LOẠI ĐÔ THỊ LOẠI II - THÀNH PHỐ HÀ TĨNH NĂM 2018",
):
    head = [
        ["UBND TỈNH HÀ TĨNH"],
        ["SỞ XÂY DỰNG"],
        [],
        [title],
        [],
        [
            "STT",
            "Tiêu chí, tiêu chuẩn",
            "Đơn vị tính",
            "Mức quy định",
            "",
            "Hiện trạng",
            "Thang điểm",
            "",
            "",
        ],
        ["", "", "", "Tối thiểu", "Tối đa", "", "Tối thiểu", "Tối đa", "Đạt được"],
    ]
    return xlsx_bytes({"Cham diem": head + rows}, merges={"Cham diem": ["D6:E6", "G6:I6"]})


def test_variant_wrong_points_warn_on_their_cells_and_lower_is_better(empty_store):
    rows = [
        ["2", "Tiêu chí 2: Quy mô dân số", "", "", "", "", 6, 8, 7.0],
        [
            "2.1",
            "Dân số toàn đô thị",
            "nghìn người",
            200,
            300,
            250,
            2.25,
            3,
            2.9,
        ],  # should be 2,625
        [
            "2.2",
            "Dân số khu vực nội thành",
            "nghìn người",
            100,
            150,
            90,
            3.75,
            5,
            0,
        ],  # short of its minimum
        ["5", "Tiêu chí 5: Trình độ phát triển cơ sở hạ tầng", "", "", "", "", 45, 60, 4.375],
        [
            "5.7",
            "Tỷ lệ thất thoát, thất thu nước sạch",
            "%",
            25,
            20,
            22.5,
            3.75,
            5,
            4.375,
        ],  # lower is better
        ["", "TỔNG CỘNG", "", "", "", "", 75, 100, 12.0],
    ]
    result = loaders.parse_upload("variant.xlsx", _table(rows), empty_store)
    assert result.ok
    warned = {(p.code, p.cell) for p in result.warnings}
    assert ("points-mismatch", "B9") in warned  # 2.1
    assert ("points-mismatch", "B8") in warned  # criterion 2: 2,625 + 0
    scored = urban.score_table(result.extras["urban_rows"]["Cham diem"])
    std = scored["standards"].set_index("number")
    assert std.loc["2.1", "points"] == 2.625 and std.loc["5.7", "points"] == 4.375
    short = urban.short_of_minimum(scored["standards"])
    assert (
        short.number.tolist() == ["2.2"]
        and short.gap.iloc[0] == 10
        and short.points_at_stake.iloc[0] == 3.75
    )
    assert (
        scored["complete"] is False and scored["passed"] is None
    )  # criteria 1, 3, 4 absent: no verdict
    assert ("points-mismatch", "B13") in warned  # the total line


def test_variant_thresholds_of_the_table_are_used(empty_store):
    """A table stating its own levels is scored on them, not on the framework file."""
    rows = [["5.12", "Tỷ lệ tuyến phố văn minh đô thị", "%", 30, 40, 35, 3.75, 5, 4.375]]
    result = loaders.parse_upload("own.xlsx", _table(rows), empty_store)
    assert result.ok and not result.warnings
    assert loaders.commit(empty_store, [result]).committed
    city = int(result.observations.unit_id.iloc[0])
    stored = urban.assessment(empty_store, city, 2018)
    std = stored["standards"].set_index("number")
    assert std.loc["5.12", "points"] == 4.375  # framework levels 40–50 would give 0
    assert stored["complete"] is False  # criteria 1–4 have no data: no total verdict
    assert stored["passed"] is None


def test_missing_standard_counts_in_its_criterion():
    fw = criteria.get("urban_nq1210")
    frame = pd.DataFrame(
        [
            {
                "number": s.number,
                "name": s.name,
                "indicator_code": s.indicator,
                "measure": s.measure,
                "value": s.max_level,
                "min_level": s.min_level,
                "max_level": s.max_level,
                "min_points": s.min_points,
                "max_points": s.max_points,
            }
            for s in fw.standards
        ]
    )
    frame.loc[frame.number == "5.3", "value"] = None
    by_criterion = urban.criterion_scores(urban.score_standards(frame), fw)
    c5 = by_criterion.set_index("criterion").loc[5]
    assert c5.points == 55 and c5.missing_standards == 1
    assert urban.total(by_criterion, 75)["total"] == 95


def test_frameworks_as_data():
    nq1210, nq26, nq111 = (
        criteria.get(c) for c in ("urban_nq1210", "urban_nq26_2022", "urban_nq111_2025")
    )
    assert [c.max_points for c in nq1210.criteria] == [20, 8, 6, 6, 60]
    assert [c.max_points for c in nq26.criteria] == [18, 8, 8, 6, 60]
    for fw in (nq1210, nq26):
        assert sum(c.max_points for c in fw.criteria) == 100 and fw.pass_points == 75
        assert all(c.min_points == pytest.approx(0.75 * c.max_points) for c in fw.criteria)
        for c in fw.criteria:  # the standards' maxima add up to their criterion's maximum
            assert sum(
                s.max_points for s in fw.standards if s.criterion == c.number
            ) == pytest.approx(c.max_points)
    assert nq26.scaled and nq26.unconfirmed and not nq111.standards
    assert {s.number for s in nq1210.standards if s.direction == "lower"} == {"1.4", "5.7"}
    for year, code in (
        (2016, "urban_nq1210"),
        (2022, "urban_nq1210"),
        (2023, "urban_nq26_2022"),
        (2026, "urban_nq111_2025"),
    ):
        assert criteria.base_set("urban", year).code == code


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "indicators", "urban", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_contract(tmp_path, demo_db_path):
    import store

    db = tmp_path / "urban.duckdb"
    con = store.open_store(db)
    assert loaders.commit(
        con, [loaders.parse_upload("u.xlsx", (SAMPLES / "urban_2018.xlsx").read_bytes(), con)]
    ).committed
    con.close()
    out = _cli("--db", db, "--unit", "Thành phố Hà Tĩnh", "--year", 2018)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "criterion,points,min_points,max_points",
        "1,18.032,15,20",
        "2,7.5009,6,8",
        "3,5.9099,4.5,6",
        "4,5.445,4.5,6",
        "5,55.772,45,60",
        "total,92.6598,75,100",
    ]
    published = _cli("--db", demo_db_path, "--unit", "436", "--year", 2019)
    assert published.returncode == 0, published.stderr
    assert published.stdout.splitlines()[1:] == [
        "1,18.84,15,20",
        "2,6.75,6,8",
        "3,5.43,4.5,6",
        "4,6,4.5,6",
        "5,51.67,45,60",
        "total,88.69,75,100",
    ]
    missing = _cli("--db", db, "--unit", "Không Có", "--year", 2018)
    assert missing.returncode == 2 and "Không tìm thấy" in missing.stderr
