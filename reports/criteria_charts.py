"""Altair builders for criteria frameworks (NTM, đô thị văn minh, urban class II). Return charts with
Vietnamese labels and vi-VN number formats (reports.charts._finish); never render."""

from __future__ import annotations

import altair as alt
import pandas as pd

from indicators.progress import status_color
from reports.charts import _finish, wrap_label, wrapped_axis
from vn import numbers as fmt

# Colour-blind-safe (Okabe–Ito) colours shared with the progress statuses in data/statuses.toml.
MET, NOT_MET, NO_DATA = "Đạt", "Chưa đạt", "Không có số liệu"
GREEN, RED, GREY, BLUE = (
    status_color("met"),
    status_color("not_met"),
    "#9e9e9e",
    status_color("exceeded"),
)
STATUS_SCALE = alt.Scale(domain=[MET, NOT_MET, NO_DATA], range=[GREEN, "#F0A57C", "#d9d9d9"])


def matrix_long(assessed: pd.DataFrame, names: dict[int, str]) -> pd.DataFrame:
    """Long frame for the heatmap: one row per unit × criterion with its status."""
    rows = []
    for r in assessed.itertuples():
        status = {
            **{n: MET for n in r.met},
            **{n: NOT_MET for n in r.unmet},
            **{n: NO_DATA for n in r.missing},
        }
        for n, name in names.items():
            if n in status:
                rows.append(
                    {
                        "unit_name": r.unit_name,
                        "number": n,
                        "criterion": f"{n}. {name}",
                        "status": status[n],
                        "criteria_met": r.criteria_met,
                        "criteria_total": r.criteria_total,
                    }
                )
    return pd.DataFrame(
        rows,
        columns=["unit_name", "number", "criterion", "status", "criteria_met", "criteria_total"],
    )


def criteria_heatmap(long: pd.DataFrame, title: str | None = None):
    """Units (rows) × criteria (columns), green where met."""
    units = long.drop_duplicates("unit_name").sort_values(
        ["criteria_met", "unit_name"], ascending=[False, True]
    )
    chart = (
        alt.Chart(long)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("number:O", title="Tiêu chí", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("unit_name:N", sort=units.unit_name.tolist(), title=None),
            color=alt.Color("status:N", scale=STATUS_SCALE, title=None),
            tooltip=[
                alt.Tooltip("unit_name:N", title="Đơn vị"),
                alt.Tooltip("criterion:N", title="Tiêu chí"),
                alt.Tooltip("status:N", title="Kết quả"),
            ],
        )
    )
    return _finish(chart, title, height=alt.Step(22))


def criteria_met_bars(assessed: pd.DataFrame, title: str | None = None):
    """Criteria met per unit against the set's total (tick), green when every criterion is met."""
    data = assessed[["unit_name", "criteria_met", "criteria_total"]].copy()
    data["state"] = [
        "Đạt đủ tiêu chí" if m == t else "Chưa đủ"
        for m, t in zip(data.criteria_met, data.criteria_total)
    ]
    data["text"] = [f"{m}/{t}" for m, t in zip(data.criteria_met, data.criteria_total)]
    order = data.sort_values(
        ["criteria_met", "unit_name"], ascending=[False, True]
    ).unit_name.tolist()
    y = alt.Y("unit_name:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("unit_name:N", title="Đơn vị"),
        alt.Tooltip("text:N", title="Số tiêu chí đạt"),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "criteria_met:Q",
                title="Số tiêu chí đạt",
                scale=alt.Scale(domain=[0, int(data.criteria_total.max())]),
            ),
            y=y,
            color=alt.Color(
                "state:N",
                scale=alt.Scale(domain=["Đạt đủ tiêu chí", "Chưa đủ"], range=[GREEN, "#F0A57C"]),
                title=None,
            ),
            tooltip=tooltip,
        )
    )
    ticks = (
        alt.Chart(data)
        .mark_tick(color="black", thickness=2)
        .encode(x="criteria_total:Q", y=y, tooltip=tooltip)
    )
    labels = bars.mark_text(align="left", dx=4, color="black").encode(
        text="text:N", color=alt.value("black")
    )
    return _finish(bars + ticks + labels, title, height=alt.Step(20))


