"""Problems in uploaded files are data, not exceptions: each has a stable code, a severity, the file,
sheet and cell it is about, and a Vietnamese message saying what is wrong and how to fix it."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from vn.text import printable

ERROR, WARNING = "error", "warning"
SEVERITY_VI = {ERROR: "lỗi", WARNING: "cảnh báo"}
PROBLEMS_FILE = Path(__file__).resolve().parent.parent / "data" / "problems.toml"


@dataclass(frozen=True)
class Code:
    """One problem code as data/problems.toml defines it."""

    severity: str
    title: str  # Vietnamese
    meaning: str  # English, for docs/loading.md
    fix: str  # Vietnamese: what to do, in general
    messages: dict  # variant → template


@lru_cache(maxsize=1)
def codes() -> dict[str, Code]:
    data = tomllib.loads(PROBLEMS_FILE.read_text("utf-8"))
    return {
        code: Code(d["severity"], d["title"], d["meaning"], d["fix"], dict(d["messages"]))
        for code, d in data.items()
    }


# code → (default severity, Vietnamese title, what it means). docs/loading.md lists every code.
CODES: dict[str, tuple[str, str, str]] = {
    c: (d.severity, d.title, d.meaning) for c, d in codes().items()
}


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    file: str
    sheet: str | None
    cell: str | None
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def title(self) -> str:
        return CODES.get(self.code, (ERROR, self.code, ""))[1]

    def as_dict(self) -> dict:
        return asdict(self) | {"title": self.title}


def problem(
    code: str,
    file: str,
    sheet: str | None,
    cell: str | None,
    variant: str = "default",
    severity: str | None = None,
    **fields: object,
) -> Problem:
    """A problem of `code`, its message the `variant` template of data/problems.toml filled with
    `cell`, `sheet` and `fields` (numbers already formatted vi-VN)."""
    known = codes().get(code)
    if known is None:
        raise KeyError(f"unknown problem code {code!r}")
    template = known.messages.get(variant)
    if template is None:
        raise KeyError(f"problem {code!r} has no message {variant!r}")
    # everything a file named (its name, sheet names, cell text) loses its control characters here,
    # so no message printed, stored or shown carries a terminal escape
    file, sheet, cell = printable(file), _printable(sheet), _printable(cell)
    message = template.format(
        cell=cell or "",
        sheet=sheet or "",
        **{
            k: printable(v) if isinstance(v, str) else ("" if v is None else v)
            for k, v in fields.items()
        },
    )
    return Problem(code, severity or known.severity, file, sheet, cell, message)


def _printable(text: str | None) -> str | None:
    return None if text is None else printable(text)
