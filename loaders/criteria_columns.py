"""Criteria matrices of civilised wards (đô thị văn minh) share column names with NTM criteria and
ordinary indicators ("3. Điện", "14. Tỷ lệ hộ nghèo"). In a sheet whose title names the civilised-ward
title, such a column is read as the văn minh criterion of its number."""

from __future__ import annotations

import re

from indicators import criteria
from vn.text import fold

_NUMBER = re.compile(r"^\s*(?:tieu chi|tc|tcvm|dtvm)?\s*(\d{1,2})\s*(?:[.):\-]|$|\s)")


def title_family(title: str) -> str | None:
    """'van_minh' when the sheet title is about civilised wards/towns, else None."""
    return "van_minh" if "van minh" in fold(title) else None


def narrow(found: set[str], hint: str, title: str) -> set[str]:
    """The column's indicator(s), re-read as a văn minh criterion by number in a văn minh sheet."""
    if title_family(title) != "van_minh":
        return found
    by_number = {n: code for code, (family, n) in criteria.criterion_indicators("van_minh").items()}
    if len(found) == 1 and next(iter(found)) in by_number.values():
        return found
    match = _NUMBER.match(fold(hint))
    if match and int(match.group(1)) in by_number:
        return {by_number[int(match.group(1))]}
    return found
