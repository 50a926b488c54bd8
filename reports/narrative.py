"""Report sentences in the giao ban style, written from a scorecard:

"Tổng giá trị sản xuất ước đạt 4.339 tỷ đồng, bằng 48,08% kế hoạch; so với cùng kỳ tăng 6,56%,
trong đó: Công nghiệp - Tiểu thủ công nghiệp tăng 2,37%; …"

Pure functions; Vietnamese number formats; no "nan", no English.
"""

from __future__ import annotations

import re

import pandas as pd

from indicators import catalog, progress
from vn import numbers as fmt
from vn.periods import Period

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def short_name(name: str) -> str:
    """'Tổng giá trị sản xuất (giá so sánh 2010)' → 'Tổng giá trị sản xuất'."""
    return _PAREN.sub("", name).strip()


def _ok(x) -> bool:
    return x is not None and not pd.isna(x)


def quantity(value: float, measure_code: str, measure_name: str) -> str:
    """'4.339 tỷ đồng', '78,77%', '69.000 lượt' (money up to 2 decimals, % 2, counts 0)."""
    return fmt.with_measure(value, measure_code, measure_name)


def _verb(kind: str | None, month_to: int, lower: bool, is_pct: bool) -> str:
    if kind == "estimate":
        return "ước còn" if (lower and is_pct) else "ước đạt"
    return "còn" if (lower and is_pct) else "đạt"


def _plan_phrase(row: pd.Series, targets: pd.DataFrame | None, completed: bool) -> str:
    """'bằng 48,08% kế hoạch' / 'bằng 135% kế hoạch tỉnh giao và 107% kế hoạch HĐND giao' /
    completed years: 'vượt kế hoạch (bằng 105,3%)', 'đạt kế hoạch', 'chưa đạt kế hoạch (bằng 95%)'."""
    rows = []
    if targets is not None and len(targets) > 1:
        for t in targets.sort_values("priority").itertuples():
            if _ok(t.target) and t.target != 0:
                rows.append(
                    (row["value"] / t.target * 100, catalog.target_source_phrase(t.target_source))
                )
    elif _ok(row.get("pct_of_target")):
        rows.append((row["pct_of_target"], "kế hoạch"))
    if not rows:
        return ""
    lower = row["direction"] == "lower"
    if lower and row["measure"] == "pct":  # a ceiling: the plan and the gap in points
        return _ceiling_phrase(row, completed)
    if completed:
        pct, label = rows[0]
        value, target = row["value"], row["target"]
        if _ok(target) and _ok(value):
            better = value < target if lower else value > target
            if better:
                return f"vượt {label} (bằng {fmt.percent(pct)})"
            if value == target:
                return f"đạt {label}"
            return f"chưa đạt {label} (bằng {fmt.percent(pct)})"
    return "bằng " + " và ".join(f"{fmt.percent(p)} {label}" for p, label in rows)


def _ceiling_phrase(row: pd.Series, completed: bool) -> str:
    """'kế hoạch 0,68%, cao hơn 0,18 điểm phần trăm'; a completed year says the verdict first:
    'chưa đạt kế hoạch (kế hoạch 0,68%, cao hơn 0,18 điểm phần trăm)'."""
    gap, _ = progress.against_plan(row["value"], row["target"], row["measure"], "lower")
    phrase = label_target(row)
    if gap is not None and round(gap, 2):
        phrase += ", " + progress.plan_text(gap, True)
    if not completed or gap is None:
        return phrase
    verdict = "vượt" if round(gap, 2) < 0 else ("đạt" if round(gap, 2) == 0 else "chưa đạt")
    return f"{verdict} kế hoạch ({phrase})"


def label_target(row: pd.Series) -> str:
    """For lower-is-better rates the plan is a ceiling: 'kế hoạch 1,9%'."""
    return (
        f"kế hoạch {quantity(row['target'], row['measure'], row['measure_name'])}"
        if _ok(row.get("target"))
        else ""
    )


def _change_phrase(row: pd.Series) -> str:
    """'so với cùng kỳ tăng 6,56%' for levels; 'giảm 0,39 điểm phần trăm' for rates in %
    (progress.change_on_same_period: the rule the cards and tables use too)."""
    change, points = progress.change_on_same_period(
        row.get("value"), row.get("same_period_value"), row["measure"]
    )
    text = progress.change_text(change, points)
    return f"so với cùng kỳ {text}" if text else ""


def _child_phrase(row: pd.Series) -> str:
    name = short_name(row["name"])
    change = _change_phrase(row)
    if change:
        return f"{name} {change.replace('so với cùng kỳ ', '')}"
    if _ok(row.get("value")):
        return f"{name} {_verb(row.get('kind'), 0, False, False)} {quantity(row['value'], row['measure'], row['measure_name'])}"
    return ""


ON_TODAYS_BOUNDARIES = "tính theo địa giới hiện nay"


def _derived(row: pd.Series, column: str) -> bool:
    text = row.get(column)
    return isinstance(text, str) and bool(text)


def history_note(card: pd.DataFrame, period: Period) -> str:
    """ "Số liệu tính theo địa giới hiện nay (…): cùng kỳ năm 2025 — Tổng giá trị sản xuất, Thu ngân
    sách… tính từ: …": which figures of the text were rebuilt from the units that made up the
    territory then, from which, one clause per way of rebuilding; empty when none was."""
    said = []
    for column, what in (
        ("derived_from", period.title),
        ("same_period_derived_from", f"cùng kỳ {period.last_year().title}"),
        ("target_derived_from", f"kế hoạch năm {period.year}"),
    ):
        if column not in card:
            continue
        rows = card[card[column].map(lambda t: isinstance(t, str) and bool(t))]
        groups: dict[str, list[str]] = {}
        for text, name in zip(rows[column], rows["name"]):
            groups.setdefault(_RECOMPUTED.sub("", text), []).append(short_name(name))
        for text, names in groups.items():
            shown = ", ".join(names[:2]) + (
                f" và {len(names) - 2} chỉ tiêu khác" if len(names) > 2 else ""
            )
            said.append(f"{what} của {shown} {text}")
    if not said:
        return ""
    return (
        "Số liệu "
        + ON_TODAYS_BOUNDARIES
        + " (không phải số đơn vị đã báo cáo; tỷ lệ tính lại từ tử số và mẫu số): "
        + "; ".join(said)
        + "."
    )


