"""What the commands share: reading `--months`, opening an existing store, finding a unit, and
writing numbers as plain text. A `CommandError` is printed as "Lỗi: …" and exits with code 2."""

from __future__ import annotations

import re

import pandas as pd


class CommandError(Exception):
    """A user error with a Vietnamese message (no traceback)."""


def parse_months(text: str) -> tuple[int, int]:
    """'1-6' → (1, 6)."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*-\s*(\d{1,2})\s*", text)
    if not match or not (1 <= int(match.group(1)) <= int(match.group(2)) <= 12):
        raise CommandError(f"kỳ «{text}» không hợp lệ; viết dạng 1-6, 1-9 hoặc 1-12.")
    return int(match.group(1)), int(match.group(2))


def open_existing(db: str | None):
    """The store at --db (or the default) — only if it exists: reading commands never create one."""
    import store
    from store import published

    path = store.db_path(db)
    if not path.exists():
        raise CommandError(f"không có kho dữ liệu {path}.")
    return published.reader(path)  # the newest snapshot: runs beside the app and a load


def find_unit(con, name_or_code: str, year: int) -> pd.Series:
    from indicators import units

    try:
        return units.resolve(con, name_or_code, year)
    except units.UnitNotFound as exc:
        raise CommandError(str(exc)) from exc


def number_text(x, digits: int = 6) -> str:
    """Plain decimal text: 4339, 48.08, '' for missing (float noise rounded away)."""
    if x is None or x is pd.NA or (isinstance(x, float) and pd.isna(x)):
        return ""
    x = round(float(x), digits)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)  # inf and nan: repr
