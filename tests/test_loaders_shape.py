"""Pins the problem shape, the CLI line format, and that docs/loading.md documents every code."""

from __future__ import annotations

import dataclasses
import string
from pathlib import Path

import pytest

from loaders import CODES, Problem, format_line
from loaders.problems import codes, problem

DOC = Path(__file__).resolve().parents[1] / "docs" / "loading.md"


def test_problem_shape():
    assert [f.name for f in dataclasses.fields(Problem)] == [
        "code",
        "severity",
        "file",
        "sheet",
        "cell",
        "message",
    ]
    p = problem("unknown-unit", "a.xlsx", "S", "B13", name="Phường Mới", suggestions="")
    assert (p.severity, p.is_error, p.title) == ("error", True, "Đơn vị không có trong danh mục")
    assert format_line(p) == (
        'a.xlsx:S!B13: lỗi [unknown-unit] Không tìm thấy đơn vị "Phường Mới" (ô B13). '
        "Sửa tên cho đúng danh mục đơn vị hành chính rồi tải lên lại."
    )
    w = problem("hidden-sheet", "a.xlsx", "Cũ", None)
    assert format_line(w).startswith('a.xlsx:Cũ: cảnh báo [hidden-sheet] Trang "Cũ" đang bị ẩn')
    assert format_line(problem("empty-file", "a.xlsx", None, None)).startswith(
        "a.xlsx: lỗi [empty-file] Tệp không có"
    )
    with pytest.raises(KeyError):
        problem("no-such-code", "a.xlsx", None, None)
    with pytest.raises(KeyError):
        problem("empty-file", "a.xlsx", None, None, "no_such_variant")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(codes()))
def test_every_code_has_a_title_a_fix_and_templates_that_say_where(code):
    """Every message is written once, as a template beside its code; rendered by the one renderer it
    names the file, the sheet and the cell it is about."""
    known = codes()[code]
    assert known.severity in ("error", "warning") and known.title and known.meaning and known.fix
    assert "default" in known.messages and all(t.strip() for t in known.messages.values())
    for variant, template in known.messages.items():
        fields = {f: f"«{f}»" for f in _fields(template) if f not in ("cell", "sheet")}
        p = problem(code, "bao_cao.xlsx", "Biểu 01", "D12", variant, **fields)
        line = format_line(p)
        assert line.startswith("bao_cao.xlsx:Biểu 01!D12: ") and f"[{code}]" in line
        assert all(v in p.message for v in fields.values()), (code, variant)
        assert "{" not in p.message and "}" not in p.message, (code, variant)


def test_codes_are_stable_slugs_and_documented():
    text = DOC.read_text(encoding="utf-8")
    for code, (severity, title, meaning) in CODES.items():
        assert code == code.lower() and " " not in code
        assert severity in ("error", "warning") and title and meaning
        assert f"`{code}`" in text, f"docs/loading.md does not document {code}"
