"""The written briefing for a unit and period: title, one paragraph per indicator group, the
achievement summary for completed years and the "cần chú ý" paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from store import Connection
from indicators import queries, scorecard
from reports import narrative


@dataclass
class Brief:
    title: str
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    attention: str = ""
    summary: str = ""

    def text(self) -> str:
        blocks = [self.title, ""]
        for heading, body in self.paragraphs:
            blocks += [f"{heading}:", body, ""]
        if self.summary:
            blocks += [self.summary, ""]
        blocks.append(self.attention)
        return "\n".join(blocks).strip() + "\n"


def lagging_wards(card_children: pd.DataFrame, children: pd.DataFrame, limit: int = 5) -> pd.DataFrame:
    if card_children is None or card_children.empty:
        return pd.DataFrame(columns=["unit_name", "n"])
    behind = scorecard.behind(scorecard.headline(card_children), limit=10_000)
    if behind.empty:
        return pd.DataFrame(columns=["unit_name", "n"])
    names = dict(zip(children.unit_id, children.name))
    return (behind.assign(unit_name=behind.unit_id.map(names)).groupby("unit_name")
            .agg(n=("indicator_code", "size"), worst=("pace_ratio", "min"))
            .sort_values(["n", "worst"], ascending=[False, True]).head(limit).reset_index())


def build(con: Connection, unit_id: int, unit_name: str, year: int, month_from: int, month_to: int) -> Brief:
    card = scorecard.scorecard(con, [unit_id], year, month_from, month_to)
    targets = queries.year_targets(con, [unit_id], year)
    brief = Brief(narrative.title(unit_name, year, month_from, month_to))
    brief.paragraphs = narrative.group_paragraphs(card, targets, month_to)
    if month_to == 12 and month_from == 1:
        brief.summary = narrative.achievement_summary(scorecard.headline(card))
    children = queries.child_units(con, unit_id)
    kids_card = scorecard.scorecard(con, children.unit_id.tolist(), year, month_from, month_to) if not children.empty else None
    brief.attention = narrative.attention_paragraph(scorecard.behind(scorecard.headline(card), limit=5),
                                                    lagging_wards(kids_card, children))
    return brief
