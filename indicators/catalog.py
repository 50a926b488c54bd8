"""The indicator catalog and admin units as read from the store (loaded there from data/)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from store import Connection, cached_unscoped, reference_version
from store.queries import catalog as stored_catalog
from store.queries import units as stored_units
from vn.units import type_labels

TARGET_SOURCES_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "catalog" / "target_sources.toml"
)

UNIT_TYPE_LABELS = type_labels()  # data/unit_types.toml


@lru_cache(maxsize=1)
def target_sources() -> pd.DataFrame:
    rows = tomllib.loads(TARGET_SOURCES_FILE.read_text("utf-8"))["source"]
    return pd.DataFrame(rows).sort_values("priority").reset_index(drop=True)


@lru_cache(maxsize=1)
def target_priorities() -> dict[str, int]:
    """Each target source's priority (1 first): a lookup where a merge with the table cost ~2 ms."""
    sources = target_sources()
    return {str(c): int(p) for c, p in zip(sources["code"], sources["priority"])}


@lru_cache(maxsize=1)
def _target_source_labels() -> dict[str, str]:
    return dict(zip(target_sources()["code"], target_sources()["label"]))


def target_source_phrase(code: str | None) -> str:
    table = target_sources().set_index("code")["phrase"]
    return str(table.get(code or "", "kế hoạch"))


def target_source_label(code: str | None) -> str:
    # called once per scorecard row (thousands for a province's communes): a dict, not a re-indexed frame
    return str(_target_source_labels().get(code or "", code or "Kế hoạch"))


def target_source_labels(sources: pd.Series) -> pd.Series:
    """`target_source_label` of a column of target sources, asked once per distinct source (a
    province's ~20k scorecard rows hold a handful); rows without one read as "Kế hoạch"."""
    labels = {code: target_source_label(code) for code in sources.dropna().unique()}
    return sources.map(labels).astype(object).fillna(target_source_label(""))


def indicators(con: Connection) -> pd.DataFrame:
    """Catalog rows with their measure's display name and group name, in catalog order (cached per
    connection until the reference data resyncs, once per snapshot for all scopes: every scorecard
    asks for it)."""
    return cached_unscoped(
        con, "catalog.indicators", lambda: reference_version(con), lambda: _indicators(con)
    )


def _indicators(con: Connection) -> pd.DataFrame:
    frame = stored_catalog.indicators(con)
    frame["accumulates"] = [
        bool(given) if pd.notna(given) else accumulates_by_default(rule, kind)
        for given, rule, kind in zip(
            frame["accumulates"], frame["aggregation"], frame["value_type"]
        )
    ]
    return frame


def accumulates_by_default(aggregation: str, value_type: str) -> bool:
    """A flow unless the catalog says `accumulates = false`: sums of levels and counts (production
    value, revenue, jobs) add up over the months; rates and unaggregated levels do not."""
    return aggregation == "sum" and value_type in ("level", "count")


measures = stored_catalog.measures
groups = stored_catalog.groups
units = stored_units.with_parents
units_valid_on = stored_units.valid_on
children = stored_units.children_by_code
unit = stored_units.by_id
