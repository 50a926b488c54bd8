"""Where a table ends. Reports end with notes, legends, "Nơi nhận:", a place and date and signature
blocks, often written in the value columns; none of it is data and none of it is an error. The table
ends at the first such row, or where its structure ends: after a run of blank rows, text that no
longer has the table's shape (no number, no STT) with nothing table-shaped below it."""

from __future__ import annotations

from loaders.vocabulary import vocabulary
from vn.text import fold


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():  # False for inf and nan
        return str(int(value))
    return str(value).strip()


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def footer_text(text: str) -> bool:
    """Text that belongs below a table: a note, legend, recipients, place and date, signature."""
    f = fold(text).strip()
    if not f:
        return False
    v = vocabulary()
    return bool(v.footer_start.match(f) or v.place_date.search(f) or v.legend.match(f))


def is_footer_row(cells: list, value_cols: set[int]) -> bool:
    """A row that starts the part below the table: some text cell reads as footer text and no value
    column holds a number."""
    if any(is_number(cells[c]) for c in value_cols if c < len(cells)):
        return False
    texts = [t for t in map(_text, cells) if t]
    if not texts:
        return False
    return any(footer_text(t) for t in texts)


def _shaped(cells: list, value_cols: set[int], stt_col: int | None, name_col: int | None) -> bool:
    """A row with the table's shape: a number in a value column, or an STT beside a name."""
    if any(
        is_number(cells[c]) or _looks_numeric(_text(cells[c])) for c in value_cols if c < len(cells)
    ):
        return True
    if (
        stt_col is not None
        and name_col is not None
        and _text(cells[stt_col])
        and _text(cells[name_col])
    ):
        return True
    return False


def _looks_numeric(text: str) -> bool:
    t = text.replace(".", "").replace(",", "").replace("%", "").replace(" ", "").lstrip("-(")
    return bool(t) and t[:1].isdigit()


def _shaped_below(
    rows: list[list],
    start: int,
    value_cols: set[int],
    stt_col: int | None,
    name_col: int | None,
    window: int = 40,
) -> bool:
    for k in range(start, min(len(rows), start + window)):
        if is_footer_row(rows[k], value_cols):
            return False
        if _shaped(rows[k], value_cols, stt_col, name_col):
            return True
    return False


def table_end(
    rows: list[list],
    data_first: int,
    value_cols: set[int],
    stt_col: int | None,
    name_col: int | None,
) -> int:
    """Index of the row after the table's last row (len(rows) when it runs to the end)."""
    blank_run = 0
    for r in range(data_first, len(rows)):
        cells = rows[r]
        if not any(_text(c) for c in cells):
            blank_run += 1
            continue
        if is_footer_row(cells, value_cols):
            return r - blank_run
        if blank_run and not _shaped(cells, value_cols, stt_col, name_col):
            # text after a blank run: the table goes on only if something table-shaped follows
            if not _shaped_below(rows, r + 1, value_cols, stt_col, name_col):
                return r - blank_run
        blank_run = 0
    return len(rows) - blank_run