def reached_vs_plan(summary: pd.DataFrame, plan: pd.DataFrame, title: str | None = None):
    """Units reaching the standard, cumulative per year (bars), against the plan (black ticks)."""
    bars = (
        alt.Chart(summary)
        .mark_bar(color=GREEN, opacity=0.85)
        .encode(
            x=alt.X("year:O", title="Năm", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("reached_total:Q", title="Số đơn vị đạt chuẩn (lũy kế)"),
            tooltip=[
                alt.Tooltip("year:O", title="Năm"),
                alt.Tooltip("reached_total:Q", title="Đạt chuẩn (lũy kế)"),
                alt.Tooltip("reached_new:Q", title="Đạt mới trong năm"),
                alt.Tooltip("n_units:Q", title="Số đơn vị"),
            ],
        )
    )
    chart = bars
    if plan is not None and not plan.empty:
        years = set(summary.year)
        data = plan[plan.year.isin(years)].assign(label="Kế hoạch")
        chart = bars + alt.Chart(data).mark_tick(color="black", thickness=3, size=36).encode(
            x="year:O",
            y="target:Q",
            tooltip=[alt.Tooltip("year:O", title="Năm"), alt.Tooltip("target:Q", title="Kế hoạch")],
        )
    return _finish(chart, title, height=280)


def average_criteria(summary: pd.DataFrame, title: str | None = None):
    """Average criteria met per unit per year (the figure provinces report), with the set's total."""
    base = alt.Chart(summary).encode(x=alt.X("year:O", title="Năm", axis=alt.Axis(labelAngle=0)))
    line = base.mark_line(point=True, color=BLUE).encode(
        y=alt.Y("avg_met:Q", title="Bình quân tiêu chí/đơn vị", scale=alt.Scale(zero=False)),
        tooltip=[
            alt.Tooltip("year:O", title="Năm"),
            alt.Tooltip("avg_met:Q", title="Bình quân", format=",.1f"),
            alt.Tooltip("avg_total:Q", title="Trên tổng số", format=",.0f"),
            alt.Tooltip("below_15:Q", title="Số đơn vị dưới 15 tiêu chí"),
        ],
    )
    total = base.mark_line(strokeDash=[4, 3], color=GREY).encode(y="avg_total:Q")
    return _finish(line + total, title, height=280)


def most_missing_bars(frame: pd.DataFrame, title: str | None = None):
    """Criteria not met by the most units."""
    data = frame.assign(label=[f"{n}. {name}" for n, name in zip(frame.number, frame.name)])
    chart = (
        alt.Chart(data)
        .mark_bar(color=RED)
        .encode(
            x=alt.X(
                "n_units:Q", title="Số đơn vị chưa đạt", axis=alt.Axis(tickMinStep=1, format="d")
            ),
            y=alt.Y("label:N", sort=data.label.tolist(), title=None),
            tooltip=[
                alt.Tooltip("label:N", title="Tiêu chí"),
                alt.Tooltip("n_units:Q", title="Số đơn vị chưa đạt"),
            ],
        )
    )
    return _finish(chart, title, height=alt.Step(22))


def unit_history(long: pd.DataFrame, title: str | None = None):
    """One unit: criteria (rows) × years (columns). `long` columns year, number, criterion, status."""
    data = long.assign(row_label=long["criterion"].map(lambda t: wrap_label(t, 38)))
    chart = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("year:O", title="Năm", axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "row_label:N",
                sort=alt.SortField("number"),
                title=None,
                axis=wrapped_axis(labelOverlap=False),
            ),
            color=alt.Color("status:N", scale=STATUS_SCALE, title=None),
            tooltip=[
                alt.Tooltip("year:O", title="Năm"),
                alt.Tooltip("criterion:N", title="Tiêu chí"),
                alt.Tooltip("status:N", title="Kết quả"),
            ],
        )
    )
    return _finish(chart, title, height=alt.Step(30))  # two lines of a wrapped name


