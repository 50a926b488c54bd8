"""An upload writes only units of its uploader's scope: a row for any other unit is an error on
its first cell (one per unit, with how many values it holds), so the file is refused whole."""

from __future__ import annotations

from collections.abc import Collection

from loaders.parse import FileResult
from loaders.problems import problem
from vn.numbers import number


def out_of_scope(result: FileResult, allowed: Collection[int], user: str, scope_names: str) -> list:
    found = _recognitions_outside(result, allowed, user, scope_names)
    obs = result.observations
    if obs.empty:
        return found
    units = obs["unit_id"].astype("int64")
    # -1: rows whose unit could not be told (that is already an error on its cell, with the
    # suggestion): not "another unit" outside the scope
    outside = obs[(units >= 0) & ~units.isin(list(allowed))]
    for unit_id, rows in outside.groupby("unit_id", sort=False):
        first = rows.iloc[0]
        cell = str(first.get("source_cell") or "")
        sheet, _, a1 = cell.rpartition("!")
        found.append(
            problem(
                "out-of-scope",
                result.name,
                sheet or None,
                a1 or None,
                unit=str(first.get("unit_name") or unit_id),
                user=user,
                scope=scope_names,
                count=number(len(rows)),
            )
        )
    return found


def _recognitions_outside(
    result: FileResult, allowed: Collection[int], user: str, scope_names: str
):
    """A "Năm đạt chuẩn" for a unit outside the scope would record its recognition: refused too."""
    found = []
    for sheet, reached in result.extras.get("years_reached", {}).items():
        for unit_id in reached:
            if int(unit_id) not in allowed:
                found.append(
                    problem(
                        "out-of-scope",
                        result.name,
                        sheet,
                        None,
                        unit=str(unit_id),
                        user=user,
                        scope=scope_names,
                        count=number(1),
                    )
                )
    return found
