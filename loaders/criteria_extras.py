"""What a parsed file holds beyond observations, in the shape the store keeps it (migration 002):
a matrix's "Năm đạt chuẩn" as recognitions, an urban scoring table's levels and points as
criteria_scores. Called by commit() for each file; pure (no store access)."""

from __future__ import annotations

import pandas as pd

from indicators import criteria
from loaders.parse import FileResult

LEVEL_OF_FAMILY = {"ntm": "ntm", "van_minh": "van_minh"}


def _sheet_obs(result: FileResult, sheet: str) -> pd.DataFrame:
    obs = result.observations
    if obs.empty or "sheet" not in obs:
        return obs.iloc[0:0]
    return obs[obs["sheet"] == sheet]


def recognitions(result: FileResult) -> list[dict]:
    """One recognition per commune/ward row whose "Năm đạt chuẩn" is a year."""
    rows = []
    reached_by_sheet = result.extras.get("years_reached", {})
    families = criteria.criterion_indicators() if reached_by_sheet else {}
    for sheet, reached in reached_by_sheet.items():
        codes = set(_sheet_obs(result, sheet).get("indicator_code", pd.Series(dtype=object)))
        family = (
            "van_minh" if any(families.get(c, ("",))[0] == "van_minh" for c in codes) else "ntm"
        )
        for unit_id, year in reached.items():
            if not isinstance(year, int) or not 1990 <= year <= 2100:
                continue  # free text ("Đang thẩm định") is not a recognition
            framework = criteria.base_set(family, year)
            rows.append(
                {
                    "unit_id": int(unit_id),
                    "framework": framework.code if framework else family,
                    "level": LEVEL_OF_FAMILY[family],
                    "year": year,
                    "decision": None,
                    "decided_on": None,
                    "source_cell": sheet,
                }
            )
    return rows


def criteria_scores(result: FileResult) -> list[dict]:
    """Every line of each urban scoring table, for the unit and year its observations carry."""
    rows = []
    for sheet, lines in result.extras.get("urban_rows", {}).items():
        obs = _sheet_obs(result, sheet)
        if obs.empty:
            continue
        unit_id, year = int(obs["unit_id"].mode().iloc[0]), int(obs["year"].mode().iloc[0])
        framework = criteria.base_set("urban", year)
        for line in lines:
            stt = (line.get("stt") or "").strip()
            item = stt if stt else ("total" if line.get("points") is not None else "")
            if not item:
                continue
            rows.append(
                {
                    "unit_id": unit_id,
                    "year": year,
                    "framework": framework.code if framework else "urban",
                    "item": item,
                    "name": line.get("name"),
                    "indicator_code": line.get("indicator_code"),
                    "min_level": line.get("min_level"),
                    "max_level": line.get("max_level"),
                    "min_points": line.get("min_points"),
                    "max_points": line.get("max_points"),
                    "points_reported": line.get("points"),
                    "source_cell": line.get("cell"),
                }
            )
    return rows


def batch_extras(result: FileResult) -> dict:
    return {"recognitions": recognitions(result), "criteria_scores": criteria_scores(result)}
