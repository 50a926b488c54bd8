"""Reference data from `data/` (catalog, measures, admin units) loaded into the store.

The files are the source of truth; the store holds a copy that is refreshed whenever the files change
(their combined sha256 is kept in `meta`).
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from store import regions
from store.aliases import copy_additions

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CATALOG_DIR = DATA_DIR / "catalog"
# a measure without its own `sanity_max` (data/catalog/measures.toml)
DEFAULT_SANITY_MAX = 1e15
CATALOG_FILES = ("indicators.toml", "criteria_indicators.toml")
# optional: indicators and aliases exported from a store (`python -m loaders aliases export`)
LOCAL_FILES = ("local_indicators.toml", "aliases.toml")


def _files(data_dir: Path) -> list[Path]:
    catalog = data_dir / "catalog"
    return [
        catalog / "groups.toml",
        catalog / "measures.toml",
        *(catalog / name for name in CATALOG_FILES),
        *(catalog / name for name in LOCAL_FILES if (catalog / name).exists()),
        data_dir / "admin_units.csv",
        data_dir / "unit_succession.csv",
        data_dir / "succession_shares.csv",
    ]


def fingerprint(data_dir: Path = DATA_DIR) -> str:
    digest = hashlib.sha256()
    for path in _files(data_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(f"{regions.PROVINCES_ENV}={regions.wanted()}".encode())  # another choice: resync
    return digest.hexdigest()


def deployed_units(data_dir: Path = DATA_DIR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The admin units and succession links of the provinces this deployment serves
    (store.regions: CHITIEU_PROVINCES, default Hà Tĩnh)."""
    units, links = read_admin_units(data_dir), read_succession(data_dir)
    region = regions.region_of(units, links)
    chosen = regions.resolve(regions.wanted(), units, region)
    if chosen is None:
        return units, links
    keep = units[units.unit_id.map(region).isin(chosen)]
    ids = set(keep.unit_id)
    return keep, links[links.old_unit_id.isin(ids) & links.new_unit_id.isin(ids)]


