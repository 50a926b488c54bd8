"""Page summaries: every unit's scorecard row for every year-to-date period, computed once when the
data change (by the writer, before the snapshot is published: store.published.writing) instead of
at every first view. A page's scorecard then reads a few thousand stored rows; the same function
that computes a scorecard live (indicators.scorecard.compute) makes them, so both agree by
construction (tests/test_summaries.py checks it on the demo store and on a sample of a national one).

A refresh recomputes only what the change can reach: the units whose observations of a year changed
(a fingerprint per unit and year), the units above them and the units that replaced them, for that
year and every later one (the same period next year, the pace history of later years). A change of
the reference data (catalog, units, shares) recomputes everything."""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from indicators import catalog, lineage, progress
from store import (
    Connection,
    cached_unscoped,
    data_version,
    frozen,
    memo_unscoped,
    reference_version,
)
from store import summaries as stored
from vn.periods import Period

log = logging.getLogger(__name__)
BATCH = 500  # units per scorecard computation: one query set per batch, memory bounded


CODE_FOLDERS = ("indicators", "store/queries", "vn")
DATA_SUFFIXES = {".toml", ".csv", ".json"}


def _code_fingerprint(root: Path = Path(__file__).resolve().parents[1]) -> str:
    """The source of what computes a scorecard (indicators/, the store's queries, vn/) and the data
    files it reads: summaries made by other code or settings are not served, and the next write
    remakes them all."""
    digest = hashlib.sha256()
    files = [p for folder in CODE_FOLDERS for p in (root / folder).rglob("*.py")]
    # and every data file it may read (target-source priorities, status thresholds…): reference
    # data the store copies are in its own fingerprint too, which costs nothing to repeat
    files += [p for p in (root / "data").rglob("*") if p.suffix in DATA_SUFFIXES]
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE = _code_fingerprint()


def current(con: Connection) -> bool:
    """Whether the store's page summaries can be served (made by this code for these data): asked
    once per snapshot (meta and the data version are the snapshot's, whatever the scope)."""
    return memo_unscoped(con, ("summaries_current", CODE), lambda: stored.fresh(con, CODE))


def refresh(con: Connection, say: Callable[[str], None] | None = None) -> bool:
    """Bring the stored summaries up to date with the data; True when it wrote."""
    made = stored.made_for(con)
    same_base = made.get("summaries_reference") == stored.reference(con) and (
        made.get("summaries_code") == CODE
    )
    if same_base and made.get("summaries_version") == repr(data_version(con)):
        return False
    started = time.perf_counter()
    pairs = stored.due(con)
    everything = not same_base or "summaries_version" not in made
    if not everything:
        changed = stored.changed_inputs(con)
        if changed.empty:  # an approval decision, a rejected upload: nothing a summary reads
            stored.stamp(con, CODE)
            return True
        reach = stored.affected_units(con, changed.unit_id.unique().tolist())
        pairs = pairs[pairs.unit_id.isin(reach) & (pairs.year >= int(changed.year.min()))]
    with frozen(con):  # the data do not change while the summaries are computed
        n_rows = stored.replace(con, pairs, _batches(con, pairs, say), everything, CODE)
    text = (
        f"page summaries: {len(pairs):,} unit-periods ({'all' if everything else 'changed'}), "
        f"{n_rows:,} rows in {time.perf_counter() - started:.1f} s"
    )
    log.info(text)
    if say:
        say(text)
    return True


def _batches(
    con: Connection, pairs: pd.DataFrame, say: Callable[[str], None] | None = None
) -> Iterator[pd.DataFrame]:
    """The summary rows, a period's units at a time (BATCH units per scorecard computation)."""
    from indicators.scorecard import compute  # scorecard serves from here: imported when used

    for (year, month_from, month_to), group in pairs.groupby(["year", "month_from", "month_to"]):
        period = Period(int(year), int(month_from), int(month_to))
        ids = sorted(int(u) for u in group.unit_id)
        started = time.perf_counter()
        for start in range(0, len(ids), BATCH):
            frame = compute(con, ids[start : start + BATCH], period)
            if not frame.empty:
                yield _rows(frame, period)
        if say and len(ids) > BATCH:
            say(f"  {period.title}: {len(ids):,} units, {time.perf_counter() - started:.1f} s")


def _rows(frame: pd.DataFrame, period: Period) -> pd.DataFrame:
    out = frame.assign(year=period.year, month_from=period.month_from, month_to=period.month_to)
    for column in stored.COLUMNS:
        if column not in out:
            out[column] = None
    return out[stored.COLUMNS]


def served(
    con: Connection,
    unit_ids: Sequence[int],
    period: Period,
    aggregate_children: bool,
    indicator_codes: Sequence[str] | None,
) -> tuple[pd.DataFrame, list[int]] | None:
    """The scorecard rows of the summarised units, finished as `compute` finishes them, and the
    units still to compute live; None when the summaries cannot serve this connection (not made for
    these data, or values hidden from it while they wait for approval)."""
    found = _summarised(con, unit_ids, period, own_rows=not aggregate_children)
    if found is None:
        return None
    done, missing = found
    cat = _catalog_in_order(con, None if indicator_codes is None else tuple(indicator_codes))
    rows = stored.read_table(
        con, sorted(done), period.year, period.month_from, period.month_to, cat.code
    )
    return _finished(rows, cat), missing


