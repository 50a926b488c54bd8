"""Danh mục: the indicator catalog and the administrative units, as loaded from data/."""

from __future__ import annotations

import streamlit as st

from indicators import catalog
from ui import layout

con = layout.page("Danh mục", icon="📚")
tab_ind, tab_units = st.tabs(["Chỉ tiêu", "Đơn vị hành chính"])
with tab_ind:
    cat = catalog.indicators(con)
    groups = catalog.groups(con)
    group = st.selectbox("Lĩnh vực", ["all", *groups.code], format_func=lambda c: "Tất cả" if c == "all" else dict(zip(groups.code, groups.name))[c])
    view = cat if group == "all" else cat[cat.group_code == group]
    st.caption(f"{len(view)} chỉ tiêu. Danh mục nằm trong data/catalog/*.toml; thêm chỉ tiêu bằng cách sửa các tệp đó.")
    st.dataframe(
        view.assign(
            direction=view.direction.map({"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"}),
            aggregation=view.aggregation.map({"sum": "Cộng", "ratio": "Tính lại tỷ lệ", "none": "Không tổng hợp"}),
            aliases=view.aliases.map(lambda a: "; ".join(a) if a is not None else ""),
        )[["code", "name", "measure_name", "group_name", "direction", "aggregation", "aliases", "source"]],
        hide_index=True,
        width="stretch",
        column_config={
            "code": "Mã", "name": "Tên chỉ tiêu", "measure_name": "Đơn vị tính", "group_name": "Lĩnh vực",
            "direction": "Chiều tốt", "aggregation": "Tổng hợp", "aliases": "Tên khác", "source": "Nguồn",
        },
    )
with tab_units:
    units = catalog.units(con)
    units["type_label"] = units.unit_type.map(catalog.UNIT_TYPE_LABELS)
    st.caption(f"{len(units)} bản ghi đơn vị (mỗi lần đổi tên, sáp nhập là một bản ghi mới). Nguồn: data/admin_units.csv.")
    st.dataframe(
        units[["code", "name", "type_label", "parent_name", "valid_from", "valid_to", "source"]],
        hide_index=True,
        width="stretch",
        column_config={
            "code": "Mã", "name": "Tên", "type_label": "Loại", "parent_name": "Trực thuộc",
            "valid_from": st.column_config.DateColumn("Từ ngày", format="DD/MM/YYYY"),
            "valid_to": st.column_config.DateColumn("Đến ngày", format="DD/MM/YYYY"),
            "source": "Nguồn",
        },
    )
