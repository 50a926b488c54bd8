"""Unit, year and period pickers kept in the URL (st.query_params), so a refresh or a shared link
keeps them: ?unit=<unit_id>&year=2016&period=1-6."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import queries
from reports.unit_view import Selection
from store import Connection
from vn.periods import Period, period_label


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return str(value) if value is not None else None


def _pick(label: str, options: list, labels: dict, param: str, key: str, container) -> object:
    wanted = _param(param)
    index = 0
    for i, option in enumerate(options):
        if str(option) == wanted:
            index = i
            break
    choice = container.selectbox(
        label, options, index=index, format_func=lambda o: labels.get(o, str(o)), key=key
    )
    if _param(param) != str(choice):
        st.query_params[param] = str(choice)
    return choice


def unit_year_period(con: Connection, container=None) -> Selection | None:
    """Draw the three pickers (in the sidebar by default). None when the store holds no data."""
    box = container or st.sidebar
    units = queries.units_with_data(con)
    if units.empty:
        return None
    box.markdown("**Bộ lọc**")
    unit_labels = {int(r.unit_id): _unit_label(r) for r in units.itertuples()}
    unit_id = int(
        _pick("Đơn vị", [int(u) for u in units.unit_id], unit_labels, "unit", "flt_unit", box)
    )
    periods = queries.periods(con, unit_id)
    if periods.empty:
        row = units[units.unit_id == unit_id].iloc[0]
        return Selection(unit_id, row["name"], Period(int(row.last_year)), row["unit_type"])
    years = sorted(periods.year.unique().tolist(), reverse=True)
    year = int(_pick("Năm", [int(y) for y in years], {}, "year", "flt_year", box))
    in_year = periods[periods.year == year]
    options = [f"{int(r.month_from)}-{int(r.month_to)}" for r in in_year.itertuples()]
    labels = {o: period_label(*map(int, o.split("-"))) for o in options}
    period = str(_pick("Kỳ báo cáo", options, labels, "period", "flt_period", box))
    row = units[units.unit_id == unit_id].iloc[0]
    return Selection(unit_id, row["name"], Period.from_key(year, period), row["unit_type"])


def _unit_label(row) -> str:
    span_from = pd.Timestamp(row.valid_from).year
    span_to = "nay" if pd.isna(row.valid_to) else str(pd.Timestamp(row.valid_to).year)
    return f"{row.name} ({span_from}–{span_to})"
