"""Demo data: deterministic, complete, plausible, labelled, and removable."""

from __future__ import annotations

import store
from indicators import queries
from store import demo
from store.uploads import rollback_upload
from vn.periods import Period

# Phường Trần Phú as formed on 1 July 2025 (code 18100 was Xã/Phường Thạch Hạ before)
TRAN_PHU_SQL = "SELECT unit_id FROM admin_units WHERE code = '18100' AND valid_to IS NULL"


def test_demo_is_deterministic(empty_store):
    a = demo.generate(empty_store)
    b = demo.generate(empty_store)
    assert a.equals(b)


def test_demo_covers_city_wards_years_and_kinds(demo_store):
    con = demo_store
    years = store.query(con, "SELECT DISTINCT year FROM observations ORDER BY year").year.tolist()
    assert years == list(range(2015, 2027))
    kinds = set(store.query(con, "SELECT DISTINCT kind FROM observations").kind)
    assert kinds == {"actual", "estimate", "target"}
    periods = set(
        map(
            tuple,
            store.query(
                con, "SELECT DISTINCT month_from, month_to FROM observations"
            ).values.tolist(),
        )
    )
    assert {(1, 6), (1, 9), (1, 12)} <= periods
    # every ward/commune of the city valid in mid-2018 has data in 2018
    city = store.scalar(con, "SELECT unit_id FROM admin_units WHERE code = '436'")
    wards = store.query(
        con,
        "SELECT unit_id FROM admin_units WHERE parent_id = ? AND valid_from <= DATE '2018-06-30' "
        "AND (valid_to IS NULL OR valid_to >= DATE '2018-06-30')",
        [city],
    ).unit_id
    with_data = store.query(
        con, "SELECT DISTINCT unit_id FROM observations WHERE year = 2018"
    ).unit_id
    assert set(wards) <= set(with_data)
    assert len(wards) == 16


def test_every_non_criterion_catalog_indicator_has_demo_values(demo_store):
    con = demo_store
    codes = set(
        store.query(
            con, "SELECT code FROM indicators WHERE NOT is_criterion AND group_code <> 'do_thi'"
        ).code
    )
    have = set(store.query(con, "SELECT DISTINCT indicator_code FROM observations").indicator_code)
    assert codes - have == set()
    assert {f"ntm_tc{n:02d}" for n in range(1, 20)} <= have


def test_city_sums_equal_ward_sums_for_sum_indicators(demo_store):
    con = demo_store
    frame = store.query(
        con,
        """
        SELECT o.indicator_code, o.kind, o.month_to, o.value AS city,
               (SELECT sum(w.value) FROM observations w JOIN admin_units u ON u.unit_id = w.unit_id
                WHERE u.parent_id = o.unit_id AND w.indicator_code = o.indicator_code AND w.year = o.year
                  AND w.month_from = o.month_from AND w.month_to = o.month_to AND w.kind = o.kind) AS wards
        FROM observations o JOIN admin_units c ON c.unit_id = o.unit_id
        WHERE c.code = '436' AND o.year = 2019 AND o.kind = 'actual'
          AND o.indicator_code IN ('gtsx_tong', 'thu_tien_sdd', 'viec_lam_moi')
        """,
    )
    assert len(frame) > 0
    assert ((frame.city - frame.wards).abs() < 0.01).all()


def test_ratio_indicators_recomputed_not_averaged(demo_store):
    con = demo_store
    row = store.query(
        con,
        """
        SELECT
          (SELECT value FROM observations o JOIN admin_units u USING (unit_id)
            WHERE u.code='436' AND indicator_code='bhyt_bao_phu' AND year=2019 AND month_to=12 AND kind='actual') AS rate,
          (SELECT value FROM observations o JOIN admin_units u USING (unit_id)
            WHERE u.code='436' AND indicator_code='so_nguoi_bhyt' AND year=2019 AND month_to=12 AND kind='actual') AS num,
          (SELECT value FROM observations o JOIN admin_units u USING (unit_id)
            WHERE u.code='436' AND indicator_code='dan_so' AND year=2019 AND month_to=12 AND kind='actual') AS den
        """,
    ).iloc[0]
    assert abs(row.rate - row.num / row.den * 100) < 0.01


def test_demo_is_labelled_uploads_that_can_be_removed(demo_store):
    con = demo_store
    uploads = store.query(con, "SELECT * FROM uploads ORDER BY upload_id")
    assert uploads.file_name.tolist() == [demo.DEMO_FILE_NAME, demo.REVISION_FILE_NAME]
    assert set(uploads.status) == {"demo"}
    assert demo.has_demo(con)
    assert demo.seed(con) is None  # never seeds twice
    assert demo.remove(con) == 2
    assert not demo.has_demo(con)
    assert queries.observation_count(con) == 0


