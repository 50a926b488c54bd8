"""What a KPI card says (reports.kpi) and that its renderer escapes every text (ui.cards)."""

from __future__ import annotations

import pandas as pd

from reports import kpi
from ui import cards


def _row(**over):
    row = {
        "unit_id": 2,
        "indicator_code": "gtsx_tong",
        "name": "Tổng giá trị sản xuất",
        "measure": "ty_dong",
        "measure_name": "Tỷ đồng",
        "value": 4339.0,
        "kind": "estimate",
        "target": 9024.5,
        "target_source": "",
        "target_source_label": "",
        "pct_of_target": 48.08,
        "same_period_value": 4071.9,  # the card works the change out: +6,56 %
        "status": "on_track",
        "status_label": "Đúng tiến độ",
    }
    row.update(over)
    return pd.Series(row)


def test_card_states_value_plan_change_and_status():
    c = kpi.card(_row())
    assert (c.name, c.value, c.unit, c.kind) == (
        "Tổng giá trị sản xuất",
        "4.339",
        "tỷ đồng",
        "ước thực hiện",
    )
    assert [line.text for line in c.lines] == ["Bằng 48,08% kế hoạch", "So cùng kỳ: tăng 6,56%"]
    assert c.lines[0].bold == "48,08%" and c.status_label == "Đúng tiến độ"


def test_card_with_several_plans_gives_each_its_percent():
    targets = pd.DataFrame(
        {
            "unit_id": [2, 2, 2],
            "indicator_code": ["gtsx_tong"] * 3,
            "target": [4060.0, 3220.0, 0.0],
            "target_source": ["hdnd_giao", "tinh_giao", "phan_dau"],
            "priority": [1, 2, 3],
        }
    )
    lines = [line.text for line in kpi.card(_row(), targets).lines]
    assert lines[0].startswith("Bằng 106,87% ") and "HĐND" in lines[0]
    assert lines[1].startswith("Bằng 134,75% ") and "tỉnh giao" in lines[1]
    assert len(lines) == 3  # a 0 plan gives no line; the change line stays last


def test_card_without_value_plan_or_history():
    c = kpi.card(
        _row(value=None, kind=None, target=None, pct_of_target=None, same_period_value=None)
    )
    assert (c.value, c.kind) == ("—", "chưa có số liệu")
    assert [line.text for line in c.lines] == ["Chưa có kế hoạch", "So cùng kỳ: chưa có số liệu"]
    assert kpi.card(_row(same_period_value=4339.0)).lines[-1].text == "So cùng kỳ: không đổi"
    assert kpi.card(_row(value=96.5, same_period_value=100.0)).lines[-1].text == (
        "So cùng kỳ: giảm 3,5%"
    )


def test_percent_measure_shows_percent_sign_not_measure_name():
    c = kpi.card(_row(measure="pct", measure_name="%", value=92.456))
    assert c.unit == "%" and c.value.startswith("92,")


def test_rendered_card_escapes_text_from_files():
    html_text = cards._card(
        kpi.card(
            _row(
                name="<img src=x onerror=alert(1)>",
                target_source="x",
                target_source_label="<b>y</b>",
            )
        )
    )
    assert "<img" not in html_text and "&lt;img src=x onerror=alert(1)&gt;" in html_text
    assert "&lt;b&gt;y&lt;/b&gt;" in html_text
    assert "<b>48,08%</b>" in html_text  # the card's own emphasis stays


def test_a_lower_is_better_rate_states_its_plan_in_points():
    row = _row(
        name="Tỷ lệ hộ nghèo",
        measure="pct",
        measure_name="%",
        direction="lower",
        value=0.86,
        target=0.68,
        pct_of_target=126.47,
        same_period_value=0.95,
    )
    lines = [line.text for line in kpi.card(row).lines]
    assert lines == [
        "Kế hoạch 0,68% · cao hơn 0,18 điểm phần trăm",
        "So cùng kỳ: giảm 0,09 điểm phần trăm",
    ]


def test_a_pace_status_shows_the_share_it_is_measured_against():
    history = kpi.card(_row(is_flow=True, expected_pct=71.6, pace_basis="history"))
    assert "Tiến độ: cần đạt ~72% kế hoạch (theo các năm trước)" in [
        line.text for line in history.lines
    ]
    linear = kpi.card(_row(is_flow=True, expected_pct=75.0, pace_basis="linear"))
    assert "Tiến độ: cần đạt ~75% kế hoạch (chia đều theo tháng)" in [
        line.text for line in linear.lines
    ]
    level = kpi.card(_row(is_flow=False, expected_pct=None, pace_basis="level"))
    assert not any(line.text.startswith("Tiến độ") for line in level.lines)


def test_cards_of_a_scorecard_are_each_rows_card():
    """kpi.cards groups the plans once: the same cards as one `card` per row."""
    rows = pd.DataFrame(
        [
            _row(),
            _row(indicator_code="thu_ngan_sach", value=120.0, target=200.0, pct_of_target=60.0),
            _row(unit_id=3, value=50.0, target=100.0, pct_of_target=50.0),
            _row(indicator_code="ho_ngheo", value=None, pct_of_target=None),
        ]
    )
    targets = pd.DataFrame(
        {
            "unit_id": [2, 2, 2, 3, 2],
            "indicator_code": ["gtsx_tong", "gtsx_tong", "gtsx_tong", "gtsx_tong", "thu_ngan_sach"],
            "target": [4060.0, 3220.0, 0.0, 100.0, 200.0],
            "target_source": ["hdnd_giao", "tinh_giao", "phan_dau", "hdnd_giao", "hdnd_giao"],
            "priority": [1, 2, 3, 1, 1],
        }
    )
    one_by_one = [kpi.card(r, targets) for _, r in rows.iterrows()]
    assert kpi.cards(rows, targets) == one_by_one
    assert len(one_by_one[0].lines) == 3  # unit 2's two plans: a line each
    assert kpi.cards(rows) == [kpi.card(r) for _, r in rows.iterrows()]


def test_a_value_summed_from_the_communes_says_so_not_that_there_is_none():
    assert kpi.card(_row(kind="aggregate")).kind == "tổng hợp từ các xã, phường"
    assert kpi.card(_row(kind=None)).kind == "chưa có số liệu"
