"""One indicator across the children of a unit: values, targets, status, revisions and rank."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from indicators import queries, scorecard, summaries
from store import Connection, cached, data_version
from vn import numbers as fmt
from vn.periods import Period

_KIND_SHORT = {"estimate": "Ước", "actual": "TH"}


def _revision_text(rows: pd.DataFrame) -> str:
    return _revision_texts(rows.assign(unit_id=0)).get(0, "")


def _revision_texts(revs: pd.DataFrame) -> dict[int, str]:
    """Per unit, its versions in order as "Ước 1.234 (file) → TH 1.250 (file)"; "" with one version.
    One pass over plain lists (a groupby + itertuples per unit cost ~1 ms each, ~100 per province)."""
    rows: dict[int, list[str]] = {}
    for unit, kind, value, file_name in zip(
        revs["unit_id"].tolist(),
        revs["kind"].tolist(),
        revs["value"].tolist(),
        revs["file_name"].tolist(),
    ):
        rows.setdefault(unit, []).append(
            f"{_KIND_SHORT.get(kind, kind)} {fmt.number(value)} ({file_name})"
        )
    return {unit: " → ".join(parts) if len(parts) >= 2 else "" for unit, parts in rows.items()}


def by_children(
    con: Connection,
    indicator_code: str,
    parent_id: int,
    period: Period,
    boundaries: str = queries.CURRENT_BOUNDARIES,
) -> pd.DataFrame:
    """See `rank_children`; cached until the data change (the Chỉ tiêu page asks on every rerun)."""
    key = repr(("ranking", indicator_code, int(parent_id), period, boundaries))
    return cached(
        con,
        key,
        data_version(con),
        lambda: rank_children(con, indicator_code, parent_id, period, boundaries),
    )


def rank_children(
    con: Connection,
    indicator_code: str,
    parent_id: int,
    period: Period,
    boundaries: str = queries.CURRENT_BOUNDARIES,
) -> pd.DataFrame:
    """Per child unit with data in the period: value, target, same period, % of plan, status,
    revisions (text), rank by % of plan (1 = best; reversed for lower-is-better) and its change on
    the same period last year (positive = moved up). The children are those in force at the end of
    the period; last year's rank is theirs too — on today's boundaries rebuilt from their
    predecessors, never another unit that once had the same code or name."""
    kids = queries.child_units(con, parent_id, period)
    if kids.empty:
        return pd.DataFrame()
    ids = kids.unit_id.tolist()
    only = [indicator_code]  # the one indicator's rows, not every indicator's then filtered
    now = scorecard.scorecard(
        con, ids, period, aggregate_children=False, indicator_codes=only, boundaries=boundaries
    )
    shown = (
        (now.indicator_code == indicator_code).to_numpy()
        & now.value.notna().to_numpy()
        & np.isin(now.unit_id.to_numpy(), ids)
    )
    if not shown.any():
        return pd.DataFrame()
    before = _last_year_pct(con, ids, indicator_code, period.last_year(), boundaries)
    lower = now.direction[shown].iloc[0] == "lower"
    # ~170 rows: the new columns are worked out on plain lists and the wide frame (~55 columns)
    # taken once, in rank order (three takes of it, merges and pandas' sort cost ~5 ms)
    units = now.unit_id[shown].tolist()
    name_of = dict(zip(kids.unit_id.tolist(), kids.name.tolist()))
    code_of = dict(zip(kids.unit_id.tolist(), kids.code.tolist()))
    rank = now.pct_of_target[shown].rank(ascending=lower, method="min").tolist()

    def place(i: int) -> tuple[bool, float, str]:
        """Rank (the unranked last), then name."""
        unranked = math.isnan(rank[i])
        return unranked, 0.0 if unranked else rank[i], name_of[units[i]]

    order = sorted(range(len(units)), key=place)
    units = [units[i] for i in order]
    ranks = np.array([rank[i] for i in order], dtype=float)
    last = before.pct_of_target.rank(ascending=lower, method="min").tolist()
    prev_of = dict(zip(before.unit_id.tolist(), last))
    prev = np.array([prev_of.get(u, np.nan) for u in units], dtype=float)
    texts = _revision_texts(queries.revisions(con, indicator_code, ids, period))
    out = now.take(np.flatnonzero(shown)[order]).reset_index(drop=True)
    out["unit_name"] = [name_of[u] for u in units]
    out["unit_code"] = [code_of[u] for u in units]
    out["rank"] = ranks
    out["prev_rank"] = prev
    out["rank_change"] = prev - ranks
    out["revisions"] = [texts.get(int(u), "") for u in units]
    return out


def _last_year_pct(
    con: Connection, ids: list[int], code: str, period: Period, boundaries: str
) -> pd.DataFrame:
    """unit_id and pct_of_target of the children's own rows a year earlier: the stored column where
    the page summaries hold it (a whole scorecard's finishing is not needed for one column), the
    rest computed as the scorecard computes it. The pace model (history or not) does not change %
    of plan, which is all the ranks read."""
    got = None
    if boundaries == queries.CURRENT_BOUNDARIES:
        got = summaries.served_column(con, ids, period, code, "pct_of_target")
    stored, missing = got if got is not None else (None, ids)
    frames = [] if stored is None else [stored]
    if missing:
        live = scorecard.scorecard(
            con,
            missing,
            period,
            aggregate_children=False,
            indicator_codes=[code],
            boundaries=boundaries,
        )
        frames.append(live.loc[live.indicator_code == code, ["unit_id", "pct_of_target"]])
    before = pd.concat(frames, ignore_index=True)
    return before[before.pct_of_target.notna()]


def table_for_export(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    data = frame.assign(
        rank_arrow=frame.rank_change.map(fmt.rank_arrow),
        pct=frame.pct_of_target.round(2),
        change=frame.same_period_change.astype(float).round(2),  # points for a rate in %
        kind_label=frame.kind.map({"actual": "Thực hiện", "estimate": "Ước thực hiện"}),
        note=derived_notes(frame),
    )
    headers = {
        "rank": "Xếp hạng",
        "rank_arrow": "Thay đổi hạng",
        "unit_name": "Đơn vị",
        "value": "Thực hiện",
        "kind_label": "Loại số liệu",
        "target": "Kế hoạch năm",
        "pct": "% kế hoạch",
        "same_period_value": "Cùng kỳ",
        "change": (
            "Tăng/giảm so cùng kỳ (điểm %)"
            if bool(frame.same_period_change_in_points.any())
            else "Tăng/giảm so cùng kỳ (%)"
        ),
        "status_label": "Tình trạng",
        "note": "Ghi chú",
    }
    data["rank"] = data["rank"].astype("float").fillna(np.nan)
    return data, headers


def derived_notes(frame: pd.DataFrame) -> list[str]:
    """Per row, which figures were rebuilt on today's boundaries and from what (empty: none)."""
    parts = (
        ("derived_from", "Thực hiện"),
        ("same_period_derived_from", "Cùng kỳ"),
        ("target_derived_from", "Kế hoạch"),
    )
    notes = []
    for _, row in frame.iterrows():
        said = [
            f"{label} {row[column]}"
            for column, label in parts
            if column in frame and isinstance(row[column], str) and row[column]
        ]
        notes.append("; ".join(said))
    return notes


def display(table: pd.DataFrame, headers: dict[str, str]) -> pd.DataFrame:
    """The export table with numbers as Vietnamese text (1.234,5) for on-screen display."""
    shown = table[list(headers)].copy()
    for col in ("value", "target", "same_period_value"):
        shown[col] = shown[col].map(lambda v: fmt.number(v))
    for col in ("pct", "change"):
        shown[col] = shown[col].map(lambda v: fmt.number(v))
    shown["rank"] = shown["rank"].map(lambda v: "" if pd.isna(v) else str(int(v)))
    return shown.rename(columns=headers)
