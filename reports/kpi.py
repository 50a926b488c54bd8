"""What a KPI card says about one scorecard row: the value in its measure, whether it is an actual
or an estimate, its % of each plan, its change on the same period and its status. Plain text with
the emphasised figure apart, so the card renderer (ui/cards.py) only lays it out and escapes it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators import catalog, progress
from vn import numbers as fmt

_KIND = {"estimate": "ước thực hiện", "actual": "thực hiện"}
_NO_UNIT_MEASURES = ("pct", "none", "dat_khong")


@dataclass(frozen=True)
class Line:
    """'Bằng <b>48,08%</b> kế hoạch': the text before, the emphasised figure and the text after."""

    before: str
    bold: str = ""
    after: str = ""

    @property
    def text(self) -> str:
        return f"{self.before}{self.bold}{self.after}"


@dataclass(frozen=True)
class KpiCard:
    name: str
    value: str  # "4.339" or "—"
    unit: str  # "tỷ đồng", "%" or ""
    kind: str  # "ước thực hiện", "thực hiện", "chưa có số liệu"
    status: str  # code (progress.STATUSES)
    status_label: str
    color: str
    lines: list[Line] = field(default_factory=list)


def _plan_lines(row: pd.Series, targets: pd.DataFrame | None) -> list[Line]:
    own = None
    if targets is not None and not targets.empty and pd.notna(row["value"]):
        own = targets[
            (targets.unit_id == row["unit_id"])
            & (targets.indicator_code == row["indicator_code"])
            & (targets.target != 0)
        ].sort_values("priority")
    if own is not None and len(own) > 1:  # several plans (tỉnh giao, HĐND giao…): % of each
        return [
            Line(
                "Bằng ",
                fmt.percent(progress.pct_of_target(row["value"], t.target)),
                f" {catalog.target_source_phrase(t.target_source)}",
            )
            for t in own.itertuples()
        ]
    if pd.notna(row["pct_of_target"]):
        source = f" ({row['target_source_label']})" if row["target_source"] else ""
        return [Line("Bằng ", fmt.percent(row["pct_of_target"]), f" kế hoạch{source}")]
    if pd.notna(row["target"]):
        return [Line(f"Kế hoạch: {fmt.number(row['target'], fmt.decimals_for(row['measure']))}")]
    return [Line("Chưa có kế hoạch")]


def _change_line(change: float | None) -> Line:
    if change is None or pd.isna(change):
        return Line("So cùng kỳ: chưa có số liệu")
    if change == 0:
        return Line("So cùng kỳ: không đổi")
    word = "tăng" if change > 0 else "giảm"
    return Line(f"So cùng kỳ: {word} ", f"{fmt.number(abs(change), 2)}%")


def card(row: pd.Series, targets: pd.DataFrame | None = None) -> KpiCard:
    """The card of a scorecard row; `targets` (queries.year_targets) adds one % line per plan when the
    value has several (tỉnh giao, HĐND giao…)."""
    has_value = pd.notna(row["value"])
    measure = row["measure_name"] if row["measure"] not in _NO_UNIT_MEASURES else ""
    unit = "%" if row["measure"] == "pct" and has_value else str(measure).lower()
    return KpiCard(
        name=str(row["name"]),
        value=fmt.number(row["value"], fmt.decimals_for(row["measure"])) if has_value else "—",
        unit=unit,
        kind=_KIND.get(row.get("kind"), "chưa có số liệu"),
        status=str(row["status"]),
        status_label=str(row["status_label"]),
        color=progress.status_color(row["status"]),
        lines=[*_plan_lines(row, targets), _change_line(row["same_period_change_pct"])],
    )
