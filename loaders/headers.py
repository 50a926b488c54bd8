"""Header vocabulary: what a column is, read from its header texts (top to bottom) and its number in a
"(1) (2) …" numbering row. Kế hoạch/KH/Dự toán/Chỉ tiêu giao → target; Thực hiện/TH → actual;
Ước/Ước TH/ƯTH → estimate; "Cùng kỳ" → the same span of the previous year; So KH, % so dự toán, So CK,
tăng/giảm → derived (checked, not stored)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.names import fold
from loaders.periods import Period, parse_period, year_of

_SPACE = re.compile(r"\s+")
_W = r"(?:^|(?<=[\s(/,.:;-]))"
_E = r"(?=$|[\s)/,.:;%-])"


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(_W + "(?:" + "|".join(alternatives) + ")" + _E)


ROLE_WORDS: list[tuple[str, re.Pattern]] = [
    ("stt", re.compile(r"^(?:stt|tt|so tt|so thu tu|s\.tt|ma so)$")),
    ("measure", re.compile(r"^(?:dvt|d\.v\.t|don vi tinh|dv tinh|d\.vi tinh|d\. vi tinh|dv)$")),
    ("note", re.compile(r"^(?:ghi chu|ghi chu\s*\(.*\))$")),
    ("count", re.compile(r"^(?:tong\s+)?so\s+(?:tieu chi|tc)\s+(?:da\s+)?dat(?:\s+chuan)?$")),
    ("year_reached", re.compile(r"^nam\s+(?:duoc\s+cong nhan\s+)?dat chuan")),
]
NAME_WORDS = re.compile(
    r"^(?:ten\s+|noi dung\s+|cac\s+)?(?:chi tieu|noi dung|danh muc|hang muc|tieu chi(?:,? tieu chuan)?|ten don vi|don vi"
    r"|xa|phuong|xa,? phuong|phuong,? xa|xa/phuong|phuong/xa|dia phuong|dia ban|don vi hanh chinh)"
    r"(?:\s+(?:chu yeu|kinh te\b.*|ktxh|kt-xh|bao cao|danh gia))?"  # "Nội dung chỉ tiêu", "Chỉ tiêu chủ yếu"
    r"(?:\s*\(.*\))?$"
)
TARGET = _words(r"ke hoach", r"kh", r"du toan", r"chi tieu giao", r"muc tieu", r"nghi quyet", r"dt giao")
ESTIMATE = _words(r"uoc(?: tinh)?(?: thuc hien| th)?", r"uth", r"u\.th", r"uoc th")
ACTUAL = _words(r"thuc hien", r"th", r"ket qua", r"hien trang", r"quyet toan", r"so lieu")
SAME = _words(r"cung ky(?: nam truoc)?", r"ck", r"cung ky nam")
DERIVED = _words(
    r"so sanh", r"so kh", r"so ke hoach", r"so ck", r"so cung ky", r"so voi", r"so du toan",
    r"tang/giam", r"tang, giam", r"tang giam", r"tang \(\+\)", r"% so", r"ty le so", r"so ct",
)
GROWTH = _words(r"tang/giam", r"tang, giam", r"tang giam", r"tang \(\+\)", r"toc do tang")
SOURCES = [
    (re.compile(r"tinh giao"), "tinh_giao"),
    (re.compile(r"hdnd(?:\s+\w+){0,3}\s+giao|hoi dong nhan dan(?:\s+\w+){0,3}\s+giao"), "hdnd_giao"),
    (re.compile(r"phan dau"), "phan_dau"),
]
URBAN = {
    ("muc quy dinh", "toi thieu"): "min_level",
    ("muc quy dinh", "toi da"): "max_level",
    ("thang diem", "toi thieu"): "min_points",
    ("thang diem", "toi da"): "max_points",
    ("thang diem", "dat duoc"): "points",
}
# "(giá so sánh 2010)", "giá hiện hành": part of an indicator's name, neither a comparison nor a period
PRICE_BASIS = re.compile(
    r"\(\s*gia\s+(?:so\s+sanh|ss|hien\s+hanh|co\s+dinh|thuc\s+te)[^)]*\)"
    r"|\bgia\s+(?:so\s+sanh|ss|hien\s+hanh|co\s+dinh)(?:\s+(?:nam\s+)?(?:19|20)\d{2})?"
)
# a trailing "(triệu đồng)", "(tỷ đồng)", "(%)": maybe the column's measure (the catalog decides)
TRAILING_PAREN = re.compile(r"\(([^()]{1,40})\)\s*$")
NUMBERING = re.compile(r"^\(?\s*(\d{1,2})\s*\)?(?:\s*=\s*(.*))?$")
_REF = re.compile(r"\((\d{1,2})\)|(?<![\d.,])(\d{1,2})(?![\d.,])")


@dataclass
class Column:
    index: int
    text: str = ""
    role: str = "blank"  # stt|name|measure|note|count|year_reached|value|derived|min_level|…|blank|other
    kind: str | None = None
    same_period: bool = False
    target_source: str = ""
    period: Period = field(default_factory=lambda: Period(None, None, None))
    hint: str = ""  # the indicator a value column names (ward sub-columns, criteria matrices)
    measure_text: str = ""  # a trailing "(triệu đồng)" in a header level, when one is written
    derived: str = ""  # ratio | growth | diff
    derived_against: str = ""  # target | same_period | ""
    number: int | None = None
    formula: tuple[int, ...] = ()


def parse_numbering(text: object) -> tuple[int | None, tuple[int, ...]]:
    """"(7)=(6)/(4)" → (7, (6, 4)); "(3)" → (3, ()); anything else → (None, ())."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return (int(text), ()) if text == int(text) and 0 < text < 100 else (None, ())
    match = NUMBERING.match(str(text).strip())
    if not match or (not str(text).strip().startswith("(") and match.group(2) is None):
        return None, ()
    operands = ()
    if match.group(2):
        operands = tuple(int(a or b) for a, b in _REF.findall(match.group(2)))
    return int(match.group(1)), operands


