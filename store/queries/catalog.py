"""The catalog as stored (copied from data/catalog/ by store.reference)."""

from __future__ import annotations

import duckdb
import pandas as pd

from store.connection import query


def indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every indicator with its measure's and group's names, in the catalog's order."""
    return query(
        con,
        """
        SELECT i.*, m.name AS measure_name, g.name AS group_name, g.sort_order AS group_order
        FROM indicators i
        JOIN measures m ON m.code = i.measure
        JOIN indicator_groups g ON g.code = i.group_code
        ORDER BY g.sort_order, i.sort_order
        """,
    )


def measures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(con, "SELECT * FROM measures ORDER BY code")


def groups(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(con, "SELECT * FROM indicator_groups ORDER BY sort_order")


def template_indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The indicators a blank report template lists: no criteria, no urban standards."""
    return query(
        con,
        """
        SELECT i.code, i.name, i.parent_code, m.name AS measure, g.code AS group_code, g.name AS group_name
        FROM indicators i JOIN measures m ON m.code = i.measure JOIN indicator_groups g ON g.code = i.group_code
        WHERE NOT i.is_criterion AND i.group_code <> 'do_thi'
        ORDER BY g.sort_order, i.sort_order
        """,
    )


def for_matching(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(indicators, measures, admin units) as the loader's name matcher reads them."""
    indicators = query(
        con,
        "SELECT code, name, aliases, measure, min_value, max_value, parent_code, is_criterion, "
        "value_type, group_code, sort_order FROM indicators ORDER BY sort_order",
    )
    measures = query(con, "SELECT code, name, aliases, base, factor, sanity_max FROM measures")
    units = query(
        con,
        "SELECT unit_id, code, name, short_name, unit_type, parent_id, valid_from, valid_to "
        "FROM admin_units",
    )
    return indicators, measures, units


def successions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Which unit version went into which (old_unit_id, new_unit_id, effective)."""
    return query(con, "SELECT old_unit_id, new_unit_id, effective FROM unit_succession")


def reference_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """The sha256 of the reference files the store was last synced from ('' before the first sync)."""
    frame = query(con, "SELECT value FROM meta WHERE key = 'reference_sha256'")
    return str(frame.iloc[0, 0]) if len(frame) else ""
