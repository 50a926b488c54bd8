#!/usr/bin/env python3
"""Generate realistic report files, as a statistician (cán bộ thống kê) of a Hà Tĩnh office would
send them, together with the list of observations each holds.

For every report X.ext this writes, next to this script:
  X.expected.csv  indicator_code,unit_code,unit_name,year,month_from,month_to,kind,target_source,value,measure
  X.unknown.txt   names of indicators in the file that are not in the catalog (REFUSE for legacy encodings)
and README.md with one paragraph per file. After writing, every file is read back (openpyxl / csv /
the ODS XML) and each expected row is compared with the cell it came from; comparison columns
(So sánh, So CK, Tỷ lệ LK/KH, Tăng BQ ...) are recomputed from the cells they compare.

The files were built from how real reports look (domain.md §7, §10), not from the loader's code.
Deterministic: the only randomness uses fixed seeds. Run:  .venv/bin/python tests/realistic/make_realistic.py
"""

import csv
import io
import os
import random
import re
import sys
import tomllib
import unicodedata
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "data")

EXPECTED_HEADER = [
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

# ---------------------------------------------------------------------------------------------
# Reference data: admin units (effective-dated) and the catalog codes
# ---------------------------------------------------------------------------------------------
with open(os.path.join(DATA, "admin_units.csv"), encoding="utf-8") as _f:
    UNITS = list(csv.DictReader(_f))


def U(name, year, month=1):
    """The admin unit called `name` that is valid on the first day of year-month: (code, name)."""
    d = f"{year:04d}-{month:02d}-01"
    hits = [
        u
        for u in UNITS
        if u["name"] == name and u["valid_from"] <= d and (not u["valid_to"] or d <= u["valid_to"])
    ]
    if len(hits) != 1:
        raise ValueError(f"unit {name!r} at {d}: {len(hits)} matches")
    return hits[0]["code"], hits[0]["name"]


def unit_valid(code, name, year, month):
    d = f"{year:04d}-{month:02d}-01"
    return any(
        u["code"] == code
        and u["name"] == name
        and u["valid_from"] <= d
        and (not u["valid_to"] or d <= u["valid_to"])
        for u in UNITS
    )


def load_catalog():
    codes = {}
    for fn in ("indicators.toml", "criteria_indicators.toml"):
        with open(os.path.join(DATA, "catalog", fn), "rb") as f:
            for ind in tomllib.load(f)["indicator"]:
                codes[ind["code"]] = ind
    return codes


CATALOG = load_catalog()

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


def r2(x):
    """Round half away from zero to 2 decimals, as Excel's ROUND does in office spreadsheets."""
    return float(Decimal(repr(float(x))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def fix(x, nd=3):
    return round(float(x), nd)


def dec_of(v):
    e = Decimal(repr(float(v))).normalize().as_tuple().exponent
    return min(3, max(0, -e))


def numfmt(v, dec=None):
    d = dec_of(v) if dec is None else dec
    return "#,##0" if d == 0 else "#,##0." + "0" * d


def vn(v, dec=None, pct=False):
    """Vietnamese number text: 9024.5 -> '9.024,5'; 48.08 (pct) -> '48,08%'."""
    d = dec_of(v) if dec is None else dec
    s = f"{abs(v):,.{d}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if v < 0 else "") + s + ("%" if pct else "")


def parse_vn(s):
    s = str(s).strip().replace("\u00a0", "").replace(" ", "")
    pct = s.endswith("%")
    s = s.rstrip("%")
    if not re.fullmatch(r"-?[0-9.]*(,[0-9]+)?", s) or not re.search(r"[0-9]", s):
        return None
    return float(s.replace(".", "").replace(",", "."))


def fmtv(v):
    v = float(v)
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def op_value(op, a, b, n=None):
    if op == "ratio":
        return r2(a / b * 100)
    if op == "growth":
        return r2(a / b * 100 - 100)
    if op == "cagr":
        return r2(((b / a) ** (1.0 / n) - 1) * 100)
    if op == "sum":
        return fix(a + b, 6)
    raise ValueError(op)


# ---------------------------------------------------------------------------------------------
# Legacy Vietnamese encodings
# ---------------------------------------------------------------------------------------------
TONES = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # huyền, hỏi, ngã, sắc, nặng
_T3 = {  # TCVN3 (ABC) code points: plain form, then the five toned forms in TONES order
    "a": (None, [0xB5, 0xB6, 0xB7, 0xB8, 0xB9]),
    "ă": (0xA8, [0xBB, 0xBC, 0xBD, 0xBE, 0xC6]),
    "â": (0xA9, [0xC7, 0xC8, 0xC9, 0xCA, 0xCB]),
    "e": (None, [0xCC, 0xCE, 0xCF, 0xD0, 0xD1]),
    "ê": (0xAA, [0xD2, 0xD3, 0xD4, 0xD5, 0xD6]),
    "i": (None, [0xD7, 0xD8, 0xDC, 0xDD, 0xDE]),
    "o": (None, [0xDF, 0xE1, 0xE2, 0xE3, 0xE4]),
    "ô": (0xAB, [0xE5, 0xE6, 0xE7, 0xE8, 0xE9]),
    "ơ": (0xAC, [0xEA, 0xEB, 0xEC, 0xED, 0xEE]),
    "u": (None, [0xEF, 0xF1, 0xF2, 0xF3, 0xF4]),
    "ư": (0xAD, [0xF5, 0xF6, 0xF7, 0xF8, 0xF9]),
    "y": (None, [0xFA, 0xFB, 0xFC, 0xFD, 0xFE]),
}
_T3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


def tcvn3(s):
    """Unicode -> the characters an old .VnTime (TCVN3/ABC) sheet shows when opened as Unicode.
    Upper-case toned letters have no code of their own: typists used the lower-case code with the
    .VnTimeH font, which is what this does."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        if ord(ch) < 128:
            out.append(ch)
        elif ch == "đ":
            out.append(chr(0xAE))
        elif ch in _T3_UPPER:
            out.append(chr(_T3_UPPER[ch]))
        else:
            d = unicodedata.normalize("NFD", ch)
            tone = [t for t in d if t in TONES]
            base = unicodedata.normalize("NFC", "".join(t for t in d if t not in TONES)).lower()
            if base in _T3:
                plain, toned = _T3[base]
                if tone:
                    out.append(chr(toned[TONES.index(tone[0])]))
                else:
                    out.append(chr(plain) if plain else base)
            else:
                out.append(ch)
    return "".join(out)


_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRC = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni(s):
    """Unicode -> the characters a VNI-Windows (VNI-Times font) sheet shows when opened as Unicode."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        if ord(ch) < 128:
            out.append(ch)
            continue
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        up, b = base.isupper(), base.lower()
        tone = next((m for m in marks if m in TONES), None)
        mod = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
        if b not in "aeiouy" or (not tone and not mod):
            out.append(ch)
            continue
        if b == "i":
            seq = _VNI_I[tone]
        elif b == "y" and tone == "\u0323":
            seq = "î"
        elif mod == "\u0302":
            seq = b + _VNI_CIRC[tone]
        elif mod == "\u0306":
            seq = b + _VNI_BREVE[tone]
        elif mod == "\u031b":
            seq = ("ô" if b == "o" else "ö") + (_VNI_TONE[tone] if tone else "")
        else:
            seq = b + _VNI_TONE[tone]
        out.append(seq.upper() if up else seq)
    return "".join(out)


def to_cp1258(text):
    """Windows-1258 bytes: base letters (with circumflex, breve, horn) precomposed, tone marks as
    the combining characters cp1258 has (0xCC, 0xEC, 0xDE, 0xD2, 0xF2)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        tones = "".join(c for c in d if c in TONES)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def nfd(s):
    return unicodedata.normalize("NFD", s)


# ---------------------------------------------------------------------------------------------
# Report context
# ---------------------------------------------------------------------------------------------
class Rep:
    def __init__(self, stem, ext, note, conv):
        self.stem, self.ext, self.note, self.conv = stem, ext, note, conv
        self.obs = []  # dicts
        self.comps = []  # checks of derived cells
        self.unknown = []
        self.refuse = False
        self.mismatch = []  # cells deliberately wrong
        self.texts = []  # strings that must be found in the file (as written)

    @property
    def fname(self):
        return f"{self.stem}.{self.ext}"

    @property
    def path(self):
        return os.path.join(HERE, self.fname)

    def add_obs(self, code, unit_name, year, mf, mt, kind, src, value, measure, loc):
        assert code in CATALOG, code
        assert kind in ("actual", "estimate", "target"), kind
        assert src in ("", "tinh_giao", "hdnd_giao", "phan_dau", "nhiem_ky"), src
        if src:
            assert kind == "target"
        if src == "nhiem_ky":
            assert (mf, mt) == (1, 12)
        ucode, uname = U(unit_name, year, mf)
        self.obs.append(
            dict(
                indicator_code=code,
                unit_code=ucode,
                unit_name=uname,
                year=year,
                month_from=mf,
                month_to=mt,
                kind=kind,
                target_source=src,
                value=float(value),
                measure=measure,
                loc=loc,
            )
        )

    def add_unknown(self, name):
        name = name.strip()
        if name and name not in self.unknown:
            self.unknown.append(name)


# Column specs for the generic table writer ---------------------------------------------------
def O(year, mf, mt, kind, src="", code=None, unit=None, measure=None, mark=None, check=None):
    """An observation column."""
    return dict(
        type="obs",
        year=year,
        mf=mf,
        mt=mt,
        kind=kind,
        src=src,
        code=code,
        unit=unit,
        measure=measure,
        mark=mark,
        check=check,
    )


def C(op, a, b, n=None, pct=False):
    """A comparison column (not an observation) computed from value columns a and b."""
    return dict(type="cmp", op=op, a=a, b=b, n=n, pct=pct)


def N(mark=None):
    """A column of numbers that are not observations (e.g. Thu NSĐP, số tiêu chí đạt)."""
    return dict(type="num", mark=mark)


def X():
    """A text column (Ghi chú, Đánh giá)."""
    return dict(type="text")


def S(stt, name, **o):
    return dict(kind="sec", stt=stt, name=name, **o)


def R(stt, name, dvt=None, code=None, vals=(), unit=None, **o):
    return dict(kind="row", stt=stt, name=name, dvt=dvt, code=code, vals=list(vals), unit=unit, **o)


def P(v):
    """A value written as a fraction with a % cell format."""
    return ("P", v)


def T(v):
    """A value typed as Vietnamese text ('9.024,5')."""
    return ("T", v)


def TP_(v):
    """A percentage typed as Vietnamese text with the sign ('87,56%')."""
    return ("TP", v)


QH = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"), ("Độc lập - Tự do - Hạnh phúc", "bu")]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


class XS:
    """Writes one worksheet: styling, merges, values; remembers the numbers it wrote."""

    def __init__(self, rep, ws, tx=None, font="Times New Roman", font_h=None, tx_h=None, size=12):
        self.rep, self.ws = rep, ws
        self.tx = tx or (lambda s: s)
        self.tx_h = tx_h or self.tx
        self.font, self.font_h = font, font_h or font
        self.size = size
        self.vals = {}

    def w(self, r, c, v, flags="", fmt=None, size=None):
        heading = False
        if isinstance(v, str):
            letters = [ch for ch in v if ch.isalpha()]
            heading = bool(letters) and v == v.upper() and len(letters) > 3
            v = (self.tx_h if heading else self.tx)(v)
        cell = self.ws.cell(row=r, column=c, value=v)
        cell.font = Font(
            name=self.font_h if heading else self.font,
            size=size or self.size,
            bold="b" in flags,
            italic="i" in flags,
            underline="single" if "u" in flags else None,
        )
        h = (
            "center"
            if "c" in flags
            else "right"
            if "r" in flags
            else "left"
            if "l" in flags
            else None
        )
        cell.alignment = Alignment(horizontal=h, vertical="center", wrap_text="w" in flags)
        if fmt:
            cell.number_format = fmt
        return cell

    def m(self, r1, c1, r2_, c2):
        if (r1, c1) != (r2_, c2):
            self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2_, end_column=c2)

    def line(self, r, c1, c2, text, flags="c"):
        self.w(r, c1, text, flags)
        self.m(r, c1, r, c2)

    def block(self, r, c1, c2, lines):
        for i, item in enumerate(lines):
            text, flags = item if isinstance(item, tuple) else (item, "c")
            if text:
                self.line(r + i, c1, c2, text, flags)
        return r + len(lines)

    def box(self, r1, c1, r2_, c2):
        for r in range(r1, r2_ + 1):
            for c in range(c1, c2 + 1):
                self.ws.cell(row=r, column=c).border = BOX

    def num(self, r, c, v, fmt=None):
        """Write a value: number, T(text), P(percent fraction), '-', 'x' or None. Returns the number."""
        if v is None or v == "":
            return None
        if isinstance(v, str):
            self.w(r, c, v, "c")
            return None
        mode = "N"
        if isinstance(v, tuple):
            mode, v = v
        if mode == "T":
            self.w(r, c, vn(v), "r")
        elif mode == "TP":
            self.w(r, c, vn(v, pct=True), "r")
        elif mode == "P":
            self.w(r, c, fix(v / 100, 8), "r", fmt="0.00%")
        else:
            self.w(r, c, v, "r", fmt=fmt or numfmt(v))
        self.vals[(r, c)] = float(v)
        return float(v)


def letterhead(xs, r, left, right, lspan, ncols):
    for i, (text, flags) in enumerate(left):
        xs.line(r + i, 1, lspan, text, "c" + flags)
    for i, (text, flags) in enumerate(right):
        xs.line(r + i, lspan + 1, ncols, text, "c" + flags)
    return r + max(len(left), len(right))


def footer(xs, r, ncols, notes=(), place=None, left=(), right=(), lcols=(1, 2), rcols=None):
    """Below-table text: notes, place and date, Nơi nhận / người lập biểu at left, signature at right."""
    for t in notes:
        xs.w(r, lcols[0] if lcols[0] > 1 else 2, t, "i")
        r += 1
    if notes:
        r += 1
    rc = rcols or (max(3, ncols - 3), ncols)
    if place:
        xs.line(r, rc[0], rc[1], place, "ci")
        r += 1
    top = r
    for i, item in enumerate(left):
        text, flags = item if isinstance(item, tuple) else (item, "l")
        if text:
            xs.line(top + i, lcols[0], lcols[1], text, flags)
    xs.block(top, rc[0], rc[1], right)
    return top + max(len(left), len(right))


def table(rep, ws, spec, tx=None, font="Times New Roman", font_h=None, tx_h=None):
    """Generic report sheet: letterhead, title, merged header, numbering row, body, footer.

    spec keys: lead (['stt','name','dvt']), cols (O/C/N/X specs), left, right, lspan, pre, title,
    unit_line, header [(dr, c, dr2, c2, text)], header_rows, numbering, dvt_row, rows, unit,
    measure, widths, footer (dict for footer()), top (first row)."""
    xs = XS(rep, ws, tx=tx, font=font, font_h=font_h, tx_h=tx_h)
    lead = spec.get("lead", ["stt", "name", "dvt"])
    cols = spec["cols"]
    nlead = len(lead)
    ncols = nlead + len(cols)
    for i, wdt in enumerate(spec.get("widths", [])):
        ws.column_dimensions[get_column_letter(i + 1)].width = wdt
    r = spec.get("top", 1)
    lspan = spec.get("lspan", 3 if ncols > 6 else 2)
    r = letterhead(xs, r, spec["left"], spec.get("right", QH), lspan, ncols)
    for text, flags in spec.get("pre", []):
        xs.line(r, 1, ncols, text, flags)
        r += 1
    r += 1
    for i, t in enumerate(spec["title"]):
        xs.line(r, 1, ncols, t, "cb" if i == 0 else "ci")
        r += 1
    if spec.get("unit_line"):
        xs.line(r, max(1, ncols - 3), ncols, spec["unit_line"], "ri")
        r += 1
    r += 1
    hr = r
    for dr, c, dr2, c2, text in spec["header"]:
        xs.w(hr + dr, c, text, "bcw", size=11)
        xs.m(hr + dr, c, hr + dr2, c2)
    r = hr + spec["header_rows"]
    if spec.get("numbering"):
        for i, t in enumerate(spec["numbering"]):
            if t not in (None, ""):
                xs.w(r, i + 1, t, "ci", size=10)
        r += 1
    if spec.get("dvt_row"):
        for i, t in enumerate(spec["dvt_row"]):
            if t:
                xs.w(r, i + 1, t, "ci", size=11)
        r += 1
    col_of = {i: nlead + 1 + i for i in range(len(cols))}
    pos = {k: i + 1 for i, k in enumerate(lead)}
    for row in spec["rows"]:
        if "stt" in pos and row.get("stt") not in (None, ""):
            xs.w(
                r,
                pos["stt"],
                row["stt"],
                "c" + ("b" if row["kind"] == "sec" or row.get("bold") else ""),
            )
        name_flags = (
            "w"
            + ("b" if row["kind"] == "sec" or row.get("bold") else "")
            + ("i" if row.get("italic") else "")
        )
        xs.w(r, pos["name"], row["name"], name_flags)
        if row["kind"] == "sec":
            r += 1
            continue
        if "dvt" in pos and row.get("dvt"):
            xs.w(r, pos["dvt"], row["dvt"], "c")
        vals = iter(row["vals"])
        col_codes = [cs.get("code") for cs in cols if cs["type"] == "obs"]
        holds_values = any(v not in (None, "", "-", "x", "…") for v in row["vals"])
        if (
            not row.get("plain")
            and row.get("code") is None
            and row.get("unit") is None
            and not any(col_codes)
            and holds_values
        ):  # a row with nothing to load is not asked about
            rep.add_unknown(row.get("unknown_name", row["name"]))
        for i, cs in enumerate(cols):
            if cs["type"] == "cmp":
                continue
            v = next(vals, None)
            c = col_of[i]
            if cs["type"] == "text":
                if v:
                    xs.w(r, c, v, "cw", size=11)
                continue
            if cs.get("mark") and v in (0, 1) and not isinstance(v, bool):
                yes, no = cs["mark"]
                if v == 1 and yes:
                    xs.w(r, c, yes, "c")
                elif v == 0 and no:
                    xs.w(r, c, no, "c")
                val, mode = float(v), "mark"
            else:
                val, mode = xs.num(r, c, v, fmt=row.get("fmt")), "num"
            if val is None or cs["type"] != "obs" or row.get("plain"):
                continue
            code = row.get("code") or cs.get("code")
            if not code:
                continue
            unit = row.get("unit") or cs.get("unit") or spec["unit"]
            if "dvt" in pos:
                measure = row.get("dvt")
            else:
                measure = cs.get("measure") or row.get("measure") or spec.get("measure")
            rep.add_obs(
                code,
                unit,
                cs["year"],
                cs["mf"],
                cs["mt"],
                cs["kind"],
                cs["src"],
                val,
                measure,
                ("xlsx", ws.title, r, c, mode, cs.get("mark")),
            )
        for i, cs in enumerate(
            cols
        ):  # relations inside observation columns, e.g. (4)=(2)+(3), 3=2/1
            if cs["type"] == "obs" and cs.get("check") and (r, col_of[i]) in xs.vals:
                op, a, b = cs["check"]
                if (r, col_of[a]) in xs.vals and (r, col_of[b]) in xs.vals:
                    rep.comps.append(
                        dict(
                            loc=("xlsx", ws.title, r, col_of[i]),
                            op=op,
                            n=None,
                            src=[
                                ("xlsx", ws.title, r, col_of[a]),
                                ("xlsx", ws.title, r, col_of[b]),
                            ],
                            wrong=False,
                        )
                    )
        for i, cs in enumerate(cols):
            if cs["type"] != "cmp" or row.get("nocmp"):
                continue
            a, b = xs.vals.get((r, col_of[cs["a"]])), xs.vals.get((r, col_of[cs["b"]]))
            if a is None or b is None or b == 0 or (cs["op"] == "cagr" and a <= 0):
                continue
            res = op_value(cs["op"], a, b, cs["n"])
            wrong = row.get("wrong", {}).get(i)
            out = res if wrong is None else wrong
            if cs["pct"]:
                xs.w(r, col_of[i], fix(out / 100, 8), "r", fmt="0.00%")
            else:
                xs.w(r, col_of[i], out, "r", fmt="0.00")
            loc = ("xlsx", ws.title, r, col_of[i])
            rep.comps.append(
                dict(
                    loc=loc,
                    op=cs["op"],
                    n=cs["n"],
                    pct=cs["pct"],
                    wrong=wrong is not None,
                    src=[
                        ("xlsx", ws.title, r, col_of[cs["a"]]),
                        ("xlsx", ws.title, r, col_of[cs["b"]]),
                    ],
                )
            )
            if wrong is not None:
                rep.mismatch.append(
                    f"{ws.title}!{get_column_letter(col_of[i])}{r}: written {fmtv(wrong)}, correct {fmtv(res)}"
                )
        r += 1
    xs.box(hr, 1, r - 1, ncols)
    r += 1
    if spec.get("footer"):
        footer(xs, r, ncols, **spec["footer"])
    ws.sheet_view.showGridLines = True
    ws.page_setup.orientation = "landscape" if ncols > 8 else "portrait"
    return xs


def new_wb():
    wb = openpyxl.Workbook()
    wb.properties.creator = "Cán bộ thống kê"
    return wb


def save_wb(wb, rep):
    wb.save(rep.path)


def sign(*lines):
    """A signature block, e.g. sign('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', name)."""
    out = []
    for i, t in enumerate(lines[:-1]):
        out.append((t, "cb"))
    out += [("", "c"), ("(Đã ký)", "ci"), ("", "c"), (lines[-1], "cb")]
    return out


NOI_NHAN = lambda *items: [("Nơi nhận:", "lbi")] + [(t, "l") for t in items]


# =============================================================================================
# The reports
# =============================================================================================
REPORTS = []


def report(stem, ext, note, conv):
    def deco(fn):
        REPORTS.append((Rep(stem, ext, note, conv), fn))
        return fn

    return deco


TP = "Thành phố Hà Tĩnh"
CL = "Huyện Can Lộc"
TH = "Huyện Thạch Hà"


def gtsx_rows(
    stt,
    parts,
    names,
    dvt,
    total_name="Tổng giá trị sản xuất (giá SS 2010)",
    sub="-",
    code_total="gtsx_tong",
):
    """Total GTSX row followed by its four sector rows; the total is the sum of the parts per column."""
    codes = ["gtsx_cn_ttcn", "gtsx_xay_dung", "gtsx_tm_dv", "gtsx_nong_nghiep"]
    tot = [fix(sum(p[j] for p in parts)) for j in range(len(parts[0]))]
    rows = [R(stt, total_name, dvt, code_total, tot, bold=True)]
    for nm, cd, p in zip(names, codes, parts):
        rows.append(R(sub, nm, dvt, cd, p, italic=True))
    return rows


# ---------------------------------------------------------------------------------------------
@report(
    "01_tp_ha_tinh_6t_2024_bieu01",
    "xlsx",
    "City-level indicator report of UBND Thành phố Hà Tĩnh / Phòng Tài chính - Kế hoạch for the first "
    "6 months of 2024 (Biểu số 01/KTXH, kèm theo Báo cáo số 125/BC-UBND ngày 20/6/2024). Two-level merged "
    "header: the year plan is split into 'Tỉnh giao' and 'HĐND thành phố giao' (two targets at once), then "
    "TH 6 tháng 2023 (same period last year), ƯTH 6 tháng 2024 (estimate), and 'So sánh (%)' with ƯTH/KH tỉnh "
    "giao, ƯTH/KH HĐND TP giao, So CK. Numbering row 'A | B | C | 1 | 2 | 3 | 4 | 5=4/1 | 6=4/2 | 7=4/3'. "
    "Sections I/II/III, '-' sector sub-items written with office abbreviations (giá SS 2010, CN - TTCN, XDCB, "
    "TM - DV, 'Nông nghiệp' for the agriculture sector, Thu NSNN trên địa bàn, BHYT), 'Trong đó:' row, 'x' for "
    "a plan not assigned and '-' for no 6-month figure, long official wordings ('Tỷ lệ thu gom, xử lý rác thải "
    "sinh hoạt', 'Tỷ lệ hộ dân sử dụng nước sạch'). Footer: Ghi chú with the 'x' legend, Nơi nhận, "
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / name in the value columns.",
    "letterhead+form code+Kèm theo; 2-level header; A|B|C|1..7=4/3 numbering; ƯTH/KH, So CK; tinh_giao+hdnd_giao; "
    "6 tháng + cùng kỳ; I/II/III, '-', 'Trong đó:'; 'x'/'-'; abbreviations; signature footer",
)
def f01(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "Bieu 01"
    cols = [
        O(2024, 1, 12, "target", "tinh_giao"),
        O(2024, 1, 12, "target", "hdnd_giao"),
        O(2023, 1, 6, "actual"),
        O(2024, 1, 6, "estimate"),
        C("ratio", 3, 0),
        C("ratio", 3, 1),
        C("ratio", 3, 2),
    ]
    rows = [S("I", "CHỈ TIÊU KINH TẾ")]
    rows += gtsx_rows(
        "1",
        [
            [4310, 4420, 1820.5, 1958.2],
            [5920, 6050, 2562.3, 2731.6],
            [9160, 9370, 3857.4, 4274.0],
            [460, 460, 172.4, 183.5],
        ],
        ["CN - TTCN", "XDCB", "TM - DV", "Nông nghiệp"],
        "Tỷ đồng",
    )
    rows += [
        R(
            "2",
            "Tốc độ tăng trưởng giá trị sản xuất",
            "%",
            "tang_truong_gtsx",
            [11.5, 12, 8.9, 8.73],
            nocmp=True,
        ),
        R(
            "3",
            "Thu NSNN trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            [828.6, 1080.9, 480.4, 735.0],
            bold=True,
        ),
        R(
            "",
            "Trong đó: Thu tiền sử dụng đất",
            "Tỷ đồng",
            "thu_tien_sdd",
            [420, 600, 220.5, 410.2],
            italic=True,
        ),
        R(
            "4",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            "ban_le_dich_vu",
            [24500, 25000, 10870, 12460],
        ),
        R(
            "5",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            ["x", 7500, 3102, 3390],
        ),
        R("6", "Số doanh nghiệp thành lập mới", "DN", "doanh_nghiep_moi", [300, 320, 152, 148]),
        S("II", "CHỈ TIÊU VĂN HÓA - XÃ HỘI"),
        R(
            "7",
            "Số lao động được tạo việc làm mới",
            "Người",
            "viec_lam_moi",
            [2000, 2100, 1032, 1105],
        ),
        R("8", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", [95.5, 96, 94.12, 95.08]),
        R("9", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [0.7, 0.65, "-", "-"]),
        S("III", "CHỈ TIÊU MÔI TRƯỜNG"),
        R(
            "10",
            "Tỷ lệ thu gom, xử lý rác thải sinh hoạt",
            "%",
            "thu_gom_rac",
            [100, 100, 99.5, 100],
        ),
        R("11", "Tỷ lệ hộ dân sử dụng nước sạch", "%", "nuoc_sach", [98, 98.5, 97.6, 98.1]),
    ]
    spec = dict(
        unit=TP,
        cols=cols,
        rows=rows,
        widths=[6, 44, 9, 11, 11, 11, 11, 10, 10, 9],
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "bu")],
        pre=[("Biểu số 01/KTXH", "rb")],
        title=[
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2024",
            "(Kèm theo Báo cáo số 125/BC-UBND ngày 20/6/2024 của UBND thành phố)",
        ],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "ĐVT"),
            (0, 4, 0, 5, "Kế hoạch năm 2024"),
            (1, 4, 1, 4, "Tỉnh giao"),
            (1, 5, 1, 5, "HĐND thành phố giao"),
            (0, 6, 1, 6, "Thực hiện 6 tháng năm 2023"),
            (0, 7, 1, 7, "Ước thực hiện 6 tháng năm 2024"),
            (0, 8, 0, 10, "So sánh (%)"),
            (1, 8, 1, 8, "ƯTH/KH tỉnh giao"),
            (1, 9, 1, 9, "ƯTH/KH HĐND TP giao"),
            (1, 10, 1, 10, "So CK"),
        ],
        header_rows=2,
        numbering=["A", "B", "C", "1", "2", "3", "4", "5=4/1", "6=4/2", "7=4/3"],
        footer=dict(
            notes=[
                "Ghi chú: - x: không giao chỉ tiêu; (-): chỉ tiêu đánh giá cả năm, chưa có số liệu 6 tháng.",
                "              - Số liệu 6 tháng năm 2024 là số ước thực hiện.",
            ],
            left=NOI_NHAN(
                "- UBND tỉnh;",
                "- Sở Kế hoạch và Đầu tư;",
                "- TT Thành ủy, TT HĐND TP;",
                "- Chủ tịch, các PCT UBND TP;",
                "- Lưu: VT, TCKH.",
            ),
            right=sign("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Huy Hoàng"),
            rcols=(7, 10),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
@report(
    "02_phuong_bac_ha_9t_2023",
    "xlsx",
    "Ward report of UBND Phường Bắc Hà (TP Hà Tĩnh; the pre-2025 ward, code 18076) for 9 months of 2023. "
    "Three-level header: 'Kế hoạch năm 2023' over 'HĐND phường giao' and 'Phường phấn đấu' (hdnd_giao and "
    "phan_dau targets), 'Thực hiện 9 tháng' over 'Năm 2022 | Năm 2023' (the 2022 column is the same period "
    "last year), 'So sánh (%)' over '9 tháng 2023 so với' over 'TH/KH | Tốc độ tăng (%)' (growth = TH/CK - 100, "
    "negative for new enterprises). Numbering '(1) … (8)=(7)/(4) (9)=(7)/(6)-100', sections A/B/C, measures "
    "'Tr.đồng', 'DN', 'lao động', 'người', 'Tổ', 'Tuyến', several numbers typed as Vietnamese text "
    "('14.210,7', '11.892'), '-' for rates assessed at year end, a Ghi chú column. One indicator is not in the "
    "catalog ('Số trường đạt chuẩn quốc gia'). Footer: place/date 'Bắc Hà, ngày 22 tháng 9 năm 2023', "
    "Người lập biểu at left, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH at right.",
    "ward letterhead; 3-level header; (1)..(9)=(7)/(6)-100; TH/KH, Tốc độ tăng (negative); hdnd_giao+phan_dau; "
    "9 tháng + CK; A/B/C; text numbers; Tr.đồng/DN/lao động/Tổ/Tuyến; 1 unknown",
)
def f02(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "9 thang 2023"
    note_eoy = "Đánh giá vào cuối năm"
    cols = [
        O(2023, 1, 12, "target", "hdnd_giao"),
        O(2023, 1, 12, "target", "phan_dau"),
        O(2022, 1, 9, "actual"),
        O(2023, 1, 9, "actual"),
        C("ratio", 3, 0),
        C("growth", 3, 2),
        X(),
    ]
    rows = [
        S("A", "KINH TẾ"),
        R(
            "1",
            "Tổng thu ngân sách trên địa bàn",
            "Tr.đồng",
            "thu_ngan_sach",
            [18500, 21000, 12845.3, T(14210.7), ""],
            bold=True,
        ),
        R(
            "",
            "Trong đó: Thu tiền sử dụng đất",
            "Tr.đồng",
            "thu_tien_sdd",
            [9200, 11000, T(6102), T(7355.4), ""],
            italic=True,
        ),
        R("2", "Số doanh nghiệp thành lập mới", "DN", "doanh_nghiep_moi", [35, 40, 27, 24, ""]),
        S("B", "VĂN HÓA - XÃ HỘI"),
        R("3", "Giải quyết việc làm mới", "lao động", "viec_lam_moi", [180, 200, 141, 152, ""]),
        R(
            "4",
            "Số người tham gia BHYT",
            "người",
            "so_nguoi_bhyt",
            [11950, 12100, 11406, T(11892), ""],
        ),
        R("5", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", [96, 97, 94.35, 96.12, ""]),
        R("6", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [0.45, 0.4, "-", "-", note_eoy]),
        R("7", "Tỷ lệ gia đình văn hóa", "%", "gia_dinh_van_hoa", [93, 95, "-", "-", note_eoy]),
        S("C", "MÔI TRƯỜNG - ĐÔ THỊ"),
        R("8", "Số tổ dân phố mẫu", "Tổ", "to_dan_pho_mau", [2, 3, 1, 2, "Lũy kế trong năm"]),
        R("9", "Tuyến đường văn minh", "Tuyến", "tuyen_duong_van_minh", [3, 4, 2, 3, ""]),
        R(
            "10",
            "Số trường đạt chuẩn quốc gia",
            "Trường",
            "truong_chuan_quoc_gia",
            [3, 3, 3, 3, ""],
        ),
    ]
    spec = dict(
        unit="Phường Bắc Hà",
        cols=cols,
        rows=rows,
        widths=[5, 40, 9, 11, 11, 11, 11, 9, 10, 14],
        lspan=3,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("UBND PHƯỜNG BẮC HÀ", "bu")],
        pre=[("Số: 87/BC-UBND", "l")],
        title=[
            "BIỂU TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2023",
            "(Kèm theo Báo cáo số 87/BC-UBND ngày 22/9/2023 của UBND phường Bắc Hà)",
        ],
        header=[
            (0, 1, 2, 1, "STT"),
            (0, 2, 2, 2, "Chỉ tiêu"),
            (0, 3, 2, 3, "ĐVT"),
            (0, 4, 0, 5, "Kế hoạch năm 2023"),
            (1, 4, 2, 4, "HĐND phường giao"),
            (1, 5, 2, 5, "Phường phấn đấu"),
            (0, 6, 0, 7, "Thực hiện 9 tháng"),
            (1, 6, 2, 6, "Năm 2022"),
            (1, 7, 2, 7, "Năm 2023"),
            (0, 8, 0, 9, "So sánh (%)"),
            (1, 8, 1, 9, "9 tháng 2023 so với"),
            (2, 8, 2, 8, "TH/KH"),
            (2, 9, 2, 9, "Tốc độ tăng (%)"),
            (0, 10, 2, 10, "Ghi chú"),
        ],
        header_rows=3,
        numbering=[
            "(1)",
            "(2)",
            "(3)",
            "(4)",
            "(5)",
            "(6)",
            "(7)",
            "(8)=(7)/(4)",
            "(9)=(7)/(6)-100",
            "(10)",
        ],
        footer=dict(
            notes=[
                "Ghi chú: Kế hoạch theo Nghị quyết số 14/NQ-HĐND ngày 20/12/2022 của HĐND phường; "
                "cột (8) so với kế hoạch HĐND phường giao."
            ],
            place="Bắc Hà, ngày 22 tháng 9 năm 2023",
            left=[
                ("NGƯỜI LẬP BIỂU", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Phan Thị Hoa", "cb"),
            ],
            right=sign("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Minh"),
            rcols=(7, 10),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
@report(
    "03_xa_thach_trung_quy3_2019",
    "xlsx",
    "Commune report of UBND Xã Thạch Trung (then a xã of TP Hà Tĩnh, code 18088) for Quý III and 9 months of "
    "2019. A one-level header with long wrapped captions: Kế hoạch năm 2019, Thực hiện Quý III/2019 (months 7–9), "
    "Lũy kế 9 tháng năm 2019 (1–9), Cùng kỳ năm 2018 (the 9-month figure of 2018, as the Ghi chú says), then "
    "'Tỷ lệ LK/KH (%)' and 'So CK (%)'. Plain integer numbering row 1 2 3 … 9. Measures 'Tr.đ', 'nghìn đồng' "
    "(budget revenue), 'ha', 'tấn', "
    "'Người', 'Lượt', '%'; 'NLTS' for the agriculture production value; '-' where a stock indicator has no "
    "quarterly figure. Two rows are not in the catalog (Diện tích gieo trồng cây hằng năm, Sản lượng lương thực "
    "có hạt). The BHYT rate is typed as text with the sign ('87,56%'). Footer: Ghi chú, place/date, Nơi nhận "
    "('- Như trên;', '- Lưu: VT, TK.'), TM. UBND XÃ / CHỦ TỊCH.",
    "commune letterhead; 1-level header; plain 1..9 numbering; Tỷ lệ LK/KH, So CK; Quý III + lũy kế 9 tháng + CK; "
    "Tr.đ/nghìn đồng/ha/tấn/Lượt; '87,56%' text; NLTS; Như trên / Lưu: VT, TK.; 2 unknown",
)
def f03(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "Quy III"
    cols = [
        O(2019, 1, 12, "target"),
        O(2019, 7, 9, "actual"),
        O(2019, 1, 9, "actual"),
        O(2018, 1, 9, "actual"),
        C("ratio", 2, 0),
        C("ratio", 2, 3),
    ]
    rows = [
        S("I", "Kinh tế"),
        R("1", "Giá trị sản xuất NLTS", "Tr.đ", "gtsx_nong_nghiep", [62000, 14250, 45830, 43120]),
        R(
            "2",
            "Thu ngân sách",
            "nghìn đồng",
            "thu_ngan_sach",
            [15600000, 3960000, 11248500, 9875200],
        ),
        R(
            "3",
            "Diện tích gieo trồng cây hằng năm",
            "ha",
            "dien_tich_gieo_trong",
            [520, 135, 498.5, 505],
        ),
        R(
            "4",
            "Sản lượng lương thực có hạt",
            "tấn",
            "san_luong_luong_thuc",
            [2150, 310, 2034.6, 1987.2],
        ),
        S("II", "Văn hóa - Xã hội"),
        R("5", "Giải quyết việc làm", "Người", "viec_lam_moi", [150, 38, 117, 109]),
        R("6", "Số người tham gia BHYT", "Người", "so_nguoi_bhyt", [6800, "-", 6512, 6240]),
        R("7", "Tỷ lệ bao phủ BHYT", "%", "bhyt_bao_phu", [90, "-", TP_(87.56), TP_(84.02)]),
        R("8", "Số lượt khám chữa bệnh", "Lượt", "luot_kham_benh", [5000, 1120, 3655, 3490]),
    ]
    spec = dict(
        unit="Xã Thạch Trung",
        cols=cols,
        rows=rows,
        widths=[5, 36, 8, 12, 12, 12, 12, 10, 10],
        lspan=3,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("UBND XÃ THẠCH TRUNG", "bu")],
        title=["TÌNH HÌNH THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI QUÝ III VÀ 9 THÁNG NĂM 2019"],
        header=[
            (0, 1, 0, 1, "TT"),
            (0, 2, 0, 2, "Nội dung chỉ tiêu"),
            (0, 3, 0, 3, "Đơn vị tính"),
            (0, 4, 0, 4, "Kế hoạch năm 2019"),
            (0, 5, 0, 5, "Thực hiện Quý III/2019"),
            (0, 6, 0, 6, "Lũy kế 9 tháng năm 2019"),
            (0, 7, 0, 7, "Cùng kỳ năm 2018"),
            (0, 8, 0, 8, "Tỷ lệ LK/KH (%)"),
            (0, 9, 0, 9, "So CK (%)"),
        ],
        header_rows=1,
        numbering=[1, 2, 3, 4, 5, 6, 7, 8, 9],
        footer=dict(
            notes=["Ghi chú: Cột (7) là số lũy kế 9 tháng năm 2018."],
            place="Thạch Trung, ngày 28 tháng 9 năm 2019",
            left=NOI_NHAN(
                "- Như trên;",
                "- Chi cục Thống kê thành phố;",
                "- TT Đảng ủy, HĐND xã;",
                "- Lưu: VT, TK.",
            ),
            right=sign("TM. UBND XÃ", "CHỦ TỊCH", "Trần Đức Thịnh"),
            rcols=(6, 9),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
CAN_LOC_2020 = [("TT Nghèn", "Thị trấn Nghèn"), ("TT Đồng Lộc", "Thị trấn Đồng Lộc")] + [
    (n, "Xã " + n)
    for n in [
        "Thiên Lộc",
        "Thuần Thiện",
        "Vượng Lộc",
        "Thanh Lộc",
        "Kim Song Trường",
        "Thường Nga",
        "Tùng Lộc",
        "Phú Lộc",
        "Gia Hanh",
        "Khánh Vĩnh Yên",
        "Trung Lộc",
        "Xuân Lộc",
        "Thượng Lộc",
        "Quang Lộc",
        "Mỹ Lộc",
        "Sơn Lộc",
    ]
]
CAN_LOC_2019 = (
    [("TT Nghèn", "Thị trấn Nghèn")]
    + [
        (n, "Xã " + n)
        for n in [
            "Thiên Lộc",
            "Thuần Thiện",
            "Kim Lộc",
            "Vượng Lộc",
            "Thanh Lộc",
            "Song Lộc",
            "Thường Nga",
            "Trường Lộc",
            "Tùng Lộc",
            "Yên Lộc",
            "Phú Lộc",
            "Khánh Lộc",
            "Gia Hanh",
            "Vĩnh Lộc",
            "Tiến Lộc",
            "Trung Lộc",
            "Xuân Lộc",
            "Thượng Lộc",
            "Quang Lộc",
        ]
    ]
    + [("TT Đồng Lộc", "Thị trấn Đồng Lộc"), ("Mỹ Lộc", "Xã Mỹ Lộc"), ("Sơn Lộc", "Xã Sơn Lộc")]
)


@report(
    "04_can_loc_thu_ns_6t_2022_theo_xa",
    "xlsx",
    "District table of UBND Huyện Can Lộc / Phòng Tài chính - Kế hoạch: State budget revenue of the 18 "
    "communes and towns (units of 2020–2024) for the first 6 months of 2022. One row per unit, total FIRST "
    "('Toàn huyện', belongs to Huyện Can Lộc), then sections 'I Thị trấn' and 'II Các xã' with names without "
    "'Xã' ('TT Nghèn', 'Thiên Lộc'). 'Đơn vị tính: triệu đồng' line instead of a ĐVT column. Columns: "
    "'Dự toán HĐND huyện giao năm 2022' (hdnd_giao target), 'Thực hiện 6 tháng đầu năm 2022', 'Cùng kỳ năm 2021' "
    "(actual, 1–6 of 2021), 'So sánh (%)' over 'TH/DT | So CK', Ghi chú. Numbering 'A | B | 1 | 2 | 3 | 4=2/1 | "
    "5=2/3 | C'. Footer: data note, 'Can Lộc, ngày 15 tháng 7 năm 2022', NGƯỜI LẬP BIỂU and TRƯỞNG PHÒNG.",
    "rows=communes; total first (Toàn huyện); Thị trấn/Các xã sections; names without Xã; Đơn vị tính line; "
    "TH/DT, So CK; hdnd_giao; 6 tháng + CK; A|B|1|2|3|4=2/1",
)
def f04(rep):
    rng = random.Random(4432022)
    wb = new_wb()
    ws = wb.active
    ws.title = "Thu NS 6T"
    data = []
    for label, unit in CAN_LOC_2020:
        big = label.startswith("TT")
        dt = rng.randrange(9000, 16000, 50) if big else rng.randrange(2500, 7500, 50)
        th = fix(dt * rng.uniform(0.38, 0.72), 1)
        ck = fix(th / rng.uniform(0.86, 1.24), 1)
        data.append((label, unit, dt, th, ck))
    tot = [fix(sum(d[k] for d in data), 1) for k in (2, 3, 4)]
    cols = [
        O(2022, 1, 12, "target", "hdnd_giao", code="thu_ngan_sach"),
        O(2022, 1, 6, "actual", code="thu_ngan_sach"),
        O(2021, 1, 6, "actual", code="thu_ngan_sach"),
        C("ratio", 1, 0),
        C("ratio", 1, 2),
        X(),
    ]
    rows = [R("", "Toàn huyện", unit=CL, vals=tot + [""], bold=True), S("I", "Thị trấn")]
    for i, (label, unit, dt, th, ck) in enumerate(data[:2]):
        rows.append(R(str(i + 1), label, unit=unit, vals=[dt, th, ck, ""]))
    rows.append(S("II", "Các xã"))
    for i, (label, unit, dt, th, ck) in enumerate(data[2:]):
        rows.append(
            R(str(i + 1), label, unit=unit, vals=[dt, th, ck, "Đạt thấp" if th / dt < 0.45 else ""])
        )
    spec = dict(
        unit=CL,
        lead=["stt", "name"],
        cols=cols,
        rows=rows,
        measure="triệu đồng",
        widths=[5, 24, 14, 14, 13, 9, 9, 12],
        lspan=3,
        left=[("UBND HUYỆN CAN LỘC", ""), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "bu")],
        title=["TỔNG HỢP KẾT QUẢ THU NGÂN SÁCH NHÀ NƯỚC 6 THÁNG ĐẦU NĂM 2022 CÁC XÃ, THỊ TRẤN"],
        unit_line="Đơn vị tính: triệu đồng",
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Đơn vị"),
            (0, 3, 1, 3, "Dự toán HĐND huyện giao năm 2022"),
            (0, 4, 1, 4, "Thực hiện 6 tháng đầu năm 2022"),
            (0, 5, 1, 5, "Cùng kỳ năm 2021"),
            (0, 6, 0, 7, "So sánh (%)"),
            (1, 6, 1, 6, "TH/DT"),
            (1, 7, 1, 7, "So CK"),
            (0, 8, 1, 8, "Ghi chú"),
        ],
        header_rows=2,
        numbering=["A", "B", "1", "2", "3", "4=2/1", "5=2/3", "C"],
        footer=dict(
            notes=["Ghi chú: Số liệu theo báo cáo của Kho bạc Nhà nước huyện đến ngày 30/6/2022."],
            place="Can Lộc, ngày 15 tháng 7 năm 2022",
            left=[
                ("NGƯỜI LẬP BIỂU", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Võ Thị Hương", "cb"),
            ],
            right=sign("TRƯỞNG PHÒNG", "Bùi Xuân Lâm"),
            rcols=(5, 8),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
@report(
    "05_can_loc_chi_tieu_theo_xa_2019",
    "xlsx",
    "Chi cục Thống kê huyện Can Lộc (under Cục Thống kê tỉnh Hà Tĩnh): a few population, poverty and health "
    "insurance indicators for 2019 with the indicators as ROWS and the units ACROSS the columns: 'Toàn huyện' "
    "first, then one column per commune/town under a merged 'Chia theo xã, thị trấn' header — the 23 units "
    "that existed before the 2020 merger (Kim Lộc, Song Lộc, Trường Lộc, Yên Lộc, Khánh Lộc, Vĩnh Lộc, Tiến Lộc "
    "…, and TT Đồng Lộc, a town since 07/2018). ĐVT column per row; rates are observations (the poverty rate is "
    "Số hộ nghèo / Tổng số hộ), 'Toàn huyện' values are the sums / recomputed rates. One row is not in the "
    "catalog (Sản lượng lương thực có hạt). Footer: Ghi chú on the poverty standard, Người lập biểu and Chi cục "
    "trưởng far to the right.",
    "indicators × communes across; Toàn huyện column; pre-2020 units; Chi cục Thống kê letterhead; "
    "ĐVT column; cả năm 2019; 1 unknown; wide landscape sheet",
)
def f05(rep):
    rng = random.Random(4432019)
    wb = new_wb()
    ws = wb.active
    ws.title = "Theo xa 2019"
    per = []
    for label, unit in CAN_LOC_2019:
        town = label.startswith("TT")
        ho = rng.randint(2600, 3900) if town else rng.randint(1050, 2450)
        ds = int(round(ho * rng.uniform(3.35, 3.85)))
        hn = int(round(ho * (rng.uniform(0.012, 0.03) if town else rng.uniform(0.035, 0.085))))
        bh = int(round(ds * rng.uniform(0.86, 0.94)))
        lt = fix(rng.uniform(900, 1800) if town else rng.uniform(2100, 5200), 1)
        per.append(
            dict(ds=ds, ho=ho, hn=hn, tl=r2(hn / ho * 100), bh=bh, tb=r2(bh / ds * 100), lt=lt)
        )
    tot = dict(
        ds=sum(p["ds"] for p in per),
        ho=sum(p["ho"] for p in per),
        hn=sum(p["hn"] for p in per),
        bh=sum(p["bh"] for p in per),
        lt=fix(sum(p["lt"] for p in per), 1),
    )
    tot["tl"] = r2(tot["hn"] / tot["ho"] * 100)
    tot["tb"] = r2(tot["bh"] / tot["ds"] * 100)
    allp = [tot] + per
    cols = [O(2019, 1, 12, "actual", unit=CL)] + [
        O(2019, 1, 12, "actual", unit=u) for _, u in CAN_LOC_2019
    ]
    rows = [
        R("1", "Dân số trung bình", "Người", "dan_so", [p["ds"] for p in allp]),
        R("2", "Tổng số hộ", "Hộ", "tong_so_ho", [p["ho"] for p in allp]),
        R("3", "Số hộ nghèo", "Hộ", "so_ho_ngheo", [p["hn"] for p in allp]),
        R("4", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [p["tl"] for p in allp], fmt="0.00"),
        R("5", "Số người tham gia BHYT", "Người", "so_nguoi_bhyt", [p["bh"] for p in allp]),
        R(
            "6",
            "Tỷ lệ dân số tham gia BHYT",
            "%",
            "bhyt_bao_phu",
            [p["tb"] for p in allp],
            fmt="0.00",
        ),
        R(
            "7",
            "Sản lượng lương thực có hạt",
            "Tấn",
            "san_luong_luong_thuc",
            [p["lt"] for p in allp],
            fmt="#,##0.0",
        ),
    ]
    n = 3 + len(cols)
    header = [
        (0, 1, 1, 1, "STT"),
        (0, 2, 1, 2, "Chỉ tiêu"),
        (0, 3, 1, 3, "ĐVT"),
        (0, 4, 1, 4, "Toàn huyện"),
        (0, 5, 0, n, "Chia theo xã, thị trấn"),
    ]
    header += [(1, 5 + i, 1, 5 + i, lab) for i, (lab, _) in enumerate(CAN_LOC_2019)]
    spec = dict(
        unit=CL,
        cols=cols,
        rows=rows,
        widths=[5, 30, 7, 11] + [9] * len(CAN_LOC_2019),
        lspan=3,
        left=[("CỤC THỐNG KÊ TỈNH HÀ TĨNH", ""), ("CHI CỤC THỐNG KÊ HUYỆN CAN LỘC", "bu")],
        title=["MỘT SỐ CHỈ TIÊU DÂN SỐ, HỘ NGHÈO, BẢO HIỂM Y TẾ NĂM 2019 PHÂN THEO XÃ, THỊ TRẤN"],
        header=header,
        header_rows=2,
        footer=dict(
            notes=[
                "Ghi chú: Tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều giai đoạn 2016-2020; "
                "số hộ nghèo tại thời điểm 31/12/2019."
            ],
            place="Can Lộc, ngày 20 tháng 3 năm 2020",
            left=[
                ("Người lập biểu", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Nguyễn Thị Lan", "cb"),
            ],
            lcols=(2, 3),
            right=sign("CHI CỤC TRƯỞNG", "Đặng Quốc Việt"),
            rcols=(n - 5, n),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
NTM_GROUPS_19 = [
    ("Quy hoạch", 1, 1),
    ("Hạ tầng kinh tế - xã hội", 2, 9),
    ("Kinh tế và tổ chức sản xuất", 10, 13),
    ("Văn hóa - Xã hội - Môi trường", 14, 17),
    ("Hệ thống chính trị", 18, 19),
]


@report(
    "06_can_loc_ntm_2019",
    "xlsx",
    "New Rural Area matrix of the Văn phòng Điều phối NTM huyện Can Lộc: the 21 rural communes of 2019 as rows, "
    "the 19 national criteria as columns under a three-level header (a merged 'Kết quả đạt các tiêu chí' over "
    "the five criteria groups over 'TC1' … 'TC19'), 'x' where a criterion is met and an empty cell where it is "
    "not, then 'Số TC đạt' and 'Năm đạt chuẩn NTM' (not observations). Communes written 'Xã Thiên Lộc'. The "
    "legend below says 'x: tiêu chí đã đạt; ô trống: chưa đạt'. Each commune × criterion is an observation "
    "ntm_tc01…ntm_tc19 (1 = đạt, 0 = chưa đạt) for 2019 (months 1–12), measure recorded as 'Đạt/Không'.",
    "NTM matrix communes × 19 criteria; 3-level header; 'x'/blank; Số TC đạt + năm đạt chuẩn columns; "
    "legend; pre-2020 communes",
)
def f06(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "NTM 2019"
    units = [u for lab, u in CAN_LOC_2019 if u.startswith("Xã")]
    missing = {
        "Xã Thường Nga": [17],
        "Xã Sơn Lộc": [10, 13],
        "Xã Phú Lộc": [5, 17],
        "Xã Thượng Lộc": [13],
        "Xã Quang Lộc": [17],
    }
    years = [
        2013,
        2014,
        2015,
        2015,
        2016,
        2016,
        2017,
        2014,
        2018,
        2017,
        None,
        2018,
        2019,
        2016,
        2015,
        2019,
        2018,
        None,
        None,
        2017,
        None,
    ]
    cols = [
        O(2019, 1, 12, "actual", code=f"ntm_tc{k:02d}", mark=("x", None), measure="Đạt/Không")
        for k in range(1, 20)
    ]
    cols += [N(), N(), X()]
    rows = []
    for i, u in enumerate(units):
        marks = [0 if k in missing.get(u, []) else 1 for k in range(1, 20)]
        rows.append(
            R(
                str(i + 1),
                u,
                unit=u,
                vals=marks + [sum(marks), years[i] or "", "" if years[i] else "Phấn đấu 2020"],
            )
        )
    header = [(0, 1, 2, 1, "TT"), (0, 2, 2, 2, "Tên xã"), (0, 3, 0, 21, "Kết quả đạt các tiêu chí")]
    for name, a, b in NTM_GROUPS_19:
        header.append((1, 2 + a, 1, 2 + b, name))
    header += [(2, 2 + k, 2, 2 + k, f"TC{k}") for k in range(1, 20)]
    header += [
        (0, 22, 2, 22, "Số TC đạt"),
        (0, 23, 2, 23, "Năm đạt chuẩn NTM"),
        (0, 24, 2, 24, "Ghi chú"),
    ]
    spec = dict(
        unit=CL,
        lead=["stt", "name"],
        cols=cols,
        rows=rows,
        widths=[4, 18] + [5.5] * 19 + [7, 9, 14],
        lspan=6,
        left=[("UBND HUYỆN CAN LỘC", ""), ("VĂN PHÒNG ĐIỀU PHỐI NTM", "bu")],
        title=[
            "TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI ĐẾN 31/12/2019",
            "(Theo Quyết định số 1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ)",
        ],
        header=header,
        header_rows=3,
        footer=dict(
            notes=["Ghi chú: x: tiêu chí đã đạt; ô trống: tiêu chí chưa đạt."],
            place="Can Lộc, ngày 06 tháng 01 năm 2020",
            left=[
                ("NGƯỜI TỔNG HỢP", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Hoàng Văn Nam", "cb"),
            ],
            right=sign("CHÁNH VĂN PHÒNG", "Lê Đình Sơn"),
            rcols=(16, 24),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
NTM_NAMES_2021 = [
    "Quy hoạch",
    "Giao thông",
    "Thủy lợi và phòng, chống thiên tai",
    "Điện",
    "Trường học",
    "Cơ sở vật chất văn hóa",
    "Cơ sở hạ tầng thương mại nông thôn",
    "Thông tin và Truyền thông",
    "Nhà ở dân cư",
    "Thu nhập",
    "Nghèo đa chiều",
    "Lao động",
    "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Văn hóa",
    "Môi trường và an toàn thực phẩm",
    "Hệ thống chính trị và tiếp cận pháp luật",
    "Quốc phòng và An ninh",
    "Khu dân cư nông thôn mới kiểu mẫu, vườn mẫu",
]


@report(
    "07_tp_ha_tinh_ntm_2022_chuyen_vi",
    "xlsx",
    "The NTM matrix TRANSPOSED, from the Ban Chỉ đạo các CTMTQG of TP Hà Tĩnh: the 2021–2025 criteria as rows "
    "(grouped I–V plus 'VI Tiêu chí đặc thù của tỉnh' for Hà Tĩnh's criterion 20, khu dân cư NTM kiểu mẫu, vườn "
    "mẫu), the city's five communes of 2022 across the columns under a merged header (Thạch Trung, Thạch Hạ, "
    "Đồng Môn, Thạch Hưng, Thạch Bình, no 'Xã'). Cells 'Đ' (đạt) / 'CĐ' (chưa đạt), legend 'Đ: Đạt; CĐ: Chưa "
    "đạt'. Below the criteria a 'Tổng số tiêu chí đạt' row and an 'Đánh giá chung' row that are not "
    "observations. 100 observations ntm_tc01…ntm_tc20 (1/0) for 2022.",
    "NTM transposed: criteria rows × communes across; Đ/CĐ; Tổng số tiêu chí đạt + Đánh giá chung rows; "
    "criterion 20; 2021–2025 criterion names; legend",
)
def f07(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "Danh gia NTM 2022"
    units = [
        ("Thạch Trung", "Xã Thạch Trung"),
        ("Thạch Hạ", "Xã Thạch Hạ"),
        ("Đồng Môn", "Xã Đồng Môn"),
        ("Thạch Hưng", "Xã Thạch Hưng"),
        ("Thạch Bình", "Xã Thạch Bình"),
    ]
    missing = {"Xã Đồng Môn": [17, 20], "Xã Thạch Hưng": [13], "Xã Thạch Trung": [20]}
    cols = [
        O(2022, 1, 12, "actual", unit=u, mark=("Đ", "CĐ"), measure="Đạt/Không") for _, u in units
    ]
    groups = [
        ("I", "QUY HOẠCH", 1, 1),
        ("II", "HẠ TẦNG KINH TẾ - XÃ HỘI", 2, 9),
        ("III", "KINH TẾ VÀ TỔ CHỨC SẢN XUẤT", 10, 13),
        ("IV", "VĂN HÓA - XÃ HỘI - MÔI TRƯỜNG", 14, 17),
        ("V", "HỆ THỐNG CHÍNH TRỊ", 18, 19),
        ("VI", "TIÊU CHÍ ĐẶC THÙ CỦA TỈNH", 20, 20),
    ]
    rows = []
    for g, gname, a, b in groups:
        rows.append(S(g, gname))
        for k in range(a, b + 1):
            rows.append(
                R(
                    str(k),
                    NTM_NAMES_2021[k - 1],
                    code=f"ntm_tc{k:02d}",
                    vals=[0 if k in missing.get(u, []) else 1 for _, u in units],
                )
            )
    counts = [20 - len(missing.get(u, [])) for _, u in units]
    rows.append(R("", "Tổng số tiêu chí đạt", vals=counts, plain=True, bold=True))
    rows.append(
        R(
            "",
            "Đánh giá chung",
            vals=["Đạt chuẩn" if c == 20 else "Chưa đạt" for c in counts],
            plain=True,
            bold=True,
        )
    )
    # the two summary rows are not observations; write them as plain cells (no mark conversion)
    spec = dict(
        unit=TP,
        lead=["stt", "name"],
        cols=cols,
        rows=rows[:-2],
        widths=[5, 46, 12, 12, 12, 12, 12],
        lspan=2,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("BAN CHỈ ĐẠO CÁC CTMTQG", "bu")],
        title=[
            "BẢNG ĐÁNH GIÁ MỨC ĐỘ ĐẠT CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI CỦA CÁC XÃ NĂM 2022",
            "(Theo Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025 và tiêu chí đặc thù của tỉnh)",
        ],
        header=[
            (0, 1, 1, 1, "TT"),
            (0, 2, 1, 2, "Tên tiêu chí"),
            (0, 3, 0, 7, "Kết quả đánh giá các xã"),
        ]
        + [(1, 3 + i, 1, 3 + i, lab) for i, (lab, _) in enumerate(units)],
        header_rows=2,
    )
    xs = table(rep, ws, spec)
    r = ws.max_row + 1
    for row in rows[-2:]:
        xs.w(r, 2, row["name"], "b")
        for i, v in enumerate(row["vals"]):
            xs.w(r, 3 + i, v, "cb")
        r += 1
    xs.box(r - 2, 1, r - 1, 7)
    footer(
        xs,
        r + 1,
        7,
        notes=["Ghi chú: Đ: Đạt; CĐ: Chưa đạt."],
        place="Hà Tĩnh, ngày 28 tháng 12 năm 2022",
        left=NOI_NHAN(
            "- Văn phòng Điều phối NTM tỉnh;", "- TT Thành ủy, HĐND thành phố;", "- Lưu: VT, BCĐ."
        ),
        right=sign("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Nguyễn Văn Hùng"),
        rcols=(4, 7),
    )
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
@report(
    "08_thach_ha_chuoi_2016_2020",
    "xlsx",
    "Yearly series from Chi cục Thống kê huyện Thạch Hà: indicators × years 2016 … 2020 under a merged "
    "'Thực hiện' header, then 'Tăng BQ giai đoạn 2016-2020 (%/năm)' (compound annual growth, 2020 over 2016, "
    "not an observation; negative for agriculture and for the herd of pigs, left blank for the % rows) "
    "and 'Mục tiêu giai đoạn 2021–2025' (a five-year term target: kind target, target_source nhiem_ky, stored at "
    "2025, months 1–12). Numbering row '(1)' … '(10)'. Sector sub-items with '-', one 'Nông, lâm nghiệp và "
    "thủy sản' wording, 'Triệu đồng/người' for income. Two rows are not in the catalog (Sản lượng lương thực có "
    "hạt, Tổng đàn lợn). Footer: Ghi chú about constant 2010 prices, Người lập biểu / Chi cục trưởng.",
    "yearly series 2016–2020; Tăng BQ giai đoạn (negative); Mục tiêu giai đoạn 2021–2025 (nhiem_ky); "
    "(1)..(10) numbering; Chi cục Thống kê; 2 unknown",
)
def f08(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "2016-2020"
    cols = [O(y, 1, 12, "actual") for y in range(2016, 2021)] + [
        C("cagr", 0, 4, n=4),
        O(2025, 1, 12, "target", "nhiem_ky"),
    ]
    parts = [
        [1350.2, 1482.6, 1640.1, 1815.7, 1968.3, 3600],
        [1702.5, 1890.4, 2105.8, 2320.6, 2498.1, 4300],
        [1498.3, 1610.7, 1745.2, 1902.4, 2010.9, 3400],
        [2150.4, 2131.8, 2104.6, 2092.1, 2080.5, 2300],
    ]
    rows = gtsx_rows(
        "1",
        parts,
        [
            "Công nghiệp - Tiểu thủ công nghiệp",
            "Xây dựng",
            "Thương mại - Dịch vụ",
            "Nông, lâm nghiệp và thủy sản",
        ],
        "Tỷ đồng",
        total_name="Tổng giá trị sản xuất (giá so sánh 2010)",
    )
    rows += [
        R(
            "2",
            "Thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            [312.45, 398.2, 455.18, 521.6, 486.35, 900],
        ),
        R(
            "3",
            "Thu nhập bình quân đầu người",
            "Triệu đồng/người",
            "thu_nhap_binh_quan",
            [30.5, 33.8, 37.2, 41.4, 45.2, 70],
        ),
        R(
            "4",
            "Tỷ lệ hộ nghèo",
            "%",
            "ty_le_ho_ngheo",
            [9.85, 7.62, 5.9, 4.31, 3.12, 1.5],
            nocmp=True,
        ),
        R(
            "5",
            "Tỷ lệ dân số tham gia BHYT",
            "%",
            "bhyt_bao_phu",
            [80.2, 84.6, 87.1, 88.9, 90.5, 95],
            nocmp=True,
        ),
        R(
            "6",
            "Sản lượng lương thực có hạt",
            "Tấn",
            "san_luong_luong_thuc",
            [98450, 101230, 96870, 99540, 97210, 100000],
        ),
        R("7", "Tổng đàn lợn", "Con", "tong_dan_lon", [68500, 71200, 64300, 52800, 49600, 60000]),
    ]
    spec = dict(
        unit=TH,
        cols=cols,
        rows=rows,
        widths=[5, 38, 11, 10, 10, 10, 10, 10, 12, 12],
        lspan=3,
        left=[("CỤC THỐNG KÊ TỈNH HÀ TĨNH", ""), ("CHI CỤC THỐNG KÊ HUYỆN THẠCH HÀ", "bu")],
        title=["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU HUYỆN THẠCH HÀ GIAI ĐOẠN 2016 - 2020"],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "ĐVT"),
            (0, 4, 0, 8, "Thực hiện"),
        ]
        + [(1, 4 + i, 1, 4 + i, y) for i, y in enumerate(range(2016, 2021))]
        + [
            (0, 9, 1, 9, "Tăng BQ giai đoạn 2016-2020 (%/năm)"),
            (0, 10, 1, 10, "Mục tiêu giai đoạn 2021–2025"),
        ],
        header_rows=2,
        numbering=[f"({i})" for i in range(1, 11)],
        footer=dict(
            notes=[
                "Ghi chú: Giá trị sản xuất tính theo giá so sánh năm 2010; tăng BQ tính theo giá so sánh.",
                "Mục tiêu giai đoạn 2021-2025 theo Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI.",
            ],
            place="Thạch Hà, ngày 25 tháng 02 năm 2021",
            left=[
                ("Người lập biểu", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Trần Thị Mai", "cb"),
            ],
            right=sign("CHI CỤC TRƯỞNG", "Lê Đình Sơn"),
            rcols=(7, 10),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
def write_csv(rep, rows, delimiter=";", encoding="utf-8-sig", cp1258=False):
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        wr.writerow(row)
    text = buf.getvalue()
    with open(rep.path, "wb") as f:
        f.write(to_cp1258(text) if cp1258 else text.encode(encoding))


KY = {
    "6 tháng": (1, 6),
    "6 tháng đầu năm": (1, 6),
    "6 tháng cuối năm": (7, 12),
    "9 tháng": (1, 9),
    "Cả năm": (1, 12),
    "Năm": (1, 12),
    "Quý III": (7, 9),
    "Tháng 10": (10, 10),
    "Lũy kế đến tháng 10": (1, 10),
    "5 năm": (1, 12),
}
LOAI = {
    "Kế hoạch": ("target", ""),
    "Kế hoạch tỉnh giao": ("target", "tinh_giao"),
    "Kế hoạch HĐND TP giao": ("target", "hdnd_giao"),
    "Kế hoạch HĐND huyện giao": ("target", "hdnd_giao"),
    "Thực hiện": ("actual", ""),
    "Ước thực hiện": ("estimate", ""),
    "Mục tiêu": ("target", "nhiem_ky"),
}


def long_rows(rep, data, make_row, value_col):
    """data: (unit, code, indicator name, year-text, ky, loai, value or '-', measure, text form) ->
    csv rows; records an observation for every row with a catalog code and a number."""
    out = []
    for i, d in enumerate(data):
        unit, code, name, nam, ky, loai, val, dvt, shown = d
        out.append(make_row(i, d))
        if code is None:
            rep.add_unknown(name)
            continue
        if isinstance(val, str):
            continue
        kind, src = LOAI[loai]
        mf, mt = KY[ky]
        year = int(str(nam)[-4:])
        rep.add_obs(code, unit, year, mf, mt, kind, src, val, dvt, ("csv", i + 1, value_col))
    return out


@report(
    "09_tp_ha_tinh_dai_2023",
    "csv",
    "Long table (one observation per row) exported by the Phòng TC-KH of TP Hà Tĩnh for 2023: UTF-8 with BOM, "
    "';' delimiter, snake_case headers 'ma_don_vi;don_vi;chi_tieu;nam;ky;loai_so_lieu;gia_tri;don_vi_tinh' with "
    "the GSO unit code in a column beside the unit name (18100 is Xã Thạch Hạ in 2023, not the later Phường "
    "Trần Phú). Periods 'Cả năm', '6 tháng', '9 tháng', 'Quý III', 'Tháng 10', 'Lũy kế đến tháng 10'; kinds "
    "'Kế hoạch', 'Kế hoạch tỉnh giao', 'Kế hoạch HĐND TP giao', 'Thực hiện', 'Ước thực hiện'; earlier-year rows "
    "give the same period of 2022. Values in Vietnamese number text ('13.208,4', '0,8'); one row has '-' (no "
    "data); city rows in Tỷ đồng, ward rows in Triệu đồng. Two indicators are not in the catalog.",
    "long CSV; UTF-8 BOM; ';'; snake_case headers; code column beside name; Quý III, tháng 10, lũy kế; "
    "tinh_giao/hdnd_giao; VN decimals; '-' row; 2 unknown",
)
def f09(rep):
    TPc = (TP, "436")
    W = lambda n, c: (n, c)
    rows = [
        (
            TPc,
            "gtsx_tong",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            2023,
            "Cả năm",
            "Kế hoạch tỉnh giao",
            18250,
            "Tỷ đồng",
        ),
        (
            TPc,
            "gtsx_tong",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            2023,
            "Cả năm",
            "Kế hoạch HĐND TP giao",
            18600,
            "Tỷ đồng",
        ),
        (
            TPc,
            "gtsx_tong",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            2022,
            "9 tháng",
            "Thực hiện",
            11812.0,
            "Tỷ đồng",
        ),
        (
            TPc,
            "gtsx_tong",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            2023,
            "9 tháng",
            "Ước thực hiện",
            13208.4,
            "Tỷ đồng",
        ),
        (
            TPc,
            "tang_truong_gtsx",
            "Tốc độ tăng trưởng giá trị sản xuất",
            2023,
            "9 tháng",
            "Ước thực hiện",
            11.82,
            "%",
        ),
        (
            TPc,
            "thu_ngan_sach",
            "Thu ngân sách nhà nước",
            2023,
            "Cả năm",
            "Kế hoạch tỉnh giao",
            820,
            "Tỷ đồng",
        ),
        (
            TPc,
            "thu_ngan_sach",
            "Thu ngân sách nhà nước",
            2023,
            "Cả năm",
            "Kế hoạch HĐND TP giao",
            1035,
            "Tỷ đồng",
        ),
        (
            TPc,
            "thu_ngan_sach",
            "Thu ngân sách nhà nước",
            2023,
            "Quý III",
            "Thực hiện",
            288.7,
            "Tỷ đồng",
        ),
        (
            TPc,
            "thu_ngan_sach",
            "Thu ngân sách nhà nước",
            2023,
            "9 tháng",
            "Ước thực hiện",
            902.6,
            "Tỷ đồng",
        ),
        (
            TPc,
            "thu_ngan_sach",
            "Thu ngân sách nhà nước",
            2023,
            "Tháng 10",
            "Thực hiện",
            96.4,
            "Tỷ đồng",
        ),
        (
            TPc,
            "thu_ngan_sach",
            "Thu ngân sách nhà nước",
            2023,
            "Lũy kế đến tháng 10",
            "Thực hiện",
            999.0,
            "Tỷ đồng",
        ),
        (
            TPc,
            "thu_ngan_sach",
            "Thu ngân sách nhà nước",
            2022,
            "Lũy kế đến tháng 10",
            "Thực hiện",
            812.35,
            "Tỷ đồng",
        ),
        (
            TPc,
            "thu_tien_sdd",
            "Trong đó: Thu tiền sử dụng đất",
            2023,
            "Lũy kế đến tháng 10",
            "Thực hiện",
            486.2,
            "Tỷ đồng",
        ),
        (
            TPc,
            "ban_le_dich_vu",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            2023,
            "Quý III",
            "Thực hiện",
            5840.2,
            "Tỷ đồng",
        ),
        (
            TPc,
            "ban_le_dich_vu",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            2023,
            "9 tháng",
            "Ước thực hiện",
            16905.3,
            "Tỷ đồng",
        ),
        (
            TPc,
            "doanh_nghiep_moi",
            "Số doanh nghiệp thành lập mới",
            2023,
            "6 tháng",
            "Thực hiện",
            178,
            "DN",
        ),
        (
            TPc,
            "doanh_nghiep_moi",
            "Số doanh nghiệp thành lập mới",
            2023,
            "9 tháng",
            "Thực hiện",
            268,
            "DN",
        ),
        (
            TPc,
            "truong_chuan_quoc_gia",
            "Số trường đạt chuẩn quốc gia",
            2023,
            "Cả năm",
            "Kế hoạch",
            31,
            "Trường",
        ),
        (
            W("Phường Nam Hà", "18073"),
            "thu_ngan_sach",
            "Thu ngân sách",
            2023,
            "Cả năm",
            "Kế hoạch",
            7250,
            "Triệu đồng",
        ),
        (
            W("Phường Nam Hà", "18073"),
            "thu_ngan_sach",
            "Thu ngân sách",
            2023,
            "9 tháng",
            "Thực hiện",
            5612.8,
            "Triệu đồng",
        ),
        (
            W("Phường Nam Hà", "18073"),
            "bhyt_bao_phu",
            "Tỷ lệ dân số tham gia BHYT",
            2023,
            "9 tháng",
            "Thực hiện",
            95.3,
            "%",
        ),
        (
            W("Phường Bắc Hà", "18076"),
            "thu_ngan_sach",
            "Thu ngân sách",
            2023,
            "Cả năm",
            "Kế hoạch",
            19000,
            "Triệu đồng",
        ),
        (
            W("Phường Bắc Hà", "18076"),
            "thu_ngan_sach",
            "Thu ngân sách",
            2023,
            "9 tháng",
            "Thực hiện",
            14210.7,
            "Triệu đồng",
        ),
        (
            W("Phường Bắc Hà", "18076"),
            "to_dan_pho_mau",
            "Số tổ dân phố mẫu",
            2023,
            "9 tháng",
            "Thực hiện",
            2,
            "Tổ",
        ),
        (
            W("Phường Thạch Quý", "18091"),
            "ty_le_ho_ngheo",
            "Tỷ lệ hộ nghèo",
            2023,
            "Cả năm",
            "Kế hoạch",
            0.6,
            "%",
        ),
        (
            W("Phường Thạch Quý", "18091"),
            "ty_le_ho_ngheo",
            "Tỷ lệ hộ nghèo",
            2023,
            "9 tháng",
            "Thực hiện",
            "-",
            "%",
        ),
        (
            W("Phường Thạch Quý", "18091"),
            "viec_lam_moi",
            "Giải quyết việc làm mới",
            2023,
            "9 tháng",
            "Thực hiện",
            164,
            "Người",
        ),
        (
            W("Xã Thạch Hạ", "18100"),
            "ty_le_ho_ngheo",
            "Tỷ lệ hộ nghèo",
            2023,
            "Cả năm",
            "Kế hoạch",
            0.8,
            "%",
        ),
        (
            W("Xã Thạch Hạ", "18100"),
            "khu_dan_cu_kieu_mau",
            "Số khu dân cư kiểu mẫu",
            2023,
            "Cả năm",
            "Kế hoạch",
            2,
            "Khu",
        ),
        (
            W("Xã Thạch Hạ", "18100"),
            "khu_dan_cu_kieu_mau",
            "Số khu dân cư kiểu mẫu",
            2023,
            "9 tháng",
            "Thực hiện",
            1,
            "Khu",
        ),
        (
            W("Xã Thạch Hạ", "18100"),
            "dien_tich_gieo_trong",
            "Diện tích gieo trồng cây hằng năm",
            2023,
            "9 tháng",
            "Thực hiện",
            412.5,
            "ha",
        ),
        (
            W("Xã Thạch Hạ", "18100"),
            "bhyt_bao_phu",
            "Tỷ lệ dân số tham gia BHYT",
            2022,
            "9 tháng",
            "Thực hiện",
            92.15,
            "%",
        ),
        (
            W("Xã Thạch Hạ", "18100"),
            "bhyt_bao_phu",
            "Tỷ lệ dân số tham gia BHYT",
            2023,
            "9 tháng",
            "Thực hiện",
            93.4,
            "%",
        ),
    ]
    data = []
    for (uname, ucode), code, name, nam, ky, loai, val, dvt in rows:
        assert U(uname, nam)[0] == ucode
        shown = val if isinstance(val, str) else vn(val)
        data.append((uname, code, name, nam, ky, loai, val, dvt, (ucode, shown)))
    out = [
        ["ma_don_vi", "don_vi", "chi_tieu", "nam", "ky", "loai_so_lieu", "gia_tri", "don_vi_tinh"]
    ]
    out += long_rows(
        rep, data, lambda i, d: [d[8][0], d[0], d[2], str(d[3]), d[4], d[5], d[8][1], d[7]], 6
    )
    write_csv(rep, out)


@report(
    "10_can_loc_dai_2021_khong_dau",
    "csv",
    "Long table for Huyện Can Lộc and some of its communes, 2021, with column headers typed WITHOUT diacritics "
    "('STT;Don vi;Chi tieu;Nam;Ky bao cao;Loai so lieu;Gia tri;Don vi tinh') while the content keeps them; UTF-8 "
    "with BOM, ';'. Periods '6 tháng đầu năm', '6 tháng cuối năm' (months 7–12, estimate), 'Cả năm', and a "
    "five-year target row ('Nam' = '2021-2025', 'Ky bao cao' = '5 năm', 'Loai' = 'Mục tiêu' → nhiem_ky at 2025). "
    "Targets 'Kế hoạch HĐND huyện giao' and 'Kế hoạch tỉnh giao'. Percent values written with the sign inside "
    "the value ('91,25%', '3,48%'), money in 'Tỷ đồng' and 'Tr.đ', counts in 'hộ', 'lao động', 'Xã'. Units "
    "written in full ('Thị trấn Nghèn', 'Xã Kim Song Trường', 'Huyện Can Lộc'). One row not in the catalog.",
    "long CSV; headers without diacritics; UTF-8 BOM; 6 tháng đầu/cuối năm; Kế hoạch 5 năm (nhiem_ky); "
    "'91,25%' values; hdnd_giao/tinh_giao; 1 unknown",
)
def f10(rep):
    rows = [
        (
            CL,
            "gtsx_tong",
            "Tổng giá trị sản xuất",
            "2021",
            "Cả năm",
            "Kế hoạch HĐND huyện giao",
            7650,
            "Tỷ đồng",
            None,
        ),
        (
            CL,
            "gtsx_tong",
            "Tổng giá trị sản xuất",
            "2021",
            "6 tháng đầu năm",
            "Thực hiện",
            3480.6,
            "Tỷ đồng",
            None,
        ),
        (
            CL,
            "gtsx_tong",
            "Tổng giá trị sản xuất",
            "2021",
            "6 tháng cuối năm",
            "Ước thực hiện",
            4105.2,
            "Tỷ đồng",
            None,
        ),
        (
            CL,
            "gtsx_tong",
            "Tổng giá trị sản xuất",
            "2021",
            "Cả năm",
            "Ước thực hiện",
            7585.8,
            "Tỷ đồng",
            None,
        ),
        (
            CL,
            "gtsx_tong",
            "Tổng giá trị sản xuất",
            "2021-2025",
            "5 năm",
            "Mục tiêu",
            11500,
            "Tỷ đồng",
            None,
        ),
        (
            CL,
            "tang_truong_gtsx",
            "Tốc độ tăng trưởng giá trị sản xuất",
            "2021",
            "Cả năm",
            "Kế hoạch HĐND huyện giao",
            10.5,
            "%",
            None,
        ),
        (
            CL,
            "tang_truong_gtsx",
            "Tốc độ tăng trưởng giá trị sản xuất",
            "2021",
            "Cả năm",
            "Ước thực hiện",
            9.86,
            "%",
            "pct",
        ),
        (
            CL,
            "thu_ngan_sach",
            "Thu ngân sách trên địa bàn",
            "2021",
            "Cả năm",
            "Kế hoạch tỉnh giao",
            285000,
            "Tr.đ",
            None,
        ),
        (
            CL,
            "thu_ngan_sach",
            "Thu ngân sách trên địa bàn",
            "2021",
            "Cả năm",
            "Kế hoạch HĐND huyện giao",
            320000,
            "Tr.đ",
            None,
        ),
        (
            CL,
            "thu_ngan_sach",
            "Thu ngân sách trên địa bàn",
            "2021",
            "6 tháng đầu năm",
            "Thực hiện",
            162384.5,
            "Tr.đ",
            None,
        ),
        (
            CL,
            "thu_ngan_sach",
            "Thu ngân sách trên địa bàn",
            "2021",
            "6 tháng cuối năm",
            "Ước thực hiện",
            181615.5,
            "Tr.đ",
            None,
        ),
        (
            CL,
            "bhyt_bao_phu",
            "Tỷ lệ dân số tham gia BHYT",
            "2021",
            "Cả năm",
            "Ước thực hiện",
            91.25,
            "%",
            "pct",
        ),
        (CL, "ty_le_ho_ngheo", "Tỷ lệ hộ nghèo", "2021", "Cả năm", "Thực hiện", 3.48, "%", "pct"),
        (CL, "ty_le_ho_ngheo", "Tỷ lệ hộ nghèo", "2021-2025", "5 năm", "Mục tiêu", 1.5, "%", None),
        (
            CL,
            "dien_tich_gieo_trong",
            "Diện tích gieo trồng cây hằng năm",
            "2021",
            "Cả năm",
            "Ước thực hiện",
            10250,
            "ha",
            None,
        ),
        (
            CL,
            "so_xa_ntm",
            "Số xã đạt chuẩn nông thôn mới",
            "2021",
            "Cả năm",
            "Thực hiện",
            16,
            "Xã",
            None,
        ),
        (
            "Thị trấn Nghèn",
            "thu_ngan_sach",
            "Thu ngân sách",
            "2021",
            "6 tháng đầu năm",
            "Thực hiện",
            14215.6,
            "Tr.đ",
            None,
        ),
        (
            "Thị trấn Nghèn",
            "thu_ngan_sach",
            "Thu ngân sách",
            "2021",
            "6 tháng cuối năm",
            "Ước thực hiện",
            16040,
            "Tr.đ",
            None,
        ),
        (
            "Xã Thiên Lộc",
            "ty_le_ho_ngheo",
            "Tỷ lệ hộ nghèo",
            "2021",
            "Cả năm",
            "Thực hiện",
            3.15,
            "%",
            "pct",
        ),
        (
            "Xã Thiên Lộc",
            "so_ho_ngheo",
            "Số hộ nghèo",
            "2021",
            "Cả năm",
            "Thực hiện",
            52,
            "hộ",
            None,
        ),
        (
            "Xã Kim Song Trường",
            "ty_le_ho_ngheo",
            "Tỷ lệ hộ nghèo",
            "2021",
            "Cả năm",
            "Thực hiện",
            4.02,
            "%",
            "pct",
        ),
        (
            "Xã Kim Song Trường",
            "tong_so_ho",
            "Tổng số hộ",
            "2021",
            "Cả năm",
            "Thực hiện",
            2980,
            "hộ",
            None,
        ),
        (
            "Xã Trung Lộc",
            "thu_ngan_sach",
            "Thu ngân sách",
            "2021",
            "6 tháng đầu năm",
            "Thực hiện",
            2104.3,
            "Tr.đ",
            None,
        ),
        (
            "Xã Khánh Vĩnh Yên",
            "viec_lam_moi",
            "Giải quyết việc làm mới",
            "2021",
            "Cả năm",
            "Ước thực hiện",
            95,
            "lao động",
            None,
        ),
        (
            "Thị trấn Đồng Lộc",
            "bhyt_bao_phu",
            "Tỷ lệ dân số tham gia BHYT",
            "2021",
            "6 tháng đầu năm",
            "Thực hiện",
            88.4,
            "%",
            "pct",
        ),
    ]
    data = [(u, c, n, y, k, l, v, d, vn(v, pct=(p == "pct"))) for u, c, n, y, k, l, v, d, p in rows]
    out = [
        ["STT", "Don vi", "Chi tieu", "Nam", "Ky bao cao", "Loai so lieu", "Gia tri", "Don vi tinh"]
    ]
    out += long_rows(
        rep, data, lambda i, d: [str(i + 1), d[0], d[2], d[3], d[4], d[5], d[8], d[7]], 6
    )
    write_csv(rep, out)


@report(
    "11_can_loc_ho_ngheo_2023_cp1258",
    "csv",
    "A district table saved by Vietnamese Windows Excel as 'CSV': Windows-1258 (cp1258) with tone marks written "
    "as combining characters after the base letter (â, ê, ô, ơ, ư, ă, đ precomposed, the five tones as cp1258's "
    "combining marks), ';' delimiter, no BOM, CRLF. The letterhead (UBND HUYỆN CAN LỘC / PHÒNG LAO ĐỘNG - TB&XH, "
    "quốc hiệu), title 'KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM 2023', 'Kèm theo Báo cáo số …' line, a "
    "header with units in parentheses ('Tổng số hộ (hộ)', 'Tỷ lệ hộ nghèo (%)'), numbering 'A;B;1;2;3=2/1;4;C', "
    "one row per commune/town of 2023 (names without 'Xã'), total 'Toàn huyện' LAST, and the footer rows "
    "(Ghi chú, 'Can Lộc, ngày 05 tháng 01 năm 2024', NGƯỜI LẬP BIỂU / TRƯỞNG PHÒNG, (Đã ký), names) all come "
    "through as CSV lines. The poverty rate is an observation (3=2/1), not a comparison. 'Số hộ cận nghèo' is "
    "not in the catalog.",
    "cp1258 + combining tones CSV; letterhead and footer as CSV lines; rows=communes, total last; "
    "units in header parentheses; 3=2/1 rate observation; 1 unknown",
)
def f11(rep):
    rng = random.Random(4432023)
    per = []
    for label, unit in CAN_LOC_2020:
        town = label.startswith("TT")
        ho = rng.randint(2700, 4200) if town else rng.randint(1300, 3100)
        hn = int(round(ho * (rng.uniform(0.008, 0.02) if town else rng.uniform(0.018, 0.048))))
        cn = int(round(ho * rng.uniform(0.02, 0.05)))
        per.append((label, unit, ho, hn, r2(hn / ho * 100), cn))
    tho, thn, tcn = sum(p[2] for p in per), sum(p[3] for p in per), sum(p[5] for p in per)
    per.append(("Toàn huyện", CL, tho, thn, r2(thn / tho * 100), tcn))
    E = [""] * 7
    out = [
        ["UBND HUYỆN CAN LỘC", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", ""],
        ["PHÒNG LAO ĐỘNG - TB&XH", "", "", "", "Độc lập - Tự do - Hạnh phúc", "", ""],
        E,
        ["KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM 2023", "", "", "", "", "", ""],
        [
            "(Kèm theo Báo cáo số 18/BC-LĐTBXH ngày 05/01/2024 của Phòng Lao động - TB&XH)",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        E,
        [
            "STT",
            "Xã, thị trấn",
            "Tổng số hộ (hộ)",
            "Số hộ nghèo (hộ)",
            "Tỷ lệ hộ nghèo (%)",
            "Số hộ cận nghèo (hộ)",
            "Ghi chú",
        ],
        ["A", "B", "1", "2", "3=2/1", "4", "C"],
    ]
    for i, (label, unit, ho, hn, tl, cn) in enumerate(per):
        r = len(out)
        out.append(["" if unit == CL else str(i + 1), label, vn(ho), vn(hn), vn(tl, 2), vn(cn), ""])
        rep.add_obs("tong_so_ho", unit, 2023, 1, 12, "actual", "", ho, "hộ", ("csv", r, 2))
        rep.add_obs("so_ho_ngheo", unit, 2023, 1, 12, "actual", "", hn, "hộ", ("csv", r, 3))
        rep.add_obs("ty_le_ho_ngheo", unit, 2023, 1, 12, "actual", "", tl, "%", ("csv", r, 4))
        rep.comps.append(
            dict(
                loc=("csv", r, 4),
                op="ratio",
                n=None,
                src=[("csv", r, 3), ("csv", r, 2)],
                wrong=False,
            )
        )
        rep.add_obs("so_ho_can_ngheo", unit, 2023, 1, 12, "actual", "", cn, "hộ", ("csv", r, 5))
    out += [
        E,
        [
            "Ghi chú: Chuẩn nghèo đa chiều giai đoạn 2022-2025 theo Nghị định số 07/2021/NĐ-CP.",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        ["", "", "", "", "Can Lộc, ngày 05 tháng 01 năm 2024", "", ""],
        ["", "NGƯỜI LẬP BIỂU", "", "", "TRƯỞNG PHÒNG", "", ""],
        ["", "(Đã ký)", "", "", "(Đã ký)", "", ""],
        ["", "Nguyễn Thị Lan", "", "", "Trần Văn Đức", "", ""],
    ]
    rep.texts.append("Tỷ lệ hộ nghèo (%)")
    write_csv(rep, out, cp1258=True)


# ---------------------------------------------------------------------------------------------
def legacy_spec(unit_name, left, title, place, rows, cols, header, numbering, note, signer):
    return dict(
        unit=unit_name,
        cols=cols,
        rows=rows,
        widths=[5, 40, 9, 11, 11, 11, 9, 9],
        lspan=3,
        left=left,
        title=title,
        header=header,
        header_rows=2,
        numbering=numbering,
        footer=dict(
            notes=[note],
            place=place,
            left=NOI_NHAN("- UBND tỉnh;", "- Sở Kế hoạch và Đầu tư;", "- Lưu: VT, TCKH."),
            right=sign("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer),
            rcols=(5, 8),
        ),
    )


LEGACY_COLS = lambda y, m: [
    O(y, 1, 12, "target"),
    O(y - 1, 1, m, "actual"),
    O(y, 1, m, "estimate"),
    C("ratio", 2, 0),
    C("ratio", 2, 1),
]


@report(
    "12_thach_ha_6t_2018_tcvn3",
    "xlsx",
    "An old-office workbook typed in TCVN3 (ABC) with the .VnTime / .VnTimeH fonts: UBND huyện Thạch Hà, "
    "6 tháng 2018. Opened as Unicode the cells hold Latin-1-looking text ('ChØ tiªu', 'Thùc hiÖn', 'KÕ ho¹ch', "
    "'Tæng', '§¬n vÞ', '¦íc'); headings typed in lower case with .VnTimeH ('ñy ban nh©n d©n huyÖn th¹ch hµ'). The "
    "layout is an ordinary indicator report (letterhead, two-level header, So sánh columns, signature), and the "
    "numbers are real numbers, so it looks loadable — but every label is mojibake. A good loader must REFUSE it "
    "(expected.csv has only the header).",
    "legacy TCVN3/.VnTime encoding — must be refused",
)
def f12(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "BC 6T 2018"
    rows = [S("I", "CHỈ TIÊU KINH TẾ")]
    rows += gtsx_rows(
        "1",
        [
            [1120.5, 502.3, 548.1],
            [1405.2, 610.4, 652.7],
            [1250.8, 561.2, 590.5],
            [1980.4, 905.1, 921.6],
        ],
        [
            "Công nghiệp - Tiểu thủ công nghiệp",
            "Xây dựng",
            "Thương mại - Dịch vụ",
            "Nông, lâm nghiệp, thủy sản",
        ],
        "Tỷ đồng",
        total_name="Tổng giá trị sản xuất (giá so sánh 2010)",
    )
    rows += [
        R("2", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", "thu_ngan_sach", [420, 186.4, 215.3]),
        R(
            "3",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            [3850, 1620.5, 1788.2],
        ),
        S("II", "CHỈ TIÊU VĂN HÓA - XÃ HỘI"),
        R("4", "Giải quyết việc làm mới", "Người", "viec_lam_moi", [3000, 1410, 1525]),
        R("5", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "bhyt_bao_phu", [88, 84.2, 86.5]),
    ]
    spec = legacy_spec(
        TH,
        [("ỦY BAN NHÂN DÂN", ""), ("HUYỆN THẠCH HÀ", "bu")],
        [
            "ƯỚC THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2018",
            "(Kèm theo Báo cáo số 212/BC-UBND ngày 15/6/2018 của UBND huyện)",
        ],
        "Thạch Hà, ngày 15 tháng 6 năm 2018",
        rows,
        LEGACY_COLS(2018, 6),
        [
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "Đơn vị tính"),
            (0, 4, 1, 4, "Kế hoạch năm 2018"),
            (0, 5, 1, 5, "Thực hiện 6 tháng năm 2017"),
            (0, 6, 1, 6, "Ước thực hiện 6 tháng năm 2018"),
            (0, 7, 0, 8, "So sánh (%)"),
            (1, 7, 1, 7, "So KH"),
            (1, 8, 1, 8, "So CK"),
        ],
        ["A", "B", "C", "1", "2", "3", "4=3/1", "5=3/2"],
        "Ghi chú: Tổng số liệu 6 tháng là số ước thực hiện.",
        "Hoàng Văn Nam",
    )
    table(
        rep, ws, spec, tx=tcvn3, tx_h=lambda s: tcvn3(s.lower()), font=".VnTime", font_h=".VnTimeH"
    )
    save_wb(wb, rep)
    rep.refuse = True
    rep.texts += [
        tcvn3("Chỉ tiêu"),
        tcvn3("Thực hiện 6 tháng năm 2017"),
        tcvn3("Kế hoạch năm 2018"),
        tcvn3("Tổng thu ngân sách trên địa bàn"),
        tcvn3("Đơn vị tính"),
    ]


@report(
    "13_cam_xuyen_9t_2017_vni",
    "xlsx",
    "The same kind of report typed with VNI-Windows fonts (VNI-Times): UBND huyện Cẩm Xuyên, 9 tháng 2017. "
    "Opened as Unicode the cells read 'Chæ tieâu', 'Thöïc hieän', 'Keá hoaïch', 'Toång thu', 'Ñôn vò tính', "
    "'UÛY BAN NHAÂN DAÂN'. Numbers are real numbers. Must be REFUSED (expected.csv has only the header).",
    "legacy VNI-Windows encoding — must be refused",
)
def f13(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "9T 2017"
    rows = [
        S("I", "KINH TẾ"),
        R(
            "1",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            [9850, 6712.4, 7205.9],
        ),
        R(
            "2",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            [365, 241.8, 276.4],
        ),
        R("", "Trong đó: Thu tiền sử dụng đất", "Tỷ đồng", "thu_tien_sdd", [150, 88.6, 104.2]),
        R("3", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "doanh_nghiep_moi", [90, 61, 72]),
        S("II", "XÃ HỘI"),
        R("4", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [7.5, "-", "-"]),
        R("5", "Số lượt người khám, chữa bệnh", "Lượt", "luot_kham_benh", [210000, 148320, 161450]),
    ]
    spec = legacy_spec(
        "Huyện Cẩm Xuyên",
        [("ỦY BAN NHÂN DÂN", ""), ("HUYỆN CẨM XUYÊN", "bu")],
        ["TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2017"],
        "Cẩm Xuyên, ngày 22 tháng 9 năm 2017",
        rows,
        LEGACY_COLS(2017, 9),
        [
            (0, 1, 1, 1, "TT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "Đơn vị tính"),
            (0, 4, 1, 4, "Kế hoạch năm 2017"),
            (0, 5, 1, 5, "Thực hiện 9 tháng năm 2016"),
            (0, 6, 1, 6, "Ước thực hiện 9 tháng năm 2017"),
            (0, 7, 0, 8, "So sánh (%)"),
            (1, 7, 1, 7, "TH/KH"),
            (1, 8, 1, 8, "So CK"),
        ],
        ["1", "2", "3", "4", "5", "6", "7=6/4", "8=6/5"],
        "Ghi chú: Tổng giá trị sản xuất tính theo giá so sánh 2010.",
        "Nguyễn Văn Hùng",
    )
    table(rep, ws, spec, tx=vni, font="VNI-Times")
    save_wb(wb, rep)
    rep.refuse = True
    rep.texts += [
        vni("Chỉ tiêu"),
        vni("Thực hiện 9 tháng năm 2016"),
        vni("Kế hoạch năm 2017"),
        vni("Đơn vị tính"),
        vni("Tổng thu ngân sách nhà nước trên địa bàn"),
    ]


@report(
    "14_thach_ha_9t_2021_nfd",
    "xlsx",
    "UBND huyện Thạch Hà / Phòng TC-KH, ước thực hiện 9 tháng 2021, saved by a tool that writes DECOMPOSED "
    "Unicode (NFD): every text cell — letterhead, header, indicator names, footer — has base letters followed by "
    "combining marks, so 'Thạch Hà' is not byte-equal to the catalog's 'Thạch Hà'. Two-level header with '9 tháng' "
    "merged over 'TH 9 tháng năm 2020 | Ước TH 9 tháng năm 2021', numbering '(1) (2) (3) (4)=(3)/(1) (5)=(3)/(2)' "
    "only over the value columns, sector sub-items marked '+', 'Trong đó:' with '-', a drop in new enterprises "
    "(So CK below 100). One row not in the catalog (Số trường đạt chuẩn quốc gia).",
    "NFD Unicode xlsx; '+' sub-items; (1)(2)(3)(4)=(3)/(1) numbering; ƯTH/KH, So CK; 9 tháng + CK; 1 unknown",
)
def f14(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "9T 2021"
    cols = [
        O(2021, 1, 12, "target"),
        O(2020, 1, 9, "actual"),
        O(2021, 1, 9, "estimate"),
        C("ratio", 2, 0),
        C("ratio", 2, 1),
    ]
    rows = [S("A", "CÁC CHỈ TIÊU KINH TẾ")]
    rows += gtsx_rows(
        "1",
        [
            [2450, 1702.5, 1851.2],
            [3900, 2654.3, 2860.4],
            [3100, 2188.6, 2365.0],
            [1750, 1224.8, 1268.3],
        ],
        [
            "Công nghiệp - Tiểu thủ công nghiệp",
            "Xây dựng",
            "Thương mại - Dịch vụ",
            "Nông - lâm - thủy sản",
        ],
        "Tỷ đồng",
        total_name="Tổng giá trị sản xuất (giá so sánh 2010)",
        sub="+",
    )
    rows += [
        R(
            "2",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            [540, 362.7, 401.9],
        ),
        R("-", "Trong đó: Tiền sử dụng đất", "Tỷ đồng", "thu_tien_sdd", [250, 171.2, 198.5]),
        R(
            "3",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            [4200, 2905.6, 3088.1],
        ),
        R("4", "Doanh nghiệp thành lập mới", "Doanh nghiệp", "doanh_nghiep_moi", [120, 78, 71]),
        S("B", "CÁC CHỈ TIÊU XÃ HỘI"),
        R("5", "Số lao động được giải quyết việc làm", "Người", "viec_lam_moi", [2800, 1650, 1920]),
        R("6", "Tỷ lệ bao phủ BHYT", "%", "bhyt_bao_phu", [92, 89.6, 91.05]),
        R("7", "Số trường đạt chuẩn quốc gia", "Trường", "truong_chuan_quoc_gia", [62, 55, 59]),
    ]
    spec = dict(
        unit=TH,
        cols=cols,
        rows=rows,
        widths=[5, 42, 12, 11, 12, 12, 10, 10],
        lspan=3,
        left=[("UBND HUYỆN THẠCH HÀ", ""), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "bu")],
        title=["ƯỚC THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2021"],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "ĐVT"),
            (0, 4, 1, 4, "Kế hoạch năm 2021"),
            (0, 5, 0, 6, "9 tháng"),
            (1, 5, 1, 5, "TH 9 tháng năm 2020"),
            (1, 6, 1, 6, "Ước TH 9 tháng năm 2021"),
            (0, 7, 0, 8, "So sánh (%)"),
            (1, 7, 1, 7, "ƯTH/KH"),
            (1, 8, 1, 8, "So CK"),
        ],
        header_rows=2,
        numbering=["", "", "", "(1)", "(2)", "(3)", "(4)=(3)/(1)", "(5)=(3)/(2)"],
        footer=dict(
            notes=[
                "Ghi chú: Số liệu 9 tháng năm 2021 là số ước thực hiện, ảnh hưởng của dịch Covid-19."
            ],
            place="Thạch Hà, ngày 24 tháng 9 năm 2021",
            left=[
                ("NGƯỜI LẬP BIỂU", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Phan Thị Thu Hà", "cb"),
            ],
            right=sign("TRƯỞNG PHÒNG", "Đặng Quốc Việt"),
            rcols=(5, 8),
        ),
    )
    table(rep, ws, spec, tx=nfd)
    save_wb(wb, rep)
    rep.texts.append(nfd("Tổng giá trị sản xuất (giá so sánh 2010)"))


# ---------------------------------------------------------------------------------------------
@report(
    "15_tp_ha_tinh_ke_hoach_2025",
    "xlsx",
    "The plan for 2025 written in December 2024 by UBND TP Hà Tĩnh (Biểu số 02/KH, kèm theo Báo cáo số "
    "356/BC-UBND ngày 10/12/2024) — for a city that existed only until 30/06/2025, so the 2025 targets belong to "
    "Thành phố Hà Tĩnh (436). Columns: 'Ước thực hiện năm 2024' (estimate), 'Kế hoạch năm 2025' over 'Tỉnh giao | "
    "Thành phố phấn đấu' (tinh_giao, phan_dau), 'So sánh KH 2025 (phấn đấu)/ƯTH 2024 (%)', and 'Mục tiêu Nghị "
    "quyết Đại hội Đảng bộ thành phố nhiệm kỳ 2020-2025' (nhiem_ky, year 2025). Plain integer numbering 1…8, "
    "'x' where no target is set (legend in the Ghi chú), 'Tr.đ/người' for income. One row not in the catalog "
    "(Tỷ lệ trường đạt chuẩn quốc gia). Footer: place/date 10/12/2024, Nơi nhận, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH.",
    "Kế hoạch năm 2025 for TP Hà Tĩnh (ends 30/06/2025); ƯTH 2024; tinh_giao + phan_dau + nhiem_ky; plain "
    "1..8 numbering; 'x' legend; 1 unknown",
)
def f15(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "KH 2025"
    cols = [
        O(2024, 1, 12, "estimate"),
        O(2025, 1, 12, "target", "tinh_giao"),
        O(2025, 1, 12, "target", "phan_dau"),
        C("ratio", 2, 0),
        O(2025, 1, 12, "target", "nhiem_ky"),
    ]
    rows = [
        S("I", "CHỈ TIÊU KINH TẾ"),
        R(
            "1",
            "Tốc độ tăng trưởng giá trị sản xuất",
            "%",
            "tang_truong_gtsx",
            [10.12, 11, 12, 12],
            nocmp=True,
        ),
        R(
            "2",
            "Tổng giá trị sản xuất (giá SS 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            [19960, 22155, 22355, "x"],
        ),
        R("3", "Thu NSNN trên địa bàn", "Tỷ đồng", "thu_ngan_sach", [1249, 1050, 1300, "x"]),
        R("", "Trong đó: Thu tiền sử dụng đất", "Tỷ đồng", "thu_tien_sdd", [620, 450, 650, "x"]),
        R(
            "4",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            [7420, "x", 8200, "x"],
        ),
        R(
            "5",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            "ban_le_dich_vu",
            [26150, 28500, 29800, "x"],
        ),
        R("6", "Số doanh nghiệp thành lập mới", "DN", "doanh_nghiep_moi", [335, 320, 360, "x"]),
        R(
            "7",
            "Thu nhập bình quân đầu người",
            "Tr.đ/người",
            "thu_nhap_binh_quan",
            [82.5, "x", 88, 80],
        ),
        S("II", "CHỈ TIÊU VĂN HÓA - XÃ HỘI"),
        R(
            "8",
            "Số lao động được tạo việc làm mới",
            "Người",
            "viec_lam_moi",
            [2150, 2000, 2200, "x"],
        ),
        R("9", "Tỷ lệ lao động qua đào tạo", "%", "lao_dong_qua_dao_tao", [80.5, 81, 82, 80]),
        R("10", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", [95.6, 96, 96.5, 95]),
        R("11", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [0.55, 0.5, 0.45, 1], nocmp=True),
        R(
            "12",
            "Tỷ lệ trường đạt chuẩn quốc gia",
            "%",
            "ty_le_truong_chuan",
            [92.3, "x", 94.5, 90],
        ),
        S("III", "CHỈ TIÊU MÔI TRƯỜNG"),
        R(
            "13",
            "Tỷ lệ chất thải rắn sinh hoạt được thu gom",
            "%",
            "thu_gom_rac",
            [100, 100, 100, 100],
        ),
        R("14", "Tỷ lệ dân số được sử dụng nước sạch", "%", "nuoc_sach", [98.6, "x", 99, 98]),
    ]
    spec = dict(
        unit=TP,
        cols=cols,
        rows=rows,
        widths=[5, 42, 11, 11, 11, 12, 12, 14],
        lspan=3,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "bu")],
        pre=[("Biểu số 02/KH", "rb")],
        title=[
            "CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025",
            "(Kèm theo Báo cáo số 356/BC-UBND ngày 10/12/2024 của UBND thành phố)",
        ],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "ĐVT"),
            (0, 4, 1, 4, "Ước thực hiện năm 2024"),
            (0, 5, 0, 6, "Kế hoạch năm 2025"),
            (1, 5, 1, 5, "Tỉnh giao"),
            (1, 6, 1, 6, "Thành phố phấn đấu"),
            (0, 7, 1, 7, "So sánh KH 2025 (phấn đấu)/ƯTH 2024 (%)"),
            (0, 8, 1, 8, "Mục tiêu Nghị quyết Đại hội Đảng bộ thành phố nhiệm kỳ 2020-2025"),
        ],
        header_rows=2,
        numbering=[1, 2, 3, 4, 5, 6, 7, 8],
        footer=dict(
            notes=[
                "Ghi chú: x: không giao chỉ tiêu / Nghị quyết không đề ra mục tiêu.",
                "Chỉ tiêu tốc độ tăng trưởng và thu nhập tính theo giá so sánh 2010.",
            ],
            place="Hà Tĩnh, ngày 10 tháng 12 năm 2024",
            left=NOI_NHAN(
                "- TT Thành ủy;",
                "- TT HĐND thành phố;",
                "- Các đại biểu HĐND thành phố;",
                "- Lưu: VT, TCKH.",
            ),
            right=sign("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Huy Hoàng"),
            rcols=(5, 8),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


@report(
    "16_tp_ha_tinh_kh5nam_2021_2025",
    "xlsx",
    "UBND TP Hà Tĩnh's evaluation (May 2025) of the 'Kế hoạch 5 năm 2021-2025': 'Thực hiện năm 2020' (base), "
    "'Kế hoạch 5 năm 2021-2025' (the term target → nhiem_ky at 2025), 'Thực hiện' merged over 'Năm 2021 … Năm "
    "2024', 'Ước thực hiện năm 2025' (estimate, 2025, for a city still existing in May 2025), 'Tăng BQ giai đoạn "
    "2021-2025 (%/năm)' (2025 estimate over 2020, five years; blank for % rows) and an 'Đánh giá' text column "
    "(Đạt / Vượt / Không đạt). Plain numbering 1 … 12. One row not in the catalog (Số trường đạt chuẩn quốc gia).",
    "Kế hoạch 5 năm 2021-2025 (nhiem_ky); yearly actuals 2020–2024 + ƯTH 2025; Tăng BQ giai đoạn; "
    "Đánh giá text column; 1 unknown",
)
def f16(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "KH 5 nam"
    cols = (
        [O(2020, 1, 12, "actual"), O(2025, 1, 12, "target", "nhiem_ky")]
        + [O(y, 1, 12, "actual") for y in range(2021, 2025)]
        + [O(2025, 1, 12, "estimate"), C("cagr", 0, 6, n=5), X()]
    )
    rows = [
        R(
            "1",
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            "Tỷ đồng",
            "gtsx_tong",
            [12050.4, 21200, 13410.2, 15020.6, 16803.5, 18610.1, 20850, "Không đạt"],
        ),
        R(
            "2",
            "Tốc độ tăng trưởng giá trị sản xuất bình quân",
            "%",
            "tang_truong_gtsx",
            [5.21, 12, 11.28, 12.01, 11.87, 10.75, 12.04, "Đạt"],
            nocmp=True,
        ),
        R(
            "3",
            "Thu ngân sách trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            [702.5, 1200, 815.3, 1020.4, 1213, 1249, 1310, "Vượt"],
        ),
        R(
            "4",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ đồng",
            "von_dau_tu",
            [5420, "x", 5860, 6310, 6905, 7420, 8050, ""],
        ),
        R(
            "5",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            "ban_le_dich_vu",
            [14520, 26000, 15890, 19793, 22822, 26150, 29300, "Vượt"],
        ),
        R(
            "6",
            "Thu nhập bình quân đầu người",
            "Triệu đồng/người",
            "thu_nhap_binh_quan",
            [60.2, 85, 64.5, 70.3, 76.1, 82.5, 88, "Vượt"],
        ),
        R(
            "7",
            "Tỷ lệ hộ nghèo",
            "%",
            "ty_le_ho_ngheo",
            [1.52, 0.5, 1.38, 1.12, 0.78, 0.55, 0.42, "Đạt"],
            nocmp=True,
        ),
        R(
            "8",
            "Tỷ lệ dân số tham gia BHYT",
            "%",
            "bhyt_bao_phu",
            [90.1, 95, 91.6, 93.2, 94.8, 95.6, 96.2, "Vượt"],
            nocmp=True,
        ),
        R(
            "9",
            "Tỷ lệ dân số được sử dụng nước sạch",
            "%",
            "nuoc_sach",
            [95.2, 98, 96, 96.8, 97.9, 98.6, 99, "Vượt"],
            nocmp=True,
        ),
        R(
            "10",
            "Số trường đạt chuẩn quốc gia",
            "Trường",
            "truong_chuan_quoc_gia",
            [24, 30, 25, 27, 28, 29, 31, "Vượt"],
        ),
    ]
    years = list(range(2021, 2025))
    spec = dict(
        unit=TP,
        cols=cols,
        rows=rows,
        widths=[5, 40, 11, 11, 12, 10, 10, 10, 10, 11, 11, 11],
        lspan=3,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "bu")],
        title=["ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2021-2025"],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "ĐVT"),
            (0, 4, 1, 4, "Thực hiện năm 2020"),
            (0, 5, 1, 5, "Kế hoạch 5 năm 2021-2025"),
            (0, 6, 0, 9, "Thực hiện"),
        ]
        + [(1, 6 + i, 1, 6 + i, f"Năm {y}") for i, y in enumerate(years)]
        + [
            (0, 10, 1, 10, "Ước thực hiện năm 2025"),
            (0, 11, 1, 11, "Tăng BQ giai đoạn 2021-2025 (%/năm)"),
            (0, 12, 1, 12, "Đánh giá"),
        ],
        header_rows=2,
        numbering=list(range(1, 13)),
        footer=dict(
            notes=[
                "Ghi chú: Kế hoạch 5 năm theo Nghị quyết số 52/NQ-HĐND ngày 25/3/2021 của HĐND thành phố; "
                "x: không đề ra chỉ tiêu."
            ],
            place="Hà Tĩnh, ngày 15 tháng 5 năm 2025",
            left=NOI_NHAN(
                "- UBND tỉnh;", "- Sở Tài chính;", "- TT Thành ủy, HĐND TP;", "- Lưu: VT, TCKH."
            ),
            right=sign("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Đình Sơn"),
            rcols=(9, 12),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


TP_2020_WARDS = [
    "Trần Phú",
    "Nam Hà",
    "Bắc Hà",
    "Nguyễn Du",
    "Tân Giang",
    "Đại Nài",
    "Hà Huy Tập",
    "Thạch Quý",
    "Thạch Linh",
    "Văn Yên",
]
TP_2020_COMMUNES = ["Thạch Trung", "Thạch Hạ", "Đồng Môn", "Thạch Hưng", "Thạch Bình"]


@report(
    "17_tp_ha_tinh_thu_ns_10t_2024_phuong_xa",
    "xlsx",
    "Phòng TC-KH of TP Hà Tĩnh: budget revenue of the 15 wards and communes (units of 2020–2024) for October "
    "and the first 10 months of 2024, 'Đơn vị tính: 1.000 đồng'. Total FIRST ('Toàn thành phố' → the city), "
    "then 'A Các phường' with names 'P. Trần Phú', 'P. Nam Hà' … and 'B Các xã' with bare names. Columns: 'Dự "
    "toán năm 2024' over 'Tổng thu | Trong đó: Tiền SDĐ' (two indicators), 'Thực hiện tháng 10/2024' (months "
    "10–10), 'Lũy kế đến tháng 10' over 'Tổng thu | Trong đó: Tiền SDĐ' (1–10), 'Lũy kế cùng kỳ năm trước' (2023, "
    "1–10), 'So sánh (%)' over 'So DT | So CK'. One ward has '-' for October. Numbering 'A | B | 1 | … | 7=4/1 | "
    "8=4/6'. Footer with Người lập biểu and KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG.",
    "rows=wards; total first (Toàn thành phố); P. prefix; 1.000 đồng; tháng 10 + lũy kế đến tháng 10 + lũy kế "
    "cùng kỳ; two indicators per column group; So DT, So CK; '-' cell",
)
def f17(rep):
    rng = random.Random(4362024)
    wb = new_wb()
    ws = wb.active
    ws.title = "Thu NS 10T 2024"
    data = []
    for i, n in enumerate(TP_2020_WARDS + TP_2020_COMMUNES):
        unit = ("Phường " if i < 10 else "Xã ") + n
        label = ("P. " if i < 10 else "") + n
        dt = rng.randrange(5000, 36000) * 1000
        dsd = int(round(dt * rng.uniform(0.3, 0.6), -3))
        lk = int(round(dt * rng.uniform(0.6, 1.05)))
        lsd = int(round(lk * rng.uniform(0.3, 0.6)))
        t10 = "-" if n == "Đại Nài" else int(round(lk * rng.uniform(0.05, 0.12)))
        ck = int(round(lk / rng.uniform(0.85, 1.2)))
        data.append((label, unit, [dt, dsd, t10, lk, lsd, ck]))
    tot = [sum(d[2][k] for d in data if not isinstance(d[2][k], str)) for k in range(6)]
    cols = [
        O(2024, 1, 12, "target", code="thu_ngan_sach"),
        O(2024, 1, 12, "target", code="thu_tien_sdd"),
        O(2024, 10, 10, "actual", code="thu_ngan_sach"),
        O(2024, 1, 10, "actual", code="thu_ngan_sach"),
        O(2024, 1, 10, "actual", code="thu_tien_sdd"),
        O(2023, 1, 10, "actual", code="thu_ngan_sach"),
        C("ratio", 3, 0),
        C("ratio", 3, 5),
    ]
    rows = [R("", "Toàn thành phố", unit=TP, vals=tot, bold=True), S("A", "Các phường")]
    rows += [R(str(i + 1), lab, unit=u, vals=v) for i, (lab, u, v) in enumerate(data[:10])]
    rows.append(S("B", "Các xã"))
    rows += [R(str(i + 1), lab, unit=u, vals=v) for i, (lab, u, v) in enumerate(data[10:])]
    spec = dict(
        unit=TP,
        lead=["stt", "name"],
        cols=cols,
        rows=rows,
        measure="1.000 đồng",
        widths=[5, 20, 14, 14, 13, 14, 14, 14, 9, 9],
        lspan=3,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "bu")],
        title=["TÌNH HÌNH THU NGÂN SÁCH CÁC PHƯỜNG, XÃ THÁNG 10 VÀ LŨY KẾ 10 THÁNG NĂM 2024"],
        unit_line="Đơn vị tính: 1.000 đồng",
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Đơn vị"),
            (0, 3, 0, 4, "Dự toán năm 2024"),
            (1, 3, 1, 3, "Tổng thu"),
            (1, 4, 1, 4, "Trong đó: Tiền SDĐ"),
            (0, 5, 1, 5, "Thực hiện tháng 10/2024"),
            (0, 6, 0, 7, "Lũy kế đến tháng 10"),
            (1, 6, 1, 6, "Tổng thu"),
            (1, 7, 1, 7, "Trong đó: Tiền SDĐ"),
            (0, 8, 1, 8, "Lũy kế cùng kỳ năm trước"),
            (0, 9, 0, 10, "So sánh (%)"),
            (1, 9, 1, 9, "So DT"),
            (1, 10, 1, 10, "So CK"),
        ],
        header_rows=2,
        numbering=["A", "B", "1", "2", "3", "4", "5", "6", "7=4/1", "8=4/6"],
        footer=dict(
            notes=[
                "Ghi chú: Số liệu theo Kho bạc Nhà nước Hà Tĩnh đến hết ngày 31/10/2024; (-) không phát sinh."
            ],
            place="Hà Tĩnh, ngày 05 tháng 11 năm 2024",
            left=[
                ("Người lập biểu", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Trần Thị Mai", "cb"),
            ],
            right=sign("KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Bùi Xuân Lâm"),
            rcols=(7, 10),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


# ---------------------------------------------------------------------------------------------
class OdsGrid:
    def __init__(self, name):
        self.name, self.cells, self.merges, self.widths = name, {}, [], {}

    def put(self, r, c, v, style=None):
        self.cells[(r, c)] = (v, style)

    def merge(self, r1, c1, r2_, c2):
        if (r1, c1) != (r2_, c2):
            self.merges.append((r1, c1, r2_, c2))

    def line(self, r, c1, c2, text, style=None):
        self.put(r, c1, text, style)
        self.merge(r, c1, r, c2)

    def xml(self):
        maxr = max(r for r, _ in self.cells)
        maxc = max(c for _, c in self.cells)
        span = {(m[0], m[1]): m for m in self.merges}
        covered = {
            (r, c)
            for (r1, c1, r2_, c2) in self.merges
            for r in range(r1, r2_ + 1)
            for c in range(c1, c2 + 1)
        } - set(span)
        out = [f'<table:table table:name="{escape(self.name)}">']
        for c in range(1, maxc + 1):
            out.append(f'<table:table-column table:style-name="co{c}"/>')
        for r in range(1, maxr + 1):
            out.append("<table:table-row>")
            for c in range(1, maxc + 1):
                if (r, c) in covered:
                    out.append("<table:covered-table-cell/>")
                    continue
                attrs = ""
                if (r, c) in span:
                    r1, c1, r2_, c2 = span[(r, c)]
                    attrs += f' table:number-columns-spanned="{c2 - c1 + 1}" table:number-rows-spanned="{r2_ - r1 + 1}"'
                v, style = self.cells.get((r, c), (None, None))
                if style:
                    attrs += f' table:style-name="{style}"'
                if v is None:
                    out.append(f"<table:table-cell{attrs}/>")
                elif isinstance(v, (int, float)):
                    out.append(
                        f'<table:table-cell{attrs} office:value-type="float" office:value="{fmtv(v)}">'
                        f"<text:p>{escape(vn(v))}</text:p></table:table-cell>"
                    )
                else:
                    out.append(
                        f'<table:table-cell{attrs} office:value-type="string">'
                        f"<text:p>{escape(str(v))}</text:p></table:table-cell>"
                    )
            out.append("</table:table-row>")
        out.append("</table:table>")
        return "".join(out)


NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)


def write_ods(path, grid):
    colstyles = "".join(
        f'<style:style style:name="co{c}" style:family="table-column"><style:table-column-properties '
        f'style:column-width="{grid.widths.get(c, 2.2)}cm"/></style:style>'
        for c in range(1, max(c for _, c in grid.cells) + 1)
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
        "<office:font-face-decls/><office:automatic-styles>"
        + colstyles
        + '<style:style style:name="b" style:family="table-cell"><style:text-properties fo:font-weight="bold" '
        'style:font-name="Times New Roman"/></style:style>'
        '<style:style style:name="i" style:family="table-cell"><style:text-properties fo:font-style="italic"/>'
        "</style:style></office:automatic-styles><office:body><office:spreadsheet>"
        + grid.xml()
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.2">'
        '<office:styles><style:default-style style:family="table-cell"><style:text-properties '
        'style:font-name="Times New Roman" fo:font-size="12pt"/></style:default-style></office:styles>'
        "</office:document-styles>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"><office:meta>'
        "<meta:generator>make_realistic.py</meta:generator><meta:initial-creator>Cán bộ thống kê"
        "</meta:initial-creator></office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:

        def add(name, data, compress=zipfile.ZIP_DEFLATED):
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 8, 8, 0, 0))
            zi.compress_type = compress
            z.writestr(zi, data)

        add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        add("META-INF/manifest.xml", manifest)
        add("content.xml", content)
        add("styles.xml", styles)
        add("meta.xml", meta)


def read_ods(path):
    """{sheet: {(r, c): (value, text)}} with 1-based positions; spanned/covered cells take positions."""
    T_ = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    O_ = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    X_ = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    with zipfile.ZipFile(path) as z:
        assert (
            z.namelist()[0] == "mimetype"
            and z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        )
        root = ET.fromstring(z.read("content.xml"))
    sheets = {}
    for tbl in root.iter(T_ + "table"):
        grid, r = {}, 0
        for row in tbl.findall(T_ + "table-row"):
            for _ in range(int(row.get(T_ + "number-rows-repeated", "1"))):
                r += 1
                c = 0
                for cell in row:
                    rep_ = int(cell.get(T_ + "number-columns-repeated", "1"))
                    for _ in range(rep_):
                        c += 1
                        if cell.tag == T_ + "table-cell":
                            text = "\n".join("".join(p.itertext()) for p in cell.findall(X_ + "p"))
                            vt = cell.get(O_ + "value-type")
                            val = (
                                float(cell.get(O_ + "value"))
                                if vt in ("float", "percentage")
                                else (text or None)
                            )
                            if val is not None:
                                grid[(r, c)] = val
        sheets[tbl.get(T_ + "name")] = grid
    return sheets


@report(
    "18_tp_ha_tinh_van_minh_2023",
    "ods",
    "An OpenDocument spreadsheet (.ods, hand-written content.xml) from UBND TP Hà Tĩnh: results of building "
    "'tổ dân phố mẫu', 'tuyến đường văn minh' and 'khu dân cư kiểu mẫu' in 2023, one row per ward/commune, three "
    "indicators across the columns each split into 'Kế hoạch năm 2023 | Thực hiện năm 2023', then a ĐVT row "
    "UNDER the header giving each column's measure (Tổ, Tuyến, Khu). Wards have 'x' for khu dân cư (not "
    "applicable), communes 'x' for tổ dân phố; sections 'I Các phường' / 'II Các xã'; total 'Tổng cộng' LAST "
    "(→ the city). Footer: legend 'x: không thuộc đối tượng', place/date, TM. UBND / KT. CHỦ TỊCH / PHÓ CHỦ "
    "TỊCH.",
    "ODS; rows=units × indicators across; ĐVT row under header; 'x' not applicable; total last; "
    "Các phường/Các xã",
)
def f18(rep):
    rng = random.Random(4362023)
    g = OdsGrid("TDP mau 2023")
    g.widths = {1: 1.2, 2: 4.5, 9: 3.5}
    g.line(1, 1, 3, "UBND THÀNH PHỐ HÀ TĨNH")
    g.line(2, 1, 3, "VĂN PHÒNG HĐND VÀ UBND", "b")
    g.line(1, 4, 9, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b")
    g.line(2, 4, 9, "Độc lập - Tự do - Hạnh phúc", "b")
    g.line(
        4,
        1,
        9,
        "KẾT QUẢ XÂY DỰNG TỔ DÂN PHỐ MẪU, TUYẾN ĐƯỜNG VĂN MINH, KHU DÂN CƯ KIỂU MẪU NĂM 2023",
        "b",
    )
    g.line(5, 1, 9, "(Kèm theo Báo cáo số 402/BC-UBND ngày 15/12/2023 của UBND thành phố)", "i")
    h = 7
    g.put(h, 1, "STT", "b")
    g.merge(h, 1, h + 1, 1)
    g.put(h, 2, "Đơn vị", "b")
    g.merge(h, 2, h + 1, 2)
    for k, name in enumerate(["Tổ dân phố mẫu", "Tuyến đường văn minh", "Khu dân cư kiểu mẫu"]):
        g.line(h, 3 + 2 * k, 4 + 2 * k, name, "b")
        g.put(h + 1, 3 + 2 * k, "Kế hoạch năm 2023", "b")
        g.put(h + 1, 4 + 2 * k, "Thực hiện năm 2023", "b")
    g.put(h, 9, "Ghi chú", "b")
    g.merge(h, 9, h + 1, 9)
    for c, t in zip(range(2, 9), ["ĐVT", "Tổ", "Tổ", "Tuyến", "Tuyến", "Khu", "Khu"]):
        g.put(h + 2, c, t, "i")
    codes = [
        ("to_dan_pho_mau", "Tổ"),
        ("tuyen_duong_van_minh", "Tuyến"),
        ("khu_dan_cu_kieu_mau", "Khu"),
    ]
    r = h + 3
    totals = [0] * 6
    body = []
    for sec, names, prefix in [("I", TP_2020_WARDS, "Phường "), ("II", TP_2020_COMMUNES, "Xã ")]:
        g.put(r, 1, sec, "b")
        g.put(r, 2, "Các phường" if sec == "I" else "Các xã", "b")
        r += 1
        for i, n in enumerate(names):
            unit = prefix + n
            vals = []
            for k in range(3):
                applicable = (k == 0 and sec == "I") or k == 1 or (k == 2 and sec == "II")
                if not applicable:
                    vals += ["x", "x"]
                    continue
                kh = rng.randint(1, 3)
                th = max(0, kh + rng.choice([-1, 0, 0, 1]))
                vals += [kh, th]
            g.put(r, 1, i + 1)
            g.put(r, 2, n)
            for j, v in enumerate(vals):
                g.put(r, 3 + j, v)
                if isinstance(v, int):
                    totals[j] += v
                    code, meas = codes[j // 2]
                    rep.add_obs(
                        code,
                        unit,
                        2023,
                        1,
                        12,
                        "target" if j % 2 == 0 else "actual",
                        "",
                        v,
                        meas,
                        ("ods", g.name, r, 3 + j),
                    )
            if vals[3] < vals[2]:
                g.put(r, 9, "Chưa đạt KH tuyến đường")
            r += 1
    g.put(r, 2, "Tổng cộng", "b")
    for j, v in enumerate(totals):
        g.put(r, 3 + j, v, "b")
        code, meas = codes[j // 2]
        rep.add_obs(
            code,
            TP,
            2023,
            1,
            12,
            "target" if j % 2 == 0 else "actual",
            "",
            v,
            meas,
            ("ods", g.name, r, 3 + j),
        )
    r += 2
    g.put(
        r,
        2,
        "Ghi chú: x: không thuộc đối tượng (phường không xây dựng khu dân cư kiểu mẫu; xã không có tổ dân phố).",
        "i",
    )
    r += 2
    g.line(r, 6, 9, "Hà Tĩnh, ngày 15 tháng 12 năm 2023", "i")
    for t in [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "",
        "(Đã ký)",
        "",
        "Võ Thị Hương",
    ]:
        r += 1
        if t:
            g.line(r, 6, 9, t, "b")
    write_ods(rep.path, g)


# ---------------------------------------------------------------------------------------------
TP_2025_WARDS = [
    "Nam Hà",
    "Bắc Hà",
    "Tân Giang",
    "Đại Nài",
    "Hà Huy Tập",
    "Thạch Trung",
    "Thạch Quý",
    "Trần Phú",
    "Văn Yên",
    "Thạch Hạ",
    "Đồng Môn",
    "Thạch Hưng",
]
TP_2025_COMMUNES = [
    "Thạch Bình",
    "Thạch Hải",
    "Đỉnh Bàn",
    "Hộ Độ",
    "Thạch Khê",
    "Thạch Trị",
    "Thạch Lạc",
    "Tượng Sơn",
    "Thạch Văn",
    "Thạch Thắng",
    "Thạch Đài",
    "Thạch Hội",
    "Tân Lâm Hương",
    "Cẩm Bình",
    "Cẩm Vịnh",
]


@report(
    "19_tp_ha_tinh_ho_ngheo_bhyt_6t_2025",
    "xlsx",
    "The last half-year table of the enlarged TP Hà Tĩnh (27 units from 01/01/2025: 12 phường incl. the new "
    "Bắc Hà 18077 and Trần Phú 18094 and the former xã Thạch Trung, Thạch Hạ, Đồng Môn, Thạch Hưng now phường; "
    "15 xã incl. Hộ Độ, Cẩm Bình and 'Cẩm Vịnh' with its new spelling). Issued by Phòng Nội vụ on 25/6/2025. "
    "One row per unit under 'I Các phường' / 'II Các xã', total 'Toàn thành phố' LAST; indicators across the "
    "columns under merged groups 'Hộ nghèo' and 'Bảo hiểm y tế'; a numbering row 'A | B | 1 | 2 | 3=2/1 | 4 | 5 | "
    "6=5/4' and a ĐVT row (Hộ, Hộ, %, Người, Người, %) under the header. The two rates are OBSERVATIONS (Tỷ lệ hộ "
    "nghèo, Tỷ lệ tham gia BHYT) even though the numbering shows them as ratios, and they are stored as "
    "fractions with a % cell format (0.0123 shown 1,23%).",
    "27 units of 2025-H1; rows=units × indicators across; ĐVT row; 3=2/1 rate observations; % cell format "
    "fractions; total last; 6 tháng 2025",
)
def f19(rep):
    rng = random.Random(4362025)
    wb = new_wb()
    ws = wb.active
    ws.title = "Ho ngheo BHYT"
    cols = [
        O(2025, 1, 6, "actual", code="tong_so_ho", measure="Hộ"),
        O(2025, 1, 6, "actual", code="so_ho_ngheo", measure="Hộ"),
        O(2025, 1, 6, "actual", code="ty_le_ho_ngheo", measure="%", check=("ratio", 1, 0)),
        O(2025, 1, 6, "actual", code="dan_so", measure="Người"),
        O(2025, 1, 6, "actual", code="so_nguoi_bhyt", measure="Người"),
        O(2025, 1, 6, "actual", code="bhyt_bao_phu", measure="%", check=("ratio", 4, 3)),
    ]
    data = []
    for i, n in enumerate(TP_2025_WARDS + TP_2025_COMMUNES):
        ward = i < 12
        ho = rng.randint(2100, 5600) if ward else rng.randint(1150, 3100)
        hn = int(round(ho * (rng.uniform(0.002, 0.008) if ward else rng.uniform(0.008, 0.025))))
        ds = int(round(ho * rng.uniform(3.3, 3.8)))
        bh = int(round(ds * rng.uniform(0.925, 0.985)))
        data.append(
            (
                ("Phường " if ward else "Xã ") + n,
                [ho, hn, r2(hn / ho * 100), ds, bh, r2(bh / ds * 100)],
            )
        )
    t = [sum(d[1][k] for d in data) for k in range(6)]
    t[2], t[5] = r2(t[1] / t[0] * 100), r2(t[4] / t[3] * 100)
    fm = lambda v: [v[0], v[1], P(v[2]), v[3], v[4], P(v[5])]
    rows = [S("I", "Các phường")] + [
        R(str(i + 1), u, unit=u, vals=fm(v)) for i, (u, v) in enumerate(data[:12])
    ]
    rows += [S("II", "Các xã")] + [
        R(str(i + 1), u, unit=u, vals=fm(v)) for i, (u, v) in enumerate(data[12:])
    ]
    rows.append(R("", "Toàn thành phố", unit=TP, vals=fm(t), bold=True))
    spec = dict(
        unit=TP,
        lead=["stt", "name"],
        cols=cols,
        rows=rows,
        widths=[5, 24, 11, 10, 10, 11, 12, 11],
        lspan=3,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), ("PHÒNG NỘI VỤ", "bu")],
        title=[
            "SỐ LIỆU HỘ NGHÈO, BẢO HIỂM Y TẾ CÁC PHƯỜNG, XÃ 6 THÁNG ĐẦU NĂM 2025",
            "(Số liệu tính đến ngày 20/6/2025)",
        ],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Đơn vị"),
            (0, 3, 0, 5, "Hộ nghèo"),
            (1, 3, 1, 3, "Tổng số hộ"),
            (1, 4, 1, 4, "Số hộ nghèo"),
            (1, 5, 1, 5, "Tỷ lệ hộ nghèo"),
            (0, 6, 0, 8, "Bảo hiểm y tế"),
            (1, 6, 1, 6, "Dân số"),
            (1, 7, 1, 7, "Số người tham gia BHYT"),
            (1, 8, 1, 8, "Tỷ lệ tham gia BHYT"),
        ],
        header_rows=2,
        numbering=["A", "B", "1", "2", "3=2/1", "4", "5", "6=5/4"],
        dvt_row=["", "ĐVT", "Hộ", "Hộ", "%", "Người", "Người", "%"],
        footer=dict(
            notes=[
                "Ghi chú: Hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP)."
            ],
            place="Hà Tĩnh, ngày 25 tháng 6 năm 2025",
            left=[
                ("NGƯỜI LẬP BIỂU", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Nguyễn Thị Lan", "cb"),
            ],
            right=sign("TRƯỞNG PHÒNG", "Hoàng Văn Nam"),
            rcols=(5, 8),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


@report(
    "20_phuong_tran_phu_quy3_2025",
    "xlsx",
    "UBND Phường Trần Phú — the NEW ward formed on 01/07/2025 (code 18100, which was xã/phường Thạch Hạ's code; "
    "not the old Phường Trần Phú 18070/18094) — reports its first quarter: 'Quý III năm 2025 (từ 01/7 đến "
    "30/9/2025)'. Columns: 'Mục tiêu Đại hội nhiệm kỳ 2025-2030' (nhiem_ky at 2030), 'Kế hoạch 6 tháng cuối năm "
    "2025' (target, months 7–12), 'Thực hiện Quý III/2025' (actual 7–9) and 'Tỷ lệ (%)'. Numbering exactly "
    "'A | B | C | 1 | 2 | 3 | 4=3/2'. Letterhead 'ỦY BAN NHÂN DÂN / PHƯỜNG TRẦN PHÚ' with no city above it. "
    "Measures 'Tr.đ', 'DN', 'lao động', 'Tr.đ/người', '%'. One row not in the catalog (Tỷ lệ hồ sơ TTHC giải "
    "quyết đúng hạn).",
    "new 2025-07-01 ward (18100); Quý III 2025; KH 6 tháng cuối năm; nhiệm kỳ 2025-2030; A|B|C|1|2|3|4=3/2; "
    "Tỷ lệ (%); 1 unknown",
)
def f20(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "Quy III-2025"
    cols = [
        O(2030, 1, 12, "target", "nhiem_ky"),
        O(2025, 7, 12, "target"),
        O(2025, 7, 9, "actual"),
        C("ratio", 2, 1),
    ]
    rows = [
        S("I", "Kinh tế"),
        R("1", "Thu ngân sách trên địa bàn", "Tr.đ", "thu_ngan_sach", ["x", 45000, 21350.6]),
        R("", "Trong đó: Thu tiền sử dụng đất", "Tr.đ", "thu_tien_sdd", ["x", 30000, 13870]),
        R("2", "Số doanh nghiệp thành lập mới", "DN", "doanh_nghiep_moi", ["x", 40, 23]),
        R("3", "Thu nhập bình quân đầu người", "Tr.đ/người", "thu_nhap_binh_quan", [120, "-", "-"]),
        S("II", "Văn hóa - Xã hội"),
        R("4", "Số lao động được tạo việc làm mới", "lao động", "viec_lam_moi", ["x", 350, 186]),
        R("5", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", [97.5, 95, 94.26]),
        R("6", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [0.5, "-", "-"]),
        R("7", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "%", "tthc_dung_han", [100, 100, 99.2]),
        S("III", "Môi trường"),
        R("8", "Tỷ lệ thu gom, xử lý rác thải sinh hoạt", "%", "thu_gom_rac", [100, 100, 98.7]),
        R("9", "Tỷ lệ hộ dân sử dụng nước sạch", "%", "nuoc_sach", [100, 96, 95.4]),
    ]
    spec = dict(
        unit="Phường Trần Phú",
        cols=cols,
        rows=rows,
        widths=[5, 40, 11, 14, 13, 13, 10],
        lspan=3,
        left=[("ỦY BAN NHÂN DÂN", ""), ("PHƯỜNG TRẦN PHÚ", "bu")],
        pre=[("Số: 45/BC-UBND", "l")],
        title=[
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI QUÝ III NĂM 2025",
            "(Từ ngày 01/7/2025 đến ngày 30/9/2025)",
        ],
        header=[
            (0, 1, 0, 1, "STT"),
            (0, 2, 0, 2, "Chỉ tiêu"),
            (0, 3, 0, 3, "ĐVT"),
            (0, 4, 0, 4, "Mục tiêu Đại hội nhiệm kỳ 2025-2030"),
            (0, 5, 0, 5, "Kế hoạch 6 tháng cuối năm 2025"),
            (0, 6, 0, 6, "Thực hiện Quý III/2025"),
            (0, 7, 0, 7, "Tỷ lệ (%)"),
        ],
        header_rows=1,
        numbering=["A", "B", "C", "1", "2", "3", "4=3/2"],
        footer=dict(
            notes=[
                "Ghi chú: Mục tiêu theo Nghị quyết Đại hội Đảng bộ phường lần thứ I, nhiệm kỳ 2025-2030; "
                "x: Nghị quyết không đề ra; (-): chưa có số liệu."
            ],
            place="Trần Phú, ngày 03 tháng 10 năm 2025",
            left=NOI_NHAN(
                "- UBND tỉnh (b/c);", "- Sở Tài chính;", "- TT Đảng ủy phường;", "- Lưu: VT, KT."
            ),
            right=sign("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phan Văn Tuấn"),
            rcols=(5, 7),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


@report(
    "21_phuong_thanh_sen_6t_cuoi_2025_kh_2026",
    "xlsx",
    "UBND Phường Thành Sen (new ward of 01/07/2025, code 18073) in December 2025: the estimate for its first "
    "half-year of existence and the plan for 2026. Three-level header: 'Kết quả năm 2025 và kế hoạch năm 2026' "
    "over '6 tháng cuối năm 2025 (từ 01/7 đến 31/12/2025)' (Kế hoạch | Ước thực hiện | ƯTH/KH (%)) and 'Kế "
    "hoạch năm 2026' (HĐND phường giao | Phấn đấu). Money in Tỷ đồng with three decimals (168,240; 101,685). "
    "Numbering '(1) (2) (3) (4) (5) (6)=(5)/(4) (7) (8)'. One row not in the catalog (Số trường đạt chuẩn quốc "
    "gia).",
    "new ward Thành Sen; 6 tháng cuối năm 2025 (7–12) estimate; KH 2026 hdnd_giao + phan_dau; 3-level header; "
    "ƯTH/KH; tỷ đồng with 3 decimals; 1 unknown",
)
def f21(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "Bieu 01"
    cols = [
        O(2025, 7, 12, "target"),
        O(2025, 7, 12, "estimate"),
        C("ratio", 1, 0),
        O(2026, 1, 12, "target", "hdnd_giao"),
        O(2026, 1, 12, "target", "phan_dau"),
    ]
    rows = [
        S("I", "KINH TẾ - NGÂN SÁCH"),
        R(
            "1",
            "Thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            [152.5, 168.24, 320, 350],
            fmt="#,##0.000",
        ),
        R(
            "-",
            "Trong đó: Tiền sử dụng đất",
            "Tỷ đồng",
            "thu_tien_sdd",
            [95, 101.685, 180, 200],
            fmt="#,##0.000",
        ),
        R(
            "2",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            "ban_le_dich_vu",
            [9850, 10120.4, 21500, 22000],
        ),
        R("3", "Số doanh nghiệp thành lập mới", "DN", "doanh_nghiep_moi", [120, 131, 260, 280]),
        S("II", "VĂN HÓA - XÃ HỘI"),
        R(
            "4",
            "Số lao động được tạo việc làm mới",
            "người",
            "viec_lam_moi",
            [600, 642, 1300, 1400],
        ),
        R("5", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "bhyt_bao_phu", [96, 96.35, 96.8, 97]),
        R("6", "Tỷ lệ hộ nghèo (đa chiều)", "%", "ty_le_ho_ngheo", ["-", 0.38, 0.3, 0.25]),
        R("7", "Số trường đạt chuẩn quốc gia", "trường", "truong_chuan_quoc_gia", [18, 18, 19, 20]),
        S("III", "ĐÔ THỊ - MÔI TRƯỜNG"),
        R("8", "Số tổ dân phố mẫu", "tổ", "to_dan_pho_mau", [4, 5, 8, 10]),
        R("9", "Số tuyến đường văn minh", "tuyến", "tuyen_duong_van_minh", [3, 3, 6, 8]),
    ]
    spec = dict(
        unit="Phường Thành Sen",
        cols=cols,
        rows=rows,
        widths=[5, 42, 9, 12, 12, 10, 12, 12],
        lspan=3,
        left=[("ỦY BAN NHÂN DÂN", ""), ("PHƯỜNG THÀNH SEN", "bu")],
        pre=[("Biểu số 01", "rb")],
        title=[
            "ƯỚC THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG CUỐI NĂM 2025 VÀ KẾ HOẠCH NĂM 2026",
            "(Kèm theo Báo cáo số 210/BC-UBND ngày 12/12/2025 của UBND phường Thành Sen)",
        ],
        header=[
            (0, 1, 2, 1, "STT"),
            (0, 2, 2, 2, "Chỉ tiêu"),
            (0, 3, 2, 3, "ĐVT"),
            (0, 4, 0, 8, "Kết quả năm 2025 và kế hoạch năm 2026"),
            (1, 4, 1, 6, "6 tháng cuối năm 2025 (từ 01/7 đến 31/12/2025)"),
            (1, 7, 1, 8, "Kế hoạch năm 2026"),
            (2, 4, 2, 4, "Kế hoạch"),
            (2, 5, 2, 5, "Ước thực hiện"),
            (2, 6, 2, 6, "ƯTH/KH (%)"),
            (2, 7, 2, 7, "HĐND phường giao"),
            (2, 8, 2, 8, "Phấn đấu"),
        ],
        header_rows=3,
        numbering=["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)", "(8)"],
        footer=dict(
            notes=[
                "Ghi chú: Phường Thành Sen thành lập từ ngày 01/7/2025 nên kế hoạch năm 2025 tính cho 6 tháng cuối năm."
            ],
            place="Thành Sen, ngày 12 tháng 12 năm 2025",
            left=NOI_NHAN(
                "- UBND tỉnh;", "- Sở Tài chính;", "- TT Đảng ủy, HĐND phường;", "- Lưu: VT."
            ),
            right=sign("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng"),
            rcols=(5, 8),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


@report(
    "22_can_loc_ca_nam_2017",
    "xlsx",
    "UBND Huyện Can Lộc / Phòng TC-KH, December 2017: ước thực hiện năm 2017 built from the halves — 'TH 6 "
    "tháng đầu năm' (actual 1–6), 'ƯTH 6 tháng cuối năm' (estimate 7–12) and 'Cả năm' with the numbering "
    "'(4)=(2)+(3)' (estimate 1–12, equal to the sum wherever both halves are given), then 'Thực hiện năm 2016' "
    "(same period last year) and 'So sánh (%)' ƯTH/KH '(6)=(4)/(1)', So CK '(7)=(4)/(5)'. Money in 'Tr.đồng' "
    "(triệu, so seven-digit numbers like 6.450.000), rates and stocks only for the whole year ('-' or blank in "
    "the half columns), 'Xã' for the number of NTM communes. One row not in the catalog (Sản lượng lương thực có hạt — "
    "vụ Xuân + vụ Hè Thu).",
    "(4)=(2)+(3) sum column; 6 tháng đầu + 6 tháng cuối năm + cả năm; So CK vs 2016; Tr.đồng; '-' in halves; "
    "1 unknown",
)
def f22(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "UTH 2017"
    cols = [
        O(2017, 1, 12, "target"),
        O(2017, 1, 6, "actual"),
        O(2017, 7, 12, "estimate"),
        O(2017, 1, 12, "estimate", check=("sum", 1, 2)),
        O(2016, 1, 12, "actual"),
        C("ratio", 3, 0),
        C("ratio", 3, 4),
    ]

    def yr(kh, h1, h2, last):
        return [kh, h1, h2, fix(h1 + h2, 3), last]

    parts = [
        yr(1520000, 702310, 820150, 1380420),
        yr(1830000, 815640, 1002380, 1650330),
        yr(1610000, 748920, 861230, 1470150),
        yr(1490000, 690450, 812600, 1455800),
    ]
    rows = [S("I", "KINH TẾ")]
    rows += gtsx_rows(
        "1",
        parts,
        ["Công nghiệp - TTCN", "Xây dựng", "Thương mại - Dịch vụ", "Nông, lâm nghiệp, thủy sản"],
        "Tr.đồng",
        total_name="Giá trị sản xuất (giá so sánh 2010)",
    )
    rows += [
        R(
            "2",
            "Thu ngân sách trên địa bàn",
            "Tr.đồng",
            "thu_ngan_sach",
            yr(215000, 98650.5, 132400, 205320.8),
        ),
        R(
            "",
            "Trong đó: Thu tiền sử dụng đất",
            "Tr.đồng",
            "thu_tien_sdd",
            yr(90000, 45210, 60000, 88450),
        ),
        R(
            "3",
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tr.đồng",
            "von_dau_tu",
            yr(3200000, 1405600, 1860000, 2950300),
        ),
        R(
            "4",
            "Thu nhập bình quân đầu người",
            "Tr.đ/người",
            "thu_nhap_binh_quan",
            [32, None, None, 32.5, 29.8],
        ),
        R(
            "5",
            "Sản lượng lương thực có hạt",
            "Tấn",
            "san_luong_luong_thuc",
            yr(84000, 52300, 31200, 82950),
        ),
        S("II", "XÃ HỘI - NÔNG THÔN MỚI"),
        R("6", "Giải quyết việc làm mới", "lao động", "viec_lam_moi", yr(1800, 920, 950, 1760)),
        R("7", "Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [6.5, "-", "-", 6.32, 8.74]),
        R("8", "Số xã đạt chuẩn nông thôn mới", "Xã", "so_xa_ntm", [17, "-", "-", 17, 13]),
    ]
    spec = dict(
        unit=CL,
        cols=cols,
        rows=rows,
        widths=[5, 36, 10, 12, 12, 12, 12, 12, 9, 9],
        lspan=3,
        left=[("UBND HUYỆN CAN LỘC", ""), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "bu")],
        title=["ƯỚC THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2017"],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "ĐVT"),
            (0, 4, 1, 4, "Kế hoạch năm 2017"),
            (0, 5, 0, 7, "Ước thực hiện năm 2017"),
            (1, 5, 1, 5, "TH 6 tháng đầu năm"),
            (1, 6, 1, 6, "ƯTH 6 tháng cuối năm"),
            (1, 7, 1, 7, "Cả năm"),
            (0, 8, 1, 8, "Thực hiện năm 2016"),
            (0, 9, 0, 10, "So sánh (%)"),
            (1, 9, 1, 9, "ƯTH/KH"),
            (1, 10, 1, 10, "So CK"),
        ],
        header_rows=2,
        numbering=[
            "A",
            "B",
            "C",
            "(1)",
            "(2)",
            "(3)",
            "(4)=(2)+(3)",
            "(5)",
            "(6)=(4)/(1)",
            "(7)=(4)/(5)",
        ],
        footer=dict(
            notes=[
                "Ghi chú: Sản lượng lương thực 6 tháng đầu năm là vụ Xuân, 6 tháng cuối năm là vụ Hè Thu."
            ],
            place="Can Lộc, ngày 05 tháng 12 năm 2017",
            left=NOI_NHAN(
                "- UBND tỉnh;",
                "- Sở Kế hoạch và Đầu tư;",
                "- TT Huyện ủy, HĐND huyện;",
                "- Lưu: VT, TCKH.",
            ),
            right=sign("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Đức Thịnh"),
            rcols=(7, 10),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


@report(
    "23_tp_ha_tinh_thang10_2018",
    "xlsx",
    "Chi cục Thống kê TP Hà Tĩnh, monthly report for October 2018: 'Kế hoạch năm 2018', 'Thực hiện' over "
    "'Tháng 10/2018 | Lũy kế đến tháng 10', 'Lũy kế cùng kỳ năm trước' (2017, months 1–10), 'So sánh' over "
    "'Tỷ lệ LK/KH (%) | So CK (%)'. The comparison cells AND the BHYT rate row are stored as fractions with a "
    "'0.00%' cell format (0.8712 shown as 87,12%); several amounts are typed as Vietnamese text ('12.016,8', "
    "'1.712'). Numbering '1 … 7 | 8=6/4 | 9=6/7'. ONE COMPARISON CELL IS DELIBERATELY WRONG: the So CK of 'Số "
    "doanh nghiệp thành lập mới' shows 118,42% while 206/190 = 108,42% (see the .mismatch.txt file); the "
    "observations themselves are right. Footer: Người lập biểu / THỦ TRƯỞNG ĐƠN VỊ (Ký, ghi rõ họ tên, đóng dấu).",
    "tháng 10 + lũy kế + lũy kế cùng kỳ; Tỷ lệ LK/KH, So CK as % fractions; % cell format observations; text "
    "numbers; ONE WRONG comparison cell",
)
def f23(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "T10-2018"
    cols = [
        O(2018, 1, 12, "target"),
        O(2018, 10, 10, "actual"),
        O(2018, 1, 10, "actual"),
        O(2017, 1, 10, "actual"),
        C("ratio", 2, 0, pct=True),
        C("ratio", 2, 3, pct=True),
    ]
    rows = [
        R(
            "1",
            "Thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            "thu_ngan_sach",
            [685, 58.4, T(612.35), 548.2],
        ),
        R(
            "",
            "Trong đó: Thu tiền sử dụng đất",
            "Tỷ đồng",
            "thu_tien_sdd",
            [300, 21.5, 265.8, 198.4],
        ),
        R(
            "2",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            "ban_le_dich_vu",
            [14500, T(1275.6), T(12016.8), T(10845.2)],
        ),
        R(
            "3",
            "Số doanh nghiệp thành lập mới",
            "DN",
            "doanh_nghiep_moi",
            [260, 21, 206, 190],
            wrong={5: 118.42},
        ),
        R(
            "4",
            "Giải quyết việc làm mới",
            "Người",
            "viec_lam_moi",
            [T(2000), 165, T(1712), T(1640)],
        ),
        R(
            "5",
            "Số lượt người khám, chữa bệnh",
            "Lượt",
            "luot_kham_benh",
            [135000, 11240, 112380, 104610],
        ),
        R("6", "Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", [P(88), "-", P(87.12), P(84.05)]),
    ]
    spec = dict(
        unit=TP,
        cols=cols,
        rows=rows,
        widths=[5, 40, 9, 11, 12, 12, 12, 11, 10],
        lspan=3,
        left=[("CỤC THỐNG KÊ TỈNH HÀ TĨNH", ""), ("CHI CỤC THỐNG KÊ TP HÀ TĨNH", "bu")],
        title=["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU THÁNG 10 NĂM 2018"],
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Chỉ tiêu"),
            (0, 3, 1, 3, "ĐVT"),
            (0, 4, 1, 4, "Kế hoạch năm 2018"),
            (0, 5, 0, 6, "Thực hiện"),
            (1, 5, 1, 5, "Tháng 10/2018"),
            (1, 6, 1, 6, "Lũy kế đến tháng 10"),
            (0, 7, 1, 7, "Lũy kế cùng kỳ năm trước"),
            (0, 8, 0, 9, "So sánh"),
            (1, 8, 1, 8, "Tỷ lệ LK/KH (%)"),
            (1, 9, 1, 9, "So CK (%)"),
        ],
        header_rows=2,
        numbering=["1", "2", "3", "4", "5", "6", "7", "8=6/4", "9=6/7"],
        footer=dict(
            notes=[
                "Ghi chú: Số liệu thu ngân sách theo KBNN; số lượt khám chữa bệnh gồm cả tuyến tỉnh trên địa bàn."
            ],
            place="Hà Tĩnh, ngày 02 tháng 11 năm 2018",
            left=[
                ("Người lập biểu", "cb"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Phan Thị Thu Hà", "cb"),
            ],
            right=[
                ("THỦ TRƯỞNG ĐƠN VỊ", "cb"),
                ("(Ký, ghi rõ họ tên, đóng dấu)", "ci"),
                ("", "c"),
                ("(Đã ký)", "ci"),
                ("", "c"),
                ("Đặng Quốc Việt", "cb"),
            ],
            rcols=(6, 9),
        ),
    )
    table(rep, ws, spec)
    save_wb(wb, rep)


@report(
    "24_tp_ha_tinh_du_toan_thu_2024_bieu16",
    "xlsx",
    "The standard budget form 'Biểu mẫu số 16' (NĐ 31/2017/NĐ-CP) of TP Hà Tĩnh: 'Dự toán thu ngân sách nhà "
    "nước theo lĩnh vực năm 2024', kèm theo Quyết định số 5120/QĐ-UBND ngày 25/12/2023, 'Đơn vị: Triệu đồng'. "
    "Column groups 'Ước thực hiện năm 2023' and 'Dự toán năm 2024', each split into 'Tổng thu NSNN | Thu NSĐP', "
    "then 'So sánh (%)' '5=3/1 | 6=4/2'. Rows: the grand total (= Thu ngân sách trên địa bàn, 1.213.000 ước "
    "2023), 'I Thu nội địa', items 1–13 with '-' sub-items under the non-state sector, '-' for zero rows, 'II Thu "
    "từ hoạt động xuất nhập khẩu'. Only the total and item 12 'Thu tiền sử dụng đất' are catalog indicators, and "
    "only in the 'Tổng thu NSNN' columns — the 'Thu NSĐP' (local share) columns are a different concept and are "
    "not observations; every other row is listed in unknown.txt.",
    "Biểu mẫu 16 NĐ 31/2017; Đơn vị: Triệu đồng; ƯTH 2023 + dự toán 2024; Tổng thu NSNN vs Thu NSĐP columns; "
    "many unknown rows; '-' sub-items; 5=3/1, 6=4/2",
)
def f24(rep):
    wb = new_wb()
    ws = wb.active
    ws.title = "Bieu 16"
    sh = lambda e, d, k: [e, int(round(e * k)), d, int(round(d * k))]
    nqd = [
        ("Thuế giá trị gia tăng", sh(150200, 162000, 0.4)),
        ("Thuế thu nhập doanh nghiệp", sh(38450, 41000, 0.4)),
        ("Thuế tài nguyên", sh(1800, 2000, 0.4)),
        ("Thu khác", sh(22000, 25000, 0.4)),
    ]
    nqd_t = [sum(v[k] for _, v in nqd) for k in range(4)]
    items = (
        [
            ("1", "Thu từ khu vực DNNN do trung ương quản lý", [8450, 2535, 9000, 2700], None),
            ("2", "Thu từ khu vực DNNN do địa phương quản lý", [3120, 936, 3300, 990], None),
            (
                "3",
                "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài",
                [1860, 558, 2000, 600],
                None,
            ),
            ("4", "Thu từ khu vực kinh tế ngoài quốc doanh", nqd_t, None),
        ]
        + [("-", n, v, None) for n, v in nqd]
        + [
            ("5", "Thuế thu nhập cá nhân", [48620, 19448, 52000, 20800], None),
            ("6", "Thuế bảo vệ môi trường", [2310, 693, 2500, 750], None),
            ("7", "Lệ phí trước bạ", [95240, 95240, 100000, 100000], None),
            ("8", "Thu phí, lệ phí", [18560, 12400, 19000, 12800], None),
            ("9", "Thuế sử dụng đất nông nghiệp", ["-", "-", "-", "-"], None),
            ("10", "Thuế sử dụng đất phi nông nghiệp", [6240, 6240, 6500, 6500], None),
            ("11", "Tiền cho thuê đất, thuê mặt nước", [41380, 41380, 45000, 45000], None),
            ("12", "Thu tiền sử dụng đất", [745600, 596480, 590000, 472000], "thu_tien_sdd"),
            ("13", "Thu khác ngân sách", [29170, 18650, 25700, 16000], None),
        ]
    )
    top = [it for it in items if it[0] != "-"]
    tnd = [sum(v[k] for _, _, v, _ in top if not isinstance(v[k], str)) for k in range(4)]
    assert tnd[0] == 1213000 and tnd[2] == 1085000, tnd
    cols = [
        O(2023, 1, 12, "estimate"),
        N(),
        O(2024, 1, 12, "target"),
        N(),
        C("ratio", 2, 0),
        C("ratio", 3, 1),
    ]
    rows = [
        R(
            "",
            "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN",
            code="thu_ngan_sach",
            vals=tnd,
            bold=True,
        ),
        R("I", "Thu nội địa", vals=tnd, bold=True),
    ]
    for stt, name, v, code in items:
        rows.append(R(stt, name, code=code, vals=v, italic=(stt == "-")))
    rows.append(R("II", "Thu từ hoạt động xuất nhập khẩu", vals=["-", "-", "-", "-"], bold=True))
    spec = dict(
        unit=TP,
        lead=["stt", "name"],
        cols=cols,
        rows=rows,
        measure="Triệu đồng",
        widths=[5, 48, 13, 13, 13, 13, 10, 10],
        lspan=2,
        left=[("UBND THÀNH PHỐ HÀ TĨNH", "b")],
        pre=[("Biểu mẫu số 16", "rb")],
        title=[
            "DỰ TOÁN THU NGÂN SÁCH NHÀ NƯỚC THEO LĨNH VỰC NĂM 2024",
            "(Kèm theo Quyết định số 5120/QĐ-UBND ngày 25/12/2023 của UBND thành phố Hà Tĩnh)",
        ],
        unit_line="Đơn vị: Triệu đồng",
        header=[
            (0, 1, 1, 1, "STT"),
            (0, 2, 1, 2, "Nội dung"),
            (0, 3, 0, 4, "Ước thực hiện năm 2023"),
            (1, 3, 1, 3, "Tổng thu NSNN"),
            (1, 4, 1, 4, "Thu NSĐP"),
            (0, 5, 0, 6, "Dự toán năm 2024"),
            (1, 5, 1, 5, "Tổng thu NSNN"),
            (1, 6, 1, 6, "Thu NSĐP"),
            (0, 7, 0, 8, "So sánh (%)"),
            (1, 7, 1, 7, "Tổng thu NSNN"),
            (1, 8, 1, 8, "Thu NSĐP"),
        ],
        header_rows=2,
        numbering=["A", "B", "1", "2", "3", "4", "5=3/1", "6=4/2"],
        footer=dict(
            place="Hà Tĩnh, ngày 25 tháng 12 năm 2023",
            right=sign("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Huy Hoàng"),
            rcols=(5, 8),
        ),
    )
    table(rep, ws, spec)
    rep.add_unknown("Thu NSĐP")
    save_wb(wb, rep)


@report(
    "25_ba_phuong_2021_nhieu_sheet",
    "xlsx",
    "One workbook with a sheet PER WARD (Nam Hà, Tân Giang, Văn Yên of TP Hà Tĩnh), as a city office collects "
    "them: the ward is named only in each sheet's letterhead ('UBND PHƯỜNG NAM HÀ') and in the place line. Each "
    "sheet reports Kế hoạch năm 2021 / Thực hiện năm 2021 / TH/KH (%), but the three sheets differ: the first has "
    "STT, Chỉ tiêu, ĐVT; the second has NO STT column and its table starts three rows lower; the third has no ĐVT "
    "column — the measure is in parentheses in the name ('Tổng số hộ (hộ)', 'Tỷ lệ hộ nghèo (%)'). 'x' where no "
    "plan is set. Budget revenue is in 'đồng' (ten-digit numbers, as the Kho bạc prints them).",
    "sheet per ward, unit only in letterhead; no-STT sheet; header lower; measure in parentheses; 'đồng'; TH/KH; cả năm 2021",
)
def f25(rep):
    wb = new_wb()
    first = True
    wards = [
        (
            "Nam Ha",
            "Phường Nam Hà",
            "NAM HÀ",
            "Nam Hà",
            [3120, 14, 3010, 10780, 10396, 210, 94, 95.1],
        ),
        (
            "Tan Giang",
            "Phường Tân Giang",
            "TÂN GIANG",
            "Tân Giang",
            [2760, 12, 2905, 9985, 9478, 180, 93, 93.62],
        ),
        (
            "Van Yen",
            "Phường Văn Yên",
            "VĂN YÊN",
            "Văn Yên",
            [2415, 25, 2470, 9120, 8410, 160, 92, 91.4],
        ),
    ]
    for k, (sheet, unit, upper, short, d) in enumerate(wards):
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sheet
        ho_kh, hn_kh, ho, ds, bh, vl, gd_kh, gd = d
        hn = {0: 9, 1: 11, 2: 21}[k]
        tn_kh, tn = [(7120000000, 7845320500), (5480000000, 5102764300), (4350000000, 4718090000)][
            k
        ]
        ind = [
            ("Thu ngân sách trên địa bàn", "đồng", "thu_ngan_sach", [tn_kh, tn]),
            ("Tổng số hộ", "hộ", "tong_so_ho", ["x", ho]),
            ("Số hộ nghèo", "hộ", "so_ho_ngheo", [hn_kh, hn]),
            ("Tỷ lệ hộ nghèo", "%", "ty_le_ho_ngheo", [r2(hn_kh / ho_kh * 100), r2(hn / ho * 100)]),
            ("Số người tham gia BHYT", "người", "so_nguoi_bhyt", [int(ds * 0.95), bh]),
            ("Tỷ lệ dân số tham gia BHYT", "%", "bhyt_bao_phu", [95, r2(bh / ds * 100)]),
            ("Giải quyết việc làm mới", "lao động", "viec_lam_moi", [vl, vl + 12 * (k + 1)]),
            ("Tỷ lệ gia đình văn hóa", "%", "gia_dinh_van_hoa", [gd_kh, gd]),
        ]
        if k == 0:
            lead = ["stt", "name", "dvt"]
            rows = [R(str(i + 1), n, dv, c, v) for i, (n, dv, c, v) in enumerate(ind)]
            header = [
                (0, 1, 0, 1, "STT"),
                (0, 2, 0, 2, "Chỉ tiêu"),
                (0, 3, 0, 3, "ĐVT"),
                (0, 4, 0, 4, "Kế hoạch năm 2021"),
                (0, 5, 0, 5, "Thực hiện năm 2021"),
                (0, 6, 0, 6, "TH/KH (%)"),
            ]
            widths = [5, 34, 9, 13, 13, 10]
        elif k == 1:
            lead = ["name", "dvt"]
            rows = [R(None, n, dv, c, v) for n, dv, c, v in ind]
            header = [
                (0, 1, 0, 1, "Chỉ tiêu"),
                (0, 2, 0, 2, "Đơn vị tính"),
                (0, 3, 0, 3, "Kế hoạch năm 2021"),
                (0, 4, 0, 4, "Thực hiện năm 2021"),
                (0, 5, 0, 5, "TH/KH (%)"),
            ]
            widths = [36, 10, 13, 13, 10]
        else:
            lead = ["stt", "name"]
            rows = [
                R(str(i + 1), f"{n} ({dv})", None, c, v, measure=dv)
                for i, (n, dv, c, v) in enumerate(ind)
            ]
            header = [
                (0, 1, 0, 1, "TT"),
                (0, 2, 0, 2, "Chỉ tiêu"),
                (0, 3, 0, 3, "Kế hoạch năm 2021"),
                (0, 4, 0, 4, "Thực hiện năm 2021"),
                (0, 5, 0, 5, "TH/KH (%)"),
            ]
            widths = [5, 40, 13, 13, 10]
        spec = dict(
            unit=unit,
            lead=lead,
            cols=[O(2021, 1, 12, "target"), O(2021, 1, 12, "actual"), C("ratio", 1, 0)],
            rows=rows,
            widths=widths,
            lspan=2,
            top=1 if k != 1 else 4,
            left=[("UBND THÀNH PHỐ HÀ TĨNH", ""), (f"UBND PHƯỜNG {upper}", "bu")],
            title=["KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2021"],
            header=header,
            header_rows=1,
            footer=dict(
                place=f"{short}, ngày 10 tháng 01 năm 2022",
                right=sign(
                    "TM. UBND PHƯỜNG",
                    "CHỦ TỊCH",
                    ["Lê Văn Minh", "Hoàng Thị Yến", "Nguyễn Đình Quang"][k],
                ),
                rcols=(len(lead) + 1, len(lead) + 3),
            ),
        )
        table(rep, ws, spec)
    save_wb(wb, rep)


# =============================================================================================
# Writing the expectations, checking them against the files read back, README
# =============================================================================================
def write_expected(rep):
    with open(
        os.path.join(HERE, rep.stem + ".expected.csv"), "w", encoding="utf-8", newline=""
    ) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(EXPECTED_HEADER)
        for o in rep.obs:
            w.writerow(
                [
                    o["indicator_code"],
                    o["unit_code"],
                    o["unit_name"],
                    o["year"],
                    o["month_from"],
                    o["month_to"],
                    o["kind"],
                    o["target_source"],
                    fmtv(o["value"]),
                    o["measure"],
                ]
            )
    with open(os.path.join(HERE, rep.stem + ".unknown.txt"), "w", encoding="utf-8") as f:
        f.write("REFUSE\n" if rep.refuse else "".join(n + "\n" for n in rep.unknown))
    mm = os.path.join(HERE, rep.stem + ".mismatch.txt")
    if rep.mismatch:
        with open(mm, "w", encoding="utf-8") as f:
            f.write("".join(m + "\n" for m in rep.mismatch))
    elif os.path.exists(mm):
        os.remove(mm)


def parse_any(raw, fmt=""):
    if raw is None:
        return None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw) * (100 if "%" in (fmt or "") else 1)
    return parse_vn(raw)


def open_for_check(rep):
    """Return (get(loc) -> (raw, number_format), list of all text cells as stored)."""
    if rep.ext == "xlsx":
        wb = openpyxl.load_workbook(rep.path)

        def get(loc):
            cell = wb[loc[1]].cell(row=loc[2], column=loc[3])
            return cell.value, cell.number_format

        strings = [
            c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)
        ]
        return get, strings
    if rep.ext == "csv":
        raw = open(rep.path, "rb").read()
        if "cp1258" in rep.stem:
            assert not raw.startswith(b"\xef\xbb\xbf")
            try:
                raw.decode("utf-8")
                raise AssertionError("cp1258 file decodes as UTF-8")
            except UnicodeDecodeError:
                pass
            text = raw.decode("cp1258")
            assert unicodedata.normalize("NFC", text) != text, (
                "cp1258 text should carry combining tone marks"
            )
        else:
            assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 CSV must start with a BOM"
            text = raw.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        return (lambda loc: (rows[loc[1]][loc[2]], "")), [s for row in rows for s in row]
    if rep.ext == "ods":
        sheets = read_ods(rep.path)
        strings = [v for g in sheets.values() for v in g.values() if isinstance(v, str)]
        return (lambda loc: (sheets[loc[1]].get((loc[2], loc[3])), "")), strings
    raise ValueError(rep.ext)


def check(rep):
    problems = []
    get, strings = open_for_check(rep)
    keys = set()
    for o in rep.obs:
        k = tuple(o[x] for x in EXPECTED_HEADER[:8])
        if k in keys:
            problems.append(f"duplicate observation {k}")
        keys.add(k)
        if o["indicator_code"] not in CATALOG:
            problems.append(f"not a catalog code {o['indicator_code']}")
        if not unit_valid(o["unit_code"], o["unit_name"], o["year"], o["month_from"]):
            problems.append(
                f"unit {o['unit_code']} {o['unit_name']} not valid at {o['year']}-{o['month_from']}"
            )
        if not (1 <= o["month_from"] <= o["month_to"] <= 12):
            problems.append(f"bad months {k}")
        loc = o["loc"]
        raw, fmt = get(loc)
        if loc[0] == "xlsx" and loc[4] == "mark":
            yes, no = loc[5]
            s = "" if raw is None else str(raw).strip()
            got = 1.0 if s == yes else 0.0 if s == (no or "") else None
        else:
            got = parse_any(raw, fmt)
        if got is None or abs(got - o["value"]) > 1e-6 * max(1.0, abs(o["value"])):
            problems.append(f"{loc}: file has {raw!r} ({fmt}), expected {o['value']}")
        if not o["measure"]:
            problems.append(f"{loc}: empty measure")
    for cp in rep.comps:
        t = parse_any(*get(cp["loc"]))
        a, b = parse_any(*get(cp["src"][0])), parse_any(*get(cp["src"][1]))
        if None in (t, a, b):
            problems.append(f"comparison {cp['loc']}: unreadable")
            continue
        if cp["op"] == "sum":
            ok = abs(t - (a + b)) < 1e-6 * max(1.0, abs(t))
        else:
            ok = abs(t - op_value(cp["op"], a, b, cp["n"])) < 1e-6
        if ok == cp["wrong"]:
            problems.append(
                f"comparison {cp['loc']}: {t} vs {op_value(cp['op'], a, b, cp['n'])} (wrong={cp['wrong']})"
            )
    nfc = [unicodedata.normalize("NFC", s) for s in strings]
    for name in [] if rep.refuse else rep.unknown:
        if not any(unicodedata.normalize("NFC", name) in s for s in nfc):
            problems.append(f"unknown name not in file: {name}")
    for t in rep.texts:
        if not any(t in s or t in unicodedata.normalize("NFC", s) for s in strings):
            problems.append(f"text not found as stored: {t!r}")
    if rep.refuse:
        if rep.obs:
            problems.append("legacy file with observations")
        viet = [s for s in strings if any(ord(ch) > 0xFF and ch not in "–—‘’“”…" for ch in s)]
        if viet:
            problems.append(f"legacy file holds Unicode Vietnamese: {viet[:3]}")
    if "nfd" in rep.stem:
        if not all(unicodedata.is_normalized("NFD", s) for s in strings):
            problems.append("NFD file has non-NFD text")
        if all(unicodedata.is_normalized("NFC", s) for s in strings):
            problems.append("NFD file has no decomposed text")
    if rep.mismatch and not any(cp["wrong"] for cp in rep.comps):
        problems.append("mismatch listed but no wrong comparison")
    return problems


README_HEAD = """# Realistic report files (held-out loader test material)

Files written by `make_realistic.py` (run it with `.venv/bin/python tests/realistic/make_realistic.py`;
deterministic, seeded). They imitate what statisticians (cán bộ thống kê) of Hà Tĩnh offices — city,
district, ward, commune, Chi cục Thống kê — actually send: letterheads and quốc hiệu, form codes,
merged multi-level headers, numbering rows, comparison columns, sections and sub-items, footers with
Ghi chú / Nơi nhận / signatures, numbers typed as text, mixed measures, legacy encodings. They were
built from domain knowledge (shared/domain.md §7, §10, the catalog and admin_units.csv), **not** from the
loader's code, so they test the loader on material it has never seen.

For every report `X.ext`:

- `X.expected.csv` — `indicator_code,unit_code,unit_name,year,month_from,month_to,kind,target_source,value,measure`,
  one row per observation a perfect loader should store. Conventions:
  - the period is a span of months (6 tháng = 1–6, 9 tháng = 1–9, Quý III = 7–9, tháng 10 = 10–10,
    lũy kế đến tháng 10 = 1–10, 6 tháng cuối năm = 7–12, cả năm / kế hoạch năm = 1–12);
  - kind: kế hoạch / dự toán / mục tiêu = `target`; ước thực hiện = `estimate`; thực hiện, cùng kỳ,
    lũy kế cùng kỳ = `actual` (same months, previous year);
  - target_source: `tinh_giao`, `hdnd_giao` (HĐND thành phố/huyện/phường giao), `phan_dau`, `nhiem_ky`
    (term / 5-year target, stored at the term's end year, months 1–12), otherwise empty;
  - unit_code/unit_name come from data/admin_units.csv and are the unit valid at the period (codes are
    reused: 18100 is Xã Thạch Hạ until 2024, Phường Thạch Hạ in 2025-H1, the new Phường Trần Phú from
    07/2025). A total row ("Tổng cộng", "Toàn thành phố", "Toàn huyện") belongs to the parent unit;
  - value and measure as the file states them (the ĐVT cell, the ĐVT row, the "Đơn vị tính:" line, the
    parentheses in a name, or the don_vi_tinh column — e.g. `Tr.đồng`, `1.000 đồng`, `lao động`). A cell
    stored as a fraction with a % number format (0.8712 shown 87,12%) is the value 87.12 with measure `%`.
    NTM criteria (no measure in the file) are `ntm_tcNN` with 1 = đạt, 0 = chưa đạt, measure `Đạt/Không`;
  - comparison columns (So sánh, TH/KH, ƯTH/KH, So CK, TH/DT, So DT, Tỷ lệ LK/KH, Tỷ lệ (%), Tốc độ
    tăng, Tăng BQ), counts of criteria met, Thu NSĐP, Năm đạt chuẩn, Ghi chú and Đánh giá are NOT
    observations; neither are rows whose indicator is not in the catalog.
- `X.unknown.txt` — the indicator names in the file that are not in the catalog (one a line; empty if
  none). For the legacy-encoded files it holds the single word `REFUSE` and `X.expected.csv` holds only
  the header: a good loader must refuse them.
- `X.mismatch.txt` (only for report 23) — the one comparison cell that is deliberately wrong.

Every comparison cell except that one equals its formula computed from the cells it compares, rounded
half-up to 2 decimals; the script re-reads every file and checks this and every expected row.

## The files
"""


def main():
    os.makedirs(HERE, exist_ok=True)
    all_ok = True
    summary = []
    paras = []
    for rep, fn in REPORTS:
        fn(rep)
        if rep.refuse:
            rep.obs = []
        write_expected(rep)
        problems = check(rep)
        if problems:
            all_ok = False
            print(f"!! {rep.fname}")
            for p in problems[:20]:
                print("   ", p)
        n_unknown = "REFUSE" if rep.refuse else str(len(rep.unknown))
        summary.append((rep.fname, len(rep.obs), n_unknown, rep.conv))
        unk = (
            "refused (legacy encoding)"
            if rep.refuse
            else ("unknown: " + "; ".join(rep.unknown) if rep.unknown else "no unknown indicators")
        )
        paras.append(f"### {rep.fname}\n\n{rep.note}\n\n*Observations: {len(rep.obs)}; {unk}.*\n")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(
            README_HEAD + "\n| file | observations | unknown | conventions |\n|---|---|---|---|\n"
        )
        for name, n, u, conv in summary:
            f.write(f"| {name} | {n} | {u} | {conv.replace('|', '/')} |\n")
        f.write("\n" + "\n".join(paras))
    for name, n, u, conv in summary:
        print(f"{name:48s} {n:4d} obs  unknown={u:6s} {conv}")
    print("ALL CHECKS PASSED" if all_ok else "CHECK FAILURES")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
