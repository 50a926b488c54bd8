"""An upload writes only units of its uploader's scope: a row for any other unit is an error on
its first cell (one per unit, with how many values it holds), so the file is refused whole."""

from __future__ import annotations

from collections.abc import Collection

from loaders.parse import FileResult
from loaders.problems import problem
from vn.numbers import number


def out_of_scope(result: FileResult, allowed: Collection[int], user: str, scope_names: str) -> list:
    obs = result.observations
    if obs.empty:
        return []
    outside = obs[~obs["unit_id"].astype("int64").isin(list(allowed))]
    found = []
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
