"""Pickers kept in the URL besides unit/year/period: indicator (?ind=) and ward (?ward=)."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def indicator(
    frame: pd.DataFrame, default: str | None = None, key: str = "pick_indicator"
) -> str | None:
    """Select one indicator among `frame` rows (columns code/indicator_code, name, group_name)."""
    if frame.empty:
        return None
    code_col = "indicator_code" if "indicator_code" in frame else "code"
    codes = frame[code_col].tolist()
    labels = {r[code_col]: f"{r['name']} ({r['group_name']})" for _, r in frame.iterrows()}
    wanted = st.query_params.get("ind", default)
    index = codes.index(wanted) if wanted in codes else 0
    choice = st.selectbox("Chỉ tiêu", codes, index=index, format_func=labels.get, key=key)
    if st.query_params.get("ind") != choice:
        st.query_params["ind"] = choice
    return choice


def ward(options: pd.DataFrame, key: str = "pick_ward", default: int | None = None) -> int | None:
    """Select one unit among `options` (unit_id, name); without ?ward=, `default` (else the first)."""
    if options.empty:
        return None
    ids = [int(u) for u in options.unit_id]
    names = dict(zip(ids, options.name))
    wanted = st.query_params.get("ward")
    if wanted and wanted.isdigit() and int(wanted) in ids:
        index = ids.index(int(wanted))
    else:
        index = ids.index(default) if default in ids else 0
    choice = st.selectbox("Phường/xã", ids, index=index, format_func=names.get, key=key)
    if st.query_params.get("ward") != str(choice):
        st.query_params["ward"] = str(choice)
    return choice
