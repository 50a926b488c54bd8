"""Header vocabulary: what a column is, read from its header texts (top to bottom) and its numbering
("(1) (2) (3)=(2)/(1)"). Kế hoạch/KH/Dự toán/Chỉ tiêu giao/Mục tiêu → target; Thực hiện/TH → actual;
Ước/Ước TH/ƯTH → estimate; "Cùng kỳ" → the same span of the previous year; "Lũy kế" → months 1–N;
"giai đoạn 2021–2025" → a term target at the term's end year. A header that compares two kinds or
periods (So KH, TH/DT, ƯTH/KH, Tỷ lệ LK/KH (%), Tốc độ tăng (%), Tăng BQ giai đoạn (%/năm)) is a
derived column: checked when it can be, never stored."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.numbering import Numbering, parse_numbering
from loaders.periods import HeaderPeriod, parse_period, year_of
from store.queries.observations import TERM_SOURCE
from vn.text import fold

_SPACE = re.compile(r"\s+")
_W = r"(?:^|(?<=[\s(/,.:;-]))"
_E = r"(?=$|[\s)/,.:;%-])"


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(_W + "(?:" + "|".join(alternatives) + ")" + _E)


ROLE_WORDS: list[tuple[str, re.Pattern]] = [
    ("stt", re.compile(r"^(?:stt|tt|so tt|so thu tu|s\.tt|s\.t\.t)$")),
    (
        "code",
        re.compile(
            r"^(?:ma(?: so)?|ma chi tieu|ma ct|ma don vi|ma dvhc|ma xa|ma phuong|ma so chi tieu|code)$"
        ),
    ),
    (
        "measure",
        re.compile(r"^(?:dvt|d\.v\.t|don vi tinh|dv tinh|d\.vi tinh|d\. vi tinh|dv|dvt\.)$"),
    ),
    (
        "note",
        re.compile(
            r"^(?:ghi chu|ghi chu\s*\(.*\)|chu thich|danh gia(?: chung)?|ket qua danh gia(?: chung)?|tu danh gia|xep loai(?: chung)?|ket luan"
            r"|muc do (?:dat|hoan thanh)|tinh trang|nguyen nhan|giai phap|de xuat)$"
        ),
    ),
    ("count", re.compile(r"^(?:tong\s+)?so\s+(?:tieu chi|tc)\s+(?:da\s+)?dat(?:\s+chuan)?$")),
    ("year_reached", re.compile(r"^nam\s+(?:duoc\s+cong nhan\s+)?dat chuan")),
]
NAME_WORDS = re.compile(
    r"^(?:ten\s+|noi dung\s+|cac\s+)?(?:chi tieu|noi dung|danh muc|hang muc|tieu chi(?:,? tieu chuan)?|ten don vi|don vi"
    r"|xa|phuong|xa,? phuong|phuong,? xa|xa/phuong|phuong/xa|dia phuong|dia ban|don vi hanh chinh|don vi bao cao)"
    r"(?:\s+(?:chu yeu|kinh te\b.*|ktxh|kt-xh|bao cao|danh gia))?"  # "Nội dung chỉ tiêu", "Chỉ tiêu chủ yếu"
    r"(?:\s*\(.*\))?$"
)
TARGET = _words(
    r"ke hoach",
    r"kh",
    r"du toan",
    r"chi tieu giao",
    r"muc tieu",
    r"nghi quyet",
    r"dt giao",
    r"nq",
    r"ct giao",
    r"dt(?= (?:nam|giao|(?:19|20)\d{2}))",
)
ESTIMATE = _words(r"uoc(?: tinh)?(?: thuc hien| th)?", r"uth", r"u\.th", r"uoc th")
ACTUAL = _words(r"thuc hien", r"th", r"ket qua", r"hien trang", r"quyet toan")
# a value column headed only "Giá trị" / "Số liệu": the title's kind and period
PLAIN_VALUE = re.compile(r"^(?:gia tri|so lieu|gia tri so lieu|so lieu bao cao)(?:\s*\(.*\))?$")
SAME = _words(r"cung ky(?: nam truoc)?", r"ck", r"cung ky nam")
CUMULATIVE = _words(r"luy ke", r"lk", r"cong don", r"tu dau nam")
# kinds and periods as reports abbreviate them, for "X/Y" comparisons (TH/KH, ƯTH/DT, LK/KH, 2024/2023)
_KIND = (
    r"(?:kh|ke hoach|th|thuc hien|uth|u\.th|uoc th|uoc thuc hien|uoc|dt|du toan|ck|cung ky|lk|luy ke|nq|ct"
    r"|nam truoc|ky truoc|qt|quyet toan|tk|nam|(?:19|20)\d{2})"
)
RATIO_OF = re.compile(_W + "(" + _KIND + r")(?:\s*(?:19|20)\d{2})?\s*/\s*(" + _KIND + ")" + _E)
# "Dự toán/Kế hoạch năm 2023": two names of one plan, not a ratio
_PLAN_WORDS = frozenset({"kh", "ke hoach", "dt", "du toan", "nq", "ct"})
COMPARE = _words(
    r"so sanh",
    r"so voi",
    r"so kh",
    r"so ke hoach",
    r"so ck",
    r"so cung ky",
    r"so du toan",
    r"so dt",
    r"so th",
    r"so nq",
    r"so ct",
    r"so nam truoc",
    r"so ky truoc",
    r"% so",
    r"ty le so",
    r"ty le %? ?so",
    r"chenh lech",
    r"tang/giam",
    r"tang, giam",
    r"tang giam",
    r"tang \(\+\)",
    r"giam \(-\)",
    r"\+/-",
    r"\+ / -",
)
# "% KH", "%CK", "% DT tỉnh giao", "% so cùng kỳ": a share of a plan or of last year
PERCENT_OF = re.compile(
    r"(?:^|[\s(/])%\s*(?:so\s+)?(?:voi\s+)?(?:kh|ke hoach|dt|du toan|ck|cung ky|nq|ct|nam truoc|th|uth)\b"
)
# "Cộng 2 tháng", "Cộng", "Tổng cộng" over value columns: a sum of its neighbours, not a period of its own
# "Cộng cả năm" over "Tổng thu | Tiền SDĐ": the quarters added up, at any header level
PERIOD_SUM = re.compile(r"^(?:cong (?:ca nam|\d+ (?:thang|quy)))$")
SUM_COLUMN = re.compile(r"^(?:tong cong|cong(?! don)(?: \d+ (?:thang|quy|nam))?|cong ca nam)$")
# columns that describe a row rather than hold its values ("Số chỉ tiêu" of a criterion)
INFO = re.compile(r"^(?:so chi tieu|so tieu chi|so tieu chi thanh phan|nhom xa|nhom|phan loai)$")
GROWTH = _words(
    r"toc do tang(?: truong)?",
    r"tang truong",
    r"tang bq",
    r"tang truong bq",
    r"tang binh quan",
    r"tang truong binh quan",
    r"binh quan (?:hang )?nam",
    r"%/nam",
    r"tang/giam",
    r"tang, giam",
    r"tang giam",
    r"tang \(\+\)",
)
AVERAGE_GROWTH = re.compile(r"\bbq\b|binh quan|%/nam|\bhang nam\b")
BARE_RATIO = re.compile(r"^(?:ty le|ti le|%|ty le %|ty le \(%\)|\(%\)|% dat|ty le dat|muc dat)$")
SOURCES = [
    (re.compile(r"tinh giao"), "tinh_giao"),
    (
        re.compile(
            r"hdnd(?:\s+\w+){0,3}\s+giao|hoi dong nhan dan(?:\s+\w+){0,3}\s+giao"
            r"|(?:nghi quyet|nq)\s+(?:cua\s+)?(?:hdnd|hoi dong nhan dan)"
            r"|\d+\s*/\s*(?:\d{4}\s*/\s*)?nq\s*-\s*hdnd"
        ),
        "hdnd_giao",
    ),  # "(NQ 45/NQ-HĐND)": the council's resolution
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
    r"\(\s*(?:theo\s+)?gia\s+(?:so\s+sanh|ss|hien\s+hanh|hh|co\s+dinh|thuc\s+te)[^)]*\)"
    r"|\b(?:theo\s+)?gia\s+(?:so\s+sanh|ss|hien\s+hanh|hh|co\s+dinh)(?:\s+(?:nam\s+)?(?:19|20)\d{2})?"
)
# a trailing "(triệu đồng)", "(tỷ đồng)", "(%)", "(1000 đồng)": maybe the column's measure (the catalog decides)
TRAILING_PAREN = re.compile(r"\(([^()]{1,40})\)\s*$")
_RANGE = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")
# kind, period and comparison words: what is left of a header without them names something
_KIND_OR_PERIOD_WORDS = re.compile(
    r"\b(?:so bo|prel|preliminary|ke hoach|kh|du toan|dt|thuc hien|th|uoc tinh|uoc|uth|cung ky|ck|luy ke|lk|nam|thang|quy|ky|giai doan"
    r"|nhiem ky|so sanh|so voi|so|voi|toc do|tang truong|tang|giam|binh quan|bq|ty le|ti le|hang|truoc|dau|cuoi"
    r"|ca|den|chi tieu giao|giao|nghi quyet|nq|tinh|hdnd|phan dau|chenh lech|i|ii|iii|iv)\b"
    r"|(?:19|20)\d{2}|\d+|[%()/+\-–,.:;=]"
)


@dataclass
class Column:
    index: int
    text: str = ""
    role: str = "blank"  # stt|code|name|measure|note|count|year_reached|value|derived|period_total|min_level|…|blank|other
    kind: str | None = None
    same_period: bool = False
    cumulative: bool = False  # "Lũy kế": months 1..N
    target_source: str = ""
    period: HeaderPeriod = field(default_factory=lambda: HeaderPeriod(None, None, None))
    term_end: int | None = None  # "giai đoạn 2021–2025": the term's end year
    hint: str = ""  # the indicator (or unit) a value column names (ward sub-columns, criteria, communes across)
    hints: tuple[
        str, ...
    ] = ()  # every naming level, top to bottom (a commune's name over its "Nhóm 1")
    period_hint: str = (
        ""  # a name written with its period ("Dân số đến 30/6/2025"), for ward tables
    )
    measure_text: str = ""  # a trailing "(triệu đồng)" in a header level, or the ĐVT row's cell
    derived: str = ""  # ratio | growth | diff | average_growth
    derived_against: str = ""  # target | same_period | ""
    weak: bool = (
        False  # a derived guess ("Tỷ lệ (%)", "Tốc độ tăng trưởng X"): a catalog name wins over it
    )
    number: int | None = None
    formula: tuple[int, ...] = ()
    formula_op: str = ""  # ratio | sum | difference | product


# a period as a header writes it beside a name: "đến 30/6/2025", "6 tháng đầu năm 2025", "Quý I/2025"
_PERIOD_PHRASE = re.compile(
    r"\s*(?:(?:tinh )?(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?"
    r"|\d{1,2}\s*thang(?:\s+(?:dau|cuoi))?(?:\s+nam)?(?:\s*/?\s*(?:19|20)\d{2})?"
    r"|(?:quy|q)\s*(?:iv|iii|ii|i|[1-4])\b(?:\s*/\s*(?:19|20)\d{2}|\s+nam\s+(?:19|20)\d{2})?"
    r"|thang\s*\d{1,2}(?:\s*/\s*(?:19|20)\d{2})?|(?:ca\s+)?nam\s+(?:19|20)\d{2}|(?:19|20)\d{2})\s*"
)


def without_period(raw: str) -> str:
    """`raw` minus its period phrase, as written ("Dân số đến 30/6/2025 (người)" → "Dân số (người)");
    '' when nothing is left or no period phrase is found."""
    folded = "".join((fold(ch) or ch)[:1] for ch in raw)  # one folded character per written one
    spans = [m.span() for m in _PERIOD_PHRASE.finditer(folded) if m.group().strip()]
    if not spans:
        return ""
    out, last = [], 0
    for a, b in spans:
        out.append(raw[last:a])
        last = b
    out.append(raw[last:])
    return _SPACE.sub(" ", " ".join(out)).strip(" -–,:")


def residue(folded: str) -> str:
    """What a folded header says besides kind, period, comparison and measure words."""
    return _SPACE.sub(" ", _KIND_OR_PERIOD_WORDS.sub(" ", TRAILING_PAREN.sub(" ", folded))).strip()


def _derived(col: Column, folded: list[str], whole: str) -> bool:
    """Mark `col` as a derived (comparison) column when its header or numbering says so."""
    leaf = folded[-1]
    # "X/Y" per header level: the levels themselves are joined with " / "
    ratio_of = any(
        not ({m.group(1), m.group(2)} <= _PLAN_WORDS and "%" not in f)
        for f in folded
        for m in RATIO_OF.finditer(f)
    )
    strong = bool(
        col.formula_op in ("ratio", "product")
        or ratio_of
        or COMPARE.search(whole)
        or PERCENT_OF.search(whole)
    )
    growth = bool(GROWTH.search(whole))
    bare = bool(BARE_RATIO.match(leaf.strip(" :")))
    if not (strong or growth or bare):
        return False
    col.role = "derived"
    if growth and AVERAGE_GROWTH.search(whole):
        col.derived = "average_growth"
    elif growth or re.search(r"tang/giam|tang giam|\+/-|chenh lech", whole):
        col.derived = (
            "growth"
            if "%" in whole or not re.search(r"tang/giam|tang giam|\+/-|chenh lech", whole)
            else "diff"
        )
    else:
        col.derived = "ratio"
    if re.search(r"ke hoach|\bkh\b|du toan|\bdt\b|chi tieu giao|\bct\b|\bnq\b|nghi quyet", whole):
        col.derived_against = "target"
    elif re.search(r"cung ky|\bck\b|nam truoc|ky truoc|\bso (?:voi )?th\b", whole) or any(
        re.search(r"/\s*th\b|(?:19|20)\d{2}\s*/\s*(?:19|20)\d{2}", f) for f in folded
    ):
        col.derived_against = "same_period"
    # a growth or bare-ratio header that also names something ("Tốc độ tăng trưởng GTSX (%)"), or one that
    # divides only by its numbering ("Tỷ lệ hộ nghèo 3=2/1"): maybe an indicator (a ward table decides)
    by_words = ratio_of or bool(COMPARE.search(whole) or PERCENT_OF.search(whole))
    named_above = len(folded) > 1 and bool(
        residue(" ".join(folded[:-1]))
    )  # "Hộ nghèo / Tỷ lệ (%) (3)=(2)/(1)"
    col.weak = (not strong and (bare or bool(residue(whole)))) or (
        strong and not by_words and not growth and (not bare or named_above)
    )
    return True


# "Mục tiêu đến năm 2030": a goal for the end of a term, stored as that year's term target
_BY_YEAR = re.compile(r"\b(?:den|toi) (?:nam )?()((?:19|20)\d{2})\b")
CRITERIA_SET = re.compile(r"\b(?:bo )?tieu chi\b")


def classify(index: int, path: list[str], numbering: object = "", measure_cell: str = "") -> Column:
    """What one column holds, from its header texts top to bottom (and its numbering-row cell and
    ĐVT-row cell, when the header has those rows)."""
    texts = [str(t).strip() for t in path if str(t).strip()]
    col = Column(index=index, text=" / ".join(texts))
    parsed = parse_numbering(numbering) if numbering not in ("", None) else None
    if isinstance(parsed, Numbering):
        col.number, col.formula, col.formula_op = parsed.number, parsed.operands, parsed.op
    if measure_cell:
        col.measure_text = measure_cell
    if not texts:
        return col
    folded = [
        _SPACE.sub(" ", PRICE_BASIS.sub(" ", fold(t).replace("_", " "))).strip() for t in texts
    ]
    whole = " / ".join(folded)
    if not measure_cell:
        for raw in reversed(texts):
            m = TRAILING_PAREN.search(raw)
            if (
                m
                and not re.search(r"(?:19|20)\d{2}|\bgi[aá]\b|\d+\s*/\s*\w", m.group(1), re.I)
                and not m.group(1).strip().isdigit()
            ):  # not a price basis, a year or "QĐ 3870/QĐ-UBND"
                col.measure_text = m.group(1).strip()
                break
    for role, pattern in ROLE_WORDS:
        if any(pattern.match(f.rstrip(" :")) for f in folded):
            col.role = role
            return col
    urban = tuple(
        f for f in folded if f in {"muc quy dinh", "toi thieu", "toi da", "thang diem", "dat duoc"}
    )
    if urban in URBAN:
        col.role = URBAN[urban]
        return col
    if len(folded) == 1 and NAME_WORDS.match(folded[0]):
        col.role = "name"
        return col
    if SUM_COLUMN.match(folded[-1].strip(" :")) or any(
        PERIOD_SUM.match(f.strip(" :")) for f in folded[:-1]
    ):
        col.role, col.derived = "derived", "sum"
        return col
    if INFO.match(folded[-1].strip(" :")):
        col.role = "other"
        return col
    if _derived(col, folded, whole):
        return col
    _value(col, folded, texts, whole)
    return col


def _value(col: Column, folded: list[str], texts: list[str], whole: str) -> None:
    kind = None
    hint_parts = []
    for f, raw in zip(folded, texts):
        level_kind = None
        if SAME.search(f):
            col.same_period = True
            level_kind = "actual"
        if CUMULATIVE.search(f):
            col.cumulative = True
        if ESTIMATE.search(f):
            level_kind = "estimate"
        elif PLAIN_VALUE.match(f):
            level_kind = level_kind or "plain"
        elif TARGET.search(f):
            level_kind = "target"
        elif ACTUAL.search(f) and level_kind is None:
            level_kind = "actual"
        if level_kind and level_kind != "plain":
            kind = level_kind
        for pattern, source in SOURCES:
            if pattern.search(
                f
            ):  # "Tỉnh giao", "HĐND phường giao", "Phấn đấu": who set the plan, not a name
                col.target_source = source
                kind = kind or "target"
                level_kind = level_kind or "target"
        term = (
            _RANGE.search(f) or _BY_YEAR.search(f)
            if level_kind == "target" or kind == "target"
            else _RANGE.search(f)
        )
        if term and CRITERIA_SET.search(f) and not TARGET.search(f):
            term = None  # "Tiêu chí theo Bộ tiêu chí … giai đoạn 2022–2025": the set's period, not a target
        if term:
            col.term_end = int(term.group(2))
        p = parse_period(f, whole_year=not SAME.search(f))
        y = year_of(f)
        if (
            y is not None
        ):  # a bare year ("Năm 2018") under "Thực hiện 6 tháng" keeps the group's span
            p = (
                HeaderPeriod(y, None, None)
                if col.period.month_from is not None
                else HeaderPeriod(y, p.month_from, p.month_to)
            )
        if p.year is not None or p.month_from is not None:
            col.period = HeaderPeriod(
                p.year if p.year is not None else col.period.year,
                p.month_from if p.month_from is not None else col.period.month_from,
                p.month_to if p.month_to is not None else col.period.month_to,
            )
        if (
            not level_kind
            and p.year is None
            and p.month_from is None
            and y is None
            and not term
            and not CUMULATIVE.search(f)
        ):
            hint_parts.append(raw)
        elif (
            not level_kind
            and not term
            and (named := without_period(raw))
            and residue(fold(named))
            and not PLAIN_VALUE.match(fold(named))
        ):
            col.period_hint = named
    col.kind = kind
    col.hint = hint_parts[-1] if hint_parts else ""
    col.hints = tuple(hint_parts)
    if col.term_end is not None:
        if kind in (None, "target"):
            col.kind, col.target_source = "target", col.target_source or TERM_SOURCE
        else:  # "Thực hiện giai đoạn 2016–2020": a total over several years, which the store cannot hold
            col.role = "period_total"
            return
    if (
        kind
        or col.period.year is not None
        or col.period.month_from is not None
        or col.hint
        or col.cumulative
        or any(PLAIN_VALUE.match(f) for f in folded)
    ):
        col.role = "value"
    else:
        col.role = "other"


def as_value(col: Column, hint: str) -> None:
    """Re-read a guessed comparison column as a value column naming `hint` (its kind and period from
    its header levels, as any value column's)."""
    texts = [t.strip() for t in col.text.split(" / ") if t.strip()]
    folded = [
        _SPACE.sub(" ", PRICE_BASIS.sub(" ", fold(t).replace("_", " "))).strip() for t in texts
    ]
    col.derived, col.derived_against, col.weak = "", "", False
    _value(col, folded, texts, " / ".join(folded))
    col.role, col.hint = "value", hint