def test_demo_revision_is_visible_as_a_second_version(demo_store):
    con = demo_store
    ward = TRAN_PHU_SQL
    unit = int(store.scalar(con, ward))
    revs = queries.revisions(con, "thu_ngan_sach", [unit], Period(2026, 1, 12))
    assert len(revs) == 2 and revs.file_name.tolist() == [
        demo.DEMO_FILE_NAME,
        demo.REVISION_FILE_NAME,
    ]
    current = store.scalar(
        con,
        "SELECT value FROM observations WHERE indicator_code='thu_ngan_sach' AND unit_id=? "
        "AND year=2026 AND month_to=12 AND kind='estimate'",
        [unit],
    )
    assert current == revs.value.iloc[-1]
    # rolling back only the revision restores the first estimate
    rollback_upload(con, int(store.scalar(con, "SELECT max(upload_id) FROM uploads")))
    assert (
        store.scalar(
            con,
            "SELECT value FROM observations WHERE indicator_code='thu_ngan_sach' AND unit_id=? "
            "AND year=2026 AND month_to=12 AND kind='estimate'",
            [unit],
        )
        == revs.value.iloc[0]
    )


def test_demo_counts_are_whole_numbers(demo_store):
    counts = store.query(
        demo_store,
        "SELECT o.indicator_code, o.value FROM observations o JOIN indicators i ON i.code = o.indicator_code"
        " WHERE i.value_type = 'count' AND i.aggregation = 'sum'",
    )
    assert len(counts) > 1000
    assert (counts.value == counts.value.round()).all(), counts[
        counts.value != counts.value.round()
    ]


def test_demo_figures_move_plausibly_on_the_same_period(demo_store):
    """No unit's flow falls or jumps wildly on the same period, on today's boundaries too (the new
    wards' 2026 against their rebuilt 2025), and nothing falls 40 % while "vượt kế hoạch"."""
    from indicators import scorecard

    con = demo_store
    periods = [
        Period(2019, 1, 6),
        Period(2024, 1, 9),
        Period(2025, 1, 6),  # TP Hà Tĩnh grew from 15 to 27 units on 1 January
        Period(2026, 1, 6),
        Period(2026, 1, 9),
    ]
    for period in periods:
        units = queries.units_in_force(con, period)
        card = scorecard.scorecard(con, units.unit_id.tolist(), period, aggregate_children=False)
        flows = card[
            card.accumulates
            & card.same_period_change_pct.notna()
            & (card.same_period_value.abs() >= 20)  # small counts (2 → 3) swing by nature
        ]
        assert len(flows) > 50, period
        change = flows.same_period_change_pct.astype(float)
        assert change.between(-30, 45).all(), flows[~change.between(-30, 45)][
            ["unit_id", "indicator_code", "value", "same_period_value"]
        ]
        assert not ((change < -40) & (flows.status == "exceeded")).any()
    new = queries.units_in_force(con, Period(2026, 1, 9))
    tran_phu = int(store.scalar(con, TRAN_PHU_SQL))
    assert tran_phu in set(new.unit_id)
    card = scorecard.scorecard(con, [tran_phu], Period(2026, 1, 9))
    rebuilt = card[card.same_period_derived_from.notna()]
    assert len(rebuilt) >= 10  # its 2026 is compared with a 2025 rebuilt from the old units


def test_a_city_whose_wards_changed_compares_with_its_present_wards(demo_store):
    """TP Hà Tĩnh kept its row when it grew on 1 January 2025: its 2025 first half is compared
    with the sum of its 27 present units' first half of 2024, not with its own 15-unit 2024."""
    from indicators import scorecard

    city = int(store.scalar(demo_store, "SELECT unit_id FROM admin_units WHERE code = '436'"))
    now = scorecard.compute(demo_store, [city], Period(2025, 1, 6)).set_index("indicator_code")
    said = scorecard.compute(demo_store, [city], Period(2025, 1, 6), boundaries="reported")
    said = said.set_index("indicator_code")
    kids = queries.child_units(demo_store, city, Period(2025, 1, 6))
    assert len(kids) == 27
    before = scorecard.compute(demo_store, kids.unit_id.tolist(), Period(2024, 1, 6))
    total = before[before.indicator_code == "gtsx_tong"].value.sum()
    assert abs(now.loc["gtsx_tong", "same_period_value"] - total) < 0.01
    assert "27 phường, xã" in now.loc["gtsx_tong", "same_period_derived_from"]
    assert said.loc["gtsx_tong", "same_period_value"] < 0.6 * total  # its own, smaller territory


def test_a_district_whose_communes_changed_without_last_years_figures(demo_store):
    """Huyện Can Lộc's communes changed between mid-2018 and mid-2019 and none of them reported
    a first half-year: nothing to sum, an empty table for the district (an empty set of totals
    once selected no columns and the snapshot raised)."""
    district = int(store.scalar(demo_store, "SELECT unit_id FROM admin_units WHERE code = '443'"))
    period = Period(2019, 1, 6)
    now = {int(u) for u in queries.child_units(demo_store, district, period).unit_id}
    before = {int(u) for u in queries.child_units(demo_store, district, period.last_year()).unit_id}
    assert now and now != before
    frame = queries.snapshot(demo_store, [district], period, ["gtsx_tong"])
    assert frame.empty and {"indicator_code", "same_period_derived_from"} <= set(frame.columns)
