"""The stored page summaries (indicators/summaries.py) give exactly the scorecard computed live, on
the demo store and after writes that change some units' figures; they are not read when stale."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import queries, scorecard, summaries
from store import summaries as stored
from tests.summary_checks import check_all as _check_all
from tests.summary_checks import check_whole_years as _check_whole_years
from tests.summary_checks import same as _same
from vn.periods import Period


def test_demo_store_summaries_equal_live_scorecards(demo_store):
    assert summaries.current(demo_store)
    assert _check_all(demo_store) > 1000


def test_the_yearly_values_of_todays_units_are_served_as_computed_live(demo_store):
    """Every ward and commune of today: its whole years from the summaries (rebuilt from its
    predecessors before it existed) = `whole_years` computed from the observations."""
    assert _check_whole_years(demo_store) > 20


def test_stale_summaries_are_not_read_and_a_refresh_recomputes_what_changed(demo_store):
    con = demo_store
    province = int(con.execute("SELECT unit_id FROM admin_units WHERE code = '42'").fetchone()[0])
    period = queries.all_periods(con).iloc[0]
    period = Period(int(period.year), int(period.month_from), int(period.month_to))
    kids = queries.child_units(con, province, period).unit_id.tolist()
    ward = int(kids[0])
    # a ward's figures of the year change (every one doubled), with an upload row as writes add
    con.execute(
        "UPDATE observations SET value = value * 2 WHERE unit_id = ? AND year = ?",
        [ward, period.year],
    )
    con.execute(
        "INSERT INTO uploads SELECT * REPLACE (upload_id + 1000 AS upload_id) FROM uploads LIMIT 1"
    )
    assert not summaries.current(con)
    assert summaries.served(con, [ward], period, True, None) is None  # stale: computed live
    assert summaries.refresh(con)
    changed = stored.due(con)
    assert summaries.current(con)
    before = int(con.execute("SELECT count(*) FROM summary_periods").fetchone()[0])
    assert before == len(changed)  # every pair still summarised
    for unit in (ward, province):
        frame, missing = summaries.served(con, [unit], period, True, None)
        assert missing == []
        _same(frame, scorecard.compute(con, [unit], period), f"after the change: {unit}")
    assert not summaries.refresh(con)  # nothing changed since


def test_scorecard_variants_read_through_summaries_equal_live(demo_store):
    con = demo_store
    province = int(con.execute("SELECT unit_id FROM admin_units WHERE code = '42'").fetchone()[0])
    for row in queries.all_periods(con).head(4).itertuples():
        period = Period(int(row.year), int(row.month_from), int(row.month_to))
        kids = queries.child_units(con, province, period).unit_id.tolist()
        for ids, aggregate_children, codes in (
            ([province], True, None),
            (kids, False, None),
            (kids, True, ["gtsx_tong"]),
            ([province, *kids], False, None),
        ):
            served = scorecard._summarised(
                con,
                ids,
                period,
                aggregate_children=aggregate_children,
                use_history=True,
                indicator_codes=codes,
                boundaries=queries.CURRENT_BOUNDARIES,
            )
            live = scorecard.compute(
                con, ids, period, aggregate_children=aggregate_children, indicator_codes=codes
            )
            _same(served, live, f"{period} {len(ids)} units {aggregate_children} {codes}")
        # the ranking's last year: one stored column of the units' own rows
        for ids in (kids, [province, *kids]):
            column, missing = summaries.served_column(
                con, ids, period, "gtsx_tong", "pct_of_target"
            )
            assert province not in column.unit_id.tolist() and (province in ids) == (
                province in missing
            )
            live = scorecard.compute(
                con,
                sorted(column.unit_id),
                period,
                aggregate_children=False,
                indicator_codes=["gtsx_tong"],
            )
            assert len(live) == len(column) > 0, period
            pd.testing.assert_frame_equal(
                column.sort_values("unit_id").reset_index(drop=True),
                live[["unit_id", "pct_of_target"]].sort_values("unit_id").reset_index(drop=True),
                check_dtype=False,
            )


@pytest.mark.parametrize("approved_only", [False, True])
@pytest.mark.parametrize("pending", [False, True])
def test_a_scoped_connection_reads_the_summaries_unless_values_it_hides_are_pending(
    demo_db_path, tmp_path, approved_only, pending
):
    import shutil

    import store
    from store import published, scope

    path = tmp_path / "scoped.duckdb"
    shutil.copy(demo_db_path, path)
    con = store.open_store(path)
    latest = queries.all_periods(con).iloc[0]
    period = Period(int(latest.year), int(latest.month_from), int(latest.month_to))
    province = int(con.execute("SELECT unit_id FROM admin_units WHERE code = '42'").fetchone()[0])
    ward = int(queries.child_units(con, province, period).unit_id.iloc[0])
    if pending:  # a ward's report of the period waits for approval
        con.execute(
            "INSERT INTO submissions (unit_id, year, month_from, month_to, status) "
            "VALUES (?, ?, ?, ?, 'cho_duyet')",
            [ward, period.year, period.month_from, period.month_to],
        )
    con.close()
    published.publish(path)
    try:
        scoped = scope.scoped(published.reader(path), ["42"], approved_only=approved_only)
        assert summaries.current(scoped)  # the whole snapshot's version, not the narrowed views'
        got = summaries.served(scoped, [province], period, True, None)
        assert (got is None) == (approved_only and pending)
        live = scorecard.compute(scoped, [province], period)
        served = scorecard._summarised(
            scoped,
            [province],
            period,
            aggregate_children=True,
            use_history=True,
            indicator_codes=None,
            boundaries=queries.CURRENT_BOUNDARIES,
        )
        _same(served, live, f"scoped, approved only {approved_only}, pending {pending}")
    finally:
        published.forget_readers()
        scope.forget()


def test_summaries_made_by_other_code_are_not_served_and_are_all_remade(demo_store):
    con = demo_store
    con.execute("UPDATE meta SET value = 'older-code' WHERE key = 'summaries_code'")
    assert not summaries.current(con)
    period = queries.all_periods(con).iloc[0]
    period = Period(int(period.year), int(period.month_from), int(period.month_to))
    assert summaries.served(con, [1], period, True, None) is None
    said: list[str] = []
    assert summaries.refresh(con, said.append)
    assert summaries.current(con)
    assert "(all)" in said[-1]  # every pair remade, not only the changed ones


def test_a_period_that_lost_every_figure_is_forgotten_not_served(demo_store):
    con = demo_store
    latest = queries.all_periods(con).iloc[0]
    period = Period(int(latest.year), int(latest.month_from), int(latest.month_to))
    ids = stored.due(con)
    ids = ids[(ids.year == period.year) & (ids.month_to == period.month_to)].unit_id.tolist()
    assert stored.summarised(con, ids, period.year, period.month_from, period.month_to)
    con.execute(  # every figure of the period withdrawn (a rolled-back upload)
        "DELETE FROM observations WHERE year = ? AND month_from = ? AND month_to = ?",
        [period.year, period.month_from, period.month_to],
    )
    con.execute(
        "INSERT INTO uploads SELECT * REPLACE (upload_id + 2000 AS upload_id) FROM uploads LIMIT 1"
    )
    assert summaries.refresh(con)
    assert not stored.summarised(con, ids, period.year, period.month_from, period.month_to)
    served = scorecard._summarised(
        con,
        ids,
        period,
        aggregate_children=True,
        use_history=True,
        indicator_codes=None,
        boundaries=queries.CURRENT_BOUNDARIES,
    )
    _same(served, scorecard.compute(con, ids, period), "a period withdrawn")


def test_the_fingerprint_covers_the_data_files_compute_reads(tmp_path):
    import shutil

    from tests.conftest import ROOT

    for folder in (*summaries.CODE_FOLDERS, "data"):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.duckdb*")
        )
    before = summaries._code_fingerprint(tmp_path)
    assert before == summaries.CODE
    for name in ("statuses.toml", "catalog/target_sources.toml"):
        path = tmp_path / "data" / name
        path.write_text(path.read_text("utf-8") + "\n# changed\n", "utf-8")
        changed = summaries._code_fingerprint(tmp_path)
        assert changed != before, name
        before = changed


@pytest.mark.parametrize("predecessors", [True, False])
def test_a_scope_of_one_2025_unit_is_served_what_it_computes(demo_db_path, tmp_path, predecessors):
    """A scope of one 2025 ward or commune (with or without recorded predecessors) sees the list's
    first day as the whole store does: its summaries equal what its own connection computes."""
    import shutil

    from store import published, scope

    path = tmp_path / "one.duckdb"
    shutil.copy(demo_db_path, path)
    published.publish(path)
    reader = published.reader(path)
    code = reader.execute(
        "SELECT code FROM admin_units a WHERE valid_from = DATE '2025-07-01' AND parent_id IS NOT NULL"
        " AND (NOT ? OR unit_id IN (SELECT unit_id FROM unit_summary))"
        " AND EXISTS (SELECT 1 FROM unit_succession s WHERE s.new_unit_id = a.unit_id) = ?"
        " ORDER BY unit_id LIMIT 1",
        [predecessors, predecessors],
    ).fetchone()[0]
    try:
        con = scope.scoped(reader, [code])
        unit = int(
            con.execute("SELECT unit_id FROM admin_units WHERE code = ?", [code]).fetchone()[0]
        )
        pairs = stored.due(reader)  # the whole store's: a unit without figures has some too
        pairs = pairs[pairs.unit_id == unit]
        assert not pairs.empty
        for row in pairs.itertuples():
            period = Period(int(row.year), int(row.month_from), int(row.month_to))
            got = summaries.served(con, [unit], period, True, None)
            assert got is not None and got[1] == []
            _same(got[0], scorecard.compute(con, [unit], period), f"{code} {period}")
    finally:
        published.forget_readers()
        scope.forget()


def test_summaries_remade_after_an_upgrade_are_published(demo_db_path, tmp_path):
    """Code-only change (as after a deploy): the app's first start remakes them (ui.data._prepared)
    and that write publishes, though no figure changed."""
    import shutil

    import store
    from store import published

    path = tmp_path / "upgraded.duckdb"
    shutil.copy(demo_db_path, path)
    con = store.open_store(path)
    con.execute("UPDATE meta SET value = 'older-code' WHERE key = 'summaries_code'")
    con.close()
    first = published.publish(path)
    try:
        assert not summaries.current(published.reader(path))
        with published.writing(path) as w:
            summaries.refresh(w)
        assert published.current_snapshot(path) != first
        assert summaries.current(published.reader(path))
    finally:
        published.forget_readers()


def test_the_command_makes_and_publishes_them_once(tmp_path):
    """`python -m indicators summaries` after `python -m store.demo` (as `make run` does)."""
    import subprocess
    import sys

    from store import published
    from tests.conftest import ROOT

    path = tmp_path / "cli.duckdb"
    env = {"CHITIEU_DB": str(path), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-m", "store.demo"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    try:
        assert not summaries.current(published.reader(path))
        published.forget_readers()
        run = [sys.executable, "-m", "indicators", "summaries"]
        first = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert first.returncode == 0, first.stderr
        assert "(all)" in first.stdout
        assert summaries.current(published.reader(path))
        again = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert again.stdout.strip() == "page summaries: already current"
    finally:
        published.forget_readers()
