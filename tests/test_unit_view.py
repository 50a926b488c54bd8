"""A unit's wards are read in the indicators a headline can show (reports.unit_view.wards_card):
whatever a page or the briefing takes from them — the headline rows, who is behind — is what the
whole scorecard of the wards gives."""

from __future__ import annotations

import pandas as pd

from indicators import queries, scorecard
from reports import brief, unit_view
from reports.unit_view import Selection
from vn.periods import Period


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["unit_id", "indicator_code"]).reset_index(drop=True)


def test_the_wards_headline_is_that_of_their_whole_scorecard(demo_store):
    con = demo_store
    parents = [
        int(u)
        for (u,) in con.execute(
            "SELECT DISTINCT parent_id FROM admin_units WHERE parent_id IS NOT NULL"
        ).fetchall()
    ]
    periods = queries.all_periods(con)
    checked = 0
    for row in pd.concat([periods.head(3), periods.tail(2)]).itertuples():
        period = Period(int(row.year), int(row.month_from), int(row.month_to))
        for parent in parents:
            kids = queries.child_units(con, parent, period)
            if kids.empty:
                continue
            ids = kids.unit_id.tolist()
            sel = Selection(parent, "", period, "tinh")
            part = unit_view.wards_card(con, ids, sel)
            whole = scorecard.scorecard(con, ids, period)
            if whole.empty:
                continue
            assert len(part) < len(whole)  # fewer rows read
            pd.testing.assert_frame_equal(
                _sorted(scorecard.headline(part)), _sorted(scorecard.headline(whole))
            )
            pd.testing.assert_frame_equal(
                brief.lagging_wards(part, kids), brief.lagging_wards(whole, kids)
            )
            checked += 1
    assert checked >= 5
