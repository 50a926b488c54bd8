"""Admin units: the units with data, children, the list valid on a day."""

from __future__ import annotations

from datetime import date
from typing import Sequence

import duckdb
import numpy as np
import pandas as pd

from store.connection import cached, data_version, query
from store.scope import cut_from_snapshot, read_of_snapshot

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
               p.parent_id IS NOT NULL AS has_children
        FROM admin_units u JOIN counts c USING (unit_id)
        LEFT JOIN (SELECT DISTINCT parent_id FROM admin_units) p ON p.parent_id = u.unit_id
        ORDER BY has_children DESC, CASE u.unit_type WHEN 'tinh' THEN 0 WHEN 'thanh_pho' THEN 1
                 WHEN 'huyen' THEN 2 WHEN 'thi_xa' THEN 3 ELSE 4 END, u.name, u.valid_from
        """,
    )


# In force on a day. The list's first `valid_from` (2016-01-01) means "at least since": those units
# count as in force before it too (the demo's 2015, a report of 2014), as the loader reads them.
# The whole list's first day (meta, written with the list): a scope's admin_units view holds only
# its own units, whose earliest start may be later (a scope of 2025 wards).
LIST_START = (
    "coalesce((SELECT CAST(value AS DATE) FROM meta WHERE key = 'units_start'),"
    " (SELECT min(f.valid_from) FROM admin_units f))"
)


def valid_on_sql(alias: str = "") -> str:
    """SQL: the unit (`alias.`) is in force on the day given twice as parameters."""
    a = f"{alias}." if alias else ""
    return (
        f"({a}valid_from <= ? OR {a}valid_from = {LIST_START})"
        f" AND ({a}valid_to IS NULL OR {a}valid_to >= ?)"
    )


def list_start(con: duckdb.DuckDBPyConnection):
    """The admin-unit list's first day (a date), None for an empty list."""
    found = query(con, f"SELECT {LIST_START} AS start").start.iloc[0]
    return None if pd.isna(found) else pd.Timestamp(found).date()


VALID_ON = valid_on_sql()


def children(
    con: duckdb.DuckDBPyConnection, parent_id: int, day: date | None = None
) -> pd.DataFrame:
    """The unit's children; only those in force on `day` when given (a period's units). Filtered
    from the unit list read once per snapshot (a query through a scope's views cost a never-seen
    view ~5 ms): the same rows, in the same order, as `_children` reads."""
    held = read_of_snapshot(
        con, "children_by_parent", lambda whole: _by_parent(unit_list(whole)[1])
    )
    if held is None:
        start, rows = unit_list(con)
        rows = _ordered(rows[rows.parent_id == parent_id]).drop(columns="parent_id")
        at = np.arange(len(rows))
        keep = np.ones(len(rows), dtype=bool)
    else:  # the whole snapshot's children of the unit, ordered once, cut to the scope's
        (rows, by_parent), ids = held
        start = _first_day(con, lambda: unit_list(con)[1])
        at = by_parent.get(int(parent_id), np.empty(0, dtype=np.intp))
        keep = np.array([u in ids for u in rows["unit_id"].to_numpy()[at].tolist()], dtype=bool)
    if day is not None:
        keep &= _in_force_on(
            rows["valid_from"].to_numpy()[at], rows["valid_to"].to_numpy()[at], day, start
        )
    # one mask over arrays, one take: pandas' filter per condition cost a never-seen view ~1,5 ms
    return rows.take(at[keep]).reset_index(drop=True)


def _in_force_on(
    valid_from: np.ndarray, valid_to: np.ndarray, day: date, start: date | None
) -> np.ndarray:
    """Which of the units are in force on `day`: begun by then (or on the list's first day, which
    stands for "before the list") and not ended before it."""
    when = np.datetime64(pd.Timestamp(day))
    begun = valid_from <= when
    if start is not None:
        begun |= valid_from == np.datetime64(pd.Timestamp(start))
    return begun & (np.isnat(valid_to) | (valid_to >= when))


def _ordered(rows: pd.DataFrame) -> pd.DataFrame:
    # namesakes (a ward and the ward of the same name it became) by age: a total order
    return rows.sort_values(["unit_type", "name", "valid_from", "unit_id"], kind="stable")


def _by_parent(rows: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, np.ndarray]]:
    """The units with a parent in picker order, and each parent's rows' positions in it (a frame
    per parent cost ~75 ms for the country's ~3,000 parents)."""
    ordered = _ordered(rows[rows.parent_id.notna()]).reset_index(drop=True)
    at = ordered.groupby("parent_id", sort=False).indices
    return ordered.drop(columns="parent_id"), {int(p): positions for p, positions in at.items()}


