"""Data problems shown to users: one table of file, sheet, cell and the Vietnamese message."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.report import severity_label, where
from ui.text import md


def table(problems: list) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Mức độ": severity_label(p, capital=True),
                "Tệp": p.file,
                "Trang tính": p.sheet or "",
                "Ô": p.cell or "",
                "Nội dung": p.message,
                "Mã": p.code,
            }
            for p in problems
        ],
        columns=["Mức độ", "Tệp", "Trang tính", "Ô", "Nội dung", "Mã"],
    )


def show(problems: list, list_up_to: int = 30) -> None:
    """A readable list for a few problems, a sortable table for many."""
    if not problems:
        return
    if len(problems) <= list_up_to:
        lines = []
        for p in problems:  # file names, sheet names and messages quote the file: shown as text
            colour = "red" if p.severity == "error" else "orange"
            lines.append(
                f"- :{colour}[**{severity_label(p, capital=True)}**] {md(p.file)} · **{md(where(p) or 'cả tệp')}** — "
                f"{md(p.message)} :gray[({md(p.code)})]"
            )
        st.markdown("\n".join(lines))
        return
    frame = table(problems)
    styled = frame.style.map(
        lambda v: (
            "color:#b30000;font-weight:600"
            if v == "Lỗi"
            else ("color:#8a5a00;font-weight:600" if v == "Cảnh báo" else "")
        ),
        subset=["Mức độ"],
    )
    st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        column_config={"Nội dung": st.column_config.TextColumn(width="large")},
    )