def is_numbering_row(cells: list) -> bool:
    """A "(1) (2) (3)=(2)/(1)" row: most non-blank cells are column numbers."""
    texts = [c for c in cells if str(c).strip()]
    if len(texts) < 2:
        return False
    hits = sum(1 for c in texts if isinstance(c, str) and parse_numbering(c)[0] is not None)
    return hits >= max(2, len(texts) * 0.6)


def classify(index: int, path: list[str], numbering: object = "") -> Column:
    """What one column holds, from its header texts top to bottom."""
    texts = [str(t).strip() for t in path if str(t).strip()]
    col = Column(index=index, text=" / ".join(texts))
    col.number, col.formula = parse_numbering(numbering) if numbering != "" else (None, ())
    if not texts:
        return col
    folded = [_SPACE.sub(" ", PRICE_BASIS.sub(" ", fold(t))).strip() for t in texts]
    whole = " / ".join(folded)
    leaf = folded[-1]
    for raw in reversed(texts):
        m = TRAILING_PAREN.search(raw)
        if m and not re.search(r"\d{4}|\bgi[aá]\b", m.group(1), re.I) and not m.group(1).strip().isdigit():
            col.measure_text = m.group(1).strip()
            break
    for role, pattern in ROLE_WORDS:
        if any(pattern.match(f.rstrip(" :")) for f in folded):
            col.role = role
            return col
    urban = tuple(f for f in folded if f in {"muc quy dinh", "toi thieu", "toi da", "thang diem", "dat duoc"})
    if urban in URBAN:
        col.role = URBAN[urban]
        return col
    if len(folded) == 1 and NAME_WORDS.match(leaf):
        col.role = "name"
        return col
    if col.formula or DERIVED.search(whole):
        col.role = "derived"
        col.derived = "growth" if GROWTH.search(whole) and "%" in whole or GROWTH.search(whole) else "ratio"
        if "%" not in whole and GROWTH.search(whole) and "so sanh" not in whole:
            col.derived = "diff"
        if re.search(r"ke hoach|kh\b|du toan|chi tieu giao|\bct\b", whole):
            col.derived_against = "target"
        elif re.search(r"cung ky|\bck\b|nam truoc|/\s*th\b|\bso (?:voi )?th\b", whole):  # "ƯTH/TH", "So TH 2021"
            col.derived_against = "same_period"
        return col
    kind = None
    hint_parts = []
    for f, raw in zip(folded, texts):
        level_kind = None
        if SAME.search(f):
            col.same_period = True
            level_kind = "actual"
        if ESTIMATE.search(f):
            level_kind = "estimate"
        elif TARGET.search(f):
            level_kind = "target"
        elif ACTUAL.search(f) and level_kind is None:
            level_kind = "actual"
        if level_kind:
            kind = level_kind
        for pattern, source in SOURCES:
            if pattern.search(f):
                col.target_source = source
                kind = kind or "target"
        p = parse_period(f, whole_year=not SAME.search(f))
        y = year_of(f)
        if y is not None:  # a bare year ("Năm 2018") under "Thực hiện 6 tháng" keeps the group's span
            p = Period(y, None, None) if col.period.month_from is not None else Period(y, p.month_from, p.month_to)
        if p.year is not None or p.month_from is not None:
            col.period = Period(
                p.year if p.year is not None else col.period.year,
                p.month_from if p.month_from is not None else col.period.month_from,
                p.month_to if p.month_to is not None else col.period.month_to,
            )
        if not level_kind and p.year is None and p.month_from is None and y is None:
            hint_parts.append(raw)
    col.kind = kind
    col.hint = hint_parts[-1] if hint_parts else ""
    if kind or col.period.year is not None or col.period.month_from is not None or col.hint:
        col.role = "value"
    else:
        col.role = "other"
    return col
