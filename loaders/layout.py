"""Layout detection without a template: where the header block is, what each column holds, whether
rows are indicators or admin units, the title's period, the sheet's unit and measure line.

Families: long (one observation per row), report (indicators × kind/period columns, with letterhead,
merged multi-row headers, numbering row, STT sections), series (indicators × years), units (wards ×
indicator/period column groups), matrix (communes × criteria marks), urban (scoring table)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from loaders.footer import table_end
from loaders.headers import ACTUAL, ESTIMATE, TARGET, Column, classify
from loaders.names import key
from loaders.numbering import is_numbering_row
from loaders.periods import HeaderPeriod, parse_period, year_of
from vn.text import fold

LONG_FIELDS: dict[str, re.Pattern] = {
    # folded, underscores read as spaces: "Đơn vị", "don_vi", "DON VI" are one header
    "unit_code": re.compile(r"^(?:ma don vi|ma dvhc|unit code|ma xa|ma don vi hanh chinh|ma dv)$"),
    "indicator_code": re.compile(r"^(?:ma chi tieu|indicator code|ma ct)$"),
    "unit": re.compile(
        r"^(?:don vi|ten don vi|don vi hanh chinh|dia ban|dia phuong|xa/phuong|phuong/xa|unit|unit name"
        r"|don vi bao cao|ten xa|ten phuong|ten dvhc|ten don vi hanh chinh)$"
    ),
    "indicator": re.compile(r"^(?:chi tieu|ten chi tieu|indicator|indicator name|noi dung)$"),
    "year": re.compile(r"^(?:nam|year|nam bao cao)$"),
    "period": re.compile(r"^(?:ky|ky bao cao|thoi ky|thoi gian|period)$"),
    "month_from": re.compile(r"^(?:tu thang|month from)$"),
    "month_to": re.compile(r"^(?:den thang|month to)$"),
    "kind": re.compile(r"^(?:loai so lieu|loai|kind|tinh trang|tinh trang so lieu)$"),
    "value": re.compile(r"^(?:gia tri|so lieu|value|gia tri so lieu)$"),
    "measure": re.compile(r"^(?:dvt|don vi tinh|measure|d\.v\.t)$"),
    "target_source": re.compile(
        r"^(?:nguon chi tieu|target source|cap giao|nguon ke hoach|nguon kh|cap giao ke hoach)$"
    ),
}
UNIT_NAME_HEADER = re.compile(
    r"^(?:ten\s+)?(?:don vi|ten don vi|xa|phuong|xa,? phuong|phuong,? xa|xa/phuong|phuong/xa|dia phuong|dia ban"
    r"|don vi hanh chinh|don vi bao cao)\b"
)
# "Tình hình thực hiện kế hoạch…" reports actuals: an estimate word first, then actual, then target
TITLE_KIND = [("estimate", ESTIMATE), ("actual", ACTUAL), ("target", TARGET)]
MEASURE_LINE = re.compile(r"^\(?\s*(?:don vi tinh|dvt|don vi)\s*[:\-]\s*(.+?)\s*\)?$")
SKIP_TITLE = re.compile(
    r"^(?:cong hoa|doc lap|\(ky|\(kem theo|kem theo|so:|so\s+\d|\(theo|ngay\s|.*,\s*ngay\s+\d"
    r"|(?:bieu|mau)(?: so)?\s*[:.]?\s*\S{1,12}$|phu luc\s*(?:so\s*)?[\divxl]{0,5}\.?$)"
)
HEADER_SCAN_ROWS = 40
PERIOD_HEADER = re.compile(
    r"^(?:nam|ky|thoi gian|nam bao cao|ky bao cao|nam/ky|nam, ky|giai doan)$"
)
# the issuing body and its parent: "UBND …", "Phòng …", "Sở …" (not "Số liệu …"), "Chi cục Thống kê …"
LETTERHEAD = re.compile(
    r"^(?:ubnd|uy ban|bcd|ban chi dao|phong|so (?!lieu|sanh|\d)|chi cuc|cuc |van phong|hdnd"
    r"|dang uy|thanh uy|huyen uy|tinh uy|mat tran|ban (?!do))"
)


@dataclass
class Layout:
    family: str
    header_first: int
    header_last: int
    data_first: int
    columns: list[Column]
    name_col: int | None = None
    stt_col: int | None = None
    measure_col: int | None = None
    code_col: int | None = None
    data_last: int = (
        0  # the row after the table's last row (footers and signatures below are not data)
    )
    numbering_row: int | None = None
    measure_row: int | None = None  # a "Đơn vị tính | Hộ | % | Lao động" row under the header
    rows_are: str = "indicators"  # indicators | units
    title_lines: list[tuple[int, str]] = field(default_factory=list)  # (row, text)
    letterhead_lines: list[tuple[int, str]] = field(default_factory=list)
    title_period: HeaderPeriod = field(default_factory=lambda: HeaderPeriod(None, None, None))
    title_kind: str | None = (
        None  # "BÁO CÁO ƯỚC THỰC HIỆN …": the kind of value columns that name none
    )
    basis_source: str = ""  # "(Kèm theo Nghị quyết … HĐND …)": who set the plans the table holds
    measure_line: str | None = None
    long_fields: dict[str, int] = field(default_factory=dict)
    value_measure: str = ""  # a long table's "Giá trị (tỷ đồng)": the measure of rows without ĐVT

    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role == "value"]

    def describe(self) -> str:
        names = {
            "long": "bảng dọc (mỗi dòng một số liệu)",
            "report": "biểu báo cáo chỉ tiêu",
            "series": "chuỗi số liệu theo năm",
            "units": "bảng theo phường/xã",
            "matrix": "ma trận tiêu chí",
            "urban": "bảng chấm điểm đô thị",
        }
        return names.get(self.family, self.family)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():  # False for inf and nan
        return str(int(value))
    if value is None:
        return ""
    text = str(value).strip()
    return _one_line(text) if "\n" in text or " - " in text else text


_ENGLISH = re.compile(r"^[A-Za-z][A-Za-z .,;:'()&/%-]*$")
# words of the English line a bilingual yearbook cell carries under its Vietnamese (a plain Vietnamese word
# typed without marks, "giao", "Thu", is not English)
_ENGLISH_WORDS = frozenset(
    """the of and per rate average population total revenue income unit units indicator
