"""Column-numbering rows under a header, in every form reports use: "A B C 1 2 3 4=3/2",
"(1) (2) (3)=(2)/(1)", plain integers "1 2 3 4 5", "(4)=(2)+(3)". A number names the column; a
formula says how the column is made from others: one that divides is a comparison column, one that
adds (cả năm = 6 tháng đầu + 6 tháng cuối) is a value column checked as a sum."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"^\(?\s*(\d{1,2})\s*\)?\s*(?:=\s*(.+))?$")
_LETTER = re.compile(r"^\(?[A-Za-zĐđ]\)?$")
_REF = re.compile(r"\(?\s*(\d{1,2})\s*\)?")
_OPS = re.compile(r"[/:÷x×*+\-–]")


@dataclass(frozen=True)
class Numbering:
    number: int | None = None  # the column's number, None for a letter (A, B, C)
    operands: tuple[int, ...] = ()
    op: str = ""  # "ratio" (÷), "sum" (+/−), "product", "" (no formula)


NONE = Numbering()


def parse_numbering(cell: object) -> Numbering | None:
    """The numbering a cell holds, or None when it is not a numbering token."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        if cell == cell and cell == int(cell) and 0 < cell < 100:
            return Numbering(int(cell))
        return None
    text = str(cell).strip()
    if not text:
        return None
    if _LETTER.match(text):
        return NONE
    match = _TOKEN.match(text)
    if not match:
        return None
    number = int(match.group(1))
    formula = match.group(2)
    if not formula:
        return Numbering(number)
    ops = set(_OPS.findall(formula))
    operands = tuple(int(n) for n in _REF.findall(formula) if n)
    if not operands or not re.fullmatch(r"[\d\s()/:÷x×*+\-–.%]+", formula):
        return None
    if ops & {"/", ":", "÷"}:
        op = "ratio"
    elif ops & {"x", "×", "*"}:
        op = "product"
    elif ops & {"+", "-", "–"}:
        op = "sum" if "+" in ops else "difference"
    else:
        op = ""
    return Numbering(number, operands, op)


def is_numbering_row(cells: list, name_col: int | None = None) -> bool:
    """Most non-blank cells are numbering tokens, the numbers run left to right, and the name column
    (if known) holds no name."""
    tokens = []
    n_text = 0
    for c, cell in enumerate(cells):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        n_text += 1
        parsed = parse_numbering(cell)
        if parsed is not None:
            tokens.append((c, parsed))
        elif c == name_col:
            return False
    if len(tokens) < 2 or len(tokens) < max(2, n_text * 0.8):
        return False
    numbers = [t.number for _, t in tokens if t.number is not None]
    if not numbers:
        return len(tokens) >= 3  # "A B C D"
    # numbers increase from left to right (a row of data values would not)
    rising = sum(1 for a, b in zip(numbers, numbers[1:]) if b > a)
    return rising >= len(numbers) - 1 - len(numbers) // 5 and numbers[0] <= 2 + len(numbers)


def numbering_of_row(cells: list) -> dict[int, Numbering]:
    """Column index → its numbering, for the cells of a numbering row."""
    out = {}
    for c, cell in enumerate(cells):
        parsed = parse_numbering(cell)
        if parsed is not None:
            out[c] = parsed
    return out
