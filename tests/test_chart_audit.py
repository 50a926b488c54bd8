"""Every chart every page draws, as the pages draw it on the demo store (AppTest, an administrator,
the city at 6 tháng 2025 and the pages' own defaults): a colour that carries meaning has its legend,
no tooltip field is empty in the rows its mark draws (a tooltip would say "null"), and a % axis
keeps its decimals. The charts are caught on their way to Streamlit, so a new chart is audited too."""

from __future__ import annotations

import json

import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tests.test_pages import PAGES, run_page

CITY = {"unit": "2", "year": "2025", "period": "1-6"}


def _layers(spec: dict, inherited: dict | None = None):
    """(layer, its data name, its inherited encoding) for each drawn mark, nested layers flattened."""
    data = (spec.get("data") or {}).get("name") or (inherited or {}).get("data")
    encoding = {**((inherited or {}).get("encoding") or {}), **spec.get("encoding", {})}
    if "layer" in spec:
        for child in spec["layer"]:
            yield from _layers(child, {"data": data, "encoding": encoding})
    else:
        yield spec, data, encoding


def _problems(spec: dict) -> list[str]:
    found = []
    datasets = spec.get("datasets", {})
    for layer, data, encoding in _layers(spec):
        color = encoding.get("color") or {}
        if color.get("field") and color.get("legend", {}) is None:
            found.append(f"colour by {color['field']} without a legend")
        tips = encoding.get("tooltip") or []
        tips = [tips] if isinstance(tips, dict) else tips
        if layer.get("transform") or data not in datasets:
            continue  # filtered in Vega: the rows drawn are not the dataset's
        for tip in tips:
            field = tip.get("field")
            empty = [r for r in datasets[data] if field and r.get(field) is None]
            if empty:
                found.append(f"tooltip {tip.get('title') or field}: empty in {len(empty)} rows")
        for channel in ("x", "y"):
            axis = (encoding.get(channel) or {}).get("axis") or {}
            field = (encoding.get(channel) or {}).get("field")
            title = str((encoding.get(channel) or {}).get("title") or "")
            values = [r.get(field) for r in datasets.get(data, []) if field]
            values = [v for v in values if isinstance(v, int | float)]
            # whole-number ticks on a span of a few units ("0 0 0 1 1" on a poverty rate)
            narrow = values and max(values) - min(values) < 5 and max(map(abs, values)) < 10
            narrow = narrow and "%" in title  # a rate; counts are whole
            if narrow and axis.get("format") in (",.0f", ".0f", "d"):
                found.append(f"{channel} axis {field!r} rounds a narrow span to whole numbers")
    return found


@pytest.fixture
def drawn(monkeypatch):
    """The specs of the charts the pages send to Streamlit."""
    specs: list[dict] = []
    original = DeltaGenerator.altair_chart

    def record(self, chart, *args, **kwargs):
        specs.append(json.loads(chart.to_json()))
        return original(self, chart, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "altair_chart", record)
    monkeypatch.setattr(st, "altair_chart", lambda *a, **k: record(st._main, *a, **k))
    return specs


@pytest.mark.parametrize("params", [CITY, {}], ids=["city-6-months-2025", "defaults"])
@pytest.mark.parametrize("page", PAGES, ids=[p["path"] for p in PAGES])
def test_every_chart_reads_without_a_legend_missing_or_a_null(page, params, app_env, drawn):
    at = run_page(page["path"], params)
    assert not at.exception, at.exception
    problems = {
        f"{page['path']} chart {i}": p for i, spec in enumerate(drawn) if (p := _problems(spec))
    }
    assert not problems, problems


def test_the_audit_finds_a_null_tooltip_and_a_missing_legend():
    """The audit itself can fail: a chart with the three defects is reported three times."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"x": [0.4, 1.2], "name": ["A", None], "s": ["a", "b"]})
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("x:Q", title="Tỷ lệ hộ nghèo (%)", axis=alt.Axis(format=",.0f")),
            y="s:N",
            color=alt.Color("s:N", legend=None),
            tooltip=[alt.Tooltip("name:N", title="Tên")],
        )
    )
    problems = _problems(json.loads(chart.to_json()))
    assert problems == [
        "colour by s without a legend",
        "tooltip Tên: empty in 1 rows",
        "x axis 'x' rounds a narrow span to whole numbers",
    ]
