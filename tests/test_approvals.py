"""Submit → approve → lock at the store: a commit waits for approval, an approved unit × period
refuses uploads, rollbacks and re-applies until unlocked; approved-only views leave waiting values
out; the reporting status lists unsent units first."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import loaders
from indicators import queries
from loaders import parse_upload
from store import approvals, published, scope
from store.queries import observations
from store.uploads import reapply_upload, rollback_upload
from tests.access_files import ward_report
from vn.periods import Period

BAC_HA = 9  # unit_id of Phường Bắc Hà 2016–2024 (data/admin_units.csv)


def _load(con, budget=61.5, name="bac_ha.xlsx"):
    result = parse_upload(name, ward_report(budget), con)
    return loaders.commit(con, [result], user="tk.bacha")


def _keys(con):
    """What a leader looks at: each unit × period with the upload it is waiting as."""
    columns = ["unit_id", "year", "month_from", "month_to", "upload_id"]
    return [
        tuple(int(v) for v in k) for k in approvals.listing(con)[columns].itertuples(index=False)
    ]


def test_commit_waits_approval_locks_unlock_releases(empty_store):
    con = empty_store
    first = _load(con)
    assert first.committed
    waiting = approvals.listing(con, approvals.WAITING)
    assert sorted(zip(waiting.month_from, waiting.month_to)) == [(1, 6), (1, 12)]
    assert set(waiting.submitted_by) == {"tk.bacha"}
    keys = _keys(con)
    assert approvals.decide(con, keys, approvals.APPROVED, "ld", allowed=set()) == 0  # not theirs
    assert approvals.decide(con, keys, approvals.APPROVED, "ld", allowed={BAC_HA}) == 2
    refused = _load(con, budget=70.0, name="sua.xlsx")
    assert not refused.committed and refused.problems[0].code == "locked"
    assert "đã được ld duyệt" in refused.problems[0].message
    with pytest.raises(approvals.Locked):
        rollback_upload(con, first.upload_ids[0])
    assert approvals.decide(con, keys, approvals.WAITING, "ld", allowed={BAC_HA}) == 2  # unlock
    again = _load(con, budget=70.0, name="sua.xlsx")
    assert again.committed
    assert set(approvals.listing(con).status) == {approvals.WAITING}
    assert rollback_upload(con, again.upload_ids[0]) > 0
    assert reapply_upload(con, again.upload_ids[0]) > 0


def test_returned_needs_waiting_and_identical_values_change_nothing(empty_store):
    con = empty_store
    _load(con)
    keys = _keys(con)
    assert (
        approvals.decide(con, keys, approvals.RETURNED, "ld", "Sai số 6 tháng", allowed={BAC_HA})
        == 2
    )
    assert approvals.decide(con, keys, approvals.APPROVED, "ld", allowed={BAC_HA}) == 0
    assert set(approvals.listing(con).reason) == {"Sai số 6 tháng"}
    # approving a waiting one, then the same file again: nothing changes, so nothing is refused
    _load(con, budget=62.0, name="lai.xlsx")
    approvals.decide(con, keys, approvals.APPROVED, "ld", allowed={BAC_HA})
    same = _load(con, budget=62.0, name="lai-nua.xlsx")
    assert same.committed and same.n_unchanged == 4


def test_approved_only_views_and_the_reporting_status(tmp_path):
    path = tmp_path / "kho.duckdb"
    with published.writing(path) as w:
        assert _load(w).committed
    reader = published.reader(path)
    everything = scope.scoped(reader, ["436"])
    approved = scope.scoped(reader, ["436"], approved_only=True)
    count = "SELECT count(*) FROM observations"
    assert everything.execute(count).fetchall()[0][0] == 4
    assert approved.execute(count).fetchall()[0][0] == 0
    # the period lists read unit_periods: a period only waiting figures hold is not offered
    period = Period(2019, 1, 6)
    assert queries.units_with_values(everything, [BAC_HA], period) == [BAC_HA]
    assert queries.units_with_values(approved, [BAC_HA], period) == []
    assert (2019, 6) in set(
        zip(queries.all_periods(everything).year, queries.all_periods(everything).month_to)
    )
    assert queries.all_periods(approved).empty
    # a read narrowed to the whole snapshot (store.scope.narrowed) still hides what waits
    (code,) = everything.execute("SELECT DISTINCT indicator_code FROM observations").fetchone()
    assert len(observations.series(everything, code, BAC_HA)) >= 1
    assert observations.series(approved, code, BAC_HA).empty
    status = approvals.reporting_status(everything, 2, 2019, 1, 6)  # the city and its wards
    assert status.iloc[0].status == "chua_nop" and status.iloc[-1].unit_id == 2
    assert status.iloc[0].late and not status.set_index("unit_id").loc[BAC_HA, "late"]
    assert str(status.due.iloc[0]) == "2019-06-20"
    before_due = approvals.reporting_status(everything, 2, 2019, 1, 6, today=date(2019, 6, 10))
    assert not before_due.late.any()
    assert status.set_index("unit_id").loc[BAC_HA, "status"] == approvals.WAITING
    with published.writing(path) as w:
        approvals.decide(w, _keys(w), approvals.APPROVED, "ld", allowed={BAC_HA})
    reader = published.reader(path)
    approved = scope.scoped(reader, ["436"], approved_only=True)
    assert approved.execute(count).fetchall()[0][0] == 4
    assert approvals.approver_units(reader, ["436"], everything=False) >= {BAC_HA}
    assert 2 not in approvals.approver_units(reader, ["436"], everything=False)
    assert isinstance(approvals.changes(reader, (BAC_HA, 2019, 1, 6), 1), pd.DataFrame)


def test_a_decision_is_about_the_upload_seen_and_nobody_approves_their_own(empty_store):
    con = empty_store
    _load(con)
    seen = _keys(con)  # the leader opens the list…
    _load(con, budget=66.0, name="moi.xlsx")  # …while a newer upload changes the 6 months
    # only the plan, unchanged since the leader looked, is approved; the new 6 months still wait
    assert approvals.decide(con, seen, approvals.APPROVED, "ld", allowed={BAC_HA}) == 1
    waiting = approvals.listing(con, approvals.WAITING)
    assert list(zip(waiting.month_from, waiting.month_to)) == [(1, 6)]
    current = _keys(con)
    assert approvals.decide(con, current, approvals.APPROVED, "tk.bacha", allowed={BAC_HA}) == 0
    assert approvals.decide(con, current, approvals.APPROVED, "ld", allowed={BAC_HA}) == 1


def test_reporting_status_lists_the_units_that_report_the_period(demo_store):
    nine_months = approvals.reporting_status(demo_store, 1, 2025, 1, 9)
    first_half = approvals.reporting_status(demo_store, 1, 2025, 1, 6)
    assert "Phường Thành Sen" in set(nine_months.unit_name)
    assert "Thành phố Hà Tĩnh" not in set(nine_months.unit_name)  # dissolved on 30 June
    assert "Thành phố Hà Tĩnh" in set(first_half.unit_name)
    assert "Phường Thành Sen" not in set(first_half.unit_name)
