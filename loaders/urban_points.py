"""An urban scoring table's "Đạt được" cells checked against the points computed from the table's own
levels and points (indicators.urban.score_table): a difference is a `points-mismatch` warning."""

from __future__ import annotations

from indicators import urban
from loaders.problems import Problem, problem
from vn import numbers as fmt


def check_points(file: str, sheet: str, rows: list[dict]) -> list[Problem]:
    found = []
    for m in urban.score_table(rows)["mismatches"]:
        cell = (m["cell"] or "").split("!")[-1] or None
        what = "tổng điểm" if m["item"] == "total" else f"mục {m['item']}"
        found.append(
            problem(
                "points-mismatch",
                file,
                sheet,
                cell,
                what=what,
                reported=fmt.number(m["reported"], 4),
                computed=fmt.number(m["computed"], 4),
            )
        )
    return found