# "…; tính lại từ số người tham gia bảo hiểm y tế và dân số trung bình": said once for all ratios
_RECOMPUTED = re.compile(r"; tính lại từ .*$")


def sentence(
    row: pd.Series,
    children: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    month_to: int = 12,
) -> str:
    """One indicator's sentence. `children`: scorecard rows of its sub-items ("trong đó")."""
    if not _ok(row.get("value")):
        return ""
    lower = row["direction"] == "lower"
    is_pct = row["measure"] == "pct"
    head = (
        f"{short_name(row['name'])} {_verb(row.get('kind'), month_to, lower, is_pct)} "
        f"{quantity(row['value'], row['measure'], row['measure_name'])}"
    )
    if _derived(row, "derived_from"):
        head += f" ({ON_TODAYS_BOUNDARIES})"
    parts = [head]
    plan = _plan_phrase(row, targets, completed=month_to == 12)
    if plan:
        parts.append(plan)
    text = ", ".join(parts)
    change = _change_phrase(row)
    if change:
        text += "; " + change
        if _derived(row, "same_period_derived_from"):
            text += f" (cùng kỳ {ON_TODAYS_BOUNDARIES})"
    if children is not None and not children.empty:
        subs = [p for p in (_child_phrase(c) for _, c in children.iterrows()) if p]
        if subs:
            text += ", trong đó: " + "; ".join(subs)
    return text + "."


def group_paragraphs(
    card: pd.DataFrame, all_targets: pd.DataFrame | None, month_to: int
) -> list[tuple[str, str]]:
    """[(group name, paragraph)] for a unit's scorecard, in catalog order. Sub-items follow their parent."""
    out = []
    hidden = set(card["numerator"].dropna()) | set(
        card["denominator"].dropna()
    )  # population, households…
    data = card[
        ~card["is_criterion"].astype(bool)
        & (card["group_code"] != "do_thi")
        & card["value"].notna()
        & ~card["indicator_code"].isin(hidden)
    ]
    for group, rows in data.groupby("group_order", sort=True):
        sentences = []
        for _, row in rows[rows["parent_code"].isna()].iterrows():
            kids = rows[rows["parent_code"] == row["indicator_code"]]
            targets = None
            if all_targets is not None and not all_targets.empty:
                targets = all_targets[
                    (all_targets.indicator_code == row["indicator_code"])
                    & (all_targets.unit_id == row["unit_id"])
                ]
            text = sentence(row, kids, targets, month_to)
            if text:
                sentences.append(text)
        orphans = rows[
            rows["parent_code"].notna() & ~rows["parent_code"].isin(rows["indicator_code"])
        ]
        for _, row in orphans.iterrows():
            sentences.append(sentence(row, None, None, month_to))
        if sentences:
            out.append((rows["group_name"].iloc[0], " ".join(sentences)))
    return out


def achievement_summary(card: pd.DataFrame) -> str:
    """Completed year: 'Có 24/25 chỉ tiêu đạt và vượt kế hoạch; chưa đạt: …'."""
    judged = card[card["status"].isin(["exceeded", "met", "not_met"]) & card["parent_code"].isna()]
    if judged.empty:
        return ""
    good = judged[judged["status"].isin(["exceeded", "met"])]
    text = f"Có {len(good)}/{len(judged)} chỉ tiêu đạt và vượt kế hoạch"
    missed = judged[judged["status"] == "not_met"]
    if not missed.empty:
        text += "; chưa đạt: " + ", ".join(short_name(n) for n in missed["name"])
    return text + "."


def attention_paragraph(behind_rows: pd.DataFrame, wards: pd.DataFrame | None = None) -> str:
    """'Cần chú ý: …' — indicators furthest behind pace, then wards with most lagging indicators."""
    parts = []
    for r in behind_rows.itertuples():
        name = short_name(r.name)
        if r.is_flow and _ok(r.expected_pct) and _ok(r.pct_of_target):
            parts.append(
                f"{name}: bằng {fmt.percent(r.pct_of_target)} kế hoạch (tiến độ cần khoảng {fmt.percent(r.expected_pct, 0)})"
            )
        elif _ok(r.value) and _ok(r.target):
            parts.append(
                f"{name}: {quantity(r.value, r.measure, r.measure_name)} so với kế hoạch "
                f"{quantity(r.target, r.measure, r.measure_name)}"
            )
    text = ""
    if parts:
        text = "Cần chú ý: " + "; ".join(parts) + "."
    if wards is not None and not wards.empty:
        ward_text = "; ".join(f"{w.unit_name} ({w.n} chỉ tiêu chậm)" for w in wards.itertuples())
        text += (
            " " if text else "Cần chú ý: "
        ) + f"Các đơn vị có nhiều chỉ tiêu chậm tiến độ: {ward_text}."
    return text or "Không có chỉ tiêu nào chậm tiến độ."


def title(unit_name: str, period: Period) -> str:
    return f"Kết quả thực hiện các chỉ tiêu kinh tế - xã hội {period.title} — {unit_name}"
