"""KPI cards laid out as HTML in a grid; what each card says is reports.kpi's."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from indicators import progress
from reports import kpi

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


def _line(line: kpi.Line) -> str:
    bold = f"<b>{html.escape(line.bold)}</b>" if line.bold else ""
    return f'<div class="line">{html.escape(line.before)}{bold}{html.escape(line.after)}</div>'


def _card(c: kpi.KpiCard) -> str:
    # every text is escaped: names and sources come from uploaded files
    title = f' title="{html.escape(c.note, quote=True)}"' if c.note else ""
    return (
        f'<div class="kpi" style="--c:{c.color}" data-testid="kpi-card"{title}>'
        f'<div class="name">{html.escape(c.name)}</div>'
        f'<div class="value">{html.escape(c.value)} <small>{html.escape(c.unit)}</small></div>'
        f'<div class="kind">{html.escape(c.kind)}</div>'
        + "".join(_line(line) for line in c.lines)
        + f'<span class="status">{html.escape(c.status_label)}</span></div>'
    )


def kpi_grid(frame: pd.DataFrame, targets: pd.DataFrame | None = None) -> None:
    """Cards for `frame`'s rows; `targets` (queries.year_targets) adds one % line per plan when a value
    has several (tỉnh giao, HĐND giao…)."""
    st.markdown(
        _CSS
        + '<div class="kpi-grid">'
        + "".join(_card(c) for c in kpi.cards(frame, targets))
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
