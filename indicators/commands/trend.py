"""`python -m indicators trend`: trend status of series read as JSON Lines on stdin.

Input, one series per line::

    {"id": ..., "years": [...], "values": [...], "direction": "higher"|"lower",
     "target": x|null, "target_year": y|null, "limit": x|null, "base_year": y|null}

(`direction`, `target`, `target_year`, `limit`, `base_year` may be missing or null; `direction`
defaults to "higher"). Output, one line per input line, in order::

    {"id": ..., "progress_value": x|null, "score": x|null, "status": "..."}

A malformed line gives `status: "not_available"` with an `error` (in Vietnamese) and makes the
command exit 1 once all lines are written; otherwise it exits 0. Blank lines are skipped.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any, TextIO

from indicators.trend import measure_trend

OPTIONAL = ("direction", "target", "target_year", "limit", "base_year")


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "trend",
        help="Xu hướng nhiều năm so với mục tiêu (JSON Lines: stdin → stdout) / "
        "multi-year trend status against a target (JSON Lines in, JSON Lines out)",
        description="Đọc mỗi dòng một chuỗi số liệu (JSON) từ stdin, "
        "ghi mỗi dòng một kết quả ra stdout. "
        "Reads one JSON series per line on stdin and writes one JSON result per line on stdout "
        "(Statistics Canada / Open SDG progress measure).",
    )
    parser.set_defaults(command="trend")
    return parser


def _number_or_none(x: float | None) -> float | None:
    """JSON has no inf/nan: write null instead."""
    return x if x is None or math.isfinite(x) else None


class _Malformed(Exception):
    pass


def _parse(line: str) -> tuple[Any, dict]:
    """(id, keyword arguments of measure_trend) or raise _Malformed(id, message in Vietnamese)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        message = f"Dòng không phải JSON hợp lệ (lỗi ở cột {exc.colno})"
        raise _Malformed(None, message) from None
    if not isinstance(obj, dict):
        raise _Malformed(None, "Mỗi dòng phải là một đối tượng JSON {...}")
    sid = obj.get("id")
    for key in ("years", "values"):
        if key not in obj or obj[key] is None:
            raise _Malformed(sid, f'Thiếu trường bắt buộc "{key}"')
        if not isinstance(obj[key], list):
            raise _Malformed(sid, f'Trường "{key}" phải là một mảng')
    kwargs = {"years": obj["years"], "values": obj["values"]}
    for key in OPTIONAL:
        if obj.get(key) is not None:
            kwargs[key] = obj[key]
    return sid, kwargs


def _failure(sid: Any, message: str) -> dict:
    return {
        "id": sid,
        "progress_value": None,
        "score": None,
        "status": "not_available",
        "error": message,
    }


def process(stdin: TextIO, stdout: TextIO) -> int:
    failed = False
    for line in stdin:
        if not line.strip():
            continue
        sid: Any = None
        try:
            sid, kwargs = _parse(line)
            result = measure_trend(**kwargs)
            out = {
                "id": sid,
                "progress_value": _number_or_none(result.progress_value),
                "score": _number_or_none(result.score),
                "status": result.status,
            }
        except _Malformed as exc:
            failed = True
            out = _failure(*exc.args)
        except (ValueError, TypeError) as exc:
            failed = True
            out = _failure(sid, f"Dữ liệu không hợp lệ: {exc}")
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if failed else 0


def run(args: argparse.Namespace) -> int:
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    return process(sys.stdin, sys.stdout)
