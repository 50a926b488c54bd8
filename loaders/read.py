"""Reading files into sheets of cells: .xlsx/.xlsm, .xls, .ods through python-calamine, .csv/.txt in
UTF-8 (with or without BOM) or UTF-16 with ";", "," or tab delimiters. The format is sniffed from the
bytes, not the extension. Safety checks (size, decompression bombs, passwords) run before parsing."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from loaders import encoding
from loaders.cells import column_index, column_letter
from loaders.problems import Problem, problem
from vn.numbers import number

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Limits:
    """Configurable limits (bytes of the upload, cells of one sheet, zip expansion)."""

    max_bytes: int = 20 * 1024 * 1024
    max_cells: int = 10_000_000
    max_unzipped: int = 1024 * 1024 * 1024
    max_ratio: float = 200.0


@dataclass
class Sheet:
    name: str
    rows: list[list]  # from A1, rows padded to the same width
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    hidden_cols: set[int] = field(default_factory=set)

    @property
    def percent_cells(self) -> set[tuple[int, int]]:
        """Cells (0-based row, col) whose number format is a percentage (.xlsx only)."""
        return set()

    @property
    def empty_formula_cells(self) -> set[tuple[int, int]]:
        """Cells (0-based row, col) holding a formula but no computed value (.xlsx written by a program
        and never opened in a spreadsheet): calamine reads them as blank."""
        return set()


class ReadFailure(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def sniff(data: bytes) -> str:
    """xlsx | ods | xls | encrypted | csv | unknown."""
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(CFB_MAGIC):
        if (
            "EncryptedPackage".encode("utf-16-le") in data[: 1 << 20]
            or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data[-65536:]
        ):
            return "encrypted"
        return "xls"
    return "text"


def check_zip(name: str, data: bytes, limits: Limits) -> tuple[str, zipfile.ZipFile]:
    """('xlsx' | 'ods', archive) or ReadFailure for corrupt archives and decompression bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadFailure(problem("not-a-spreadsheet", name, None, None, "corrupt")) from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    worst = max(
        (i.file_size / max(i.compress_size, 1) for i in infos if i.file_size > 10 << 20), default=0
    )
    if (
        total > limits.max_unzipped
        or worst > limits.max_ratio
        or (total > 100 << 20 and total / packed > limits.max_ratio)
    ):
        raise ReadFailure(problem("zip-bomb", name, None, None, size_mb=number(total / 2**20, 0)))
    names = {i.filename for i in infos}
    if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
        return "ods", archive
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsx", archive
    raise ReadFailure(problem("not-a-spreadsheet", name, None, None, "archive"))


