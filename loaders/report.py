"""The one place problems are rendered as text: `FILE:SHEET!CELL: lỗi|cảnh báo [code] message`."""

from __future__ import annotations

from loaders.problems import Problem

SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}


def format_line(p: Problem) -> str:
    where = p.file
    if p.sheet:
        where += f":{p.sheet}"
        if p.cell:
            where += f"!{p.cell}"
    elif p.cell:
        where += f":{p.cell}"
    return f"{where}: {SEVERITY_VI.get(p.severity, p.severity)} [{p.code}] {p.message}"


def summary(n_files: int, n_obs: int, n_errors: int, n_warnings: int) -> str:
    return f"{n_files} tệp, {_n(n_obs)} số liệu, {_n(n_errors)} lỗi, {_n(n_warnings)} cảnh báo"


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