def read_groups(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    rows = tomllib.loads((data_dir / "catalog" / "groups.toml").read_text("utf-8"))["group"]
    return pd.DataFrame(
        [{"code": g["code"], "name": g["name"], "sort_order": i} for i, g in enumerate(rows)]
    )


def read_measures(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    rows = tomllib.loads((data_dir / "catalog" / "measures.toml").read_text("utf-8"))["measure"]
    return pd.DataFrame(
        [
            {
                "code": m["code"],
                "name": m["name"],
                "aliases": list(m.get("aliases", [])),
                "base": m["base"],
                "factor": float(m["factor"]),
                "sanity_max": float(m.get("sanity_max", DEFAULT_SANITY_MAX)),
            }
            for m in rows
        ]
    )


def read_indicators(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    local = data_dir / "catalog" / LOCAL_FILES[0]
    names = [*CATALOG_FILES, *([LOCAL_FILES[0]] if local.exists() else [])]
    for name in names:
        for item in tomllib.loads((data_dir / "catalog" / name).read_text("utf-8")).get(
            "indicator", []
        ):
            rows.append(
                {
                    "code": item["code"],
                    "name": item["name"],
                    "aliases": list(item.get("aliases", [])),
                    "measure": item["measure"],
                    "group_code": item["group"],
                    "direction": item["direction"],
                    "aggregation": item["aggregation"],
                    "numerator": item.get("numerator"),
                    "denominator": item.get("denominator"),
                    "value_type": item["value_type"],
                    "min_value": item.get("min"),
                    "max_value": item.get("max"),
                    "parent_code": item.get("parent"),
                    "is_criterion": bool(item.get("criterion", False)),
                    # None: the default rule (indicators.catalog.accumulates)
                    "accumulates": item.get("accumulates"),
                    "criterion_number": item.get("criterion_number"),
                    "urban_standard": item.get("urban_standard"),
                    "sort_order": len(rows),
                    "source": item.get("source"),
                }
            )
    frame = pd.DataFrame(rows)
    for column in ("min_value", "max_value"):
        frame[column] = frame[column].astype("float64")
    frame["criterion_number"] = frame["criterion_number"].astype("Int64")
    return frame


def read_file_aliases(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """`data/catalog/aliases.toml` (exported from a store): kind, name, name_key, target."""
    path = data_dir / "catalog" / LOCAL_FILES[1]
    items = tomllib.loads(path.read_text("utf-8")).get("alias", []) if path.exists() else []
    return pd.DataFrame(
        [
            {
                "kind": a["kind"],
                "name": a["name"],
                "name_key": a["name_key"],
                "target": str(a["target"]),
            }
            for a in items
        ],
        columns=["kind", "name", "name_key", "target"],
    )


def _file_aliases(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    frame = read_file_aliases(data_dir)
    if frame.empty:
        return
    con.register("_file_aliases", frame)
    con.execute(
        "INSERT INTO name_aliases SELECT f.kind, f.name, f.name_key, f.target, 'data/catalog/aliases.toml', "
        "now()::TIMESTAMP, NULL, NULL FROM _file_aliases f WHERE NOT EXISTS (SELECT 1 FROM name_aliases a "
        "WHERE a.kind = f.kind AND a.name_key = f.name_key)"
    )
    con.unregister("_file_aliases")


def read_admin_units(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    frame = pd.read_csv(data_dir / "admin_units.csv", dtype={"code": str}, keep_default_na=False)
    frame["parent_id"] = pd.to_numeric(frame["parent_id"], errors="coerce").astype("Int64")
    frame["valid_from"] = pd.to_datetime(frame["valid_from"]).dt.date
    frame["valid_to"] = pd.to_datetime(frame["valid_to"].replace("", None)).dt.date
    return frame[
        [
            "unit_id",
            "code",
            "name",
            "short_name",
            "unit_type",
            "parent_id",
            "valid_from",
            "valid_to",
            "source",
        ]
    ]


def read_succession(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Succession links with the share of the old unit that went into the new one: 1 for a `full`
    link; for a `partial` one the share in `succession_shares.csv` (with its basis — population or
    area — and source), NULL when no source gives it (history through it is flagged, not guessed)."""
    frame = pd.read_csv(data_dir / "unit_succession.csv", keep_default_na=False)
    frame["effective"] = pd.to_datetime(frame["effective"]).dt.date
    shares_file = data_dir / "succession_shares.csv"
    shares = (
        pd.read_csv(shares_file, keep_default_na=False)
        if shares_file.exists()
        else pd.DataFrame(columns=["old_unit_id", "new_unit_id", "share", "basis", "source"])
    ).rename(columns={"basis": "share_basis", "source": "share_source"})
    shares["share"] = pd.to_numeric(shares["share"], errors="coerce")
    frame = frame.merge(shares, on=["old_unit_id", "new_unit_id"], how="left")
    full = frame["kind"] == "full"
    frame.loc[full, "share"] = 1.0
    for column in ("share_basis", "share_source"):
        frame[column] = frame[column].replace("", None)
    return frame[
        [
            "old_unit_id",
            "new_unit_id",
            "kind",
            "effective",
            "source",
            "share",
            "share_basis",
            "share_source",
        ]
    ]


def _replace(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    con.execute(f"DELETE FROM {table}")  # table names are constants of this module
    con.register("_ref_frame", frame)
    columns = ", ".join(frame.columns)
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _ref_frame")
    con.unregister("_ref_frame")


def sync(con: duckdb.DuckDBPyConnection, data_dir: Path = DATA_DIR, force: bool = False) -> bool:
    """Refresh reference tables from `data/` when the files changed. Returns True when it wrote."""
    digest = fingerprint(data_dir)
    rows = con.execute("SELECT value FROM meta WHERE key = 'reference_sha256'").fetchall()
    row = rows[0] if rows else None
    if row and row[0] == digest and not force:
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        _replace(con, "indicator_groups", read_groups(data_dir))
        _replace(con, "measures", read_measures(data_dir))
        _replace(con, "indicators", read_indicators(data_dir))
        copy_additions(con)  # indicators an administrator added from an upload stay
        _file_aliases(con, data_dir)
        units, links = deployed_units(data_dir)
        _replace(con, "admin_units", units)
        _replace(con, "unit_succession", links)
        con.execute(
            "INSERT OR REPLACE INTO meta SELECT 'units_start', CAST(min(valid_from) AS VARCHAR)"
            " FROM admin_units"
        )  # migration 011: the list's first day, read through scoped views unchanged
        con.execute("INSERT OR REPLACE INTO meta VALUES ('reference_sha256', ?)", [digest])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return True
