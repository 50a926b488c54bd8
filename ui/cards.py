"""KPI cards: value, % of plan, change on the same period, coloured status — as HTML in a grid."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from indicators import catalog, progress
from vn import numbers as fmt

_CSS = """
<style>
.kpi-grid {display:grid; grid-template-columns:repeat(auto-fill, minmax(250px, 1fr)); gap:14px; margin:6px 0 18px}
.kpi {border:1px solid #e3e6ea; border-left:7px solid var(--c); border-radius:8px; padding:12px 14px; background:#fff}
.kpi .name {font-size:0.92rem; color:#333; min-height:2.5em; line-height:1.25}
.kpi .value {font-size:1.65rem; font-weight:700; margin:4px 0 2px; color:#111}
.kpi .value small {font-size:0.9rem; font-weight:500; color:#555}
.kpi .line {font-size:0.88rem; color:#333}
.kpi .status {display:inline-block; margin-top:6px; padding:1px 8px; border-radius:10px; color:#fff;
              background:var(--c); font-size:0.8rem; font-weight:600}
.kpi .kind {font-size:0.75rem; color:#666}
.status-counts {display:flex; gap:12px; flex-wrap:wrap; margin:4px 0 12px}
.status-counts div {border-radius:8px; padding:8px 14px; color:#fff; font-weight:600; font-size:1rem}
</style>
"""


def _card(row: pd.Series, targets: pd.DataFrame | None = None) -> str:
    color = progress.status_color(row["status"])
    measure = row["measure_name"] if row["measure"] not in ("pct", "none", "dat_khong") else ""
    value = (
        fmt.number(row["value"], fmt.decimals_for(row["measure"]))
        if pd.notna(row["value"])
        else "—"
    )
    unit = (
        "%" if row["measure"] == "pct" and pd.notna(row["value"]) else html.escape(measure.lower())
    )
    kind = {"estimate": "ước thực hiện", "actual": "thực hiện"}.get(
        row.get("kind"), "chưa có số liệu"
    )
    lines = []
    own = None
    if targets is not None and not targets.empty and pd.notna(row["value"]):
        own = targets[
            (targets.unit_id == row["unit_id"])
            & (targets.indicator_code == row["indicator_code"])
            & (targets.target != 0)
        ].sort_values("priority")
    if own is not None and len(own) > 1:  # several plans (tỉnh giao, HĐND giao…): % of each
        for t in own.itertuples():
            lines.append(
                f"Bằng <b>{fmt.percent(row['value'] / t.target * 100)}</b> "
                f"{html.escape(catalog.target_source_phrase(t.target_source))}"
            )
    elif pd.notna(row["pct_of_target"]):
        source = f" ({html.escape(row['target_source_label'])})" if row["target_source"] else ""
        lines.append(f"Bằng <b>{fmt.percent(row['pct_of_target'])}</b> kế hoạch{source}")
    elif pd.notna(row["target"]):
        lines.append(f"Kế hoạch: {fmt.number(row['target'], fmt.decimals_for(row['measure']))}")
    else:
        lines.append("Chưa có kế hoạch")
    change = row["same_period_change_pct"]
    if pd.notna(change):
        word = "tăng" if change > 0 else ("giảm" if change < 0 else "bằng")
        lines.append(
            f"So cùng kỳ: {word} <b>{fmt.number(abs(change), 2)}%</b>"
            if word != "bằng"
            else "So cùng kỳ: không đổi"
        )
    else:
        lines.append("So cùng kỳ: chưa có số liệu")
    return (
        f'<div class="kpi" style="--c:{color}" data-testid="kpi-card">'
        f'<div class="name">{html.escape(row["name"])}</div>'
        f'<div class="value">{value} <small>{unit}</small></div>'
        f'<div class="kind">{kind}</div>'
        + "".join(f'<div class="line">{line}</div>' for line in lines)
        + f'<span class="status">{html.escape(row["status_label"])}</span></div>'
    )


def kpi_grid(frame: pd.DataFrame, targets: pd.DataFrame | None = None) -> None:
    """Cards for `frame`'s rows; `targets` (queries.year_targets) adds one % line per plan when a value
    has several (tỉnh giao, HĐND giao…)."""
    st.markdown(
        _CSS
        + '<div class="kpi-grid">'
        + "".join(_card(r, targets) for _, r in frame.iterrows())
        + "</div>",
        unsafe_allow_html=True,
    )


def status_counts(counts: dict[str, int], order: list[str]) -> None:
    items = []
    for code in order:
        n = counts.get(code, 0)
        if n:
            items.append(
                f'<div style="background:{progress.status_color(code)}">{progress.status_label(code)}: {n}</div>'
            )
    st.markdown(
        _CSS
        + '<div class="status-counts" data-testid="status-counts">'
        + "".join(items)
        + "</div>",
        unsafe_allow_html=True,
    )