def _summarised(
    con: Connection, unit_ids: Sequence[int], period: Period, own_rows: bool
) -> tuple[set[int], list[int]] | None:
    """The units whose rows of the period the summaries serve, and those to compute live; None when
    they cannot serve (see `served`). `own_rows`: a unit's own rows, not its children's aggregate."""
    if period.month_from != 1 or not current(con) or stored.pending_before(con, period.year):
        return None
    done = stored.summarised(con, unit_ids, period.year, period.month_from, period.month_to)
    if own_rows and done:  # a stored parent's row may hold its children's aggregate
        # any unit that ever had units under it is computed live (a query of the period's
        # children cost a never-seen view ~4 ms a call; the graph is read once per snapshot)
        graph = lineage.lineage(con)
        done = {u for u in done if not graph.has_children(u)}
    return done, [int(u) for u in unit_ids if int(u) not in done]


def _catalog_in_order(con: Connection, codes: tuple[str, ...] | None) -> pd.DataFrame:
    """The catalog's rows of these indicators (all: None) in display order, kept as the catalog is
    (per snapshot: a never-seen view's every scorecard asked for it anew, ~1,5 ms)."""

    def make() -> pd.DataFrame:
        cat = catalog.indicators(con)
        if codes is not None:
            cat = cat[cat["code"].isin(list(codes))]
        return cat.sort_values(["group_order", "sort_order"]).reset_index(drop=True)

    return cached_unscoped(con, f"catalog_in_order:{codes}", lambda: reference_version(con), make)


def served_column(
    con: Connection, unit_ids: Sequence[int], period: Period, indicator_code: str, column: str
) -> tuple[pd.DataFrame, list[int]] | None:
    """unit_id and one stored column of the units' own rows of one indicator (as `served` with
    `aggregate_children=False` gives them), and the units still to compute live; None when the
    summaries cannot serve (see `served`)."""
    found = _summarised(con, unit_ids, period, own_rows=True)
    if found is None:
        return None
    done, missing = found
    rows = stored.read_column(con, sorted(done), period, indicator_code, column)
    return rows, missing


def _finished(rows: pa.Table, cat: pd.DataFrame) -> pd.DataFrame:
    """Stored rows (in the catalog's order) as `compute` finishes them: its catalog columns, labels
    and dtypes. Looked up in Arrow before one conversion: per column in pandas this was ~20 ms of a
    never-seen view's province scorecard (~20k rows)."""
    rows = rows.drop_columns(["year", "month_from", "month_to"])
    statuses = progress.status_label_map()
    status_label = pa.array(list(statuses.values()), pa.string()).take(
        pc.index_in(rows.column("status"), value_set=pa.array(list(statuses), pa.string()))
    )
    sources = rows.column("target_source")
    known = pc.unique(sources.drop_null())
    source_label = pa.array(
        [catalog.target_source_label(code) for code in known.to_pylist()], pa.string()
    ).take(pc.index_in(sources, value_set=known))
    # as compute leaves them: objects, NaN where missing
    objects = {
        column: _objects(rows.column(column))
        for column in ("kind", "same_period_kind", "target_source")
    }
    frame = rows.to_pandas()
    for column, values in objects.items():
        frame[column] = pd.Series(values, dtype=object)
    # the catalog's columns by position (the rows come in its order): one take of the catalog's
    # blocks, no merge, no sort of ~20k rows
    at = pc.index_in(rows.column("indicator_code"), value_set=pa.array(cat["code"], pa.string()))
    columns = cat.take(at.to_numpy(zero_copy_only=False)).reset_index(drop=True)
    frame = pd.concat([frame, columns], axis=1)
    frame["status_label"] = status_label.to_pandas()
    default = catalog.target_source_label("")
    frame["target_source_label"] = pd.Series(
        _objects(source_label.fill_null(default)), dtype=object
    )
    return frame


def _objects(values: pa.ChunkedArray | pa.Array) -> np.ndarray:
    out = np.asarray(values.to_numpy(zero_copy_only=False), dtype=object)
    out[values.is_null().to_numpy(zero_copy_only=False)] = np.nan
    return out


def served_years(
    con: Connection, unit_id: int, years: Sequence[int], indicator_codes: Sequence[str]
) -> tuple[pd.DataFrame, list[int]] | None:
    """The unit's whole-year values from the stored summaries, as `queries.whole_years` gives them
    on today's boundaries, and the years still to compute live; None when the summaries cannot
    serve (see `served`), or for a unit that has had units under it (a stored row may hold their
    aggregate, which the yearly values never do)."""
    if not years or not current(con) or stored.pending_before(con, max(years)):
        return None
    if lineage.lineage(con).has_children(int(unit_id)):
        return None
    done = stored.summarised_years(con, unit_id, years)
    rows = stored.whole_years(con, unit_id, sorted(done), indicator_codes) if done else None
    missing = [int(y) for y in years if int(y) not in done]
    if rows is None:
        rows = pd.DataFrame(columns=["indicator_code", "year", "value", "kind", "derived_from"])
    return rows, missing
