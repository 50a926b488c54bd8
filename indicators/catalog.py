"""The indicator catalog and admin units as read from the store (loaded there from data/)."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from store import cached, query, reference_version
from vn.units import type_labels

TARGET_SOURCES_FILE = Path(__file__).resolve().parent.parent / "data" / "catalog" / "target_sources.toml"

UNIT_TYPE_LABELS = type_labels()  # data/unit_types.toml


@lru_cache(maxsize=1)
def target_sources() -> pd.DataFrame:
    rows = tomllib.loads(TARGET_SOURCES_FILE.read_text("utf-8"))["source"]
    return pd.DataFrame(rows).sort_values("priority").reset_index(drop=True)


@lru_cache(maxsize=1)
def _target_source_labels() -> dict[str, str]:
    return dict(zip(target_sources()["code"], target_sources()["label"]))


def target_source_phrase(code: str | None) -> str:
    table = target_sources().set_index("code")["phrase"]
    return str(table.get(code or "", "kế hoạch"))


def target_source_label(code: str | None) -> str:
    # called once per scorecard row (thousands for a province's communes): a dict, not a re-indexed frame
    return str(_target_source_labels().get(code or "", code or "Kế hoạch"))


def indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Catalog rows with their measure's display name and group name, in catalog order (cached per
    connection until the reference data resyncs: every scorecard asks for it)."""
    return cached(con, "catalog.indicators", reference_version(con), lambda: _indicators(con))


def _indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
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


def units(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return query(
        con,
        """
        SELECT u.*, p.name AS parent_name
        FROM admin_units u LEFT JOIN admin_units p ON p.unit_id = u.parent_id
        ORDER BY u.valid_from, u.code
        """,
    )


def units_valid_on(con: duckdb.DuckDBPyConnection, day: date) -> pd.DataFrame:
    return query(
        con,
        "SELECT * FROM admin_units WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY code",
        [day, day],
    )


def children(con: duckdb.DuckDBPyConnection, parent_id: int) -> pd.DataFrame:
    return query(
        con,
        "SELECT * FROM admin_units WHERE parent_id = ? ORDER BY unit_type, code",
        [parent_id],
    )


def unit(con: duckdb.DuckDBPyConnection, unit_id: int) -> pd.Series | None:
    frame = query(con, "SELECT * FROM admin_units WHERE unit_id = ?", [unit_id])
    return None if frame.empty else frame.iloc[0]
