"""The ranking's own rules on small frames: ties share a rank and go by name, units without a plan
come last (by name), lower-is-better reverses the order, last year's rank and the revisions are the
unit's own — whatever order the scorecard's rows arrive in."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators import ranking
from vn.periods import Period

KIDS = pd.DataFrame(
    {
        "unit_id": [11, 12, 13, 14, 15, 16],
        "name": ["Xã Đông", "Phường An", "Xã Bình", "Phường Cẩm", "Xã Yên", "Xã Ân"],
        "code": ["011", "012", "013", "014", "015", "016"],
    }
)


def _card(direction: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_id": [16, 15, 14, 13, 12, 11, 99],
            "indicator_code": ["x"] * 6 + ["x"],
            "value": [5.0, 1.0, 2.0, 3.0, 4.0, None, 7.0],  # 11 has no value; 99 is no child
            "pct_of_target": [50.0, float("nan"), 80.0, 80.0, 90.0, 10.0, 99.0],
            "direction": [direction] * 7,
        }
    )


@pytest.fixture
def rank(monkeypatch):
    def run(direction: str, before: pd.DataFrame, revisions: pd.DataFrame) -> pd.DataFrame:
        monkeypatch.setattr(ranking.queries, "child_units", lambda *a, **k: KIDS)
        monkeypatch.setattr(ranking.scorecard, "scorecard", lambda *a, **k: _card(direction))
        monkeypatch.setattr(ranking, "_last_year_pct", lambda *a, **k: before)
        monkeypatch.setattr(ranking.queries, "revisions", lambda *a, **k: revisions)
        return ranking.rank_children(None, "x", 1, Period(2025, 1, 9))  # type: ignore[arg-type]

    return run


NO_REVISIONS = pd.DataFrame(columns=["unit_id", "kind", "value", "file_name"])


def test_ties_share_a_rank_by_name_and_the_unplanned_come_last(rank):
    before = pd.DataFrame({"unit_id": [12, 13, 16], "pct_of_target": [10.0, 30.0, 20.0]})
    frame = rank("higher", before, NO_REVISIONS)
    assert frame.unit_name.tolist() == ["Phường An", "Phường Cẩm", "Xã Bình", "Xã Ân", "Xã Yên"]
    assert frame.unit_id.tolist() == [12, 14, 13, 16, 15]
    assert frame.unit_code.tolist() == ["012", "014", "013", "016", "015"]
    ranks = frame["rank"].tolist()
    assert ranks[:4] == [1.0, 2.0, 2.0, 4.0] and math.isnan(ranks[4])
    # last year: 13 first (30), 16 second, 12 third; 14 and 15 were not ranked
    assert frame.prev_rank.tolist()[:4] == [3.0, pytest.approx(float("nan"), nan_ok=True), 1.0, 2.0]
    assert frame.rank_change.tolist()[0] == 2.0 and frame.rank_change.tolist()[2] == -1.0
    assert frame.revisions.tolist() == [""] * 5
    assert frame.value.tolist() == [4.0, 2.0, 3.0, 5.0, 1.0]  # the rows travel with their units


def test_lower_is_better_reverses_the_ranks(rank):
    frame = rank("lower", NO_REVISIONS.assign(pct_of_target=[]), NO_REVISIONS)
    assert frame.unit_id.tolist() == [16, 14, 13, 12, 15]
    assert frame["rank"].tolist()[:4] == [1.0, 2.0, 2.0, 4.0]
    assert frame.prev_rank.isna().all()


def test_a_units_revisions_are_its_own(rank):
    revisions = pd.DataFrame(
        {
            "unit_id": [13, 13, 15],
            "kind": ["estimate", "actual", "actual"],
            "value": [2.5, 3.0, 1.0],
            "file_name": ["uoc.xlsx", "th.xlsx", "mot.xlsx"],
        }
    )
    frame = rank("higher", NO_REVISIONS.assign(pct_of_target=[]), revisions).set_index("unit_id")
    assert frame.loc[13, "revisions"] == "Ước 2,5 (uoc.xlsx) → TH 3 (th.xlsx)"
    assert frame.loc[15, "revisions"] == ""  # one version is no revision
    assert frame.loc[12, "revisions"] == ""
