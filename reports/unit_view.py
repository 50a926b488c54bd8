"""What a page, the briefing and the slides look at: a unit and a period (`Selection`), and the view of
that unit assembled once (`UnitView`): its scorecard and headline rows, the year's plans, its wards or
communes and their scorecards."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from indicators import catalog, queries, scorecard
from store import Connection, memo_unscoped
from vn.periods import Period


@dataclass(frozen=True)
class Selection:
    """A unit and a period, as the URL's pickers, the CLI or a test name them."""

    unit_id: int
    unit_name: str
    period: Period
    unit_type: str = ""
    # spans a unit did not cover: rebuilt from its predecessors ("current") or left as reported
    boundaries: str = queries.CURRENT_BOUNDARIES

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def month_from(self) -> int:
        return self.period.month_from

    @property
    def month_to(self) -> int:
        return self.period.month_to


@dataclass
class UnitView:
    """The unit of a selection seen for its period. Each part is read when first asked for, once."""

    con: Connection = field(repr=False)
    selection: Selection

    @cached_property
    def card(self) -> pd.DataFrame:
        """Every indicator row of the unit's scorecard (sectors included)."""
        sel = self.selection
        return scorecard.scorecard(self.con, [sel.unit_id], sel.period, boundaries=sel.boundaries)

    @cached_property
    def headline(self) -> pd.DataFrame:
        """The scorecard's headline rows (no sector breakdown)."""
        return scorecard.headline(self.card)

    @cached_property
    def parent_name(self) -> str:
        """The body above the unit (for a document's heading), '' for a top unit."""
        row = queries.unit_row(self.con, self.selection.unit_id)
        if row is None or pd.isna(row["parent_id"]):
            return ""
        parent = queries.unit_row(self.con, int(row["parent_id"]))
        return "" if parent is None else str(parent["name"])

    @cached_property
    def targets(self) -> pd.DataFrame:
        """The year's plans of the unit, one row per source (no term target)."""
        return queries.year_targets(self.con, [self.selection.unit_id], self.selection.year)

    @cached_property
    def children(self) -> pd.DataFrame:
        """The unit's wards or communes in force at the period's end (empty for a ward)."""
        return queries.child_units(self.con, self.selection.unit_id, self.selection.period)

    @cached_property
    def children_card(self) -> pd.DataFrame | None:
        """The scorecard of every child in the indicators a headline can show (what the overview,
        its attention box and the briefing read of them), None when the unit has none."""
        if self.children.empty:
            return None
        return wards_card(self.con, self.children.unit_id.tolist(), self.selection)


def wards_card(con: Connection, unit_ids: list[int], sel: Selection) -> pd.DataFrame:
    """`UnitView.children_card` of these units."""
    return scorecard.scorecard(
        con, unit_ids, sel.period, indicator_codes=_headline_codes(con), boundaries=sel.boundaries
    )


def _headline_codes(con: Connection) -> list[str]:
    # once per snapshot, as the catalog is: worked out anew it was ~3 ms of every ward list
    return list(
        memo_unscoped(
            con, "headline_codes", lambda: tuple(scorecard.headline_codes(catalog.indicators(con)))
        )
    )


def unit_view(con: Connection, selection: Selection) -> UnitView:
    return UnitView(con, selection)
