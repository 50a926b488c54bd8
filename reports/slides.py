"""Slides for the giao ban: one chart per slide with its sentence, for indicator groups, single
indicators across wards, and ward scorecards. Used by the presentation page and the .pptx deck."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

import altair as alt
import pandas as pd

from indicators import progress, ranking, scorecard
from reports import charts, kpi, narrative
from reports.unit_view import UnitView
from vn import numbers as fmt

SHORT_SENTENCE = 170  # characters: two short lines at a slide's font on a 1280 px projector
WARDS_PER_SLIDE = 12  # more wards than this are split over several slides


@dataclass
class Slide:
    key: str
    title: str
    draw: Callable[[], alt.TopLevelMixin]  # its chart, drawn when first shown (one of many slides)
    sentence: str  # what the room reads: at most two short lines (`short`)
    notes: str = ""  # the whole text, for the presenter (page expander, .pptx notes)

    def __post_init__(self) -> None:
        if not self.notes:
            self.notes = self.sentence
        self.sentence = short(self.sentence)

    @cached_property
    def chart(self) -> alt.TopLevelMixin:
        return self.draw()


def short(text: str, limit: int = SHORT_SENTENCE) -> str:
    """The first sentence, without its "trong đó" detail, cut at a clause when still too long."""
    first = text.split(". ")[0].strip().rstrip(".")
    first = first.split(", trong đó")[0].split(" Chậm tiến độ:")[0]
    while len(first) > limit and "; " in first:
        first = first.rsplit("; ", 1)[0]
    if len(first) > limit:
        first = first[: limit - 1].rsplit(" ", 1)[0] + "…"
    return first + ("" if first.endswith("…") else ".") if first else ""


def options(view: UnitView) -> list[tuple[str, str]]:
    """Every slide the leader can pick: (key, Vietnamese label)."""
    card = view.headline
    card = card[card.value.notna()]
    out = [
        (f"group:{g}", f"Nhóm: {n}")
        for g, n in card[["group_code", "group_name"]].drop_duplicates().itertuples(index=False)
    ]
    kids = view.children
    if not kids.empty:
        flows = card[card.is_flow & card.pct_of_target.notna()]
        out += [
            (f"indicator:{c}", f"Theo phường, xã: {narrative.short_name(n)}")
            for c, n in flows[["indicator_code", "name"]].itertuples(index=False)
        ]
        out += [
            (f"ward:{int(u)}", f"Thẻ điểm: {n}")
            for u, n in kids[["unit_id", "name"]].itertuples(index=False)
        ]
    return out


def default_keys(opts: list[tuple[str, str]]) -> list[str]:
    keys = [k for k, _ in opts if k.startswith("group:")]
    keys += [k for k, _ in opts if k in ("indicator:gtsx_tong", "indicator:thu_ngan_sach")]
    return keys


def build(view: UnitView, keys: list[str], big: bool = True) -> list[Slide]:
    sel, con = view.selection, view.con
    card, targets, top = view.card, view.targets, view.headline
    paragraphs = dict(narrative.group_paragraphs(card, targets, sel.month_to))
    slides = []
    for key in keys:
        kind, _, ref = key.partition(":")
        if kind == "group":
            rows = top[(top.group_code == ref) & top.pct_of_target.notna()]
            if rows.empty:
                continue
            name = rows.group_name.iloc[0]
            title = f"{name} — {sel.unit_name}, {sel.period.title}"
            slides.append(
                Slide(
                    key,
                    title,
                    partial(charts.progress_bars, rows, None, big=big),
                    paragraphs.get(name, ""),
                )
            )
        elif kind == "indicator":
            frame = ranking.by_children(con, ref, sel.unit_id, sel.period, sel.boundaries)
            own = card[card.indicator_code == ref]
            if frame.empty or own.empty:
                continue
            row = own.iloc[0]
            kids = card[card.parent_code == ref]
            sentence = narrative.sentence(
                row, kids, targets[targets.indicator_code == ref], sel.month_to
            )
            lag = frame[frame.status.isin(["behind", "not_met"])]
            if not lag.empty:
                sentence += " Chậm tiến độ: " + ", ".join(lag.unit_name) + "."
            title = f"{narrative.short_name(row['name'])} theo phường, xã — {sel.unit_name}, {sel.period.title}"
            pages = [
                frame.iloc[i : i + WARDS_PER_SLIDE] for i in range(0, len(frame), WARDS_PER_SLIDE)
            ]
            domain = charts.value_domain(frame)
            for n, part in enumerate(pages, start=1):
                slides.append(
                    Slide(
                        key if len(pages) == 1 else f"{key}:{n}",
                        title if len(pages) == 1 else f"{title} ({n}/{len(pages)})",
                        partial(
                            charts.bullet_by_unit,
                            part,
                            row["measure_name"],
                            None,
                            big=big,
                            domain=domain,  # the parts of one chart on one scale
                        ),
                        sentence,
                    )
                )
        elif kind == "ward":
            ward_id = int(ref)
            ward = view.children[view.children.unit_id == ward_id]
            if ward.empty:
                continue
            ward_name = ward.name.iloc[0]
            wcard = scorecard.headline(
                scorecard.scorecard(con, [ward_id], sel.period, boundaries=sel.boundaries)
            )
            wcard = wcard[wcard.pct_of_target.notna()]
            if wcard.empty:
                continue
            slides.append(
                Slide(
                    key,
                    f"Thẻ điểm {ward_name} — {sel.period.title}",
                    partial(charts.progress_bars, wcard, None, big=big),
                    ward_sentence(ward_name, wcard),
                )
            )
    return slides


def _plan_texts(card: pd.DataFrame) -> list[str]:
    """Each row against its plan by the shared rule: "48,08%" or "cao hơn 0,18 điểm phần trăm"."""
    return [
        progress.plan_text(*progress.against_plan(v, t, m, d)) or "—"
        for v, t, m, d in zip(card.value, card.target, card.measure, card.direction)
    ]


def _plan_phrase(row) -> str:
    figure, in_points = progress.against_plan(row.value, row.target, row.measure, row.direction)
    text = progress.plan_text(figure, in_points)
    return text if in_points else f"{text} kế hoạch"


def ward_sentence(ward_name: str, wcard: pd.DataFrame) -> str:
    good = wcard[wcard.status.isin(["ahead", "on_track", "exceeded", "met"])]
    lag = wcard[wcard.status.isin(["behind", "not_met"])]
    text = f"{ward_name} có {len(good)}/{len(wcard)} chỉ tiêu đúng hoặc vượt tiến độ"
    if not lag.empty:
        text += "; chậm: " + ", ".join(
            f"{narrative.short_name(r.name)} ({_plan_phrase(r)})" for r in lag.itertuples()
        )
    return text + "."


def deck_basis(view: UnitView, approval_note: str) -> str:
    """What the deck's title slide says about its figures: which approval state, and which were
    rebuilt on today's boundaries (marked * in the summary table)."""
    rebuilt = narrative.history_note(view.headline, view.selection.period)
    return " ".join(t for t in (approval_note, f"* {rebuilt}" if rebuilt else "") if t)


