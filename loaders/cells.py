"""A1 references."""

from __future__ import annotations


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    value = 0
    for ch in letters.upper():
        value = value * 26 + ord(ch) - 64
    return value - 1


def a1(row: int, col: int) -> str:
    """0-based row/col → "D11"."""
    return f"{column_letter(col)}{row + 1}"
