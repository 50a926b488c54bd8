"""Report sentences: the seed sentence, decreases, lower-is-better, several target sources,
completed years, and the `python -m indicators brief` command on the seed report."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from reports import narrative
from tests.conftest import ROOT, SAMPLES


def row(**kw) -> pd.Series:
    base = dict(
        indicator_code="x",
        unit_id=1,
        name="Tổng giá trị sản xuất (giá so sánh 2010)",
        measure="ty_dong",
        measure_name="Tỷ đồng",
        direction="higher",
        kind="estimate",
        value=4339.0,
        target=9024.5,
        target_source="",
        same_period_value=4071.9,
        parent_code=None,
    )
    base.update(kw)
    base.setdefault("pct_of_target", None)
    if base["pct_of_target"] is None and base["target"]:
        base["pct_of_target"] = base["value"] / base["target"] * 100
    if base["same_period_value"]:
        base["same_period_change_pct"] = base["value"] / base["same_period_value"] * 100 - 100
    else:
        base["same_period_change_pct"] = None
    return pd.Series(base)


def test_seed_sentence():
    sectors = pd.DataFrame(
        [
            row(
                name="Công nghiệp - Tiểu thủ công nghiệp",
                value=1250.3,
                same_period_value=1221.4,
                target=2710,
            ),
            row(name="Xây dựng cơ bản", value=1237.2, same_period_value=1130.6, target=2480),
            row(name="Thương mại - Dịch vụ", value=1654.9, same_period_value=1552.3, target=3420),
            row(
                name="Nông - lâm nghiệp - thủy sản",
                value=171.9,
                same_period_value=167.5,
                target=414.5,
            ),
        ]
    )
    text = narrative.sentence(row(), sectors, month_to=6)
    assert text == (
        "Tổng giá trị sản xuất ước đạt 4.339 tỷ đồng, bằng 48,08% kế hoạch; so với cùng kỳ tăng 6,56%, trong đó: "
        "Công nghiệp - Tiểu thủ công nghiệp tăng 2,37%; Xây dựng cơ bản tăng 9,43%; Thương mại - Dịch vụ tăng 6,61%; "
        "Nông - lâm nghiệp - thủy sản tăng 2,63%."
    )


def test_actual_and_decrease():
    text = narrative.sentence(row(kind="actual", value=3900.0), month_to=6)
    assert text.startswith("Tổng giá trị sản xuất đạt 3.900 tỷ đồng")
    assert "so với cùng kỳ giảm 4,22%" in text


def test_lower_is_better_rate_in_percentage_points():
    text = narrative.sentence(
        row(
            name="Tỷ lệ hộ nghèo",
            measure="pct",
            measure_name="%",
            direction="lower",
            value=2.21,
            target=1.9,
            same_period_value=2.6,
        ),
        month_to=6,
    )
    assert text == (
        "Tỷ lệ hộ nghèo ước còn 2,21%, kế hoạch 1,9%, cao hơn 0,31 điểm phần trăm; "
        "so với cùng kỳ giảm 0,39 điểm phần trăm."
    )
    year_end = dict(kind="actual", name="Tỷ lệ hộ nghèo", measure="pct", measure_name="%")
    year_end.update(direction="lower", target=1.9, same_period_value=2.6)
    missed = narrative.sentence(row(value=2.21, **year_end), month_to=12)
    assert "chưa đạt kế hoạch (kế hoạch 1,9%, cao hơn 0,31 điểm phần trăm)" in missed
    beaten = narrative.sentence(row(value=1.64, **year_end), month_to=12)
    assert "vượt kế hoạch (kế hoạch 1,9%, thấp hơn 0,26 điểm phần trăm)" in beaten
    assert "bằng" not in missed + beaten  # never "bằng 116,32% kế hoạch" for a ceiling


def test_completed_year_wordings():
    over = narrative.sentence(
        row(kind="actual", value=9500.0, same_period_value=9000.0), month_to=12
    )
    assert "đạt 9.500 tỷ đồng, vượt kế hoạch (bằng 105,27%)" in over
    short = narrative.sentence(
        row(kind="actual", value=9000.0, same_period_value=9000.0), month_to=12
    )
    assert "chưa đạt kế hoạch (bằng 99,73%)" in short and "so với cùng kỳ không đổi" in short
    poverty = narrative.sentence(
        row(
            name="Tỷ lệ hộ nghèo",
            measure="pct",
            measure_name="%",
            direction="lower",
            kind="actual",
            value=1.7,
            target=1.9,
            same_period_value=2.1,
        ),
        month_to=12,
    )
    assert "còn 1,7%, vượt kế hoạch" in poverty and "giảm 0,4 điểm phần trăm" in poverty


def test_several_target_sources_are_named():
    targets = pd.DataFrame(
        {
            "indicator_code": ["x", "x"],
            "unit_id": [1, 1],
            "target_source": ["tinh_giao", "hdnd_giao"],
            "target": [900.0, 1135.0],
            "priority": [3, 1],
        }
    )
    text = narrative.sentence(
        row(
            name="Thu ngân sách trên địa bàn",
            value=1213.0,
            target=1135.0,
            same_period_value=1100.0,
            kind="estimate",
        ),
        None,
        targets,
        month_to=11,
    )
    assert "bằng 106,87% kế hoạch HĐND giao và 134,78% kế hoạch tỉnh giao" in text


def test_no_nan_and_no_english_with_missing_values():
    text = narrative.sentence(
        row(target=None, same_period_value=None, pct_of_target=None), month_to=6
    )
    assert text == "Tổng giá trị sản xuất ước đạt 4.339 tỷ đồng."
    assert narrative.sentence(row(value=float("nan"))) == ""


def test_brief_command_on_seed_report(tmp_path):
    db = tmp_path / "seed.duckdb"
    subprocess.run(
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
        check=True,
        capture_output=True,
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "brief",
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
    text = run.stdout
    assert (
        "Tổng giá trị sản xuất ước đạt 4.339 tỷ đồng, bằng 48,08% kế hoạch; so với cùng kỳ tăng 6,56%, trong đó: "
        "Công nghiệp - Tiểu thủ công nghiệp tăng 2,37%; Xây dựng cơ bản tăng 9,43%; Thương mại - Dịch vụ tăng 6,61%; "
        "Nông - lâm nghiệp - thủy sản tăng 2,63%." in text
    )
    assert "Tỷ lệ hộ nghèo ước còn 2,21%" in text and "Cần chú ý:" in text
    for bad in ("nan", "None", "NaN", "estimate", "actual"):
        assert bad not in text
