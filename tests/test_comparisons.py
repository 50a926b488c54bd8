"""One reading of a figure against its plan everywhere: attainment in the indicator's direction
(colours of the heatmap), and the plan term a year belongs to."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import progress, terms
from reports import charts


@pytest.mark.parametrize(
    "value, target, direction, expected",
    [
        (120.0, 100.0, "higher", 120.0),
        (80.0, 100.0, "higher", 80.0),
        (1.8, 1.0, "lower", 100 / 1.8),  # a poverty rate at 180 % of its plan: a miss
        (0.5, 1.0, "lower", 200.0),  # half the allowed rate: well ahead
        (0.0, 1.0, "lower", 200.0),
        (None, 1.0, "lower", None),
        (5.0, None, "higher", None),
        (5.0, 0.0, "higher", None),
    ],
)
def test_attainment_reads_the_direction(value, target, direction, expected):
    got = progress.attainment_pct(value, target, direction)
    assert got == pytest.approx(expected) if expected is not None else got is None


def test_heatmap_colours_a_lower_is_better_miss_as_a_miss():
    frame = pd.DataFrame(
        {
            "unit_id": [1, 2],
            "unit_name": ["Phường A", "Phường B"],
            "short_name": ["Tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo"],
            "value": [1.8, 0.9],
            "target": [1.0, 1.0],
            "direction": ["lower", "lower"],
            "pct_of_target": [180.0, 90.0],
            "status": ["not_met", "met"],
        }
    )
    spec = charts.heatmap(frame, "pct").to_dict()
    rows = next(iter(spec["datasets"].values()))
    by_unit = {r["unit_name"]: r for r in rows}
    assert by_unit["Phường A"]["attainment_pct"] < 100 < by_unit["Phường B"]["attainment_pct"]
    layers = spec.get("layer") or [spec]
    fields = {
        layer["encoding"]["color"].get("field")
        for layer in layers
        if "color" in layer.get("encoding", {})
    }
    assert "attainment_pct" in fields
    assert by_unit["Phường A"]["pct_text"] == "180,0"  # the figure shown is still % of plan


@pytest.mark.parametrize(
    "year, code",
    [(2020, "2020_2025"), (2024, "2020_2025"), (2025, "2020_2025"), (2026, "2025_2030")],
)
def test_a_year_belongs_to_the_term_it_ends(year, code):
    assert terms.term_for(year).code == code


def _row(value, previous, measure):
    return pd.Series(
        {
            "unit_id": 1,
            "indicator_code": "x",
            "name": "Chỉ tiêu thử",
            "value": value,
            "same_period_value": previous,
            "same_period_change_pct": value / previous * 100 - 100,
            "measure": measure,
            "measure_name": "%" if measure == "pct" else "Tỷ đồng",
            "kind": "actual",
            "target": None,
            "pct_of_target": None,
            "target_source": "",
            "target_source_label": "",
            "status": "no_target",
            "status_label": "Chưa có kế hoạch",
            "direction": "higher",
        }
    )


@pytest.mark.parametrize(
    "value, previous, measure, said",
    [
        (80.2, 78.5, "pct", "tăng 1,7 điểm phần trăm"),  # a rate: points, not +2,17 %
        (0.86, 0.95, "pct", "giảm 0,09 điểm phần trăm"),
        (4339.0, 4071.9, "ty_dong", "tăng 6,56%"),
        (50.0, 50.0, "nguoi", "không đổi"),
    ],
)
def test_cards_sentences_and_tables_say_the_same_change(value, previous, measure, said):
    from reports import kpi, narrative

    row = _row(value, previous, measure)
    card = kpi.card(row)
    assert card.lines[-1].text == f"So cùng kỳ: {said}"
    assert narrative._change_phrase(row) == f"so với cùng kỳ {said}"
    change, points = progress.change_on_same_period(value, previous, measure)
    assert progress.change_text(change, points) == said  # the slide table and ward table's rule


def test_value_axes_keep_the_decimals_of_small_rates():
    frame = pd.DataFrame(
        {
            "unit_id": [1, 2],
            "unit_name": ["Phường A", "Phường B"],
            "value": [0.4, 1.2],
            "target": [0.6, 0.9],
            "same_period_value": [0.5, 1.0],
            "pct_of_target": [66.7, 133.3],
            "status": ["met", "not_met"],
            "kind": ["actual", "actual"],
            "revisions": ["", ""],
        }
    )
    for chart in (
        charts.actual_vs_target_by_unit(frame, "%"),
        charts.bullet_by_unit(frame.assign(rank=[1, 2], rank_change=[0, 0]), "%"),
    ):
        formats = [
            enc.get("axis", {}).get("format")
            for layer in chart.to_dict().get("layer", [chart.to_dict()])
            for enc in layer.get("encoding", {}).values()
            if isinstance(enc, dict)
        ]
        assert ",.0f" not in formats and ",.2~f" in formats


def test_a_mark_means_one_thing_on_every_by_unit_chart():
    """Tổng quan and Chỉ tiêu: the plan is the grey band, the same period the black tick."""
    frame = pd.DataFrame(
        {
            "unit_id": [1],
            "unit_name": ["Phường A"],
            "value": [50.0],
            "target": [100.0],
            "same_period_value": [45.0],
            "pct_of_target": [50.0],
            "status": ["on_track"],
        }
    )
    for chart in (
        charts.actual_vs_target_by_unit(frame, "tỷ đồng"),
        charts.bullet_by_unit(frame, "tỷ đồng"),
    ):
        layers = chart.to_dict()["layer"]
        marks = {
            (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]): layer[
                "encoding"
            ]["x"]["field"]
            for layer in layers
        }
        assert marks["tick"] == "same_period_value"
        assert "target" in [layer["encoding"]["x"]["field"] for layer in layers]


def test_by_unit_tooltips_never_say_null():
    frame = pd.DataFrame(
        {
            "unit_id": [1, 2],
            "unit_name": ["Phường A", "Phường B"],
            "value": [50.0, 20.0],
            "target": [100.0, None],
            "same_period_value": [None, 18.0],
            "pct_of_target": [50.0, None],
            "status": ["on_track", "no_target"],
        }
    )
    spec = charts.bullet_by_unit(frame, "tỷ đồng").to_dict()
    rows = next(iter(spec["datasets"].values()))
    fields = {t["field"] for layer in spec["layer"] for t in layer["encoding"].get("tooltip", [])}
    for row in rows:
        for field in fields:
            assert row.get(field) is not None, (field, row)


def test_long_names_wrap_and_many_wards_keep_the_colour_legend():
    names = [f"Phường {i:02d}" for i in range(27)]
    long = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng xã hội"
    frame = pd.DataFrame(
        {
            "unit_id": range(27),
            "unit_name": names,
            "short_name": [long] * 27,
            "name": [long] * 27,
            "value": [50.0] * 27,
            "target": [100.0] * 27,
            "direction": ["higher"] * 27,
            "pct_of_target": [50.0] * 27,
            "status": ["behind"] * 27,
        }
    )
    spec = charts.heatmap(frame, "pct").to_dict()
    axis = spec["layer"][0]["encoding"]["y"]["axis"]
    assert "split(datum.label" in axis["labelExpr"] and axis["labelLimit"] == 0
    rows = next(iter(spec["datasets"].values()))
    assert all("|" in r["row_label"] and "…" not in r["row_label"] for r in rows)
    assert len(spec["layer"]) == 1  # 27 wards: no numbers squeezed into the cells
    assert spec["layer"][0]["encoding"]["color"]["field"] == "attainment_pct"  # legend kept
    few = charts.heatmap(frame[frame.unit_id < 10], "pct").to_dict()
    assert len(few["layer"]) == 2  # ten wards: the numbers fit


@pytest.mark.parametrize(
    "measure, direction, value, target, said",
    [
        ("ty_dong", "higher", 4339.0, 9025.0, "48,08%"),
        ("pct", "higher", 92.77, 96.4, "96,23%"),  # a rate to raise: % of plan still reads right
        ("pct", "lower", 0.86, 0.68, "cao hơn 0,18 điểm phần trăm"),  # a ceiling: points
        ("pct", "lower", 0.5, 0.68, "thấp hơn 0,18 điểm phần trăm"),
        ("vu", "lower", 15.0, 31.0, "48,39%"),  # a count to cut: % of the allowed number
        ("nguoi", "higher", 684.0, 849.0, "80,57%"),
    ],
)
def test_cards_sentences_and_tables_read_a_plan_alike(measure, direction, value, target, said):
    from reports import kpi, narrative, slides

    row = _row(value, value, measure)
    row["direction"], row["target"] = direction, target
    row["pct_of_target"] = progress.pct_of_target(value, target)
    figure, in_points = progress.against_plan(value, target, measure, direction)
    assert progress.plan_text(figure, in_points) == said
    card_text = " ".join(line.text for line in kpi.card(row).lines)
    sentence = narrative.sentence(row, month_to=9)
    table = slides._plan_texts(pd.DataFrame([row]))
    assert said in card_text and said in sentence and table == [said]
    if in_points:
        assert "% kế hoạch" not in card_text + sentence


def test_heatmap_colours_a_half_year_at_half_the_plan_as_on_pace():
    """After 6 months a flow at 50 % of its year plan is where it should be (the colour's middle);
    a level (no expected share) is coloured by attainment as it stands."""
    frame = pd.DataFrame(
        {
            "unit_id": [1, 2, 3],
            "unit_name": ["Phường A", "Phường B", "Phường C"],
            "short_name": ["Thu ngân sách", "Thu ngân sách", "Tỷ lệ hộ nghèo"],
            "value": [50.0, 30.0, 1.8],
            "target": [100.0, 100.0, 1.0],
            "direction": ["higher", "higher", "lower"],
            "measure": ["ty_dong", "ty_dong", "pct"],
            "pct_of_target": [50.0, 30.0, 180.0],
            "expected_pct": [50.0, 50.0, float("nan")],
            "status": ["on_track", "behind", "not_met"],
        }
    )
    rows = next(iter(charts.heatmap(frame, "pct").to_dict()["datasets"].values()))
    by_unit = {r["unit_name"]: r for r in rows}
    assert by_unit["Phường A"]["attainment_pct"] == pytest.approx(100.0)
    assert by_unit["Phường B"]["attainment_pct"] == pytest.approx(60.0)  # behind pace: a miss
    assert by_unit["Phường C"]["attainment_pct"] == pytest.approx(100 / 1.8)
    assert by_unit["Phường A"]["pace_text"] == "~50% kế hoạch"
    assert by_unit["Phường C"]["plan_text"] == "cao hơn 0,8 điểm phần trăm"
    assert by_unit["Phường A"]["pct_text"] == "50,0"  # the figure shown is still % of plan


def test_a_slide_bar_of_a_ceiling_rate_is_the_ceiling_kept_and_says_the_gap_in_points():
    frame = pd.DataFrame(
        {
            "name": ["Tỷ lệ hộ nghèo", "Thu ngân sách"],
            "value": [1.65, 40.0],
            "target": [1.45, 100.0],
            "measure": ["pct", "ty_dong"],
            "direction": ["lower", "higher"],
            "pct_of_target": [113.79, 40.0],
            "expected_pct": [float("nan"), 50.0],
            "status": ["behind", "behind"],
        }
    )
    spec = charts.progress_bars(frame, big=True).to_dict()
    rows = {r["label"]: r for r in next(iter(spec["datasets"].values()))}
    assert rows["Tỷ lệ hộ nghèo"]["bar"] == pytest.approx(1.45 / 1.65 * 100)  # short of 100
    assert rows["Tỷ lệ hộ nghèo"]["pct_text"] == "+0,2 điểm"  # above its ceiling
    assert rows["Thu ngân sách"]["bar"] == 40.0


def test_a_long_by_unit_chart_is_cut_into_parts_in_its_order_on_one_scale():
    """A province's 45 communes printed or on slides: parts of 20 keep the chart's best-first order
    (a lower-is-better rate: the lowest first) and draw on the whole chart's x range."""
    n = 45
    frame = pd.DataFrame(
        {
            "unit_id": range(n),
            "unit_name": [f"Xã {i:02d}" for i in range(n)],
            "value": [float((i * 37) % 50 + 1) for i in range(n)],
            "target": [25.0] * n,
            "same_period_value": [-5.0] + [10.0] * (n - 1),
            "direction": ["lower"] * n,
            "pct_of_target": [float((i * 37) % 50) * 4 for i in range(n)],
            "status": ["on_track"] * n,
        }
    )
    parts = charts.by_unit_parts(frame, 20)
    assert [len(p) for p in parts] == [20, 20, 5]
    whole = pd.concat(parts)
    assert sorted(whole.unit_id) == list(range(n))  # every unit, once
    assert whole.value.is_monotonic_increasing  # lower is better: the lowest value first
    domain = charts.value_domain(frame)
    assert domain == (-5.0, 50.0)
    spec = charts.bullet_by_unit(parts[2], "%", domain=domain).to_dict()
    scales = [layer["encoding"]["x"].get("scale", {}).get("domain") for layer in spec["layer"]]
    assert [-5.0, 50.0] in scales
    order = spec["layer"][0]["encoding"]["y"]["sort"]
    assert order == parts[2].unit_name.tolist()
