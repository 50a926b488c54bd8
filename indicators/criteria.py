"""Criteria frameworks as data (`data/criteria/*.toml`): NTM sets, a province's extra criteria, urban
classification scales and the civilised-ward set. Which set is in force follows the year.

Pure: reads the files, never the store. See docs/criteria.md for the file format.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CRITERIA_DIR = Path(__file__).resolve().parent.parent / "data" / "criteria"
FAMILIES = ("ntm", "urban", "van_minh")


@dataclass(frozen=True)
class Criterion:
    number: int
    indicator: (
        str | None
    )  # the 0/1 indicator of NTM/civilised-ward criteria; None for urban criteria
    name: str
    group: str = ""
    min_points: float | None = None  # urban criteria
    max_points: float | None = None


@dataclass(frozen=True)
class Standard:
    """An urban sub-standard: its level scale and points (levels may run downward)."""

    number: str  # "1.4"
    indicator: str
    name: str
    measure: str
    min_level: float
    max_level: float
    min_points: float
    max_points: float
    direction: str  # higher | lower

    @property
    def criterion(self) -> int:
        return int(self.number.split(".")[0])


@dataclass(frozen=True)
class Framework:
    code: str
    family: str
    name: str
    short_name: str
    source: str
    valid_from_year: int
    valid_to_year: int
    criteria: tuple[Criterion, ...] = ()
    standards: tuple[Standard, ...] = ()
    levels: tuple[dict, ...] = ()
    extends: tuple[str, ...] = ()
    optional: bool = False
    province_code: str | None = None
    unit_types: tuple[str, ...] = ()
    pass_points: float | None = None
    scaled: bool = False  # standards' points scaled from another framework [M]
    confidence: str = "M"  # V checked against the cited source, M unconfirmed
    note: str = ""  # maintainers' note (English): what is checked, what is not
    raw: dict = field(default_factory=dict, compare=False, hash=False)

    def in_force(self, year: int) -> bool:
        return self.valid_from_year <= year <= self.valid_to_year

    @property
    def indicators(self) -> list[str]:
        return [c.indicator for c in self.criteria if c.indicator]

    @property
    def unconfirmed(self) -> bool:
        """True when the file is marked M or its points are scaled (shown on the pages as a caution)."""
        return self.confidence != "V" or self.scaled

    def level_name(self, code: str | None) -> str:
        for level in self.levels:
            if level["code"] == code:
                return level["name"]
        return LEVEL_NAMES.get(code or "", code or "")


LEVEL_NAMES = {
    "ntm": "Đạt chuẩn NTM",
    "nang_cao": "NTM nâng cao",
    "kieu_mau": "NTM kiểu mẫu",
    "hien_dai": "NTM hiện đại",
    "van_minh": "Đạt chuẩn đô thị văn minh",
    "loai_ii": "Đạt đô thị loại II",
}
LEVEL_RANK = {
    "": 0,
    "ntm": 1,
    "van_minh": 1,
    "loai_ii": 1,
    "nang_cao": 2,
    "kieu_mau": 3,
    "hien_dai": 3,
}


def _criteria(raw: dict) -> tuple[Criterion, ...]:
    return tuple(
        Criterion(
            int(c["number"]),
            c.get("indicator"),
            c["name"],
            c.get("group", ""),
            _float(c.get("min_points")),
            _float(c.get("max_points")),
        )
        for c in raw.get("criterion", [])
    )


def _float(value) -> float | None:
    return None if value is None else float(value)


def _standards(raw: dict) -> tuple[Standard, ...]:
    return tuple(
        Standard(
            str(s["number"]),
            s["indicator"],
            s["name"],
            s.get("measure", ""),
            float(s["min_level"]),
            float(s["max_level"]),
            float(s["min_points"]),
            float(s["max_points"]),
            s.get("direction", "lower" if s["min_level"] > s["max_level"] else "higher"),
        )
        for s in raw.get("standard", [])
    )


def _scaled(
    standards: tuple[Standard, ...], criteria: tuple[Criterion, ...], source: tuple[Criterion, ...]
):
    """Standards of another framework with points scaled to this framework's criterion maxima [M]."""
    old = {c.number: c.max_points for c in source}
    new = {c.number: c.max_points for c in criteria}
    out = []
    for s in standards:
        f = (new.get(s.criterion) or 0) / (old.get(s.criterion) or 1)
        out.append(
            Standard(
                s.number,
                s.indicator,
                s.name,
                s.measure,
                s.min_level,
                s.max_level,
                round(s.min_points * f, 6),
                round(s.max_points * f, 6),
                s.direction,
            )
        )
    return tuple(out)


