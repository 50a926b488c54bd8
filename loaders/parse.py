"""One uploaded file → FileResult: the layout of each sheet, the observations it holds (with names
and periods for preview), and every problem found. Nothing is written; commit() writes."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from loaders.catalog import Catalog, load_catalog
from loaders.derived import check_counts, check_derived, check_sums, years_reached
from loaders.encoding import legacy_encoding
from loaders.extract import Extracted, empty_observations, extract_table
from loaders.frames import categorical, concat, constant, relabel
from loaders.gcpause import paused_gc
from loaders.layout import Layout, detect_layout
from loaders.longtable import extract_long
from loaders.problems import Problem, problem
from loaders.read import Limits, ReadFailure, legacy_problem, read_workbook
from loaders.tables import SheetPart, next_table
from loaders.unknowns import SKIP, Decisions, Unknown, UnknownLog
from loaders.urban import scoring_rows
from loaders.urban_points import check_points
from loaders.validate import check_bounds, check_duplicates
from store import Connection
from vn.numbers import number
from vn.periods import Period
from vn.text import printable

log = logging.getLogger(__name__)
Progress = Callable[[float, str], None]
KIND_LABELS = {"actual": "Thực hiện", "estimate": "Ước thực hiện", "target": "Kế hoạch"}


@dataclass
class SheetLayout:
    sheet: str
    family: str  # long | report | series | units | matrix | urban | none | hidden
    description: str  # Vietnamese, for the preview
    header: str = ""  # header rows, e.g. "7:9"
    unit: str = ""  # the sheet's unit (letterhead/title), when found
    n_observations: int = 0

    def __post_init__(self) -> None:
        self.sheet, self.unit = printable(self.sheet), printable(self.unit)


@dataclass
class FileResult:
    name: str
    sha256: str
    size: int
    layouts: list[SheetLayout] = field(default_factory=list)
    observations: pd.DataFrame = field(default_factory=empty_observations)
    problems: list[Problem] = field(default_factory=list)
    extras: dict = field(
        default_factory=dict
    )  # years_reached per sheet, urban scoring rows per sheet
    unknowns: list[Unknown] = field(
        default_factory=list
    )  # names the catalog does not know, once each
    skipped: list[Unknown] = field(default_factory=list)  # names not followed, by decision
    decisions: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (kind, name, target) applied here

    def __post_init__(self) -> None:
        self.name = printable(self.name)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def add_preview(obs: pd.DataFrame, catalog: Catalog, file: str) -> pd.DataFrame:
    """Names, period and kind labels for display beside the stored fields (categoricals: codes over the
    few distinct labels, nothing made per row)."""
    if obs.empty:
        out = obs.copy()
        for c in ("file", "indicator_name", "unit_name", "period", "kind_label", "measure"):
            out[c] = pd.Series(dtype="object")
        return out
    out = obs.copy(deep=False)
    n = len(out)
    for c in ("indicator_code", "kind", "target_source", "source_measure", "sheet"):
        if c in out and not isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = pd.Categorical(
                out[c].astype(object).fillna("") if c != "source_measure" else out[c].astype(object)
            )
    out["file"] = constant(file, n)
    names = catalog.indicators["name"].to_dict()
    measures = catalog.indicators["measure"].map(catalog.measures["name"]).to_dict()
    out["indicator_name"] = relabel(out["indicator_code"], names)
    out["measure"] = relabel(out["indicator_code"], measures)
    ucodes, uuniq = pd.factorize(out["unit_id"].to_numpy(dtype="int64"))
    out["unit_name"] = categorical(
        ucodes, [catalog.units[int(u)].name if int(u) in catalog.units else "" for u in uuniq]
    )
    span = (
        out["year"].to_numpy(dtype="int64") * 10000
        + out["month_from"].to_numpy(dtype="int64") * 100
        + out["month_to"].to_numpy(dtype="int64")
    )
    codes, uniques = pd.factorize(span)
    out["period"] = categorical(
        codes, [Period(u // 10000, (u // 100) % 100, u % 100).heading for u in uniques]
    )
    out["kind_label"] = relabel(out["kind"], lambda k: KIND_LABELS.get(k, k))
    for c in ("unit_id", "year", "month_from", "month_to"):
        out[c] = out[c].astype("int64")
    out["value"] = out["value"].astype("float64")
    return out


def _sheet(
    file: str,
    sheet,
    catalog: Catalog,
    result: FileResult,
    decisions: Decisions | None,
    log: UnknownLog,
    start: int = 0,
) -> Extracted | None:
    if sheet.hidden:
        if any(str(c).strip() for r in sheet.rows[:200] for c in r):
            result.problems.append(problem("hidden-sheet", file, sheet.name, None))
        result.layouts.append(SheetLayout(sheet.name, "hidden", "trang bị ẩn (không nạp)"))
        return None
    if not sheet.rows or not any(str(c).strip() for r in sheet.rows for c in r):
        result.layouts.append(SheetLayout(sheet.name, "none", "trang trống"))
        return None
    layout: Layout | None = detect_layout(
        sheet.rows,
        sheet.merged or None,
        lambda text: catalog.match_measure(text) is not None,
        start,
    )
    if (
        layout is not None
        and layout.family != "long"
        and (cut := next_table(sheet.rows, layout)) is not None
    ):
        first = _sheet(
            file, SheetPart(sheet, cut, len(sheet.rows)), catalog, result, decisions, log, start
        )
        rest = _sheet(
            file, SheetPart(sheet, layout.header_first, cut), catalog, result, decisions, log, cut
        )
        return _joined(first, rest)
    if layout is None and start:
        return None  # no further table below the one read
    if layout is None:
        result.problems.append(problem("no-table", file, sheet.name, None))
        result.layouts.append(SheetLayout(sheet.name, "none", "không nhận dạng được bảng"))
        return None
    if layout.family == "long":
        extracted = extract_long(file, sheet, layout, catalog, decisions, log)
    else:
        extracted = extract_table(file, sheet, layout, catalog, decisions, log)
        if not extracted.extras.get("no_table"):
            extracted.problems += check_derived(file, sheet, layout, extracted.extras)
            extracted.problems += check_sums(file, sheet, layout, extracted.extras)
            extracted.problems += check_counts(file, sheet, layout, extracted.extras)
            reached = years_reached(sheet, layout, extracted.extras, catalog)
            if reached:
                result.extras.setdefault("years_reached", {})[sheet.name] = reached
            if layout.family == "urban":
                rows = result.extras.setdefault("urban_rows", {})[sheet.name] = scoring_rows(
                    sheet, layout, catalog
                )
                extracted.problems += check_points(file, sheet.name, rows)
    unit_id = extracted.extras.get("sheet_unit")
    result.layouts.append(
        SheetLayout(
            sheet.name,
            layout.family,
            layout.describe(),
            f"{layout.header_first + 1}:{layout.header_last + 1}",
            catalog.units[unit_id].name if unit_id is not None else "",
            len(extracted.observations),
        )
    )
    return extracted


def _joined(first: Extracted | None, rest: Extracted | None) -> Extracted | None:
    """Two tables of one sheet as one extraction (their keys may repeat: duplicates are checked)."""
    if first is None or rest is None:
        return first or rest
    extras = dict(first.extras, unique_keys=False)
    return Extracted(
        concat([first.observations, rest.observations]), first.problems + rest.problems, extras
    )


def _legacy(sheets) -> str | None:
    """The legacy encoding (TCVN3, VNI) the workbook's text is typed in, if any: its visible sheets'
    text cells near the top (titles, headers, names) are enough to tell."""
    texts: list[str] = []
    for sheet in sheets:
        if sheet.hidden:
            continue
        for row in sheet.rows[:120]:
            texts.extend(
                c for c in row[:60] if isinstance(c, str) and c.strip() and not c.isascii()
            )
            if len(texts) > 400:
                return legacy_encoding(texts)
    return legacy_encoding(texts)


def _names(result: FileResult, log: UnknownLog, decisions: Decisions | None) -> None:
    """The file's unknown names, the names it skipped (a warning naming them) and the decisions it used."""
    result.unknowns = list(log.unknowns.values())
    result.skipped = list(log.skipped.values())
    for entry in result.skipped:
        cells = ", ".join(entry.cells[:5]) + (
            f" và {len(entry.cells) - 5} ô khác" if len(entry.cells) > 5 else ""
        )
        what = "chỉ tiêu" if entry.kind == "indicator" else "đơn vị"
        sheet, _, cell = entry.cells[0].rpartition("!") if entry.cells else ("", "", "")
        result.problems.append(
            problem(
                "skipped-name",
                result.name,
                sheet or None,
                cell or None,
                "remembered" if entry.remembered else "default",
                what=what,
                name=entry.name,
                count=len(entry.cells),
                cells=cells,
            )
        )
    if decisions:
        for entry in result.skipped:
            if entry.key in decisions:
                result.decisions.append((entry.kind, entry.name, SKIP))
        for (kind, _), (name, target) in log.decided.items():
            result.decisions.append((kind, name, target))


