"""Criteria values as the NTM, civilised-ward and urban pages read them."""

from __future__ import annotations

from typing import Sequence

import duckdb
import pandas as pd

from store.connection import query


def criterion_values(
    con: duckdb.DuckDBPyConnection,
    codes: Sequence[str],
    parent_id: int | None = None,
    until: int | None = None,
) -> pd.DataFrame:
    """Whole-year criterion values (actual preferred over estimate) of every unit, or of a parent's
    children, up to a year: unit_id, year, indicator_code, value."""
    return query(
        con,
        """
        SELECT o.unit_id, o.year, o.indicator_code,
               arg_min(o.value, CASE o.kind WHEN 'actual' THEN 0 ELSE 1 END) AS value
        FROM observations o JOIN admin_units a USING (unit_id)
        WHERE list_contains(?, o.indicator_code) AND o.month_from = 1 AND o.month_to = 12
          AND o.kind IN ('actual', 'estimate') AND (? IS NULL OR a.parent_id = ?) AND (? IS NULL OR o.year <= ?)
        GROUP BY o.unit_id, o.year, o.indicator_code
        """,
        [list(codes), parent_id, parent_id, until, until],
    )


def parents_holding(con: duckdb.DuckDBPyConnection, codes: Sequence[str]) -> pd.DataFrame:
    """Parent units whose children hold values of some indicators: unit_id, name, validity, years."""
    return query(
        con,
        """
        SELECT p.unit_id, p.name, p.valid_from, p.valid_to, min(o.year) AS first_year, max(o.year) AS last_year
        FROM observations o JOIN admin_units a USING (unit_id) JOIN admin_units p ON a.parent_id = p.unit_id
        WHERE list_contains(?, o.indicator_code)
        GROUP BY p.unit_id, p.name, p.valid_from, p.valid_to ORDER BY p.unit_id
        """,
        [list(codes)],
    )


def units_holding(con: duckdb.DuckDBPyConnection, codes: Sequence[str]) -> pd.DataFrame:
    """Units holding values of some indicators: unit_id, code, name, first and last year."""
    return query(
        con,
        """
        SELECT a.unit_id, a.code, a.name, min(o.year) AS first_year, max(o.year) AS last_year
        FROM observations o JOIN admin_units a USING (unit_id)
        WHERE list_contains(?, o.indicator_code)
        GROUP BY a.unit_id, a.code, a.name ORDER BY a.name
        """,
        [list(codes)],
    )


def urban_years(
    con: duckdb.DuckDBPyConnection, unit_id: int, codes: Sequence[str], shared_codes: Sequence[str]
) -> list[int]:
    """Years with any whole-year value of `codes` (those in `shared_codes` also serve other sets and do
    not make a year an urban assessment) or an uploaded scoring table still in force."""
    frame = query(
        con,
        """
        SELECT DISTINCT year FROM observations
        WHERE unit_id = ? AND month_from = 1 AND month_to = 12 AND list_contains(?, indicator_code)
          AND NOT list_contains(?, indicator_code)
        UNION SELECT DISTINCT s.year FROM criteria_scores s JOIN uploads u USING (upload_id)
        WHERE u.status <> 'rolled_back' AND s.unit_id = ?
        ORDER BY year
        """,
        [unit_id, list(codes), list(shared_codes), unit_id],
    )
    return [int(y) for y in frame.year]
