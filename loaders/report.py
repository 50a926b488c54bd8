"""The one renderer of problems: `FILE:SHEET!CELL: lỗi|cảnh báo [code] message` for the command line and
the upload record, and the same parts for the page (which escapes them: nothing from a file is markup)."""

from __future__ import annotations

from loaders.problems import SEVERITY_VI, Problem
from vn import numbers as fmt


def where(p: Problem) -> str:
    """'SHEET!CELL', 'SHEET', 'CELL' or '' — the place in the file."""
    if p.sheet:
        return f"{p.sheet}!{p.cell}" if p.cell else p.sheet
    return p.cell or ""


def severity_label(p: Problem, capital: bool = False) -> str:
    label = SEVERITY_VI.get(p.severity, p.severity)
    return label[:1].upper() + label[1:] if capital else label


def format_line(p: Problem) -> str:
    place = where(p)
    head = f"{p.file}:{place}" if place else p.file
    return f"{head}: {severity_label(p)} [{p.code}] {p.message}"


def summary(n_files: int, n_obs: int, n_errors: int, n_warnings: int) -> str:
    return f"{n_files} tệp, {_n(n_obs)} số liệu, {_n(n_errors)} lỗi, {_n(n_warnings)} cảnh báo"


def _n(value: int) -> str:
    return fmt.number(value, 0)
