"""Trend status (indicators/trend.py) against cases kept as data in tests/cases/trend_cases.jsonl.

Each case names its source: Open SDG's progress-calculation fixtures (open-sdg/sdg-build
tests/assets/progress-calculation/…) and synthetic series, with expected outputs produced by
sdg-build's SeriesProgress (sdg/ProgressMeasure.py @139fede7); the few inputs where sdg-build
raises or returns a floating-point artefact carry this project's documented choice.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.trend import STATUSES, VI_LABELS, TrendResult, measure_trend

ROOT = Path(__file__).resolve().parent.parent
CASE_FILE = ROOT / "tests" / "cases" / "trend_cases.jsonl"
CASES = [json.loads(line) for line in CASE_FILE.open(encoding="utf-8") if line.strip()]
ARGS = ("direction", "target", "target_year", "limit", "base_year")


def _close(actual: float | None, expected: float | None, rel: float = 1e-9) -> bool:
    if expected is None or actual is None:
        return actual is expected
    return actual == pytest.approx(expected, rel=rel, abs=1e-12)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    kwargs = {k: case[k] for k in ARGS if case.get(k) is not None}
    result = measure_trend(case["years"], case["values"], **kwargs)
    assert isinstance(result, TrendResult)
    expected = case["expected"]
    assert result.status == expected["status"], case["source"]
    assert _close(result.score, expected["score"]), (result.score, expected["score"])
    assert _close(result.progress_value, expected["progress_value"]), (
        result.progress_value,
        expected["progress_value"],
    )
    if result.score is not None:
        assert -5 <= result.score <= 5


def test_cases_cover_every_status():
    assert {c["expected"]["status"] for c in CASES} == set(STATUSES)
    assert set(VI_LABELS) == set(STATUSES)


def test_malformed_input_raises():
    with pytest.raises(ValueError):
        measure_trend([2020, 2021], [1.0], "higher")
    with pytest.raises(ValueError):
        measure_trend([2020, 2020], [1.0, 2.0], "higher")
    with pytest.raises(ValueError):
        measure_trend([2020, 2021], [1.0, 2.0], "up")


def _run_cli(lines: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indicators", "trend"],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def test_cli_ok():
    lines = [
        json.dumps({"id": "a", "years": [2020, 2021], "values": [100, 120], "direction": "lower"}),
        json.dumps(
            {
                "id": "b",
                "years": [2015, 2020],
                "values": [50, 65],
                "direction": "higher",
                "target": 80,
                "target_year": 2025,
                "limit": None,
                "base_year": None,
            }
        ),
        json.dumps({"id": 3, "years": [2020], "values": [50]}),
        json.dumps({"id": "d", "years": [2015, 2020], "values": [50, 90], "target": 80}),
    ]
    proc = _run_cli(lines)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", 3, "d"]
    assert all(set(o) == {"id", "progress_value", "score", "status"} for o in out)
    assert [o["status"] for o in out] == [
        "deterioration",
        "substantial",
        "not_available",
        "target_achieved",
    ]
    assert out[0]["progress_value"] == pytest.approx(-0.2) and out[0]["score"] == -5
    assert out[1]["progress_value"] == pytest.approx(1.1195194722518065, rel=1e-9)
    assert out[1]["score"] == pytest.approx(3.710915638347428, rel=1e-9)
    assert out[2]["progress_value"] is None and out[2]["score"] is None
    assert out[3]["score"] == 5


def test_cli_malformed_lines_exit_1():
    lines = [
        json.dumps({"id": "ok", "years": [2015, 2020], "values": [100, 110]}),
        "{not json",
        json.dumps({"id": "short", "years": [2015, 2020], "values": [1]}),
        json.dumps({"id": "nodir", "years": [2015, 2020], "values": [1, 2], "direction": "up"}),
        json.dumps({"id": "noyears", "values": [1, 2]}),
        json.dumps({"id": "last", "years": [2015, 2020], "values": [100, 95]}),
    ]
    proc = _run_cli(lines)
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["ok", None, "short", "nodir", "noyears", "last"]
    assert [o["status"] for o in out] == [
        "substantial",
        "not_available",
        "not_available",
        "not_available",
        "not_available",
        "deterioration",
    ]
    assert ["error" in o for o in out] == [False, True, True, True, True, False]
    for o in out[1:5]:
        assert o["progress_value"] is None and o["score"] is None
        assert o["error"]
    assert all(any(ord(ch) > 127 for ch in o["error"]) for o in out[1:5])  # Vietnamese messages