def parse_upload(
    name: str,
    data: bytes,
    con: Connection,
    *,
    limits: Limits | None = None,
    progress: Progress | None = None,
    decisions: Decisions | None = None,
    within: Collection[str] | None = None,
) -> FileResult:
    """Read, detect, normalise and validate one file. Never raises for bad files: problems say why.
    `decisions` maps unknown names to catalog codes / unit ids or SKIP (loaders.unknowns); `within`:
    the uploader's provinces (store.regions.of_units), the units names are matched against. In
    this process: the app parses in a worker (loaders.isolated.parse_isolated)."""
    return parse_with_catalog(
        name,
        data,
        lambda: load_catalog(con).within(within),
        limits=limits,
        progress=progress,
        decisions=decisions,
    )


def parse_with_catalog(
    name: str,
    data: bytes,
    catalog: Callable[[], Catalog],
    *,
    limits: Limits | None = None,
    progress: Progress | None = None,
    decisions: Decisions | None = None,
) -> FileResult:
    """`parse_upload` with the catalog given (read only once the file is known to be a table): a
    worker process gets the catalog, not the store."""
    with paused_gc():
        return _parse(name, data, catalog, limits=limits, progress=progress, decisions=decisions)


def _parse(
    name: str,
    data: bytes,
    get_catalog: Callable[[], Catalog],
    *,
    limits: Limits | None = None,
    progress: Progress | None = None,
    decisions: Decisions | None = None,
) -> FileResult:
    limits = limits or Limits()
    result = FileResult(name=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    report = progress or (lambda fraction, message: None)
    try:
        if len(data) > limits.max_bytes:
            result.problems.append(
                problem(
                    "too-large",
                    name,
                    None,
                    None,
                    "bytes",
                    size_mb=number(len(data) / 2**20, 1),
                    limit_mb=number(limits.max_bytes / 2**20, 0),
                )
            )
            return result
        if not data:
            result.problems.append(problem("empty-file", name, None, None, "zero_bytes"))
            return result
        report(0.02, "Đang đọc tệp…")
        sheets = read_workbook(name, data, limits)
        legacy = _legacy(sheets)
        if legacy:
            result.problems.append(legacy_problem(name, None, legacy))
            return result
        catalog = get_catalog()
        frames, unique = [], []
        unknown_log = UnknownLog()
        for n, sheet in enumerate(sheets):
            report(0.05 + 0.85 * n / max(len(sheets), 1), f'Đang đọc trang "{sheet.name}"…')
            extracted = _sheet(name, sheet, catalog, result, decisions, unknown_log)
            if extracted is None:
                continue
            result.problems += extracted.problems
            if not extracted.observations.empty:
                frames.append(extracted.observations)
                unique.append(bool(extracted.extras.get("unique_keys")))
        _names(result, unknown_log, decisions)
        report(0.92, "Đang kiểm tra số liệu…")
        if not any(str(c).strip() for s in sheets for r in s.rows[:1000] for c in r):
            result.problems.append(problem("empty-file", name, None, None, "blank_sheets"))
            return result
        obs = concat(frames) if frames else empty_observations()
        if obs.empty and not result.errors:
            result.problems.append(problem("no-data", name, None, None))
        result.problems += check_bounds(name, obs, catalog)
        if not (
            len(frames) == 1 and unique[0]
        ):  # one table whose rows and columns do not repeat: no duplicates
            obs, dup_problems = check_duplicates(obs, lambda i: name)
            result.problems += dup_problems
        result.observations = add_preview(obs.reset_index(drop=True), catalog, name)
        report(1.0, "Xong")
    except ReadFailure as failure:
        result.problems.append(failure.problem)
    except MemoryError:
        result.problems.append(problem("too-large", name, None, None))
    except Exception:  # never a traceback to the user
        log.exception("loader failure on %s", name)
        result.problems.append(problem("internal-error", name, None, None))
    return result
