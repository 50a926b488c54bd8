"""Altair chart builders with Vietnamese labels and number formats. Return charts; never render.

Numbers use a vi-VN format locale (decimal ",", thousands "."), set in each chart's config, so
axis labels and tooltips read 1.234,5 both in the browser and in exported images.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from indicators import progress
from vn import numbers as fmt

VI_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "time": {
        "dateTime": "%A, %e %B %Y, %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["SA", "CH"],
        "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
        "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
        "months": [f"Tháng {i}" for i in range(1, 13)],
        "shortMonths": [f"Th{i}" for i in range(1, 13)],
    },
}
FONT = "Source Sans Pro, DejaVu Sans, Liberation Sans, Arial, sans-serif"


# Labels take at most ~40 % of the chart's width (a phone keeps room for the bars; a projector's
# 1280 px keeps whole names) and the slide's 16 px letters shrink on a phone.
FIT_LABELS = "clamp(containerSize()[0] * 0.4, 90, 420)"
FIT_LABELS_SMALL = "clamp(containerSize()[0] * 0.4, 90, 260)"
FIT_FONT = "containerSize()[0] < 640 ? 12 : 16"
FIT_LEGEND_COLUMNS = "containerSize()[0] < 640 ? 2 : 8"  # a phone wraps the legend in two columns


SLIDE_INK = "#111"


def _finish(
    chart: alt.Chart | alt.LayerChart | alt.FacetChart,
    title: str | None = None,
    height: int | alt.Step = 320,
    big: bool = False,
):
    size = 1.6 if big else 1.0
    # a projector washes out Vega's grey labels: slides write them near-black on white
    ink = {"labelColor": SLIDE_INK, "titleColor": SLIDE_INK} if big else {}
    chart = chart.properties(height=height, width="container")
    if title:
        chart = chart.properties(
            title=alt.TitleParams(title, anchor="start", fontSize=int(16 * size))
        )
    return (
        chart.configure(locale=VI_LOCALE, font=FONT)
        # slide rows are 22 px (SLIDE_ROW): labels of 16 px fit them without being dropped
        .configure_axis(
            labelFontSize=alt.ExprRef(FIT_FONT) if big else 12,
            titleFontSize=int(13 * size),
            labelLimit=alt.ExprRef(FIT_LABELS if big else FIT_LABELS_SMALL),
            **ink,
            **({"domainColor": SLIDE_INK, "tickColor": SLIDE_INK} if big else {}),
        )
        .configure_legend(
            labelFontSize=alt.ExprRef(f"containerSize()[0] < 640 ? 12 : {int(12 * size)}"),
            titleFontSize=alt.ExprRef(f"containerSize()[0] < 640 ? 12 : {int(12 * size)}"),
            orient="bottom",
            labelLimit=0,
            columns=alt.ExprRef(FIT_LEGEND_COLUMNS),
            **ink,
        )
    )


SLIDE_ROW = (
    21  # px per row on a slide: 12 wards (a slide's most) + axis + legend fit 720 with the rest
)


def _rows_height(step: int, big: bool) -> alt.Step:
    """A row per unit or indicator: thinner rows on a slide than their large font would take, so
    a slide of up to 12 rows fits a 1280×720 projector with its title, sentence and buttons."""
    return alt.Step(SLIDE_ROW if big else step)


LINE_BREAK = "|"  # in an axis label: where it wraps (see wrapped_axis)


def wrap_label(text: str, width: int = 34) -> str:
    """A long name broken into lines of about `width` characters, for `wrapped_axis`: shown whole
    on two or three lines instead of cut ("13. Tổ chức sản xuất và phát triển kinh t…")."""
    import textwrap

    return LINE_BREAK.join(textwrap.wrap(str(text), width)) or str(text)


def wrapped_axis(**kw) -> alt.Axis:
    return alt.Axis(labelExpr=f"split(datum.label, '{LINE_BREAK}')", labelLimit=0, **kw)


def _pct_text(values: pd.Series, decimals: int = 2, sign: str = "%") -> pd.Series:
    """48.0802 → '48,08%' for labels and tooltips (missing → '—'); the same digits on every chart."""
    texts = fmt.numbers(values, decimals, min_decimals=decimals)
    return pd.Series([t if t == "—" else t + sign for t in texts], index=values.index)


# A bar far past the plan (a tiny plan, a value in the wrong measure) would squash every other bar:
# the axis stops here, the bar is clipped and its label still says the real figure.
PCT_AXIS_MAX = 300.0


def _pct_axis_top(values: pd.Series) -> float:
    finite = pd.to_numeric(values, errors="coerce").replace([np.inf, -np.inf], np.nan).dropna()
    top = float(finite.max()) * 1.12 if not finite.empty else 0.0
    return min(max(110.0, top), PCT_AXIS_MAX)


def _by_unit(frame: pd.DataFrame) -> tuple[pd.DataFrame, alt.Y]:
    """A per-unit frame with status labels and % text, and its y encoding sorted best first."""
    data = frame.copy()
    data["status_label"] = data["status"].map(progress.status_label)
    data["pct_text"] = _pct_text(data["pct_of_target"])
    for column in ("value", "target", "same_period_value"):  # tooltips say "—", never "null"
        data[f"{column}_text"] = (
            data[column].map(lambda v: "—" if fmt.is_missing(v) else fmt.number(v))
            if column in data
            else "—"
        )
    order = best_first(data)["unit_name"].tolist()
    return data, alt.Y("unit_name:N", sort=order, title=None)


def best_first(frame: pd.DataFrame) -> pd.DataFrame:
    """The units in the by-unit charts' order: best first, each in its indicator's direction."""
    if {"value", "target", "direction"} <= set(frame):
        rank = [
            progress.attainment_pct(v, t, d)
            for v, t, d in zip(frame["value"], frame["target"], frame["direction"])
        ]
    else:
        rank = frame["pct_of_target"].tolist()
    key = pd.to_numeric(pd.Series(rank, index=frame.index), errors="coerce")
    return frame.loc[key.sort_values(ascending=False, na_position="last", kind="stable").index]


def by_unit_parts(frame: pd.DataFrame, per_part: int) -> list[pd.DataFrame]:
    """A by-unit chart's rows cut into charts of `per_part` units, in the chart's order (a slide or
    a printed page holds one part; `value_domain` gives them one scale)."""
    ordered = best_first(frame)
    return [ordered.iloc[i : i + per_part] for i in range(0, len(ordered), per_part)]


def value_domain(frame: pd.DataFrame) -> tuple[float, float]:
    """The x range a bullet chart of all these units draws: the parts of one chart keep it."""
    columns = [c for c in ("value", "target", "same_period_value") if c in frame]
    values = pd.to_numeric(frame[columns].stack(), errors="coerce").dropna()
    if values.empty:
        return (0.0, 1.0)
    return (min(0.0, float(values.min())), max(0.0, float(values.max())))


def status_scale(statuses: list[str] | None = None) -> alt.Scale:
    table = progress.status_table()["status"]
    codes = statuses or list(table)
    return alt.Scale(
        domain=[table[c]["label"] for c in codes], range=[table[c]["color"] for c in codes]
    )


def actual_vs_target_by_unit(
    frame: pd.DataFrame,
    measure_name: str,
    title: str | None = None,
    big: bool = False,
    domain: tuple[float, float] | None = None,
):
    """The units' values against plan, drawn as `bullet_by_unit` draws them, so a mark means one
    thing on every page: grey band = the year's plan, coloured bar = the period's value by status,
    black tick = the same period last year."""
    data = frame.copy()
    if "same_period_value" not in data:
        data["same_period_value"] = None
    return bullet_by_unit(data, measure_name, title, big=big, domain=domain)


def yearly_trend(
    frame: pd.DataFrame, measure_name: str, title: str | None = None, big: bool = False
):
    """Yearly values (line) with yearly targets (dashed). `frame` columns: year, series ('Thực hiện' |
    'Kế hoạch'), value."""
    data = frame.copy()
    data["year_label"] = data["year"].astype(str)
    chart = (
        alt.Chart(data)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=alt.X("year_label:O", title="Năm"),
            y=alt.Y(
                "value:Q",
                title=measure_name,
                axis=alt.Axis(format=",.2~f"),  # a rate of 0,5 % keeps its decimals
                scale=alt.Scale(zero=False),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=["Thực hiện", "Kế hoạch"], range=["#0072B2", "#E69F00"]),
            ),
            strokeDash=alt.StrokeDash(
                "series:N",
                legend=None,
                scale=alt.Scale(domain=["Thực hiện", "Kế hoạch"], range=[[1, 0], [6, 4]]),
            ),
            tooltip=[
                alt.Tooltip("year_label:O", title="Năm"),
                alt.Tooltip("series:N", title="Loại"),
                alt.Tooltip("value:Q", title=measure_name, format=",.2~f"),
            ],
        )
    )
    return _finish(chart, title, big=big)


def bullet_by_unit(
    frame: pd.DataFrame,
    measure_name: str,
    title: str | None = None,
    big: bool = False,
    domain: tuple[float, float] | None = None,
):
    """Bullet chart per unit: the year's target as a grey band, the period's value as a bar coloured
    by status, the same period last year as a black tick. `frame` columns: unit_name, value, target,
    same_period_value, pct_of_target, status, revisions (text, optional). `domain`: the x range,
    when this chart is one part of a longer one (`by_unit_parts`)."""
    data, y = _by_unit(frame)
    if "revisions" not in data:
        data["revisions"] = ""
    # only the columns drawn (a scorecard row has ~55: the spec would carry them all, thrice)
    drawn = ["unit_name", "value", "target", "same_period_value", "status", "status_label"]
    drawn += ["revisions"]
    drawn += ["value_text", "target_text", "same_period_value_text", "pct_text"]
    data = data[[c for c in drawn if c in data]]
    tooltip = [
        alt.Tooltip("unit_name:N", title="Đơn vị"),
        alt.Tooltip("value_text:N", title=f"Thực hiện ({measure_name})"),
        alt.Tooltip("target_text:N", title=f"Kế hoạch năm ({measure_name})"),
        alt.Tooltip("same_period_value_text:N", title="Cùng kỳ năm trước"),
        alt.Tooltip("pct_text:N", title="So kế hoạch"),
        alt.Tooltip("status_label:N", title="Tình trạng"),
        alt.Tooltip("revisions:N", title="Các lần báo cáo"),
    ]
    band = (
        alt.Chart(data)
        .mark_bar(color="#e6e6e6", height={"band": 0.85})
        .encode(x="target:Q", y=y, tooltip=tooltip)
    )
    statuses = [c for c in progress.status_table()["status"] if c in set(data["status"])]
    bar = (
        alt.Chart(data)
        .mark_bar(height={"band": 0.4})
        .encode(
            x=alt.X(
                "value:Q",
                title=f"Thực hiện, kế hoạch năm (nền xám) và cùng kỳ (vạch đen) — {measure_name}",
                axis=alt.Axis(format=",.2~f"),  # a rate of 0,5 % keeps its decimals
                scale=alt.Scale(domain=list(domain)) if domain else alt.Undefined,
            ),
            y=y,
            color=alt.Color("status_label:N", title="Tình trạng", scale=status_scale(statuses)),
            tooltip=tooltip,
        )
    )
    tick = (
        alt.Chart(data)
        .mark_tick(color="#111", thickness=2.5, size=22)
        .encode(x="same_period_value:Q", y=y, tooltip=tooltip)
    )
    return _finish(alt.layer(band, bar, tick), title, height=_rows_height(28, big), big=big)


DERIVED_SERIES = "Tính theo địa giới hiện nay"


def _split_derived(values: pd.DataFrame, label: str) -> list[pd.DataFrame]:
    """Reported years as `label`; rebuilt years as their own series, joined to the first reported
    year so the line runs on."""
    if "derived_from" not in values or values["derived_from"].isna().all():
        return [values.assign(series=label)]
    rebuilt = values["derived_from"].notna()
    own = values[~rebuilt].assign(series=label)
    derived = values[rebuilt].assign(series=DERIVED_SERIES)
    if not own.empty and not derived.empty:
        first = own[own.year == own.year.min()].assign(series=DERIVED_SERIES)
        if first.year.iloc[0] > derived.year.max():
            derived = pd.concat([derived, first.assign(derived_from="số liệu báo cáo")])
    return [own, derived]


def trend_with_targets(
    values: pd.DataFrame,
    targets: pd.DataFrame,
    path: pd.DataFrame | None,
    measure_name: str,
    term_target: tuple[int, float] | None = None,
    title: str | None = None,
    big: bool = False,
):
    """Yearly values (solid), yearly targets (dashed orange), the path needed to reach the term target
    (dotted green) and the term target itself (diamond). Years rebuilt on today's boundaries
    (`derived_from` set) are a thin dashed blue line with hollow points, the tooltip saying from
    what."""
    parts = [*_split_derived(values, "Thực hiện"), targets.assign(series="Kế hoạch năm")]
    if path is not None and not path.empty:
        parts.append(path.assign(series="Lộ trình cần đạt mục tiêu nhiệm kỳ"))
    data = pd.concat(
        [p.reindex(columns=["year", "value", "series", "derived_from"]) for p in parts],
        ignore_index=True,
    )
    data["year_label"] = data["year"].astype(int).astype(str)
    data["derived_from"] = (
        data["derived_from"].astype(object).where(data["derived_from"].notna(), "số liệu báo cáo")
    )
    domain = ["Thực hiện", "Kế hoạch năm", "Lộ trình cần đạt mục tiêu nhiệm kỳ", DERIVED_SERIES]
    lines = (
        alt.Chart(data)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=alt.X("year_label:O", title="Năm"),
            y=alt.Y(
                "value:Q",
                title=measure_name,
                axis=alt.Axis(format=",.2~f"),
                scale=alt.Scale(zero=False),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=["#0072B2", "#E69F00", "#009E73", "#56B4E9"]),
            ),
            # the same legend as the colour (a null one here drops the merged legend altogether)
            strokeDash=alt.StrokeDash(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[[1, 0], [6, 4], [2, 3], [3, 3]]),
            ),
            tooltip=[
                alt.Tooltip("year_label:O", title="Năm"),
                alt.Tooltip("series:N", title="Loại"),
                alt.Tooltip("value:Q", title=measure_name, format=",.2~f"),
                alt.Tooltip("derived_from:N", title="Nguồn"),
            ],
        )
    )
    layers = [lines]
    if term_target is not None:
        goal = pd.DataFrame(
            {
                "year_label": [str(term_target[0])],
                "value": [term_target[1]],
                "label": ["Mục tiêu nhiệm kỳ"],
            }
        )
        layers.append(
            alt.Chart(goal)
            .mark_point(shape="diamond", size=220, color="#009E73", filled=True)
            .encode(
                x="year_label:O",
                y="value:Q",
                tooltip=[
                    alt.Tooltip("label:N", title=" "),
                    alt.Tooltip("value:Q", title=measure_name, format=",.2~f"),
                ],
            )
        )
    return _finish(alt.layer(*layers), title, big=big)


HEATMAP_NUMBERS_UP_TO = 15  # wards: more columns than this and the cells are too narrow for "105,3"


def heatmap(
    frame: pd.DataFrame, color_by: str = "pct", title: str | None = None, big: bool = False
):
    """Wards × indicators. `frame` columns: unit_id, unit_name, short_name (indicator label),
    pct_of_target, status. Colour by % of plan (diverging around 100) or by status. Cells are
    selectable (point selection on unit_id) so a click can open the ward's scorecard."""
    data = frame.copy()
    data["status_label"] = data["status"].map(progress.status_label)
    data["pct_text"] = _pct_text(data["pct_of_target"], decimals=1, sign="")
    data["plan_text"] = (
        [
            t or "—"
            for t in progress.plan_texts(
                data["value"], data["target"], data["measure"], data["direction"]
            )
        ]
        if {"value", "target", "measure", "direction"} <= set(data)
        else data["pct_text"].map(lambda t: f"{t}%" if t else "—")
    )
    labels = {t: wrap_label(t, 34) for t in data["short_name"].unique()}  # ~50 names, 13k cells
    data["row_label"] = data["short_name"].map(labels)
    data["unit_label"] = (
        data["unit_name"]
        .str.replace(r"^Phường ", "P. ", regex=True)
        .str.replace(r"^Xã ", "X. ", regex=True)
    )
    pick = alt.selection_point(name="ward", fields=["unit_id"], on="click")
    if color_by == "status":
        statuses = [c for c in progress.status_table()["status"] if c in set(data["status"])]
        color = alt.Color("status_label:N", title="Tình trạng", scale=status_scale(statuses))
    else:  # by attainment in the indicator's direction: a poverty rate above its plan is a miss
        if "attainment_pct" not in data and not {"value", "target", "direction"} <= set(data):
            data["attainment_pct"] = data["pct_of_target"]  # no direction given: higher is better
        elif "attainment_pct" not in data:
            data["attainment_pct"] = [
                progress.attainment_pct(v, t, d)
                for v, t, d in zip(data["value"], data["target"], data["direction"])
            ]
        data["attainment_pct"] = pd.to_numeric(data["attainment_pct"], errors="coerce")
        if (
            "expected_pct" in data
        ):  # mid-year: 50 % of the plan after 6 months is on pace, not a miss
            expected = pd.to_numeric(data["expected_pct"], errors="coerce")
            paced = expected.notna() & (expected > 0) & (expected < 100)
            data.loc[paced, "attainment_pct"] = (
                data.loc[paced, "attainment_pct"] / expected[paced] * 100.0
            )
            data["pace_text"] = [
                f"~{e}% kế hoạch" if p else "cả kế hoạch"
                for e, p in zip(fmt.numbers(expected, 0), paced)
            ]
        else:
            data["pace_text"] = "cả kế hoạch"
        color = alt.Color(
            "attainment_pct:Q",
            title=["Mức đạt so với", "tiến độ cần đạt (%)"],
            scale=alt.Scale(
                scheme="blueorange", reverse=True, domainMid=100, clamp=True, domain=[0, 200]
            ),
        )
    # only the columns drawn: a province's heatmap is ~13,000 cells, and a scorecard row's ~55
    # columns made a 27 MB spec that took 1,4 s to build and longer for the browser to read
    drawn = ["unit_id", "unit_label", "unit_name", "row_label", "name", "plan_text", "pace_text"]
    drawn += ["status_label", "pct_text", "attainment_pct"]
    data = data[[c for c in drawn if c in data]]
    base = alt.Chart(data).encode(
        x=alt.X(
            "unit_label:N",
            title=None,
            axis=alt.Axis(labelAngle=-45, labelLimit=160, orient="top", labelOverlap=False),
        ),
        y=alt.Y("row_label:N", title=None, sort=None, axis=wrapped_axis(labelOverlap=False)),
    )
    rect = (
        base.mark_rect(stroke="white", strokeWidth=1.5)
        .encode(
            color=color,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
            tooltip=[
                alt.Tooltip("unit_name:N", title="Đơn vị"),
                alt.Tooltip("name:N", title="Chỉ tiêu"),
                alt.Tooltip("plan_text:N", title="So kế hoạch"),
                *(
                    [alt.Tooltip("pace_text:N", title="Tiến độ cần đạt")]
                    if color_by != "status"
                    else []
                ),
                alt.Tooltip("status_label:N", title="Tình trạng"),
            ],
        )
        .add_params(pick)
    )
    layers = [rect]
    if (
        data["unit_name"].nunique() <= HEATMAP_NUMBERS_UP_TO
    ):  # numbers fit their cells up to ~15 columns; beyond, the colour and its legend say it
        layers.append(
            base.mark_text(fontSize=11).encode(text="pct_text:N", color=alt.value("#111"))
        )
    # a column per ward keeps its width (30 px) however narrow the screen: a phone scrolls the
    # chart sideways instead of squeezing 27 wards into a few pixels each
    return _finish(
        alt.layer(*layers), title, height=alt.Step(34 if not big else 44), big=big
    ).properties(width=alt.Step(30 if not big else 40))


