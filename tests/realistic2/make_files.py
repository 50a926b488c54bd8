#!/usr/bin/env python
"""Generate a second batch of realistic Hà Tĩnh report files with their expected observations.

Run:  .venv/bin/python tests/realistic2/make_files.py
Deterministic (fixed seeds, no clock). Every file X gets X.expected.csv and X.unknown.txt; after writing,
every expected row is checked by reading the written file back (check_all at the bottom).

The numbers are invented but shaped like real reports. Units and periods follow data/admin_units.csv.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tomllib
import unicodedata
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT / "data"
OUT = HERE

# --------------------------------------------------------------------------- reference data
UNITS = list(csv.DictReader(open(DATA / "admin_units.csv", encoding="utf-8")))


def unit(name: str, on: str) -> tuple[str, str]:
    """(code, name) of the unit called `name` on date `on` (YYYY-MM-DD)."""
    c = [
        u
        for u in UNITS
        if u["name"] == name
        and u["valid_from"] <= on
        and (not u["valid_to"] or on <= u["valid_to"])
    ]
    assert len(c) == 1, (name, on, c)
    return c[0]["code"], c[0]["name"]


def children(parent_name: str, on: str, types=None) -> list[tuple[str, str]]:
    pid = [
        u
        for u in UNITS
        if u["name"] == parent_name
        and u["valid_from"] <= on
        and (not u["valid_to"] or on <= u["valid_to"])
    ][0]["unit_id"]
    out = [
        (u["code"], u["name"])
        for u in UNITS
        if u["parent_id"] == pid
        and u["valid_from"] <= on
        and (not u["valid_to"] or on <= u["valid_to"])
        and (types is None or u["unit_type"] in types)
    ]
    return sorted(out, key=lambda x: int(x[0]))


CATALOG = {}
for f in ("indicators.toml", "criteria_indicators.toml"):
    for ind in tomllib.load(open(DATA / "catalog" / f, "rb"))["indicator"]:
        if "code" in ind:
            CATALOG[ind["code"]] = ind
MEASURES = tomllib.load(open(DATA / "catalog" / "measures.toml", "rb"))["measure"]

# --------------------------------------------------------------------------- number formatting


def fmt_vn(v: float, dec: int | None = None, paren: bool = False) -> str:
    """1234.5 -> '1.234,5' (vi-VN). dec=None: as few decimals as the value needs (max 3)."""
    if dec is None:
        dec = 0
        while dec < 3 and abs(round(v, dec) - v) > 1e-9:
            dec += 1
    neg = v < 0
    s = f"{abs(v):,.{dec}f}"
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if neg:
        return f"({s})" if paren else "-" + s
    return s


def fmt_en(v: float, dec: int | None = None, thousands: bool = False) -> str:
    if dec is None:
        dec = 0
        while dec < 3 and abs(round(v, dec) - v) > 1e-9:
            dec += 1
    return f"{v:,.{dec}f}" if thousands else f"{v:.{dec}f}"


def parse_vn(s: str) -> float:
    s = unicodedata.normalize("NFC", s).strip()
    neg = False
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1]
    s = s.replace("%", "").strip()
    if s.startswith("-"):
        neg, s = True, s[1:]
    s = s.replace(".", "").replace(",", ".")
    v = float(s)
    return -v if neg else v


def parse_en(s: str) -> float:
    return float(s.strip().replace(",", ""))


def crit_value(s) -> float:
    s = unicodedata.normalize("NFC", str(s)).strip()
    low = s.lower()
    if low.startswith("chưa") or low in ("cđ", "0"):
        return 0.0
    if low.startswith("đạt") or low in ("đ", "x", "1"):
        return 1.0
    raise ValueError(s)


def clean(v: float) -> float:
    return float(f"{v:.10g}")


def ratio(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b:
        return round(a / b * 100, 2)
    return None


# --------------------------------------------------------------------------- expectations
HEADER = [
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


class Exp:
    """Expected observations of one file, each with where its value sits (for the read-back check)."""

    def __init__(
        self,
        fname: str,
        kind: str = "xlsx",
        encoding: str = "utf-8",
        delimiter: str = ",",
        locale: str = "vn",
    ):
        self.fname = fname
        self.kind = kind
        self.encoding = encoding
        self.delimiter = delimiter
        self.locale = locale
        self.rows: list[dict] = []
        self.unknown: list[str] = []
        self.readme = ""

    def add(self, code, u, year, mf, mt, kind, src, value, measure, loc, parse="auto", mloc=None):
        assert code in CATALOG, code
        key = (code, u[0], u[1], year, mf, mt, kind, src)
        for r in self.rows:
            if r["_key"] == key:
                assert abs(r["value"] - clean(value)) < 1e-9 and r["measure"] == measure, (
                    key,
                    value,
                )
                r["_locs"].append((loc, parse, mloc))
                return
        self.rows.append(
            dict(
                indicator_code=code,
                unit_code=u[0],
                unit_name=u[1],
                year=year,
                month_from=mf,
                month_to=mt,
                kind=kind,
                target_source=src,
                value=clean(value),
                measure=measure,
                _key=key,
                _locs=[(loc, parse, mloc)],
            )
        )

    def unk(self, name: str):
        name = unicodedata.normalize("NFC", name).replace("\n", " ").strip()
        if name not in self.unknown:
            self.unknown.append(name)

    def write(self):
        stem = self.fname.rsplit(".", 1)[0]
        with open(OUT / f"{stem}.expected.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(HEADER)
            for r in self.rows:
                w.writerow(
                    [
                        r["indicator_code"],
                        r["unit_code"],
                        r["unit_name"],
                        r["year"],
                        r["month_from"],
                        r["month_to"],
                        r["kind"],
                        r["target_source"],
                        repr(r["value"]),
                        r["measure"],
                    ]
                )
        with open(OUT / f"{stem}.unknown.txt", "w", encoding="utf-8", newline="\n") as fh:
            fh.write("".join(u + "\n" for u in self.unknown))


ALL: list[Exp] = []

# --------------------------------------------------------------------------- sheet writing
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"


class Sh:
    """Thin wrapper over a worksheet: styled writes, merges, optional NFD text."""

    def __init__(self, ws, nfd: bool = False):
        self.ws = ws
        self.nfd = nfd
        self.title = ws.title

    def t(self, v):
        if isinstance(v, str) and self.nfd:
            return unicodedata.normalize("NFD", v)
        return v

    def put(
        self,
        r,
        c,
        v,
        bold=False,
        italic=False,
        size=12,
        h=None,
        wrap=False,
        fmt=None,
        border=False,
        underline=None,
        va="center",
    ):
        cell = self.ws.cell(row=r, column=c)
        cell.value = self.t(v)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic, underline=underline)
        cell.alignment = Alignment(horizontal=h, vertical=va, wrap_text=wrap)
        if fmt:
            cell.number_format = fmt
        if border:
            cell.border = BOX
        return cell

    def merge(self, r1, c1, r2, c2, v, **kw):
        kw.setdefault("h", "center")
        kw.setdefault("wrap", True)
        self.put(r1, c1, v, **kw)
        if (r1, c1) != (r2, c2):
            self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        if kw.get("border"):
            for rr in range(r1, r2 + 1):
                for cc in range(c1, c2 + 1):
                    self.ws.cell(row=rr, column=cc).border = BOX

    def widths(self, ws_widths: dict):
        for col, w in ws_widths.items():
            self.ws.column_dimensions[col].width = w

    def box(self, r1, c1, r2, c2):
        for rr in range(r1, r2 + 1):
            for cc in range(c1, c2 + 1):
                self.ws.cell(row=rr, column=cc).border = BOX


def letterhead(
    sh: Sh,
    left1: str,
    left2: str | None,
    lcols: int,
    rc1: int,
    rc2: int,
    r: int = 1,
    left2_underline=True,
):
    """Issuing body at top left (parent above), quốc hiệu + tiêu ngữ at top right."""
    sh.merge(r, 1, r, lcols, left1, size=12, bold=left2 is None)
    if left2:
        sh.merge(
            r + 1,
            1,
            r + 1,
            lcols,
            left2,
            bold=True,
            size=12,
            underline="single" if left2_underline else None,
        )
    sh.merge(r, rc1, r, rc2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    sh.merge(
        r + 1,
        rc1,
        r + 1,
        rc2,
        "Độc lập - Tự do - Hạnh phúc",
        bold=True,
        size=13,
        underline="single",
    )


def store(sh: Sh, r, c, v, how: str, fmt: str | None = None, **kw):
    """Write a numeric value in one of the ways offices store them. Returns nothing."""
    if how == "num":
        sh.put(r, c, v, fmt=fmt or "#,##0.0#", border=True, h="right", **kw)
    elif how == "int":
        sh.put(r, c, v, fmt=fmt or "#,##0", border=True, h="right", **kw)
    elif how == "paren":
        sh.put(r, c, v, fmt=fmt or "#,##0.0;(#,##0.0)", border=True, h="right", **kw)
    elif how == "vn":
        sh.put(r, c, fmt_vn(v), border=True, h="right", **kw)
    elif how == "vnparen":
        sh.put(r, c, fmt_vn(v, paren=True), border=True, h="right", **kw)
    elif how == "pctfrac":
        sh.put(r, c, round(v / 100, 8), fmt=fmt or "0.00%", border=True, h="right", **kw)
    elif how == "pcttext":
        sh.put(r, c, fmt_vn(v) + "%", border=True, h="right", **kw)
    else:
        raise ValueError(how)


def body(
    sh: Sh,
    exp: Exp,
    r: int,
    rows: list[dict],
    cols: list[dict],
    u,
    stt_col=1,
    label_col=2,
    dvt_col: int | None = 3,
    measure: str | None = None,
    mloc=None,
    default_store="num",
):
    """Indicator rows × period columns.

    rows: dicts with stt, label, dvt, code (catalog code | None), unk (True = not in catalog), v (key -> value),
          store (how to store numbers), bold, italic, u (unit override).
    cols: dicts with col, key, meta (kind, year, mf, mt, src) | None, calc (fn(v) -> number | None), fmt.
    """
    for row in rows:
        bold = row.get("bold", False)
        italic = row.get("italic", False)
        if stt_col:
            sh.put(r, stt_col, row.get("stt"), bold=bold, h="center", border=True)
        sh.put(r, label_col, row.get("label"), bold=bold, italic=italic, wrap=True, border=True)
        if dvt_col:
            sh.put(r, dvt_col, row.get("dvt"), h="center", border=True, italic=italic)
        v = row.get("v", {})
        uu = row.get("u", u)
        for col in cols:
            c = col["col"]
            if not v:  # section heading / "Chia ra:" row
                sh.put(r, c, None, border=True)
                continue
            if col.get("meta") is not None:
                val = v.get(col["key"])
                if val is None:
                    sh.put(r, c, None, border=True)
                    continue
                if isinstance(val, str):
                    sh.put(r, c, val, h="center", border=True, italic=italic, wrap=True)
                    continue
                how = row.get("store", col.get("store", default_store))
                store(
                    sh,
                    r,
                    c,
                    val,
                    how,
                    fmt=col.get("fmt") if how in ("num", "int", "paren") else None,
                    bold=bold,
                    italic=italic,
                )
                kind, year, mf, mt, src = col["meta"]
                if row.get("code"):
                    m = row.get("dvt") if measure is None else measure
                    ml = (sh.title, r, dvt_col) if measure is None else mloc
                    exp.add(
                        row["code"], uu, year, mf, mt, kind, src, val, m, (sh.title, r, c), mloc=ml
                    )
                elif row.get("unk"):
                    exp.unk(row.get("unk_name") or row["label"])
            elif col.get("calc"):
                val = col["calc"](v)
                if val is None:
                    sh.put(r, c, col.get("blank"), border=True, h="center")
                else:
                    sh.put(r, c, val, fmt="0.0#", border=True, h="right", italic=True)
            else:
                sh.put(r, c, v.get(col.get("key")), border=True, wrap=True, italic=True, size=11)
        r += 1
    return r


def signature(
    sh: Sh,
    r: int,
    left_col: int,
    right_c1: int,
    right_c2: int,
    left: list[str],
    right: list[str],
    place_date: str | None = None,
):
    if place_date:
        sh.merge(r, right_c1, r, right_c2, place_date, italic=True)
        r += 1
    for i in range(max(len(left), len(right))):
        if i < len(left):
            sh.put(
                r + i,
                left_col,
                left[i],
                bold=(i == 0),
                italic=(i > 0 and left[i].startswith("(")),
                h="center",
            )
        if i < len(right):
            sh.merge(
                r + i,
                right_c1,
                r + i,
                right_c2,
                right[i],
                bold=not right[i].startswith("("),
                italic=right[i].startswith("("),
            )
    return r + max(len(left), len(right))


def noi_nhan(sh: Sh, r: int, col: int, items: list[str]):
    sh.put(r, col, "Nơi nhận:", bold=True, italic=True, size=12)
    for i, it in enumerate(items):
        sh.put(r + 1 + i, col, it, size=11)
    return r + 1 + len(items)


def save(wb, path: Path):
    """Save a workbook byte-for-byte reproducibly (fixed document dates and zip timestamps)."""
    import re
    import zipfile

    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2026-07-01T00:00:00Z",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 7, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    path.write_bytes(out.getvalue())


def setup(ws, landscape=True):
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_view.showGridLines = False


# =========================================================================== F01
def f01():
    """TP Hà Tĩnh, 9 tháng 2024: two targets (tỉnh giao / HĐND TP giao), cùng kỳ, ước 9T, ước cả năm."""
    fn = "01_tp_ktxh_9t_2024.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "9T-2024"
    setup(ws)
    sh = Sh(ws)
    u = unit("Thành phố Hà Tĩnh", "2024-09-30")
    letterhead(sh, "UBND THÀNH PHỐ HÀ TĨNH", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", 3, 5, 11)
    sh.put(3, 11, "Biểu số 01/KTXH", italic=True, h="right", size=11)
    sh.merge(4, 1, 4, 11, "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU", bold=True, size=14)
    sh.merge(5, 1, 5, 11, "ƯỚC THỰC HIỆN 9 THÁNG VÀ ƯỚC CẢ NĂM 2024", bold=True, size=13)
    sh.merge(
        6,
        1,
        6,
        11,
        "(Kèm theo Báo cáo số      /BC-UBND ngày     /9/2024 của UBND thành phố)",
        italic=True,
    )
    hd = dict(bold=True, border=True, size=11)
    sh.merge(8, 1, 9, 1, "TT", **hd)
    sh.merge(8, 2, 9, 2, "Chỉ tiêu", **hd)
    sh.merge(8, 3, 9, 3, "ĐVT", **hd)
    sh.merge(8, 4, 8, 5, "Kế hoạch năm 2024", **hd)
    sh.merge(9, 4, 9, 4, "Tỉnh\ngiao", **hd)
    sh.merge(9, 5, 9, 5, "HĐND TP\ngiao", **hd)
    sh.merge(8, 6, 9, 6, "Thực hiện\n9 tháng\nnăm 2023", **hd)
    sh.merge(8, 7, 9, 7, "Ước TH\n9 tháng\nnăm 2024", **hd)
    sh.merge(8, 8, 9, 8, "ƯTH\ncả năm\n2024", **hd)
    sh.merge(8, 9, 8, 11, "So sánh (%)", **hd)
    sh.merge(9, 9, 9, 9, "TH 9T/\nKH HĐND", **hd)
    sh.merge(9, 10, 9, 10, "TH 9T/\nCK", **hd)
    sh.merge(9, 11, 9, 11, "ƯTH năm/\nKH HĐND", **hd)
    for i, t in enumerate(["A", "B", "C", "1", "2", "3", "4", "5", "6=4/2", "7=4/3", "8=5/2"]):
        sh.put(10, i + 1, t, italic=True, h="center", border=True, size=10)
    ws.row_dimensions[9].height = 48
    cols = [
        dict(col=4, key="kt", meta=("target", 2024, 1, 12, "tinh_giao")),
        dict(col=5, key="kh", meta=("target", 2024, 1, 12, "hdnd_giao")),
        dict(col=6, key="ck", meta=("actual", 2023, 1, 9, "")),
        dict(col=7, key="th", meta=("estimate", 2024, 1, 9, "")),
        dict(col=8, key="cn", meta=("estimate", 2024, 1, 12, "")),
        dict(col=9, calc=lambda v: ratio(v.get("th"), v.get("kh")), blank="x"),
        dict(col=10, calc=lambda v: ratio(v.get("th"), v.get("ck")), blank="x"),
        dict(col=11, calc=lambda v: ratio(v.get("cn"), v.get("kh")), blank="x"),
    ]

    def R(stt, label, dvt, code, kt, kh, ck, th, cn, **kw):
        d = dict(
            stt=stt, label=label, dvt=dvt, code=code, v=dict(kt=kt, kh=kh, ck=ck, th=th, cn=cn)
        )
        d.update(kw)
        return d

    rows = [
        dict(stt="I", label="CÁC CHỈ TIÊU KINH TẾ", bold=True),
        R(
            "1",
            "Tốc độ tăng trưởng giá trị sản xuất (giá so sánh 2010)",
            "%",
            "tang_truong_gtsx",
            10.5,
            11,
            9.12,
            9.35,
            10.2,
        ),
        R(
            "2",
            "Tổng giá trị sản xuất (giá SS 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            "x",
            17250,
            11280.4,
            12335.6,
            17380.5,
        ),
        dict(stt="", label="Chia ra:", italic=True),
        R("-", "Công nghiệp - TTCN", "Tỷ đồng", "gtsx_cn_ttcn", "x", 3350, 2180.6, 2368.2, 3365),
        R("-", "Xây dựng", "Tỷ đồng", "gtsx_xay_dung", "x", 4980, 3265.3, 3540.1, 5010.4),
        R("-", "Thương mại - Dịch vụ", "Tỷ đồng", "gtsx_tm_dv", "x", 8520, 5640.2, 6209.5, 8598.6),
        R(
            "-",
            "Nông, lâm nghiệp và thuỷ sản",
            "Tỷ đồng",
            "gtsx_nong_nghiep",
            "x",
            400,
            194.3,
            217.8,
            406.5,
        ),
        R(
            "3",
            "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng",
            "Tỷ đồng",
            "ban_le_dich_vu",
            "x",
            26000,
            17105.2,
            19320.8,
            26350,
        ),
        R(
            "4",
            "Thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            828,
            1080,
            780.5,
            884.3,
            1249,
        ),
        R(
            "",
            "Trong đó: Thu tiền sử dụng đất",
            "Tỷ đồng",
            "thu_tien_sdd",
            480,
            710,
            402.1,
            468.7,
            655,
            italic=True,
        ),
        R(
            "5",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            "x",
            7500,
            4890.6,
            5320.4,
            7600,
        ),
        R(
            "6",
            "Số doanh nghiệp thành lập mới",
            "Doanh nghiệp",
            "doanh_nghiep_moi",
            300,
            330,
            228,
            246,
            335,
            store="int",
        ),
        R(
            "7",
            "Số hộ kinh doanh đăng ký mới",
            "Hộ",
            None,
            "x",
            800,
            601,
            652,
            850,
            unk=True,
            store="int",
        ),
        R("8", "Số HTX thành lập mới", "HTX", "hop_tac_xa_moi", 3, 4, 3, 3, 5, store="int"),
        dict(stt="II", label="VĂN HOÁ - XÃ HỘI", bold=True),
        R(
            "9",
            "Giải quyết việc làm mới",
            "Lao động",
            "viec_lam_moi",
            2800,
            3000,
            2150,
            2265,
            3050,
            store="int",
        ),
        R("10", "Tỷ lệ hộ nghèo (đa chiều)", "%", "ty_le_ho_ngheo", 0.9, 0.8, "-", "-", 0.78),
        R("11", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", 95, 95.5, 93.82, 94.61, 95.6),
        R("12", "Tỷ lệ lao động qua đào tạo", "%", "lao_dong_qua_dao_tao", 82, 83, "-", "-", 83.2),
        dict(stt="III", label="MÔI TRƯỜNG - ĐÔ THỊ", bold=True),
        R(
            "13",
            "Tỷ lệ thu gom, xử lý rác thải sinh hoạt",
            "%",
            "thu_gom_rac",
            100,
            100,
            99.5,
            100,
            100,
        ),
        R(
            "14",
            "Tỷ lệ dân số được sử dụng nước sạch",
            "%",
            "nuoc_sach",
            99,
            99.5,
            98.9,
            99.2,
            99.5,
        ),
        R(
            "15",
            "Số cây xanh trồng mới trên các tuyến phố",
            "Cây",
            None,
            "x",
            1500,
            870,
            1120,
            1650,
            unk=True,
            store="int",
        ),
        dict(stt="IV", label="QUỐC PHÒNG - AN NINH, CẢI CÁCH HÀNH CHÍNH", bold=True),
        R(
            "16",
            "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn",
            "%",
            "tthc_dung_han",
            "x",
            98,
            97.2,
            98.6,
            98.5,
        ),
        R("17", "Giao quân đạt chỉ tiêu", "%", "giao_quan", 100, 100, 100, 100, 100),
    ]
    # growth-rate rows: no ratio columns
    r = 11
    for row in rows:
        if row.get("code") == "tang_truong_gtsx":
            c2 = [
                c if c.get("meta") else dict(col=c["col"], calc=lambda v: None, blank="x")
                for c in cols
            ]
            r = body(sh, exp, r, [row], c2, u)
        else:
            r = body(sh, exp, r, [row], cols, u)
    r += 1
    sh.put(r, 2, "Ghi chú: - x: Tỉnh không giao chỉ tiêu;", italic=True, size=11)
    sh.put(
        r + 1,
        2,
        "             - (-): Chưa có số liệu (chỉ tiêu đánh giá theo năm).",
        italic=True,
        size=11,
    )
    r += 3
    noi_nhan(sh, r, 2, ["- UBND thành phố (b/c);", "- Lưu: VT, TCKH."])
    signature(
        sh,
        r,
        2,
        8,
        11,
        [],
        ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "", "", "Nguyễn Văn Hùng"],
        place_date="Hà Tĩnh, ngày 23 tháng 9 năm 2024",
    )
    sh.widths(
        {
            "A": 5,
            "B": 46,
            "C": 12,
            "D": 9,
            "E": 10,
            "F": 11,
            "G": 11,
            "H": 11,
            "I": 9,
            "J": 9,
            "K": 10,
        }
    )
    save(wb, OUT / fn)
    exp.readme = (
        'City summary for 9 months 2024 (Phòng TC-KH, form code "Biểu số 01/KTXH", two-line title). Two '
        'plan columns under a merged "Kế hoạch năm 2024" header ("Tỉnh\\ngiao" → tinh_giao, "HĐND TP\\ngiao" '
        '→ hdnd_giao), last year\'s 9 months (actual 2023 1–9), "Ước TH 9 tháng" (estimate 1–9) and "ƯTH cả '
        'năm" (estimate 1–12), then three ratio columns under "So sánh (%)" with abbreviated headers. Numbering '
        'row A, B, C, 1…5, 6=4/2. "Chia ra:" label row, "-" sub-items, "Trong đó:" sub-item, old-style tone '
        'marks ("hoá", "thuỷ"), "x" = no target, "-" = no data, footer with Ghi chú, Nơi nhận and a '
        "signature block in the value columns. Two rows (household businesses, street trees) are not in the "
        "catalog."
    )
    ALL.append(exp)


# =========================================================================== F02
def f02():
    """Phường Nam Hà, thu chi ngân sách 6 tháng 2023; numbers typed as Vietnamese text; hidden helper sheet."""
    fn = "02_phuong_namha_thuchi_6t_2023.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "BC 6T"
    setup(ws, landscape=False)
    sh = Sh(ws)
    u = unit("Phường Nam Hà", "2023-06-30")
    letterhead(sh, "UBND THÀNH PHỐ HÀ TĨNH", "UBND PHƯỜNG NAM HÀ", 2, 4, 8)
    sh.put(3, 1, "Mẫu số 02/BC-NS", italic=True, size=11)
    sh.merge(
        5,
        1,
        5,
        8,
        "BÁO CÁO TÌNH HÌNH THỰC HIỆN THU, CHI NGÂN SÁCH 6 THÁNG ĐẦU NĂM 2023",
        bold=True,
        size=13,
    )
    sh.put(7, 8, "ĐVT: Triệu đồng", italic=True, h="right", size=11)
    hd = dict(bold=True, border=True, size=11)
    sh.merge(8, 1, 9, 1, "TT", **hd)
    sh.merge(8, 2, 9, 2, "Nội dung", **hd)
    sh.merge(8, 3, 9, 3, "Dự toán năm 2023\n(HĐND phường giao)", **hd)
    sh.merge(8, 4, 9, 4, "Thực hiện\n6 tháng\nnăm 2022", **hd)
    sh.merge(8, 5, 9, 5, "Thực hiện\n6 tháng\nnăm 2023", **hd)
    sh.merge(8, 6, 8, 7, "So sánh (%)", **hd)
    sh.merge(9, 6, 9, 6, "TH/DT", **hd)
    sh.merge(9, 7, 9, 7, "TH/CK", **hd)
    sh.merge(8, 8, 9, 8, "Ghi chú", **hd)
    ws.row_dimensions[9].height = 45
    M = "Triệu đồng"
    ml = (ws.title, 7, 8)
    cols = [
        dict(col=3, key="dt", meta=("target", 2023, 1, 12, "hdnd_giao")),
        dict(col=4, key="ck", meta=("actual", 2022, 1, 6, "")),
        dict(col=5, key="th", meta=("actual", 2023, 1, 6, "")),
        dict(col=6, calc=lambda v: ratio(v.get("th"), v.get("dt"))),
        dict(col=7, calc=lambda v: ratio(v.get("th"), v.get("ck"))),
        dict(col=8, key="gc"),
    ]

    def R(stt, label, code, dt, ck, th, **kw):
        d = dict(
            stt=stt,
            label=label,
            code=code,
            v=dict(dt=dt, ck=ck, th=th),
            store="vn",
            unk=code is None,
        )
        d.update(kw)
        return d

    rows = [
        R(
            "A",
            "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN",
            "thu_ngan_sach",
            7250,
            3105.6,
            3588.2,
            bold=True,
        ),
        R("1", "Thu thuế ngoài quốc doanh", None, 1850, 812.4, 905.7),
        R("2", "Lệ phí trước bạ", None, 1200, 540.3, 602.8),
        R("3", "Thu tiền sử dụng đất", "thu_tien_sdd", 3800, 1620.5, 1932.1),
        R("4", "Thu khác ngân sách", None, 400, 132.4, 147.6),
        R("B", "TỔNG CHI NGÂN SÁCH PHƯỜNG", None, 6820, 2950.2, 3240.5, bold=True),
    ]
    rows[3]["v"]["gc"] = "Đấu giá QSDĐ khu Đồng Quả"
    r = body(sh, exp, 10, rows, cols, u, dvt_col=None, measure=M, mloc=ml)
    r += 1
    signature(
        sh,
        r,
        2,
        5,
        8,
        ["KẾ TOÁN", "", "", "", "Trần Thị Lan"],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Lê Đức Minh"],
        place_date="Nam Hà, ngày 05 tháng 7 năm 2023",
    )
    sh.widths({"A": 5, "B": 44, "C": 14, "D": 12, "E": 12, "F": 8, "G": 8, "H": 18})
    # hidden helper sheet: lookup of budget sub-items (mục lục ngân sách), not a report
    h = wb.create_sheet("DM_TieuMuc")
    hs = Sh(h)
    hs.put(1, 1, "Mã tiểu mục")
    hs.put(1, 2, "Nội dung")
    hs.put(1, 3, "Tỷ lệ điều tiết phường (%)")
    for i, (code, name, pct) in enumerate(
        [
            (1003, "Thuế GTGT hàng sản xuất, kinh doanh trong nước", 30),
            (2801, "Lệ phí trước bạ nhà, đất", 100),
            (1401, "Tiền sử dụng đất", 20),
            (1602, "Thuế sử dụng đất phi nông nghiệp", 100),
            (4914, "Thu khác", 100),
        ]
    ):
        hs.put(i + 2, 1, code)
        hs.put(i + 2, 2, name)
        hs.put(i + 2, 3, pct)
    h.sheet_state = "hidden"
    save(wb, OUT / fn)
    exp.readme = (
        'Ward accountant\'s budget report, 6 months 2023 (Phường Nam Hà, "Mẫu số 02/BC-NS"). "ĐVT: Triệu đồng" '
        "sits alone in the last column right above the table; there is no ĐVT column. Every number is typed as "
        'Vietnamese text ("3.588,2", "7.250"). Sections A/B in capitals, dự toán of the ward HĐND '
        "(hdnd_giao), last year's 6 months and this year's 6 months (both actual), ratio columns and a Ghi chú "
        "column with free text. Four budget rows (thuế NQD, lệ phí trước bạ, thu khác, tổng chi) are not in the "
        'catalog. A hidden second sheet "DM_TieuMuc" is a lookup list of budget sub-item codes and holds no '
        "observations."
    )
    ALL.append(exp)


# =========================================================================== F03
NTM_NAMES_2021 = {
    1: "Quy hoạch",
    2: "Giao thông",
    3: "Thủy lợi và phòng, chống thiên tai",
    4: "Điện",
    5: "Trường học",
    6: "Cơ sở vật chất văn hóa",
    7: "Cơ sở hạ tầng thương mại nông thôn",
    8: "Thông tin và Truyền thông",
    9: "Nhà ở dân cư",
    10: "Thu nhập",
    11: "Nghèo đa chiều",
    12: "Lao động",
    13: "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    14: "Giáo dục và Đào tạo",
    15: "Y tế",
    16: "Văn hóa",
    17: "Môi trường và an toàn thực phẩm",
    18: "Hệ thống chính trị và tiếp cận pháp luật",
    19: "Quốc phòng và An ninh",
    20: "Khu dân cư nông thôn mới kiểu mẫu, vườn mẫu",
}


def f03():
    """Huyện Can Lộc NTM matrix 2022, criteria as rows × communes as columns, Đ/CĐ marks."""
    fn = "03_canloc_ntm_2022.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "TH tieu chi"
    setup(ws)
    sh = Sh(ws)
    xas = children("Huyện Can Lộc", "2022-12-31", types={"xa"})
    assert len(xas) == 16
    n = len(xas)
    last = 2 + n
    letterhead(sh, "UBND HUYỆN CAN LỘC", "VĂN PHÒNG ĐIỀU PHỐI NTM", 4, 8, last)
    sh.merge(
        4,
        1,
        4,
        last,
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2021 - 2025",
        bold=True,
        size=13,
    )
    sh.merge(5, 1, 5, last, "(Tính đến ngày 31/12/2022)", italic=True)
    hd = dict(bold=True, border=True, size=11)
    sh.merge(7, 1, 8, 1, "TT", **hd)
    sh.merge(7, 2, 8, 2, "Nhóm / Tiêu chí", **hd)
    sh.merge(7, 3, 7, last, "Kết quả thực hiện của các xã", **hd)
    for j, (code, name) in enumerate(xas):
        sh.merge(8, 3 + j, 8, 3 + j, name.replace("Xã ", ""), **hd)
    ws.row_dimensions[8].height = 45
    rng = random.Random(303)
    groups = [
        ("I", "QUY HOẠCH", [1]),
        ("II", "HẠ TẦNG KINH TẾ - XÃ HỘI", list(range(2, 10))),
        ("III", "KINH TẾ VÀ TỔ CHỨC SẢN XUẤT", [10, 11, 12, 13]),
        ("IV", "VĂN HÓA - XÃ HỘI - MÔI TRƯỜNG", [14, 15, 16, 17]),
        ("V", "HỆ THỐNG CHÍNH TRỊ", [18, 19]),
        ("VI", "TIÊU CHÍ ĐẶC THÙ CỦA TỈNH", [20]),
    ]
    hard = {10: 0.3, 13: 0.25, 17: 0.35, 20: 0.3, 5: 0.15, 2: 0.12}
    counts = [0] * n
    r = 9
    for g, gname, crits in groups:
        sh.put(r, 1, g, bold=True, h="center", border=True)
        sh.put(r, 2, gname, bold=True, border=True)
        sh.box(r, 3, r, last)
        r += 1
        for k in crits:
            sh.put(r, 1, k, h="center", border=True)
            sh.put(r, 2, NTM_NAMES_2021[k], border=True, wrap=True)
            for j, uu in enumerate(xas):
                ok = rng.random() > hard.get(k, 0.04)
                sh.put(r, 3 + j, "Đ" if ok else "CĐ", h="center", border=True)
                counts[j] += ok
                exp.add(
                    f"ntm_tc{k:02d}",
                    uu,
                    2022,
                    1,
                    12,
                    "actual",
                    "",
                    1 if ok else 0,
                    "Đạt/Không",
                    (ws.title, r, 3 + j),
                    parse="crit",
                )
            r += 1
    sh.put(r, 2, "Số tiêu chí đạt", bold=True, border=True)
    for j in range(n):
        sh.put(r, 3 + j, counts[j], bold=True, h="center", border=True)
    exp.unk("Số tiêu chí đạt")
    r += 2
    sh.put(
        r,
        2,
        "Ghi chú: Đ - Đạt; CĐ - Chưa đạt. Tiêu chí 20 là tiêu chí đặc thù của tỉnh Hà Tĩnh.",
        italic=True,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        10,
        last,
        ["NGƯỜI TỔNG HỢP"],
        ["CHÁNH VĂN PHÒNG", "", "", "Phan Văn Tâm"],
        place_date="Can Lộc, ngày 10 tháng 01 năm 2023",
    )
    sh.widths({"A": 5, "B": 40})
    for j in range(n):
        ws.column_dimensions[get_column_letter(3 + j)].width = 7
    save(wb, OUT / fn)
    exp.readme = (
        "District NTM matrix in the transposed orientation: the 20 criteria (19 national + Hà Tĩnh's criterion "
        '20) are rows grouped under I–VI, the 16 communes of Can Lộc are columns under a merged "Kết quả thực '
        'hiện của các xã" header, named without the "Xã" prefix. Marks are "Đ" (1) and "CĐ" (0), explained '
        "only in the legend under the table; criterion rows carry the number in the TT column and the name "
        'alone (2021–2025 wording: "Nghèo đa chiều", "Lao động"). Period: year 2022 ("Tính đến ngày '
        '31/12/2022"). The two thị trấn are not listed. A "Số tiêu chí đạt" count row closes the table '
        "(not an observation)."
    )
    ALL.append(exp)


# =========================================================================== F04
def f04():
    """Chi cục Thuế: thu NS các phường, xã Quý III và lũy kế 9 tháng 2019; 3-level header; total first."""
    fn = "04_chicucthue_tp_q3_2019.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Q3-2019"
    setup(ws)
    sh = Sh(ws)
    on = "2019-09-30"
    city = unit("Thành phố Hà Tĩnh", on)
    units = children("Thành phố Hà Tĩnh", on)
    wards = [x for x in units if x[1].startswith("Phường")]
    communes = [x for x in units if x[1].startswith("Xã")]
    assert len(wards) == 10 and len(communes) == 6
    letterhead(sh, "CỤC THUẾ TỈNH HÀ TĨNH", "CHI CỤC THUẾ THÀNH PHỐ HÀ TĨNH", 3, 6, 10)
    sh.merge(4, 1, 4, 10, "TÌNH HÌNH THU NGÂN SÁCH TRÊN ĐỊA BÀN CÁC PHƯỜNG, XÃ", bold=True, size=13)
    sh.merge(5, 1, 5, 10, "QUÝ III VÀ 9 THÁNG NĂM 2019", bold=True, size=13)
    sh.merge(6, 9, 6, 10, "ĐVT: Triệu đồng", italic=True, h="right", size=11)
    hd = dict(bold=True, border=True, size=11)
    sh.merge(7, 1, 9, 1, "TT", **hd)
    sh.merge(7, 2, 9, 2, "Đơn vị", **hd)
    sh.merge(7, 3, 8, 4, "Dự toán HĐND\nthành phố giao năm 2019", **hd)
    sh.merge(7, 5, 7, 8, "Thực hiện", **hd)
    sh.merge(8, 5, 8, 6, "Quý III/2019", **hd)
    sh.merge(8, 7, 8, 8, "Lũy kế đến 30/9/2019", **hd)
    for c, t in [
        (3, "Tổng thu"),
        (4, "Trong đó:\nTiền SDĐ"),
        (5, "Tổng thu"),
        (6, "Tiền SDĐ"),
        (7, "Tổng thu"),
        (8, "Tiền SDĐ"),
    ]:
        sh.merge(9, c, 9, c, t, **hd)
    sh.merge(7, 9, 9, 9, "Lũy kế\nso DT\n(%)", **hd)
    sh.merge(7, 10, 9, 10, "Ghi chú", **hd)
    ws.row_dimensions[9].height = 32
    M = "Triệu đồng"
    ml = (ws.title, 6, 9)
    rng = random.Random(404)
    vals = {}
    for code, name in units:
        dt = round(rng.uniform(4000, 32000), -1)
        dts = round(dt * rng.uniform(0.3, 0.55), 1)
        lk = round(dt * rng.uniform(0.55, 0.95), 1)
        lks = round(min(dts * rng.uniform(0.4, 1.1), lk * 0.7), 1)
        q3 = round(lk * rng.uniform(0.25, 0.4), 1)
        q3s = round(lks * rng.uniform(0.2, 0.45), 1)
        vals[code] = dict(dt=dt, dts=dts, q3=q3, q3s=q3s, lk=lk, lks=lks)
    # a refund of land-use fees exceeded the quarter's collections in Thạch Quý
    tq = unit("Phường Thạch Quý", on)[0]
    vals[tq]["q3"] = round(vals[tq]["q3"] * 0.6, 1)
    vals[tq]["q3s"] = -125.4
    vals[tq]["gc"] = "Hoàn trả tiền SDĐ nộp thừa"
    tot = {
        k: round(sum(vals[c][k] for c, _ in units), 1)
        for k in ("dt", "dts", "q3", "q3s", "lk", "lks")
    }
    cols = [
        dict(col=3, key="dt", meta=("target", 2019, 1, 12, "hdnd_giao")),
        dict(col=4, key="dts", meta=("target", 2019, 1, 12, "hdnd_giao")),
        dict(col=5, key="q3", meta=("actual", 2019, 7, 9, "")),
        dict(col=6, key="q3s", meta=("actual", 2019, 7, 9, "")),
        dict(col=7, key="lk", meta=("actual", 2019, 1, 9, "")),
        dict(col=8, key="lks", meta=("actual", 2019, 1, 9, "")),
        dict(col=9, calc=lambda v: ratio(v.get("lk"), v.get("dt"))),
        dict(col=10, key="gc"),
    ]
    code_of = {
        "dt": "thu_ngan_sach",
        "q3": "thu_ngan_sach",
        "lk": "thu_ngan_sach",
        "dts": "thu_tien_sdd",
        "q3s": "thu_tien_sdd",
        "lks": "thu_tien_sdd",
    }

    def emit(r, label, stt, u, v, bold=False):
        # one row, two indicators: write through body() once per indicator family
        sh.put(r, 1, stt, bold=bold, h="center", border=True)
        sh.put(r, 2, label, bold=bold, border=True)
        for col in cols:
            c = col["col"]
            if col.get("meta"):
                store(sh, r, c, v[col["key"]], "paren", bold=bold)
                kind, year, mf, mt, src = col["meta"]
                exp.add(
                    code_of[col["key"]],
                    u,
                    year,
                    mf,
                    mt,
                    kind,
                    src,
                    v[col["key"]],
                    M,
                    (ws.title, r, c),
                    mloc=ml,
                )
            elif col.get("calc"):
                sh.put(r, c, col["calc"](v), fmt="0.0", border=True, h="right", italic=True)
            else:
                sh.put(r, c, v.get("gc"), border=True, italic=True, size=10, wrap=True)

    r = 10
    emit(r, "TOÀN THÀNH PHỐ", "", city, tot, bold=True)
    r += 1
    sh.put(r, 1, "I", bold=True, h="center", border=True)
    sh.put(r, 2, "Các phường", bold=True, border=True)
    sh.box(r, 3, r, 10)
    r += 1
    for i, uu in enumerate(wards):
        emit(r, uu[1].replace("Phường ", ""), str(i + 1), uu, vals[uu[0]])
        r += 1
    sh.put(r, 1, "II", bold=True, h="center", border=True)
    sh.put(r, 2, "Các xã", bold=True, border=True)
    sh.box(r, 3, r, 10)
    r += 1
    for i, uu in enumerate(communes):
        emit(r, uu[1].replace("Xã ", ""), str(i + 1), uu, vals[uu[0]])
        r += 1
    r += 1
    sh.put(
        r,
        2,
        "Ghi chú: Số liệu theo báo cáo thu của KBNN thành phố đến hết ngày 30/9/2019; "
        "số âm (trong ngoặc) là số hoàn trả.",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        7,
        10,
        ["NGƯỜI LẬP BIỂU", "", "", "", "Võ Thị Hà"],
        ["CHI CỤC TRƯỞNG", "", "", "", "Đặng Quốc Bảo"],
        place_date="Hà Tĩnh, ngày 04 tháng 10 năm 2019",
    )
    sh.widths(
        {"A": 5, "B": 18, "C": 12, "D": 12, "E": 12, "F": 11, "G": 12, "H": 11, "I": 8, "J": 20}
    )
    save(wb, OUT / fn)
    exp.readme = (
        "Tax office table, one row per ward/commune of TP Hà Tĩnh (the 16 units of 2019: Thạch Môn and Thạch "
        'Đồng still exist), quarter III and year-to-date 2019. Three-level header: "Thực hiện" › "Quý '
        'III/2019" / "Lũy kế đến 30/9/2019" › "Tổng thu" / "Tiền SDĐ"; the plan pair sits in a block '
        'merged over two rows. The city total "TOÀN THÀNH PHỐ" comes first, above the "Các phường" / "Các '
        'xã" sections, and unit names are written bare ("Nam Hà", "Thạch Hưng"). "ĐVT: Triệu đồng" is on '
        "the right edge above the header. Numbers use the format #,##0.0;(#,##0.0): Thạch Quý's land-fee "
        "revenue for the quarter is negative (a refund) and shows in parentheses. Periods: Quý III = 7–9, lũy "
        "kế = 1–9, dự toán of the city HĐND = target hdnd_giao."
    )
    ALL.append(exp)


# =========================================================================== F05
def f05():
    """Cục Thống kê: province series 2020–2024 (2024 sơ bộ) with bilingual labels and the 2020–2025 term target."""
    fn = "05_cucthongke_chitieu_2020_2024.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "01"
    setup(ws)
    sh = Sh(ws)
    u = unit("Tỉnh Hà Tĩnh", "2024-12-31")
    sh.merge(1, 1, 1, 3, "CỤC THỐNG KÊ TỈNH HÀ TĨNH", bold=True)
    sh.merge(
        3,
        1,
        3,
        9,
        "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU CỦA TỈNH HÀ TĨNH GIAI ĐOẠN 2020 - 2024",
        bold=True,
        size=13,
    )
    sh.merge(
        4,
        1,
        4,
        9,
        "Some key socio-economic indicators of Ha Tinh province, 2020 - 2024",
        italic=True,
    )
    hd = dict(bold=True, border=True, size=11)
    sh.merge(6, 1, 7, 1, "Chỉ tiêu\nIndicators", **hd)
    sh.merge(6, 2, 7, 2, "Đơn vị tính\nUnit", **hd)
    sh.merge(6, 3, 6, 7, "Thực hiện - Implementation", **hd)
    for i, y in enumerate([2020, 2021, 2022, 2023]):
        sh.put(7, 3 + i, y, **hd, h="center")
    sh.merge(7, 7, 7, 7, "Sơ bộ\nPrel. 2024", **hd)
    sh.merge(6, 8, 7, 8, "Mục tiêu NQ\nĐại hội XIX\n(2020-2025)", **hd)
    sh.merge(6, 9, 7, 9, "Tăng BQ\n2021-2024\n(%)", **hd)
    ws.row_dimensions[7].height = 45
    ym = [("y2020", 2020), ("y2021", 2021), ("y2022", 2022), ("y2023", 2023), ("y2024", 2024)]
    cols = [dict(col=3 + i, key=k, meta=("actual", y, 1, 12, "")) for i, (k, y) in enumerate(ym)]
    cols.append(dict(col=8, key="mt", meta=("target", 2025, 1, 12, "nhiem_ky")))

    def cagr(v):
        a, b = v.get("y2020"), v.get("y2024")
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > 0 and v.get("_lvl"):
            return round(((b / a) ** (1 / 4) - 1) * 100, 2)
        return None

    cols.append(dict(col=9, calc=cagr))

    def R(label, dvt, code, vals, mt, lvl=False, **kw):
        v = {k: x for (k, _), x in zip(ym, vals)}
        v["mt"] = mt
        v["_lvl"] = lvl
        d = dict(
            label=label, dvt=dvt, code=code, v=v, unk=code is None, unk_name=label.split("\n")[0]
        )
        d.update(kw)
        return d

    rows = [
        R(
            "Dân số trung bình\nAverage population",
            "Nghìn người",
            "dan_so",
            [1290.6, 1301.9, 1315.5, 1327.8, 1339.6],
            None,
            lvl=True,
        ),
        R(
            "Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP, giá so sánh)\nGRDP growth rate",
            "%",
            None,
            [1.17, 6.66, 6.27, 8.05, 8.12],
            "> 10",
        ),
        R(
            "GRDP bình quân đầu người\nGRDP per capita",
            "Triệu đồng",
            None,
            [66.1, 73.0, 81.2, 87.5, 95.4],
            110,
            lvl=True,
        ),
        R(
            "Thu ngân sách nhà nước trên địa bàn\nState budget revenue",
            "Tỷ đồng",
            "thu_ngan_sach",
            [11856.2, 16735.4, 18120.7, 16452.3, 17904.5],
            28000,
            lvl=True,
        ),
        R(
            "Thu nhập bình quân đầu người/năm\nIncome per capita per year",
            "Triệu đồng/người",
            "thu_nhap_binh_quan",
            [41.3, 44.6, 50.2, 55.8, 60.4],
            70,
            lvl=True,
        ),
        R(
            "Tỷ lệ hộ nghèo đa chiều (*)\nMultidimensional poverty rate",
            "%",
            "ty_le_ho_ngheo",
            [3.12, 2.46, 6.05, 4.41, 3.02],
            "Giảm BQ\n> 1,5%/năm",
        ),
        R(
            "Tỷ lệ dân số tham gia bảo hiểm y tế\nHealth insurance coverage",
            "%",
            "bhyt_bao_phu",
            [90.2, 91.6, 92.4, 93.6, 94.5],
            95,
        ),
        R(
            "Số doanh nghiệp thành lập mới\nNewly established enterprises",
            "Doanh nghiệp",
            "doanh_nghiep_moi",
            [812, 906, 1015, 1102, 1187],
            "> 1.000/năm",
            lvl=True,
            store="int",
        ),
        R(
            "Số lao động được tạo việc làm mới\nNew jobs created",
            "Người",
            "viec_lam_moi",
            [19500, 18250, 22150, 23410, 24020],
            "> 20.000/năm",
            lvl=True,
            store="int",
        ),
    ]
    r = body(sh, exp, 8, rows, cols, u, stt_col=None, label_col=1, dvt_col=2)
    for rr in range(8, r):
        ws.row_dimensions[rr].height = 32
    r += 1
    sh.put(
        r,
        1,
        "(*) Từ năm 2022 áp dụng chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định số 07/2021/NĐ-CP).",
        italic=True,
        size=11,
    )
    sh.put(
        r + 1,
        1,
        "Nguồn: Niên giám Thống kê tỉnh Hà Tĩnh năm 2023; số liệu năm 2024 là số sơ bộ.",
        italic=True,
        size=11,
    )
    sh.widths({"A": 52, "B": 16, "C": 10, "D": 10, "E": 10, "F": 10, "G": 10, "H": 13, "I": 10})
    save(wb, OUT / fn)
    exp.readme = (
        "Provincial statistics office, yearbook style: bilingual indicator labels (Vietnamese line, English line "
        'in the same cell), a bilingual two-row header with years as integers under "Thực hiện - '
        'Implementation" and the last year as "Sơ bộ\\nPrel. 2024" (stored as actual), then the Party-congress '
        'target "Mục tiêu NQ Đại hội XIX (2020-2025)" (target, nhiem_ky, stored at 2025) and a CAGR column '
        '(not an observation). Term targets written as text ("> 10", "> 1.000/năm", "Giảm BQ > 1,5%/năm") '
        'are not numeric observations. No STT column. Dân số is in "Nghìn người". The two GRDP rows are not in '
        'the catalog (GRDP is not the city-level "giá trị sản xuất").'
    )
    ALL.append(exp)


# =========================================================================== F06
def f06():
    """Huyện Lộc Hà: kết quả năm 2017 và kế hoạch 2018; 1. / 1.1 / 1.2.1 numbering; a negative growth."""
    fn = "06_locha_phuluc_nam_2017.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "PL01"
    setup(ws)
    sh = Sh(ws)
    u = unit("Huyện Lộc Hà", "2017-12-31")
    sh.merge(1, 1, 1, 3, "UBND HUYỆN LỘC HÀ", bold=True)
    sh.merge(1, 6, 1, 10, "PHỤ LỤC 01", bold=True)
    sh.merge(
        3,
        1,
        3,
        10,
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2017 VÀ KẾ HOẠCH NĂM 2018",
        bold=True,
        size=13,
    )
    sh.merge(
        4,
        1,
        4,
        10,
        "(Kèm theo Báo cáo số 312/BC-UBND ngày 08/12/2017 của UBND huyện Lộc Hà)",
        italic=True,
    )
    hd = dict(bold=True, border=True, size=11)
    sh.merge(6, 1, 7, 1, "TT", **hd)
    sh.merge(6, 2, 7, 2, "Chỉ tiêu", **hd)
    sh.merge(6, 3, 7, 3, "ĐVT", **hd)
    sh.merge(6, 4, 7, 4, "Thực hiện\nnăm 2016", **hd)
    sh.merge(6, 5, 6, 6, "Năm 2017", **hd)
    sh.put(7, 5, "Kế hoạch", **hd, h="center")
    sh.put(7, 6, "Ước thực hiện", **hd, h="center", wrap=True)
    sh.merge(6, 7, 6, 8, "So sánh (%)", **hd)
    sh.put(7, 7, "ƯTH/KH", **hd, h="center")
    sh.put(7, 8, "ƯTH 2017/\nTH 2016", **hd, h="center", wrap=True)
    sh.merge(6, 9, 7, 9, "Kế hoạch\nnăm 2018", **hd)
    sh.merge(6, 10, 7, 10, "Ghi chú", **hd)
    for i, t in enumerate(["A", "B", "C", "1", "2", "3", "4=3/2", "5=3/1", "6", "7"]):
        sh.put(8, i + 1, t, italic=True, h="center", border=True, size=10)
    ws.row_dimensions[7].height = 36
    cols = [
        dict(col=4, key="th16", meta=("actual", 2016, 1, 12, "")),
        dict(col=5, key="kh17", meta=("target", 2017, 1, 12, "")),
        dict(col=6, key="uth17", meta=("estimate", 2017, 1, 12, "")),
        dict(
            col=7, calc=lambda v: None if v.get("_rate") else ratio(v.get("uth17"), v.get("kh17"))
        ),
        dict(
            col=8, calc=lambda v: None if v.get("_rate") else ratio(v.get("uth17"), v.get("th16"))
        ),
        dict(col=9, key="kh18", meta=("target", 2018, 1, 12, "")),
        dict(col=10, key="gc"),
    ]

    def R(stt, label, dvt, code, a, b, c, d, rate=False, gc=None, **kw):
        x = dict(
            stt=stt,
            label=label,
            dvt=dvt,
            code=code,
            unk=code is None,
            v=dict(th16=a, kh17=b, uth17=c, kh18=d, _rate=rate, gc=gc),
        )
        x.update(kw)
        return x

    rows = [
        R(
            "1",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            2985.4,
            3350,
            3342.6,
            3720,
            bold=True,
        ),
        R(
            "1.1",
            "Nông, lâm nghiệp và thủy sản",
            "Tỷ đồng",
            "gtsx_nong_nghiep",
            1205.3,
            1320,
            1310.8,
            1390,
        ),
        R("1.2", "Công nghiệp - TTCN và xây dựng", "Tỷ đồng", None, 1050.6, 1180, 1186.4, 1350),
        R(
            "1.2.1",
            "Công nghiệp - Tiểu thủ công nghiệp",
            "Tỷ đồng",
            "gtsx_cn_ttcn",
            402.5,
            450,
            447.3,
            520,
            italic=True,
        ),
        R(
            "1.2.2",
            "Xây dựng cơ bản",
            "Tỷ đồng",
            "gtsx_xay_dung",
            648.1,
            730,
            739.1,
            830,
            italic=True,
        ),
        R("1.3", "Thương mại - Dịch vụ", "Tỷ đồng", "gtsx_tm_dv", 729.5, 850, 845.4, 980),
        R(
            "2",
            "Tốc độ tăng trưởng giá trị sản xuất",
            "%",
            "tang_truong_gtsx",
            -2.35,
            12.2,
            11.96,
            11.29,
            rate=True,
            gc="Năm 2016 chịu ảnh hưởng sự cố môi trường biển",
            bold=True,
        ),
        R(
            "3",
            "Thu nhập bình quân đầu người",
            "Triệu đồng/người/năm",
            "thu_nhap_binh_quan",
            27.5,
            31,
            30.8,
            34,
            bold=True,
        ),
        R(
            "4",
            "Tổng sản lượng lương thực",
            "Tấn",
            "san_luong_luong_thuc",
            38520,
            40000,
            41250,
            41000,
            bold=True,
            store="int",
        ),
        R(
            "",
            "Tổng đàn lợn",
            "Con",
            "tong_dan_lon",
            42150,
            45000,
            43820,
            46000,
            italic=True,
            store="int",
        ),
        R(
            "5",
            "Thu ngân sách trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            68.5,
            75,
            82.3,
            90,
            bold=True,
        ),
        R(
            "6",
            "Số xã đạt chuẩn nông thôn mới (lũy kế)",
            "Xã",
            "so_xa_ntm",
            7,
            10,
            10,
            12,
            bold=True,
            store="int",
        ),
        R("7", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", 6.72, 5.2, 5.05, 3.8, rate=True, bold=True),
        R(
            "8",
            "Tỷ lệ gia đình văn hóa",
            "%",
            "gia_dinh_van_hoa",
            88.5,
            89,
            89.6,
            90,
            rate=True,
            bold=True,
        ),
        R(
            "9",
            "Tỷ lệ hộ dân sử dụng nước sạch",
            "%",
            "nuoc_sach",
            62.4,
            68,
            68.9,
            75,
            rate=True,
            bold=True,
        ),
    ]
    r = body(sh, exp, 9, rows, cols, u, default_store="num")
    # the negative growth: plain number, shown with a minus by the format
    ws.cell(row=15, column=4).number_format = "0.00"
    r += 1
    signature(
        sh, r, 2, 6, 10, [], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "(Đã ký)"]
    )
    sh.widths(
        {"A": 6, "B": 42, "C": 14, "D": 11, "E": 10, "F": 11, "G": 9, "H": 10, "I": 10, "J": 22}
    )
    save(wb, OUT / fn)
    exp.readme = (
        'District appendix ("PHỤ LỤC 01" at top right instead of the quốc hiệu) of Huyện Lộc Hà\'s year report '
        "2017: last year's actual, \"Năm 2017\" › Kế hoạch / Ước thực hiện, two ratio columns, next year's plan "
        '(target 2018) and Ghi chú. Hierarchical numbering 1, 1.1, 1.2, 1.2.1. Row 1.2 "Công nghiệp - TTCN và '
        'xây dựng" combines two catalog sectors and is not itself in the catalog; its sub-rows are. The 2016 '
        "growth rate is negative (-2,35 %, the marine-environment incident year) stored as a plain negative "
        'number. An unnumbered italic row ("Tổng đàn lợn") sits under row 4. Signature "(Đã ký)" in the value columns.'
    )
    ALL.append(exp)


# =========================================================================== F07
def f07():
    """Xã Can Lộc (new, from 01/7/2025): 6 tháng cuối năm 2025, kế hoạch 2026, mục tiêu nhiệm kỳ 2025-2030."""
    fn = "07_xa_canloc_6tcn_2025_kh2026.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bieu 01"
    setup(ws)
    sh = Sh(ws)
    u = unit("Xã Can Lộc", "2025-12-31")
    sh.merge(1, 1, 2, 3, "ỦY BAN NHÂN DÂN\nXÃ CAN LỘC", bold=True)
    sh.merge(1, 4, 1, 7, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    sh.merge(2, 4, 2, 7, "Độc lập - Tự do - Hạnh phúc", bold=True, underline="single")
    ws.row_dimensions[1].height = 20
    sh.put(3, 7, "Biểu số 01", italic=True, h="right")
    sh.merge(
        4,
        1,
        4,
        7,
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG CUỐI NĂM 2025\n"
        "VÀ KẾ HOẠCH NĂM 2026",
        bold=True,
        size=13,
    )
    ws.row_dimensions[4].height = 36
    hd = dict(bold=True, border=True, size=11)
    sh.merge(6, 1, 6, 1, "TT", **hd)
    sh.merge(6, 2, 6, 2, "Chỉ tiêu", **hd)
    sh.merge(6, 3, 6, 3, "ĐVT", **hd)
    sh.merge(6, 4, 6, 4, "Ước TH 6 tháng cuối năm 2025\n(từ 01/7 đến 31/12/2025)", **hd)
    sh.merge(6, 5, 6, 5, "Kế hoạch năm 2026\n(Nghị quyết HĐND xã)", **hd)
    sh.merge(
        6,
        6,
        6,
        6,
        "Mục tiêu đến năm 2030\n(NQ Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030)",
        **hd,
    )
    sh.merge(6, 7, 6, 7, "Ghi chú", **hd)
    ws.row_dimensions[6].height = 75
    cols = [
        dict(col=4, key="h2", meta=("estimate", 2025, 7, 12, "")),
        dict(col=5, key="kh", meta=("target", 2026, 1, 12, "hdnd_giao")),
        dict(col=6, key="mt", meta=("target", 2030, 1, 12, "nhiem_ky")),
        dict(col=7, key="gc"),
    ]

    def R(stt, label, dvt, code, h2, kh, mt, gc=None, **kw):
        x = dict(
            stt=stt,
            label=label,
            dvt=dvt,
            code=code,
            unk=code is None,
            v=dict(h2=h2, kh=kh, mt=mt, gc=gc),
        )
        x.update(kw)
        return x

    rows = [
        dict(stt="I", label="KINH TẾ", bold=True),
        R(
            "1",
            "Tổng thu NS trên địa bàn",
            "Tr.đồng",
            "thu_ngan_sach",
            18250,
            32000,
            "x",
            store="vn",
        ),
        R(
            "",
            "Trong đó: Thu tiền SDĐ",
            "Tr.đồng",
            "thu_tien_sdd",
            12400,
            21000,
            "x",
            store="vn",
            italic=True,
        ),
        R(
            "2",
            "TNBQ đầu người/năm",
            "Tr.đ/người/năm",
            "thu_nhap_binh_quan",
            "-",
            62,
            "Tăng 1,5 lần so với năm 2025",
        ),
        R("3", "Số doanh nghiệp thành lập mới", "DN", "doanh_nghiep_moi", 9, 20, "x", store="int"),
        R(
            "4",
            "Số sản phẩm OCOP đạt 3 sao trở lên (lũy kế)",
            "Sản phẩm",
            "san_pham_ocop",
            6,
            8,
            15,
            store="int",
        ),
        R("5", "Số HTX thành lập mới", "HTX", "hop_tac_xa_moi", 1, 2, "x", store="int"),
        dict(stt="II", label="VĂN HÓA - XÃ HỘI", bold=True),
        R("6", "Tỷ lệ bao phủ BHYT", "%", "bhyt_bao_phu", 94.2, 95, 97),
        R(
            "7",
            "Tỷ lệ hộ nghèo đa chiều",
            "%",
            "ty_le_ho_ngheo",
            "-",
            1.8,
            0.5,
            gc="Rà soát cuối năm theo chuẩn NĐ 07/2021",
        ),
        R("8", "Số lao động được GQVL mới", "Người", "viec_lam_moi", 310, 650, "x", store="int"),
        R("9", "Tỷ lệ lao động qua đào tạo", "%", "lao_dong_qua_dao_tao", "-", 75, 80),
        dict(stt="III", label="MÔI TRƯỜNG", bold=True),
        R("10", "Tỷ lệ hộ dân sử dụng nước sạch", "%", "nuoc_sach", 96.5, 98, 100),
        R("11", "Tỷ lệ thu gom rác thải sinh hoạt", "%", "thu_gom_rac", 92, 95, 100),
        dict(stt="IV", label="XÂY DỰNG ĐẢNG, CHÍNH QUYỀN", bold=True),
        R("12", "Tỷ lệ TCCS đảng hoàn thành tốt nhiệm vụ trở lên", "%", None, "-", 90, 90),
    ]
    r = body(sh, exp, 7, rows, cols, u)
    r += 1
    sh.put(
        r,
        2,
        "Ghi chú: Xã Can Lộc được thành lập từ ngày 01/7/2025 trên cơ sở sáp nhập TT Nghèn, xã Thiên "
        "Lộc, xã Vượng Lộc; không có số liệu cùng kỳ.",
        italic=True,
        size=11,
    )
    r += 2
    noi_nhan(sh, r, 2, ["- Thường trực Đảng ủy, HĐND xã;", "- Lưu: VT, VP."])
    signature(
        sh,
        r,
        2,
        5,
        7,
        [],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Hữu Thắng"],
        place_date="Can Lộc, ngày 15 tháng 12 năm 2025",
    )
    sh.widths({"A": 5, "B": 44, "C": 14, "D": 18, "E": 16, "F": 24, "G": 22})
    save(wb, OUT / fn)
    exp.readme = (
        'A new commune (Xã Can Lộc, formed 01/07/2025) reporting its first half-year: "Ước TH 6 tháng cuối năm '
        '2025 (từ 01/7 đến 31/12/2025)" (estimate 7–12), "Kế hoạch năm 2026 (Nghị quyết HĐND xã)" (target '
        'hdnd_giao) and the congress target "Mục tiêu đến năm 2030 (NQ Đại hội … nhiệm kỳ 2025-2030)" (target '
        "nhiem_ky at 2030). Letterhead without a parent body, one-row header with long wrapped texts, office "
        'abbreviations in indicator names ("NS", "SDĐ", "TNBQ", "GQVL", "TCCS"), "Tr.đồng", '
        '"Tr.đ/người/năm", "DN"; budget values typed as text ("18.250"); a text target ("Tăng 1,5 lần so '
        'với năm 2025") that is not an observation. "Số sản phẩm OCOP đạt 3 sao trở lên" is the catalog\'s OCOP '
        "count (certification starts at 3 stars); the TCCS đảng row is not in the catalog."
    )
    ALL.append(exp)


# =========================================================================== F08
def f08():
    """Phường Thành Sen: thu NSNN tháng 11 and tháng 12/2025, one sheet per month, targets for 6 tháng cuối năm."""
    fn = "08_phuong_thanhsen_thu_ns_t11_t12_2025.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    u = unit("Phường Thành Sen", "2025-12-31")
    targets = {
        "tong": (185000, 210000),
        "nqd": (38000, 40000),
        "sdd": (120000, 140000),
        "con": (27000, 30000),
    }
    t12 = {"tong": 42350.6, "nqd": 6120.4, "sdd": 33870.1, "con": 2360.1}
    q4 = {"tong": 98240.3, "nqd": 15870.2, "sdd": 76530.6, "con": 5839.5}
    lk12 = {"tong": 205612.8, "nqd": 36480.5, "sdd": 145210.7, "con": 23921.6}
    t11 = {"tong": 7585.4, "nqd": 5820.3, "sdd": -215.4, "con": 1980.5}
    lk11 = {k: round(lk12[k] - t12[k], 1) for k in lk12}
    labels = [
        ("", "TỔNG THU NSNN TRÊN ĐỊA BÀN", "tong", "thu_ngan_sach"),
        ("1", "Thu từ khu vực công thương nghiệp ngoài quốc doanh", "nqd", None),
        ("2", "Thu tiền sử dụng đất", "sdd", "thu_tien_sdd"),
        ("3", "Các khoản thu còn lại", "con", None),
    ]
    for month in (11, 12):
        ws = wb.active if month == 11 else wb.create_sheet()
        ws.title = f"T{month}"
        setup(ws)
        sh = Sh(ws)
        ncol = 10 if month == 12 else 8
        sh.merge(1, 1, 1, 3, "ỦY BAN NHÂN DÂN", size=12)
        sh.merge(2, 1, 2, 3, "PHƯỜNG THÀNH SEN", bold=True, underline="single")
        sh.merge(1, 5, 1, ncol, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
        sh.merge(2, 5, 2, ncol, "Độc lập - Tự do - Hạnh phúc", bold=True, underline="single")
        sh.merge(
            4,
            1,
            4,
            ncol,
            f"BÁO CÁO THU NGÂN SÁCH NHÀ NƯỚC THÁNG {month} NĂM 2025",
            bold=True,
            size=13,
        )
        sh.merge(
            5,
            1,
            5,
            ncol,
            "(Phòng Kinh tế, Hạ tầng và Đô thị tổng hợp từ số liệu KBNN khu vực)",
            italic=True,
            size=11,
        )
        sh.merge(6, ncol - 1, 6, ncol, "Đơn vị: Triệu đồng", italic=True, h="right", size=11)
        ml = (ws.title, 6, ncol - 1)
        hd = dict(bold=True, border=True, size=11)
        sh.merge(7, 1, 8, 1, "STT", **hd)
        sh.merge(7, 2, 8, 2, "Nội dung thu", **hd)
        sh.merge(7, 3, 7, 4, "Dự toán 6 tháng cuối năm 2025", **hd)
        sh.put(8, 3, "Tỉnh giao", **hd, h="center")
        sh.put(8, 4, "HĐND phường giao", **hd, h="center", wrap=True)
        sh.merge(7, 5, 8, 5, f"Thực hiện\ntháng {month}/2025", **hd)
        c = 6
        cols = [
            dict(col=3, key="kt", meta=("target", 2025, 7, 12, "tinh_giao")),
            dict(col=4, key="kh", meta=("target", 2025, 7, 12, "hdnd_giao")),
            dict(col=5, key="th", meta=("actual", 2025, month, month, "")),
        ]
        if month == 12:
            sh.merge(7, 6, 8, 6, "Thực hiện\nQuý IV/2025", **hd)
            cols.append(dict(col=6, key="q4", meta=("actual", 2025, 10, 12, "")))
            c = 7
        end = "31/12/2025" if month == 12 else "30/11/2025"
        sh.merge(7, c, 8, c, f"Lũy kế từ 01/7/2025\nđến {end}", **hd)
        cols.append(dict(col=c, key="lk", meta=("actual", 2025, 7, month, "")))
        sh.merge(7, c + 1, 7, c + 2, "So sánh lũy kế (%)", **hd)
        sh.put(8, c + 1, "% DT tỉnh giao", **hd, h="center", wrap=True)
        sh.put(8, c + 2, "% DT HĐND giao", **hd, h="center", wrap=True)
        cols.append(dict(col=c + 1, calc=lambda v: ratio(v.get("lk"), v.get("kt"))))
        cols.append(dict(col=c + 2, calc=lambda v: ratio(v.get("lk"), v.get("kh"))))
        if month == 12:
            sh.merge(7, 10, 8, 10, "Cùng kỳ\nnăm trước", **hd)
            cols.append(dict(col=10, key="ck"))
        ws.row_dimensions[8].height = 45
        rows = []
        for stt, label, k, code in labels:
            v = dict(
                kt=targets[k][0],
                kh=targets[k][1],
                th=(t12 if month == 12 else t11)[k],
                lk=(lk12 if month == 12 else lk11)[k],
                q4=q4[k],
                ck="x",
            )
            rows.append(
                dict(stt=stt, label=label, code=code, unk=code is None, v=v, bold=(k == "tong"))
            )
        r = 9
        for row in rows:
            # the refund month: land-use fee typed with parentheses as text
            if month == 11 and row["v"]["th"] < 0:
                row_copy = dict(row)
                row_copy["store"] = "num"
                r2 = body(
                    sh, exp, r, [row_copy], cols, u, dvt_col=None, measure="Triệu đồng", mloc=ml
                )
                ws.cell(row=r, column=5).value = fmt_vn(row["v"]["th"], paren=True)
                ws.cell(row=r, column=5).number_format = "General"
                r = r2
            else:
                r = body(sh, exp, r, [row], cols, u, dvt_col=None, measure="Triệu đồng", mloc=ml)
        r += 1
        if month == 12:
            sh.put(
                r,
                2,
                "Ghi chú: Phường Thành Sen thành lập từ 01/7/2025, không có số liệu cùng kỳ.",
                italic=True,
                size=11,
            )
        else:
            sh.put(
                r,
                2,
                "Ghi chú: Tháng 11 hoàn trả tiền SDĐ nộp thừa cho 02 hộ gia đình (số trong ngoặc).",
                italic=True,
                size=11,
            )
        r += 2
        signature(
            sh,
            r,
            2,
            c,
            ncol,
            ["NGƯỜI LẬP", "", "", "Hoàng Thị Mai"],
            ["TRƯỞNG PHÒNG", "", "", "Bùi Văn Long"],
            place_date=f"Thành Sen, ngày {'05' if month == 12 else '04'} tháng "
            f"{'01 năm 2026' if month == 12 else '12 năm 2025'}",
        )
        sh.widths(
            {
                "A": 5,
                "B": 40,
                "C": 12,
                "D": 12,
                "E": 12,
                "F": 13,
                "G": 13,
                "H": 10,
                "I": 10,
                "J": 10,
            }
        )
    save(wb, OUT / fn)
    exp.readme = (
        "Monthly budget report of a new ward (Phường Thành Sen, code 18073, which until 30/06/2025 was Phường Nam "
        'Hà\'s code): one sheet per month ("T11", "T12") in the same workbook, same letterhead. Targets are '
        'for the half-year the ward has existed: "Dự toán 6 tháng cuối năm 2025" › Tỉnh giao / HĐND phường '
        "giao (target 7–12, tinh_giao / hdnd_giao; the same targets appear on both sheets and are listed once). "
        'Columns: the month (11–11 or 12–12), "Quý IV/2025" on T12 only (10–12), year-to-date from 01/7 '
        '(7–11, 7–12), ratios, and "Cùng kỳ năm trước" filled with "x" (no observation). In November the '
        'land-use fee is a net refund typed as text in parentheses "(215,4)". "Đơn vị: Triệu đồng" above the '
        "right edge. Two revenue lines are not in the catalog."
    )
    ALL.append(exp)


# =========================================================================== F09
def to_cp1258(text: str) -> bytes:
    """Windows-1258 the way Vietnamese Windows writes it: precomposed where the code page has the letter,
    otherwise the base letter (with its circumflex/breve/horn if encodable) followed by a combining tone mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(x for x in d if x not in tones))
        marks = "".join(x for x in d if x in tones)
        out += base.encode("cp1258") + marks.encode("cp1258")
    return bytes(out)


