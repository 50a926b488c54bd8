"""The problems that name things, with their candidates: what is wrong, where, how to fix it (the
templates are in data/problems.toml)."""

from __future__ import annotations

from datetime import date

from loaders.problems import Problem, problem
from vn.numbers import number


def fmt(value: float) -> str:
    """vi-VN number for a message: 1.234,5 (up to two decimals)."""
    return number(value, 2)


def _suggest(names: list[str]) -> str:
    return f" Có phải: {', '.join(names)}?" if names else ""


def unknown_indicator(
    file: str,
    sheet: str,
    cell: str,
    name: str,
    catalog,
    ambiguous=None,
    suggestions: list[str] | None = None,
) -> Problem:
    if ambiguous:
        names = [catalog.indicators.at[c, "name"] for c in sorted(ambiguous)]
        return problem(
            "ambiguous-indicator", file, sheet, cell, name=name, matches=", ".join(names)
        )
    shown = (
        suggestions[:3] if suggestions is not None else catalog.indicator_matcher.candidates(name)
    )
    return problem("unknown-indicator", file, sheet, cell, name=name, suggestions=_suggest(shown))


def unknown_unit(
    file: str, sheet: str, cell: str, name: str, catalog, valid, others, when: date
) -> Problem:
    if len(valid) > 1:
        names = [f"{catalog.units[i].name} (mã {catalog.units[i].code})" for i in valid]
        return problem("ambiguous-unit", file, sheet, cell, name=name, matches=", ".join(names))
    if others:
        spans = ", ".join(
            f"{catalog.units[i].name} {catalog.units[i].valid_from:%d/%m/%Y}–"
            f"{catalog.units[i].valid_to:%d/%m/%Y}"
            if catalog.units[i].valid_to
            else f"{catalog.units[i].name} từ {catalog.units[i].valid_from:%d/%m/%Y}"
            for i in others
        )
        return problem(
            "unknown-unit",
            file,
            sheet,
            cell,
            "not_then",
            name=name,
            day=f"{when:%d/%m/%Y}",
            spans=spans,
            successors=successor_hint(catalog, others, when),
        )
    return problem(
        "unknown-unit",
        file,
        sheet,
        cell,
        name=name,
        suggestions=_suggest(catalog.unit_suggestions(name, when)),
    )


def successor_hint(catalog, unit_ids, when: date) -> str:
    """ " Sau sáp nhập, đơn vị này thuộc: Phường Thành Sen (mã 18073)." — the units in force at
    `when` that the named ones went into, offered, never chosen (empty when there are none)."""
    found: list[int] = []
    for unit_id in unit_ids:
        unit = catalog.units[unit_id]
        if unit.valid_to is not None and unit.valid_to < when:
            found += [i for i in catalog.successors_at(unit_id, when) if i not in found]
    if not found:
        return ""
    names = ", ".join(f"{catalog.units[i].name} (mã {catalog.units[i].code})" for i in found)
    return f" Sau sáp nhập, địa bàn này thuộc: {names} — có phải ý bạn là đơn vị đó?"


def unknown_measure(file: str, sheet: str, cell: str, text: str, catalog) -> Problem:
    return problem(
        "unknown-measure",
        file,
        sheet,
        cell,
        text=text,
        suggestions=_suggest(catalog.measure_matcher.candidates(text)),
    )
