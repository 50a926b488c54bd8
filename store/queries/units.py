"""Admin units: the units with data, children, the list valid on a day."""

from __future__ import annotations

from datetime import date
from typing import Sequence

import duckdb
import pandas as pd

from store.connection import cached, data_version, query

UNIT_COLUMNS = "unit_id, code, name, short_name, unit_type, valid_from, valid_to"


def with_data(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Units holding observations, parents (city, district, province) first, then by name. Reads
    `unit_summary` (kept current by store.uploads), not the observations; cached per connection until
    the store's data version changes (an upload, a rollback, a reference resync)."""
    return cached(con, "units_with_data", data_version(con), lambda: _with_data(con))


def _with_data(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(
        con,
        """
        WITH counts AS (SELECT unit_id, n_obs, first_year, last_year FROM unit_summary)
        SELECT u.unit_id, u.code, u.name, u.unit_type, u.parent_id, u.valid_from, u.valid_to,
               c.n_obs, c.first_year, c.last_year,
               EXISTS (SELECT 1 FROM admin_units ch WHERE ch.parent_id = u.unit_id) AS has_children
        FROM admin_units u JOIN counts c USING (unit_id)
        ORDER BY has_children DESC, CASE u.unit_type WHEN 'tinh' THEN 0 WHEN 'thanh_pho' THEN 1
                 WHEN 'huyen' THEN 2 WHEN 'thi_xa' THEN 3 ELSE 4 END, u.name, u.valid_from
        """,
    )


def children(con: duckdb.DuckDBPyConnection, parent_id: int) -> pd.DataFrame:
    return query(
        con,
        f"SELECT {UNIT_COLUMNS} FROM admin_units WHERE parent_id = ? ORDER BY unit_type, name",
        [parent_id],
    )


def children_of(con: duckdb.DuckDBPyConnection, parent_ids: Sequence[int]) -> pd.DataFrame:
    """The children of several units at once (parent_id column added), each parent's in `children` order."""
    return query(
        con,
        f"SELECT parent_id, {UNIT_COLUMNS} FROM admin_units "
        "WHERE parent_id IN (SELECT unnest(?::INTEGER[])) ORDER BY parent_id, unit_type, name",
        [[int(u) for u in parent_ids]],
    )


def all_units(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(con, "SELECT * FROM admin_units")


def with_parents(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every unit version with its parent's name, by validity and code."""
    return query(
        con,
        """
        SELECT u.*, p.name AS parent_name
        FROM admin_units u LEFT JOIN admin_units p ON p.unit_id = u.parent_id
        ORDER BY u.valid_from, u.code
        """,
    )


def valid_on(con: duckdb.DuckDBPyConnection, day: date) -> pd.DataFrame:
    return query(
        con,
        "SELECT * FROM admin_units WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) "
        "ORDER BY code",
        [day, day],
    )


def children_by_code(con: duckdb.DuckDBPyConnection, parent_id: int) -> pd.DataFrame:
    return query(
        con, "SELECT * FROM admin_units WHERE parent_id = ? ORDER BY unit_type, code", [parent_id]
    )


def by_id(con: duckdb.DuckDBPyConnection, unit_id: int) -> pd.Series | None:
    frame = query(con, "SELECT * FROM admin_units WHERE unit_id = ?", [unit_id])
    return None if frame.empty else frame.iloc[0]


def names(con: duckdb.DuckDBPyConnection, unit_ids: Sequence[int]) -> pd.DataFrame:
    """unit_id, unit_code, unit_name of some units."""
    return query(
        con,
        "SELECT unit_id, code AS unit_code, name AS unit_name FROM admin_units "
        "WHERE list_contains(?, unit_id)",
        [[int(u) for u in unit_ids]],
    )
