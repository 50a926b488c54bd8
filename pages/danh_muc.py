"""Danh mục: the indicator catalog and the administrative units, as loaded from data/."""

from __future__ import annotations

import streamlit as st

from indicators import catalog
from store import aliases, audit
from ui import auth, data, errors, layout, mapping

con = layout.page("Danh mục", icon="📚")
editor = auth.user().may("catalog")  # others see the catalog; only administrators change it


def _audit(detail: str, count: int) -> None:
    audit.record(
        auth.user().username,
        "catalog",
        detail,
        count=count,
        address=auth.address(),
        store=data.store_path(),
    )


tab_ind, tab_units, tab_learnt = st.tabs(["Chỉ tiêu", "Đơn vị hành chính", "Tên gọi đã học"])
with tab_ind:
    cat = catalog.indicators(con)
    groups = catalog.groups(con)
    group = st.selectbox(
        "Lĩnh vực",
        ["all", *groups.code],
        format_func=lambda c: "Tất cả" if c == "all" else dict(zip(groups.code, groups.name))[c],
    )
    view = cat if group == "all" else cat[cat.group_code == group]
    st.caption(
        f"{len(view)} chỉ tiêu. Danh mục nằm trong data/catalog/*.toml; thêm chỉ tiêu bằng cách sửa các tệp đó."
    )
    st.dataframe(
        view.assign(
            direction=view.direction.map(
                {"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"}
            ),
            aggregation=view.aggregation.map(
                {"sum": "Cộng", "ratio": "Tính lại tỷ lệ", "none": "Không tổng hợp"}
            ),
            aliases=view.aliases.map(lambda a: "; ".join(a) if a is not None else ""),
        )[
            [
                "code",
                "name",
                "measure_name",
                "group_name",
                "direction",
                "aggregation",
                "aliases",
                "source",
            ]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "code": "Mã",
            "name": "Tên chỉ tiêu",
            "measure_name": "Đơn vị tính",
            "group_name": "Lĩnh vực",
            "direction": "Chiều tốt",
            "aggregation": "Tổng hợp",
            "aliases": "Tên khác",
            "source": "Nguồn",
        },
    )
with tab_units:
    units = catalog.units(con)
    units["type_label"] = units.unit_type.map(catalog.UNIT_TYPE_LABELS)
    st.caption(
        f"{len(units)} bản ghi đơn vị (mỗi lần đổi tên, sáp nhập là một bản ghi mới). Nguồn: data/admin_units.csv."
    )
    st.dataframe(
        units[["code", "name", "type_label", "parent_name", "valid_from", "valid_to", "source"]],
        hide_index=True,
        width="stretch",
        column_config={
            "code": "Mã",
            "name": "Tên",
            "type_label": "Loại",
            "parent_name": "Trực thuộc",
            "valid_from": st.column_config.DateColumn("Từ ngày", format="DD/MM/YYYY"),
            "valid_to": st.column_config.DateColumn("Đến ngày", format="DD/MM/YYYY"),
            "source": "Nguồn",
        },
    )
with tab_learnt:
    learnt = aliases.aliases(con)
    st.caption(
        "Tên gọi trong các biểu đã tải lên mà danh mục chưa có, cùng lựa chọn của người tải (chỉ tiêu/đơn vị "
        "tương ứng, hoặc không theo dõi). Lần tải sau, các tên này được nhận ngay. Xuất về data/catalog bằng "
        "`python -m loaders aliases export --out data/catalog`."
    )
    if learnt.empty:
        st.info("Chưa có tên gọi nào được học từ các lần tải lên.")
    else:
        labels = mapping.target_labels(con)
        learnt["target_label"] = [labels.get((k, t), t) for k, t in zip(learnt.kind, learnt.target)]
        st.dataframe(
            learnt.assign(
                kind=learnt.kind.map({"indicator": "Chỉ tiêu", "unit": "Đơn vị"}),
                created_by=learnt.created_by.fillna("—"),
                file_name=learnt.file_name.fillna("—"),
                created_at=learnt.created_at.dt.strftime("%d/%m/%Y %H:%M"),
            )[["kind", "name", "target_label", "created_by", "created_at", "file_name"]],
            hide_index=True,
            width="stretch",
            column_config={
                "kind": "Loại",
                "name": "Tên trong biểu",
                "target_label": "Nghĩa là",
                "created_by": "Người chọn",
                "created_at": "Thời gian",
                "file_name": "Từ tệp",
            },
        )
        keys = {
            f"{r.kind}|{r.name_key}": f"{r.name} → {r.target_label}" for r in learnt.itertuples()
        }
        drop = st.multiselect(
            "Xóa tên gọi",
            list(keys),
            format_func=keys.get,
            key="alias_drop",
            placeholder="Chọn tên gọi cần xóa",
            select_all=False,
            wrap=True,
        )
        if st.button(
            "Xóa các tên gọi đã chọn", disabled=not drop or not editor, key="alias_drop_go"
        ):
            with errors.guarded("Không xóa được các tên gọi đã chọn"):
                if not auth.user().may("catalog"):
                    raise PermissionError("catalog")
                for item in drop:
                    kind, name_key = item.split("|", 1)
                    with data.writing() as w:
                        aliases.remove_alias(w, kind, name_key)
                _audit("xóa tên gọi: " + "; ".join(keys[item] for item in drop), len(drop))
                st.session_state["alias_message"] = f"Đã xóa {len(drop)} tên gọi."
                st.rerun()
    added = aliases.additions(con)
    if not added.empty:
        st.markdown("**Chỉ tiêu đã thêm khi tải lên**")
        measure_names = dict(zip(catalog.measures(con).code, catalog.measures(con).name))
        group_names = dict(zip(catalog.groups(con).code, catalog.groups(con).name))
        st.dataframe(
            added.assign(
                created_at=added.created_at.dt.strftime("%d/%m/%Y %H:%M"),
                created_by=added.created_by.fillna("—"),
                file_name=added.file_name.fillna("—"),
                measure=added.measure.map(lambda m: measure_names.get(m, m)),
                group_code=added.group_code.map(lambda g: group_names.get(g, g)),
            )[["code", "name", "measure", "group_code", "created_by", "created_at", "file_name"]],
            hide_index=True,
            width="stretch",
            column_config={
                "code": "Mã",
                "name": "Tên",
                "measure": "Đơn vị tính",
                "group_code": "Lĩnh vực",
                "created_by": "Người thêm",
                "created_at": "Thời gian",
                "file_name": "Từ tệp",
            },
        )
        gone = st.selectbox(
            "Xóa chỉ tiêu đã thêm (chỉ khi chưa có số liệu)",
            ["", *added.code],
            format_func=lambda c: "— Chọn —" if not c else dict(zip(added.code, added.name))[c],
            key="addition_drop",
        )
        if st.button("Xóa chỉ tiêu", disabled=not gone or not editor, key="addition_drop_go"):
            with errors.guarded("Không xóa được chỉ tiêu"):
                if not auth.user().may("catalog"):
                    raise PermissionError("catalog")
                with data.writing() as w:
                    removed = aliases.remove_indicator(w, gone)
                if removed:
                    _audit(f"xóa chỉ tiêu {gone}", 1)
                    st.session_state["alias_message"] = "Đã xóa chỉ tiêu."
                else:
                    st.session_state["alias_error"] = (
                        "Không xóa được: chỉ tiêu này đã có số liệu trong kho."
                    )
                st.rerun()
    if msg := st.session_state.pop("alias_message", None):
        st.success(msg)
    if msg := st.session_state.pop("alias_error", None):
        st.error(msg)