def progress_bars(frame: pd.DataFrame, title: str | None = None, big: bool = False):
    """% of plan per indicator (bars coloured by status), the pace expected by now (black tick) and
    the 100% line; a ceiling rate's bar is the ceiling kept (plan ÷ value), labelled with its gap
    in points. `frame` columns: name, pct_of_target, expected_pct, status (value, target, measure,
    direction for the ceilings)."""
    data = frame[frame["pct_of_target"].notna()].copy()
    data["label"] = data["name"].str.replace(r"\s*\([^)]*\)\s*$", "", regex=True)
    data["status_label"] = data["status"].map(progress.status_label)
    data["pct_text"] = _pct_text(data["pct_of_target"])
    data["bar"] = data["pct_of_target"]
    if {"value", "target", "measure", "direction"} <= set(data):
        # a ceiling rate (poverty): the bar is how far the ceiling is kept, its label the gap in
        # points, as the sentences say it — a poverty rate 14 % above its ceiling is no long bar
        for i, row in data.iterrows():
            gap, in_points = progress.against_plan(
                row["value"], row["target"], row["measure"], row["direction"]
            )
            if in_points and gap is not None:
                data.at[i, "bar"] = progress.attainment_pct(row["value"], row["target"], "lower")
                data.at[i, "pct_text"] = fmt.signed_percent(gap, 2)[:-1] + " điểm"  # "+0,2 điểm"
    data["pace_text"] = [
        f"~{fmt.number(e, 0)}% kế hoạch" if pd.notna(e) and e < 100 else "cả kế hoạch"
        for e in pd.to_numeric(data["expected_pct"], errors="coerce")
    ]
    statuses = [c for c in progress.status_table()["status"] if c in set(data["status"])]
    y = alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=alt.ExprRef(FIT_LABELS)))
    tooltip = [
        alt.Tooltip("label:N", title="Chỉ tiêu"),
        alt.Tooltip("pct_text:N", title="So kế hoạch"),
        alt.Tooltip("pace_text:N", title="Tiến độ cần đạt"),
        alt.Tooltip("status_label:N", title="Tình trạng"),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar(height={"band": 0.6}, clip=True)
        .encode(
            x=alt.X(
                "bar:Q",
                title="% kế hoạch năm",
                scale=alt.Scale(domain=[0, _pct_axis_top(data["bar"])]),
                axis=alt.Axis(format=",.0f", tickCount=8),
            ),
            y=y,
            color=alt.Color("status_label:N", title="Tình trạng", scale=status_scale(statuses)),
            tooltip=tooltip,
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=6, fontSize=18 if big else 12)
        .encode(x="bar:Q", y=y, text="pct_text:N")
    )
    pace_ticks = (
        alt.Chart(data[data["expected_pct"].notna()])
        .mark_tick(color="#111", thickness=3, size=34 if big else 22)
        .encode(x="expected_pct:Q", y=y, tooltip=tooltip)
    )
    full = (
        alt.Chart(pd.DataFrame({"x": [100]}))
        .mark_rule(color="#555", strokeDash=[4, 4])
        .encode(x="x:Q")
    )
    return _finish(
        alt.layer(bars, text, pace_ticks, full), title, height=_rows_height(30, big), big=big
    )