# ---------------------------------------------------------------- urban
def urban_total(
    total: float, pass_points: float, max_points: float = 100.0, title: str | None = None
):
    """The total as one bar against the pass mark (red rule) and the maximum."""
    data = pd.DataFrame(
        [
            {
                "label": "Tổng điểm",
                "total": total,
                "pass": pass_points,
                "max": max_points,
                "state": "Đạt"
                if not (fmt.is_missing(total) or fmt.is_missing(pass_points))
                and total >= pass_points
                else "Chưa đạt",
            }
        ]
    )
    y = alt.Y("label:N", title=None)
    back = (
        alt.Chart(data)
        .mark_bar(color="#eeeeee", size=34)
        .encode(x=alt.X("max:Q", title="Điểm", scale=alt.Scale(domain=[0, max_points])), y=y)
    )
    bar = (
        alt.Chart(data)
        .mark_bar(size=22)
        .encode(
            x="total:Q",
            y=y,
            color=alt.Color(
                "state:N",
                scale=alt.Scale(domain=["Đạt", "Chưa đạt"], range=[GREEN, RED]),
                title="Tổng điểm so với điểm chuẩn (vạch đen)",
            ),
            tooltip=[
                alt.Tooltip("total:Q", title="Tổng điểm", format=",.2f"),
                alt.Tooltip("pass:Q", title="Điểm chuẩn"),
            ],
        )
    )
    rule = alt.Chart(data).mark_tick(color="black", thickness=3, size=40).encode(x="pass:Q", y=y)
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=6, fontWeight="bold")
        .encode(x="total:Q", y=y, text=alt.Text("total:Q", format=",.2f"))
    )
    return _finish(back + bar + rule + text, title, height=60)


def urban_criteria(frame: pd.DataFrame, title: str | None = None):
    """Each criterion's points inside its min–max band (grey), the minimum as a black tick."""
    data = frame.dropna(subset=["max_points"]).copy()
    data["label"] = [f"{c}. {n}" for c, n in zip(data.criterion, data.name)]
    data["pct"] = data["points"] / data["max_points"] * 100
    data["state"] = [
        "Không có số liệu" if pd.isna(p) else ("Dưới mức tối thiểu" if b else "Đạt mức tối thiểu")
        for p, b in zip(data.points, data.below_minimum)
    ]
    y = alt.Y("label:N", sort=data.label.tolist(), title=None)
    tooltip = [
        alt.Tooltip("label:N", title="Tiêu chí"),
        alt.Tooltip("points:Q", title="Điểm", format=",.2f"),
        alt.Tooltip("min_points:Q", title="Tối thiểu", format=",.2f"),
        alt.Tooltip("max_points:Q", title="Tối đa", format=",.2f"),
        alt.Tooltip("source:N", title="Nguồn điểm"),
    ]
    band = (
        alt.Chart(data)
        .mark_bar(color="#e0e0e0", size=26)
        .encode(x=alt.X("min_points:Q", title="Điểm"), x2="max_points:Q", y=y, tooltip=tooltip)
    )
    bar = (
        alt.Chart(data)
        .mark_bar(size=14)
        .encode(
            x="points:Q",
            y=y,
            tooltip=tooltip,
            color=alt.Color(
                "state:N",
                title=None,
                scale=alt.Scale(
                    domain=["Đạt mức tối thiểu", "Dưới mức tối thiểu", "Không có số liệu"],
                    range=[GREEN, RED, GREY],
                ),
            ),
        )
    )
    tick = (
        alt.Chart(data)
        .mark_tick(color="black", thickness=2, size=30)
        .encode(x="min_points:Q", y=y, tooltip=tooltip)
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4)
        .encode(x="max_points:Q", y=y, text=alt.Text("points:Q", format=",.2f"))
    )
    return _finish(band + bar + tick + text, title, height=alt.Step(44))


def urban_history(frame: pd.DataFrame, pass_points: float = 75.0, title: str | None = None):
    """Criterion points stacked per year, the pass mark as a red rule."""
    data = frame.dropna(subset=["points"]).copy()
    data["label"] = [
        f"{c}. {n if len(n) <= 40 else n[:38].rstrip(' ,') + '…'}"
        for c, n in zip(data.criterion, data.name)
    ]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Năm", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("sum(points):Q", title="Điểm", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "label:N", title=None, sort=sorted(set(data.label)), legend=alt.Legend(columns=3)
            ),
            order=alt.Order("criterion:Q"),
            tooltip=[
                alt.Tooltip("year:O", title="Năm"),
                alt.Tooltip("label:N", title="Tiêu chí"),
                alt.Tooltip("points:Q", title="Điểm", format=",.2f"),
                alt.Tooltip("total:Q", title="Tổng", format=",.2f"),
                alt.Tooltip("framework:N", title="Thang điểm"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"pass": [pass_points]}))
        .mark_rule(color=RED, strokeDash=[5, 3], size=2)
        .encode(y="pass:Q")
    )
    return _finish(bars + rule, title, height=320)