def f09():
    """BHXH tỉnh: BHYT theo 69 đơn vị cấp xã tháng 12/2025; CSV in Windows-1258, ';', Vietnamese decimals."""
    fn = "09_bhxh_bhyt_theo_xa_t12_2025.csv"
    exp = Exp(fn, kind="csv", encoding="cp1258", delimiter=";", locale="vn")
    on = "2025-12-31"
    prov = unit("Tỉnh Hà Tĩnh", on)
    units = children("Tỉnh Hà Tĩnh", on)
    assert len(units) == 69, len(units)
    wards = [x for x in units if x[1].startswith("Phường")]
    communes = [x for x in units if x[1].startswith("Xã")]
    rng = random.Random(909)
    pop = {}
    for code, name in units:
        p = rng.randint(9000, 26000)
        if name == "Phường Thành Sen":
            p = 112480
        elif name.startswith("Phường"):
            p = rng.randint(20000, 40000)
        rate = rng.uniform(0.905, 0.985)
        pop[code] = (p, round(p * rate))
    P = sum(v[0] for v in pop.values())
    B = sum(v[1] for v in pop.values())
    lines = [
        ["BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", "", "", "", "", ""],
        ["PHÒNG QUẢN LÝ THU - SỔ, THẺ", "", "", "", "", ""],
        [""] * 6,
        [
            "TỔNG HỢP TÌNH HÌNH THAM GIA BẢO HIỂM Y TẾ THEO ĐƠN VỊ HÀNH CHÍNH CẤP XÃ",
            "",
            "",
            "",
            "",
            "",
        ],
        ["Tháng 12 năm 2025", "", "", "", "", ""],
        [""] * 6,
        [
            "STT",
            "Mã ĐVHC",
            "Tên đơn vị",
            "Dân số (người)",
            "Số người tham gia BHYT (người)",
            "Tỷ lệ bao phủ (%)",
        ],
        ["A", "B", "C", "1", "2", "3"],
    ]

    def add_row(stt, u, p, b, code_text):
        rate = round(b / p * 100, 2)
        i = len(lines)
        lines.append(
            [
                stt,
                code_text,
                u[1] if u != prov else "Toàn tỉnh",
                fmt_vn(p, 0),
                fmt_vn(b, 0),
                fmt_vn(rate, 2),
            ]
        )
        exp.add("dan_so", u, 2025, 12, 12, "actual", "", p, "người", (i, 3), mloc=(6, 3))
        exp.add("so_nguoi_bhyt", u, 2025, 12, 12, "actual", "", b, "người", (i, 4), mloc=(6, 4))
        exp.add("bhyt_bao_phu", u, 2025, 12, 12, "actual", "", rate, "%", (i, 5), mloc=(6, 5))

    add_row("", prov, P, B, "42")
    lines.append(["I", "", "Các phường", "", "", ""])
    for i, uu in enumerate(wards):
        add_row(str(i + 1), uu, *pop[uu[0]], uu[0])
    lines.append(["II", "", "Các xã", "", "", ""])
    for i, uu in enumerate(communes):
        add_row(str(i + 1), uu, *pop[uu[0]], uu[0])
    lines += [
        [""] * 6,
        [
            "",
            "",
            "Ghi chú: Dân số theo dữ liệu dân cư do Công an tỉnh cung cấp đến 31/12/2025.",
            "",
            "",
            "",
        ],
        [""] * 6,
        ["", "", "NGƯỜI LẬP BIỂU", "", "", "KT. GIÁM ĐỐC"],
        ["", "", "", "", "", "PHÓ GIÁM ĐỐC"],
    ]
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(lines)
    (OUT / fn).write_bytes(to_cp1258(buf.getvalue()))
    exp.readme = (
        'Social-insurance office table saved by Excel on Vietnamese Windows as "CSV": Windows-1258 (letters the '
        'code page lacks precomposed are written as base letter + combining tone mark), ";" separators, CRLF, '
        "title and letterhead lines before the header, a numbering row (A, B, C, 1, 2, 3), Vietnamese number "
        'text ("112.480", "94,25"). One row per commune-level unit of the province after 01/07/2025 (9 '
        'phường, 60 xã) with a "Mã ĐVHC" code column, the province total "Toàn tỉnh" (code 42) first, '
        '"Các phường" / "Các xã" sections. Period: tháng 12/2025 (12–12). Measures come from the header '
        'texts ("(người)", "(%)"). Signature lines at the end.'
    )
    ALL.append(exp)


