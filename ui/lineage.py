"""The unit page's "where it came from, where it went": the succession links with their shares and
resolutions as a table, and a small diagram (DOT, drawn by st.graphviz_chart)."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from indicators import lineage
from store import Connection
from vn import numbers as fmt

RELATIONS = {"predecessor": "Hình thành từ", "successor": "Chuyển thành"}


def section(con: Connection, unit_id: int) -> None:
    lin = lineage.lineage(con)
    table = lin.table(unit_id)
    if table.empty:
        return
    with st.expander("Nguồn gốc đơn vị (sáp nhập, chia tách)", expanded=False):
        st.graphviz_chart(diagram(lin, unit_id), width="content")
        shown = pd.DataFrame(
            {
                "Quan hệ": table.relation.map(RELATIONS),
                "Đơn vị": table.other_name,
                "Mã": table.other_code,
                "Phần chuyển sang": [_share(s, k) for s, k in zip(table.share, table.relation)],
                "Từ ngày": pd.to_datetime(table.valid_from).dt.strftime("%d/%m/%Y"),
                "Căn cứ": table.source.map(_legal),
            }
        )
        st.dataframe(shown, hide_index=True, width="stretch")
        if table.share.isna().any():
            st.caption(
                "«Một phần (chưa rõ tỷ lệ)»: nghị quyết không ghi phần đó lớn bao nhiêu, nên số liệu "
                "trước sáp nhập không được tính theo địa giới hiện nay cho đơn vị nhận phần đó. Khi "
                "có tỷ lệ từ văn bản (đề án sắp xếp), quản trị hệ thống bổ sung để tính được."
            )


def _legal(source: str) -> str:
    """The documents a link rests on (resolutions, decisions, đề án), without the data packages
    the list was built from (those are in data/unit_succession.csv)."""
    parts = [p.strip() for p in str(source).split(";")]
    kept = [p for p in parts if re.match(r"(NQ|QĐ|Nghị quyết|Quyết định|Đề án)\b", p)]
    return "; ".join(dict.fromkeys(kept)) or str(source)


def _share(share: float | None, relation: str) -> str:
    if share is None or pd.isna(share):
        return "một phần (chưa rõ tỷ lệ)"
    return "toàn bộ" if share == 1 else f"{fmt.number(share * 100, 1)}%"


def diagram(lin: lineage.Lineage, unit_id: int) -> str:
    """The unit with its predecessors (left) and successors (right), two steps each way."""
    nodes, edges = {int(unit_id)}, set()

    def walk(current: int, depth: int, back: bool) -> None:
        if depth == 0:
            return
        links = lin.predecessors(current) if back else lin.successors(current)
        for link in links:
            other = link.old if back else link.new
            nodes.add(other)
            edges.add((link.old, link.new, link.share is None or link.share < 1))
            walk(other, depth - 1, back)

    walk(int(unit_id), 2, True)
    walk(int(unit_id), 2, False)
    lines = [
        'digraph { rankdir=LR; node [shape=box, style="rounded,filled", fontname="sans-serif"];'
    ]
    for node in sorted(nodes):
        fill = "#cfe2f3" if node == int(unit_id) else "#f3f3f3"
        lines.append(f'  u{node} [label="{_dot(lin.label(node))}", fillcolor="{fill}"];')
    for old, new, part in sorted(edges):
        style = ' [style=dashed, label="một phần"]' if part else ""
        lines.append(f"  u{old} -> u{new}{style};")
    lines.append("}")
    return "\n".join(lines)


def _dot(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
