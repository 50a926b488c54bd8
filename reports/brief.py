"""The written briefing for a unit and period: title, one paragraph per indicator group, the
achievement summary for completed years and the "cần chú ý" paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators import scorecard
from reports import narrative
from reports.unit_view import UnitView


@dataclass
class Brief:
    title: str
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    attention: str = ""
    summary: str = ""
    basis: str = ""  # which figures: approved only, or waiting ones too (ui.layout.approval_note)
    history: str = ""  # figures rebuilt on today's boundaries, and from what

    def text(self) -> str:
        blocks = [self.title, ""]
        for heading, body in self.paragraphs:
            blocks += [f"{heading}:", body, ""]
        if self.summary:
            blocks += [self.summary, ""]
        blocks.append(self.attention)
        if self.history:
            blocks += ["", self.history]
        if self.basis:
            blocks += ["", self.basis]
        return "\n".join(blocks).strip() + "\n"


def lagging_wards(
    card_children: pd.DataFrame, children: pd.DataFrame, limit: int = 5
) -> pd.DataFrame:
    if card_children is None or card_children.empty:
        return pd.DataFrame(columns=["unit_name", "n"])
    behind = scorecard.behind(scorecard.headline(card_children), limit=10_000)
    if behind.empty:
        return pd.DataFrame(columns=["unit_name", "n"])
    names = dict(zip(children.unit_id, children.name))
    return (
        behind.assign(unit_name=behind.unit_id.map(names))
        .groupby("unit_name")
        .agg(n=("indicator_code", "size"), worst=("pace_ratio", "min"))
        .sort_values(["n", "worst"], ascending=[False, True])
        .head(limit)
        .reset_index()
    )


def build(view: UnitView) -> Brief:
    sel = view.selection
    brief = Brief(narrative.title(sel.unit_name, sel.period))
    brief.paragraphs = narrative.group_paragraphs(view.card, view.targets, sel.month_to)
    if sel.period.whole_year:
        brief.summary = narrative.achievement_summary(view.headline)
    brief.attention = narrative.attention_paragraph(
        scorecard.behind(view.headline, limit=5), lagging_wards(view.children_card, view.children)
    )
    brief.history = narrative.history_note(view.headline, sel.period)
    return brief
