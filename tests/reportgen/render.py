"""Writing a composed sheet: .xlsx (openpyxl, merged header cells, number formats), .csv (UTF-8 with
BOM or Windows-1258 with combining tone marks), Unicode decomposed (NFD) text, and the legacy
TCVN3 / VNI encodings that old offices still type in (which a loader must refuse)."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field

# TCVN3 (ABC, ".VnTime" fonts): lower-case letters with marks as single Latin-1-looking characters
_TCVN3 = dict(
    zip(
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô­õøö÷ùúýûüþ¡¢§£¤¥¦",
    )
)
# VNI-Windows: a base letter followed by mark characters
_VNI_TONE = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_TONE_HAT = {
    "\u0300": "à",
    "\u0301": "á",
    "\u0309": "å",
    "\u0303": "ã",
    "\u0323": "ä",
}  # after â ê ô
_VNI_TONE_BREVE = {
    "\u0300": "è",
    "\u0301": "é",
    "\u0309": "ú",
    "\u0303": "ü",
    "\u0323": "ë",
}  # after ă


def tcvn3(text: str) -> str:
    """Unicode → TCVN3 as the cells of a .VnTime workbook hold it (capitals with marks lose them, as
    .VnTimeH users type lower-case codes)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3:
            out.append(_TCVN3[ch])
        elif ch.lower() in _TCVN3 and ch.isupper():
            out.append(_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        if not marks:
            out.append(ch)
            continue
        upper = base.isupper()
        shape = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
        tone = next((m for m in marks if m in _VNI_TONE), None)
        b = base.lower()
        if shape == "\u031b":  # horn: ơ ư
            code = {"o": "ô", "u": "ö"}[b]
            letters = code
            tail = _VNI_TONE.get(tone, "")
        elif shape == "\u0302":  # â ê ô: one mark character says the hat and the tone
            letters, tail = b + (_VNI_TONE_HAT[tone] if tone else "â"), ""
        elif shape == "\u0306":
            letters, tail = b + (_VNI_TONE_BREVE[tone] if tone else "ê"), ""
        else:
            letters = b
            if b == "i":
                letters, tail = (
                    {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}.get(
                        tone, "i"
                    ),
                    "",
                )
            elif b == "y" and tone == "\u0323":
                letters, tail = "î", ""
            else:
                tail = _VNI_TONE.get(tone, "")
        word = letters + tail
        out.append(word.upper() if upper else word)
    return "".join(out)


@dataclass
class Sheet:
    name: str
    rows: list[list]
    merges: list[str] = field(default_factory=list)  # "A6:A7"
    formats: dict[str, str] = field(default_factory=dict)  # "E9" → "0.00%"


def _texts(sheet: Sheet, fn) -> Sheet:
    return Sheet(
        sheet.name,
        [[fn(c) if isinstance(c, str) else c for c in row] for row in sheet.rows],
        sheet.merges,
        sheet.formats,
    )


def xlsx(sheets: list[Sheet], text: str = "nfc") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for s in sheets:
        if text == "nfd":
            s = _texts(s, lambda t: unicodedata.normalize("NFD", t))
        elif text == "tcvn3":
            s = _texts(s, tcvn3)
        elif text == "vni":
            s = _texts(s, vni)
        ws = book.create_sheet(s.name)
        for row in s.rows:
            ws.append(list(row))
        for rng in s.merges:
            ws.merge_cells(rng)
        for cell, fmt in s.formats.items():
            ws[cell].number_format = fmt
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv_cell(value) -> str:
    """What Excel in a Vietnamese locale writes for a cell: "1234,5", "48,08%"."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.10g}"
        return text.replace(".", ",")
    return str(value)


def csv_bytes(
    rows: list[list],
    encoding: str = "utf-8-sig",
    delimiter: str = ";",
    formats: dict[str, str] | None = None,
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    percent = {k for k, v in (formats or {}).items() if "%" in v}
    for r, row in enumerate(rows):
        out = []
        for c, cell in enumerate(row):
            ref = f"{_letter(c)}{r + 1}"
            if ref in percent and isinstance(cell, float):
                out.append(f"{cell * 100:.10g}".replace(".", ",") + "%")
            else:
                out.append(_csv_cell(cell))
        writer.writerow(out)
    text = buffer.getvalue()
    if encoding == "cp1258":
        # Windows writes Vietnamese "ANSI" text with combining tone marks over precomposed base letters
        return _cp1258(text)
    return text.encode(encoding)


def _letter(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def _cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        # keep the base with its shape mark (â ê ô ă ơ ư) precomposed, the tone as a combining mark
        base = unicodedata.normalize(
            "NFC", "".join(p for p in parts if p not in "\u0300\u0301\u0303\u0309\u0323")
        )
        tones = "".join(p for p in parts if p in "\u0300\u0301\u0303\u0309\u0323")
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)
