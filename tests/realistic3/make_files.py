#!/usr/bin/env python
"""Make the realistic3 batch: report files as Hà Tĩnh statisticians and accountants send them.

Run once:  .venv/bin/python tests/realistic3/make_files.py
Writes, for each report X: X.xlsx or X.csv, X.expected.csv (every observation a perfect loader
stores), X.unknown.txt (non-catalog indicator names that hold values) and README.md. Then reads every
file back and checks it against what was meant to be written (see check_* at the end).
Deterministic: fixed seeds, fixed document dates, fixed zip timestamps.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import re
import sys
import tomllib
import unicodedata
import zipfile
from decimal import ROUND_HALF_UP, Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
ADMIN_CSV = os.path.join(ROOT, "data", "admin_units.csv")
CATALOG_DIR = os.path.join(ROOT, "data", "catalog")
FIXED_TIME = dt.datetime(2020, 1, 1, 0, 0, 0)
EXP_HEADER = [
    "indicator_code",
    "unit_code",
    "unit_name",
    "year",
    "month_from",
    "month_to",
    "kind",
    "target_source",
    "value",
    "measure",
]

D = Decimal


# ----------------------------------------------------------------------------- numbers
def q(x, places=1):
    """Round half-up to `places` decimals."""
    return D(x).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


def pct(a, b, places=1):
    return q(D(a) / D(b) * 100, places)


def canon(x) -> str:
    """The value as expected.csv writes it: plain decimal, no trailing zeros."""
    x = D(x)
    if x == x.to_integral_value():
        return str(int(x))
    return format(x.normalize(), "f")


def vi(x, places=None) -> str:
    """Vietnamese number text: 1.234.567,8"""
    x = D(x)
    if places is not None:
        x = q(x, places)
    s = format(abs(x), "f")
    ip, _, fp = s.partition(".")
    ip = "{:,}".format(int(ip)).replace(",", ".")
    return ("-" if x < 0 else "") + ip + ("," + fp if fp else "")


def en2(x) -> str:
    """English-locale export text with two decimals: 12,850.00"""
    return "{:,.2f}".format(D(x))


def parse_vi(s: str) -> Decimal:
    return D(s.strip().replace(".", "").replace(",", "."))


def parse_en(s: str) -> Decimal:
    return D(s.strip().replace(",", ""))


def numcell(x):
    x = D(x)
    return int(x) if x == x.to_integral_value() else float(x)


NUMRE = re.compile(r"^-?\d+(\.\d+)?$")


def isnum(v) -> bool:
    return isinstance(v, (int, Decimal)) or (isinstance(v, str) and bool(NUMRE.match(v)))


# ----------------------------------------------------------------------------- text
def strip_marks(s: str) -> str:
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def norm_name(s: str) -> str:
    s = strip_marks(unicodedata.normalize("NFC", s)).casefold()
    s = re.sub(r"^\s*(trong do|tr\.do|chia ra)\s*:?\s*", "", s)
    s = re.sub(r"^[\s\-\+\*]+", "", s)
    return re.sub(r"\s+", "", s)


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed where the code page has the
    letter, otherwise the base letter (with its circumflex/breve/horn) plus a combining tone mark."""
    nfd = unicodedata.normalize("NFD", text)
    clusters, cur = [], ""
    for ch in nfd:
        if unicodedata.combining(ch) and cur:
            cur += ch
        else:
            if cur:
                clusters.append(cur)
            cur = ch
    if cur:
        clusters.append(cur)
    out = []
    for cl in clusters:
        whole = unicodedata.normalize("NFC", cl)
        try:
            whole.encode("cp1258")
            out.append(whole)
            continue
        except UnicodeEncodeError:
            pass
        base, marks = cl[0], cl[1:]
        core = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONE_MARKS))
        tone = "".join(m for m in marks if m in TONE_MARKS)
        out.append(core + tone)
    return "".join(out).encode("cp1258")


# ----------------------------------------------------------------------------- reference data
def load_units():
    with open(ADMIN_CSV, encoding="utf-8") as f:
        return list(csv.DictReader(f))


UNITS = load_units()


def month_end(year, month):
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def unit(code, year, mf=1, mt=12):
    """The admin unit with this GSO code valid over the whole period."""
    start, end = dt.date(year, mf, 1), month_end(year, mt)
    hits = [
        u
        for u in UNITS
        if u["code"] == str(code)
        and dt.date.fromisoformat(u["valid_from"]) <= start
        and (not u["valid_to"] or dt.date.fromisoformat(u["valid_to"]) >= end)
    ]
    if len(hits) != 1:
        raise ValueError(f"no single unit {code} valid {start}..{end}: {hits}")
    return hits[0]["code"], hits[0]["name"]


def load_catalog():
    inds, measures = {}, {}
    for fn in ("indicators.toml", "criteria_indicators.toml"):
        with open(os.path.join(CATALOG_DIR, fn), "rb") as f:
            for ind in tomllib.load(f)["indicator"]:
                inds[ind["code"]] = ind
    with open(os.path.join(CATALOG_DIR, "measures.toml"), "rb") as f:
        for m in tomllib.load(f)["measure"]:
            measures[m["code"]] = m
    return inds, measures


CATALOG, MEASURES = load_catalog()


def measure_code(text):
    n = norm_name(text) if text.strip() not in ("%",) else "%"
    for code, m in MEASURES.items():
        names = [m["name"]] + list(m.get("aliases", []))
        if any((norm_name(a) if a.strip() != "%" else "%") == n for a in names if a):
            return code
    return None


# ----------------------------------------------------------------------------- styles
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def font(b=False, i=False, size=12):
    return Font(name="Times New Roman", bold=b, italic=i, size=size)


# ----------------------------------------------------------------------------- report model
class Report:
    """One file: its cells (for read-back), its observations and its unknown names."""

    def __init__(self, stem, ext, descr):
        self.stem, self.ext, self.descr = stem, ext, descr
        self.obs = []  # dicts
        self.unknown = []  # names as written (NFC)
        self.conventions = []  # short tags for the summary

    def add_obs(self, loc, how, ind, ucode, year, mf, mt, kind, src, value, measure):
        code, name = unit(ucode, year, mf, mt)
        assert ind in CATALOG, ind
        assert kind in ("actual", "estimate", "target"), kind
        assert src in ("", "tinh_giao", "hdnd_giao", "phan_dau", "nhiem_ky"), src
        if src:
            assert kind == "target"
        self.obs.append(
            dict(
                loc=loc,
                how=how,
                ind=ind,
                ucode=code,
                uname=name,
                year=year,
                mf=mf,
                mt=mt,
                kind=kind,
                src=src,
                value=D(value),
                measure=measure,
            )
        )

    def expected_rows(self):
        return [
            [
                o["ind"],
                o["ucode"],
                o["uname"],
                str(o["year"]),
                str(o["mf"]),
                str(o["mt"]),
                o["kind"],
                o["src"],
                canon(o["value"]),
                o["measure"],
            ]
            for o in self.obs
        ]


class XBook(Report):
    def __init__(self, stem, descr):
        super().__init__(stem, "xlsx", descr)
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.reg = {}  # (sheet, row, col) -> value written

    def sheet(self, title, state="visible", widths=None, landscape=True):
        ws = self.wb.create_sheet(title)
        ws.sheet_state = state
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        for i, w in enumerate(widths or [], start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        return ws

    def put(
        self,
        ws,
        r,
        c,
        v,
        b=False,
        i=False,
        size=12,
        fmt=None,
        merge=None,
        h=None,
        wrap=False,
        box=False,
        v_align="center",
    ):
        if v is None or v == "":
            if box:
                ws.cell(row=r, column=c).border = BOX
            return None
        cell = ws.cell(row=r, column=c, value=v)
        cell.font = font(b, i, size)
        cell.alignment = Alignment(horizontal=h, vertical=v_align, wrap_text=wrap)
        if fmt:
            cell.number_format = fmt
        if box:
            cell.border = BOX
        self.reg[(ws.title, r, c)] = v
        if merge:
            r2, c2 = merge
            if (r2, c2) != (r, c):
                ws.merge_cells(start_row=r, start_column=c, end_row=r2, end_column=c2)
                if box:
                    for rr in range(r, r2 + 1):
                        for cc in range(c, c2 + 1):
                            ws.cell(row=rr, column=cc).border = BOX
        return cell

    def num(self, ws, r, c, value, how="num", places=None, obs=None, box=True, b=False):
        """Write a number. how: num (numeric cell), text (typed as Vietnamese text),
        pct (fraction with % format; value is the percentage)."""
        x = D(value)
        if how == "num":
            fmt = (
                "#,##0"
                if x == x.to_integral_value()
                else "#,##0." + "0" * max(1, -x.as_tuple().exponent)
            )
            if places is not None:
                fmt = "#,##0" + ("." + "0" * places if places else "")
            self.put(ws, r, c, numcell(x), fmt=fmt, h="right", box=box, b=b)
        elif how == "text":
            self.put(ws, r, c, vi(x, places), h="right", box=box, b=b)
        elif how == "pct":
            fr = x / 100
            self.put(ws, r, c, float(fr), fmt="0.00%", h="right", box=box, b=b)
        else:
            raise ValueError(how)
        if obs:
            self.add_obs((ws.title, r, c), how, *obs[:7], value, obs[7])

    def save(self, path):
        p = self.wb.properties
        p.creator = "Microsoft Office User" if "nfd" in self.stem else "user"
        p.lastModifiedBy = p.creator
        p.created = p.modified = FIXED_TIME
        buf = io.BytesIO()
        ExcelWriter(self.wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)).save()
        src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
            for info in src.infolist():
                zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                zo.writestr(zi, src.read(info.filename))
        with open(path, "wb") as f:
            f.write(out.getvalue())


class CBook(Report):
    def __init__(self, stem, descr, encoding, delimiter, newline, quote_all=False):
        super().__init__(stem, "csv", descr)
        self.encoding, self.delimiter, self.newline, self.quote_all = (
            encoding,
            delimiter,
            newline,
            quote_all,
        )
        self.lines = []

    def row(self, fields):
        self.lines.append([str(f) for f in fields])
        return len(self.lines) - 1

    def obs_at(self, line, field, how, ind, ucode, year, mf, mt, kind, src, measure):
        text = self.lines[line][field]
        value = parse_vi(text) if how == "vi" else parse_en(text)
        self.add_obs((line, field), how, ind, ucode, year, mf, mt, kind, src, value, measure)

    def text(self):
        buf = io.StringIO()
        w = csv.writer(
            buf,
            delimiter=self.delimiter,
            lineterminator=self.newline,
            quoting=csv.QUOTE_ALL if self.quote_all else csv.QUOTE_MINIMAL,
        )
        for ln in self.lines:
            w.writerow(ln)
        return buf.getvalue()

    def save(self, path):
        t = self.text()
        data = to_cp1258(t) if self.encoding == "cp1258" else t.encode(self.encoding)
        with open(path, "wb") as f:
            f.write(data)