def parse(raw: dict, others: dict[str, dict] | None = None) -> Framework:
    """A Framework from one file's TOML (others: raw files by code, for `standards_from`)."""
    criteria, standards = _criteria(raw), _standards(raw)
    scaled = False
    if not standards and raw.get("standards_from") and others and raw["standards_from"] in others:
        base = others[raw["standards_from"]]
        standards = _standards(base)
        if raw.get("scale_standards"):
            standards, scaled = _scaled(standards, criteria, _criteria(base)), True
    return Framework(
        code=raw["code"],
        family=raw["family"],
        name=raw["name"],
        short_name=raw.get("short_name", raw["name"]),
        source=raw["source"],
        valid_from_year=int(raw["valid_from_year"]),
        valid_to_year=int(raw["valid_to_year"]),
        criteria=criteria,
        standards=standards,
        levels=tuple(raw.get("level", [])),
        extends=tuple(raw.get("extends", [])),
        optional=bool(raw.get("optional", False)),
        province_code=raw.get("province_code"),
        unit_types=tuple(raw.get("unit_types", [])),
        pass_points=_float(raw.get("pass_points")),
        scaled=scaled,
        confidence=raw.get("confidence", "M"),
        note=raw.get("note", ""),
        raw=raw,
    )


@lru_cache(maxsize=4)
def _load(directory: str) -> tuple[Framework, ...]:
    raws = {}
    for path in sorted(Path(directory).glob("*.toml")):
        raw = tomllib.loads(path.read_text("utf-8"))
        raws[raw["code"]] = raw
    return tuple(parse(raw, raws) for raw in raws.values())


def frameworks(directory: Path = CRITERIA_DIR) -> list[Framework]:
    """Every framework in `data/criteria/`, in file-name order."""
    return list(_load(str(directory)))


def get(code: str, directory: Path = CRITERIA_DIR) -> Framework:
    for f in frameworks(directory):
        if f.code == code:
            return f
    raise KeyError(code)


def base_set(family: str, year: int, directory: Path = CRITERIA_DIR) -> Framework | None:
    """The national set of `family` in force in `year` (extensions excluded), or None."""
    for f in frameworks(directory):
        if (
            f.family == family
            and not f.extends
            and f.in_force(year)
            and (f.criteria or f.family == "urban")
        ):
            return f
    return None


def extras_for(
    base: Framework, year: int, province_code: str | None = "42", directory: Path = CRITERIA_DIR
) -> list[Framework]:
    """A province's extra criteria that extend `base` in `year` (Hà Tĩnh's criterion 20)."""
    return [
        f
        for f in frameworks(directory)
        if base.code in f.extends
        and f.in_force(year)
        and (f.province_code is None or province_code is None or f.province_code == province_code)
    ]


def criteria_for(
    family: str, year: int, province_code: str | None = "42", directory: Path = CRITERIA_DIR
) -> tuple[Framework | None, list[Criterion], list[Criterion]]:
    """(set in force, its criteria, optional extra criteria of the province) for `year`."""
    base = base_set(family, year, directory)
    if base is None:
        return None, [], []
    extra = [c for f in extras_for(base, year, province_code, directory) for c in f.criteria]
    return base, list(base.criteria), extra


def criterion_indicators(
    family: str | None = None, directory: Path = CRITERIA_DIR
) -> dict[str, tuple[str, int]]:
    """indicator code → (framework family, criterion number) over every set (for the loader)."""
    out: dict[str, tuple[str, int]] = {}
    for f in frameworks(directory):
        if family and f.family != family:
            continue
        for c in f.criteria:
            if c.indicator:
                out.setdefault(c.indicator, (f.family, c.number))
    return out
