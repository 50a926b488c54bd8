"""% of plan, same-period change, status and Vietnamese formats on the seed figures
(TP Hà Tĩnh 6 tháng 2016: 4.339 tỷ đồng = 48,08% of 9.024,5; +6,56% on 4.071,9)."""

from __future__ import annotations

import pytest

from indicators import progress
from vn import numbers as fmt
from vn import periods


def test_seed_figures():
    assert fmt.percent(progress.pct_of_target(4339, 9024.5)) == "48,08%"
    assert fmt.number(progress.same_period_change(4339, 4071.9)) == "6,56"
    assert fmt.number(progress.same_period_ratio(4339, 4071.9)) == "106,56"
    assert fmt.number(4339.0) == "4.339" and fmt.number(9024.5) == "9.024,5"


@pytest.mark.parametrize("value,target", [(None, 1), (1, None), (1, 0), (float("nan"), 2)])
def test_missing_is_missing(value, target):
    assert progress.pct_of_target(value, target) is None


def test_pace_uses_typical_share():
    # 48% of plan at mid-year: on track when the unit usually does 45% in H1, behind when it does 55%
    assert progress.status(48, 100, month_to=6, typical_share=0.45) in ("on_track", "ahead")
    assert progress.status(48, 100, month_to=6, typical_share=0.55) == "behind"
    assert progress.status(48, 100, month_to=6) == "behind"  # linear: 50% expected, 48/50 < 0.97


def test_completed_year_and_lower_is_better():
    assert progress.status(110, 100, month_to=12) == "exceeded"
    assert progress.status(100, 100, month_to=12) == "met"
    assert progress.status(90, 100, month_to=12) == "not_met"
    assert progress.status(1.7, 1.9, month_to=12, direction="lower", flow=False) == "exceeded"
    assert progress.status(2.21, 1.9, month_to=12, direction="lower", flow=False) == "not_met"


def test_no_target_no_data():
    assert progress.status(None, 5, month_to=6) == "no_data"
    assert progress.status(5, None, month_to=6) == "no_target"


def test_period_labels():
    assert periods.period_label(1, 6) == "6 tháng"
    assert periods.period_label(1, 12) == "Cả năm"
    assert periods.period_label(7, 9) == "Quý III"
    assert periods.period_label(10, 10) == "Tháng 10"
    assert periods.period_title(2016, 1, 6) == "6 tháng năm 2016"


def test_number_formats():
    assert fmt.number(1234567.891, 3) == "1.234.567,891"
    assert fmt.signed_percent(-2.1) == "−2,1%"
    assert fmt.with_measure(4339, "ty_dong", "Tỷ đồng") == "4.339 tỷ đồng"
    assert fmt.number(None) == "—"


def test_plan_texts_of_many_rows_are_plan_text_row_by_row():
    from hypothesis import given, settings
    from hypothesis import strategies as hst

    figure = hst.none() | hst.floats(allow_nan=True, allow_infinity=False, width=32) | hst.just(0.0)

    @settings(max_examples=500, deadline=None)
    @given(
        hst.lists(
            hst.tuples(
                figure,
                figure,
                hst.sampled_from(["pct", "ty_dong", "nguoi"]),
                hst.sampled_from(["higher", "lower"]),
            ),
            max_size=25,
        )
    )
    def check(rows):
        columns = list(zip(*rows)) or [[], [], [], []]
        one_by_one = [progress.plan_text(*progress.against_plan(*row)) for row in rows]
        assert progress.plan_texts(*columns) == one_by_one

    check()
    # a ceiling rate above its plan in points, a flow in % of plan, nothing without a plan
    assert progress.plan_texts(
        [0.86, 4339.0, 5.0],
        [0.68, 9024.5, None],
        ["pct", "ty_dong", "pct"],
        ["lower", "higher", "higher"],
    ) == ["cao hơn 0,18 điểm phần trăm", "48,08%", ""]
