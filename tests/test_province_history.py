"""A province whose row goes on through the 2025 reform kept its territory: its own figure of last
year is its same period, however its districts and communes were rearranged (found on the national
benchmark store, where a province's same period was replaced by its new communes' sum)."""

from __future__ import annotations

from indicators import queries
from vn.periods import Period


def test_a_province_keeps_its_own_same_period_through_the_reform(empty_store):
    con = empty_store
    communes = [
        r[0]
        for r in con.execute(
            "SELECT unit_id FROM admin_units WHERE parent_id = 1 AND valid_from = DATE '2025-07-01'"
        ).fetchall()
    ]
    assert len(communes) == 69
    con.execute(
        "INSERT INTO uploads VALUES (1, 't.xlsx', NULL, 'test', TIMESTAMP '2025-10-01 00:00:00', "
        "'committed', 'test', 0, 0, 0, '[]', NULL, 0)"
    )
    rows = [
        ("viec_lam_moi", 1, 2025, 1, 9, "actual", "", 21000.0),
        ("viec_lam_moi", 1, 2024, 1, 9, "actual", "", 20000.0),
    ]
    # every present commune also has a 2024 figure (as if rebuilt), summing to something else
    rows += [("viec_lam_moi", c, 2024, 1, 9, "actual", "", 100.0) for c in communes]
    con.executemany(
        "INSERT INTO observations (indicator_code, unit_id, year, month_from, month_to, kind, "
        "target_source, value, upload_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
        rows,
    )
    snap = queries.snapshot(con, [1], Period(2025, 1, 9), ["viec_lam_moi"])
    row = snap[snap.indicator_code == "viec_lam_moi"].iloc[0]
    assert row.value == 21000.0
    assert row.same_period_value == 20000.0  # its own, not 69 × 100
    assert (
        not isinstance(row.get("same_period_derived_from"), str) or not row.same_period_derived_from
    )
