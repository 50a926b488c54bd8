"""What a page says about figures rebuilt on today's boundaries: from what they were rebuilt, and
which could not be (a share no source gives, a missing predecessor report)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports import narrative
from reports.unit_view import Selection


def notes(card: pd.DataFrame, sel: Selection) -> None:
    """Captions under a scorecard: the rebuilt figures' sources and the figures left out."""
    said = narrative.history_note(card, sel.period)
    if said:
        st.caption("ⓘ " + said)
    for column, gap, what in (
        ("derived_problem", "value", "số liệu kỳ này"),
        ("same_period_problem", "same_period_value", "số liệu cùng kỳ"),
    ):
        if column not in card:
            continue
        flagged = card[card[gap].isna() & card[column].notna()]
        if not flagged.empty:
            reasons = "; ".join(sorted(set(flagged[column])))
            st.caption(
                f"Chưa tính được {what} theo địa giới hiện nay cho {len(flagged)} chỉ tiêu: {reasons}."
            )
