"""What each page reads for a selection before a leader touches anything: the sidebar's pickers, then
the page's own default view, in the page's order and with its parameters. `bench/page_bench.py`
times these; the warm-up after a publish (`ui/warmup.py`) runs them so that the first leader after
an upload reads cached frames. `tests/test_page_reads.py` runs the pages and checks that every frame
they compute is one these compute too: a page that starts reading something else fails it."""

from __future__ import annotations

from collections.abc import Callable

from indicators import catalog, lineage, queries, ranking, scorecard, terms
from reports import unit_view
from reports.unit_view import Selection
from store import Connection

DEFAULT_INDICATOR = "gtsx_tong"  # the Chỉ tiêu page's first indicator (pages/chi_tieu.py)


def steps(con: Connection, sel: Selection) -> dict[str, list[tuple[str, Callable[[], object]]]]:
    """Per page, its reads as (name, zero-argument call), in order."""
    period, unit, bounds = sel.period, sel.unit_id, sel.boundaries

    def units_in_force():
        return queries.units_in_force(con, period)

    def landing():  # ui.filters._landing
        ids = [int(u) for u in queries.units_in_force(con, period).unit_id]
        return queries.units_with_values(con, ids, period)

    sidebar = [
        ("filters: all_periods", lambda: queries.all_periods(con)),
        ("filters: units_in_force", units_in_force),
        ("filters: lineage", lambda: lineage.lineage(con)),
        ("filters: units_with_values", landing),
    ]

    def kids() -> list[int]:
        return [int(u) for u in queries.child_units(con, unit, period).unit_id]

    def own_card():
        return scorecard.scorecard(con, [unit], period, boundaries=bounds)

    def trend():
        series = queries.trend_series(con, DEFAULT_INDICATOR, unit, bounds)
        return terms.yearly_values(series)

    def ward_id() -> int:  # pages/phuong_xa.py: the first child with figures of the period
        ids = kids() or [unit]
        reporting = set(queries.units_with_values(con, ids, period))
        return next((u for u in ids if u in reporting), ids[0])

    def ward_years():
        ward = ward_id()
        card = scorecard.scorecard(con, [ward], period, boundaries=bounds)
        codes = scorecard.headline(card).indicator_code.tolist()
        return queries.whole_years(con, ward, codes, bounds)

    return {
        "Tổng quan": sidebar
        + [
            ("scorecard(unit)", own_card),
            ("year_targets", lambda: queries.year_targets(con, [unit], sel.year)),
            ("child_units", kids),
            ("scorecard(children)", lambda: unit_view.wards_card(con, kids(), sel)),
        ],
        "Chỉ tiêu": sidebar
        + [
            ("scorecard(unit)", own_card),
            ("catalog.indicators", lambda: catalog.indicators(con)),
            (
                "year_targets(indicator)",
                lambda: queries.year_targets(con, [unit], sel.year, [DEFAULT_INDICATOR]),
            ),
            ("trend_series + yearly values", trend),
            (
                "ranking.by_children",
                lambda: ranking.by_children(con, DEFAULT_INDICATOR, unit, period, bounds),
            ),
        ],
        "Phường/xã": sidebar
        + [
            ("child_units", kids),
            ("ward with figures", ward_id),
            (
                "scorecard(ward)",
                lambda: scorecard.scorecard(con, [ward_id()], period, boundaries=bounds),
            ),
            ("whole_years(ward)", ward_years),
        ],
        "So sánh": sidebar
        + [
            ("child_units", kids),
            (
                "heatmap: scorecard(children, own rows)",
                lambda: scorecard.scorecard(
                    con, kids(), period, aggregate_children=False, boundaries=bounds
                ),
            ),
        ],
    }


def run(con: Connection, sel: Selection, pages: list[str] | None = None) -> None:
    """Every read of the pages named (all of them by default), once."""
    for page, calls in steps(con, sel).items():
        if pages is None or page in pages:
            for _, call in calls:
                call()
