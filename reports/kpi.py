"""What a KPI card says about one scorecard row: the value in its measure, whether it is an actual
or an estimate, its % of each plan, its change on the same period and its status. Plain text with
the emphasised figure apart, so the card renderer (ui/cards.py) only lays it out and escapes it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators import catalog, progress
from vn import numbers as fmt

# "aggregate": a unit's value summed from its communes and wards (indicators.scorecard)
_KIND = {
    "estimate": "ước thực hiện",
    "actual": "thực hiện",
    "aggregate": "tổng hợp từ các xã, phường",
}
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
    note: str = ""  # from what figures rebuilt on today's boundaries come (the card's tooltip)


def _plans_by_row(targets: pd.DataFrame | None) -> dict[tuple[int, str], pd.DataFrame]:
    """The year's non-zero plans per (unit, indicator), in priority order: grouped once for a
    whole grid of cards (filtering them per card was a sixth of the overview's run)."""
    if targets is None or targets.empty:
        return {}
    usable = targets[targets.target != 0].sort_values("priority", kind="stable")
    return {
        (int(unit_id), str(code)): group
        for (unit_id, code), group in usable.groupby(["unit_id", "indicator_code"], sort=False)
    }


def _key(row: pd.Series) -> tuple[int, str]:
    return int(row["unit_id"]), str(row["indicator_code"])


def _plan_lines(row: pd.Series, own: pd.DataFrame | None) -> list[Line]:
    # several plans (tỉnh giao, HĐND giao…): % of each
    if own is not None and pd.notna(row["value"]) and len(own) > 1:
        return [
            Line(
                "Bằng ",
                fmt.percent(progress.pct_of_target(row["value"], t.target)),
                f" {catalog.target_source_phrase(t.target_source)}",
            )
            for t in own.itertuples()
        ]
    gap, in_points = progress.against_plan(
        row["value"], row["target"], row["measure"], row.get("direction", "higher")
    )
    if in_points and gap is not None:  # a ceiling: the plan and the gap, as the sentences say it
        tail = f" · {progress.plan_text(gap, True)}" if round(gap, 2) else ""
        return [Line("Kế hoạch ", f"{fmt.number(row['target'], 2)}%", tail)]
    if pd.notna(row["pct_of_target"]):
        source = f" ({row['target_source_label']})" if row["target_source"] else ""
        return [Line("Bằng ", fmt.percent(row["pct_of_target"]), f" kế hoạch{source}")]
    if pd.notna(row["target"]):
        return [Line(f"Kế hoạch: {fmt.number(row['target'], fmt.decimals_for(row['measure']))}")]
    return [Line("Chưa có kế hoạch")]


def _change_line(row: pd.Series, rebuilt: bool = False) -> Line:
    label = "So cùng kỳ (theo địa giới hiện nay)" if rebuilt else "So cùng kỳ"
    change, points = progress.change_on_same_period(
        row["value"], row.get("same_period_value"), row["measure"]
    )
    text = progress.change_text(change, points)
    if not text:
        return Line(f"{label}: chưa có số liệu")
    if text == "không đổi":
        return Line(f"{label}: không đổi")
    word, amount = text.split(" ", 1)
    number, _, rest = amount.partition(" ")
    return Line(f"{label}: {word} ", number, f" {rest}" if rest else "")


def _text(row: pd.Series, column: str) -> str:
    value = row.get(column)
    return value if isinstance(value, str) else ""


def expected_share(row) -> float | None:
    """The % of plan a flow should have reached by the period's end; None for levels, whole years
    and rows without a pace."""
    expected = row.get("expected_pct")
    if not row.get("is_flow") or expected is None or pd.isna(expected) or expected >= 100:
        return None
    return float(expected)


def pace_text(row: pd.Series) -> str:
    """ "cần đạt ~72% kế hoạch (theo các năm trước)": the share of the plan a flow should have
    reached by the period's end, and where that share comes from; empty for levels and whole years.
    The status "vượt/đúng/chậm tiến độ" compares with it, so every page that shows one shows this."""
    expected = expected_share(row)
    if expected is None:
        return ""
    basis = "theo các năm trước" if row.get("pace_basis") == "history" else "chia đều theo tháng"
    return f"cần đạt ~{fmt.number(expected, 0)}% kế hoạch ({basis})"


def rebuilt_note(row: pd.Series) -> str:
    """ "Thực hiện tính từ: …; cùng kỳ tính từ: …" for a row's figures rebuilt on today's boundaries."""
    parts = [
        (label, _text(row, column))
        for column, label in (
            ("derived_from", "Số liệu kỳ này"),
            ("same_period_derived_from", "Cùng kỳ"),
            ("target_derived_from", "Kế hoạch"),
        )
    ]
    return "; ".join(f"{label} {text}" for label, text in parts if text)


def cards(frame: pd.DataFrame, targets: pd.DataFrame | None = None) -> list[KpiCard]:
    """`card` of each row of a scorecard."""
    plans = _plans_by_row(targets)
    return [_card(row, plans.get(_key(row))) for _, row in frame.iterrows()]


def card(row: pd.Series, targets: pd.DataFrame | None = None) -> KpiCard:
    """The card of a scorecard row; `targets` (queries.year_targets) adds one % line per plan when the
    value has several (tỉnh giao, HĐND giao…)."""
    return _card(row, _plans_by_row(targets).get(_key(row)))


def _card(row: pd.Series, own_plans: pd.DataFrame | None) -> KpiCard:
    has_value = pd.notna(row["value"])
    measure = row["measure_name"] if row["measure"] not in _NO_UNIT_MEASURES else ""
    unit = "%" if row["measure"] == "pct" and has_value else str(measure).lower()
    kind = _KIND.get(row.get("kind"), "chưa có số liệu")
    if _text(row, "derived_from"):
        kind += " · tính theo địa giới hiện nay"
    plans = _plan_lines(row, own_plans)
    if _text(row, "target_derived_from"):
        plans = [Line(p.before, p.bold, p.after + " (tính từ các đơn vị cũ)") for p in plans]
    return KpiCard(
        name=str(row["name"]),
        value=fmt.number(row["value"], fmt.decimals_for(row["measure"])) if has_value else "—",
        unit=unit,
        kind=kind,
        status=str(row["status"]),
        status_label=str(row["status_label"]),
        color=progress.status_color(row["status"]),
        lines=[
            *plans,
            *([Line("Tiến độ: " + pace_text(row))] if pace_text(row) else []),
            _change_line(row, bool(_text(row, "same_period_derived_from"))),
        ],
        note=rebuilt_note(row),
    )
