"""Loaders: report spreadsheets in, validated observations out, all or nothing.

read → layout → normalise → validate (problems) → commit through store/. Never imports Streamlit.
See docs/loading.md for formats, layout families, header vocabulary and every problem code.

    result = parse_upload(name, data, con)          # FileResult: .layouts, .observations, .problems
    result = parse_isolated(name, data, con)        # the same, in a capped worker process (the app)
    outcome = commit(con, [result], user="lan")     # CommitOutcome: .committed, .upload_ids, …
"""

from loaders.commit import CommitOutcome, commit, earlier_copies
from loaders.export import export_csv, write_csv
from loaders.isolated import WorkerLimits, parse_isolated
from loaders.parse import FileResult, SheetLayout, parse_upload
from loaders.problems import CODES, Problem
from loaders.read import Limits
from loaders.report import format_line
from loaders.urban import parse_scoring_table, scoring_rows

__all__ = [
    "CODES",
    "CommitOutcome",
    "FileResult",
    "Limits",
    "Problem",
    "SheetLayout",
    "WorkerLimits",
    "commit",
    "earlier_copies",
    "export_csv",
    "format_line",
    "parse_scoring_table",
    "parse_isolated",
    "parse_upload",
    "scoring_rows",
    "write_csv",
]