def _column(card: pd.DataFrame, name: str) -> list:
    return card[name].tolist() if name in card else [None] * len(card)


def summary_numbers(view: UnitView) -> tuple[pd.DataFrame, dict[str, str]]:
    """The summary table for a spreadsheet: figures as numbers (the change in percentage points for
    rates in %, said in its own column), status as text, rebuilt figures noted."""
    card = view.headline
    card = card[card.value.notna()]
    changes = [
        progress.change_on_same_period(v, p, m)
        for v, p, m in zip(card.value, card.same_period_value, card.measure)
    ]
    plans = [
        progress.against_plan(v, t, m, d)
        for v, t, m, d in zip(card.value, card.target, card.measure, card.direction)
    ]
    frame = pd.DataFrame(
        {
            "name": card.name.map(narrative.short_name),
            "measure": card.measure_name,
            "value": card.value.astype(float),
            "kind": card.kind.map(
                {
                    "actual": "Thực hiện",
                    "estimate": "Ước thực hiện",
                    "aggregate": "Tổng hợp xã, phường",
                }
            ),
            "target": pd.to_numeric(card.target, errors="coerce"),
            "pct": [round(f, 2) if f is not None else None for f, _ in plans],
            "pct_unit": ["điểm % so kế hoạch" if p else "% kế hoạch" for _, p in plans],
            "change": [round(c, 2) if c is not None else None for c, _ in changes],
            "change_unit": ["điểm %" if p else "%" for _, p in changes],
            "status": card.status_label,
            "note": ranking.derived_notes(card),
        }
    )
    headers = {
        "name": "Chỉ tiêu",
        "measure": "Đơn vị tính",
        "value": "Thực hiện",
        "kind": "Loại số liệu",
        "target": "Kế hoạch năm",
        "pct": "So kế hoạch",
        "pct_unit": "Đơn vị so kế hoạch",
        "change": "So cùng kỳ",
        "change_unit": "Đơn vị so cùng kỳ",
        "status": "Tình trạng",
        "note": "Ghi chú",
    }
    return frame, headers


def summary_table(view: UnitView) -> pd.DataFrame:
    """Indicator, value, % of plan, the share of plan due by now, change on the same period,
    status — for the deck's table slide and the report's table."""
    card = view.headline
    card = card[card.value.notna()]
    return pd.DataFrame(
        {
            "Chỉ tiêu": card.name.map(narrative.short_name),
            "Thực hiện": [
                narrative.quantity(v, m, n)
                for v, m, n in zip(card.value, card.measure, card.measure_name)
            ],
            "So kế hoạch": _plan_texts(card),
            # what the status compares with: "chậm tiến độ" at 60% reads only beside "~72%"
            "Tiến độ cần đạt": [
                "—" if (share := kpi.expected_share(row)) is None else f"~{fmt.number(share, 0)}%"
                for _, row in card.iterrows()
            ],
            "So cùng kỳ": [
                (progress.change_text(*progress.change_on_same_period(v, p, m)) or "—")
                + (" *" if isinstance(d, str) and d else "")
                for v, p, m, d in zip(
                    card.value,
                    card.same_period_value,
                    card.measure,
                    _column(card, "same_period_derived_from"),
                )
            ],
            "Tình trạng": card.status_label,
        }
    )
