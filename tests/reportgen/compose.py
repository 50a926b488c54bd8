"""Composing one report from the conventions, and the observations it holds.

Families: a unit's indicator report (rows = indicators), a ward table (rows = wards and communes), a
table of indicators × communes across the columns, an NTM matrix (communes × criteria) and its
transposed form (criteria × communes), a yearly series, a long table. Each draws its letterhead, form
code, title, header depth (1–3 levels, merged), numbering row, ĐVT column / row / line, section
style, sub-items, totals first or last, number style, footer and file format from the seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from tests.reportgen import render, vocab
from tests.reportgen.render import Sheet
from tests.reportgen.units import SCENARIOS, Unit, children, unique_name, unit_in, units

CRITERIA = [
    "Quy hoạch",
    "Giao thông",
    "Thủy lợi",
    "Điện",
    "Trường học",
    "Cơ sở vật chất văn hóa",
    "Cơ sở hạ tầng thương mại nông thôn",
    "Thông tin và Truyền thông",
    "Nhà ở dân cư",
    "Thu nhập",
    "Hộ nghèo",
    "Lao động có việc làm",
    "Tổ chức sản xuất",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Văn hóa",
    "Môi trường và an toàn thực phẩm",
    "Hệ thống chính trị và tiếp cận pháp luật",
    "Quốc phòng và An ninh",
]
PERIODS = [
    ("6 tháng", (1, 6)),
    ("6 tháng đầu năm", (1, 6)),
    ("9 tháng", (1, 9)),
    ("Quý III", (7, 9)),
    ("Quý II", (4, 6)),
    ("10 tháng", (1, 10)),
    ("cả năm", (1, 12)),
    ("năm", (1, 12)),
    ("tháng 10", (10, 10)),
]


@dataclass
class Case:
    seed: int
    family: str
    name: str
    data: bytes = b""
    expected: list[tuple] = field(
        default_factory=list
    )  # (code, unit_id, year, from, to, kind, source, value)
    unknown: set[str] = field(default_factory=set)  # names a loader must report as unknown
    refuse: str = ""  # a problem code the whole file must be refused with
    describe: str = ""


# ------------------------------------------------------------------ small helpers
def _col(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def _vn(value: float, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    return text.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")


class Grid:
    """Rows being written, with merges and number formats in A1 terms."""

    def __init__(self) -> None:
        self.rows: list[list] = []
        self.merges: list[str] = []
        self.formats: dict[str, str] = {}

    def add(self, row: list) -> int:
        self.rows.append(list(row))
        return len(self.rows) - 1

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        if (r0, c0) != (r1, c1):
            self.merges.append(f"{_col(c0)}{r0 + 1}:{_col(c1)}{r1 + 1}")

    def sheet(self, name: str) -> Sheet:
        width = max(len(r) for r in self.rows)
        rows = [r + [None] * (width - len(r)) for r in self.rows]
        return Sheet(name, rows, self.merges, self.formats)


def _letterhead(rng: random.Random, g: Grid, unit: Unit, width: int, when: date) -> None:
    parent = units().get(unit.parent) if unit.parent else None
    own = f"UBND {unit.name.upper()}" if unit.type != "tinh" else "UBND TỈNH HÀ TĨNH"
    top = f"UBND {parent.name.upper()}" if parent and rng.random() < 0.6 else ""
    if unit.type in ("thanh_pho", "huyen") and rng.random() < 0.5:
        top, own = (
            own,
            rng.choice(["PHÒNG TÀI CHÍNH - KẾ HOẠCH", "PHÒNG THỐNG KÊ", "VĂN PHÒNG HĐND VÀ UBND"]),
        )
    right = max(width - 2, 3)
    first = [top or own] + [None] * (right - 1) + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    second = [own if top else None] + [None] * (right - 1) + ["Độc lập - Tự do - Hạnh phúc"]
    g.add(first)
    g.add(second)
    code = rng.choice(vocab.FORM_CODES)
    if code:
        g.add([None] * right + [code])
    attached = rng.choice(vocab.ATTACHED)
    if attached:
        g.add(
            [
                attached.format(
                    n=rng.randint(10, 300), d=rng.randint(1, 28), m=when.month, y=when.year
                )
            ]
        )
    g.add([])


def _footer(rng: random.Random, g: Grid, width: int, unit: Unit, when: date, period: str) -> None:
    for _ in range(rng.randint(0, 2)):
        g.add([])
    for block in rng.sample(vocab.FOOTERS, rng.randint(1, 3)):
        for row in block:
            out = []
            for c in row:
                if isinstance(c, str):
                    c = c.format(
                        p=period,
                        place=unit.short,
                        m=when.month,
                        y=when.year,
                        NAME=unit.name.upper(),
                    )
                out.append(c)
            # signature blocks sit in the value columns on the right
            shift = max(0, width - 6) if rng.random() < 0.5 else 0
            g.add([None] * shift + out)


def _value(rng: random.Random, kind: str) -> float:
    scale = vocab.SCALE[kind]
    if kind == "pct":
        return round(rng.uniform(20, 99), 2)
    if kind in ("firms", "people", "households", "schools"):
        return float(rng.randint(int(scale * 0.2), int(scale * 2)))
    return round(rng.uniform(scale * 0.1, scale * 3), 2)


def _write_number(rng: random.Random, g: Grid, r: int, c: int, value: float, kind: str, style: str):
    """A value as the office types it: a number, Vietnamese text, or a fraction shown as a percentage."""
    if style == "text" and rng.random() < 0.7:
        decimals = 0 if value == int(value) else 2
        return _vn(value, decimals)
    if style == "percent" and kind == "pct" and rng.random() < 0.7:
        g.formats[f"{_col(c)}{r + 1}"] = "0.00%"
        return round(value / 100, 6)
    return value


def _encode(rng: random.Random, c: Case, sheets: list[Sheet], allow_csv: bool) -> None:
    """The file format and text encoding."""
    roll = rng.random()
    if allow_csv and len(sheets) == 1 and roll < 0.12:
        c.name += ".csv"
        c.data = render.csv_bytes(
            sheets[0].rows, "utf-8-sig", rng.choice([";", ",", "\t"]), sheets[0].formats
        )
        c.describe += "; CSV UTF-8"
    elif allow_csv and len(sheets) == 1 and roll < 0.2:
        c.name += ".csv"
        c.data = render.csv_bytes(sheets[0].rows, "cp1258", ";", sheets[0].formats)
        c.describe += "; CSV Windows-1258"
    elif roll < 0.3:
        c.name += ".xlsx"
        c.data = render.xlsx(sheets, "nfd")
        c.describe += "; xlsx NFD"
    else:
        c.name += ".xlsx"
        c.data = render.xlsx(sheets)
        c.describe += "; xlsx"


# ------------------------------------------------------------------ column plans
@dataclass
class ColSpec:
    kind: str  # target | actual | estimate | derived | sum
    year: int
    months: tuple[int, int]
    source: str = ""
    header: list[str] = field(
        default_factory=list
    )  # header levels, top to bottom (merging done by equal texts)
    derive: tuple = ()  # ("ratio"|"growth", numerator spec index, denominator spec index)
    sum_of: tuple = ()


def _report_columns(
    rng: random.Random,
    year: int,
    label: str,
    months: tuple[int, int],
    depth: int,
    title_has_period: bool,
) -> list[ColSpec]:
    y0 = year - 1
    p = (
        (f"năm {year}" if label == "năm" else f"{label} năm {year}")
        if not title_has_period or rng.random() < 0.5
        else ("" if label == "năm" else label)
    )
    current_kind = (
        rng.choice(["actual", "estimate"])
        if months != (1, 12) or rng.random() < 0.5
        else "estimate"
    )
    kind_words = vocab.ESTIMATE_WORDS if current_kind == "estimate" else vocab.ACTUAL_WORDS
    specs: list[ColSpec] = []
    two_targets = rng.random() < 0.2
    if two_targets:
        group = f"Kế hoạch năm {year}"
        specs.append(ColSpec("target", year, (1, 12), "tinh_giao", [group, "Tỉnh giao"]))
        specs.append(
            ColSpec(
                "target",
                year,
                (1, 12),
                "hdnd_giao",
                [group, rng.choice(["HĐND giao", "HĐND thành phố giao"])],
            )
        )
    else:
        specs.append(
            ColSpec("target", year, (1, 12), "", [rng.choice(vocab.TARGET_WORDS).format(y=year)])
        )
    if (
        months == (10, 10) and rng.random() < 0.7
    ):  # a monthly report: the month, the cumulative and last year's
        specs.append(
            ColSpec(
                current_kind,
                year,
                (10, 10),
                "",
                [rng.choice(kind_words).format(p=f"tháng 10 năm {year}")],
            )
        )
        specs.append(
            ColSpec(
                current_kind,
                year,
                (1, 10),
                "",
                [rng.choice(["Lũy kế đến tháng 10", "Lũy kế 10 tháng", "Lũy kế từ đầu năm"])],
            )
        )
        specs.append(ColSpec("actual", y0, (1, 10), "", ["Lũy kế cùng kỳ năm trước"]))
        num, same = len(specs) - 2, len(specs) - 1
    else:
        if depth >= 2 and current_kind == "actual" and rng.random() < 0.6:
            group = rng.choice(vocab.ACTUAL_WORDS).format(p=p.replace(f" năm {year}", ""))
            specs.append(ColSpec("actual", y0, months, "", [group, f"Năm {y0}"]))
            specs.append(ColSpec("actual", year, months, "", [group, f"Năm {year}"]))
        else:
            specs.append(
                ColSpec("actual", y0, months, "", [rng.choice(vocab.SAME_WORDS).format(y0=y0)])
            )
            specs.append(
                ColSpec(current_kind, year, months, "", [rng.choice(kind_words).format(p=p)])
            )
        num, same = len(specs) - 1, len(specs) - 2
    if 2021 <= year <= 2025 and rng.random() < 0.25:
        specs.append(
            ColSpec(
                "target",
                2025,
                (1, 12),
                "nhiem_ky",
                [
                    rng.choice(
                        [
                            "Mục tiêu giai đoạn 2021–2025",
                            "Kế hoạch 5 năm 2021-2025",
                            "Mục tiêu Nghị quyết nhiệm kỳ 2020-2025",
                        ]
                    )
                ],
            )
        )
    target = 0 if not two_targets else 1
    compare = []
    if rng.random() < 0.8:
        compare.append(
            ColSpec(
                "derived",
                year,
                months,
                "",
                [rng.choice(vocab.RATIO_TARGET)],
                ("ratio", num, target),
            )
        )
    if rng.random() < 0.7:
        if rng.random() < 0.7:
            compare.append(
                ColSpec(
                    "derived",
                    year,
                    months,
                    "",
                    [rng.choice(vocab.RATIO_SAME)],
                    ("ratio", num, same),
                )
            )
        else:
            compare.append(
                ColSpec(
                    "derived",
                    year,
                    months,
                    "",
                    [rng.choice(vocab.GROWTH_SAME)],
                    ("growth", num, same),
                )
            )
    if compare and depth >= 2 and rng.random() < 0.5:
        for s in compare:
            s.header = ["So sánh (%)", s.header[0].replace(" (%)", "")]
    return specs + compare


def _header_rows(g: Grid, lead: list[str], specs: list[ColSpec], depth: int) -> tuple[int, int]:
    """Write the header levels; lead columns (STT, Chỉ tiêu, ĐVT) merged down; equal group texts merged
    across. Returns (first, last) header rows."""
    levels = max(depth, max(len(s.header) for s in specs))
    first = len(g.rows)
    for level in range(levels):
        row = []
        for text in lead:
            row.append(text if level == 0 else None)
        for s in specs:
            h = s.header
            if len(h) == 1:
                row.append(h[0] if level == 0 else None)
            else:
                row.append(h[level] if level < len(h) else None)
        g.add(row)
    last = len(g.rows) - 1
    if levels > 1:
        for c in range(len(lead)):
            g.merge(first, c, last, c)
        for j, s in enumerate(specs):
            c = len(lead) + j
            if len(s.header) == 1:
                g.merge(first, c, last, c)
        # merge equal group texts across on the first level
        j = 0
        while j < len(specs):
            s = specs[j]
            if len(s.header) > 1:
                k = j
                while (
                    k + 1 < len(specs)
                    and len(specs[k + 1].header) > 1
                    and specs[k + 1].header[0] == s.header[0]
                ):
                    k += 1
                if k > j:
                    g.merge(first, len(lead) + j, first, len(lead) + k)
                    # blank the covered cells (openpyxl keeps only the top-left value)
                    for m in range(j + 1, k + 1):
                        g.rows[first][len(lead) + m] = None
                j = k + 1
            else:
                j += 1
    return first, last


def _numbering(rng: random.Random, g: Grid, lead: int, specs: list[ColSpec]) -> None:
    style = rng.choice(["none", "letters", "paren", "ints", "none"])
    if style == "none":
        return
    row: list = []
    if style == "letters":
        row = ["A", "B", "C"][:lead] + [None] * max(0, lead - 3)
        base = 1
    elif style == "paren":
        row = [f"({i + 1})" for i in range(lead)]
        base = lead + 1
    else:
        row = list(range(1, lead + 1))
        base = lead + 1
    numbers = {j: base + j for j in range(len(specs))}
    for j, s in enumerate(specs):
        n = numbers[j]
        if s.kind == "derived" and rng.random() < 0.7:
            a, b = numbers[s.derive[1]], numbers[s.derive[2]]
            row.append(f"({n})=({a})/({b})" if style == "paren" else f"{n}={a}/{b}")
        elif s.kind == "sum":
            parts = [numbers[k] for k in s.sum_of]
            row.append(
                f"({n})=" + "+".join(f"({p})" for p in parts)
                if style == "paren"
                else f"{n}=" + "+".join(map(str, parts))
            )
        else:
            row.append(f"({n})" if style == "paren" else (n if style == "ints" else str(n)))
    g.add(row)


# ------------------------------------------------------------------ families
def _pick_unit(rng: random.Random) -> tuple[Unit, int, date]:
    parent_id, years = rng.choice(SCENARIOS)
    year = rng.choice(list(years))
    when = date(year, 12, 31) if year < 2026 else date(2026, 12, 31)
    if year >= 2025 and parent_id != 1:
        year, when = 2024, date(2024, 12, 31)
    kids = [u for u in children(parent_id, when) if unique_name(u, when)]
    unit = (
        units()[parent_id]
        if (rng.random() < 0.35 and parent_id != 1) or not kids
        else rng.choice(kids)
    )
    return unit, year, when


def report_family(rng: random.Random, c: Case) -> list[Sheet]:
    unit, year, when = _pick_unit(rng)
    label, months = rng.choice(PERIODS)
    depth = rng.choice([1, 2, 2, 3])
    title_has_period = rng.random() < 0.6
    specs = _report_columns(rng, year, label, months, depth, title_has_period)
    if depth == 3:
        for s in specs:
            if s.kind != "derived" and len(s.header) == 1:
                s.header = ["Số liệu", s.header[0]] if rng.random() < 0.3 else s.header
    measure_style = rng.choice(["column", "column", "column", "line"])
    number_style = rng.choice(["plain", "plain", "text", "percent"])
    lead = [
        "STT",
        rng.choice(
            ["Chỉ tiêu", "Nội dung", "Chỉ tiêu chủ yếu", "Nội dung chỉ tiêu", "Danh mục chỉ tiêu"]
        ),
    ]
    if measure_style == "column":
        lead.append(rng.choice(["ĐVT", "Đơn vị tính", "ĐV tính"]))
    g = Grid()
    width = len(lead) + len(specs)
    _letterhead(rng, g, unit, width, when)
    period_title = label.upper() if title_has_period and label != "năm" else ""
    if not title_has_period and label == "năm":
        title_has_period = False
    title = rng.choice(
        [
            "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI {p} NĂM {y}",
            "TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KT-XH {p} NĂM {y}",
            "BIỂU TỔNG HỢP CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI {p} NĂM {y}",
        ]
    )
    g.add([title.format(p=period_title, y=year).replace("  ", " ")])
    if unit.type in ("phuong", "xa") and rng.random() < 0.5:
        g.add([f"(Của {unit.name})"])
    money_measure = ("Triệu đồng", 0.001) if rng.random() < 0.5 else ("Tỷ đồng", 1.0)
    pool = list(vocab.INDICATORS)
    if measure_style == "line":
        pool = [k for k in pool if vocab.INDICATORS[k][1] == "money"]
        g.add([None] * (width - 2) + [f"Đơn vị tính: {money_measure[0]}"])
    g.add([])
    _header_rows(g, lead, specs, depth)
    _numbering(rng, g, len(lead), specs)
    tops = [k for k in pool if k not in {s for subs in vocab.SUB_ITEMS.values() for s in subs}]
    chosen = rng.sample(tops, min(len(tops), rng.randint(3, 8)))
    section_style = rng.choice(["roman", "letters", "none"])
    n = 0
    for si, group in enumerate([chosen[: len(chosen) // 2], chosen[len(chosen) // 2 :]]):
        if section_style != "none" and group:
            mark = vocab.ROMAN[si] if section_style == "roman" else "AB"[si]
            g.add([mark, ["KINH TẾ", "VĂN HÓA - XÃ HỘI"][si]])
        for code in group:
            n += 1
            rows = [(str(n), code, False)]
            for sub in vocab.SUB_ITEMS.get(code, []):
                if sub in pool and rng.random() < 0.8:
                    rows.append((rng.choice(["-", "+", "a)", "-"]), sub, True))
            for stt, k, is_sub in rows:
                _report_row(
                    rng,
                    g,
                    c,
                    unit,
                    lead,
                    specs,
                    stt,
                    k,
                    is_sub,
                    measure_style,
                    money_measure,
                    number_style,
                )
        if si == 0 and rng.random() < 0.5:
            name = rng.choice(vocab.UNKNOWN)
            c.unknown.add(name)
            vals = [round(rng.uniform(10, 500), 1) if s.kind != "derived" else None for s in specs]
            g.add([str(n + 1), name] + (["ha"] if measure_style == "column" else []) + vals)
            n += 1
    if rng.random() < 0.3:  # a row with no data yet
        k = rng.choice([x for x in pool if x not in chosen] or pool)
        dash = rng.choice(["-", "x", None])
        g.add(
            [str(n + 1), vocab.INDICATORS[k][0][0]]
            + ([""] if measure_style == "column" else [])
            + [dash] * len(specs)
        )
    _footer(rng, g, width, unit, when, label)
    c.describe = f"report of {unit.name} {label} {year}, depth {depth}, {measure_style} measures, {number_style} numbers"
    return [g.sheet(rng.choice(["BC", "Biểu 01", "Sheet1", f"KTXH {year}"]))]


def _report_row(
    rng,
    g: Grid,
    c: Case,
    unit: Unit,
    lead,
    specs,
    stt,
    code,
    is_sub,
    measure_style,
    money_measure,
    number_style,
) -> None:
    spellings, kind = vocab.INDICATORS[code]
    name = rng.choice(spellings)
    if is_sub and rng.random() < 0.3:
        name = "Trong đó: " + name
    if measure_style == "column":
        written, factor = rng.choice(vocab.MEASURES[kind])
    else:
        written, factor = money_measure
    truth = {}
    for j, s in enumerate(specs):
        if s.kind != "derived":
            truth[j] = round(_value(rng, kind) / factor, 2) if factor != 1 else _value(rng, kind)
    r = len(g.rows)
    row = [stt, name] + ([written] if measure_style == "column" else [])
    for j, s in enumerate(specs):
        col = len(lead) + j
        if s.kind == "derived":
            kind_d, a, b = s.derive
            ratio = truth[a] / truth[b] * 100
            row.append(round(ratio - 100 if kind_d == "growth" else ratio, 2))
            continue
        v = truth[j]
        row.append(_write_number(rng, g, r, col, v, kind, number_style))
        c.expected.append(
            (
                code,
                unit_in(unit, s.year).unit_id,
                s.year,
                s.months[0],
                s.months[1],
                s.kind if s.kind != "sum" else "actual",
                s.source,
                v * factor,
            )
        )
    g.add(row)


def units_family(rng: random.Random, c: Case) -> list[Sheet]:
    parent_id, years = rng.choice(SCENARIOS)
    year = rng.choice(list(years))
    when = date(year, 12, 31)
    parent = units()[parent_id]
    kids = [u for u in children(parent_id, when) if unique_name(u, when)]
    kids = rng.sample(kids, min(len(kids), rng.randint(4, 12)))
    label, months = rng.choice(PERIODS[:7])
    ward_codes = [
        "thu_ngan_sach",
        "thu_tien_sdd",
        "so_ho_ngheo",
        "ty_le_ho_ngheo",
        "bhyt_bao_phu",
        "viec_lam_moi",
    ]
    style = rng.choice(["indicator_groups", "kind_groups", "title_indicator"])
    g = Grid()
    measure_line = rng.random() < 0.5
    if style == "title_indicator":
        indicators = [rng.choice(["thu_ngan_sach", "so_ho_ngheo", "viec_lam_moi"])]
    else:
        indicators = rng.sample(ward_codes, rng.randint(1, 3))
    kinds = [
        (
            "target",
            year,
            (1, 12),
            f"Kế hoạch năm {year}" if rng.random() < 0.5 else f"Dự toán năm {year}",
        ),
        (rng.choice(["actual", "estimate"]), year, months, None),
    ]
    kinds[1] = (
        kinds[1][0],
        year,
        months,
        ("Thực hiện " if kinds[1][0] == "actual" else "Ước thực hiện ") + f"{label} năm {year}",
    )
    if rng.random() < 0.5:
        kinds.insert(1, ("actual", year - 1, months, f"Cùng kỳ năm {year - 1}"))
    cols: list[tuple[str, tuple]] = []  # (indicator, kind spec)
    for code in indicators:
        for k in kinds:
            cols.append((code, k))
    lead = [
        rng.choice(["TT", "STT"]),
        rng.choice(
            ["Đơn vị", "Tên đơn vị", "Xã, phường", "Phường, xã", "Địa phương", "Đơn vị báo cáo"]
        ),
    ]
    measures = {}
    for code in indicators:
        kind = vocab.INDICATORS[code][1]
        measures[code] = (
            ("Triệu đồng", 0.001) if kind == "money" else rng.choice(vocab.MEASURES[kind])
        )
    _letterhead(rng, g, parent, len(lead) + len(cols), when)
    if style == "title_indicator":
        g.add(
            [
                f"KẾT QUẢ {vocab.INDICATORS[indicators[0]][0][0].upper()} CÁC PHƯỜNG, XÃ {label.upper()} NĂM {year}"
            ]
        )
    else:
        g.add([f"TỔNG HỢP MỘT SỐ CHỈ TIÊU CÁC XÃ, PHƯỜNG {label.upper()} NĂM {year}"])
    money = [k for k in indicators if vocab.INDICATORS[k][1] == "money"]
    line_ok = measure_line and len(money) == len(indicators)
    if line_ok:
        g.add([None, None, "Đơn vị tính: Triệu đồng"])
    g.add([])
    first = len(g.rows)
    if style == "indicator_groups":
        top = [lead[0], lead[1]]
        sub = [None, None]
        for code, k in cols:
            name = vocab.INDICATORS[code][0][0]
            if not line_ok:
                name = f"{name} ({measures[code][0]})"
            top.append(name)
            sub.append(k[3])
        g.add(top)
        g.add(sub)
        g.merge(first, 0, first + 1, 0)
        g.merge(first, 1, first + 1, 1)
        j = 0
        while j < len(cols):
            k = j
            while k + 1 < len(cols) and cols[k + 1][0] == cols[j][0]:
                k += 1
            g.merge(first, 2 + j, first, 2 + k)
            for m in range(j + 1, k + 1):
                g.rows[first][2 + m] = None
            j = k + 1
    elif style == "kind_groups":
        cols.sort(key=lambda x: kinds.index(x[1]))
        top = [lead[0], lead[1]]
        sub = [None, None]
        for code, k in cols:
            name = rng.choice(vocab.INDICATORS[code][0][:2])
            if not line_ok:
                name = f"{name} ({measures[code][0]})"
            top.append(k[3])
            sub.append(name)
        g.add(top)
        g.add(sub)
        g.merge(first, 0, first + 1, 0)
        g.merge(first, 1, first + 1, 1)
        j = 0
        while j < len(cols):
            k = j
            while k + 1 < len(cols) and cols[k + 1][1] == cols[j][1]:
                k += 1
            g.merge(first, 2 + j, first, 2 + k)
            for m in range(j + 1, k + 1):
                g.rows[first][2 + m] = None
            j = k + 1
    else:
        g.add(lead + [k[3] for _, k in cols])
        if not line_ok:
            g.rows[-1] = lead + [f"{k[3]} ({measures[cols[0][0]][0]})" for _, k in cols]
    if rng.random() < 0.4:
        g.add(["A", "B"] + [str(i + 1) for i in range(len(cols))])
    total_name = {"thanh_pho": "Toàn thành phố", "huyen": "Toàn huyện", "tinh": "Toàn tỉnh"}[
        parent.type
    ]
    total_first = rng.random() < 0.5
    total = rng.choice([total_name, "Tổng cộng", "Tổng số"])

    def data_row(stt, name, unit_id):
        row = [stt, name]
        for code, k in cols:
            kind = vocab.INDICATORS[code][1]
            written, factor = measures[code] if not line_ok else ("Triệu đồng", 0.001)
            v = round(_value(rng, kind) / factor, 1)
            row.append(v)
            c.expected.append((code, unit_id, k[1], k[2][0], k[2][1], k[0], "", v * factor))
        g.add(row)

    if total_first:
        data_row("", total, parent.unit_id)
    by_type = {}
    for u in kids:
        by_type.setdefault(u.type, []).append(u)
    sectioned = len(by_type) > 1 and rng.random() < 0.7
    n = 0
    for t, group in by_type.items():
        if sectioned:
            g.add(
                [
                    rng.choice(["I", "A", ""]) if t == "phuong" else rng.choice(["II", "B", ""]),
                    {"phuong": "Các phường", "xa": "Các xã", "thi_tran": "Thị trấn"}.get(
                        t, "Các xã"
                    ),
                ]
            )
        for u in group:
            n += 1
            shown = (
                u.name
                if rng.random() < 0.6
                else (
                    u.short
                    if unique_name(u, when)
                    and not any(x.short == u.short for x in kids if x is not u)
                    else u.name
                )
            )
            if rng.random() < 0.15 and u.type == "phuong":
                shown = "P. " + u.short
            data_row(str(n), shown, u.unit_id)
    if not total_first:
        data_row("", total, parent.unit_id)
    _footer(rng, g, len(lead) + len(cols), parent, when, label)
    c.describe = f"ward table of {parent.name} {label} {year}, {style}"
    return [g.sheet(rng.choice(["Phường xã", "Sheet1", "TH"]))]


def across_family(rng: random.Random, c: Case) -> list[Sheet]:
    parent_id, years = rng.choice([s for s in SCENARIOS if s[0] != 1])
    year = rng.choice(list(years))
    when = date(year, 12, 31)
    parent = units()[parent_id]
    kids = [u for u in children(parent_id, when) if unique_name(u, when)]
    kids = rng.sample(kids, min(len(kids), rng.randint(3, 9)))
    kind = rng.choice(["actual", "estimate", "target"])
    word = {"actual": "Thực hiện", "estimate": "Ước thực hiện", "target": "Kế hoạch"}[kind]
    months = (1, 12)
    g = Grid()
    lead = ["STT", "Chỉ tiêu", "ĐVT"]
    total_name = {"thanh_pho": "Toàn thành phố", "huyen": "Toàn huyện"}[parent.type]
    headers = [total_name] + [u.name if rng.random() < 0.7 else u.short for u in kids]
    targets = [parent] + kids
    _letterhead(rng, g, parent, len(lead) + len(headers), when)
    grouped = rng.random() < 0.5
    g.add(
        [
            f"CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU CỦA CÁC XÃ NĂM {year}"
            if grouped
            else f"{word.upper()} CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM {year}"
        ]
    )
    g.add([])
    first = len(g.rows)
    if grouped:
        g.add(lead + [f"{word} năm {year}"] + [None] * (len(headers) - 1))
        g.add([None] * len(lead) + headers)
        for ci in range(len(lead)):
            g.merge(first, ci, first + 1, ci)
        g.merge(first, len(lead), first, len(lead) + len(headers) - 1)
    else:
        g.add(lead + headers)
    codes = rng.sample(
        [
            "gtsx_tong",
            "thu_ngan_sach",
            "so_ho_ngheo",
            "ty_le_ho_ngheo",
            "bhyt_bao_phu",
            "viec_lam_moi",
            "dan_so",
            "doanh_nghiep_moi",
        ],
        rng.randint(2, 6),
    )
    for n, code in enumerate(codes, 1):
        spellings, mkind = vocab.INDICATORS[code]
        written, factor = rng.choice(vocab.MEASURES[mkind])
        row = [str(n), rng.choice(spellings), written]
        for u in targets:
            v = _value(rng, mkind)
            row.append(v)
            c.expected.append((code, u.unit_id, year, months[0], months[1], kind, "", v * factor))
        g.add(row)
    _footer(rng, g, len(lead) + len(headers), parent, when, "năm")
    c.describe = f"indicators × communes of {parent.name} {year} ({kind}), grouped header {grouped}"
    return [g.sheet("Xa")]


def _criterion_label(rng: random.Random, n: int) -> str:
    return rng.choice(
        [f"TC{n}", f"TC {n}", f"Tiêu chí {n}", f"Tiêu chí số {n}", f"{n}. {CRITERIA[n - 1]}"]
    )


def matrix_family(rng: random.Random, c: Case, transposed: bool = False) -> list[Sheet]:
    parent_id = 3
    year = rng.choice(range(2016, 2020))
    when = date(year, 12, 31)
    parent = units()[parent_id]
    kids = [u for u in children(parent_id, when) if unique_name(u, when)]
    kids = rng.sample(kids, min(len(kids), rng.randint(4, 10)))
    g = Grid()
    labels = [_criterion_label(rng, n) for n in range(1, 20)]
    met_marks, not_marks = ["x", "x", "Đạt", "Đ"], [None, None, "-", "Chưa đạt", "CĐ"]
    truth = {u.unit_id: [rng.random() < 0.6 for _ in range(19)] for u in kids}
    width = (len(kids) + 2) if transposed else (19 + 3)
    _letterhead(rng, g, parent, width, when)
    g.add([f"KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ NÔNG THÔN MỚI CÁC XÃ NĂM {year}"])
    g.add([])
    for u in kids:
        for n in range(19):
            c.expected.append(
                (
                    f"ntm_tc{n + 1:02d}",
                    u.unit_id,
                    year,
                    1,
                    12,
                    "actual",
                    "",
                    1.0 if truth[u.unit_id][n] else 0.0,
                )
            )
    if not transposed:
        first = len(g.rows)
        g.add(["TT", "Tên xã", "Tiêu chí"] + [None] * 18 + ["Số tiêu chí đạt"])
        g.add([None, None] + labels + [None])
        g.merge(first, 0, first + 1, 0)
        g.merge(first, 1, first + 1, 1)
        g.merge(first, 2, first, 20)
        g.merge(first, 21, first + 1, 21)
        for n, u in enumerate(kids, 1):
            marks = [
                rng.choice(met_marks) if m else rng.choice(not_marks) for m in truth[u.unit_id]
            ]
            g.add(
                [str(n), u.name if rng.random() < 0.6 else u.short]
                + marks
                + [sum(truth[u.unit_id])]
            )
    else:
        g.add(["TT", "Tiêu chí"] + [u.name if rng.random() < 0.6 else u.short for u in kids])
        for n in range(19):
            row = [str(n + 1), labels[n]]
            for u in kids:
                row.append(rng.choice(met_marks) if truth[u.unit_id][n] else rng.choice(not_marks))
            g.add(row)
        g.add([None, "Tổng số tiêu chí đạt"] + [sum(truth[u.unit_id]) for u in kids])
        g.add(
            [None, "Đánh giá chung"]
            + ["Đạt chuẩn" if sum(truth[u.unit_id]) == 19 else "Chưa đạt chuẩn" for u in kids]
        )
    _footer(rng, g, width, parent, when, "năm")
    c.describe = f"NTM matrix of {parent.name} {year}{' transposed' if transposed else ''}"
    return [g.sheet("NTM")]


def series_family(rng: random.Random, c: Case) -> list[Sheet]:
    unit = units()[rng.choice([2, 3])]
    start = rng.choice([2016, 2019])
    years = list(range(start, start + 5))
    when = date(years[-1], 12, 31)
    g = Grid()
    _letterhead(rng, g, unit, 9, when)
    g.add(
        [f"MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI {unit.name.upper()} GIAI ĐOẠN {years[0]} - {years[-1]}"]
    )
    g.add([])
    first = len(g.rows)
    plan_year = years[-1] + 1
    g.add(
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện"]
        + [None] * 4
        + [f"Kế hoạch năm {plan_year}", "Tăng BQ giai đoạn (%/năm)"]
    )
    g.add(
        [None, None, None]
        + [str(y) if rng.random() < 0.5 else f"Năm {y}" for y in years]
        + [None, None]
    )
    g.merge(first, 3, first, 7)
    for ci in (0, 1, 2, 8, 9):
        g.merge(first, ci, first + 1, ci)
    codes = rng.sample(
        [
            "gtsx_tong",
            "thu_ngan_sach",
            "von_dau_tu",
            "dan_so",
            "doanh_nghiep_moi",
            "ban_le_dich_vu",
        ],
        4,
    )
    for n, code in enumerate(codes, 1):
        spellings, mkind = vocab.INDICATORS[code]
        written, factor = rng.choice(vocab.MEASURES[mkind])
        base = _value(rng, mkind)
        vals = [round(base * (1.08**i), 1) for i in range(5)]
        plan = round(vals[-1] * 1.1, 1)
        cagr = round(((vals[-1] / vals[0]) ** (1 / 4) - 1) * 100, 2)
        g.add([str(n), rng.choice(spellings), written] + vals + [plan, cagr])
        for y, v in zip(years, vals):
            c.expected.append((code, unit.unit_id, y, 1, 12, "actual", "", v * factor))
        c.expected.append((code, unit.unit_id, plan_year, 1, 12, "target", "", plan * factor))
    _footer(rng, g, 10, unit, when, "năm")
    c.describe = f"series of {unit.name} {years[0]}–{years[-1]}"
    return [g.sheet("Chuoi so lieu")]


LONG_HEADERS = [
    ["Đơn vị", "Chỉ tiêu", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "ĐVT"],
    ["Don vi", "Chi tieu", "Nam", "Ky", "Loai so lieu", "Gia tri", "DVT"],
    ["don_vi", "chi_tieu", "nam", "ky", "loai_so_lieu", "gia_tri", "don_vi_tinh"],
    ["DON VI", "CHI TIEU", "NAM", "KY BAO CAO", "LOAI", "SO LIEU", "DON VI TINH"],
]


def long_family(rng: random.Random, c: Case) -> list[Sheet]:
    header = list(rng.choice(LONG_HEADERS))
    with_code = rng.random() < 0.4
    if with_code:
        header.insert(2, "ma_chi_tieu" if "_" in header[0] else "Mã chỉ tiêu")
    g = Grid()
    g.add(header)
    parent_id, years = rng.choice(SCENARIOS[:4])
    year = rng.choice(list(years))
    when = date(year, 12, 31)
    picked = [u for u in children(parent_id, when) if unique_name(u, when)][:5]
    periods = [
        ("6 tháng", (1, 6)),
        ("9 tháng", (1, 9)),
        ("Năm", (1, 12)),
        ("Quý III", (7, 9)),
        ("Tháng 10", (10, 10)),
    ]
    kinds = [("Kế hoạch", "target"), ("Thực hiện", "actual"), ("Ước thực hiện", "estimate")]
    seen = set()
    for _ in range(rng.randint(8, 30)):
        u = rng.choice(picked)
        code = rng.choice(
            ["thu_ngan_sach", "so_ho_ngheo", "bhyt_bao_phu", "viec_lam_moi", "gtsx_tong"]
        )
        plabel, months = rng.choice(periods)
        klabel, kind = rng.choice(kinds)
        if kind == "target":
            plabel, months = "Năm", (1, 12)
        k = (code, u.unit_id, months, kind)
        if k in seen:
            continue
        seen.add(k)
        spellings, mkind = vocab.INDICATORS[code]
        written, factor = rng.choice(vocab.MEASURES[mkind])
        v = _value(rng, mkind)
        row = [u.name, rng.choice(spellings)]
        if with_code:
            row.append(code if rng.random() < 0.6 else "")
        row += [year, plabel, klabel, _vn(v) if rng.random() < 0.3 else v, written]
        g.add(row)
        c.expected.append((code, u.unit_id, year, months[0], months[1], kind, "", v * factor))
    c.describe = f"long table {year}, header {header[0]!r}, code column {with_code}"
    return [g.sheet("So lieu")]


def legacy_family(rng: random.Random, c: Case) -> list[Sheet]:
    sheets = report_family(rng, c)
    c.expected, c.unknown = [], set()
    encoding = rng.choice(["tcvn3", "vni"])
    c.name += ".xlsx"
    c.data = render.xlsx(sheets, encoding)
    c.refuse = "legacy-encoding"
    c.describe += f"; typed in {encoding.upper()}"
    return []


FAMILIES = [
    ("report", report_family),
    ("report", report_family),
    ("units", units_family),
    ("across", across_family),
    ("matrix", matrix_family),
    ("matrix_t", lambda r, c: matrix_family(r, c, True)),
    ("series", series_family),
    ("long", long_family),
    ("report", report_family),
    ("units", units_family),
    ("legacy", legacy_family),
]


def case(seed: int) -> Case:
    rng = random.Random(seed)
    family, build = FAMILIES[seed % len(FAMILIES)]
    c = Case(seed, family, f"gen_{seed:04d}_{family}")
    sheets = build(rng, c)
    if family != "legacy":
        _encode(rng, c, sheets, allow_csv=True)
    return c


def cases(n: int, start: int = 0) -> list[Case]:
    return [case(s) for s in range(start, start + n)]
