"""Pickers of the criteria pages kept in the URL: criteria family (?family=), parent unit (?unit=),
year (?year=), one unit (?ward=). Shares the query-parameter names of ui/filters.py."""

from __future__ import annotations

import streamlit as st


def choose(
    label: str,
    options: list,
    labels: dict | None = None,
    param: str = "",
    key: str = "",
    default=None,
    container=None,
    horizontal: bool = False,
):
    """A selectbox (or horizontal radio) whose choice lives in st.query_params[param]."""
    if not options:
        return None
    box = container or st
    labels = labels or {}
    wanted = st.query_params.get(param)
    index = next((i for i, o in enumerate(options) if str(o) == wanted), None)
    if index is None:
        index = options.index(default) if default in options else 0
    fmt = lambda o: labels.get(o, str(o))  # noqa: E731
    if horizontal:
        choice = box.radio(label, options, index=index, format_func=fmt, key=key, horizontal=True)
    else:
        choice = box.selectbox(label, options, index=index, format_func=fmt, key=key)
    if st.query_params.get(param) != str(choice):
        st.query_params[param] = str(choice)
    return choice
