"""Writing parsed files: all files of one load in one DuckDB transaction, refused as a whole when any
file has an error. Each file is recorded as an upload (name, sha256, user, time, counts, warnings)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

import pandas as pd

from loaders.criteria_extras import batch_extras
from loaders.frames import concat
from loaders.gcpause import paused_gc
from loaders.parse import FileResult
from loaders.problems import Problem, problem
from loaders.report import format_line
from loaders.unknowns import decision_key
from loaders.validate import check_duplicates
from store import Connection
from store.approvals import Locked
from store.connection import file_of
from store.files import keep
from store.uploads import COLUMNS, commit_uploads
from vn.text import printable

log = logging.getLogger(__name__)


@dataclass
class CommitOutcome:
    committed: bool
    upload_ids: list[int] = field(default_factory=list)
    n_observations: int = 0
    n_replaced: int = 0
    n_unchanged: int = 0  # the same value as in force: "không đổi", no new version
    problems: list[Problem] = field(
        default_factory=list
    )  # why nothing was written, when it was not


def earlier_copies(con, result: FileResult) -> list[Problem]:
    """A warning when the same bytes were loaded before (and not rolled back): loading them again
    changes nothing that is still as they left it."""
    from store.uploads import same_file

    if not result.sha256:
        return []
    earlier = same_file(con, result.sha256)
    if earlier.empty:
        return []
    first = earlier.iloc[0]
    return [
        problem(
            "same-file",
            result.name,
            None,
            None,
            date=f"{first.uploaded_at:%d/%m/%Y %H:%M}",
            upload_id=int(first.upload_id),
            first_name=str(first.file_name),
        )
    ]


def cross_file_problems(results: list[FileResult]) -> list[Problem]:
    """The same observation in two files of one load (conflicting → error, same value → warning)."""
    frames = []
    for n, r in enumerate(results):
        if not r.observations.empty:
            frames.append(r.observations.assign(_file=n))
    if len(frames) < 2:
        return []
    allobs = concat(frames)
    files = allobs["_file"].to_numpy()
    _, found = check_duplicates(allobs, lambda i: results[files[i]].name)
    return found


def _decisions(result: FileResult) -> list[dict]:
    """The names decided for this file, in the shape store.aliases keeps."""
    out, seen = [], set()
    for kind, name, target in result.decisions:
        k = decision_key(kind, name)
        if k in seen:
            continue
        seen.add(k)
        out.append({"kind": kind, "name": name, "name_key": k[1], "target": target})
    return out


def commit(
    con: Connection,
    results: list[FileResult],
    user: str | None = None,
    files: dict[str, bytes] | None = None,
) -> CommitOutcome:
    """Write every file's observations in one transaction, or nothing when any file has an error.
    `files` (sha256 → bytes): the uploaded files, kept beside the store once written (store.files)."""
    problems = [p for r in results for p in r.errors] + [
        p for p in cross_file_problems(results) if p.is_error
    ]
    if problems:
        return CommitOutcome(False, problems=problems)
    batches = []
    for r in results:
        obs = r.observations
        data = obs if not obs.empty else pd.DataFrame(columns=COLUMNS)
        layout = "; ".join(f"{s.sheet}: {s.family}" for s in r.layouts if s.n_observations)
        # the line the command line prints, naming the file as recorded (no server folder)
        warnings = [format_line(replace(p, file=stored_name(p.file))) for p in r.warnings]
        batches.append(
            {
                "observations": data,
                "unique_keys": True,  # parse_upload dropped repeats
                "file_name": stored_name(r.name),
                "sha256": r.sha256,
                "uploaded_by": user,
                "layout": layout,
                "warnings": warnings,
                "decisions": _decisions(r),
                **batch_extras(r),
            }
        )
    try:
        with paused_gc():
            written = commit_uploads(con, batches)
    except Locked as exc:  # approved values: refused, saying who approved them and when
        return CommitOutcome(
            False,
            problems=[
                problem("locked", results[0].name if results else "", None, None, message=exc.title)
            ],
        )
    except Exception as exc:  # the store refused: nothing was written (the transaction rolled back)
        log.exception("commit failed")
        return CommitOutcome(
            False,
            problems=[
                problem(
                    "internal-error",
                    results[0].name if results else "",
                    None,
                    None,
                    "commit",
                    reason=type(exc).__name__,
                )
            ],
        )
    for r in results:
        if files and r.sha256 in files and (where := file_of(con)) is not None:
            keep(r.sha256, stored_name(r.name), files[r.sha256], where)
    return CommitOutcome(
        True,
        [w.upload_id for w in written],
        sum(w.n_observations for w in written),
        sum(w.n_replaced for w in written),
        sum(w.n_unchanged for w in written),
    )


def stored_name(name: str) -> str:
    """The file name an upload is recorded under: without the folder it was read from on the server
    (`loaders load /srv/reports/bc.xlsx` records "bc.xlsx") and without control characters."""
    return printable(name.replace("\\", "/").rsplit("/", 1)[-1]) or "tệp không tên"
