"""A store holding the made-up territory of tests/cases/history_cases.toml (units, succession links
with shares, observations), for the history-on-today's-boundaries tests."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd

from store.uploads import commit_upload

CASES = Path(__file__).parent / "cases" / "history_cases.toml"


def cases() -> dict:
    return tomllib.loads(CASES.read_text("utf-8"))


def build(con) -> dict:
    """Replace the store's admin units and links with the case territory and load its figures."""
    data = cases()
    units = pd.DataFrame(
        [
            {
                "unit_id": u["id"],
                "code": u["code"],
                "name": u["name"],
                "short_name": u["name"].split(" ", 1)[1],
                "unit_type": u["type"],
                "parent_id": None,
                "valid_from": u["valid_from"],
                "valid_to": u.get("valid_to"),
                "source": "tests/cases/history_cases.toml",
            }
            for u in data["unit"]
        ]
    )
    links = pd.DataFrame(
        [
            {
                "old_unit_id": link["old"],
                "new_unit_id": link["new"],
                "kind": link["kind"],
                "effective": link["effective"],
                "source": "tests/cases/history_cases.toml",
                "share": 1.0 if link["kind"] == "full" else link.get("share"),
                "share_basis": link.get("basis"),
                "share_source": link.get("source"),
            }
            for link in data["link"]
        ]
    )
    con.execute("DELETE FROM admin_units")
    con.execute("DELETE FROM unit_succession")
    con.register("_units", units)
    con.execute(
        "INSERT INTO admin_units (unit_id, code, name, short_name, unit_type, parent_id, valid_from,"
        " valid_to, source) SELECT unit_id, code, name, short_name, unit_type, parent_id::INTEGER,"
        " valid_from::DATE, valid_to::DATE, source FROM _units"
    )
    con.register("_links", links)
    con.execute(
        "INSERT INTO unit_succession SELECT old_unit_id, new_unit_id, kind, effective::DATE, source,"
        " share::DOUBLE, share_basis, share_source FROM _links"
    )
    rows = [r for block in data["obs"] for r in block["rows"]]
    frame = pd.DataFrame(
        rows,
        columns=["unit_id", "indicator_code", "year", "month_from", "month_to", "kind", "value"],
    )
    frame["target_source"] = frame["kind"].map({"target": "hdnd_giao"}).fillna("")
    commit_upload(con, frame, file_name="history_cases.toml", uploaded_by="test")
    return data
