"""Hostile and unlucky files, built from code: each is what a careless tool or an attacker can hand
the upload page. `FILES` maps a file name to (bytes, what the loader must answer: the problem code
it refuses with, or None for a file that loads with its bad cells refused)."""

from __future__ import annotations

import io
import zipfile

from loader_helpers import city_report, xlsx_bytes

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def raw_xlsx(sheet_xml: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    """A one-sheet workbook from hand-written sheet XML (what openpyxl would never write)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/worksheets/sheet1.xml", prolog + sheet_xml)
    return buffer.getvalue()


def far_cell() -> bytes:
    """2 KB: declares A1:B2 and holds a cell at XFD1048576 (calamine would allocate 549 GB)."""
    return raw_xlsx(
        f'<worksheet {_NS}><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr">'
        '<is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )


def far_cell_attribute_order() -> bytes:
    """The same with the reference after another attribute and no declared size at all."""
    return raw_xlsx(
        f'<worksheet {_NS}><sheetData><row r="1"><c t="n" r="A1"><v>1</v></c></row>'
        '<row spans="1:2" r="900000"><c s="0" r="ZZ900000"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )


def nested_xml(depth: int = 200_000) -> bytes:
    """A cell whose inline string sits under 200,000 nested elements (stack exhaustion in a naive
    recursive parser)."""
    return raw_xlsx(
        f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'
        + "<x>" * depth
        + "</x>" * depth
        + "</row></sheetData></worksheet>"
    )


def billion_laughs() -> bytes:
    """Entity expansion in the sheet's DTD: ten levels of ten (10⁹ 'lol's if expanded)."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    return raw_xlsx(
        f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is>'
        "</c></row></sheetData></worksheet>",
        prolog=f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>',
    )


def xxe() -> bytes:
    """An external entity naming a server file: its content must never reach a cell."""
    return raw_xlsx(
        f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is>'
        "</c></row></sheetData></worksheet>",
        prolog='<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    )


def zip_bomb() -> bytes:
    """A 1-GB sheet of zeros compressed to about 1 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"0" * (1 << 20)
            for _ in range(1100):
                member.write(block)
    return buffer.getvalue()


HEADERS = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Ước thực hiện năm 2025"]


def extreme_values() -> bytes:
    """A city report whose values are 1,7e308, 10³⁰, 'nan', 'inf', '1e400' and one sane row."""
    rows = [
        ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 9000, 1.7e308],
        ["2", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 800, 1e30],
        ["3", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", "nan", "inf"],
        ["4", "Số lao động được tạo việc làm mới", "Người", 2000, "1e400"],
        ["5", "Tỷ lệ hộ nghèo", "%", 1.5, 1.2],
    ]
    return xlsx_bytes(
        {"Báo cáo": city_report("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025", HEADERS, rows)}
    )


def control_characters() -> bytes:
    """A long-table CSV whose names carry terminal escapes, a bell, a right-to-left override and
    HTML: none of it may reach a terminal or a page as anything but plain text."""
    lines = [
        "Đơn vị;Chỉ tiêu;Năm;Kỳ;Loại số liệu;Giá trị;ĐVT",
        "Thành phố Hà Tĩnh;Tổng giá trị sản xuất\x1b[31m\x07;2025;Năm;Kế hoạch;9.000;Tỷ đồng",
        "Thành phố Hà Tĩnh\u202e;Chỉ tiêu lạ \x1b]0;pwned\x07<script>alert(1)</script>;2025;Năm;"
        "Ước thực hiện;2;Tỷ đồng",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def control_characters_xlsx() -> bytes:
    """The same in a workbook: Excel writes a control character in a string as _x001B_."""
    return raw_xlsx(
        f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Chỉ tiêu_x001B_[2J_x0007_</t></is></c></row>'
        "</sheetData></worksheet>"
    )


# file name → (builder, the error code it must be refused with; None: whatever it gets, no control
# character survives in a name, a message or a preview)
FILES = {
    "o_xa_XFD1048576.xlsx": (far_cell, "too-large"),
    "o_xa_khong_khai_bao.xlsx": (far_cell_attribute_order, "too-large"),
    "xml_long_nhau.xlsx": (nested_xml, "no-data"),
    "billion_laughs.xlsx": (billion_laughs, "not-a-spreadsheet"),
    "xxe.xlsx": (xxe, "not-a-spreadsheet"),
    "bom_nen.xlsx": (zip_bomb, "zip-bomb"),
    "gia_tri_cuc_lon.xlsx": (extreme_values, "impossible-value"),
    "ky_tu_dieu_khien.csv": (control_characters, None),
    "ky_tu_dieu_khien.xlsx": (control_characters_xlsx, None),
}