# =========================================================================== F10
def f10():
    """Export of a reporting software: long table with unit and indicator code columns, English-style numbers."""
    fn = "10_phanmem_export_tp_2024.csv"
    exp = Exp(fn, kind="csv", encoding="utf-8", delimiter=",", locale="en")
    on = "2024-12-31"
    city = unit("Thành phố Hà Tĩnh", on)
    KY = {"CN": (1, 12), "6T": (1, 6), "9T": (1, 9), "Q3": (7, 9), "T10": (10, 10), "LK10": (1, 10)}
    LOAI = {"KH": "target", "UTH": "estimate", "TH": "actual"}
    NGUON = {"TINH": "tinh_giao", "HDND": "hdnd_giao", "PD": "phan_dau", "": ""}
    ind = {
        "KT01": ("Tổng giá trị sản xuất (giá SS 2010)", "Tỷ đồng", "gtsx_tong"),
        "KT02": ("Tốc độ tăng trưởng GTSX", "%", "tang_truong_gtsx"),
        "KT05": ("Số doanh nghiệp thành lập mới", "Doanh nghiệp", "doanh_nghiep_moi"),
        "KT09": ("Số hộ kinh doanh đăng ký mới", "Hộ", None),
        "NS01": ("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "thu_ngan_sach"),
        "NS01P": ("Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", "thu_ngan_sach"),
        "NS02": ("Thu tiền sử dụng đất", "Tỷ đồng", "thu_tien_sdd"),
        "XH01": ("Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu"),
        "XH02": ("Số lao động được tạo việc làm mới", "Người", "viec_lam_moi"),
    }
    recs = [  # (unit, indicator, year, ky, loai, nguon, value text style, value, note)
        (city, "KT01", 2024, "CN", "KH", "HDND", "plain", 17250, ""),
        (city, "KT01", 2023, "9T", "TH", "", "plain", 11280.4, ""),
        (city, "KT01", 2024, "6T", "TH", "", "plain", 8125.3, ""),
        (city, "KT01", 2024, "9T", "UTH", "", "thousands", 12335.6, "Số ước"),
        (city, "KT02", 2024, "6T", "TH", "", "plain", 9.28, ""),
        (city, "KT02", 2024, "CN", "KH", "HDND", "plain", 11, ""),
        (city, "KT05", 2024, "6T", "TH", "", "plain", 148, ""),
        (city, "KT05", 2024, "Q3", "TH", "", "plain", 98, ""),
        (city, "KT09", 2024, "6T", "TH", "", "plain", 562, ""),
        (city, "NS01", 2024, "CN", "KH", "TINH", "plain", 828, "QĐ giao dự toán của UBND tỉnh"),
        (city, "NS01", 2024, "CN", "KH", "HDND", "thousands", 1080, "NQ HĐND thành phố"),
        (city, "NS01", 2024, "6T", "TH", "", "plain", 735, ""),
        (city, "NS01", 2024, "T10", "TH", "", "plain", 95.4, ""),
        (city, "NS01", 2024, "LK10", "TH", "", "plain", 979.7, ""),
        (city, "NS02", 2024, "LK10", "TH", "", "plain", 521.6, ""),
        (city, "XH01", 2024, "Q3", "TH", "", "plain", 94.61, ""),
        (city, "XH01", 2024, "CN", "KH", "PD", "plain", 96, "Chỉ tiêu phấn đấu"),
        (city, "XH02", 2024, "6T", "TH", "", "plain", 1530, ""),
        (city, "XH02", 2024, "9T", "TH", "", "empty", None, "Chưa có số liệu"),
    ]
    wards = [
        ("Phường Nam Hà", 6500, 4521.3),
        ("Phường Bắc Hà", 21000, 15230.8),
        ("Xã Thạch Hạ", 38000, 31250.6),
        ("Phường Thạch Linh", 33500, 27840.2),
        ("Xã Đồng Môn", 15000, 12055.9),
    ]
    for name, kh, lk in wards:
        uu = unit(name, on)
        recs.append((uu, "NS01P", 2024, "CN", "KH", "HDND", "thousands", kh, ""))
        recs.append((uu, "NS01P", 2024, "LK10", "TH", "", "thousands", lk, ""))
    lines = [
        [
            "ma_dvhc",
            "ten_dvhc",
            "ma_chi_tieu",
            "ten_chi_tieu",
            "don_vi_tinh",
            "nam",
            "ky_bao_cao",
            "loai_so_lieu",
            "nguon_ke_hoach",
            "gia_tri",
            "ghi_chu",
        ]
    ]
    for uu, ic, year, ky, loai, nguon, style, val, note in recs:
        name, dvt, code = ind[ic]
        txt = "" if style == "empty" else fmt_en(val, thousands=(style == "thousands"))
        i = len(lines)
        lines.append(
            [uu[0], uu[1], ic.rstrip("P"), name, dvt, str(year), ky, loai, nguon, txt, note]
        )
        if style == "empty":
            continue
        if code is None:
            exp.unk(name)
            continue
        mf, mt = KY[ky]
        exp.add(code, uu, year, mf, mt, LOAI[loai], NGUON[nguon], val, dvt, (i, 9), mloc=(i, 4))
    buf = io.StringIO()
    csv.writer(buf, delimiter=",", lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(lines)
    (OUT / fn).write_text(buf.getvalue(), encoding="utf-8")
    exp.readme = (
        'Long table exported by a reporting program (UTF-8 without BOM, "," separator, snake_case headers): '
        "GSO unit code and name, the office's own indicator codes (KT01, NS01 …), a unit column per row (tỷ "
        'đồng for the city, triệu đồng for wards), period codes "CN" (1–12), "6T", "9T", "Q3" (7–9), '
        '"T10" (10–10), "LK10" (1–10), status codes KH/UTH/TH and plan-source codes TINH/HDND/PD (phan_dau). '
        'Numbers use a decimal point; some carry English thousands separators and are quoted ("1,080", '
        '"15,230.8"). One row has an empty value ("Chưa có số liệu") and is no observation; KT09 is not in the '
        "catalog."
    )
    ALL.append(exp)


# =========================================================================== F11
VM_SHORT = {
    1: "Quy hoạch, kiến trúc và quản lý quy hoạch",
    2: "Giao thông và hạ tầng kỹ thuật",
    3: "Điện",
    4: "Thông tin và truyền thông",
    5: "Môi trường",
    6: "Nước sạch, vệ sinh ATTP",
    7: "Nhà ở",
    8: "Cơ sở vật chất văn hóa",
    9: "Văn hóa",
    10: "Nếp sống văn minh đô thị",
    11: "Công nghiệp, thương mại và dịch vụ",
    12: "Trường học, giáo dục và đào tạo",
    13: "Thu nhập",
    14: "Tỷ lệ hộ nghèo",
    15: "Lao động có việc làm",
    16: "Y tế",
    17: "Hệ thống chính trị và tiếp cận pháp luật",
    18: "Quốc phòng và an ninh",
}


def f11():
    """Phường đạt chuẩn đô thị văn minh (QĐ 18/2020/QĐ-UBND) 2021: wards × 18 numbered criteria, Đạt/Chưa đạt."""
    fn = "11_tp_phuong_do_thi_van_minh_2021.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "DTVM 2021"
    setup(ws)
    sh = Sh(ws)
    wards = children("Thành phố Hà Tĩnh", "2021-12-31", types={"phuong"})
    assert len(wards) == 10
    last = 2 + 18 + 2
    letterhead(
        sh,
        "UBND THÀNH PHỐ HÀ TĨNH",
        "BCĐ CÁC CHƯƠNG TRÌNH MTQG, XÂY DỰNG ĐÔ THỊ VĂN MINH",
        6,
        10,
        last,
    )
    sh.merge(
        4,
        1,
        4,
        last,
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ PHƯỜNG ĐẠT CHUẨN ĐÔ THỊ VĂN MINH NĂM 2021",
        bold=True,
        size=13,
    )
    sh.merge(
        5,
        1,
        5,
        last,
        "(Theo Quyết định số 18/2020/QĐ-UBND ngày 07/8/2020 của UBND tỉnh Hà Tĩnh)",
        italic=True,
    )
    hd = dict(bold=True, border=True, size=10)
    sh.merge(7, 1, 9, 1, "TT", **hd)
    sh.merge(7, 2, 9, 2, "Phường", **hd)
    sh.merge(7, 3, 7, 20, "Kết quả thực hiện các tiêu chí", **hd)
    for k in range(1, 19):
        sh.put(8, 2 + k, str(k), **hd, h="center")
        sh.put(9, 2 + k, VM_SHORT[k], **hd, h="center", wrap=True)
    sh.merge(7, 21, 9, 21, "Tổng số\ntiêu chí\nđạt", **hd)
    sh.merge(7, 22, 9, 22, "Ghi chú", **hd)
    ws.row_dimensions[9].height = 110
    for k in range(1, 19):
        ws.cell(row=9, column=2 + k).alignment = Alignment(
            text_rotation=90, wrap_text=True, horizontal="center", vertical="center"
        )
    rng = random.Random(1111)
    r = 10
    for i, uu in enumerate(wards):
        sh.put(r, 1, i + 1, h="center", border=True)
        sh.put(r, 2, uu[1].replace("Phường ", ""), border=True)
        n = 0
        for k in range(1, 19):
            ok = rng.random() > {10: 0.3, 13: 0.25, 5: 0.2, 2: 0.2, 7: 0.15}.get(k, 0.05)
            if uu[1] in ("Phường Đại Nài", "Phường Thạch Quý") and k in (2, 5, 10):
                ok = False
            sh.put(
                r, 2 + k, "Đạt" if ok else "Chưa đạt", h="center", border=True, size=10, wrap=True
            )
            n += ok
            exp.add(
                f"vm_tc{k:02d}",
                uu,
                2021,
                1,
                12,
                "actual",
                "",
                1 if ok else 0,
                "Đạt/Không",
                (ws.title, r, 2 + k),
                parse="crit",
            )
        sh.put(r, 21, n, h="center", border=True, bold=True)
        gc = (
            "Đăng ký đạt chuẩn năm 2022"
            if n >= 16 and n < 18
            else ("Đủ điều kiện đề nghị công nhận" if n == 18 else None)
        )
        sh.put(r, 22, gc, border=True, italic=True, size=10, wrap=True)
        r += 1
    exp.unk("Tổng số tiêu chí đạt")
    r += 1
    signature(
        sh,
        r,
        2,
        14,
        last,
        ["NGƯỜI TỔNG HỢP"],
        ["TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
        place_date="Hà Tĩnh, ngày 28 tháng 12 năm 2021",
    )
    sh.widths({"A": 4, "B": 14, "U": 8, "V": 16})
    for k in range(1, 19):
        ws.column_dimensions[get_column_letter(2 + k)].width = 6
    save(wb, OUT / fn)
    exp.readme = (
        "Civilised-urban-ward matrix under Hà Tĩnh's 18-criterion set (QĐ 18/2020/QĐ-UBND), year 2021: the 10 "
        'wards of TP Hà Tĩnh as rows (bare names), a three-level header "Kết quả thực hiện các tiêu chí" › '
        'criterion number ("1" … "18") › short criterion name rotated 90° (several names such as "Điện", '
        '"Thu nhập", "Tỷ lệ hộ nghèo", "Y tế" are also NTM criterion / ordinary indicator names). Cells hold '
        'the words "Đạt" / "Chưa đạt" (1/0). A count column "Tổng số tiêu chí đạt" (not an observation) and '
        "a Ghi chú column with free text follow. Letterhead of the combined steering committee."
    )
    ALL.append(exp)


# =========================================================================== F12
NTM26 = [
    (1, "Quy hoạch", 2, "ntm_tc01"),
    (2, "Hạ tầng kinh tế - xã hội", 9, "ntm26_tc02"),
    (3, "Phát triển kinh tế nông thôn", 6, "ntm26_tc03"),
    (4, "Đào tạo nguồn nhân lực nông thôn", 3, "ntm26_tc04"),
    (5, "Văn hóa, giáo dục, y tế", 7, "ntm26_tc05"),
    (6, "Giảm nghèo và an sinh xã hội", 4, "ntm26_tc06"),
    (7, "Khoa học, công nghệ và chuyển đổi số", 5, "ntm26_tc07"),
    (8, "Môi trường và cảnh quan nông thôn", 6, "ntm26_tc08"),
    (9, "Hệ thống chính trị và hành chính công", 3, "ntm26_tc09"),
    (10, "Tiếp cận pháp luật và an ninh, quốc phòng", 2, "ntm26_tc10"),
]


def f12():
    """Sở NN&MT: rà soát xã theo Bộ tiêu chí NTM 2026-2030, 6 tháng đầu năm 2026; criteria rows × communes."""
    fn = "12_so_nnmt_ra_soat_ntm_2026_6t.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ra soat"
    setup(ws)
    sh = Sh(ws)
    on = "2026-06-30"
    names = [
        "Xã Can Lộc",
        "Xã Hồng Lộc",
        "Xã Tùng Lộc",
        "Xã Trường Lưu",
        "Xã Gia Hanh",
        "Xã Xuân Lộc",
        "Xã Đồng Lộc",
    ]
    xas = [unit(n, on) for n in names]
    groups = {"Xã Can Lộc": "Nhóm 1", "Xã Đồng Lộc": "Nhóm 2"}
    n = len(xas)
    last = 3 + n + 1
    letterhead(sh, "UBND TỈNH HÀ TĨNH", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", 3, 6, last)
    sh.put(3, 1, "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI", size=11, italic=True)
    sh.merge(
        5,
        1,
        5,
        last,
        "BẢNG TỔNG HỢP KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ THỰC TRẠNG CÁC XÃ THEO BỘ TIÊU CHÍ QUỐC GIA "
        "VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026 - 2030",
        bold=True,
        size=13,
    )
    sh.merge(
        6,
        1,
        6,
        last,
        "(Quyết định số 51/2025/QĐ-TTg; số liệu 6 tháng đầu năm 2026 - khu vực Can Lộc cũ)",
        italic=True,
    )
    ws.row_dimensions[5].height = 36
    hd = dict(bold=True, border=True, size=11)
    sh.merge(8, 1, 10, 1, "TT", **hd)
    sh.merge(8, 2, 10, 2, "Tiêu chí", **hd)
    sh.merge(8, 3, 10, 3, "Số chỉ\ntiêu", **hd)
    sh.merge(8, 4, 8, 3 + n, "Kết quả rà soát của các xã", **hd)
    for j, uu in enumerate(xas):
        sh.put(9, 4 + j, uu[1].replace("Xã ", ""), **hd, h="center", wrap=True)
        sh.put(
            10, 4 + j, groups.get(uu[1], "Nhóm 2"), italic=True, border=True, h="center", size=10
        )
    sh.merge(8, last, 10, last, "Ghi chú", **hd)
    rng = random.Random(1212)
    met = [0] * n
    r = 11
    for k, name, nind, code in NTM26:
        sh.put(r, 1, k, h="center", border=True)
        sh.put(r, 2, name, border=True, wrap=True)
        sh.put(r, 3, nind, h="center", border=True)
        for j, uu in enumerate(xas):
            ok = rng.random() > {3: 0.45, 7: 0.55, 8: 0.4, 2: 0.35, 6: 0.2}.get(k, 0.1)
            if ok:
                txt = "Đạt"
            else:
                got = rng.randint(max(0, nind - 3), nind - 1)
                txt = f"Chưa đạt\n({got}/{nind})"
            met[j] += ok
            sh.put(r, 4 + j, txt, h="center", border=True, wrap=True, size=10)
            exp.add(
                code,
                uu,
                2026,
                1,
                6,
                "actual",
                "",
                1 if ok else 0,
                "Đạt/Không",
                (ws.title, r, 4 + j),
                parse="crit",
            )
        sh.put(
            r,
            last,
            "Chưa đạt chủ yếu ở chỉ tiêu liên kết sản xuất" if k == 3 else None,
            border=True,
            size=10,
            wrap=True,
        )
        ws.row_dimensions[r].height = 32
        r += 1
    sh.put(r, 2, "Tổng số tiêu chí đạt", bold=True, border=True)
    sh.put(r, 3, "10", bold=True, border=True, h="center")
    for j in range(n):
        sh.put(r, 4 + j, met[j], bold=True, border=True, h="center")
    exp.unk("Tổng số tiêu chí đạt")
    r += 2
    sh.put(
        r,
        2,
        "Ghi chú: (a/b): số chỉ tiêu đạt / tổng số chỉ tiêu của tiêu chí; Nhóm xã theo Điều 2 QĐ "
        "51/2025/QĐ-TTg.",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        6,
        last,
        ["NGƯỜI TỔNG HỢP"],
        ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "", "Lê Thị Thu Hằng"],
        place_date="Hà Tĩnh, ngày 08 tháng 7 năm 2026",
    )
    sh.widths({"A": 4, "B": 38, "C": 7, "L": 18})
    for j in range(n):
        ws.column_dimensions[get_column_letter(4 + j)].width = 11
    save(wb, OUT / fn)
    exp.readme = (
        "A department's (Sở Nông nghiệp và Môi trường, post-2025) review of seven new communes against the "
        "2026–2030 NTM set (QĐ 51/2025/QĐ-TTg, 10 criteria), first half of 2026 (1–6). Criteria are rows with a "
        '"Số chỉ tiêu" column (the number of sub-indicators, a property of the set, no observation), communes '
        'are columns under a three-level header (merged title › commune name › "Nhóm 1"/"Nhóm 2" commune '
        'group). Cells are "Đạt" (1) or "Chưa đạt" with the indicator count on a second line, e.g. "Chưa '
        'đạt\\n(4/6)" (0). Criterion 1 "Quy hoạch" is the catalog\'s ntm_tc01, 2–10 are ntm26_tc02…10. A total '
        'row "Tổng số tiêu chí đạt" (not an observation).'
    )
    ALL.append(exp)


# =========================================================================== F13
def f13():
    """Chi cục Thống kê TP: social series 2019–2023 + KH 2024, all text in NFD, percentages as fractions."""
    fn = "13_tp_xahoi_2019_2023_nfd.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Xa hoi"
    setup(ws)
    sh = Sh(ws, nfd=True)
    u = unit("Thành phố Hà Tĩnh", "2023-12-31")
    letterhead(sh, "CỤC THỐNG KÊ TỈNH HÀ TĨNH", "CHI CỤC THỐNG KÊ THÀNH PHỐ HÀ TĨNH", 3, 5, 10)
    sh.merge(
        4,
        1,
        4,
        10,
        "MỘT SỐ CHỈ TIÊU XÃ HỘI CHỦ YẾU THÀNH PHỐ HÀ TĨNH GIAI ĐOẠN 2019 - 2023",
        bold=True,
        size=13,
    )
    hd = dict(bold=True, border=True, size=11)
    sh.merge(6, 1, 7, 1, "STT", **hd)
    sh.merge(6, 2, 7, 2, "Chỉ tiêu", **hd)
    sh.merge(6, 3, 7, 3, "ĐVT", **hd)
    sh.merge(6, 4, 6, 8, "Thực hiện", **hd)
    for i, y in enumerate(range(2019, 2024)):
        sh.put(7, 4 + i, f"Năm {y}", **hd, h="center")
    sh.merge(6, 9, 7, 9, "Tăng BQ\n2019-2023\n(%/năm)", **hd)
    sh.merge(6, 10, 7, 10, "KH\nnăm 2024", **hd)
    ws.row_dimensions[7].height = 30
    ys = list(range(2019, 2024))
    cols = [dict(col=4 + i, key=str(y), meta=("actual", y, 1, 12, "")) for i, y in enumerate(ys)]

    def cagr(v):
        a, b = v.get("2019"), v.get("2023")
        if v.get("_lvl") and isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > 0:
            return round(((b / a) ** 0.25 - 1) * 100, 2)
        return None

    cols.append(dict(col=9, calc=cagr))
    cols.append(dict(col=10, key="kh", meta=("target", 2024, 1, 12, "")))

    def R(stt, label, dvt, code, vals, kh, lvl=False, how="int"):
        v = {str(y): x for y, x in zip(ys, vals)}
        v["kh"] = kh
        v["_lvl"] = lvl
        return dict(stt=stt, label=label, dvt=dvt, code=code, unk=code is None, v=v, store=how)

    ho = [26805, 27210, 27695, 28140, 28610]
    ngheo = [412, 318, 845, 602, 398]
    rate = [round(a / b * 100, 2) for a, b in zip(ngheo, ho)]
    rows = [
        R(
            "1",
            "Dân số trung bình",
            "Người",
            "dan_so",
            [103250, 104680, 106120, 107540, 108960],
            "x",
            lvl=True,
        ),
        R("2", "Tổng số hộ", "Hộ", "tong_so_ho", ho, "x", lvl=True),
        R("3", "Số hộ nghèo", "Hộ", "so_ho_ngheo", ngheo, 300),
        R("4", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", rate, 1.05, how="pctfrac"),
        R(
            "5",
            "Tỷ lệ dân số tham gia BHYT",
            "%",
            "bhyt_bao_phu",
            [91.12, 92.05, 93.18, 93.82, 94.51],
            95.5,
            how="pctfrac",
        ),
        R(
            "6",
            "Số lượt người khám, chữa bệnh",
            "Lượt người",
            "luot_kham_benh",
            [248650, 201340, 195870, 262410, 281530],
            290000,
            lvl=True,
        ),
        R(
            "7",
            "Tỷ lệ gia đình văn hoá",
            "%",
            "gia_dinh_van_hoa",
            [91.25, 91.68, 92.04, 92.36, 92.71],
            93,
            how="pctfrac",
        ),
        R(
            "8",
            "Tỷ lệ dân số được dùng nước sạch",
            "%",
            "nuoc_sach",
            [98.5, 98.8, 99.1, 99.3, 99.5],
            99.6,
            how="pctfrac",
        ),
        R(
            "9",
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
            "%",
            "suy_dinh_duong",
            [9.85, 9.62, 9.41, 9.18, 8.9],
            8.8,
            how="pctfrac",
        ),
        R(
            "10",
            "Tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử",
            "%",
            None,
            ["-", "-", 62.4, 85.1, 93.6],
            95,
            how="pctfrac",
        ),
        R(
            "11",
            "Số trường đạt chuẩn quốc gia",
            "Trường",
            "truong_chuan_quoc_gia",
            [28, 30, 31, 33, 35],
            37,
        ),
        R(
            "12",
            "Số lao động được giải quyết việc làm",
            "Người",
            "viec_lam_moi",
            [2850, 2410, 2520, 2940, 3010],
            3000,
            lvl=True,
        ),
    ]
    r = body(sh, exp, 8, rows, cols, u)
    r += 1
    sh.put(
        r,
        2,
        "Ghi chú: Tỷ lệ hộ nghèo từ năm 2022 tính theo chuẩn nghèo đa chiều giai đoạn 2022-2025.",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        7,
        10,
        ["NGƯỜI LẬP BIỂU"],
        ["CHI CỤC TRƯỞNG"],
        place_date="Hà Tĩnh, ngày 20 tháng 12 năm 2023",
    )
    sh.widths(
        {"A": 5, "B": 46, "C": 11, "D": 11, "E": 11, "F": 11, "G": 11, "H": 11, "I": 10, "J": 11}
    )
    save(wb, OUT / fn)
    exp.readme = (
        "City statistics sub-office series 2019–2023 with next year's plan (KH năm 2024, target) and an average-"
        "growth column (not an observation). Every string in the workbook — letterhead, headers, labels, units — "
        "is stored in Unicode NFD (decomposed), as some Mac/legacy tools write it. Rates are stored as fractions "
        'with a 0.00% number format (0.9112 shown 91,12 %; expected 91.12 "%"); counts are integers. Year '
        'headers are text "Năm 2019" … under a merged "Thực hiện". "Lượt người" is the visits measure, "Trường" the schools '
        "measure; the e-health-record rate is not in the catalog. Expected names and "
        "measures are given in NFC."
    )
    ALL.append(exp)


# =========================================================================== F14
def f14():
    """Huyện Cẩm Xuyên, tháng 10/2021: one-row header with abbreviations, bullets * + -, tỉnh giao / phấn đấu."""
    fn = "14_camxuyen_ktxh_t10_2021.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "T10"
    setup(ws)
    sh = Sh(ws)
    u = unit("Huyện Cẩm Xuyên", "2021-10-31")
    letterhead(sh, "UBND HUYỆN CẨM XUYÊN", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", 3, 5, 10)
    sh.merge(
        4,
        1,
        4,
        10,
        "TÌNH HÌNH THỰC HIỆN MỘT SỐ CHỈ TIÊU KT-XH THÁNG 10 NĂM 2021",
        bold=True,
        size=13,
    )
    hd = dict(bold=True, border=True, size=11)
    heads = [
        "TT",
        "Chỉ tiêu",
        "ĐVT",
        "KH năm 2021\n(tỉnh giao)",
        "KH năm 2021\n(huyện phấn đấu)",
        "Ước TH\ntháng 10",
        "Ước lũy kế\n10 tháng",
        "CK\n10T/2020",
        "% KH\n(tỉnh giao)",
        "%CK",
    ]
    for i, t in enumerate(heads):
        sh.merge(6, i + 1, 6, i + 1, t, **hd)
    ws.row_dimensions[6].height = 48
    cols = [
        dict(col=4, key="kt", meta=("target", 2021, 1, 12, "tinh_giao")),
        dict(col=5, key="pd", meta=("target", 2021, 1, 12, "phan_dau")),
        dict(col=6, key="t10", meta=("estimate", 2021, 10, 10, "")),
        dict(col=7, key="lk", meta=("estimate", 2021, 1, 10, "")),
        dict(col=8, key="ck", meta=("actual", 2020, 1, 10, "")),
        dict(col=9, calc=lambda v: ratio(v.get("lk"), v.get("kt"))),
        dict(col=10, calc=lambda v: ratio(v.get("lk"), v.get("ck"))),
    ]

    def R(stt, label, dvt, code, kt, pd, t10, lk, ck, **kw):
        x = dict(
            stt=stt,
            label=label,
            dvt=dvt,
            code=code,
            unk=code is None,
            v=dict(kt=kt, pd=pd, t10=t10, lk=lk, ck=ck),
        )
        x.update(kw)
        return x

    rows = [
        R(
            "*",
            "Thu ngân sách trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            420,
            480,
            38.25,
            356.4,
            312.6,
            bold=True,
        ),
        R(
            "+",
            "Trong đó: tiền sử dụng đất",
            "Tỷ đ",
            "thu_tien_sdd",
            230,
            270,
            22.1,
            201.3,
            180.2,
            italic=True,
        ),
        R(
            "*",
            "Vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            3200,
            3500,
            301.5,
            2652.4,
            2480.1,
            bold=True,
        ),
        R(
            "*",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            "ban_le_dich_vu",
            6500,
            6800,
            585.2,
            5380.1,
            5012.4,
            bold=True,
        ),
        R(
            "*",
            "Doanh nghiệp thành lập mới",
            "DN",
            "doanh_nghiep_moi",
            110,
            120,
            8,
            86,
            79,
            bold=True,
            store="int",
        ),
        R(
            "*",
            "Giải quyết việc làm",
            "Người",
            "viec_lam_moi",
            2500,
            2700,
            215,
            2010,
            1890,
            bold=True,
            store="int",
        ),
        R(
            "-",
            "Số lượt khám chữa bệnh",
            "Lượt",
            "luot_kham_benh",
            "x",
            "x",
            14250,
            141830,
            152460,
            store="int",
        ),
        R("-", "Diện tích gieo trồng vụ Đông", "Ha", None, 1800, 2000, "…", 1260, 1540),
    ]
    r = body(sh, exp, 7, rows, cols, u)
    r += 1
    sh.put(
        r,
        2,
        "* Số liệu tháng 10 là số ước; số CK lấy theo báo cáo tháng 10/2020 của Chi cục Thống kê.",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        7,
        10,
        ["Người lập biểu", "", "", "Nguyễn Thị Hoa"],
        ["TRƯỞNG PHÒNG", "", "", "Trần Đình Dũng"],
    )
    sh.widths(
        {"A": 4, "B": 44, "C": 9, "D": 12, "E": 13, "F": 10, "G": 11, "H": 10, "I": 10, "J": 8}
    )
    save(wb, OUT / fn)
    exp.readme = (
        "District monthly snapshot (Huyện Cẩm Xuyên, tháng 10/2021) with a one-row header of abbreviations and "
        'line breaks: "KH năm 2021 (tỉnh giao)" (tinh_giao), "KH năm 2021 (huyện phấn đấu)" (phan_dau), '
        '"Ước TH tháng 10" (estimate 10–10), "Ước lũy kế 10 tháng" (estimate 1–10), "CK 10T/2020" (actual '
        '2020 1–10), "% KH", "%CK". Bullets "*", "+", "-" in the TT column, ĐVT written "Tỷ đồng", '
        '"Tỷ đ", "DN", "Lượt"; "x" and "…" for missing values. The winter-crop area row is not in the '
        "catalog."
    )
    ALL.append(exp)


# =========================================================================== F15
def f15():
    """Phòng LĐTBXH Can Lộc 2023: indicators as rows, 'Toàn huyện' + 18 units across under 'Chia ra'."""
    fn = "15_canloc_ho_ngheo_bhyt_theo_xa_2023.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ho ngheo-BHYT 2023"
    setup(ws)
    sh = Sh(ws)
    on = "2023-12-31"
    dist = unit("Huyện Can Lộc", on)
    units = children("Huyện Can Lộc", on)
    tt = [x for x in units if x[1].startswith("Thị trấn")]
    xa = [x for x in units if x[1].startswith("Xã")]
    units = tt + xa
    assert len(units) == 18
    last = 4 + len(units)
    letterhead(sh, "UBND HUYỆN CAN LỘC", "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 4, 10, last)
    sh.merge(
        4,
        1,
        4,
        last,
        "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO VÀ TỶ LỆ THAM GIA BHYT NĂM 2023",
        bold=True,
        size=13,
    )
    sh.merge(5, 1, 5, last, "THEO ĐƠN VỊ HÀNH CHÍNH CẤP XÃ", bold=True, size=13)
    hd = dict(bold=True, border=True, size=10)
    sh.merge(7, 1, 8, 1, "STT", **hd)
    sh.merge(7, 2, 8, 2, "Chỉ tiêu", **hd)
    sh.merge(7, 3, 8, 3, "ĐVT", **hd)
    sh.merge(7, 4, 8, 4, "Toàn huyện", **hd)
    sh.merge(7, 5, 7, last, "Chia ra", **hd)
    for j, uu in enumerate(units):
        nm = uu[1].replace("Thị trấn ", "TT ").replace("Xã ", "")
        sh.put(8, 5 + j, nm, **hd, h="center", wrap=True)
    ws.row_dimensions[8].height = 42
    rng = random.Random(1515)
    data = {}
    for uu in units:
        ho = rng.randint(1500, 4600)
        ng = round(ho * rng.uniform(0.012, 0.05))
        cn = round(ho * rng.uniform(0.03, 0.07))
        ds = round(ho * rng.uniform(3.4, 3.9))
        bh = round(ds * rng.uniform(0.9, 0.975))
        data[uu] = dict(ho=ho, ng=ng, cn=cn, ds=ds, bh=bh)
    tot = {k: sum(d[k] for d in data.values()) for k in ("ho", "ng", "cn", "ds", "bh")}
    data[dist] = tot
    for d in data.values():
        d["tl"] = round(d["ng"] / d["ho"] * 100, 2)
        d["tcn"] = round(d["cn"] / d["ho"] * 100, 2)
        d["tbh"] = round(d["bh"] / d["ds"] * 100, 2)
    rows = [
        ("1", "Tổng số hộ dân cư", "Hộ", "tong_so_ho", "ho", "int"),
        ("2", "Số hộ nghèo", "Hộ", "so_ho_ngheo", "ng", "int"),
        ("", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", "tl", "pctfrac"),
        ("3", "Số hộ cận nghèo", "Hộ", "so_ho_can_ngheo", "cn", "int"),
        ("", "Tỷ lệ hộ cận nghèo", "%", None, "tcn", "pctfrac"),
        ("4", "Dân số", "Người", "dan_so", "ds", "int"),
        ("5", "Số người tham gia BHYT", "Người", "so_nguoi_bhyt", "bh", "int"),
        ("", "Tỷ lệ tham gia BHYT", "%", "bhyt_bao_phu", "tbh", "pctfrac"),
    ]
    r = 9
    for stt, label, dvt, code, k, how in rows:
        it = how == "pctfrac"
        sh.put(r, 1, stt, h="center", border=True)
        sh.put(r, 2, label, border=True, italic=it)
        sh.put(r, 3, dvt, h="center", border=True, italic=it)
        for j, uu in enumerate([dist] + units):
            c = 4 + j
            store(sh, r, c, data[uu][k], how, bold=(j == 0), italic=it, size=10)
            if code:
                exp.add(
                    code,
                    uu,
                    2023,
                    1,
                    12,
                    "actual",
                    "",
                    data[uu][k],
                    dvt,
                    (ws.title, r, c),
                    mloc=(ws.title, r, 3),
                )
            else:
                exp.unk(label)
        r += 1
    r += 1
    sh.put(
        r,
        2,
        "Ghi chú: Kết quả rà soát theo chuẩn nghèo đa chiều giai đoạn 2022-2025 (NĐ 07/2021/NĐ-CP); "
        "dân số và số người tham gia BHYT tính đến 31/12/2023.",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        14,
        last,
        ["NGƯỜI LẬP BIỂU"],
        ["TRƯỞNG PHÒNG"],
        place_date="Can Lộc, ngày 15 tháng 01 năm 2024",
    )
    sh.widths({"A": 4, "B": 28, "C": 7, "D": 10})
    for j in range(len(units)):
        ws.column_dimensions[get_column_letter(5 + j)].width = 8.5
    save(wb, OUT / fn)
    exp.readme = (
        'Indicators × communes across: rows are indicators (with ĐVT), columns are "Toàn huyện" (the district '
        'total, first) and, under a merged "Chia ra" header, the 18 commune-level units of Can Lộc in 2023 '
        'written short ("TT Nghèn", "TT Đồng Lộc", "Thiên Lộc" …). Rates are fractions with a % format on '
        "italic rows without STT under their count rows. Year 2023 (year-end review). The near-poor rate is not "
        "in the catalog (the near-poor count is)."
    )
    ALL.append(exp)


# =========================================================================== F16
def f16():
    """Biểu mẫu số 16 (NĐ 31/2017/NĐ-CP): dự toán thu NSNN theo lĩnh vực 2024 of TP Hà Tĩnh, triệu đồng."""
    fn = "16_tp_bieu16_du_toan_thu_2024.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bieu 16"
    setup(ws, landscape=False)
    sh = Sh(ws)
    u = unit("Thành phố Hà Tĩnh", "2023-12-31")
    sh.merge(1, 1, 1, 3, "THÀNH PHỐ HÀ TĨNH", bold=True)
    sh.merge(1, 6, 1, 8, "Biểu mẫu số 16", bold=True, h="right")
    sh.merge(
        3, 1, 3, 8, "DỰ TOÁN THU NGÂN SÁCH NHÀ NƯỚC THEO LĨNH VỰC NĂM 2024", bold=True, size=13
    )
    sh.merge(
        4,
        1,
        4,
        8,
        "(Kèm theo Nghị quyết số 92/NQ-HĐND ngày 20/12/2023 của HĐND thành phố Hà Tĩnh)",
        italic=True,
    )
    sh.merge(5, 6, 5, 8, "Đơn vị: Triệu đồng", italic=True, h="right")
    ml = (ws.title, 5, 6)
    hd = dict(bold=True, border=True, size=11)
    sh.merge(6, 1, 7, 1, "STT", **hd)
    sh.merge(6, 2, 7, 2, "Nội dung", **hd)
    sh.merge(6, 3, 6, 4, "Ước thực hiện năm 2023", **hd)
    sh.merge(6, 5, 6, 6, "Dự toán năm 2024", **hd)
    sh.merge(6, 7, 6, 8, "So sánh (%)", **hd)
    for c, t in [
        (3, "Tổng thu\nNSNN"),
        (4, "Thu NSĐP"),
        (5, "Tổng thu\nNSNN"),
        (6, "Thu NSĐP"),
        (7, "Tổng thu\nNSNN"),
        (8, "Thu NSĐP"),
    ]:
        sh.put(7, c, t, **hd, h="center", wrap=True)
    for i, t in enumerate(["A", "B", "1", "2", "3", "4", "5=3/1", "6=4/2"]):
        sh.put(8, i + 1, t, italic=True, h="center", border=True, size=10)
    ws.row_dimensions[7].height = 32
    items = [  # (stt, label, uth 2023, dt 2024, NSĐP share)
        ("1", "Thu từ khu vực DNNN do Trung ương quản lý", 28500, 24000, 0.3),
        ("2", "Thu từ khu vực DNNN do địa phương quản lý", 6200, 5500, 0.3),
        ("3", "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài", 3850, 3500, 0.3),
        ("4", "Thu từ khu vực kinh tế ngoài quốc doanh", 186400, 175000, 0.3),
        ("5", "Thuế thu nhập cá nhân", 42300, 40000, 0.3),
        ("6", "Lệ phí trước bạ", 68900, 62000, 1.0),
        ("7", "Thu phí, lệ phí", 12600, 11500, 0.75),
        ("8", "Thuế sử dụng đất phi nông nghiệp", 3150, 3000, 1.0),
        ("9", "Tiền cho thuê đất, thuê mặt nước", 24800, 22000, 0.3),
        ("10", "Thu tiền sử dụng đất", 805250, 710000, 0.85),
        ("11", "Thu khác ngân sách", 31500, 23500, 0.6),
    ]
    rows_v = []
    for stt, label, a, b, s in items:
        rows_v.append((stt, label, a, round(a * s), b, round(b * s)))
    tot = [sum(x[k] for x in rows_v) for k in range(2, 6)]
    assert tot[0] == 1213450 and tot[2] == 1080000
    M = "Triệu đồng"

    def line(r, stt, label, vals, code=None, bold=False, unk_row=True):
        sh.put(r, 1, stt, bold=bold, h="center", border=True)
        sh.put(r, 2, label, bold=bold, border=True, wrap=True)
        if vals is None:
            for c in range(3, 9):
                sh.put(r, c, "-", h="center", border=True)
            return
        metas = [("estimate", 2023, 1, 12, ""), None, ("target", 2024, 1, 12, "hdnd_giao"), None]
        for i, v in enumerate(vals):
            store(sh, r, 3 + i, v, "int", bold=bold)
            if i % 2 == 1:
                exp.unk("Thu NSĐP")
                continue
            if code:
                kind, year, mf, mt, src = metas[i]
                exp.add(code, u, year, mf, mt, kind, src, v, M, (ws.title, r, 3 + i), mloc=ml)
            elif unk_row:
                exp.unk(label)
        sh.put(r, 7, ratio(vals[2], vals[0]), fmt="0.0", border=True, h="right", italic=True)
        sh.put(r, 8, ratio(vals[3], vals[1]), fmt="0.0", border=True, h="right", italic=True)

    r = 9
    line(r, "", "TỔNG THU NSNN TRÊN ĐỊA BÀN", tot, code="thu_ngan_sach", bold=True)
    r += 1
    line(r, "I", "Thu nội địa", tot, bold=True)
    r += 1
    for stt, label, a, na, b, nb in rows_v:
        line(r, stt, label, [a, na, b, nb], code="thu_tien_sdd" if stt == "10" else None)
        r += 1
    line(r, "II", "Thu từ dầu thô", None, bold=True)
    r += 1
    line(r, "III", "Thu cân đối từ hoạt động xuất khẩu, nhập khẩu", None, bold=True)
    r += 2
    sh.put(
        r,
        2,
        "Ghi chú: Thu NSĐP là phần ngân sách thành phố, phường, xã được hưởng theo phân cấp.",
        italic=True,
        size=11,
    )
    sh.widths({"A": 5, "B": 46, "C": 12, "D": 12, "E": 12, "F": 12, "G": 8, "H": 8})
    save(wb, OUT / fn)
    exp.readme = (
        'The standard budget form "Biểu mẫu số 16" (NĐ 31/2017/NĐ-CP) attached to the city HĐND resolution: '
        '"Ước thực hiện năm 2023" (estimate 2023 1–12) and "Dự toán năm 2024" (target 2024, hdnd_giao — the '
        'resolution is the HĐND\'s), each split into "Tổng thu NSNN" and "Thu NSĐP" (the local share, a '
        'different indicator not in the catalog), with numbering row A, B, 1…4, 5=3/1, 6=4/2 and "Đơn vị: Triệu '
        'đồng" above the right edge; no signature, no quốc hiệu (form code at top right). Only the total and '
        'row 10 (Thu tiền sử dụng đất) are catalog indicators; "Thu nội địa" repeats the total and the other '
        'revenue lines are unknown. Rows II/III hold "-".'
    )
    ALL.append(exp)


# =========================================================================== F17
def f17():
    """Three ward/commune reports for Quý I/2022 in one workbook, one sheet each; unit named only in letterhead."""
    fn = "17_tp_bieu03_quy1_2022_3_don_vi.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    on = "2022-03-31"
    specs = [
        ("P.DaiNai", "Phường Đại Nài", "UBND PHƯỜNG ĐẠI NÀI", "num", 1717),
        ("P.VanYen", "Phường Văn Yên", "UBND PHƯỜNG VĂN YÊN", "vn", 1718),
        ("X.ThachBinh", "Xã Thạch Bình", "UBND XÃ THẠCH BÌNH", "num", 1719),
    ]
    for si, (title, uname, body_name, how, seed) in enumerate(specs):
        ws = wb.active if si == 0 else wb.create_sheet()
        ws.title = title
        setup(ws, landscape=False)
        sh = Sh(ws)
        u = unit(uname, on)
        rng = random.Random(seed)
        letterhead(sh, "UBND THÀNH PHỐ HÀ TĨNH", body_name, 2, 4, 8)
        sh.put(3, 1, "Biểu số 03/TK-PX", italic=True, size=11)
        sh.merge(
            5,
            1,
            5,
            8,
            "BÁO CÁO MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI QUÝ I NĂM 2022",
            bold=True,
            size=13,
        )
        hd = dict(bold=True, border=True, size=11)
        for i, t in enumerate(
            [
                "TT",
                "Chỉ tiêu",
                "ĐVT",
                "KH\nnăm 2022",
                "TH\nquý I/2021",
                "TH\nquý I/2022",
                "% KH",
                "% CK",
            ]
        ):
            sh.merge(7, i + 1, 7, i + 1, t, **hd)
        ws.row_dimensions[7].height = 32
        cols = [
            dict(col=4, key="kh", meta=("target", 2022, 1, 12, "")),
            dict(col=5, key="ck", meta=("actual", 2021, 1, 3, "")),
            dict(col=6, key="th", meta=("actual", 2022, 1, 3, "")),
            dict(col=7, calc=lambda v: None if v.get("_rate") else ratio(v.get("th"), v.get("kh"))),
            dict(col=8, calc=lambda v: ratio(v.get("th"), v.get("ck"))),
        ]
        ns = round(rng.uniform(9000, 30000), -2)
        sdd = round(ns * rng.uniform(0.35, 0.6), -1)
        dsbh = rng.randint(7000, 16000)
        rows = []

        def R(stt, label, dvt, code, kh, ck, th, rate=False, **kw):
            x = dict(
                stt=stt,
                label=label,
                dvt=dvt,
                code=code,
                unk=code is None,
                v=dict(kh=kh, ck=ck, th=th, _rate=rate),
                store=how,
            )
            x.update(kw)
            rows.append(x)

        R(
            "1",
            "Thu ngân sách trên địa bàn",
            "Tr.đồng",
            "thu_ngan_sach",
            ns,
            round(ns * rng.uniform(0.12, 0.2), 1),
            round(ns * rng.uniform(0.15, 0.25), 1),
        )
        R(
            "",
            "- Trong đó: Thu tiền SDĐ",
            "Tr.đồng",
            "thu_tien_sdd",
            sdd,
            round(sdd * rng.uniform(0.05, 0.15), 1),
            round(sdd * rng.uniform(0.1, 0.2), 1),
            italic=True,
        )
        R(
            "2",
            "Giải quyết việc làm mới",
            "Người",
            "viec_lam_moi",
            rng.randint(150, 260),
            rng.randint(20, 45),
            rng.randint(25, 55),
            store="int" if how == "num" else how,
        )
        R(
            "3",
            "Số người tham gia BHYT",
            "Người",
            "so_nguoi_bhyt",
            "x",
            round(dsbh * 0.97),
            dsbh,
            store="int" if how == "num" else how,
        )
        R(
            "4",
            "Tỷ lệ tham gia BHYT",
            "%",
            "bhyt_bao_phu",
            round(rng.uniform(94, 96), 1),
            round(rng.uniform(90, 93), 2),
            round(rng.uniform(92, 94.5), 2),
            rate=True,
        )
        R(
            "5",
            "Số lượt khám, chữa bệnh",
            "Lượt",
            "luot_kham_benh",
            rng.randint(5000, 9000) // 10 * 10,
            rng.randint(900, 1600),
            rng.randint(1100, 1900),
            store="int" if how == "num" else how,
        )
        R(
            "6",
            "Tỷ lệ thu gom rác thải sinh hoạt",
            "%",
            "thu_gom_rac",
            100,
            round(rng.uniform(95, 99), 1),
            round(rng.uniform(97, 100), 1),
            rate=True,
        )
        if uname.startswith("Xã"):
            R(
                "7",
                "Số khu dân cư NTM kiểu mẫu (lũy kế)",
                "Khu",
                "khu_dan_cu_kieu_mau",
                4,
                2,
                3,
                store="int",
            )
        else:
            R(
                "7",
                "Số tổ dân phố mẫu (lũy kế)",
                "Tổ",
                "to_dan_pho_mau",
                rng.randint(6, 9),
                rng.randint(2, 4),
                rng.randint(4, 5),
                store="int" if how == "num" else how,
            )
        R(
            "8",
            "Cấp giấy chứng nhận QSD đất lần đầu",
            "Giấy",
            None,
            rng.randint(40, 90),
            rng.randint(5, 15),
            rng.randint(6, 20),
            store="int" if how == "num" else how,
        )
        r = body(sh, exp, 8, rows, cols, u)
        r += 1
        signature(
            sh,
            r,
            2,
            5,
            8,
            ["CÁN BỘ THỐNG KÊ"],
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            place_date=f"{uname.split(' ', 1)[1]}, ngày 0{5 + si} tháng 4 năm 2022",
        )
        sh.widths({"A": 4, "B": 40, "C": 9, "D": 11, "E": 11, "F": 11, "G": 8, "H": 8})
    save(wb, OUT / fn)
    exp.readme = (
        'One workbook, three sheets ("P.DaiNai", "P.VanYen", "X.ThachBinh"), each a complete report of one '
        'ward/commune for Quý I/2022 with its own letterhead ("UBND THÀNH PHỐ HÀ TĨNH" / "UBND PHƯỜNG ĐẠI '
        'NÀI" …) and form code "Biểu số 03/TK-PX"; the unit is named only in the letterhead and in the place '
        'of the date line ("Văn Yên, ngày 06 tháng 4 năm 2022"). Columns: KH năm 2022 (target 1–12), TH quý I/2021 (actual 2021 1–3), TH quý I/2022 '
        "(actual 2022 1–3), % KH, % CK. Văn Yên's clerk typed every number as Vietnamese text. The commune has "
        '"Số khu dân cư NTM kiểu mẫu" where the wards have "Số tổ dân phố mẫu". The land-certificate row is '
        "not in the catalog."
    )
    ALL.append(exp)


# =========================================================================== F18
def f18():
    """TP Hà Tĩnh 2024: tổ dân phố mẫu / khu dân cư kiểu mẫu / tuyến đường văn minh, lũy kế 2023 and 2024,
    3-level header, ĐVT row, 'Khối phường' / 'Khối xã' subtotals and the city total last."""
    fn = "18_tp_tdp_mau_kdc_tuyen_duong_2024.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "TH 2024"
    setup(ws)
    sh = Sh(ws)
    on = "2024-12-31"
    city = unit("Thành phố Hà Tĩnh", on)
    units = children("Thành phố Hà Tĩnh", on)
    wards = [x for x in units if x[1].startswith("Phường")]
    communes = [x for x in units if x[1].startswith("Xã")]
    assert len(wards) == 10 and len(communes) == 5
    letterhead(sh, "UBND THÀNH PHỐ HÀ TĨNH", "PHÒNG QUẢN LÝ ĐÔ THỊ", 3, 6, 10)
    sh.merge(
        4,
        1,
        4,
        10,
        "KẾT QUẢ XÂY DỰNG TỔ DÂN PHỐ MẪU, KHU DÂN CƯ NTM KIỂU MẪU VÀ TUYẾN ĐƯỜNG VĂN MINH ĐÔ THỊ",
        bold=True,
        size=13,
    )
    sh.merge(5, 1, 5, 10, "(Số liệu lũy kế đến 31/12/2024)", italic=True)
    hd = dict(bold=True, border=True, size=11)
    sh.merge(7, 1, 9, 1, "TT", **hd)
    sh.merge(7, 2, 9, 2, "Đơn vị", **hd)
    sh.merge(7, 3, 9, 3, "Số TDP/thôn", **hd)
    sh.merge(7, 4, 7, 9, "Kết quả xây dựng (lũy kế)", **hd)
    sh.merge(8, 4, 8, 5, "Tổ dân phố mẫu", **hd)
    sh.merge(8, 6, 8, 7, "Khu dân cư NTM kiểu mẫu", **hd)
    sh.merge(8, 8, 8, 9, "Tuyến đường văn minh đô thị", **hd)
    for c in (4, 6, 8):
        sh.put(9, c, "Đến\n31/12/2023", **hd, h="center", wrap=True)
        sh.put(9, c + 1, "Đến\n31/12/2024", **hd, h="center", wrap=True)
    sh.merge(7, 10, 9, 10, "Ghi chú", **hd)
    ws.row_dimensions[9].height = 32
    for i, t in enumerate(["ĐVT", "", "TDP/thôn", "Tổ", "Tổ", "Khu", "Khu", "Tuyến", "Tuyến", ""]):
        sh.put(10, i + 1, t, italic=True, h="center", border=True, size=10)
    rng = random.Random(1818)
    data = {}
    for uu in units:
        n = rng.randint(8, 24)
        ph = uu[1].startswith("Phường")
        a23 = rng.randint(2, 6) if ph else None
        a24 = a23 + rng.randint(0, 3) if ph else None
        k23 = None if ph else rng.randint(1, 4)
        k24 = None if ph else k23 + rng.randint(0, 2)
        t23 = rng.randint(1, 5)
        t24 = t23 + rng.randint(0, 2)
        data[uu] = dict(n=n, a23=a23, a24=a24, k23=k23, k24=k24, t23=t23, t24=t24)
    keys = [
        ("a23", 4, "to_dan_pho_mau", 2023),
        ("a24", 5, "to_dan_pho_mau", 2024),
        ("k23", 6, "khu_dan_cu_kieu_mau", 2023),
        ("k24", 7, "khu_dan_cu_kieu_mau", 2024),
        ("t23", 8, "tuyen_duong_van_minh", 2023),
        ("t24", 9, "tuyen_duong_van_minh", 2024),
    ]

    def total(lst):
        out = {"n": sum(data[x]["n"] for x in lst)}
        for k, *_ in keys:
            vals = [data[x][k] for x in lst if data[x][k] is not None]
            out[k] = sum(vals) if vals else None
        return out

    def line(r, stt, label, d, u=None, bold=False, gc=None):
        sh.put(r, 1, stt, h="center", border=True, bold=bold)
        sh.put(r, 2, label, border=True, bold=bold)
        store(sh, r, 3, d["n"], "int", bold=bold)
        if u is not None:
            exp.unk("Số TDP/thôn")
        for k, c, code, year in keys:
            if d[k] is None:
                sh.put(r, c, "x", h="center", border=True)
                continue
            store(sh, r, c, d[k], "int", bold=bold)
            if u is not None:
                exp.add(
                    code,
                    u,
                    year,
                    1,
                    12,
                    "actual",
                    "",
                    d[k],
                    ["Tổ", "Tổ", "Khu", "Khu", "Tuyến", "Tuyến"][c - 4],
                    (ws.title, r, c),
                    mloc=(ws.title, 10, c),
                )
        sh.put(r, 10, gc, border=True, italic=True, size=10)

    r = 11
    line(r, "I", "Khối phường", total(wards), bold=True)
    r += 1
    for i, uu in enumerate(wards):
        line(r, i + 1, uu[1], data[uu], u=uu)
        r += 1
    line(r, "II", "Khối xã", total(communes), bold=True)
    r += 1
    for i, uu in enumerate(communes):
        line(
            r,
            i + 1,
            uu[1],
            data[uu],
            u=uu,
            gc="Đạt chuẩn NTM nâng cao" if uu[1] == "Xã Thạch Bình" else None,
        )
        r += 1
    line(r, "", "Cộng toàn thành phố", total(units), u=city, bold=True)
    r += 2
    sh.put(
        r,
        2,
        "Ghi chú: x - không thuộc đối tượng (phường xây dựng TDP mẫu, xã xây dựng khu dân cư NTM kiểu mẫu).",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        7,
        10,
        ["NGƯỜI LẬP BIỂU"],
        ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"],
        place_date="Hà Tĩnh, ngày 06 tháng 01 năm 2025",
    )
    sh.widths(
        {"A": 5, "B": 22, "C": 9, "D": 11, "E": 11, "F": 11, "G": 11, "H": 11, "I": 11, "J": 22}
    )
    save(wb, OUT / fn)
    exp.readme = (
        'Counts per ward/commune (the 15 units of TP Hà Tĩnh in 2024) with a three-level header "Kết quả xây '
        'dựng (lũy kế)" › indicator › "Đến 31/12/2023" / "Đến 31/12/2024" (actual 2023 and 2024, 1–12) and '
        'a ĐVT row under the header ("Tổ", "Khu", "Tuyến") instead of a ĐVT column. Full unit names '
        '("Phường Trần Phú", "Xã Đồng Môn"). Sections carry their own subtotal rows "I Khối phường" and '
        '"II Khối xã" (aggregates, not units, no observations); the city total "Cộng toàn thành phố" comes '
        'last. "x" marks not-applicable cells (wards have no khu dân cư NTM kiểu mẫu, communes no tổ dân phố '
        'mẫu). The "Số TDP/thôn" column is not in the catalog.'
    )
    ALL.append(exp)


# =========================================================================== F19
def f19():
    """Sở LĐ-TB&XH: lao động, việc làm, giảm nghèo năm 2023 và KH 2024 (province); % typed as text '4,41%'."""
    fn = "19_so_ldtbxh_viec_lam_giam_ngheo_2023.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bieu 02"
    setup(ws)
    sh = Sh(ws)
    u = unit("Tỉnh Hà Tĩnh", "2023-12-31")
    letterhead(sh, "UBND TỈNH HÀ TĨNH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 3, 5, 9)
    sh.put(3, 9, "Biểu số 02/LĐTBXH", italic=True, h="right", size=11)
    sh.merge(
        5,
        1,
        5,
        9,
        "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU VỀ LAO ĐỘNG, VIỆC LÀM VÀ GIẢM NGHÈO",
        bold=True,
        size=13,
    )
    sh.merge(6, 1, 6, 9, "NĂM 2023 VÀ KẾ HOẠCH NĂM 2024", bold=True, size=13)
    hd = dict(bold=True, border=True, size=11)
    sh.merge(8, 1, 9, 1, "TT", **hd)
    sh.merge(8, 2, 9, 2, "Chỉ tiêu", **hd)
    sh.merge(8, 3, 9, 3, "ĐVT", **hd)
    sh.merge(8, 4, 9, 4, "Thực hiện\nnăm 2022", **hd)
    sh.merge(8, 5, 8, 7, "Năm 2023", **hd)
    sh.put(9, 5, "Kế hoạch", **hd, h="center")
    sh.put(9, 6, "Thực hiện", **hd, h="center")
    sh.put(9, 7, "% KH", **hd, h="center")
    sh.merge(8, 8, 9, 8, "So với\nnăm 2022\n(%)", **hd)
    sh.merge(8, 9, 9, 9, "Kế hoạch\nnăm 2024", **hd)
    ws.row_dimensions[9].height = 24
    ws.row_dimensions[8].height = 30
    cols = [
        dict(col=4, key="a", meta=("actual", 2022, 1, 12, "")),
        dict(col=5, key="b", meta=("target", 2023, 1, 12, "")),
        dict(col=6, key="c", meta=("actual", 2023, 1, 12, "")),
        dict(
            col=7, calc=lambda v: None if v.get("_r") else ratio(v.get("c"), v.get("b")), blank="-"
        ),
        dict(
            col=8, calc=lambda v: None if v.get("_r") else ratio(v.get("c"), v.get("a")), blank="-"
        ),
        dict(col=9, key="d", meta=("target", 2024, 1, 12, "")),
    ]

    def R(stt, label, dvt, code, a, b, c, d, how="int", r_=False, **kw):
        x = dict(
            stt=stt,
            label=label,
            dvt=dvt,
            code=code,
            unk=code is None,
            v=dict(a=a, b=b, c=c, d=d, _r=r_),
            store=how,
        )
        x.update(kw)
        return x

    rows = [
        R(
            "1",
            "Số lao động được tạo việc làm mới",
            "Người",
            "viec_lam_moi",
            22150,
            20000,
            23410,
            20500,
            bold=True,
        ),
        R(
            "",
            "Trong đó: Đi làm việc ở nước ngoài theo hợp đồng",
            "Người",
            None,
            11230,
            10000,
            12350,
            10500,
            italic=True,
        ),
        R(
            "2",
            "Tỷ lệ lao động qua đào tạo",
            "%",
            "lao_dong_qua_dao_tao",
            70.5,
            71,
            72.1,
            73,
            how="pcttext",
            r_=True,
            bold=True,
        ),
        R(
            "3",
            "Tỷ lệ hộ nghèo đa chiều",
            "%",
            "ty_le_ho_ngheo",
            6.05,
            4.55,
            4.41,
            3,
            how="pcttext",
            r_=True,
            bold=True,
        ),
        R("4", "Số hộ nghèo", "Hộ", "so_ho_ngheo", 22310, "-", 16380, "-", bold=True),
        R("5", "Tổng số hộ dân cư", "Hộ", "tong_so_ho", 368720, "-", 371450, "-", bold=True),
        R(
            "6",
            "Tỷ lệ hộ cận nghèo",
            "%",
            None,
            5.12,
            4.6,
            4.48,
            4,
            how="pcttext",
            r_=True,
            bold=True,
        ),
    ]
    r = body(sh, exp, 10, rows, cols, u)
    r += 1
    sh.put(
        r,
        2,
        "Ghi chú: Tỷ lệ hộ nghèo, cận nghèo theo chuẩn nghèo đa chiều giai đoạn 2022-2025.",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        6,
        9,
        [],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Nguyễn Thị Thanh Hương"],
        place_date="Hà Tĩnh, ngày 12 tháng 01 năm 2024",
    )
    sh.widths({"A": 4, "B": 46, "C": 8, "D": 11, "E": 10, "F": 10, "G": 8, "H": 10, "I": 11})
    save(wb, OUT / fn)
    exp.readme = (
        "A provincial department (Sở LĐ-TB&XH) reporting for the whole province: title on two separate rows, form "
        'code at the right, "Thực hiện năm 2022" (actual 2022), "Năm 2023" › Kế hoạch / Thực hiện / % KH, '
        '"So với năm 2022 (%)", "Kế hoạch năm 2024". Percentages are typed as text with the sign '
        '("4,41%", "73%") while the ĐVT column also says "%"; ratio cells of rate rows hold "-". A '
        '"Trong đó:" sub-row (labour export) and the near-poor rate are not in the catalog.'
    )
    ALL.append(exp)


# =========================================================================== F20
def f20():
    """Xã Hộ Độ (moved from Lộc Hà to TP Hà Tĩnh on 01/01/2025), 6 tháng 2025; second sheet in đồng."""
    fn = "20_xa_hodo_6t_2025.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "Bieu 01"
    setup(ws)
    sh = Sh(ws)
    u25 = unit("Xã Hộ Độ", "2025-06-30")
    u24 = unit("Xã Hộ Độ", "2024-06-30")
    assert u24 == u25
    letterhead(sh, "UBND THÀNH PHỐ HÀ TĨNH", "UBND XÃ HỘ ĐỘ", 2, 4, 8)
    sh.put(3, 1, "Biểu 01", italic=True, size=11)
    sh.merge(
        4,
        1,
        4,
        8,
        "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2025",
        bold=True,
        size=13,
    )
    hd = dict(bold=True, border=True, size=11)
    for i, t in enumerate(
        [
            "TT",
            "Chỉ tiêu",
            "ĐVT",
            "TH 6 tháng\nnăm 2024",
            "Ước TH\nQuý II/2025",
            "Ước TH\n6 tháng\nnăm 2025",
            "So CK\n(%)",
            "Ghi chú",
        ]
    ):
        sh.merge(6, i + 1, 6, i + 1, t, **hd)
    ws.row_dimensions[6].height = 48
    cols = [
        dict(col=4, key="ck", meta=("actual", 2024, 1, 6, "")),
        dict(col=5, key="q2", meta=("estimate", 2025, 4, 6, "")),
        dict(col=6, key="h1", meta=("estimate", 2025, 1, 6, "")),
        dict(col=7, calc=lambda v: None if v.get("_r") else ratio(v.get("h1"), v.get("ck"))),
        dict(col=8, key="gc"),
    ]

    def R(stt, label, dvt, code, ck, q2, h1, how="num", r_=False, gc=None, **kw):
        x = dict(
            stt=stt,
            label=label,
            dvt=dvt,
            code=code,
            unk=code is None,
            v=dict(ck=ck, q2=q2, h1=h1, _r=r_, gc=gc),
            store=how,
        )
        x.update(kw)
        return x

    rows = [
        R(
            "1",
            "Thu ngân sách nhà nước trên địa bàn",
            "Triệu đồng",
            "thu_ngan_sach",
            2850.4,
            1320.6,
            3105.2,
            how="vn",
        ),
        R(
            "",
            "Trong đó: tiền SDĐ",
            "Triệu đồng",
            "thu_tien_sdd",
            1910.2,
            842.1,
            2015.7,
            how="vn",
            italic=True,
        ),
        R("2", "Lao động được tạo việc làm mới", "Người", "viec_lam_moi", 96, 58, 104, how="int"),
        R(
            "3",
            "Số người tham gia BHYT",
            "Người",
            "so_nguoi_bhyt",
            6120,
            6205,
            6205,
            how="int",
            gc="Số liệu đến 30/6",
        ),
        R("4", "Tỷ lệ bao phủ BHYT", "%", "bhyt_bao_phu", 92.4, 93.6, 93.6, r_=True),
        R("5", "Khu dân cư kiểu mẫu (lũy kế)", "Khu", "khu_dan_cu_kieu_mau", 3, "x", 4, how="int"),
        R("6", "Diện tích lúa Xuân", "Ha", None, 285.5, "x", 281.0),
    ]
    r = body(sh, exp, 7, rows, cols, u25)
    # the same-period column belongs to 2024, when Hộ Độ was in Lộc Hà: same code and name
    r += 1
    sh.put(
        r,
        2,
        "Ghi chú: Từ 01/01/2025 xã Hộ Độ thuộc thành phố Hà Tĩnh; số liệu cùng kỳ là của xã Hộ Độ "
        "(huyện Lộc Hà).",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        5,
        8,
        ["CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ"],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        place_date="Hộ Độ, ngày 18 tháng 6 năm 2025",
    )
    sh.widths({"A": 4, "B": 40, "C": 11, "D": 12, "E": 11, "F": 11, "G": 8, "H": 18})
    # sheet 2: monthly budget in đồng (MISA export pasted into the report)
    ws2 = wb.create_sheet("Bieu 02")
    setup(ws2, landscape=False)
    s2 = Sh(ws2)
    letterhead(s2, "UBND THÀNH PHỐ HÀ TĨNH", "UBND XÃ HỘ ĐỘ", 2, 4, 6)
    s2.put(3, 1, "Biểu 02", italic=True, size=11)
    s2.merge(
        4,
        1,
        4,
        6,
        "TÌNH HÌNH THU NGÂN SÁCH NHÀ NƯỚC THÁNG 4 VÀ THÁNG 5 NĂM 2025",
        bold=True,
        size=13,
    )
    s2.merge(5, 5, 5, 6, "Đơn vị tính: Đồng", italic=True, h="right")
    for i, t in enumerate(
        [
            "STT",
            "Nội dung",
            "Thực hiện\ntháng 4/2025",
            "Thực hiện\ntháng 5/2025",
            "Cộng 2 tháng",
            "Ghi chú",
        ]
    ):
        s2.merge(6, i + 1, 6, i + 1, t, **hd)
    ws2.row_dimensions[6].height = 32
    cols2 = [
        dict(col=3, key="t5", meta=("actual", 2025, 4, 4, "")),
        dict(col=4, key="t6", meta=("actual", 2025, 5, 5, "")),
        dict(col=5, calc=lambda v: None),
        dict(col=6, key="gc"),
    ]
    rows2 = [
        dict(
            stt="",
            label="Tổng thu NSNN trên địa bàn",
            code="thu_ngan_sach",
            v=dict(t5=412350000, t6=598720500),
            bold=True,
        ),
        dict(
            stt="1",
            label="Thu tiền sử dụng đất",
            code="thu_tien_sdd",
            v=dict(t5=280000000, t6=410500000),
        ),
        dict(
            stt="2",
            label="Các khoản thu khác",
            code=None,
            unk=True,
            v=dict(t5=132350000, t6=188220500),
        ),
    ]
    r2 = body(
        s2,
        exp,
        7,
        rows2,
        cols2,
        u25,
        dvt_col=None,
        measure="Đồng",
        mloc=(ws2.title, 5, 5),
        default_store="int",
    )
    for rr in range(7, r2):  # "Cộng 2 tháng" is a formula, as typed by the accountant
        ws2.cell(row=rr, column=5).value = f"=C{rr}+D{rr}"
        ws2.cell(row=rr, column=5).number_format = "#,##0"
    s2.widths({"A": 5, "B": 34, "C": 16, "D": 16, "E": 16, "F": 12})
    save(wb, OUT / fn)
    exp.readme = (
        "A commune that changed district on 01/01/2025 (Xã Hộ Độ, Lộc Hà → TP Hà Tĩnh, same code 18598), 6 months "
        '2025 report made in June: "TH 6 tháng năm 2024" (actual 2024 1–6; the unit then belonged to Lộc Hà), '
        '"Ước TH Quý II/2025" (estimate 4–6) and "Ước TH 6 tháng năm 2025" (estimate 1–6). No full-year plan '
        'column (the commune ceased on 30/06/2025). Budget values typed as Vietnamese text. Second sheet "Biểu '
        '02" with its own letterhead: April and May revenue in **đồng** ("Đơn vị tính: Đồng", e.g. '
        '598.720.500) and a "Cộng 2 tháng" column holding Excel formulas without cached values (not an '
        "observation). The rice-area and other-revenue rows are not in the catalog."
    )
    ALL.append(exp)


# =========================================================================== F21
def f21():
    """Phường Hà Huy Tập: years as rows, indicators as columns, ĐVT row and numbering row."""
    fn = "21_phuong_hahuytap_chuoi_2016_2020.xlsx"
    exp = Exp(fn)
    wb = Workbook()
    ws = wb.active
    ws.title = "2016-2020"
    setup(ws)
    sh = Sh(ws)
    u = unit("Phường Hà Huy Tập", "2020-12-31")
    letterhead(sh, "UBND THÀNH PHỐ HÀ TĨNH", "UBND PHƯỜNG HÀ HUY TẬP", 3, 6, 10)
    sh.merge(
        4,
        1,
        4,
        10,
        "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI GIAI ĐOẠN 2016 - 2020 VÀ KẾ HOẠCH NĂM 2021",
        bold=True,
        size=13,
    )
    sh.merge(
        5,
        1,
        5,
        10,
        "(Phục vụ xây dựng Báo cáo chính trị Đại hội Đảng bộ phường nhiệm kỳ 2020 - 2025)",
        italic=True,
    )
    hd = dict(bold=True, border=True, size=11)
    heads = [
        ("Năm", None, None),
        ("Dân số trung bình", "Người", "dan_so"),
        ("Tổng số hộ", "Hộ", "tong_so_ho"),
        ("Số hộ nghèo", "Hộ", "so_ho_ngheo"),
        ("Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo"),
        ("Số người tham gia BHYT", "Người", "so_nguoi_bhyt"),
        ("Tỷ lệ tham gia BHYT", "%", "bhyt_bao_phu"),
        ("Thu ngân sách trên địa bàn", "Triệu đồng", "thu_ngan_sach"),
        ("Số lao động được tạo việc làm mới", "Người", "viec_lam_moi"),
        ("Số hộ kinh doanh cá thể", "Hộ", None),
    ]
    for i, (t, dvt, _) in enumerate(heads):
        sh.put(7, i + 1, t, **hd, h="center", wrap=True)
        sh.put(8, i + 1, dvt or "ĐVT", italic=True, border=True, h="center", size=10)
        sh.put(9, i + 1, f"({i + 1})", italic=True, border=True, h="center", size=10)
    ws.row_dimensions[7].height = 48
    rng = random.Random(2121)
    years = [
        (2016, 2016, "actual"),
        (2017, 2017, "actual"),
        (2018, 2018, "actual"),
        (2019, 2019, "actual"),
        ("Ước TH 2020", 2020, "estimate"),
        ("KH 2021", 2021, "target"),
    ]
    ds, ho, ng, bh, ns, vl, kd = 9480, 2610, 64, 8420, 18250.0, 185, 420
    r = 10
    for label, year, kind in years:
        if year > 2016:
            ds += rng.randint(80, 160)
            ho += rng.randint(25, 50)
            ng = max(18, ng - rng.randint(6, 12))
            bh = min(int(ds * 0.97), bh + rng.randint(120, 260))
            ns = round(ns * rng.uniform(1.05, 1.22), 1)
            vl += rng.randint(-10, 25)
            kd += rng.randint(15, 40)
        vals = [ds, ho, ng, round(ng / ho * 100, 2), bh, round(bh / ds * 100, 2), ns, vl, kd]
        if kind == "target":
            vals = ["x", "x", 15, 0.55, "x", 97.5, 36000, 220, "x"]
        sh.put(r, 1, label, h="center", border=True, bold=isinstance(label, str))
        for j, v in enumerate(vals):
            c = j + 2
            _, dvt, code = heads[j + 1]
            if isinstance(v, str):
                sh.put(r, c, v, h="center", border=True)
                continue
            how = "num" if dvt in ("%", "Triệu đồng") else "int"
            store(sh, r, c, v, how, fmt="0.00" if dvt == "%" else None)
            if code:
                exp.add(
                    code, u, year, 1, 12, kind, "", v, dvt, (ws.title, r, c), mloc=(ws.title, 8, c)
                )
            else:
                exp.unk(heads[j + 1][0])
        r += 1
    r += 1
    sh.put(
        r,
        1,
        "Ghi chú: Số liệu năm 2020 là số ước thực hiện; KH 2021 theo dự thảo Nghị quyết HĐND phường.",
        italic=True,
        size=11,
    )
    r += 2
    signature(
        sh,
        r,
        2,
        7,
        10,
        ["CÔNG CHỨC THỐNG KÊ"],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        place_date="Hà Huy Tập, ngày 12 tháng 6 năm 2020",
    )
    sh.widths(
        {"A": 13, "B": 11, "C": 9, "D": 9, "E": 9, "F": 12, "G": 10, "H": 12, "I": 12, "J": 11}
    )
    save(wb, OUT / fn)
    exp.readme = (
        "Transposed yearly series of one ward (Phường Hà Huy Tập): years run down column A (integers 2016–2019, "
        'then text labels "Ước TH 2020" = estimate and "KH 2021" = target), indicators run across the header, '
        'with a separate ĐVT row ("Người", "Hộ", "%", "Triệu đồng") and a numbering row "(1)"…"(10)" '
        'under it. The first header cell is "Năm" and its ĐVT cell says "ĐVT". "x" where no plan was set. '
        '"Số hộ kinh doanh cá thể" is not in the catalog.'
    )
    ALL.append(exp)


# =========================================================================== read-back check
KINDS = {"actual", "estimate", "target"}
SOURCES = {"", "tinh_giao", "hdnd_giao", "phan_dau", "nhiem_ky"}
TERM_YEARS = {t["target_year"] for t in tomllib.load(open(DATA / "terms.toml", "rb"))["term"]}


def _norm(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower().replace(" ", "").replace(".", "")


MEASURE_BY_ALIAS = {}
for m in MEASURES:
    for a in [m["name"], m["code"], *m.get("aliases", [])]:
        MEASURE_BY_ALIAS.setdefault(_norm(a), m)


def _month_end(year, m):
    return f"{year}-{m:02d}-{[31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]:02d}"


def _unit_valid(code, name, start, end):
    return any(
        u["code"] == code
        and u["name"] == name
        and u["valid_from"] <= start
        and (not u["valid_to"] or end <= u["valid_to"])
        for u in UNITS
    )


def check_all():
    problems, warnings = [], []
    for exp in ALL:
        path = OUT / exp.fname
        if exp.kind == "xlsx":
            wb = load_workbook(path)
            texts = []
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for c in row:
                        if isinstance(c.value, str):
                            texts.append(unicodedata.normalize("NFC", c.value))

            def cell(loc):
                s, r, c = loc
                x = wb[s].cell(row=r, column=c)
                return x.value, x.number_format
        else:
            raw = path.read_bytes()
            text = unicodedata.normalize("NFC", raw.decode(exp.encoding))
            grid = list(csv.reader(io.StringIO(text), delimiter=exp.delimiter))
            texts = [x for row in grid for x in row]

            def cell(loc):
                r, c = loc
                return grid[r][c], "General"

            if exp.encoding == "cp1258":
                try:
                    raw.decode("utf-8")
                    problems.append(f"{exp.fname}: cp1258 file also decodes as UTF-8")
                except UnicodeDecodeError:
                    pass
                if not any(unicodedata.combining(ch) for ch in raw.decode("cp1258")):
                    problems.append(f"{exp.fname}: no combining marks in cp1258 text")
        alltext = "\n".join(texts)
        keys = set()
        for row in exp.rows:
            tag = (
                f"{exp.fname}: {row['indicator_code']} {row['unit_name']} {row['year']} "
                f"{row['month_from']}-{row['month_to']} {row['kind']} {row['target_source']}"
            )
            if row["_key"] in keys:
                problems.append(f"{tag}: duplicate")
            keys.add(row["_key"])
            for loc, parse, mloc in row["_locs"]:
                v, fmt = cell(loc)
                try:
                    if parse == "crit":
                        got = crit_value(v)
                    elif isinstance(v, (int, float)):
                        got = v * 100 if "%" in fmt else v
                    elif isinstance(v, str):
                        got = parse_vn(v) if exp.locale == "vn" else parse_en(v)
                    else:
                        raise ValueError(repr(v))
                except ValueError as e:
                    problems.append(f"{tag}: cell {loc} unreadable: {e}")
                    continue
                if abs(got - row["value"]) > 1e-6 * max(1.0, abs(row["value"])):
                    problems.append(f"{tag}: cell {loc} holds {got}, expected {row['value']}")
                if mloc is not None:
                    mv = cell(mloc)[0]
                    if not isinstance(mv, str) or row["measure"] not in unicodedata.normalize(
                        "NFC", mv
                    ):
                        problems.append(f"{tag}: measure {row['measure']!r} not in {mloc} = {mv!r}")
            ind = CATALOG.get(row["indicator_code"])
            if ind is None:
                problems.append(f"{tag}: code not in catalog")
                continue
            mf, mt, y = row["month_from"], row["month_to"], row["year"]
            if not (1 <= mf <= mt <= 12):
                problems.append(f"{tag}: bad months")
            if not _unit_valid(
                row["unit_code"], row["unit_name"], f"{y}-{mf:02d}-01", _month_end(y, mt)
            ):
                problems.append(f"{tag}: unit not valid over the period")
            if row["kind"] not in KINDS or row["target_source"] not in SOURCES:
                problems.append(f"{tag}: bad kind/source")
            if row["target_source"] and row["kind"] != "target":
                problems.append(f"{tag}: source on a non-target")
            if row["target_source"] == "nhiem_ky" and ((mf, mt) != (1, 12) or y not in TERM_YEARS):
                problems.append(f"{tag}: term target not at a term end year")
            if ind["measure"] == "dat_khong":
                if row["measure"] != "Đạt/Không" or row["value"] not in (0.0, 1.0):
                    problems.append(f"{tag}: criterion value/measure")
            else:
                m = MEASURE_BY_ALIAS.get(_norm(row["measure"]))
                want = next(x for x in MEASURES if x["code"] == ind["measure"])["base"]
                if m is None:
                    warnings.append(
                        f"{exp.fname}: measure {row['measure']!r} is not a catalog alias "
                        f"(indicator measure {ind['measure']})"
                    )
                elif m["base"] != want:
                    problems.append(
                        f"{tag}: measure {row['measure']!r} ({m['base']}) vs catalog {want}"
                    )
        for name in exp.unknown:
            if name not in alltext.replace("\n", " "):
                problems.append(f"{exp.fname}: unknown name {name!r} not found in the file")
            for ind in CATALOG.values():
                if _norm(name) in {_norm(x) for x in [ind["name"], *ind.get("aliases", [])]}:
                    problems.append(
                        f"{exp.fname}: unknown name {name!r} is a catalog name/alias of {ind['code']}"
                    )
        # expected.csv round trip
        stem = exp.fname.rsplit(".", 1)[0]
        back = list(csv.DictReader(open(OUT / f"{stem}.expected.csv", encoding="utf-8")))
        if len(back) != len(exp.rows) or any(
            float(b["value"]) != r["value"] for b, r in zip(back, exp.rows)
        ):
            problems.append(f"{exp.fname}: expected.csv round trip differs")
        for b in back:
            for k in ("unit_name", "measure"):
                if unicodedata.normalize("NFC", b[k]) != b[k]:
                    problems.append(f"{exp.fname}: {k} not NFC")
    # NFD workbook really is NFD
    nfd = [e for e in ALL if "nfd" in e.fname]
    for e in nfd:
        wb = load_workbook(OUT / e.fname)
        strs = [
            c.value
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str)
        ]
        if any(unicodedata.normalize("NFD", s) != s for s in strs):
            problems.append(f"{e.fname}: a string is not NFD")
    return problems, warnings


# =========================================================================== README
README_HEAD = """# Realistic report files, batch 2

Twenty-one report files shaped like what statisticians, budget accountants and office clerks in Hà Tĩnh
send: wards, communes, the city, districts before July 2025, provincial departments and the new (post-July
2025) communes. They test a loader on layouts it has not seen. The numbers are invented; units, codes,
validity dates and periods follow `data/admin_units.csv` (units valid over the whole period of every
observation).

Generated by `make_files.py` (deterministic; run with `.venv/bin/python tests/realistic2/make_files.py`).
The script re-reads every written file and checks each expected value in its cell, the measure text, the
unit's validity over the period, the catalog code and the unknown names.

For each file `X`:

- `X.expected.csv` — `indicator_code,unit_code,unit_name,year,month_from,month_to,kind,target_source,value,measure`,
  one row per observation a perfect loader stores. Conventions:
  - period as months (6 tháng = 1–6, Quý III = 7–9, tháng 10 = 10–10, lũy kế đến tháng 10 = 1–10,
    6 tháng cuối năm = 7–12, cả năm = 1–12); a nhiệm kỳ target is stored at the term's end year, 1–12;
  - kind: thực hiện / cùng kỳ / sơ bộ = `actual`, ước thực hiện = `estimate`, kế hoạch / dự toán /
    mục tiêu = `target`; target_source `tinh_giao`, `hdnd_giao`, `phan_dau`, `nhiem_ky` or empty;
  - value and measure as written in the file (a fraction formatted as a percentage gives its percentage;
    "(215,4)" gives -215.4; a value in đồng stays in đồng); names and measures are given in NFC even where
    the file is NFD or Windows-1258; criteria marks (Đ/CĐ, Đạt/Chưa đạt) are 1/0 with measure `Đạt/Không`;
  - a total row ("Toàn thành phố", "Toàn huyện", "Toàn tỉnh", "Cộng toàn thành phố") belongs to the
    parent unit; section subtotals ("Khối phường", "Khối xã") are aggregates of a group, not units, and hold
    no observations;
  - comparison columns (% KH, % CK, So sánh, tăng BQ), count columns ("Số tiêu chí đạt"), formulas and
    text targets ("> 10", "Tăng 1,5 lần…") are not observations; "x", "-", "…" and blanks are no data;
  - an observation repeated in the same file (the same targets on two monthly sheets) is listed once.
- `X.unknown.txt` — names of indicators in the file that are not in the catalog and whose rows or columns
  hold values, one a line, as written (line breaks in a cell become spaces). All units in these files are
  in `admin_units.csv`.

## Files
"""


def write_readme():
    parts = [README_HEAD]
    for e in ALL:
        parts.append(
            f"\n### {e.fname} ({len(e.rows)} observations, {len(e.unknown)} unknown)\n\n{e.readme}\n"
        )
    (OUT / "README.md").write_text("".join(parts), encoding="utf-8")


def main():
    for f in (
        f01,
        f02,
        f03,
        f04,
        f05,
        f06,
        f07,
        f08,
        f09,
        f10,
        f11,
        f12,
        f13,
        f14,
        f15,
        f16,
        f17,
        f18,
        f19,
        f20,
        f21,
    ):
        f()
    for e in ALL:
        e.write()
    write_readme()
    problems, warnings = check_all()
    for w in sorted(set(warnings)):
        print("warning:", w)
    total = 0
    for e in ALL:
        total += len(e.rows)
        print(f"{e.fname:50s} {len(e.rows):4d} obs  {len(e.unknown):2d} unknown")
    print(f"{'total':50s} {total:4d} obs")
    if problems:
        print("\n".join("PROBLEM: " + p for p in problems))
        sys.exit(1)
    print("read-back check: OK")


if __name__ == "__main__":
    main()