def _children(
    con: duckdb.DuckDBPyConnection, parent_id: int, day: date | None = None
) -> pd.DataFrame:
    """`children` in SQL through the connection's own views (tests hold the two equal)."""
    when, params = (f" AND {VALID_ON}", [day, day]) if day else ("", [])
    return query(
        con,
        f"SELECT {UNIT_COLUMNS} FROM admin_units WHERE parent_id = ?{when}"
        " ORDER BY unit_type, name, valid_from, unit_id",
        [parent_id, *params],
    )


def unit_list(con: duckdb.DuckDBPyConnection) -> tuple[date | None, pd.DataFrame]:
    """The list's first day (as LIST_START gives it to this connection) and every unit version of
    the connection (parent_id and UNIT_COLUMNS, by unit_id): read once per snapshot and cut to each
    scope's units."""
    version = lambda: data_version(con)  # noqa: E731
    rows = cut_from_snapshot(con, "unit_list", version, _unit_rows, _rows_of)
    return _first_day(con, lambda: rows), rows


def _first_day(con: duckdb.DuckDBPyConnection, rows) -> date | None:
    """LIST_START for this connection: meta's (which holds no units: every scope sees the whole
    snapshot's), else the first day of the connection's units (`rows()`, asked only then)."""
    version = lambda: data_version(con)  # noqa: E731
    recorded = cut_from_snapshot(con, "units_start", version, _recorded_start, lambda m, _: m)
    first = recorded.start.iloc[0] if len(recorded) else None
    if first is None or pd.isna(first):
        units = rows()
        first = units.valid_from.min() if len(units) else None
    return None if first is None or pd.isna(first) else pd.Timestamp(first).date()


def _unit_rows(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(con, f"SELECT parent_id, {UNIT_COLUMNS} FROM admin_units ORDER BY unit_id")


def _recorded_start(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(con, "SELECT CAST(value AS DATE) AS start FROM meta WHERE key = 'units_start'")


def children_of(
    con: duckdb.DuckDBPyConnection, parent_ids: Sequence[int], day: date | None = None
) -> pd.DataFrame:
    """The children of several units at once (parent_id column added), each parent's in `children`
    order; only those in force on `day` when given."""
    when, params = (f" AND {VALID_ON}", [day, day]) if day else ("", [])
    return query(
        con,
        f"SELECT parent_id, {UNIT_COLUMNS} FROM admin_units "
        f"WHERE parent_id IN (SELECT unnest(?::INTEGER[])){when} ORDER BY parent_id, unit_type, name, valid_from, unit_id",
        [[int(u) for u in parent_ids], *params],
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


TYPE_RANK = (
    "CASE u.unit_type WHEN 'tinh' THEN 0 WHEN 'thanh_pho' THEN 1 WHEN 'huyen' THEN 2 "
    "WHEN 'thi_xa' THEN 3 WHEN 'phuong' THEN 4 WHEN 'thi_tran' THEN 5 ELSE 6 END"
)


def in_force_with_data(con: duckdb.DuckDBPyConnection, day: date, year: int) -> pd.DataFrame:
    """The units in force on `day` that hold figures of `year` (unit_summary), and the units above
    them in force that day; parents first, then by type and name. `has_data`: its own figures."""
    key = f"in_force_with_data:{day}:{year}"
    # a scope's rows are the whole snapshot's rows of its units: the units above a scope's top
    # unit, which its own read cannot see, are the only ones the cut drops, and its read never
    # showed them (the walk up stops where the scope does)
    return cut_from_snapshot(
        con, key, lambda: data_version(con), lambda c: _in_force_with_data(c, day, year), _rows_of
    )


def _rows_of(frame: pd.DataFrame, ids: frozenset[int]) -> pd.DataFrame:
    return frame[frame.unit_id.isin(ids)].reset_index(drop=True)


def _in_force_with_data(con: duckdb.DuckDBPyConnection, day: date, year: int) -> pd.DataFrame:
    return query(
        con,
        f"""
            WITH RECURSIVE base AS (
                SELECT u.unit_id FROM admin_units u JOIN unit_summary s USING (unit_id)
                WHERE {valid_on_sql("u")}
                  AND s.first_year <= ? AND s.last_year >= ?
            ), up(unit_id) AS (
                SELECT unit_id FROM base
                UNION
                SELECT a.parent_id FROM admin_units a JOIN up ON a.unit_id = up.unit_id
                WHERE a.parent_id IS NOT NULL
            )
            SELECT u.unit_id, u.code, u.name, u.unit_type, u.parent_id, u.valid_from, u.valid_to,
                   u.unit_id IN (SELECT unit_id FROM base) AS has_data,
                   EXISTS (SELECT 1 FROM admin_units c WHERE c.parent_id = u.unit_id
                           AND c.unit_id IN (SELECT unit_id FROM up)) AS has_children
            FROM admin_units u
            WHERE u.unit_id IN (SELECT unit_id FROM up) AND {valid_on_sql("u")}
            ORDER BY has_children DESC, {TYPE_RANK}, u.name
            """,
        [day, day, year, year, day, day],
    )