indicators implementation growth state budget health insurance coverage poverty capita households people
number value year plan estimate actual province district commune communes ward wards share labour labor
trained enterprises new jobs area production output index percent gross domestic product investment retail
sales services industry agriculture forestry fishery construction criteria criterion target targets
compared previous same period month months quarter""".split()
)


@lru_cache(maxsize=65536)
def _one_line(text: str) -> str:
    """A header or name cell as one line: line breaks inside the cell read as spaces, and the English
    translation of a bilingual yearbook cell ("Dân số trung bình\nAverage population", "Thực hiện -
    Implementation") left out."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1 and not all(ln.isascii() for ln in lines):
        lines = [ln for ln in lines if not _english(ln)] or lines
    joined = " ".join(lines)
    m = re.match(r"^(.*[^\x00-\x7f].*?)\s+-\s+([A-Za-z][A-Za-z .,()]+)$", joined)
    if m and not re.search(
        r"\b(?:TTCN|DV|TM|XD|CN|NN|TS|KT|XH)\b", m.group(2)
    ):  # "CN - TTCN" stays
        joined = m.group(1)
    return joined


def _english(line: str) -> bool:
    if not _ENGLISH.match(line):
        return False
    words = re.findall(r"[A-Za-z]+", line.lower())
    return bool(words) and any(w in _ENGLISH_WORDS for w in words)


def _without_paren(folded: str) -> str:
    """ "gia tri (ty dong)" → "gia tri"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", folded)


def _header_score(cells: list) -> tuple[int, int]:
    """(table-header hits, long-table hits) of one row."""
    hits = long_hits = 0
    for c in cells:
        t = _text(c)
        if not t or len(t) > 80:
            continue
        f = fold(t).replace("_", " ").rstrip(" :")
        if any(p.match(f) or p.match(_without_paren(f)) for p in LONG_FIELDS.values()):
            long_hits += 1
        col = classify(0, [t])
        if col.role in ("stt", "name", "measure", "note", "count", "derived", "year_reached"):
            hits += 1
        elif col.role == "value" and (col.kind or col.period.year):
            hits += 1
    return hits, long_hits


def _years_header(rows: list[list], r: int) -> bool:
    """ "Năm | Dân số | Số hộ …" with years in the first column a few rows below: a series down the rows."""
    cells = rows[r]
    first = next((c for c in cells if _text(c)), None)
    if first is None:
        return False
    if not _text(cells[0]):  # a yearbook's blank corner over the years: "| Diện tích | Năng suất …"
        below = [rows[k][0] for k in range(r + 1, min(r + 8, len(rows)))]
        texts = sum(
            1 for c in cells if isinstance(c, str) and c.strip() and not c.strip().isdigit()
        )
        return texts >= 2 and sum(1 for v in below if year_of(v) is not None) >= 2
    if not PERIOD_HEADER.match(fold(_text(first)).strip(" :")):
        return False
    if sum(1 for c in cells if isinstance(c, str) and c.strip() and not c.strip().isdigit()) < 3:
        return False
    col = next(i for i, c in enumerate(cells) if _text(c))
    below = [rows[k][col] for k in range(r + 1, min(r + 6, len(rows)))]
    return any(year_of(v) is not None or parse_period(_text(v)).year is not None for v in below)


def find_header(rows: list[list], start: int = 0) -> tuple[int, bool] | None:
    """(first header row at or after `start`, is a long table) or None."""
    for r, cells in enumerate(rows[start : start + HEADER_SCAN_ROWS], start):
        nonblank = [c for c in cells if _text(c)]
        if len(nonblank) < 2:
            continue
        if _years_header(rows, r):
            return r, False
        hits, long_hits = _header_score(cells)
        if long_hits >= 4:
            return r, True
        if hits >= 2:
            return r, False
    return None


def _fill_header(rows: list[list], first: int, last: int, merged) -> list[list[str]]:
    """Header texts with merged ranges spread over every cell they cover."""
    grid = [[_text(c) for c in rows[r]] for r in range(first, last + 1)]
    width = len(grid[0]) if grid else 0
    covered = set()
    for (r0, c0), (r1, c1) in merged or []:
        if r1 < first or r0 > last:
            continue
        top = _text(rows[r0][c0]) if r0 < len(rows) and c0 < len(rows[r0]) else ""
        for r in range(max(r0, first), min(r1, last) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                grid[r - first][c] = top
                covered.add((r, c))
    # files without merge information (csv, ods): a group header spans the blank cells to its
    # right for as long as the row below carries sub-headers
    for h in range(len(grid) - 1):
        for c in range(1, width):
            if (first + h, c) in covered or grid[h][c] or not grid[h + 1][c]:
                continue
            if (
                grid[h][c - 1]
                and grid[h + 1][c - 1]
                and (first + h, c - 1) not in covered
                or (grid[h][c - 1] and (first + h, c - 1) in covered and merged is None)
            ):
                grid[h][c] = grid[h][c - 1]
    return grid


def detect_layout(
    rows: list[list], merged=None, is_measure: Callable[[str], bool] | None = None, start: int = 0
) -> Layout | None:
    """The layout of a sheet's cells (its first table at or after row `start`), or None when no table
    is found. `is_measure` tells a measure name ("Hộ", "%", "Tỷ đồng"), so a ĐVT row under the header
    can be recognised."""
    found = find_header(rows, start)
    if found is None:
        return None
    first, is_long = found
    above = _title_area(rows, first)
    if is_long:
        return _long_layout(rows, first, above)
    head = [classify(c, [_text(v)]) for c, v in enumerate(rows[first])]
    name_col = next((c.index for c in head if c.role == "name"), None)
    stt_col = next((c.index for c in head if c.role == "stt"), None)
    block = _header_block(rows, first, name_col, stt_col, merged, is_measure)
    header_last, last, numbering_row, measure_row = block
    grid = _fill_header(rows, first, header_last, merged)
    columns = []
    for c in range(len(rows[first])):
        path: list[str] = []
        for h in range(len(grid)):
            t = grid[h][c]
            if t and (not path or path[-1] != t):
                path.append(t)
        numbering = rows[numbering_row][c] if numbering_row is not None else ""
        measure_cell = _text(rows[measure_row][c]) if measure_row is not None else ""
        columns.append(classify(c, path, numbering, measure_cell))
    name_col = next((c.index for c in columns if c.role == "name"), name_col)
    stt_col = next((c.index for c in columns if c.role == "stt"), stt_col)
    measure_col = next((c.index for c in columns if c.role == "measure"), None)
    code_col = next((c.index for c in columns if c.role == "code"), None)
    if name_col is None:  # no "Chỉ tiêu"/"Đơn vị" header: the first text column after STT
        name_col = _guess_name_col(rows, last + 1, columns)
        if name_col is not None and columns[name_col].role in (
            "value",
            "other",
        ):  # "Danh mục chỉ tiêu": names
            columns[name_col].role = "name"
    layout = Layout("report", first, header_last, last + 1, columns, name_col, stt_col, measure_col)
    layout.code_col, layout.numbering_row, layout.measure_row = code_col, numbering_row, measure_row
    layout.title_lines, layout.letterhead_lines, layout.measure_line = above
    layout.title_period = _title_period(layout.title_lines)
    layout.title_kind = _title_kind(layout.title_lines)
    layout.basis_source = _basis_source(rows, first)
    name_header = fold(columns[name_col].text) if name_col is not None else ""
    layout.rows_are = "units" if UNIT_NAME_HEADER.match(name_header) else "indicators"
    if _periods_down(rows, layout, columns):
        layout.rows_are = "periods"
    roles = {c.role for c in columns}
    if roles & {"min_level", "max_level", "points"}:
        layout.family = "urban"
    value_cols = {
        c.index
        for c in columns
        if c.role
        in (
            "value",
            "derived",
            "count",
            "period_total",
            "other",
            "points",
            "min_level",
            "max_level",
            "min_points",
            "max_points",
        )
    }
    layout.data_last = table_end(rows, layout.data_first, value_cols, stt_col, name_col)
    return layout


def _periods_down(rows: list[list], layout: Layout, columns: list[Column]) -> bool:
    """A series written with the years down the rows ("Năm | Dân số | Số hộ …", then "2016", …, "Ước TH
    2020", "KH 2021"): the first column is headed "Năm"/"Kỳ" and holds years, the others name indicators."""
    first = next((c for c in columns if c.role not in ("blank", "stt")), None)
    corner = columns[0] if columns and columns[0].role == "blank" and not columns[0].text else None
    if corner is not None and _years_below(rows, layout, corner):
        first = corner  # the blank corner of a yearbook table: the years are its column
    elif (
        first is None
        or not PERIOD_HEADER.match(fold(first.text.split(" / ")[0]).strip(" :"))
        or not _years_below(rows, layout, first)
    ):
        return False
    layout.name_col = first.index
    first.role = "name"
    for c in columns:  # the other columns name indicators; their period comes from each row
        if c.index != first.index and c.role in ("value", "other", "derived", "name"):
            c.role, c.hint, c.hints = (
                "value",
                c.hint or c.text.split(" / ")[-1],
                c.hints or (c.text.split(" / ")[-1],),
            )
            c.kind, c.period = None, HeaderPeriod(None, None, None)
    return True


def _years_below(rows: list[list], layout: Layout, col: Column) -> bool:
    labels = [
        rows[r][col.index]
        for r in range(layout.data_first, min(layout.data_last or len(rows), len(rows)))
    ]
    labels = [v for v in labels if _text(v)]
    years = sum(1 for v in labels if parse_period(_text(v)).year is not None)
    return bool(labels) and years >= max(2, 0.7 * len(labels))


def _long_layout(rows: list[list], first: int, above) -> Layout:
    fields = {}
    value_measure = ""
    for c, cell in enumerate(rows[first]):
        f = fold(_text(cell)).replace("_", " ").rstrip(" :")
        for name, pattern in LONG_FIELDS.items():
            if name in fields:
                continue
            if pattern.match(f):
                fields[name] = c
                break
            if pattern.match(_without_paren(f)):  # "Giá trị (tỷ đồng)": the measure of the values
                fields[name] = c
                if name == "value":
                    m = re.search(r"\(([^()]*)\)\s*:?\s*$", _text(cell))
                    value_measure = m.group(1).strip() if m else ""
                break
    layout = Layout(
        "long", first, first, first + 1, [], long_fields=fields, value_measure=value_measure
    )
    layout.title_lines, layout.letterhead_lines, layout.measure_line = above
    layout.title_period = _title_period(layout.title_lines)
    layout.title_kind = _title_kind(layout.title_lines)
    layout.data_last = len(rows)
    return layout


def _merged_rows(merged, first: int) -> set[int]:
    """Rows covered (below their first row) by a merged range starting in the header block."""
    covered: set[int] = set()
    for (r0, _c0), (r1, _c1) in merged or []:
        if r0 >= first and r1 > r0:
            covered.update(range(r0 + 1, r1 + 1))
    return covered


def _is_measure_row(cells: list, name_col: int | None, stt_col: int | None, is_measure) -> bool:
    """ "Đơn vị tính | Hộ | % | Lao động": the name/STT cells blank or "ĐVT", most other cells measures."""
    if is_measure is None:
        return False
    label_cols = {c for c in (name_col, stt_col) if c is not None}
    texts = [(c, _text(v)) for c, v in enumerate(cells) if _text(v)]
    if len(texts) < 2:
        return False
    others = []
    for c, t in texts:
        f = fold(t).rstrip(" :")
        if c in label_cols:
            if f not in ("dvt", "don vi tinh", "d.v.t", "don vi"):
                return False
            continue
        if isinstance(cells[c], (int, float)):
            return False
        others.append(t)
    hits = sum(1 for t in others if is_measure(t))
    return bool(others) and hits >= max(1, 0.6 * len(others))


def _header_block(rows: list[list], first: int, name_col, stt_col, merged, is_measure):
    """(last header row, last row before data, numbering row, ĐVT row): sub-header rows (name and STT
    blank), rows left blank by merged header cells, a numbering row and a ĐVT row in any order."""
    covered = _merged_rows(merged, first)
    last = header_last = first
    numbering_row = measure_row = None
    r = first + 1
    limit = min(first + 8, len(rows))
    while r < limit:
        cells = rows[r]
        if numbering_row is None and is_numbering_row(cells, name_col):
            below = rows[r + 1] if r + 1 < len(rows) else []
            if (
                below
                and _is_sub_header(below, name_col, stt_col)
                and not is_numbering_row(below, name_col)
                and not _is_measure_row(below, name_col, stt_col, is_measure)
                and _texts_only(below)
            ):
                last = header_last = (
                    r  # "1 | 2 | … | 18" over "Quy hoạch | Giao thông | …": part of the header
                )
                r += 1
                continue
            numbering_row = last = r
        elif measure_row is None and _is_measure_row(cells, name_col, stt_col, is_measure):
            measure_row = last = r
        elif not any(_text(c) for c in cells):
            ahead = next(
                (k for k in range(r + 1, min(r + 3, len(rows))) if any(_text(c) for c in rows[k])),
                None,
            )
            special = ahead is not None and (
                is_numbering_row(rows[ahead], name_col)
                or _is_measure_row(rows[ahead], name_col, stt_col, is_measure)
            )
            if r not in covered and not special:
                break
            last = r
            if numbering_row is None and measure_row is None:
                header_last = r
        elif (
            numbering_row is None
            and measure_row is None
            and _is_sub_header(cells, name_col, stt_col)
        ):
            last = header_last = r
        else:
            break
        r += 1
    return header_last, last, numbering_row, measure_row


def _texts_only(cells: list) -> bool:
    """Every non-blank cell is text (header labels), none a number."""
    texts = [c for c in cells if _text(c)]
    return bool(texts) and all(
        isinstance(c, str) and not c.strip().replace(".", "").replace(",", "").isdigit()
        for c in texts
    )


def _is_sub_header(cells: list, name_col, stt_col) -> bool:
    """Name and STT blank, some text, and no number that is data (years and column numbers may head columns;
    a total row written without STT, "TỔNG THU NSNN | 185.000 | 210.000", is data)."""
    name_blank = name_col is None or not _text(cells[name_col])
    stt_blank = stt_col is None or not _text(cells[stt_col])
    if not (name_blank and stt_blank and any(_text(c) for c in cells)):
        return False
    for c in cells:
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            if not (c == int(c) and (1900 <= c <= 2100 or 0 < c < 100)):
                return False
    return True


_BASIS = [
    (re.compile(r"(?:kem )?theo (?:nghi quyet|nq)\b.*(?:hdnd|hoi dong nhan dan)"), "hdnd_giao"),
    (re.compile(r"(?:kem )?theo (?:quyet dinh|qd)\b.*(?:ubnd|uy ban nhan dan) tinh"), "tinh_giao"),
]


def _basis_source(rows: list[list], first: int) -> str:
    for r in range(first):
        for cell in rows[r]:
            f = fold(_text(cell))
            for pattern, source in _BASIS:
                if pattern.search(f):
                    return source
    return ""


# "theo Nghị quyết số 1283/NQ-UBTVQH15": a legal basis cited in a title, not the kind of its figures
DOC_REFERENCE = re.compile(
    r"(?:(?:nghi quyet|quyet dinh|ke hoach|cong van)\s+)?so\s+\d+\s*/\s*[\w\-/]+|\b\d+/[a-z]+-[\w\-]+"
)


def _title_kind(lines: list[tuple[int, str]]) -> str | None:
    for _, text in lines:
        f = DOC_REFERENCE.sub(" ", fold(text))
        for kind, pattern in TITLE_KIND:
            if pattern.search(f):
                return kind
    return None


def _guess_name_col(rows: list[list], start: int, columns: list[Column]) -> int | None:
    best, best_count = None, 0
    for col in columns:
        if col.role in ("derived", "stt", "measure", "note"):
            continue
        if col.role == "value" and (
            col.kind or col.period.year is not None or col.period.month_from is not None
        ):
            continue
        count = sum(
            1
            for r in rows[start : start + 60]
            if isinstance(r[col.index], str) and len(r[col.index].strip()) > 3
        )
        if count > best_count:
            best, best_count = col.index, count
    return best


def _title_area(rows: list[list], first: int) -> tuple[list, list, str | None]:
    """(title lines, letterhead lines, measure line text) above the header."""
    titles, letterhead = [], []
    measure = None
    for r in range(first):
        cells = [(c, _text(v)) for c, v in enumerate(rows[r]) if _text(v)]
        for c, text in cells:
            f = fold(text)
            m = MEASURE_LINE.match(f)
            if m:
                measure = re.sub(
                    r"^\(?\s*(?:đơn vị tính|ĐVT|đvt|Đơn vị tính|Đơn vị|đơn vị)\s*[:\-]\s*",
                    "",
                    text,
                    flags=re.I,
                ).strip(" )")
                continue
            if SKIP_TITLE.match(f):
                continue
            if LETTERHEAD.match(f) or (c > 0 and len(cells) > 1 and r < 3):
                letterhead.append((r, text))
            else:
                titles.append((r, text))
    return titles, letterhead, measure


def _title_period(lines: list[tuple[int, str]]) -> HeaderPeriod:
    """The period a title names. "… NĂM 2017" alone gives the year, not the months: the columns then
    say their own span ("Quý II năm 2017"); "CẢ NĂM 2017" says the whole year."""
    best = HeaderPeriod(None, None, None)
    for _, text in lines:
        p = parse_period(text, whole_year=False)
        if (
            p.year is None
            and p.month_from is None
            and parse_period(text).month_from is not None
            and "ca nam" in fold(text)
        ):
            p = HeaderPeriod(None, 1, 12)
        if p.year is not None:
            if p.month_from is None and "ca nam" in fold(text):
                return HeaderPeriod(p.year, 1, 12)
            return (
                HeaderPeriod(p.year, p.month_from, p.month_to)
                if p.month_from
                else HeaderPeriod(p.year, None, None)
            )
        if best.month_from is None and p.month_from is not None:
            best = p
    return best


def title_text(layout: Layout) -> str:
    return " ".join(t for _, t in layout.title_lines)


def header_cell_row(layout: Layout) -> int:
    return layout.header_first


def is_blank(value: object) -> bool:
    return _text(value) == ""


def cell_text(value: object) -> str:
    return _text(value)


def label_key(value: object) -> str:
    return key(value)