# ----------------------------------------------------------------------------- layout helpers
def letterhead(xb, ws, left1, left2, ncols, split=3, so=None, place_date=None, nfd=False):
    n = (lambda s: unicodedata.normalize("NFD", s)) if nfd else (lambda s: s)
    xb.put(ws, 1, 1, n(left1), merge=(1, split), h="center")
    xb.put(ws, 2, 1, n(left2), b=True, merge=(2, split), h="center")
    xb.put(
        ws,
        1,
        split + 1,
        n("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        b=True,
        merge=(1, ncols),
        h="center",
    )
    xb.put(ws, 2, split + 1, n("Độc lập - Tự do - Hạnh phúc"), b=True, merge=(2, ncols), h="center")
    if so:
        xb.put(ws, 3, 1, n(so), merge=(3, split), h="center")
    if place_date:
        xb.put(ws, 3, split + 1, n(place_date), i=True, merge=(3, ncols), h="center")


def title(xb, ws, r, text, ncols, b=True, i=False, size=13, c1=1, nfd=False):
    if nfd:
        text = unicodedata.normalize("NFD", text)
    xb.put(ws, r, c1, text, b=b, i=i, size=size, merge=(r, ncols), h="center", wrap=True)


def hdr(xb, ws, r, c, text, r2=None, c2=None, nfd=False):
    if nfd:
        text = unicodedata.normalize("NFD", text)
    xb.put(ws, r, c, text, b=True, merge=(r2 or r, c2 or c), h="center", wrap=True, box=True)


def signature(xb, ws, r, c, lines, c2=None, left=None):
    """Signature block placed under value columns."""
    for k, (text, bold, ital) in enumerate(lines):
        xb.put(ws, r + k, c, text, b=bold, i=ital, merge=(r + k, c2 or c), h="center")
    if left:
        for k, (text, bold, ital) in enumerate(left):
            xb.put(
                ws, r + k, 1, text, b=bold, i=ital, size=11 if k else 12, h="left", v_align="top"
            )


def indicator_rows(xb, ws, r0, rows, cols, unit_code=None, cmp_cols=(), how="num"):
    """Write STT | label | ĐVT | values... rows.

    rows: dicts with stt, label, dvt, ind (catalog code, 'UNKNOWN', or None for group rows),
          vals (list aligned with cols; None blank; '-' / 'x' / text as written), cmp=False to
          leave comparison columns blank, places (per-value decimals for text writing).
    cols: list of dicts with col, obs (year, mf, mt, kind, src)
    cmp_cols: list of (col, func(vals)->Decimal|None)
    A row with hidden=True is written in a hidden row and yields no observations.
    """
    r = r0
    for row in rows:
        hidden = row.get("hidden", False)
        stt, label = row.get("stt", ""), row["label"]
        group = row.get("ind") is None
        xb.put(ws, r, 1, stt, h="center", box=True, b=row.get("bold", False))
        xb.put(
            ws,
            r,
            2,
            label,
            box=True,
            wrap=True,
            b=row.get("bold", False) or (group and row.get("section", False)),
            i=row.get("italic", False),
        )
        xb.put(ws, r, 3, row.get("dvt", ""), h="center", box=True)
        for k, spec in enumerate(cols):
            v = row["vals"][k] if k < len(row.get("vals", [])) else None
            if v is None:
                xb.put(ws, r, spec["col"], None, box=True)
                continue
            if isnum(v):
                obs = None
                if row["ind"] not in (None, "UNKNOWN") and spec.get("obs") and not hidden:
                    y, mf, mt, kind, src = spec["obs"]
                    obs = (
                        row["ind"],
                        row.get("unit", unit_code),
                        y,
                        mf,
                        mt,
                        kind,
                        src,
                        row["dvt"] or row["measure"],
                    )
                xb.num(
                    ws,
                    r,
                    spec["col"],
                    v,
                    how=row.get("how", spec.get("how", how)),
                    places=row.get("places"),
                    obs=obs,
                )
            else:
                xb.put(ws, r, spec["col"], v, h="center", box=True)
        for col, func in cmp_cols:
            val = None
            if row.get("cmp", True) and not group:
                try:
                    val = func(row["vals"])
                except (TypeError, ValueError, ArithmeticError, IndexError):
                    val = None
            if val is None:
                xb.put(ws, r, col, None, box=True)
            else:
                xb.num(ws, r, col, val, how=row.get("how", how), places=1)
        if hidden:
            ws.row_dimensions[r].hidden = True
        if row.get("ind") == "UNKNOWN":
            xb.unknown.append(unicodedata.normalize("NFC", row.get("unknown_name", label)))
        r += 1
    return r


def ratio(i, j, places=1):
    def f(vals):
        a, b = vals[i], vals[j]
        if not (isnum(a) and isnum(b)) or D(b) == 0:
            return None
        return pct(a, b, places)

    return f


# ============================================================================= the reports
BUILDERS = []


def builder(f):
    BUILDERS.append(f)
    return f


def R(stt, label, dvt=None, ind=None, vals=None, **kw):
    d = dict(stt=stt, label=label, dvt=dvt or "", ind=ind, vals=vals or [])
    d.update(kw)
    return d


# ----------------------------------------------------------------------------- 01
@builder
def f01_canloc_9t_2017():
    xb = XBook(
        "canloc_9t_2017",
        (
            "Huyện Can Lộc, Phòng Tài chính - Kế hoạch, báo cáo 9 tháng và ước cả năm 2017. The title is "
            'split over two merged rows (the subject on one, "9 THÁNG ĐẦU NĂM VÀ ƯỚC THỰC HIỆN CẢ NĂM 2017" on '
            'the next). The plan column is named after the district HĐND resolution ("Kế hoạch năm 2017 '
            '(NQ 45/NQ-HĐND)": target, hdnd_giao). "Năm 2017" is a group header over "Thực hiện 9 tháng" '
            '(actual 1–9) and "Ước cả năm" (estimate 1–12); "Thực hiện 9 tháng năm 2016" is the same '
            'period last year. STT runs I/1/1.1/a)/-, with "Chia ra:" and "Trong đó:" on rows of their '
            'own, an empty group row "3. Sản xuất nông nghiệp", mixed units (Tỷ đồng, Triệu đồng, ha, Tạ/ha, '
            'Tấn, Con, Xã, Người, %, Trường), "-" for no data, three % comparison columns, a numbering row '
            '(A, B, C, 1…, 5=3/1), a note, "Nơi nhận" and the signature under the value columns. The '
            'non-catalog sub-item "Trong đó: Xuất khẩu lao động" carries values.'
        ),
    )
    xb.conventions = [
        "two-row title",
        "plan named after NQ (hdnd_giao)",
        "TH 9 tháng + Ước cả năm",
        "1.1 / a) STT",
        "Chia ra / Trong đó rows",
        "comparisons",
        "Nơi nhận, signature",
    ]
    ws = xb.sheet("BC 9T 2017", widths=[6, 44, 11, 14, 14, 14, 14, 10, 10, 10])
    nc = 10
    letterhead(
        xb,
        ws,
        "UBND HUYỆN CAN LỘC",
        "PHÒNG TÀI CHÍNH - KẾ HOẠCH",
        nc,
        split=3,
        so="Số: 185/BC-TCKH",
        place_date="Can Lộc, ngày 26 tháng 9 năm 2017",
    )
    title(xb, ws, 5, "BÁO CÁO KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU", nc)
    title(xb, ws, 6, "9 THÁNG ĐẦU NĂM VÀ ƯỚC THỰC HIỆN CẢ NĂM 2017", nc)
    hdr(xb, ws, 8, 1, "TT", 9, 1)
    hdr(xb, ws, 8, 2, "Chỉ tiêu", 9, 2)
    hdr(xb, ws, 8, 3, "ĐVT", 9, 3)
    hdr(xb, ws, 8, 4, "Kế hoạch năm 2017 (NQ 45/NQ-HĐND)", 9, 4)
    hdr(xb, ws, 8, 5, "Thực hiện 9 tháng năm 2016", 9, 5)
    hdr(xb, ws, 8, 6, "Năm 2017", 8, 7)
    hdr(xb, ws, 9, 6, "Thực hiện 9 tháng")
    hdr(xb, ws, 9, 7, "Ước cả năm")
    hdr(xb, ws, 8, 8, "So sánh (%)", 8, 10)
    hdr(xb, ws, 9, 8, "TH 9T/KH")
    hdr(xb, ws, 9, 9, "TH 9T/CK")
    hdr(xb, ws, 9, 10, "Ước năm/KH")
    for k, t in enumerate(["A", "B", "C", "1", "2", "3", "4", "5=3/1", "6=3/2", "7=4/1"], start=1):
        xb.put(ws, 10, k, t, i=True, h="center", box=True, size=10)
    cols = [
        dict(col=4, obs=(2017, 1, 12, "target", "hdnd_giao")),
        dict(col=5, obs=(2016, 1, 9, "actual", "")),
        dict(col=6, obs=(2017, 1, 9, "actual", "")),
        dict(col=7, obs=(2017, 1, 12, "estimate", "")),
    ]
    rows = [
        R("I", "CÁC CHỈ TIÊU KINH TẾ", section=True, bold=True),
        R(
            "1",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            ["5650", "3812.4", "4126.8", "5702.3"],
            bold=True,
        ),
        R("", "Chia ra:", italic=True),
        R(
            "1.1",
            "Nông, lâm, thủy sản",
            "Tỷ đồng",
            "gtsx_nong_nghiep",
            ["1420", "985.6", "1012.4", "1418.5"],
        ),
        R(
            "1.2",
            "Công nghiệp - TTCN",
            "Tỷ đồng",
            "gtsx_cn_ttcn",
            ["1150", "742.3", "816.9", "1168.2"],
        ),
        R("1.3", "Xây dựng", "Tỷ đồng", "gtsx_xay_dung", ["1480", "1002.7", "1090.5", "1495.6"]),
        R(
            "1.4",
            "Thương mại - Dịch vụ",
            "Tỷ đồng",
            "gtsx_tm_dv",
            ["1600", "1081.8", "1207", "1620"],
        ),
        R(
            "2",
            "Tốc độ tăng trưởng giá trị sản xuất",
            "%",
            "tang_truong_gtsx",
            ["10.5", "9.8", "8.25", "9.1"],
            cmp=False,
        ),
        R("3", "Sản xuất nông nghiệp", bold=True),
        R(
            "a)",
            "Diện tích lúa cả năm",
            "ha",
            "dien_tich_lua",
            ["11500", "11420", "11386", "11386"],
        ),
        R(
            "b)",
            "Năng suất lúa bình quân",
            "Tạ/ha",
            "nang_suat_lua",
            ["52", "50.8", "53.6", "53.6"],
        ),
        R(
            "c)",
            "Sản lượng lương thực có hạt",
            "Tấn",
            "san_luong_luong_thuc",
            ["60000", "58120", "61345", "61345"],
        ),
        R("d)", "Tổng đàn lợn", "Con", "tong_dan_lon", ["60000", "55230", "57840", "58500"]),
        R("e)", "Tổng đàn bò", "Con", "tong_dan_bo", ["22000", "21150", "21860", "22100"]),
        R(
            "4",
            "Thu ngân sách trên địa bàn",
            "Triệu đồng",
            "thu_ngan_sach",
            ["185000", "132456", "158732", "201500"],
            bold=True,
        ),
        R("", "Trong đó:", italic=True),
        R(
            "-",
            "Thu tiền sử dụng đất",
            "Triệu đồng",
            "thu_tien_sdd",
            ["80000", "51230", "68905", "95000"],
        ),
        R(
            "5",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            ["2300", "1540.5", "1712.6", "2350"],
            bold=True,
        ),
        R(
            "6",
            "Số xã đạt chuẩn nông thôn mới (lũy kế)",
            "Xã",
            "so_xa_ntm",
            ["20", "14", "17", "20"],
            bold=True,
        ),
        R("II", "CÁC CHỈ TIÊU VĂN HÓA - XÃ HỘI", section=True, bold=True),
        R(
            "7",
            "Giải quyết việc làm mới",
            "Người",
            "viec_lam_moi",
            ["2800", "1965", "2134", "2900"],
            bold=True,
        ),
        R(
            "",
            "Trong đó: Xuất khẩu lao động",
            "Người",
            "UNKNOWN",
            ["1300", "985", "1102", "1450"],
            italic=True,
            unknown_name="Xuất khẩu lao động",
        ),
        R(
            "8",
            "Tỷ lệ hộ nghèo",
            "%",
            "ty_le_ho_ngheo",
            ["5.2", "-", "-", "5.05"],
            cmp=False,
            bold=True,
        ),
        R(
            "9",
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "%",
            "bhyt_bao_phu",
            ["85", "81.2", "84.6", "86.1"],
            bold=True,
        ),
        R(
            "10",
            "Tỷ lệ lao động qua đào tạo",
            "%",
            "lao_dong_qua_dao_tao",
            ["62", "-", "-", "62.3"],
            bold=True,
        ),
        R(
            "11",
            "Số trường đạt chuẩn quốc gia (lũy kế)",
            "Trường",
            "truong_chuan_quoc_gia",
            ["52", "46", "49", "52"],
            bold=True,
        ),
    ]
    r = indicator_rows(
        xb,
        ws,
        11,
        rows,
        cols,
        unit_code=443,
        cmp_cols=[(8, ratio(2, 0)), (9, ratio(2, 1)), (10, ratio(3, 0))],
    )
    xb.put(
        ws,
        r + 1,
        1,
        "Ghi chú: - Thu ngân sách là số thu trên địa bàn huyện, không bao gồm thu bổ sung từ ngân sách cấp trên.",
        i=True,
        merge=(r + 1, nc),
    )
    xb.put(
        ws,
        r + 2,
        1,
        "            - Tỷ lệ hộ nghèo, tỷ lệ lao động qua đào tạo đánh giá vào cuối năm.",
        i=True,
        merge=(r + 2, nc),
    )
    signature(
        xb,
        ws,
        r + 4,
        7,
        [
            ("TRƯỞNG PHÒNG", True, False),
            ("(Đã ký)", False, True),
            ("", False, False),
            ("Nguyễn Văn Thanh", True, False),
        ],
        c2=10,
        left=[
            ("Nơi nhận:", True, True),
            ("- UBND huyện (b/c);", False, False),
            ("- Chi cục Thống kê huyện;", False, False),
            ("- Lưu: VT, TCKH.", False, False),
        ],
    )
    return xb


# ----------------------------------------------------------------------------- 02
WARDS_2019 = [  # (code, name as the tax office writes it)
    ("18070", "Trần Phú"),
    ("18073", "Nam Hà"),
    ("18076", "Bắc Hà"),
    ("18077", "Nguyễn Du"),
    ("18079", "Tân Giang"),
    ("18082", "Đại Nài"),
    ("18085", "Hà Huy Tập"),
    ("18091", "Thạch Quý"),
    ("18094", "Thạch Linh"),
    ("18097", "Văn Yên"),
]
COMMUNES_2019 = [
    ("18088", "Thạch Trung"),
    ("18100", "Thạch Hạ"),
    ("18103", "Thạch Môn"),
    ("18106", "Thạch Đồng"),
    ("18109", "Thạch Hưng"),
    ("18112", "Thạch Bình"),
]


@builder
def f02_tp_thu_ns_quy_2019():
    xb = XBook(
        "tp_thu_ns_quy_2019",
        (
            "Chi cục Thuế thành phố Hà Tĩnh: budget revenue of the 16 wards and communes of 2019 by quarter, "
            '"Đơn vị tính: Triệu đồng". A "Mã ĐVHC" column carries the GSO codes; names are written bare '
            '("Trần Phú", "Thạch Môn") under section rows "Khối phường" / "Khối xã", which are subtotals '
            'holding values (not units: no observations). The city total "TỔNG CỘNG" comes first (code 436). '
            'Column groups: the plan named after the issuing decision ("Dự toán giao theo QĐ 5960/QĐ-UBND ngày '
            '20/12/2018", a 2019 target although the decision date says 2018), then Quý I … Quý IV (year only '
            'in the title), each split into "Tổng thu" and "Trong đó: Tiền SDĐ", then "Cộng cả năm" and '
            '"% so DT" (derived, not observations). Phường Nguyễn Du has a negative land-use revenue in Quý I '
            "(refund), explained in a footnote."
        ),
    )
    xb.conventions = [
        "ward code column",
        "quarter column groups",
        "plan named after QĐ",
        "Trong đó sub-columns",
        "Khối subtotals",
        "total first",
        "negative value",
        "Cộng column not an observation",
    ]
    rng = random.Random(2019)
    ws = xb.sheet("Thu NS quy 2019", widths=[5, 9, 16] + [11] * 12 + [8])
    nc = 16
    letterhead(
        xb,
        ws,
        "CỤC THUẾ TỈNH HÀ TĨNH",
        "CHI CỤC THUẾ TP HÀ TĨNH",
        nc,
        split=4,
        place_date="Hà Tĩnh, ngày 10 tháng 01 năm 2020",
    )
    title(
        xb,
        ws,
        4,
        "KẾT QUẢ THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN CÁC PHƯỜNG, XÃ THEO QUÝ NĂM 2019",
        nc,
    )
    xb.put(ws, 5, 12, "Đơn vị tính: Triệu đồng", i=True, merge=(5, nc), h="right")
    hdr(xb, ws, 7, 1, "TT", 8, 1)
    hdr(xb, ws, 7, 2, "Mã ĐVHC", 8, 2)
    hdr(xb, ws, 7, 3, "Đơn vị", 8, 3)
    groups = [
        "Dự toán giao theo QĐ 5960/QĐ-UBND ngày 20/12/2018",
        "Quý I",
        "Quý II",
        "Quý III",
        "Quý IV",
        "Cộng cả năm",
    ]
    for g, name in enumerate(groups):
        c = 4 + 2 * g
        hdr(xb, ws, 7, c, name, 7, c + 1)
        hdr(xb, ws, 8, c, "Tổng thu")
        hdr(xb, ws, 8, c + 1, "Trong đó: Tiền SDĐ")
    hdr(xb, ws, 7, 16, "% so DT", 8, 16)
    for k in range(1, nc + 1):
        xb.put(ws, 9, k, f"({k})", i=True, size=10, h="center", box=True)
    # data in tenths of a million
    data = {}
    for code, _ in WARDS_2019 + COMMUNES_2019:
        is_xa = code in dict(COMMUNES_2019)
        tot = rng.randint(40000, 120000) if is_xa else rng.randint(45000, 330000)
        sdd = int(tot * rng.uniform(0.30, 0.55))
        shares = [0.19, 0.24, 0.22, 0.35]
        fac = rng.uniform(0.82, 1.12)
        qt = [int(tot * s * fac * rng.uniform(0.85, 1.15)) for s in shares]
        qs = [
            int(min(qt[i] * 0.8, sdd * s * fac * rng.uniform(0.6, 1.4)))
            for i, s in enumerate(shares)
        ]
        if code == "18077":
            qs[0] = -2156
        data[code] = dict(dt=tot, dts=sdd, qt=qt, qs=qs)

    def write_row(r, stt, code, name, vals, ucode=None, bold=False):
        xb.put(ws, r, 1, stt, h="center", box=True, b=bold)
        xb.put(ws, r, 2, code, h="center", box=True, b=bold)
        xb.put(ws, r, 3, name, box=True, b=bold)
        cells = [vals["dt"], vals["dts"]]
        for i in range(4):
            cells += [vals["qt"][i], vals["qs"][i]]
        cells += [sum(vals["qt"]), sum(vals["qs"])]
        specs = [("thu_ngan_sach", 1, 12, "target"), ("thu_tien_sdd", 1, 12, "target")]
        for i, (mf, mt) in enumerate([(1, 3), (4, 6), (7, 9), (10, 12)]):
            specs += [("thu_ngan_sach", mf, mt, "actual"), ("thu_tien_sdd", mf, mt, "actual")]
        specs += [None, None]
        for k, (tenths, spec) in enumerate(zip(cells, specs)):
            v = D(tenths) / 10
            obs = None
            if spec and ucode:
                obs = (spec[0], ucode, 2019, spec[1], spec[2], spec[3], "", "Triệu đồng")
            xb.num(ws, r, 4 + k, v, places=1, obs=obs, b=bold)
        xb.num(ws, r, 16, pct(sum(vals["qt"]), vals["dt"]), places=1, b=bold)

    def total(codes):
        t = dict(dt=0, dts=0, qt=[0] * 4, qs=[0] * 4)
        for c in codes:
            t["dt"] += data[c]["dt"]
            t["dts"] += data[c]["dts"]
            t["qt"] = [a + b for a, b in zip(t["qt"], data[c]["qt"])]
            t["qs"] = [a + b for a, b in zip(t["qs"], data[c]["qs"])]
        return t

    allc = [c for c, _ in WARDS_2019 + COMMUNES_2019]
    write_row(10, "", "436", "TỔNG CỘNG", total(allc), ucode=436, bold=True)
    write_row(11, "I", "", "Khối phường", total([c for c, _ in WARDS_2019]), bold=True)
    r = 12
    for k, (code, name) in enumerate(WARDS_2019, start=1):
        write_row(
            r, str(k), code, name + (" (*)" if code == "18077" else ""), data[code], ucode=code
        )
        r += 1
    write_row(r, "II", "", "Khối xã", total([c for c, _ in COMMUNES_2019]), bold=True)
    r += 1
    for k, (code, name) in enumerate(COMMUNES_2019, start=1):
        write_row(r, str(k), code, name, data[code], ucode=code)
        r += 1
    xb.put(
        ws,
        r + 1,
        1,
        "(*) Quý I/2019 Phường Nguyễn Du hoàn trả tiền sử dụng đất nộp thừa năm 2018 (215,6 triệu đồng) theo đề nghị của Văn phòng ĐKĐĐ.",
        i=True,
        merge=(r + 1, nc),
    )
    signature(
        xb,
        ws,
        r + 3,
        12,
        [
            ("CHI CỤC TRƯỞNG", True, False),
            ("", False, False),
            ("", False, False),
            ("Lê Văn Hải", True, False),
        ],
        c2=16,
        left=[("NGƯỜI LẬP BIỂU", True, False)],
    )
    return xb


# ----------------------------------------------------------------------------- 03
NTM_GROUPS_2021 = [
    ("Quy hoạch", 1, 1),
    ("Hạ tầng kinh tế - xã hội", 2, 9),
    ("Kinh tế và tổ chức sản xuất", 10, 13),
    ("Văn hóa - xã hội - môi trường", 14, 17),
    ("Hệ thống chính trị", 18, 19),
    ("Tiêu chí đặc thù của tỉnh", 20, 20),
]
THACHHA_11 = [
    ("18571", "Xã Thạch Hải"),
    ("18595", "Xã Đỉnh Bàn"),
    ("18604", "Xã Thạch Khê"),
    ("18619", "Xã Thạch Trị"),
    ("18622", "Xã Thạch Lạc"),
    ("18628", "Xã Tượng Sơn"),
    ("18631", "Xã Thạch Văn"),
    ("18637", "Xã Thạch Thắng"),
    ("18643", "Xã Thạch Đài"),
    ("18649", "Xã Thạch Hội"),
    ("18652", "Xã Tân Lâm Hương"),
]


@builder
def f03_thachha_ntm_2024():
    xb = XBook(
        "thachha_ntm_2024",
        (
            "Văn phòng điều phối NTM huyện Thạch Hà, 2024: the 11 communes being moved into TP Hà Tĩnh × the 20 "
            "criteria of the 2021–2025 Hà Tĩnh set (19 national + criterion 20). Three header rows: a merged "
            '"Tiêu chí …" banner, the five groups plus "Tiêu chí đặc thù của tỉnh" merged over their '
            'criteria, then "TC1" … "TC20". Cells hold "Đ" / "CĐ" explained by a legend under the table '
            '("Đ - Đạt; CĐ - Chưa đạt"); "Số tiêu chí đạt" is a check column; the recognition year is only '
            'text in "Ghi chú". No total row (a subset of the district).'
        ),
    )
    xb.conventions = [
        "NTM matrix, 20 criteria",
        "grouped 3-row header",
        "Đ/CĐ legend",
        "count column",
    ]
    rng = random.Random(2024)
    ws = xb.sheet("NTM 2024", widths=[5, 18] + [5] * 20 + [8, 26])
    nc = 24
    letterhead(
        xb,
        ws,
        "UBND HUYỆN THẠCH HÀ",
        "VĂN PHÒNG ĐIỀU PHỐI NTM",
        nc,
        split=4,
        so="Số: 96/BC-VPĐP",
        place_date="Thạch Hà, ngày 02 tháng 12 năm 2024",
    )
    title(xb, ws, 5, "BIỂU TỔNG HỢP MỨC ĐỘ ĐẠT CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2024", nc)
    title(
        xb,
        ws,
        6,
        "(Các xã thuộc diện sắp xếp, nhập vào thành phố Hà Tĩnh theo Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024)",
        nc,
        b=False,
        i=True,
        size=12,
    )
    hdr(xb, ws, 8, 1, "TT", 10, 1)
    hdr(xb, ws, 8, 2, "Tên xã", 10, 2)
    hdr(xb, ws, 8, 3, "Tiêu chí theo Bộ tiêu chí xã NTM tỉnh Hà Tĩnh giai đoạn 2022 - 2025", 8, 22)
    for name, a, b in NTM_GROUPS_2021:
        hdr(xb, ws, 9, 2 + a, name, 9, 2 + b)
    for k in range(1, 21):
        hdr(xb, ws, 10, 2 + k, f"TC{k}")
    hdr(xb, ws, 8, 23, "Số tiêu chí đạt", 10, 23)
    hdr(xb, ws, 8, 24, "Ghi chú", 10, 24)
    years = [2015, 2016, 2017, 2017, 2018, 2016, 2019, 2018, 2017, 2019, 2020]
    r = 11
    for k, (code, name) in enumerate(THACHHA_11, start=1):
        xb.put(ws, r, 1, str(k), h="center", box=True)
        xb.put(ws, r, 2, name, box=True)
        weak = rng.sample([2, 5, 13, 17, 20, 10, 3, 14], k=rng.choice([0, 0, 1, 1, 2, 3]))
        n = 0
        for tc in range(1, 21):
            ok = tc not in weak
            n += ok
            xb.put(ws, r, 2 + tc, "Đ" if ok else "CĐ", h="center", box=True)
            xb.add_obs(
                (ws.title, r, 2 + tc),
                "mark",
                f"ntm_tc{tc:02d}",
                code,
                2024,
                1,
                12,
                "actual",
                "",
                1 if ok else 0,
                "Đạt/Không",
            )
        xb.put(ws, r, 23, n, h="center", box=True)
        xb.put(
            ws,
            r,
            24,
            f"Đạt chuẩn NTM năm {years[k - 1]}"
            + ("; đang củng cố TC " + ", ".join(str(w) for w in sorted(weak)) if weak else ""),
            box=True,
            wrap=True,
        )
        r += 1
    xb.put(ws, r + 1, 1, "Ghi chú: Đ - Đạt; CĐ - Chưa đạt", i=True, merge=(r + 1, 10))
    signature(
        xb,
        ws,
        r + 3,
        17,
        [
            ("CHÁNH VĂN PHÒNG", True, False),
            ("", False, False),
            ("", False, False),
            ("Phan Văn Tường", True, False),
        ],
        c2=24,
        left=[
            ("Nơi nhận:", True, True),
            ("- BCĐ huyện (b/c);", False, False),
            ("- Lưu: VPĐP.", False, False),
        ],
    )
    return xb


# ----------------------------------------------------------------------------- 04
@builder
def f04_ctk_tinh_t10_2019():
    xb = XBook(
        "ctk_tinh_t10_2019",
        (
            "Cục Thống kê tỉnh Hà Tĩnh, monthly report for October 2019 (province). No STT column: items are "
            'numbered in the label ("1. Tổng mức bán lẻ …") and the sub-item is indented ("   Trong đó: Thu '
            'tiền sử dụng đất"). Columns: "Thực hiện tháng 9/2019" (actual 9–9), "Ước tính tháng 10/2019" '
            '(estimate 10–10), "Ước tính 10 tháng năm 2019" (estimate 1–10) and two "so với cùng kỳ (%)" '
            'columns (derived). A second, smaller table below on the same sheet ("MỘT SỐ CHỈ TIÊU XÃ HỘI") has '
            'its own header: "Ước tháng 10/2019", "Ước 10 tháng năm 2019", "Thực hiện 10 tháng năm 2018" '
            '(actual 2018 1–10) and a % column; its sub-item "Trong đó: Đi làm việc ở nước ngoài theo hợp '
            'đồng" is not in the catalog.'
        ),
    )
    xb.conventions = [
        "month + lũy kế columns",
        "second table below",
        "labels numbered, no STT",
        "same period last year as its own column",
    ]
    ws = xb.sheet("T10-2019", widths=[52, 13, 14, 14, 16, 14, 14], landscape=False)
    nc = 7
    letterhead(
        xb,
        ws,
        "TỔNG CỤC THỐNG KÊ",
        "CỤC THỐNG KÊ TỈNH HÀ TĨNH",
        nc,
        split=2,
        place_date="Hà Tĩnh, ngày 28 tháng 10 năm 2019",
    )
    title(xb, ws, 5, "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU THÁNG 10 VÀ 10 THÁNG NĂM 2019", nc)
    title(
        xb, ws, 6, "(Kèm theo Báo cáo số 258/BC-CTK ngày 28/10/2019)", nc, b=False, i=True, size=12
    )
    heads = [
        "Chỉ tiêu",
        "Đơn vị tính",
        "Thực hiện tháng 9/2019",
        "Ước tính tháng 10/2019",
        "Ước tính 10 tháng năm 2019",
        "Tháng 10/2019 so với cùng kỳ năm trước (%)",
        "10 tháng 2019 so với cùng kỳ năm trước (%)",
    ]
    for k, t in enumerate(heads, start=1):
        hdr(xb, ws, 8, k, t)
    P = 42
    rows1 = [
        (
            "1. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
            "Tỷ đồng",
            "ban_le_dich_vu",
            ["3085.6", "3142.8", "30214.5", "111.6", "112.3"],
        ),
        (
            "2. Thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            ["1012.3", "985", "10456.8", "98.2", "108.5"],
        ),
        (
            "     Trong đó: Thu tiền sử dụng đất",
            "Tỷ đồng",
            "thu_tien_sdd",
            ["85.2", "90", "1020.4", "75.3", "96.4"],
        ),
        (
            "3. Số doanh nghiệp đăng ký thành lập mới",
            "Doanh nghiệp",
            "doanh_nghiep_moi",
            ["52", "60", "668", "105.3", "109.2"],
        ),
    ]
    specs1 = [
        (2019, 9, 9, "actual"),
        (2019, 10, 10, "estimate"),
        (2019, 1, 10, "estimate"),
        None,
        None,
    ]
    r = 9
    for label, dvt, ind, vals in rows1:
        xb.put(ws, r, 1, label, box=True, wrap=True, b=not label.startswith(" "))
        xb.put(ws, r, 2, dvt, h="center", box=True)
        for k, (v, sp) in enumerate(zip(vals, specs1)):
            obs = (ind, P, sp[0], sp[1], sp[2], sp[3], "", dvt) if sp else None
            xb.num(
                ws,
                r,
                3 + k,
                v,
                places=1 if "." in v or sp is None or dvt == "Tỷ đồng" else 0,
                obs=obs,
            )
        r += 1
    r += 1
    xb.put(ws, r, 1, "MỘT SỐ CHỈ TIÊU XÃ HỘI", b=True, merge=(r, nc), h="left")
    r += 1
    heads2 = [
        "Chỉ tiêu",
        "Đơn vị tính",
        "Ước tháng 10/2019",
        "Ước 10 tháng năm 2019",
        "Thực hiện 10 tháng năm 2018",
        "10 tháng 2019 so với cùng kỳ (%)",
    ]
    for k, t in enumerate(heads2, start=1):
        hdr(xb, ws, r, k, t)
    r += 1
    rows2 = [
        (
            "1. Số lao động được giải quyết việc làm",
            "Người",
            "viec_lam_moi",
            ["1850", "19640", "18920"],
        ),
        (
            "     Trong đó: Đi làm việc ở nước ngoài theo hợp đồng",
            "Người",
            "UNKNOWN",
            ["780", "9120", "8450"],
        ),
        ("2. Số vụ tai nạn giao thông", "Vụ", "tai_nan_giao_thong", ["12", "98", "105"]),
    ]
    specs2 = [(2019, 10, 10, "estimate"), (2019, 1, 10, "estimate"), (2018, 1, 10, "actual")]
    for label, dvt, ind, vals in rows2:
        xb.put(ws, r, 1, label, box=True, wrap=True, b=not label.startswith(" "))
        xb.put(ws, r, 2, dvt, h="center", box=True)
        for k, (v, sp) in enumerate(zip(vals, specs2)):
            obs = (ind, P, sp[0], sp[1], sp[2], sp[3], "", dvt) if ind != "UNKNOWN" else None
            xb.num(ws, r, 3 + k, v, obs=obs)
        xb.num(ws, r, 6, pct(vals[1], vals[2]), places=1)
        if ind == "UNKNOWN":
            xb.unknown.append("Đi làm việc ở nước ngoài theo hợp đồng")
        r += 1
    xb.put(
        ws,
        r + 1,
        1,
        "Ghi chú: Số liệu thu ngân sách do Sở Tài chính cung cấp; tai nạn giao thông tính từ 15/9 đến 14/10/2019.",
        i=True,
        merge=(r + 1, nc),
    )
    signature(
        xb,
        ws,
        r + 3,
        5,
        [
            ("KT. CỤC TRƯỞNG", True, False),
            ("PHÓ CỤC TRƯỞNG", True, False),
            ("", False, False),
            ("Võ Thị Minh Hằng", True, False),
        ],
        c2=7,
        left=[("NGƯỜI LẬP BIỂU", True, False)],
    )
    return xb


# ----------------------------------------------------------------------------- 05
@builder
def f05_export_ns_dn_10t_2021():
    cb = CBook(
        "export_ns_dn_10t_2021",
        (
            "Long CSV exported by a reporting software (UTF-8 without BOM, comma-separated, every field quoted, "
            "LF line ends), November 2021. One row per unit × software indicator code × period × kind: "
            '"KY_BAO_CAO" is "Năm", "Tháng 10" or "Lũy kế 10 tháng" with the year in "NAM"; '
            '"LOAI_SO_LIEU" is "Kế hoạch" or "Thực hiện" (the 2020 rows are the same period last year). '
            'Values are English-locale with two decimals and thousands commas ("12,850.00", "-1.25"); Huyện Lộc '
            "Hà has a negative October land-use revenue. Units are the province, TP Hà Tĩnh and four districts "
            "(names plus GSO codes). The software's own indicator codes (NS01, NS01.12, DN01, DN03) are not "
            'catalog codes; DN03 "Số hộ kinh doanh cá thể đăng ký mới" is not in the catalog.'
        ),
        encoding="utf-8",
        delimiter=",",
        newline="\n",
        quote_all=True,
    )
    cb.conventions = [
        "long CSV export",
        "English-locale numbers",
        "negative value",
        "software codes",
    ]
    cb.row(
        [
            "MA_DVHC",
            "TEN_DVHC",
            "MA_CHI_TIEU",
            "TEN_CHI_TIEU",
            "KY_BAO_CAO",
            "NAM",
            "LOAI_SO_LIEU",
            "GIA_TRI",
            "DON_VI_TINH",
            "NGAY_CAP_NHAT",
        ]
    )
    units = [
        ("42", "Tỉnh Hà Tĩnh"),
        ("436", "Thành phố Hà Tĩnh"),
        ("443", "Huyện Can Lộc"),
        ("445", "Huyện Thạch Hà"),
        ("446", "Huyện Cẩm Xuyên"),
        ("448", "Huyện Lộc Hà"),
    ]
    # unit -> {ind: (KH 2021, T10/2021, LK10/2021, LK10/2020)}
    vals = {
        "42": dict(
            ns=("12850", "1325.46", "13420.55", "11236.8"),
            sdd=("2500", "210.35", "2980.12", "2350.6"),
            dn=("1100", None, "892", "905"),
            hkd="2450",
        ),
        "436": dict(
            ns=("1025", "88.45", "905.32", "812.4"),
            sdd=("450", "35.2", "398.65", "352.1"),
            dn=("320", None, "268", "275"),
            hkd="610",
        ),
        "443": dict(
            ns=("255", "21.63", "238.9", "205.35"),
            sdd=("120", "8.4", "118.25", "96.3"),
            dn=("60", None, "48", "45"),
            hkd="180",
        ),
        "445": dict(
            ns=("430", "32.18", "365.47", "342.9"),
            sdd=("220", "12.5", "178.6", "165.2"),
            dn=("85", None, "71", "66"),
            hkd="240",
        ),
        "446": dict(
            ns=("390", "28.9", "351.2", "318.75"),
            sdd=("190", "10.25", "160.4", "150.35"),
            dn=("80", None, "64", "70"),
            hkd="215",
        ),
        "448": dict(
            ns=("160", "9.85", "132.6", "121.45"),
            sdd=("85", "-1.25", "52.3", "48.9"),
            dn=("40", None, "27", "31"),
            hkd="96",
        ),
    }
    inds = [
        ("ns", "NS01", "Tổng thu NSNN trên địa bàn", "thu_ngan_sach", "Tỷ đồng"),
        ("sdd", "NS01.12", "Thu tiền sử dụng đất", "thu_tien_sdd", "Tỷ đồng"),
        ("dn", "DN01", "Số doanh nghiệp thành lập mới", "doanh_nghiep_moi", "Doanh nghiệp"),
    ]
    periods = [
        ("Năm", 2021, "Kế hoạch", 1, 12, "target"),
        ("Tháng 10", 2021, "Thực hiện", 10, 10, "actual"),
        ("Lũy kế 10 tháng", 2021, "Thực hiện", 1, 10, "actual"),
        ("Lũy kế 10 tháng", 2020, "Thực hiện", 1, 10, "actual"),
    ]
    stamp = "05/11/2021 14:32"
    for ucode, uname in units:
        for key, scode, sname, ind, dvt in inds:
            for (ky, nam, loai, mf, mt, kind), v in zip(periods, vals[ucode][key]):
                if v is None:
                    continue
                ln = cb.row([ucode, uname, scode, sname, ky, nam, loai, en2(v), dvt, stamp])
                cb.obs_at(ln, 7, "en", ind, ucode, nam, mf, mt, kind, "", dvt)
        cb.row(
            [
                ucode,
                uname,
                "DN03",
                "Số hộ kinh doanh cá thể đăng ký mới",
                "Lũy kế 10 tháng",
                2021,
                "Thực hiện",
                en2(vals[ucode]["hkd"]),
                "Hộ",
                stamp,
            ]
        )
    cb.unknown.append("Số hộ kinh doanh cá thể đăng ký mới")
    return cb


# ----------------------------------------------------------------------------- 06
@builder
def f06_camvinh_6t_2018():
    cb = CBook(
        "camvinh_6t_2018",
        (
            "UBND xã Cẩm Vĩnh (huyện Cẩm Xuyên), 6 tháng đầu năm 2018, saved from Excel on Vietnamese Windows as "
            '"CSV": Windows-1258 with combining tone marks (a letter the code page lacks precomposed is written '
            'as base letter, with its circumflex/breve/horn, plus a combining tone mark), ";" separator, CRLF, '
            'Vietnamese number text ("4.850.000", "86,35"). The letterhead, title and "Kèm theo Báo cáo …" '
            'lines come first, padded with empty fields. Budget in "Nghìn đồng". Columns: "Kế hoạch năm 2018" '
            '(target), "Thực hiện 6 tháng năm 2018" (actual 1–6), "Cùng kỳ năm 2017" (actual 2017 1–6), '
            '"So KH (%)", "So CK (%)". The "Trong đó: Xuất khẩu lao động" sub-row is not in the catalog; '
            "the poverty rate has only a plan. The signature block sits in the value columns."
        ),
        encoding="cp1258",
        delimiter=";",
        newline="\r\n",
    )
    cb.conventions = [
        "Windows-1258 + combining marks",
        "; separator, vi numbers",
        "nghìn đồng",
        "letterhead in CSV",
        "signature in value columns",
    ]
    W = 8
    pad = lambda *f: list(f) + [""] * (W - len(f))
    cb.row(pad("UBND HUYỆN CẨM XUYÊN", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    cb.row(pad("UBND XÃ CẨM VĨNH", "", "", "", "Độc lập - Tự do - Hạnh phúc"))
    cb.row(pad())
    cb.row(
        pad("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2018")
    )
    cb.row(pad("(Kèm theo Báo cáo số 42/BC-UBND ngày 18/6/2018 của UBND xã)"))
    cb.row(pad())
    cb.row(
        [
            "TT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch năm 2018",
            "Thực hiện 6 tháng năm 2018",
            "Cùng kỳ năm 2017",
            "So KH (%)",
            "So CK (%)",
        ]
    )
    U = "18691"
    rows = [
        (
            "1",
            "Tổng thu ngân sách trên địa bàn",
            "Nghìn đồng",
            "thu_ngan_sach",
            ["4850000", "2316450", "2105300"],
        ),
        (
            "",
            "Trong đó: Thu tiền sử dụng đất",
            "Nghìn đồng",
            "thu_tien_sdd",
            ["2500000", "1120000", "980500"],
        ),
        ("2", "Tổng diện tích gieo trồng", "ha", "dien_tich_gieo_trong", ["620", "318.5", "322"]),
        ("3", "Sản lượng lương thực", "Tấn", "san_luong_luong_thuc", ["2950", "1520.4", "1498"]),
        ("4", "Tổng đàn lợn", "Con", "tong_dan_lon", ["1800", "1650", "1720"]),
        ("5", "Giải quyết việc làm mới", "Người", "viec_lam_moi", ["120", "68", "61"]),
        ("", "Trong đó: Xuất khẩu lao động", "Người", "UNKNOWN", ["45", "27", "22"]),
        ("6", "Tỷ lệ tham gia BHYT", "%", "bhyt_bao_phu", ["88", "86.35", "83.1"]),
        ("7", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", ["3.5", "-", "-"]),
    ]
    specs = [(2018, 1, 12, "target"), (2018, 1, 6, "actual"), (2017, 1, 6, "actual")]
    for stt, label, dvt, ind, v in rows:
        cells = [vi(x) if isnum(x) else x for x in v]
        so_kh = vi(pct(v[1], v[0])) if isnum(v[1]) else ""
        so_ck = vi(pct(v[1], v[2])) if isnum(v[1]) and isnum(v[2]) else ""
        ln = cb.row([stt, label, dvt] + cells + [so_kh, so_ck])
        if ind == "UNKNOWN":
            cb.unknown.append("Xuất khẩu lao động")
            continue
        for k, sp in enumerate(specs):
            if isnum(v[k]):
                cb.obs_at(ln, 3 + k, "vi", ind, U, sp[0], sp[1], sp[2], sp[3], "", dvt)
    cb.row(pad())
    cb.row(pad("", "", "", "", "", "Cẩm Vĩnh, ngày 18 tháng 6 năm 2018"))
    cb.row(pad("NGƯỜI LẬP BIỂU", "", "", "", "", "TM. ỦY BAN NHÂN DÂN"))
    cb.row(pad("", "", "", "", "", "CHỦ TỊCH"))
    cb.row(pad())
    cb.row(pad("Nguyễn Thị Lan", "", "", "", "", "Trần Văn Bình"))
    return cb


# ----------------------------------------------------------------------------- 07
TP_2021 = [
    ("18070", "Phường Trần Phú"),
    ("18073", "Phường Nam Hà"),
    ("18076", "Phường Bắc Hà"),
    ("18077", "Phường Nguyễn Du"),
    ("18079", "Phường Tân Giang"),
    ("18082", "Phường Đại Nài"),
    ("18085", "Phường Hà Huy Tập"),
    ("18091", "Phường Thạch Quý"),
    ("18094", "Phường Thạch Linh"),
    ("18097", "Phường Văn Yên"),
]
TPX_2021 = [
    ("18088", "Xã Thạch Trung"),
    ("18100", "Xã Thạch Hạ"),
    ("18103", "Xã Đồng Môn"),
    ("18109", "Xã Thạch Hưng"),
    ("18112", "Xã Thạch Bình"),
]


@builder
def f07_tp_ho_ngheo_2021_nfd():
    xb = XBook(
        "tp_ho_ngheo_2021_nfd",
        (
            "Phòng LĐ-TB&XH thành phố Hà Tĩnh, result of the end-of-2021 poor/near-poor household review, typed "
            "on a Mac: every text cell (letterhead, title, headers, unit names, notes) is in Unicode NFD "
            '(decomposed). The city total "Toàn thành phố" comes first, then "I. Các phường" / "II. Các xã" '
            'section rows. Header: "Tổng số hộ dân cư", then "Hộ nghèo" over "Số hộ" and "Tỷ lệ (%)", then '
            '"Hộ cận nghèo" over "Số hộ"; the poverty rate is stored as a fraction with a 0.00% number format '
            "(0.0123 shown as 1.23%: the observation is 1.23, measure %). Numbering row (1), (2), (3)=(2)/(1). "
            'Free-text "Ghi chú" column. All observations are actual, year 2021.'
        ),
    )
    xb.conventions = ["NFD text", "fraction with % format", "total first", "sections"]
    N = lambda s: unicodedata.normalize("NFD", s)
    rng = random.Random(2021)
    ws = xb.sheet("Ho ngheo 2021", widths=[6, 24, 14, 11, 11, 11, 30], landscape=False)
    nc = 7
    letterhead(
        xb,
        ws,
        "UBND THÀNH PHỐ HÀ TĨNH",
        "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        nc,
        split=3,
        nfd=True,
        place_date="Hà Tĩnh, ngày 10 tháng 01 năm 2022",
    )
    title(xb, ws, 5, "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM 2021", nc, nfd=True)
    title(
        xb,
        ws,
        6,
        "(Kèm theo Quyết định số 102/QĐ-UBND ngày 10/01/2022 của UBND thành phố)",
        nc,
        b=False,
        i=True,
        size=12,
        nfd=True,
    )
    hdr(xb, ws, 8, 1, "TT", 9, 1, nfd=True)
    hdr(xb, ws, 8, 2, "Đơn vị", 9, 2, nfd=True)
    hdr(xb, ws, 8, 3, "Tổng số hộ dân cư", 9, 3, nfd=True)
    hdr(xb, ws, 8, 4, "Hộ nghèo", 8, 5, nfd=True)
    hdr(xb, ws, 9, 4, "Số hộ", nfd=True)
    hdr(xb, ws, 9, 5, "Tỷ lệ (%)", nfd=True)
    hdr(xb, ws, 8, 6, "Hộ cận nghèo", nfd=True)
    hdr(xb, ws, 9, 6, "Số hộ", nfd=True)
    hdr(xb, ws, 8, 7, "Ghi chú", 9, 7, nfd=True)
    for k, t in enumerate(["A", "B", "(1)", "(2)", "(3)=(2)/(1)", "(4)", "C"], start=1):
        xb.put(ws, 10, k, t, i=True, size=10, h="center", box=True)
    data = {}
    notes = {
        "18094": "Giảm 9 hộ so với đầu năm",
        "18109": "Có 3 hộ thoát nghèo bền vững",
        "18112": "Xã có tỷ lệ hộ nghèo cao nhất",
    }
    for code, _ in TP_2021 + TPX_2021:
        is_xa = code in dict(TPX_2021)
        tot = rng.randint(1150, 2400) if is_xa else rng.randint(1350, 3100)
        poor = int(tot * rng.uniform(0.008, 0.025 if is_xa else 0.014))
        if code == "18112":
            poor = int(tot * 0.031)
        near = int(tot * rng.uniform(0.009, 0.028))
        data[code] = (tot, poor, near)

    def write(r, stt, name, code, vals, bold=False, note=""):
        tot, poor, near = vals
        xb.put(ws, r, 1, N(stt), h="center", box=True, b=bold)
        xb.put(ws, r, 2, N(name), box=True, b=bold)
        rate = q(D(poor) / D(tot) * 100, 2)
        for c, v, ind, how in [
            (3, tot, "tong_so_ho", "num"),
            (4, poor, "so_ho_ngheo", "num"),
            (5, rate, "ty_le_ho_ngheo", "pct"),
            (6, near, "so_ho_can_ngheo", "num"),
        ]:
            meas = "%" if how == "pct" else "Hộ"
            xb.num(ws, r, c, v, how=how, obs=(ind, code, 2021, 1, 12, "actual", "", meas), b=bold)
        xb.put(ws, r, 7, N(note), box=True, wrap=True)

    allv = [data[c] for c, _ in TP_2021 + TPX_2021]
    tot = tuple(sum(x[i] for x in allv) for i in range(3))
    write(11, "", "Toàn thành phố", "436", tot, bold=True)
    xb.put(ws, 12, 1, "I", h="center", box=True, b=True)
    xb.put(ws, 12, 2, N("Các phường"), box=True, b=True)
    r = 13
    for k, (code, name) in enumerate(TP_2021, start=1):
        write(r, str(k), name, code, data[code], note=notes.get(code, ""))
        r += 1
    xb.put(ws, r, 1, "II", h="center", box=True, b=True)
    xb.put(ws, r, 2, N("Các xã"), box=True, b=True)
    r += 1
    for k, (code, name) in enumerate(TPX_2021, start=1):
        write(r, str(k), name, code, data[code], note=notes.get(code, ""))
        r += 1
    xb.put(
        ws,
        r + 1,
        1,
        N("Ghi chú: Rà soát theo chuẩn nghèo đa chiều quy định tại Nghị định số 07/2021/NĐ-CP."),
        i=True,
        merge=(r + 1, nc),
    )
    signature(
        xb,
        ws,
        r + 3,
        5,
        [
            (N("TRƯỞNG PHÒNG"), True, False),
            ("", False, False),
            ("", False, False),
            (N("Nguyễn Thị Thu Hà"), True, False),
        ],
        c2=7,
        left=[(N("NGƯỜI LẬP BIỂU"), True, False)],
    )
    return xb


# ----------------------------------------------------------------------------- 08
@builder
def f08_tp_thu_ns_2023():
    xb = XBook(
        "tp_thu_ns_2023",
        (
            "Phòng Tài chính - Kế hoạch thành phố Hà Tĩnh, December 2023: budget revenue and investment against "
            'two plans at once. Every number is typed as text in Vietnamese format ("1.213,45", "820,00"), '
            'as pasted from a Word report. "Đơn vị tính: tỷ đồng" line. Columns: "Thực hiện năm 2022" (actual '
            '2022), "Dự toán/Kế hoạch năm 2023" over "Tỉnh giao (QĐ 3870/QĐ-UBND)" (tinh_giao) and "HĐND TP '
            'giao (NQ 51/NQ-HĐND)" (hdnd_giao), "Thực hiện đến 30/11/2023" (actual 1–11), "Ước thực hiện năm '
            '2023" (estimate 1–12) and three ratios. "x" where the province sets no plan. A hidden sheet '
            '"Ban 27-11" keeps the earlier version of the estimate (1.110 tỷ): not observations.'
        ),
    )
    xb.conventions = [
        "numbers as text",
        "two plans (tỉnh + HĐND)",
        "period in header date",
        "hidden sheet",
    ]
    ws = xb.sheet("Thu NS 2023", widths=[6, 40, 13, 13, 13, 13, 13, 11, 11, 11])
    nc = 10
    letterhead(
        xb,
        ws,
        "UBND THÀNH PHỐ HÀ TĨNH",
        "PHÒNG TÀI CHÍNH - KẾ HOẠCH",
        nc,
        split=3,
        place_date="Hà Tĩnh, ngày 15 tháng 12 năm 2023",
    )
    title(xb, ws, 4, "THU NGÂN SÁCH NHÀ NƯỚC VÀ VỐN ĐẦU TƯ PHÁT TRIỂN NĂM 2023", nc)
    xb.put(ws, 5, 8, "Đơn vị tính: tỷ đồng", i=True, merge=(5, nc), h="right")
    hdr(xb, ws, 7, 1, "STT", 8, 1)
    hdr(xb, ws, 7, 2, "Nội dung", 8, 2)
    hdr(xb, ws, 7, 3, "Thực hiện năm 2022", 8, 3)
    hdr(xb, ws, 7, 4, "Dự toán/Kế hoạch năm 2023", 7, 5)
    hdr(xb, ws, 8, 4, "Tỉnh giao (QĐ 3870/QĐ-UBND)")
    hdr(xb, ws, 8, 5, "HĐND TP giao (NQ 51/NQ-HĐND)")
    hdr(xb, ws, 7, 6, "Thực hiện đến 30/11/2023", 8, 6)
    hdr(xb, ws, 7, 7, "Ước thực hiện năm 2023", 8, 7)
    hdr(xb, ws, 7, 8, "So sánh (%)", 7, 10)
    hdr(xb, ws, 8, 8, "Ước TH/DT tỉnh giao")
    hdr(xb, ws, 8, 9, "Ước TH/DT HĐND giao")
    hdr(xb, ws, 8, 10, "Ước TH/TH 2022")
    for k, t in enumerate(["A", "B", "1", "2", "3", "4", "5", "6=5/2", "7=5/3", "8=5/1"], start=1):
        xb.put(ws, 9, k, t, i=True, size=10, h="center", box=True)
    cols = [
        dict(col=3, obs=(2022, 1, 12, "actual", "")),
        dict(col=4, obs=(2023, 1, 12, "target", "tinh_giao")),
        dict(col=5, obs=(2023, 1, 12, "target", "hdnd_giao")),
        dict(col=6, obs=(2023, 1, 11, "actual", "")),
        dict(col=7, obs=(2023, 1, 12, "estimate", "")),
    ]
    M = "tỷ đồng"
    rows = [
        R(
            "I",
            "TỔNG THU NSNN TRÊN ĐỊA BÀN",
            "",
            "thu_ngan_sach",
            ["1052.36", "820.00", "1036.00", "1110.42", "1213.45"],
            measure=M,
            bold=True,
        ),
        R("", "Trong đó:", italic=True),
        R(
            "-",
            "Thu tiền sử dụng đất",
            "",
            "thu_tien_sdd",
            ["512.80", "330.00", "500.00", "538.65", "590.20"],
            measure=M,
        ),
        R(
            "II",
            "TỔNG VỐN ĐẦU TƯ PHÁT TRIỂN TOÀN XÃ HỘI",
            "",
            "von_dau_tu",
            ["4850.00", "x", "5500.00", "4920.30", "5620.00"],
            measure=M,
            bold=True,
        ),
    ]
    for row in rows:
        row["places"] = 2
    indicator_rows(
        xb,
        ws,
        10,
        rows,
        cols,
        unit_code=436,
        how="text",
        cmp_cols=[(8, ratio(4, 1)), (9, ratio(4, 2)), (10, ratio(4, 0))],
    )
    xb.put(
        ws,
        15,
        1,
        "Ghi chú: Số ước thực hiện năm cập nhật đến ngày 15/12/2023, thay thế số liệu tại Báo cáo ngày 27/11/2023.",
        i=True,
        merge=(15, nc),
    )
    signature(
        xb,
        ws,
        17,
        7,
        [
            ("TRƯỞNG PHÒNG", True, False),
            ("", False, False),
            ("", False, False),
            ("Hoàng Minh Đức", True, False),
        ],
        c2=10,
    )
    # hidden sheet with the superseded version
    hs = xb.sheet("Ban 27-11", state="hidden", widths=[6, 40, 13, 13])
    xb.put(hs, 1, 1, "Số liệu báo cáo ngày 27/11/2023 (đã thay thế)", b=True, merge=(1, 4))
    for k, t in enumerate(["STT", "Nội dung", "Ước thực hiện năm 2023", "Ghi chú"], start=1):
        hdr(xb, hs, 3, k, t)
    xb.put(hs, 4, 1, "I", box=True)
    xb.put(hs, 4, 2, "TỔNG THU NSNN TRÊN ĐỊA BÀN", box=True)
    xb.put(hs, 4, 3, "1.110,00", box=True, h="right")
    xb.put(hs, 5, 1, "-", box=True)
    xb.put(hs, 5, 2, "Thu tiền sử dụng đất", box=True)
    xb.put(hs, 5, 3, "540,00", box=True, h="right")
    return xb


# ----------------------------------------------------------------------------- 09
@builder
def f09_camxuyen_9t_2022():
    xb = XBook(
        "camxuyen_9t_2022",
        (
            "Phòng Tài chính - Kế hoạch huyện Cẩm Xuyên, early October 2022. The period is only in the "
            'sub-title "(Số liệu đến ngày 30/9/2022)": the columns are just "Kế hoạch năm" (target 2022 1–12) '
            'and "Thực hiện" (actual 2022 1–9), then "Tỷ lệ TH/KH (%)" and "Ghi chú". Sub-items are in the '
            'same cell as "Trong đó: …" in lower case. Two non-catalog rows hold values: "Tỷ lệ giải ngân vốn '
            'đầu tư công" and "Trong đó: xuất khẩu lao động". The poverty rate has a text in the value column '
            '("Cuối năm đánh giá"), which is no observation.'
        ),
    )
    xb.conventions = [
        "period only in sub-title",
        "bare Kế hoạch năm / Thực hiện",
        "text in value column",
        "unknown rows",
    ]
    ws = xb.sheet("9T 2022", widths=[5, 46, 11, 13, 13, 11, 24], landscape=False)
    nc = 7
    letterhead(
        xb,
        ws,
        "UBND HUYỆN CẨM XUYÊN",
        "PHÒNG TÀI CHÍNH - KẾ HOẠCH",
        nc,
        split=3,
        place_date="Cẩm Xuyên, ngày 05 tháng 10 năm 2022",
    )
    title(xb, ws, 5, "TÌNH HÌNH THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU", nc)
    title(xb, ws, 6, "(Số liệu đến ngày 30/9/2022)", nc, b=False, i=True, size=12)
    for k, t in enumerate(
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm", "Thực hiện", "Tỷ lệ TH/KH (%)", "Ghi chú"],
        start=1,
    ):
        hdr(xb, ws, 8, k, t)
    cols = [
        dict(col=4, obs=(2022, 1, 12, "target", "")),
        dict(col=5, obs=(2022, 1, 9, "actual", "")),
    ]
    rows = [
        R(
            "1",
            "Thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            ["335", "248.62"],
        ),
        R(
            "",
            "Trong đó: thu tiền sử dụng đất",
            "Tỷ đồng",
            "thu_tien_sdd",
            ["170", "101.35"],
            italic=True,
        ),
        R(
            "2",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            ["4200", "2980.5"],
        ),
        R("3", "Tỷ lệ giải ngân vốn đầu tư công", "%", "UNKNOWN", ["100", "58.6"]),
        R("4", "Số doanh nghiệp thành lập mới", "DN", "doanh_nghiep_moi", ["110", "86"]),
        R("5", "Số hợp tác xã thành lập mới", "HTX", "hop_tac_xa_moi", ["8", "6"]),
        R("6", "Số sản phẩm OCOP đạt 3 sao trở lên", "Sản phẩm", "san_pham_ocop", ["12", "9"]),
        R("7", "Số lao động được tạo việc làm mới", "Người", "viec_lam_moi", ["3200", "2615"]),
        R(
            "",
            "Trong đó: xuất khẩu lao động",
            "Người",
            "UNKNOWN",
            ["1500", "1278"],
            italic=True,
            unknown_name="xuất khẩu lao động",
        ),
        R("8", "Số trường đạt chuẩn quốc gia", "Trường", "truong_chuan_quoc_gia", ["68", "66"]),
        R("9", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "bhyt_bao_phu", ["93.5", "92.1"]),
        R(
            "10",
            "Tỷ lệ hộ nghèo đa chiều",
            "%",
            "ty_le_ho_ngheo",
            ["3.2", "Cuối năm đánh giá"],
            cmp=False,
        ),
    ]
    r = indicator_rows(xb, ws, 9, rows, cols, unit_code=446, cmp_cols=[(6, ratio(1, 0))])
    xb.put(ws, 12, 7, "Vốn NSNN do huyện quản lý", box=True, wrap=True)
    signature(
        xb,
        ws,
        r + 2,
        5,
        [
            ("TRƯỞNG PHÒNG", True, False),
            ("", False, False),
            ("", False, False),
            ("Đặng Quốc Việt", True, False),
        ],
        c2=7,
    )
    return xb


# ----------------------------------------------------------------------------- 10
CANLOC_2020 = [
    ("18406", "TT Nghèn"),
    ("18415", "Thiên Lộc"),
    ("18418", "Thuần Thiện"),
    ("18427", "Vượng Lộc"),
    ("18433", "Thanh Lộc"),
    ("18436", "Kim Song Trường"),
    ("18439", "Thường Nga"),
    ("18445", "Tùng Lộc"),
    ("18454", "Phú Lộc"),
    ("18463", "Gia Hanh"),
    ("18466", "Khánh Vĩnh Yên"),
    ("18472", "Trung Lộc"),
    ("18475", "Xuân Lộc"),
    ("18478", "Thượng Lộc"),
    ("18481", "Quang Lộc"),
    ("18484", "TT Đồng Lộc"),
    ("18487", "Mỹ Lộc"),
    ("18490", "Sơn Lộc"),
]


@builder
def f10_canloc_xa_2020():
    xb = XBook(
        "canloc_xa_2020",
        (
            'Chi cục Thống kê huyện Can Lộc, 2020: indicators down, units across. "Toàn huyện" (Huyện Can Lộc) '
            'then a merged "Chia ra các xã, thị trấn" header with the 18 commune names in the second header row, '
            'written short ("TT Nghèn", "Kim Song Trường", "TT Đồng Lộc": the 2020 units after the NQ 819 '
            'mergers). The table is too wide for one page, so it continues on a second sheet "Bieu 01 (tiep)" '
            'titled "… (tiếp theo)" with the same rows and the other nine communes; the letterhead is only on '
            "the first sheet and the signature only on the second. All values actual, year 2020 (Hộ, Người, %)."
        ),
    )
    xb.conventions = [
        "units across, names in 2nd header row",
        "continued on second sheet",
        "short unit names",
    ]
    rng = random.Random(2020)
    data = {}
    for code, _ in CANLOC_2020:
        big = code in ("18406", "18436", "18466")
        ho = rng.randint(2600, 4300) if big else rng.randint(1250, 2600)
        dan = int(ho * rng.uniform(3.35, 3.75))
        ngheo = int(ho * rng.uniform(0.018, 0.065))
        can = int(ho * rng.uniform(0.03, 0.075))
        bhyt = q(rng.uniform(86.5, 95.5), 1)
        nuoc = q(rng.uniform(48, 97), 1)
        gdvh = q(rng.uniform(86, 93.5), 1)
        data[code] = dict(ho=ho, dan=dan, ngheo=ngheo, can=can, bhyt=bhyt, nuoc=nuoc, gdvh=gdvh)
    tot_ho = sum(d["ho"] for d in data.values())
    tot_dan = sum(d["dan"] for d in data.values())
    huyen = dict(
        ho=tot_ho,
        dan=tot_dan,
        ngheo=sum(d["ngheo"] for d in data.values()),
        can=sum(d["can"] for d in data.values()),
        bhyt=q(sum(d["bhyt"] * d["dan"] for d in data.values()) / tot_dan, 1),
        nuoc=q(sum(d["nuoc"] * d["ho"] for d in data.values()) / tot_ho, 1),
        gdvh=q(sum(d["gdvh"] * d["ho"] for d in data.values()) / tot_ho, 1),
    )
    for d in list(data.values()) + [huyen]:
        d["tyle"] = q(D(d["ngheo"]) / D(d["ho"]) * 100, 2)
    rows = [
        ("1", "Tổng số hộ", "Hộ", "tong_so_ho", "ho"),
        ("2", "Dân số trung bình", "Người", "dan_so", "dan"),
        ("3", "Số hộ nghèo", "Hộ", "so_ho_ngheo", "ngheo"),
        ("4", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", "tyle"),
        ("5", "Số hộ cận nghèo", "Hộ", "so_ho_can_ngheo", "can"),
        ("6", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", "bhyt"),
        ("7", "Tỷ lệ hộ dùng nước sạch", "%", "nuoc_sach", "nuoc"),
        ("8", "Tỷ lệ gia đình văn hóa", "%", "gia_dinh_van_hoa", "gdvh"),
    ]

    def block(ws, r0, units, with_total):
        c = 4
        if with_total:
            hdr(xb, ws, r0, 4, "Toàn huyện", r0 + 1, 4)
            c = 5
        hdr(xb, ws, r0, 1, "STT", r0 + 1, 1)
        hdr(xb, ws, r0, 2, "Chỉ tiêu", r0 + 1, 2)
        hdr(xb, ws, r0, 3, "ĐVT", r0 + 1, 3)
        hdr(
            xb,
            ws,
            r0,
            c,
            "Chia ra các xã, thị trấn" + ("" if with_total else " (tiếp)"),
            r0,
            c + len(units) - 1,
        )
        for k, (code, name) in enumerate(units):
            hdr(xb, ws, r0 + 1, c + k, name)
        r = r0 + 2
        for stt, label, dvt, ind, key in rows:
            xb.put(ws, r, 1, stt, h="center", box=True)
            xb.put(ws, r, 2, label, box=True)
            xb.put(ws, r, 3, dvt, h="center", box=True)
            cols = ([("443", huyen)] if with_total else []) + [
                (code, data[code]) for code, _ in units
            ]
            for k, (code, d) in enumerate(cols):
                xb.num(
                    ws,
                    r,
                    4 + k,
                    d[key],
                    places=2 if key == "tyle" else (1 if dvt == "%" else 0),
                    obs=(ind, code, 2020, 1, 12, "actual", "", dvt),
                    b=(with_total and k == 0),
                )
            r += 1
        return r

    ws = xb.sheet("Bieu 01", widths=[5, 30, 7, 11] + [10] * 9)
    letterhead(xb, ws, "CỤC THỐNG KÊ HÀ TĨNH", "CHI CỤC THỐNG KÊ HUYỆN CAN LỘC", 13, split=3)
    title(xb, ws, 4, "MỘT SỐ CHỈ TIÊU DÂN SỐ - XÃ HỘI CHIA THEO XÃ, THỊ TRẤN NĂM 2020", 13)
    xb.put(ws, 5, 1, "Biểu số 01", i=True, merge=(5, 3))
    block(ws, 7, CANLOC_2020[:9], True)
    ws2 = xb.sheet("Bieu 01 (tiep)", widths=[5, 30, 7] + [10] * 9)
    title(
        xb,
        ws2,
        2,
        "MỘT SỐ CHỈ TIÊU DÂN SỐ - XÃ HỘI CHIA THEO XÃ, THỊ TRẤN NĂM 2020 (tiếp theo)",
        12,
    )
    r = block(ws2, 4, CANLOC_2020[9:], False)
    xb.put(
        ws2,
        r + 1,
        1,
        "Nguồn: Kết quả rà soát hộ nghèo năm 2020; BHXH huyện; Trung tâm Văn hóa - Truyền thông huyện.",
        i=True,
        merge=(r + 1, 12),
    )
    signature(
        xb,
        ws2,
        r + 3,
        9,
        [
            ("CHI CỤC TRƯỞNG", True, False),
            ("", False, False),
            ("", False, False),
            ("Trần Thị Mai", True, False),
        ],
        c2=12,
        left=[("NGƯỜI LẬP BIỂU", True, False)],
    )
    return xb


# ----------------------------------------------------------------------------- 11
@builder
def f11_thachha_niengiam_2021():
    xb = XBook(
        "thachha_niengiam_2021",
        (
            "Chi cục Thống kê huyện Thạch Hà, statistical yearbook 2021 (two tables, one per sheet, bilingual "
            'Vietnamese/English labels, no letterhead: the unit is in the yearbook banner line). Sheet "Bieu 45" '
            'has years down (2017 … 2020 and "Sơ bộ - Prel. 2021", all actual) and indicators across, with the '
            'measures in a separate ĐVT row under the header ("Ha", "Tạ/ha", "Tấn"). Sheet "Bieu 52" has '
            'indicators down and years across, livestock in "Nghìn con", and a "Tốc độ tăng bình quân … (%)" '
            'column (derived; one value negative). A hidden sheet "TinhToan" holds working figures by season: '
            "not observations."
        ),
    )
    xb.conventions = [
        "yearbook, years down",
        "ĐVT row",
        "Sơ bộ year",
        "nghìn con",
        "tăng BQ column",
        "hidden sheet",
    ]
    U = "445"
    banner = "NIÊN GIÁM THỐNG KÊ HUYỆN THẠCH HÀ 2021 - THACH HA DISTRICT STATISTICAL YEARBOOK 2021"
    ws = xb.sheet("Bieu 45", widths=[22, 20, 18, 16, 20], landscape=False)
    xb.put(ws, 1, 1, banner, i=True, size=10, merge=(1, 5), h="left")
    xb.put(
        ws,
        2,
        1,
        "45. Diện tích gieo trồng, năng suất lúa và sản lượng lương thực có hạt",
        b=True,
        merge=(2, 5),
        h="left",
    )
    xb.put(
        ws,
        3,
        1,
        "Planted area, yield of paddy and production of cereals",
        i=True,
        merge=(3, 5),
        h="left",
    )
    heads = [
        "",
        "Tổng diện tích gieo trồng cây hằng năm\nPlanted area of annual crops",
        "Diện tích lúa cả năm\nPaddy area",
        "Năng suất lúa\nYield of paddy",
        "Sản lượng lương thực có hạt\nProduction of cereals",
    ]
    for k, t in enumerate(heads, start=1):
        if t:
            hdr(xb, ws, 5, k, t)
        else:
            xb.put(ws, 5, k, None, box=True)
    units = ["Ha", "Ha", "Tạ/ha", "Tấn"]
    for k, t in enumerate(units, start=2):
        xb.put(ws, 6, k, t, i=True, h="center", box=True)
    series = {
        2017: ["19850", "12650", "50.2", "64850"],
        2018: ["19420", "12580", "54.8", "70120"],
        2019: ["19180", "12470", "55.6", "70480"],
        2020: ["18960", "12390", "53.9", "68120"],
        2021: ["18745", "12310", "56.3", "70565"],
    }
    inds = ["dien_tich_gieo_trong", "dien_tich_lua", "nang_suat_lua", "san_luong_luong_thuc"]
    r = 7
    for y, vals in series.items():
        xb.put(
            ws, r, 1, y if y < 2021 else "Sơ bộ - Prel. 2021", h="center", box=True, b=(y == 2021)
        )
        for k, v in enumerate(vals):
            xb.num(
                ws,
                r,
                2 + k,
                v,
                places=1 if k == 2 else 0,
                obs=(inds[k], U, y, 1, 12, "actual", "", units[k]),
            )
        r += 1
    ws2 = xb.sheet("Bieu 52", widths=[34, 12, 10, 10, 10, 10, 12, 18])
    xb.put(ws2, 1, 1, banner, i=True, size=10, merge=(1, 8), h="left")
    xb.put(
        ws2,
        2,
        1,
        "52. Chăn nuôi và lâm nghiệp - Livestock and forestry",
        b=True,
        merge=(2, 8),
        h="left",
    )
    heads = [
        "Chỉ tiêu - Items",
        "Đơn vị tính - Unit",
        "2017",
        "2018",
        "2019",
        "2020",
        "Sơ bộ - Prel. 2021",
        "Tốc độ tăng bình quân 2017-2021 (%)",
    ]
    for k, t in enumerate(heads, start=1):
        hdr(xb, ws2, 4, k, int(t) if t.isdigit() else t)
    rows = [
        (
            "Đàn bò - Cattle",
            "Nghìn con",
            "tong_dan_bo",
            ["28.65", "29.12", "29.84", "30.41", "31.06"],
        ),
        ("Đàn lợn - Pigs", "Nghìn con", "tong_dan_lon", ["72.38", "75.6", "48.25", "56.9", "63.4"]),
        (
            "Tỷ lệ che phủ rừng - Forest cover rate",
            "%",
            "ty_le_che_phu_rung",
            ["24.8", "25.1", "25.3", "25.6", "25.9"],
        ),
    ]
    r = 5
    for label, dvt, ind, vals in rows:
        xb.put(ws2, r, 1, label, box=True)
        xb.put(ws2, r, 2, dvt, h="center", box=True)
        for k, v in enumerate(vals):
            xb.num(
                ws2,
                r,
                3 + k,
                v,
                places=2 if dvt != "%" else 1,
                obs=(ind, U, 2017 + k, 1, 12, "actual", "", dvt),
            )
        if dvt != "%":
            g = (float(vals[-1]) / float(vals[0])) ** 0.25 * 100 - 100
            xb.num(ws2, r, 8, q(D(repr(g)), 2), places=2)
        else:
            xb.put(ws2, r, 8, None, box=True)
        r += 1
    xb.put(
        ws2,
        r + 1,
        1,
        "Ghi chú: Năm 2019 đàn lợn giảm mạnh do bệnh Dịch tả lợn châu Phi.",
        i=True,
        merge=(r + 1, 8),
    )
    hs = xb.sheet("TinhToan", state="hidden", widths=[20, 12, 12, 12])
    for k, t in enumerate(
        ["Vụ", "Diện tích (ha)", "Năng suất (tạ/ha)", "Sản lượng (tấn)"], start=1
    ):
        xb.put(hs, 1, k, t, b=True)
    for r, (vu, a, y_, p) in enumerate(
        [
            ("Lúa Xuân 2021", 6480, 61.2, 39658),
            ("Lúa Hè Thu 2021", 5830, 50.9, 29675),
            ("Ngô cả năm", 342, 36.8, 1259),
        ],
        start=2,
    ):
        xb.put(hs, r, 1, vu)
        xb.put(hs, r, 2, a)
        xb.put(hs, r, 3, y_)
        xb.put(hs, r, 4, p)
    return xb


# ----------------------------------------------------------------------------- 12
@builder
def f12_tp_ktxh_9t_2024():
    xb = XBook(
        "tp_ktxh_9t_2024",
        (
            "Phòng Tài chính - Kế hoạch thành phố Hà Tĩnh, Quý III and 9 tháng 2024. The title is split over two "
            'merged cells on one row ("BIỂU TỔNG HỢP …" | "QUÝ III VÀ 9 THÁNG NĂM 2024"). Kind and period are '
            'in separate header rows: "Kế hoạch năm 2024" over "Tỉnh giao" (tinh_giao) / "HĐND TP giao" '
            '(hdnd_giao); "Thực hiện" over "Quý I" (1–3), "Quý II" (4–6), "6 tháng" (1–6); "Ước thực '
            'hiện" over "Quý III" (7–9) and "9 tháng" (1–9); "Cùng kỳ" over "9 tháng năm 2023". Then '
            'three % columns and a numbering row with formulas (5=3+4, 9=7/1). "x" = no plan given (legend), '
            '"-" = no data for quarterly rates. "Chia ra:" row over the four sectors (sectors have only the '
            'HĐND plan). One row ("Tỷ lệ sinh con thứ 3 trở lên") is hidden: its values are not observations. '
            'Non-catalog rows with values: "Số hộ kinh doanh cá thể đăng ký mới", "Tỷ lệ giải ngân vốn đầu tư '
            'công (vốn ngân sách thành phố)".'
        ),
    )
    xb.conventions = [
        "title over two cells",
        "kind row / period row",
        "quarter columns",
        "two plans",
        "x legend",
        "hidden row",
        "unknown rows",
    ]
    ws = xb.sheet("9T 2024", widths=[5, 44, 9] + [10] * 11)
    nc = 14
    letterhead(xb, ws, "UBND THÀNH PHỐ HÀ TĨNH", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", nc, split=3)
    xb.put(
        ws,
        5,
        1,
        "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU",
        b=True,
        size=13,
        merge=(5, 7),
        h="right",
    )
    xb.put(ws, 5, 8, "QUÝ III VÀ 9 THÁNG NĂM 2024", b=True, size=13, merge=(5, 14), h="left")
    title(
        xb,
        ws,
        6,
        "(Kèm theo Báo cáo số 412/BC-UBND ngày 24/9/2024 của UBND thành phố)",
        nc,
        b=False,
        i=True,
        size=12,
    )
    hdr(xb, ws, 8, 1, "STT", 9, 1)
    hdr(xb, ws, 8, 2, "Chỉ tiêu", 9, 2)
    hdr(xb, ws, 8, 3, "ĐVT", 9, 3)
    hdr(xb, ws, 8, 4, "Kế hoạch năm 2024", 8, 5)
    hdr(xb, ws, 8, 6, "Thực hiện", 8, 8)
    hdr(xb, ws, 8, 9, "Ước thực hiện", 8, 10)
    hdr(xb, ws, 8, 11, "Cùng kỳ")
    hdr(xb, ws, 8, 12, "So sánh (%)", 8, 14)
    for k, t in enumerate(
        [
            "Tỉnh giao",
            "HĐND TP giao",
            "Quý I",
            "Quý II",
            "6 tháng",
            "Quý III",
            "9 tháng",
            "9 tháng năm 2023",
            "9T/KH tỉnh",
            "9T/KH HĐND",
            "9T/CK",
        ],
        start=4,
    ):
        hdr(xb, ws, 9, k, t)
    for k, t in enumerate(
        [
            "A",
            "B",
            "C",
            "1",
            "2",
            "3",
            "4",
            "5=3+4",
            "6",
            "7=5+6",
            "8",
            "9=7/1",
            "10=7/2",
            "11=7/8",
        ],
        start=1,
    ):
        xb.put(ws, 10, k, t, i=True, size=10, h="center", box=True)
    cols = [
        dict(col=4, obs=(2024, 1, 12, "target", "tinh_giao")),
        dict(col=5, obs=(2024, 1, 12, "target", "hdnd_giao")),
        dict(col=6, obs=(2024, 1, 3, "actual", "")),
        dict(col=7, obs=(2024, 4, 6, "actual", "")),
        dict(col=8, obs=(2024, 1, 6, "actual", "")),
        dict(col=9, obs=(2024, 7, 9, "estimate", "")),
        dict(col=10, obs=(2024, 1, 9, "estimate", "")),
        dict(col=11, obs=(2023, 1, 9, "actual", "")),
    ]

    def flow(plan_t, plan_h, q1, q2, q3, ck):
        six = D(q1) + D(q2)
        return [plan_t, plan_h, q1, q2, str(six), q3, str(six + D(q3)), ck]

    sectors = {
        "cn": ("402.5", "468.9", "481.3", "1255.1", "1780"),
        "xd": ("1180.6", "1395.2", "1410.8", "3702.5", "5450"),
        "nl": ("52.4", "68.3", "49.7", "165.3", "240"),
    }
    tot = ("4215.3", "4856.7", "4968.2", "12886.4")
    tm = tuple(str(D(tot[i]) - sum(D(s[i]) for s in sectors.values())) for i in range(4)) + (
        "12330",
    )
    rows = [
        R("I", "CÁC CHỈ TIÊU KINH TẾ", section=True, bold=True),
        R(
            "1",
            "Tổng giá trị sản xuất (theo giá so sánh 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            flow("19500", "19800", *tot),
            bold=True,
        ),
        R("", "Chia ra:", italic=True),
        R(
            "a)",
            "Công nghiệp - TTCN",
            "Tỷ đồng",
            "gtsx_cn_ttcn",
            flow("x", sectors["cn"][4], *sectors["cn"][:4]),
        ),
        R(
            "b)",
            "Xây dựng",
            "Tỷ đồng",
            "gtsx_xay_dung",
            flow("x", sectors["xd"][4], *sectors["xd"][:4]),
        ),
        R("c)", "Thương mại - Dịch vụ", "Tỷ đồng", "gtsx_tm_dv", flow("x", tm[4], *tm[:4])),
        R(
            "d)",
            "Nông, lâm nghiệp và thủy sản",
            "Tỷ đồng",
            "gtsx_nong_nghiep",
            flow("x", sectors["nl"][4], *sectors["nl"][:4]),
        ),
        R(
            "2",
            "Tốc độ tăng giá trị sản xuất (so cùng kỳ)",
            "%",
            "tang_truong_gtsx",
            ["11.5", "12", "9.05", "9.48", "9.28", "8.42", "8.95", "10.2"],
            cmp=False,
            bold=True,
        ),
        R(
            "3",
            "Thu ngân sách trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            flow("828.6", "1081", "301.5", "433.5", "225.6", "812.3"),
            bold=True,
        ),
        R(
            "",
            "Trong đó: Thu tiền sử dụng đất",
            "Tỷ đồng",
            "thu_tien_sdd",
            flow("380", "600", "95.2", "210.8", "88.4", "371.2"),
            italic=True,
        ),
        R(
            "4",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            "ban_le_dich_vu",
            flow("x", "26000", "6120.4", "6358.9", "6512.6", "16520.3"),
            bold=True,
        ),
        R(
            "5",
            "Số doanh nghiệp thành lập mới",
            "DN",
            "doanh_nghiep_moi",
            flow("300", "350", "62", "86", "79", "241"),
            bold=True,
        ),
        R(
            "6",
            "Số hộ kinh doanh cá thể đăng ký mới",
            "Hộ",
            "UNKNOWN",
            flow("x", "900", "245", "317", "268", "795"),
            bold=True,
        ),
        R(
            "7",
            "Số hợp tác xã thành lập mới",
            "HTX",
            "hop_tac_xa_moi",
            flow("x", "5", "1", "1", "1", "2"),
            bold=True,
        ),
        R(
            "8",
            "Tỷ lệ giải ngân vốn đầu tư công (vốn ngân sách thành phố)",
            "%",
            "UNKNOWN",
            ["x", "100", "-", "-", "41.3", "-", "63.8", "61.2"],
            cmp=False,
            bold=True,
        ),
        R("II", "CÁC CHỈ TIÊU VĂN HÓA - XÃ HỘI", section=True, bold=True),
        R(
            "9",
            "Số lao động được giải quyết việc làm mới",
            "Người",
            "viec_lam_moi",
            flow("2000", "2200", "410", "585", "520", "1480"),
            bold=True,
        ),
        R(
            "10",
            "Tỷ lệ bao phủ BHYT",
            "%",
            "bhyt_bao_phu",
            ["95", "95.5", "-", "-", "93.6", "-", "94.2", "93.1"],
            bold=True,
        ),
        R(
            "11",
            "Tỷ lệ sinh con thứ 3 trở lên",
            "%",
            "ty_le_sinh_con_thu_3",
            ["x", "9", "-", "-", "10.8", "-", "11.2", "10.6"],
            cmp=False,
            hidden=True,
        ),
        R(
            "12",
            "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn",
            "%",
            "tthc_dung_han",
            ["x", "99", "99.6", "99.8", "99.7", "99.9", "99.8", "99.2"],
            bold=True,
        ),
    ]
    r = indicator_rows(
        xb,
        ws,
        11,
        rows,
        cols,
        unit_code=436,
        cmp_cols=[(12, ratio(6, 0)), (13, ratio(6, 1)), (14, ratio(6, 7))],
    )
    xb.put(
        ws,
        r + 1,
        1,
        "Ghi chú: x - không giao chỉ tiêu; (-) - chưa có số liệu.",
        i=True,
        merge=(r + 1, nc),
    )
    xb.put(
        ws,
        r + 2,
        1,
        "Kế hoạch tỉnh giao tại Quyết định số 3995/QĐ-UBND ngày 12/12/2023; kế hoạch HĐND thành phố giao tại Nghị quyết số 76/NQ-HĐND ngày 20/12/2023.",
        i=True,
        merge=(r + 2, nc),
    )
    signature(
        xb,
        ws,
        r + 4,
        10,
        [
            ("TRƯỞNG PHÒNG", True, False),
            ("", False, False),
            ("", False, False),
            ("Nguyễn Hữu Thắng", True, False),
        ],
        c2=14,
    )
    return xb


# ----------------------------------------------------------------------------- 13
@builder
def f13_lochha_6t_2016():
    xb = XBook(
        "lochha_6t_2016",
        (
            "UBND huyện Lộc Hà (a district until 2024), mid-2016: results of the first half and the plan for the "
            'second half. "Kế hoạch năm 2016" over "Tỉnh giao" (tinh_giao) and "Huyện phấn đấu" (phan_dau); '
            '"Ước thực hiện 6 tháng đầu năm" (estimate 1–6; the year only in the title); "So với KH huyện (%)" '
            '(derived); "Kế hoạch 6 tháng cuối năm" (target 7–12). Budget in "Tr.đ", value in "Tỷ đồng". The '
            'sub-item label styles vary ("Trong đó:" row, "Tr.đó: …", "+ Trong đó: Xuất khẩu lao động", '
            "the last one not in the catalog). Poverty has only plans."
        ),
    )
    xb.conventions = [
        "6 tháng cuối năm target (7–12)",
        "tỉnh giao + phấn đấu",
        "Tr.đ",
        "varied sub-item markers",
    ]
    ws = xb.sheet("6T 2016", widths=[5, 42, 9, 12, 12, 13, 11, 13, 18])
    nc = 9
    letterhead(
        xb,
        ws,
        "UBND HUYỆN LỘC HÀ",
        "VĂN PHÒNG HĐND - UBND",
        nc,
        split=3,
        so="Biểu số 01",
        place_date="Lộc Hà, ngày 14 tháng 7 năm 2016",
    )
    title(
        xb,
        ws,
        4,
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM VÀ KẾ HOẠCH 6 THÁNG CUỐI NĂM 2016",
        nc,
    )
    hdr(xb, ws, 6, 1, "TT", 7, 1)
    hdr(xb, ws, 6, 2, "Chỉ tiêu", 7, 2)
    hdr(xb, ws, 6, 3, "ĐVT", 7, 3)
    hdr(xb, ws, 6, 4, "Kế hoạch năm 2016", 6, 5)
    hdr(xb, ws, 7, 4, "Tỉnh giao")
    hdr(xb, ws, 7, 5, "Huyện phấn đấu")
    hdr(xb, ws, 6, 6, "Ước thực hiện 6 tháng đầu năm", 7, 6)
    hdr(xb, ws, 6, 7, "So với KH huyện (%)", 7, 7)
    hdr(xb, ws, 6, 8, "Kế hoạch 6 tháng cuối năm", 7, 8)
    hdr(xb, ws, 6, 9, "Ghi chú", 7, 9)
    cols = [
        dict(col=4, obs=(2016, 1, 12, "target", "tinh_giao")),
        dict(col=5, obs=(2016, 1, 12, "target", "phan_dau")),
        dict(col=6, obs=(2016, 1, 6, "estimate", "")),
        dict(col=8, obs=(2016, 7, 12, "target", "")),
    ]

    def v(t, p, e):
        rest = str(D(p) - D(e)) if isnum(e) else "-"
        return [t, p, e, rest]

    rows = [
        R(
            "1",
            "Giá trị sản xuất (giá so sánh 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            v("3150", "3250", "1452.6"),
            bold=True,
        ),
        R("", "Trong đó:", italic=True),
        R("-", "Nông, lâm, thủy sản", "Tỷ đồng", "gtsx_nong_nghiep", v("1050", "1080", "486.3")),
        R("-", "Công nghiệp, TTCN", "Tỷ đồng", "gtsx_cn_ttcn", v("720", "745", "325.4")),
        R("-", "Xây dựng", "Tỷ đồng", "gtsx_xay_dung", v("650", "670", "298.2")),
        R("-", "Thương mại, dịch vụ", "Tỷ đồng", "gtsx_tm_dv", v("730", "755", "342.7")),
        R(
            "2",
            "Thu ngân sách trên địa bàn",
            "Tr.đ",
            "thu_ngan_sach",
            v("118000", "130000", "52340"),
            bold=True,
        ),
        R(
            "",
            "Tr.đó: Tiền sử dụng đất",
            "Tr.đ",
            "thu_tien_sdd",
            v("60000", "70000", "21450"),
            italic=True,
        ),
        R(
            "3",
            "Tổng vốn đầu tư toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            v("1500", "1600", "702.5"),
            bold=True,
        ),
        R(
            "4",
            "Sản lượng lương thực",
            "Tấn",
            "san_luong_luong_thuc",
            v("42000", "43000", "24860"),
            bold=True,
        ),
        R(
            "5",
            "Giải quyết việc làm",
            "Người",
            "viec_lam_moi",
            v("2200", "2400", "1280"),
            bold=True,
        ),
        R(
            "",
            "+ Trong đó: Xuất khẩu lao động",
            "Người",
            "UNKNOWN",
            v("1100", "1200", "705"),
            italic=True,
            unknown_name="Xuất khẩu lao động",
        ),
        R(
            "6",
            "Tỷ lệ hộ nghèo",
            "%",
            "ty_le_ho_ngheo",
            ["6.5", "6", "-", "-"],
            cmp=False,
            bold=True,
        ),
        R("7", "Số xã đạt chuẩn nông thôn mới", "Xã", "so_xa_ntm", ["3", "4", "1", "3"], bold=True),
    ]
    r = indicator_rows(xb, ws, 8, rows, cols, unit_code=448, cmp_cols=[(7, ratio(2, 1))])
    xb.put(ws, 20, 9, "Đánh giá cuối năm", box=True)
    xb.put(ws, 21, 9, "Lũy kế 7 xã", box=True)
    signature(
        xb,
        ws,
        r + 2,
        6,
        [
            ("TM. ỦY BAN NHÂN DÂN", True, False),
            ("KT. CHỦ TỊCH", True, False),
            ("PHÓ CHỦ TỊCH", True, False),
            ("", False, False),
            ("Hồ Thị Vân", True, False),
        ],
        c2=9,
    )
    return xb


# ----------------------------------------------------------------------------- 14
@builder
def f14_thanhsen_2025_2030():
    xb = XBook(
        "thanhsen_2025_2030",
        (
            "UBND phường Thành Sen (the new ward formed on 01/07/2025), December 2025. Two tables on one sheet. "
            'Table I: the main targets of the first ward Party congress, term 2025–2030, one column "Mục tiêu '
            'đến năm 2030" (target, nhiem_ky, stored at 2030). Table II below it, with its own title, sub-title '
            '"(Theo Nghị quyết số 15/NQ-HĐND ngày 19/12/2025 của HĐND phường)" and header: the 2026 plan '
            '(target, hdnd_giao, 2026). Measures include "Tr.đ/người"; "Tỷ lệ giải ngân vốn đầu tư công" in '
            'table II is not in the catalog. "Ghi chú" text such as "Giá so sánh 2010".'
        ),
    )
    xb.conventions = [
        "term targets (nhiem_ky)",
        "second table below with HĐND plan",
        "post-2025 ward",
    ]
    ws = xb.sheet("Chi tieu 2025-2030", widths=[6, 56, 14, 16, 24], landscape=False)
    nc = 5
    letterhead(
        xb,
        ws,
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG THÀNH SEN",
        nc,
        split=2,
        so="Số: 318/BC-UBND",
        place_date="Thành Sen, ngày 22 tháng 12 năm 2025",
    )
    title(xb, ws, 4, "HỆ THỐNG CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI PHƯỜNG THÀNH SEN", nc)
    xb.put(
        ws,
        6,
        1,
        "I. CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 - 2030 (Nghị quyết Đại hội Đảng bộ phường lần thứ I)",
        b=True,
        merge=(6, nc),
        h="left",
    )
    for k, t in enumerate(["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030", "Ghi chú"], start=1):
        hdr(xb, ws, 7, k, t)
    U = "18073"
    rows1 = [
        R(
            "1",
            "Tốc độ tăng trưởng giá trị sản xuất bình quân hằng năm",
            "%",
            "tang_truong_gtsx",
            ["11.5"],
            note="Giá so sánh 2010",
        ),
        R("2", "Thu nhập bình quân đầu người", "Tr.đ/người", "thu_nhap_binh_quan", ["165"]),
        R("3", "Thu ngân sách trên địa bàn", "Tỷ đồng", "thu_ngan_sach", ["1850"], note="Năm 2030"),
        R(
            "4",
            "Tỷ lệ hộ nghèo đa chiều",
            "%",
            "ty_le_ho_ngheo",
            ["0.3"],
            note="Theo chuẩn giai đoạn 2026 - 2030",
        ),
        R("5", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "bhyt_bao_phu", ["98.5"]),
        R("6", "Tỷ lệ lao động qua đào tạo", "%", "lao_dong_qua_dao_tao", ["85"]),
        R("7", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "thu_gom_rac", ["100"]),
        R("8", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "tthc_dung_han", ["100"]),
        R("9", "Tỷ lệ hồ sơ TTHC nộp trực tuyến", "%", "dvc_truc_tuyen", ["95"]),
    ]
    r = indicator_rows(
        xb, ws, 8, rows1, [dict(col=4, obs=(2030, 1, 12, "target", "nhiem_ky"))], unit_code=U
    )
    for k, row in enumerate(rows1):
        xb.put(ws, 8 + k, 5, row.get("note", ""), box=True, wrap=True)
    r += 1
    xb.put(ws, r, 1, "II. CHỈ TIÊU KẾ HOẠCH NĂM 2026", b=True, merge=(r, nc), h="left")
    xb.put(
        ws,
        r + 1,
        1,
        "(Theo Nghị quyết số 15/NQ-HĐND ngày 19/12/2025 của HĐND phường)",
        i=True,
        merge=(r + 1, nc),
        h="left",
    )
    r += 2
    for k, t in enumerate(["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Ghi chú"], start=1):
        hdr(xb, ws, r, k, t)
    rows2 = [
        R("1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "tang_truong_gtsx", ["11"]),
        R("2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "thu_ngan_sach", ["1120"]),
        R("", "Trong đó: Thu tiền sử dụng đất", "Tỷ đồng", "thu_tien_sdd", ["480"], italic=True),
        R("3", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "doanh_nghiep_moi", ["260"]),
        R("4", "Số lao động được tạo việc làm mới", "Người", "viec_lam_moi", ["1500"]),
        R("5", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", ["96"]),
        R("6", "Tỷ lệ giải ngân vốn đầu tư công", "%", "UNKNOWN", ["100"]),
    ]
    r2 = indicator_rows(
        xb, ws, r + 1, rows2, [dict(col=4, obs=(2026, 1, 12, "target", "hdnd_giao"))], unit_code=U
    )
    for k in range(len(rows2)):
        xb.put(ws, r + 1 + k, 5, None, box=True)
    signature(
        xb,
        ws,
        r2 + 2,
        4,
        [
            ("TM. ỦY BAN NHÂN DÂN", True, False),
            ("CHỦ TỊCH", True, False),
            ("", False, False),
            ("", False, False),
            ("Lê Quang Huy", True, False),
        ],
        c2=5,
    )
    return xb


# ----------------------------------------------------------------------------- 15
VM_NAMES = [
    "1. Quy hoạch, kiến trúc và QLQH",
    "2. Giao thông, HTKT",
    "3. Điện",
    "4. Thông tin, truyền thông",
    "5. Môi trường",
    "6. Nước sạch, VSATTP",
    "7. Nhà ở",
    "8. CSVC văn hóa",
    "9. Văn hóa",
    "10. Nếp sống văn minh đô thị",
    "11. CN, TM và DV",
    "12. Trường học, GD-ĐT",
    "13. Thu nhập",
    "14. Hộ nghèo",
    "15. Lao động có việc làm",
    "16. Y tế",
    "17. HTCT và TCPL",
    "18. QP - AN",
]


@builder
def f15_tp_van_minh_2022():
    xb = XBook(
        "tp_van_minh_2022",
        (
            "Ban chỉ đạo xây dựng đô thị văn minh thành phố Hà Tĩnh, 2022: the 10 wards × the 18 criteria of "
            'Hà Tĩnh\'s "phường đạt chuẩn đô thị văn minh" set (QĐ 18/2020/QĐ-UBND). A "Mã phường" column with '
            'GSO codes; criteria headers are numbered and abbreviated the way the office writes them ("2. Giao '
            'thông, HTKT", "3. Điện", "14. Hộ nghèo", "17. HTCT và TCPL"): read by number under a title '
            'and sheet name about "đô thị văn minh". Cells say "Đạt" or "Chưa đạt"; "Số tiêu chí đạt" and '
            '"Đánh giá chung" are checks, not observations (vm_tcNN, Đạt/Không, year 2022).'
        ),
    )
    xb.conventions = [
        "đô thị văn minh matrix",
        "ward code column",
        "abbreviated numbered criteria",
        "Đạt/Chưa đạt text",
    ]
    rng = random.Random(2022)
    ws = xb.sheet("Do thi van minh 2022", widths=[5, 9, 16] + [7] * 18 + [8, 14])
    nc = 23
    letterhead(
        xb,
        ws,
        "UBND THÀNH PHỐ HÀ TĨNH",
        "BCĐ XÂY DỰNG ĐÔ THỊ VĂN MINH",
        nc,
        split=4,
        place_date="Hà Tĩnh, ngày 28 tháng 11 năm 2022",
    )
    title(
        xb,
        ws,
        4,
        "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ ĐẠT CÁC TIÊU CHÍ PHƯỜNG ĐẠT CHUẨN ĐÔ THỊ VĂN MINH NĂM 2022",
        nc,
    )
    title(
        xb,
        ws,
        5,
        "(Theo Quyết định số 18/2020/QĐ-UBND ngày 07/8/2020 của UBND tỉnh)",
        nc,
        b=False,
        i=True,
        size=12,
    )
    hdr(xb, ws, 7, 1, "TT", 8, 1)
    hdr(xb, ws, 7, 2, "Mã phường", 8, 2)
    hdr(xb, ws, 7, 3, "Phường", 8, 3)
    hdr(xb, ws, 7, 4, "Kết quả đánh giá các tiêu chí", 7, 21)
    for k, t in enumerate(VM_NAMES):
        hdr(xb, ws, 8, 4 + k, t)
    hdr(xb, ws, 7, 22, "Số tiêu chí đạt", 8, 22)
    hdr(xb, ws, 7, 23, "Đánh giá chung", 8, 23)
    r = 9
    full = {"18085", "18094", "18097", "18073", "18079"}
    for k, (code, name) in enumerate(TP_2021, start=1):
        xb.put(ws, r, 1, str(k), h="center", box=True)
        xb.put(ws, r, 2, code, h="center", box=True)
        xb.put(ws, r, 3, name.replace("Phường ", ""), box=True)
        weak = [] if code in full else rng.sample([1, 2, 5, 7, 10, 11, 13], k=rng.choice([1, 2, 3]))
        for tc in range(1, 19):
            ok = tc not in weak
            xb.put(ws, r, 3 + tc, "Đạt" if ok else "Chưa đạt", h="center", box=True, size=10)
            xb.add_obs(
                (ws.title, r, 3 + tc),
                "mark",
                f"vm_tc{tc:02d}",
                code,
                2022,
                1,
                12,
                "actual",
                "",
                1 if ok else 0,
                "Đạt/Không",
            )
        xb.put(ws, r, 22, 18 - len(weak), h="center", box=True)
        xb.put(ws, r, 23, "Đạt chuẩn" if not weak else "Chưa đạt chuẩn", h="center", box=True)
        r += 1
    xb.put(
        ws,
        r + 1,
        1,
        "Ghi chú: Phường Văn Yên, Thạch Linh, Hà Huy Tập được công nhận đạt chuẩn văn minh đô thị tại Quyết định số 19/QĐ-UBND ngày 08/01/2020.",
        i=True,
        merge=(r + 1, nc),
    )
    signature(
        xb,
        ws,
        r + 3,
        17,
        [
            ("TM. BAN CHỈ ĐẠO", True, False),
            ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC", True, False),
            ("", False, False),
            ("", False, False),
            ("Dương Tất Thắng", True, False),
        ],
        c2=23,
    )
    return xb


# ----------------------------------------------------------------------------- 16
NTM26_NAMES = [
    "1. Quy hoạch",
    "2. Hạ tầng kinh tế - xã hội",
    "3. Phát triển kinh tế nông thôn",
    "4. Đào tạo nguồn nhân lực nông thôn",
    "5. Văn hóa, giáo dục, y tế",
    "6. Giảm nghèo và an sinh xã hội",
    "7. Khoa học, công nghệ và chuyển đổi số",
    "8. Môi trường và cảnh quan nông thôn",
    "9. Hệ thống chính trị và hành chính công",
    "10. Tiếp cận pháp luật và an ninh, quốc phòng",
]


@builder
def f16_ntm_2026_xa():
    xb = XBook(
        "ntm_2026_xa",
        (
            "Sở Nông nghiệp và Môi trường Hà Tĩnh, May 2026: first review of 12 of the new (post-07/2025) "
            'communes against the 2026–2030 NTM set (QĐ 51/2025/QĐ-TTg, 10 criteria). Criterion 1 "Quy hoạch" '
            'is ntm_tc01, criteria 2–10 are ntm26_tc02…10. Met criteria are marked "x", unmet ones left blank '
            "(legend under the table): a blank is an observation with value 0. Communes sit under section rows "
            '"I. Xã nhóm 1" / "II. Xã nhóm 2" (the commune groups of the new set, not units). "Số tiêu chí '
            'đạt" is a check; the registration year is only text in "Ghi chú". Year 2026.'
        ),
    )
    xb.conventions = [
        "NTM 2026–2030 matrix",
        "x / blank marks",
        "group section rows",
        "post-2025 communes",
    ]
    rng = random.Random(2026)
    ws = xb.sheet("Ra soat NTM 2026", widths=[5, 16] + [11] * 10 + [9, 22])
    nc = 14
    letterhead(
        xb,
        ws,
        "UBND TỈNH HÀ TĨNH",
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        nc,
        split=3,
        place_date="Hà Tĩnh, ngày 20 tháng 5 năm 2026",
    )
    title(
        xb,
        ws,
        4,
        "TỔNG HỢP KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ MỨC ĐỘ ĐẠT TIÊU CHÍ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026 - 2030 NĂM 2026",
        nc,
    )
    title(
        xb,
        ws,
        5,
        "(Theo Bộ tiêu chí quốc gia ban hành kèm theo Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025)",
        nc,
        b=False,
        i=True,
        size=12,
    )
    hdr(xb, ws, 7, 1, "TT", 8, 1)
    hdr(xb, ws, 7, 2, "Tên xã", 8, 2)
    hdr(xb, ws, 7, 3, "Tiêu chí", 7, 12)
    for k, t in enumerate(NTM26_NAMES):
        hdr(xb, ws, 8, 3 + k, t)
    hdr(xb, ws, 7, 13, "Số tiêu chí đạt", 8, 13)
    hdr(xb, ws, 7, 14, "Ghi chú", 8, 14)
    groups = [
        ("I", "Xã nhóm 1", [("18685", "Cẩm Bình"), ("18604", "Thạch Khê"), ("18619", "Đồng Tiến")]),
        (
            "II",
            "Xã nhóm 2",
            [
                ("18406", "Can Lộc"),
                ("18409", "Hồng Lộc"),
                ("18418", "Tùng Lộc"),
                ("18436", "Trường Lưu"),
                ("18466", "Gia Hanh"),
                ("18481", "Xuân Lộc"),
                ("18484", "Đồng Lộc"),
                ("18628", "Thạch Lạc"),
                ("18634", "Toàn Lưu"),
            ],
        ),
    ]
    r = 9
    for roman, gname, communes in groups:
        xb.put(ws, r, 1, roman, h="center", box=True, b=True)
        xb.put(ws, r, 2, gname, box=True, b=True)
        for c in range(3, 15):
            xb.put(ws, r, c, None, box=True)
        r += 1
        for k, (code, name) in enumerate(communes, start=1):
            xb.put(ws, r, 1, str(k), h="center", box=True)
            xb.put(ws, r, 2, name, box=True)
            met = 0
            for tc in range(1, 11):
                ok = rng.random() < (0.9 if tc in (1, 9, 10) else 0.55)
                met += ok
                xb.put(ws, r, 2 + tc, "x" if ok else None, h="center", box=True)
                ind = "ntm_tc01" if tc == 1 else f"ntm26_tc{tc:02d}"
                xb.add_obs(
                    (ws.title, r, 2 + tc),
                    "mark",
                    ind,
                    code,
                    2026,
                    1,
                    12,
                    "actual",
                    "",
                    1 if ok else 0,
                    "Đạt/Không",
                )
            xb.put(ws, r, 13, met, h="center", box=True)
            xb.put(ws, r, 14, f"Đăng ký đạt chuẩn năm {2027 + (10 - met) // 2}", box=True)
            r += 1
    xb.put(
        ws,
        r + 1,
        1,
        "Ghi chú: Đánh dấu (x) vào tiêu chí đạt chuẩn; để trống tiêu chí chưa đạt.",
        i=True,
        merge=(r + 1, nc),
    )
    signature(
        xb,
        ws,
        r + 3,
        10,
        [
            ("KT. GIÁM ĐỐC", True, False),
            ("PHÓ GIÁM ĐỐC", True, False),
            ("", False, False),
            ("", False, False),
            ("Nguyễn Văn Việt", True, False),
        ],
        c2=14,
        left=[
            ("Nơi nhận:", True, True),
            ("- UBND tỉnh (b/c);", False, False),
            ("- Văn phòng điều phối NTM tỉnh;", False, False),
            ("- Lưu: VT, PTNT.", False, False),
        ],
    )
    return xb


# ----------------------------------------------------------------------------- 17
TP_2025 = [
    ("18073", "Phường Nam Hà", 10850),
    ("18077", "Phường Bắc Hà", 21540),
    ("18079", "Phường Tân Giang", 9120),
    ("18082", "Phường Đại Nài", 9870),
    ("18085", "Phường Hà Huy Tập", 13450),
    ("18088", "Phường Thạch Trung", 12680),
    ("18091", "Phường Thạch Quý", 11920),
    ("18094", "Phường Trần Phú", 15230),
    ("18097", "Phường Văn Yên", 9480),
    ("18100", "Phường Thạch Hạ", 9950),
    ("18103", "Phường Đồng Môn", 8120),
    ("18109", "Phường Thạch Hưng", 6240),
    ("18112", "Xã Thạch Bình", 7830),
    ("18571", "Xã Thạch Hải", 9640),
    ("18595", "Xã Đỉnh Bàn", 8350),
    ("18598", "Xã Hộ Độ", 8920),
    ("18604", "Xã Thạch Khê", 10210),
    ("18619", "Xã Thạch Trị", 7460),
    ("18622", "Xã Thạch Lạc", 6780),
    ("18628", "Xã Tượng Sơn", 7930),
    ("18631", "Xã Thạch Văn", 6820),
    ("18637", "Xã Thạch Thắng", 7150),
    ("18643", "Xã Thạch Đài", 10460),
    ("18649", "Xã Thạch Hội", 6540),
    ("18652", "Xã Tân Lâm Hương", 10920),
    ("18685", "Xã Cẩm Bình", 11840),
    ("18691", "Xã Cẩm Vịnh", 7360),
]


@builder
def f17_tp_bhyt_6t_2025():
    xb = XBook(
        "tp_bhyt_6t_2025",
        (
            "Ban chỉ đạo BHXH, BHYT thành phố Hà Tĩnh, first half of 2025, the last report of the 27-unit city "
            "(after NQ 1283 of 01/01/2025: Trần Phú now 18094, Bắc Hà 18077, Thạch Trung/Thạch Hạ/Đồng Môn/Thạch "
            'Hưng are wards, eleven Thạch Hà communes, Hộ Độ and Cẩm Bình/Cẩm Vịnh joined). "Mã xã" column; '
            'total "Tổng cộng" at the bottom. Columns: "Dân số đến 30/6/2025" (dan_so, actual 1–6), "Số '
            'người tham gia BHYT" over "Quý I/2025" (actual 1–3) and "6 tháng năm 2025" (actual 1–6), '
            '"Tỷ lệ bao phủ 6 tháng (%)", and "Tăng (+), giảm (-) so với quý I" (derived, some negative).'
        ),
    )
    xb.conventions = [
        "27 units of 2025 H1",
        "code column",
        "total last",
        "stock at a date",
        "tăng/giảm column",
    ]
    rng = random.Random(2025)
    ws = xb.sheet("BHYT 6T 2025", widths=[5, 9, 22, 13, 13, 13, 12, 13, 16])
    nc = 9
    letterhead(
        xb,
        ws,
        "UBND THÀNH PHỐ HÀ TĨNH",
        "BCĐ THỰC HIỆN CHÍNH SÁCH BHXH, BHYT",
        nc,
        split=3,
        place_date="Hà Tĩnh, ngày 08 tháng 7 năm 2025",
    )
    title(
        xb,
        ws,
        4,
        "KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA BẢO HIỂM Y TẾ 6 THÁNG ĐẦU NĂM 2025 THEO ĐƠN VỊ HÀNH CHÍNH CẤP XÃ",
        nc,
    )
    title(xb, ws, 5, "(Số liệu đến ngày 30/6/2025)", nc, b=False, i=True, size=12)
    hdr(xb, ws, 7, 1, "STT", 8, 1)
    hdr(xb, ws, 7, 2, "Mã xã", 8, 2)
    hdr(xb, ws, 7, 3, "Phường, xã", 8, 3)
    hdr(xb, ws, 7, 4, "Dân số đến 30/6/2025 (người)", 8, 4)
    hdr(xb, ws, 7, 5, "Số người tham gia BHYT", 7, 6)
    hdr(xb, ws, 8, 5, "Quý I/2025")
    hdr(xb, ws, 8, 6, "6 tháng năm 2025")
    hdr(xb, ws, 7, 7, "Tỷ lệ bao phủ 6 tháng (%)", 8, 7)
    hdr(xb, ws, 7, 8, "Tăng (+), giảm (-) so với quý I", 8, 8)
    hdr(xb, ws, 7, 9, "Ghi chú", 8, 9)
    r = 9
    tots = [0, 0, 0]

    def line(r, stt, code, name, dan, q1, h1, bold=False, ucode=None):
        xb.put(ws, r, 1, stt, h="center", box=True, b=bold)
        xb.put(ws, r, 2, code, h="center", box=True, b=bold)
        xb.put(ws, r, 3, name, box=True, b=bold)
        u = ucode or code
        xb.num(ws, r, 4, dan, obs=("dan_so", u, 2025, 1, 6, "actual", "", "Người"), b=bold)
        xb.num(ws, r, 5, q1, obs=("so_nguoi_bhyt", u, 2025, 1, 3, "actual", "", "Người"), b=bold)
        xb.num(ws, r, 6, h1, obs=("so_nguoi_bhyt", u, 2025, 1, 6, "actual", "", "Người"), b=bold)
        xb.num(
            ws,
            r,
            7,
            pct(h1, dan, 2),
            places=2,
            obs=("bhyt_bao_phu", u, 2025, 1, 6, "actual", "", "%"),
            b=bold,
        )
        xb.num(ws, r, 8, h1 - q1, b=bold)
        xb.put(ws, r, 9, None, box=True)

    for k, (code, name, dan) in enumerate(TP_2025, start=1):
        q1 = int(dan * rng.uniform(0.915, 0.972))
        h1 = q1 + rng.randint(-60, 160)
        line(r, str(k), code, name, dan, q1, h1)
        tots = [tots[0] + dan, tots[1] + q1, tots[2] + h1]
        r += 1
    line(r, "", "", "Tổng cộng", *tots, bold=True, ucode="436")
    xb.put(
        ws,
        r + 2,
        1,
        "Ghi chú: Dân số theo số liệu Chi cục Thống kê khu vực; số người tham gia BHYT không bao gồm thẻ cấp trùng.",
        i=True,
        merge=(r + 2, nc),
    )
    signature(
        xb,
        ws,
        r + 4,
        6,
        [
            ("TM. BAN CHỈ ĐẠO", True, False),
            ("TRƯỞNG BAN", True, False),
            ("", False, False),
            ("", False, False),
            ("Trần Tuấn Nghĩa", True, False),
        ],
        c2=9,
    )
    return xb


# ============================================================================= checks
def parse_back(v, how):
    if how == "mark":
        s = "" if v is None else str(v).strip()
        table = {"Đ": 1, "Đạt": 1, "x": 1, "CĐ": 0, "Chưa đạt": 0, "": 0}
        if s not in table:
            raise AssertionError(f"unexpected mark {v!r}")
        return D(table[s])
    if how == "pct":
        return D(repr(v)) * 100
    if how == "text":
        assert isinstance(v, str), v
        return parse_vi(v)
    if how == "num":
        assert isinstance(v, (int, float)), v
        return D(v) if isinstance(v, int) else D(repr(v))
    if how == "vi":
        return parse_vi(v)
    if how == "en":
        return parse_en(v)
    raise ValueError(how)


def close(a, b):
    return abs(D(a) - D(b)) <= D("1e-9")


def check_common(rep, path_expected, path_unknown, file_texts):
    keys = set()
    for o in rep.obs:
        k = (o["ind"], o["ucode"], o["year"], o["mf"], o["mt"], o["kind"], o["src"])
        assert k not in keys, f"{rep.stem}: duplicate observation {k}"
        keys.add(k)
        mc = measure_code(o["measure"])
        assert mc, f"{rep.stem}: measure {o['measure']!r} not in measures.toml"
        want = MEASURES[CATALOG[o["ind"]]["measure"]]["base"]
        assert MEASURES[mc]["base"] == want, f"{rep.stem}: {o['ind']} in {o['measure']!r}"
        if o["measure"] == "Đạt/Không":
            assert o["value"] in (0, 1)
    with open(path_expected, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == EXP_HEADER
    assert rows[1:] == rep.expected_rows(), f"{rep.stem}: expected.csv differs on read-back"
    with open(path_unknown, encoding="utf-8") as f:
        unk = [ln for ln in f.read().splitlines() if ln]
    assert unk == sorted(set(rep.unknown)), rep.stem
    cat_names = set()
    for ind in CATALOG.values():
        for n in [ind["name"]] + list(ind.get("aliases", [])):
            cat_names.add(norm_name(n))
    blob = unicodedata.normalize("NFC", "\n".join(file_texts))
    for name in unk:
        assert name in blob, f"{rep.stem}: unknown name {name!r} not in file"
        assert norm_name(name) not in cat_names, f"{rep.stem}: {name!r} is in the catalog"


def check_xlsx(xb, path):
    wb = load_workbook(path)
    seen = {}
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    seen[(ws.title, c.row, c.column)] = c.value
                    if isinstance(c.value, str):
                        texts.append(c.value)
    assert set(seen) == set(xb.reg), (
        f"{xb.stem}: cells differ: {sorted(set(seen) ^ set(xb.reg))[:5]}"
    )
    for k, v in xb.reg.items():
        assert seen[k] == v and type(seen[k]) is type(v), (
            f"{xb.stem}: cell {k}: {seen[k]!r} != {v!r}"
        )
    for o in xb.obs:
        sheet, r, c = o["loc"]
        ws = wb[sheet]
        assert ws.sheet_state == "visible", f"{xb.stem}: observation on hidden sheet {sheet}"
        assert not ws.row_dimensions[r].hidden, f"{xb.stem}: observation in hidden row {r}"
        got = parse_back(ws.cell(row=r, column=c).value, o["how"])
        assert close(got, o["value"]), (
            f"{xb.stem}: {sheet}!{get_column_letter(c)}{r} = {got}, expected {o['value']}"
        )
        if o["how"] == "pct":
            assert ws.cell(row=r, column=c).number_format.endswith("%")
    if "nfd" in xb.stem:
        vn = [t for t in texts if unicodedata.normalize("NFC", t) != t]
        assert vn and all(unicodedata.is_normalized("NFD", t) for t in texts), (
            f"{xb.stem}: text not NFD"
        )
    hidden_rows = sum(1 for ws in wb.worksheets for d in ws.row_dimensions.values() if d.hidden)
    hidden_sheets = sum(1 for ws in wb.worksheets if ws.sheet_state != "visible")
    return texts, hidden_rows, hidden_sheets


def check_csv(cb, path):
    with open(path, "rb") as f:
        raw = f.read()
    if cb.encoding == "cp1258":
        assert any(b in raw for b in (b"\xd2", b"\xde", b"\xec", b"\xf2", b"\xcc")), (
            "no combining marks"
        )
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
        assert b"\r\n" in raw
    else:
        assert not raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode(cb.encoding)
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=cb.delimiter))
    want = [[unicodedata.normalize("NFC", f) for f in ln] for ln in cb.lines]
    assert lines == want, f"{cb.stem}: CSV read-back differs"
    for o in cb.obs:
        ln, fld = o["loc"]
        got = parse_back(lines[ln][fld], o["how"])
        assert close(got, o["value"]), f"{cb.stem}: line {ln + 1} field {fld + 1}"
    return [f for ln in lines for f in ln], 0, 0


# ============================================================================= main
README_HEAD = """# realistic3: report files as Hà Tĩnh offices make them

Generated by `make_files.py` (deterministic: fixed seeds, document properties and zip timestamps; run it
with `.venv/bin/python tests/realistic3/make_files.py`). Each report `X.xlsx` / `X.csv` comes with

- `X.expected.csv`: `indicator_code,unit_code,unit_name,year,month_from,month_to,kind,target_source,value,measure`,
  one row per observation a perfect loader stores. Codes from `data/catalog/`, units from
  `data/admin_units.csv` (the row valid for the period), the period as months, kind `actual` / `estimate` /
  `target`, target_source `''`, `tinh_giao`, `hdnd_giao`, `phan_dau` or `nhiem_ky` (term targets at the
  term's end year, months 1–12). Value and measure as written in the file (a fraction shown with a % format
  is its percentage, measure `%`; criteria marks are 1 = đạt, 0 = chưa đạt, measure `Đạt/Không`).
  Not observations: comparison columns (%, so sánh, tăng/giảm, tăng bình quân, cộng), subtotals of groups
  of units ("Khối phường"), check columns ("Số tiêu chí đạt", "Đánh giá chung"), rows or sheets that are
  hidden, "-", "x" and text in value columns, and rows of indicators not in the catalog.
  A total row ("Tổng cộng", "Toàn thành phố", "Toàn huyện") belongs to the parent unit.
- `X.unknown.txt`: the names (as written, without "Trong đó:" / "-" markers) of non-catalog indicators
  whose rows hold values. The batch uses three such indicators in several wordings: labour export
  ("Xuất khẩu lao động", "Đi làm việc ở nước ngoài theo hợp đồng"), new household businesses ("Số hộ kinh
  doanh cá thể đăng ký mới") and the public-investment disbursement rate ("Tỷ lệ giải ngân vốn đầu tư
  công …"). All units in the files are valid for their periods.

The script reads every file back and checks it: every written cell is there with the same value and
nothing else is; every expected value is parsed back from its cell (numeric, Vietnamese text, English
text, % fraction or mark) and is not on a hidden row or sheet; expected.csv round-trips; measures are
known to `measures.toml` and convert to the indicator's measure; no observation key repeats; unknown names
occur in the file and are not catalog names or aliases; the NFD workbook really is NFD and the
Windows-1258 CSV really uses combining tone marks.

## Files
"""


def main():
    reports = []
    for build in BUILDERS:
        rep = build()
        path = os.path.join(HERE, f"{rep.stem}.{rep.ext}")
        rep.save(path)
        exp = os.path.join(HERE, f"{rep.stem}.expected.csv")
        with open(exp, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(EXP_HEADER)
            w.writerows(rep.expected_rows())
        unk = os.path.join(HERE, f"{rep.stem}.unknown.txt")
        with open(unk, "w", encoding="utf-8") as f:
            names = sorted(set(rep.unknown))
            f.write("".join(n + "\n" for n in names))
        texts, hr, hs = check_xlsx(rep, path) if rep.ext == "xlsx" else check_csv(rep, path)
        check_common(rep, exp, unk, texts)
        reports.append((rep, hr, hs))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(README_HEAD)
        for rep, hr, hs in reports:
            f.write(f"\n### {rep.stem}.{rep.ext} ({len(rep.obs)} observations)\n\n{rep.descr}\n")
        f.write(
            "\n## Summary\n\n| file | observations | unknown names | conventions |\n|---|---|---|---|\n"
        )
        for rep, hr, hs in reports:
            f.write(
                f"| {rep.stem}.{rep.ext} | {len(rep.obs)} | {len(set(rep.unknown))} | {'; '.join(rep.conventions)} |\n"
            )
    total = 0
    for rep, hr, hs in reports:
        total += len(rep.obs)
        print(
            f"{rep.stem}.{rep.ext:5s} obs={len(rep.obs):4d} unknown={len(set(rep.unknown))} hidden_rows={hr} hidden_sheets={hs}"
        )
    print(f"{len(reports)} files, {total} observations: all checks passed")


if __name__ == "__main__":
    sys.exit(main())
