"""Loaders: report spreadsheets in, validated observations out, all or nothing.

read → layout → normalise → validate (problems) → commit through store/. Never imports Streamlit.
See docs/loading.md for formats, layout families, header vocabulary and every problem code.

    result = parse_upload(name, data, con)          # FileResult: .layouts, .observations, .problems
    outcome = commit(con, [result], user="lan")     # CommitOutcome: .committed, .upload_ids, …
"""

from loaders.commit import CommitOutcome, commit
from loaders.export import export_csv, write_csv
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
    "commit",
    "export_csv",
    "format_line",
    "parse_scoring_table",
    "parse_upload",
    "scoring_rows",
    "write_csv",
]
