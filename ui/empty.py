"""What to say when a unit has nothing to show for the chosen period, and where to look instead."""

from __future__ import annotations

import streamlit as st

from indicators import queries
from store.queries import observations

_CRITERIA_PREFIXES = ("ntm_tc", "ntm26_tc", "vm_tc")


def no_progress_data(con, unit_id: int, unit_name: str) -> None:
    """Explain an empty progress view: no actual/estimate at all, or none for this period; point to the
    criteria page when the unit's communes or wards have criteria assessments."""
    if queries.periods(con, unit_id).empty:
        st.info(
            f"{unit_name} chưa có số liệu thực hiện hoặc ước thực hiện để so với kế hoạch. "
            "Nạp biểu báo cáo của đơn vị ở trang **Tải dữ liệu lên**."
        )
    else:
        st.info("Chưa có số liệu của đơn vị cho kỳ này. Chọn kỳ khác ở thanh bên.")
    criteria = observations.has_values_below(con, unit_id, _CRITERIA_PREFIXES)
    if criteria:
        st.page_link(
            "pages/nong_thon_moi.py",
            label="Xem kết quả đánh giá tiêu chí (Nông thôn mới, đô thị văn minh)",
            icon=":material/agriculture:",
            query_params={"unit": str(unit_id)},
        )
