"""The urban class scoring table (Bảng tổng hợp đánh giá tiêu chí phân loại đô thị): its "Hiện trạng"
column loads as actual observations of the city; thresholds and points are returned, not stored."""

from __future__ import annotations

import numpy as np

from loaders.cells import a1
from loaders.layout import Layout, cell_text
from loaders.numbers import NUMBER, parse_column
from loaders.read import Sheet

FIELDS = ("min_level", "max_level", "value", "min_points", "max_points", "points")


def scoring_rows(sheet: Sheet, layout: Layout, catalog=None) -> list[dict]:
    """Every row of a scoring table: stt, name, indicator_code (None for criterion group and total
    rows), measure, min_level, max_level, value (Hiện trạng), min_points, max_points, points
    (Đạt được) and the row's cell reference."""
    by_role = {}
    for c in layout.columns:
        role = "value" if c.role == "value" else c.role
        if role in FIELDS and role not in by_role:
            by_role[role] = c.index
    out = []
    name_col = layout.name_col
    for r in range(layout.data_first, len(sheet.rows)):
        cells = sheet.rows[r]
        name = cell_text(cells[name_col]) if name_col is not None else ""
        if not name or name_col is None:  # no name column: name is "" (the test narrows name_col)
            continue
        item: dict[str, object] = {
            "stt": cell_text(cells[layout.stt_col]) if layout.stt_col is not None else "",
            "name": name,
            "measure": cell_text(cells[layout.measure_col])
            if layout.measure_col is not None
            else "",
            "cell": f"{sheet.name}!{a1(r, name_col)}",
        }
        for field_name in FIELDS:
            col = by_role.get(field_name)
            if col is None:
                item[field_name] = None
                continue
            v, s = parse_column(np.array([cells[col]], dtype=object))
            item[field_name] = float(v[0]) if s[0] == NUMBER else None
        code = None
        if catalog is not None and item["value"] is not None:
            found = catalog.match_indicator(name)
            code = next(iter(found)) if len(found) == 1 else None
        item["indicator_code"] = code
        out.append(item)
    return out


def parse_scoring_table(path_or_bytes, name: str | None = None, con=None) -> list[dict]:
    """Convenience for issue 5: the scoring rows of the first scoring table in a file."""
    from loaders.catalog import load_catalog
    from loaders.layout import detect_layout
    from loaders.read import Limits, read_workbook

    data = path_or_bytes if isinstance(path_or_bytes, bytes) else open(path_or_bytes, "rb").read()
    catalog = load_catalog(con) if con is not None else None
    for sheet in read_workbook(name or "upload", data, Limits()):
        layout = detect_layout(sheet.rows, sheet.merged or None)
        if layout is not None and layout.family == "urban":
            return scoring_rows(sheet, layout, catalog)
    return []