# ------------------------------------------------------------------ xlsx hidden rows and columns
_SHEET_REL = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"', re.S)
_SHEET_REL2 = re.compile(rb'<sheet\b[^>]*?r:id="([^"]+)"[^>]*?name="([^"]*)"', re.S)
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', re.S)
_REL2 = re.compile(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', re.S)
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUM = re.compile(rb'\br="(\d+)"')
_COL = re.compile(rb"<col\b[^>]*?>")
_ATTR = re.compile(rb'\b(min|max|hidden)="([^"]*)"')
_CELL_AT = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')
_ROW_AT = re.compile(rb'<row\b[^>]*?\br="(\d{1,7})"')
_CELL_LETTERS = re.compile(rb'<c r="([A-Z]{1,3})')


def _unescape(raw: bytes) -> str:
    return (
        raw.decode("utf-8", "replace")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
    )


def xlsx_sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {rid: tgt for rid, tgt in _REL.findall(rels)}
    targets.update({rid: tgt for tgt, rid in _REL2.findall(rels)})
    pairs = {rid: nm for nm, rid in _SHEET_REL.findall(book)}
    pairs.update({rid: nm for rid, nm in _SHEET_REL2.findall(book)})
    paths = {}
    for rid, raw_name in pairs.items():
        target = targets.get(rid)
        if target is None:
            continue
        t = target.decode()
        path = t.lstrip("/") if t.startswith("/") else "xl/" + t
        paths[_unescape(raw_name)] = path
    return paths


_DIMENSION = re.compile(rb'<dimension\b[^>]*?ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


def xlsx_dimension(archive: zipfile.ZipFile, path: str) -> int:
    """Cells the sheet declares (its <dimension>), read from the first bytes only."""
    try:
        with archive.open(path) as handle:
            head = handle.read(4096)
    except (KeyError, zipfile.BadZipFile, OSError):
        return 0
    m = _DIMENSION.search(head)
    if not m:
        return 0
    return (column_index(m.group(1).decode()) + 1) * int(m.group(2))


_NUMFMT = re.compile(rb'<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_XF = re.compile(rb"<xf\b[^>]*>")
_XF_FMT = re.compile(rb'\bnumFmtId="(\d+)"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"')
BUILTIN_PERCENT = {9, 10}  # "0%", "0.00%"


def xlsx_percent_styles(archive: zipfile.ZipFile) -> set[int]:
    """Cell style indexes (the `s` of a cell) whose number format is a percentage, from styles.xml."""
    try:
        xml = archive.read("xl/styles.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return set()
    percent_fmts = set(BUILTIN_PERCENT)
    for fmt_id, code in _NUMFMT.findall(xml):
        if is_percent_format(_unescape(code)):
            percent_fmts.add(int(fmt_id))
    start, end = xml.find(b"<cellXfs"), xml.find(b"</cellXfs>")
    if start < 0 or end < 0:
        return set()
    styles = set()
    for index, tag in enumerate(_XF.findall(xml[start:end])):
        m = _XF_FMT.search(tag)
        if m and int(m.group(1)) in percent_fmts:
            styles.add(index)
    return styles


@dataclass
class SheetScan:
    """What calamine does not tell: hidden rows and columns, and cells formatted as percentages."""

    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    percent_cells: set[tuple[int, int]] = field(default_factory=set)
    empty_formula_cells: set[tuple[int, int]] = field(default_factory=set)
    # the real extent (1-based last row and column any cell or row names): a file can declare
    # A1:B2 and hold a cell at XFD1048576, and calamine builds the whole grid before we see it
    last_row: int = 0
    last_col: int = 0


_COMPUTED = re.compile(rb"<v>[^<]+</v>")


def _empty_formulas(whole: bytes, scan: SheetScan) -> None:
    """Cells whose <c> holds an <f> and no computed <v> (absent, <v/> or <v></v>, as openpyxl writes
    them); searched only near formula tags."""
    at = whole.find(b"<f")
    while at >= 0:
        begin = whole.rfind(b"<c ", 0, at)
        end = whole.find(b"</c>", at)
        if begin >= 0 and end >= 0 and not _COMPUTED.search(whole, at, end):
            m = _CELL_REF.match(whole, begin)
            if m:
                scan.empty_formula_cells.add(
                    (int(m.group(2)) - 1, column_index(m.group(1).decode()))
                )
        at = whole.find(b"<f", (end if end >= 0 else at) + 1)


def _extent(whole: bytes, scan: SheetScan) -> None:
    """Grow the scan's last row and column by the references in a piece of sheet XML. The common
    shape (`<c r="B12"` first, cells inside rows no longer than the row's own number) is read with
    fast patterns; any other shape (another attribute first, a cell numbered past its rows) falls
    back to reading every reference, so a hostile file cannot hide a far cell."""
    rows = _ROW_AT.findall(whole)
    if rows:
        scan.last_row = max(scan.last_row, max(map(int, rows)))
    letters = _CELL_LETTERS.findall(whole)
    if letters:
        scan.last_col = max(scan.last_col, max(column_index(c.decode()) for c in set(letters)) + 1)
    longer = len(str(scan.last_row)) + 1  # a cell whose row number has more digits than any row's
    if whole.count(b"<c ") != len(letters) or re.search(
        rb'<c r="[A-Z]{1,3}\d{%d,}' % longer, whole
    ):
        cells = _CELL_AT.findall(whole)
        if cells:
            columns, numbers = zip(*cells)
            scan.last_col = max(
                scan.last_col, max(column_index(c.decode()) for c in set(columns)) + 1
            )
            scan.last_row = max(scan.last_row, max(map(int, set(numbers))))
    # left: a cell numbered past its row with as many digits as the last row (at most ten times the
    # rows counted); the parse worker's memory cap stands behind that


def xlsx_scan(
    archive: zipfile.ZipFile, path: str, percent_styles: frozenset[int] | set[int] = frozenset()
) -> SheetScan:
    """Hidden rows and columns (0-based) and percent-formatted cells of one sheet's XML. Runs beside
    calamine in a thread and streams the XML in 1 MB pieces (zlib releases the GIL; the sheet is never
    held whole in memory); pieces are searched with bytes.find, regular expressions run only near hits."""
    scan = SheetScan()
    try:
        handle = archive.open(path)
    except (KeyError, zipfile.BadZipFile, OSError):
        return scan
    markers = [f' s="{i}"'.encode() for i in sorted(percent_styles)]
    tail = b""
    head_done = False
    try:
        with handle:
            while True:
                piece = handle.read(1 << 20)
                if not piece:
                    break
                chunk = tail + piece
                if not head_done:
                    head_end = chunk.find(b"<sheetData")
                    if head_end >= 0 or len(chunk) > (4 << 20):
                        head_done = True
                        for tag in _COL.findall(chunk[: max(head_end, 0)]):
                            attrs = dict(_ATTR.findall(tag))
                            if attrs.get(b"hidden") in (b"1", b"true"):
                                lo, hi = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
                                scan.hidden_cols.update(range(lo - 1, min(hi, 16384)))
                    else:
                        tail = chunk
                        continue
                cut = chunk.rfind(
                    b"<"
                )  # a tag cut at the piece's end is searched again with the next piece
                whole = chunk[:cut] if cut >= 0 and len(chunk) - cut < 4096 else chunk
                if b'hidden="' in whole:
                    for tag in _HIDDEN_ROW.findall(whole):
                        m = _ROW_NUM.search(tag)
                        if m:
                            scan.hidden_rows.add(int(m.group(1)) - 1)
                if b"<f" in whole:
                    _empty_formulas(whole, scan)
                _extent(whole, scan)
                for marker in markers:
                    at = whole.find(marker)
                    while at >= 0:
                        begin = whole.rfind(b"<", 0, at)
                        m = _CELL_REF.match(
                            whole, begin
                        )  # the <c> tag holding the style (r= before or after s=)
                        if m:
                            scan.percent_cells.add(
                                (int(m.group(2)) - 1, column_index(m.group(1).decode()))
                            )
                        at = whole.find(marker, at + 1)
                tail = chunk[len(whole) :]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return SheetScan()
    return scan


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODS_MARKERS = (b'value-type="percentage"', b'visibility="collapse"', b'visibility="filter"')


def ods_scan(archive: zipfile.ZipFile) -> dict[str, SheetScan]:
    """Per sheet of an .ods: hidden (collapsed or filtered) rows and columns and cells whose value type
    is a percentage, from content.xml. Parsed only when the file has any of them."""
    import xml.etree.ElementTree as ET

    try:
        xml = archive.read("content.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    if not any(marker in xml for marker in _ODS_MARKERS):
        return {}
    t, o = _ODS_TABLE, _ODS_OFFICE
    scans: dict[str, SheetScan] = {}
    scan = SheetScan()
    row = col = column_def = 0
    rows_repeat = 1
    row_hidden = False
    try:
        for event, elem in ET.iterparse(io.BytesIO(xml), events=("start", "end")):
            tag = elem.tag
            if event == "start":
                if tag == t + "table":
                    scan = scans.setdefault(elem.get(t + "name", ""), SheetScan())
                    row = column_def = 0
                elif tag == t + "table-column":
                    repeat = min(int(elem.get(t + "number-columns-repeated", "1")), 16384)
                    if elem.get(t + "visibility", "visible") != "visible":
                        scan.hidden_cols.update(range(column_def, column_def + repeat))
                    column_def += repeat
                elif tag == t + "table-row":
                    col = 0
                    rows_repeat = min(int(elem.get(t + "number-rows-repeated", "1")), 1 << 20)
                    row_hidden = elem.get(t + "visibility", "visible") != "visible"
                    if row_hidden:
                        scan.hidden_rows.update(range(row, row + rows_repeat))
                elif tag in (t + "table-cell", t + "covered-table-cell"):
                    repeat = min(int(elem.get(t + "number-columns-repeated", "1")), 16384)
                    if elem.get(o + "value-type") == "percentage":
                        for r in range(row, row + min(rows_repeat, 1000)):
                            scan.percent_cells.update((r, c) for c in range(col, col + repeat))
                    col += repeat
            else:
                if tag == t + "table-row":
                    row += rows_repeat
                if tag in (t + "table-row", t + "table"):
                    elem.clear()
    except (ET.ParseError, ValueError):
        return {}
    return scans


class _OdsScans(dict):
    """{sheet: _ScanOf} for every sheet name asked for."""

    def __init__(self, future: Future):
        super().__init__()
        self._future = future

    def get(self, sheet, default=None):
        return _ScanOf(self._future, sheet)


class _ScanOf:
    """One sheet's part of a whole-workbook scan (a Future of {sheet: SheetScan})."""

    def __init__(self, future: Future, sheet: str):
        self._future, self._sheet = future, sheet

    def result(self) -> SheetScan:
        return self._future.result().get(self._sheet, SheetScan())


def xlsx_hidden(archive: zipfile.ZipFile, path: str) -> tuple[set[int], set[int]]:
    """(hidden rows, hidden columns), 0-based, of one sheet's XML."""
    scan = xlsx_scan(archive, path)
    return scan.hidden_rows, scan.hidden_cols


def is_percent_format(fmt: str) -> bool:
    """ "0.00%", "0%", "#,##0.0%" — a % outside quotes and escapes."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", fmt or "")


# ------------------------------------------------------------------ workbooks
def read_workbook(name: str, data: bytes, limits: Limits) -> list[Sheet]:
    """Every sheet of a workbook (hidden ones flagged), or ReadFailure."""
    kind = sniff(data)
    if kind == "encrypted":
        raise ReadFailure(problem("encrypted-file", name, None, None))
    if kind == "text":
        suffix = name.lower().rpartition(".")[2]
        if suffix in (
            "xlsx",
            "xlsm",
            "xls",
            "ods",
        ):  # a text file renamed: say so rather than read it as a table
            raise ReadFailure(
                problem("not-a-spreadsheet", name, None, None, "text_named", suffix=suffix)
            )
        return [read_text(name, data)]
    hidden: dict[str, Future] = {}
    if kind == "zip":
        kind, archive = check_zip(name, data, limits)
        if kind == "xlsx":
            paths = xlsx_sheet_paths(archive)
            for sheet_name, path in paths.items():
                if xlsx_dimension(archive, path) > limits.max_cells:
                    raise ReadFailure(
                        problem(
                            "too-large",
                            name,
                            sheet_name,
                            None,
                            "declared",
                            limit=number(limits.max_cells),
                        )
                    )
            percent_styles = xlsx_percent_styles(archive)
            pool = ThreadPoolExecutor(max_workers=1)

            def scan(sheet_path: str) -> SheetScan:
                # each thread gets its own ZipFile: zipfile handles are not shared across threads
                return xlsx_scan(zipfile.ZipFile(io.BytesIO(data)), sheet_path, percent_styles)

            for sheet_name, path in paths.items():
                hidden[sheet_name] = pool.submit(scan, path)
            pool.shutdown(wait=False)
        elif kind == "ods":
            pool = ThreadPoolExecutor(max_workers=1)
            whole = pool.submit(lambda: ods_scan(zipfile.ZipFile(io.BytesIO(data))))
            pool.shutdown(wait=False)
            hidden = _OdsScans(whole)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises many types for corrupt files
        text = str(exc).lower()
        if "password" in text or "encrypt" in text or type(exc).__name__ == "PasswordError":
            raise ReadFailure(problem("encrypted-file", name, None, None)) from exc
        raise ReadFailure(problem("not-a-spreadsheet", name, None, None, "unreadable")) from exc
    sheets: list[Sheet] = []
    for meta in book.sheets_metadata:
        sheets.append(_LazySheet(book, meta, hidden.get(meta.name), limits, name))
    return sheets


class _LazySheet(Sheet):
    """A sheet whose cells are read on first use (so progress can be reported per sheet)."""

    def __init__(self, book, meta, hidden: Future | None, limits: Limits, file_name: str):
        self._book, self._limits, self._file = book, limits, file_name
        self._rows: list[list] | None = None  # read on first use (_load)
        self._merged: list[tuple[tuple[int, int], tuple[int, int]]] | None = None
        self._hidden = hidden
        self._scan: SheetScan | None = None
        self.name = meta.name
        self.hidden = meta.visible != SheetVisibleEnum.Visible

    def _facts(self) -> SheetScan:
        if self._scan is None:
            try:
                self._scan = self._hidden.result() if self._hidden is not None else SheetScan()
            except Exception:
                self._scan = SheetScan()
        return self._scan

    @property
    def hidden_rows(self):  # type: ignore[override]
        return self._facts().hidden_rows

    @property
    def hidden_cols(self):  # type: ignore[override]
        return self._facts().hidden_cols

    def _load(self) -> None:
        facts = self._facts()  # the real extent, before calamine builds the grid
        if facts.last_row * facts.last_col > self._limits.max_cells:
            raise ReadFailure(
                problem(
                    "too-large",
                    self._file,
                    self.name,
                    None,
                    "extent",
                    far=f"{column_letter(facts.last_col - 1)}{facts.last_row}",
                    height=number(facts.last_row),
                    width=number(facts.last_col),
                    limit=number(self._limits.max_cells),
                )
            )
        try:
            sheet = self._book.get_sheet_by_name(self.name)
            height, width = sheet.total_height or 0, sheet.total_width or 0
            if height * width > self._limits.max_cells:
                raise ReadFailure(
                    problem(
                        "too-large",
                        self._file,
                        self.name,
                        None,
                        "cells",
                        height=number(height),
                        width=number(width),
                        limit=number(self._limits.max_cells),
                    )
                )
            rows = encoding.nfc_rows(sheet.to_python(skip_empty_area=False))
            merged = sheet.merged_cell_ranges or []
        except ReadFailure:
            raise
        except Exception as exc:
            raise ReadFailure(
                problem("not-a-spreadsheet", self._file, self.name, None, "sheet")
            ) from exc
        widths = set(map(len, rows))
        if len(widths) > 1:  # calamine rows are rectangular; pad anything else
            width = max(widths)
            for r in rows:
                if len(r) < width:
                    r.extend([""] * (width - len(r)))
        self._rows, self._merged = rows, merged

    @property
    def percent_cells(self):
        """From the sheet scan (calamine does not give formats; .xls and .ods cells are taken as they are)."""
        return self._facts().percent_cells

    @property
    def empty_formula_cells(self):
        return self._facts().empty_formula_cells

    @property
    def rows(self):  # type: ignore[override]
        if self._rows is None:
            self._load()
        return self._rows

    @property
    def merged(self):  # type: ignore[override]
        if self._rows is None:
            self._load()
        return self._merged


# ------------------------------------------------------------------ text (CSV)
def decode_text(name: str, data: bytes) -> str:
    head = data[:4000]
    if (
        b"\x00" in head
        and head.count(b"\x00") <= len(head) // 4
        and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    ):
        raise ReadFailure(problem("not-a-spreadsheet", name, None, None))
    text = encoding.decode_text(data)
    if text is None:
        raise ReadFailure(problem("unreadable-encoding", name, None, None))
    return text


def detect_delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    best, best_score = ",", -1.0
    for delim in (";", "\t", ",", "|"):
        counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        if not counts:
            continue
        widest = max(counts)
        if widest < 2:
            continue
        consistency = sum(1 for c in counts if c == widest) / len(counts)
        score = consistency * 10 + min(widest, 10) / 10
        if score > best_score:
            best, best_score = delim, score
    return best


def legacy_problem(name: str, sheet: str | None, legacy: str) -> Problem:
    return problem(
        "legacy-encoding",
        name,
        sheet,
        None,
        encoding=encoding.LEGACY_NAMES[legacy],
        source=legacy.upper(),
    )


def read_text(name: str, data: bytes) -> Sheet:
    text = decode_text(name, data)
    if not text.strip():
        raise ReadFailure(problem("empty-file", name, None, None))
    sample = text[:20000]
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in sample) / max(len(sample), 1)
    if printable < 0.95:
        raise ReadFailure(problem("not-a-spreadsheet", name, None, None))
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:  # a TCVN3 CSV: its bytes are the font's codes, read as Latin-1
            lines = data[:200_000].decode("latin-1").splitlines()[:300]
            legacy = encoding.legacy_encoding([c for ln in lines for c in re.split(r"[;,\t]", ln)])
            if legacy:
                raise ReadFailure(legacy_problem(name, None, legacy))
    delim = detect_delimiter(text)
    rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delim)]
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    title = name.rsplit("/", 1)[-1]
    return Sheet(name=title, rows=rows)
