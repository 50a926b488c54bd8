"""Several tables on one sheet: a statistics office puts "MỘT SỐ CHỈ TIÊU XÃ HỘI" with its own
header under the economic table. Each table is read on its own view of the sheet, with the rows of
the others blanked, so cell addresses stay those of the file."""

from __future__ import annotations

from loaders.headers import NAME_WORDS, classify
from loaders.layout import Layout, cell_text
from loaders.read import Sheet
from vn.text import fold

TITLE_ROWS_ABOVE = 3
NAME_COLUMNS = 4  # a table's own title lines ("MỘT SỐ CHỈ TIÊU XÃ HỘI") right above its header


def next_table(rows: list[list], layout: Layout) -> int | None:
    """The first row of a second table inside `layout`'s data rows (its title line, else its header
    row), or None. A second table's header has a name column header ("Chỉ tiêu", "Tên đơn vị") and at
    least one value column header with a kind or a period, and no numbers."""
    for r in range(
        layout.data_first + 1, len(rows)
    ):  # below the table's end too: after a blank row
        if not _header_row(rows[r]):
            continue
        start = r
        for k in range(r - 1, max(layout.data_first, r - 1 - TITLE_ROWS_ABOVE), -1):
            texts = [c for c in rows[k] if cell_text(c)]
            if len(texts) != 1 or not isinstance(texts[0], str):
                break
            start = k
        return start
    return None


def _header_row(cells: list) -> bool:
    # cheap test first, on the first columns (STT, Mã, Tên…), where a header's "Chỉ tiêu" sits: most rows fail it
    if not any(
        isinstance(c, str) and 0 < len(c) < 60 and NAME_WORDS.match(fold(c).strip(" :"))
        for c in cells[:NAME_COLUMNS]
    ):
        return False
    texts = [c for c in cells if cell_text(c)]
    if len(texts) < 3 or any(not isinstance(c, str) for c in texts):
        return False
    named = valued = 0
    for t in texts:
        col = classify(0, [t])
        named += col.role == "name"
        valued += col.role == "value" and (col.kind is not None or col.period.year is not None)
    return named >= 1 and valued >= 1


class SheetPart(Sheet):
    """One table's view of a sheet: the same cells with the rows of other tables blank."""

    def __init__(self, base: Sheet, blank_from: int, blank_to: int):
        self._base = base
        width = len(base.rows[0]) if base.rows else 0
        empty = [""] * width
        self._rows = [
            list(empty) if blank_from <= r < blank_to else row for r, row in enumerate(base.rows)
        ]
        self.name = base.name
        self.hidden = base.hidden

    @property
    def rows(self):  # type: ignore[override]
        return self._rows

    @property
    def merged(self):  # type: ignore[override]
        return self._base.merged

    @property
    def hidden_rows(self):  # type: ignore[override]
        return self._base.hidden_rows

    @property
    def hidden_cols(self):  # type: ignore[override]
        return self._base.hidden_cols

    @property
    def percent_cells(self):
        return self._base.percent_cells

    @property
    def empty_formula_cells(self):
        return self._base.empty_formula_cells
