"""Pins the problem shape, the CLI line format, and that docs/loading.md documents every code."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from loaders import CODES, Problem, format_line
from loaders.problems import problem

DOC = Path(__file__).resolve().parents[1] / "docs" / "loading.md"


def test_problem_shape():
    assert [f.name for f in dataclasses.fields(Problem)] == ["code", "severity", "file", "sheet", "cell", "message"]
    p = problem("unknown-unit", "a.xlsx", "S", "B13", "Không tìm thấy đơn vị")
    assert (p.severity, p.is_error, p.title) == ("error", True, "Đơn vị không có trong danh mục")
    assert format_line(p) == "a.xlsx:S!B13: lỗi [unknown-unit] Không tìm thấy đơn vị"
    w = problem("hidden-sheet", "a.xlsx", "Cũ", None, "…")
    assert format_line(w) == "a.xlsx:Cũ: cảnh báo [hidden-sheet] …"
    assert format_line(problem("empty-file", "a.xlsx", None, None, "…")) == "a.xlsx: lỗi [empty-file] …"


def test_codes_are_stable_slugs_and_documented():
    text = DOC.read_text(encoding="utf-8")
    for code, (severity, title, meaning) in CODES.items():
        assert code == code.lower() and " " not in code
        assert severity in ("error", "warning") and title and meaning
        assert f"`{code}`" in text, f"docs/loading.md does not document {code}"
