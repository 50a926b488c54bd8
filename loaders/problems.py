"""Problems in uploaded files are data, not exceptions: each has a stable code, a severity, the file,
sheet and cell it is about, and a Vietnamese message saying what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR, WARNING = "error", "warning"

# code → (default severity, Vietnamese title, what it means). docs/loading.md lists every code.
CODES: dict[str, tuple[str, str, str]] = {
    "not-a-spreadsheet": (ERROR, "Không phải bảng tính", "The file is not .xlsx/.xls/.ods/.csv or is corrupt."),
    "empty-file": (ERROR, "Tệp rỗng", "The file or workbook holds no cells."),
    "encrypted-file": (ERROR, "Tệp có mật khẩu", "The workbook is password-protected."),
    "too-large": (ERROR, "Tệp quá lớn", "The file, or a sheet's cell count, is over the configured limit."),
    "zip-bomb": (ERROR, "Tệp nén bất thường", "The archive expands far beyond a real spreadsheet."),
    "unreadable-encoding": (ERROR, "Không đọc được mã ký tự", "A text file in no encoding the loader can read (UTF-8, UTF-16, Windows-1258)."),
    "legacy-encoding": (ERROR, "Phông chữ cũ (TCVN3/VNI)", "Text typed in the legacy TCVN3 (.Vn fonts) or VNI encoding: it would load as garbage, so the file is refused with how to convert it."),
    "no-data": (ERROR, "Không có số liệu", "No sheet of the file holds a table the loader recognises."),
    "no-table": (WARNING, "Trang không có bảng số liệu", "A sheet without a recognisable table was skipped."),
    "hidden-sheet": (WARNING, "Trang bị ẩn", "A hidden sheet was not loaded."),
    "hidden-row": (WARNING, "Dòng bị ẩn", "A hidden row holding values was not loaded."),
    "hidden-column": (WARNING, "Cột bị ẩn", "A hidden column holding values was not loaded."),
    "formula-without-value": (ERROR, "Công thức chưa có giá trị", "A value cell holds a formula whose result was never computed (file written by a program, not saved from a spreadsheet): its value would be lost."),
    "text-in-number": (ERROR, "Chữ trong ô số", "A value cell holds text that is not a number."),
    "text-target": (WARNING, "Kế hoạch ghi bằng chữ", "A plan written as words or a threshold ('> 10', 'Tăng 1,5 lần so với năm 2025'): kept as written in the file, not loaded as a number."),
    "unknown-indicator": (ERROR, "Chỉ tiêu không có trong danh mục", "A row or column names no catalog indicator."),
    "ambiguous-indicator": (ERROR, "Tên chỉ tiêu không rõ", "A name matches several catalog indicators."),
    "unknown-unit": (ERROR, "Đơn vị không có trong danh mục", "A name matches no admin unit valid at the period."),
    "ambiguous-unit": (ERROR, "Tên đơn vị không rõ", "A name matches several admin units."),
    "unknown-sheet-unit": (ERROR, "Không rõ đơn vị của biểu", "Neither the letterhead nor the title names the unit."),
    "unknown-measure": (ERROR, "Đơn vị tính không rõ", "A measure (ĐVT) that is not in measures.toml."),
    "measure-mismatch": (ERROR, "Đơn vị tính không khớp", "The measure cannot be converted to the catalog's."),
    "unreadable-period": (ERROR, "Không đọc được kỳ báo cáo", "A value column without a readable year or period."),
    "unreadable-kind": (ERROR, "Không rõ loại số liệu", "A long-table row whose kind is not plan/actual/estimate."),
    "conflicting-duplicate": (ERROR, "Số liệu trùng mâu thuẫn", "The same observation twice with different values."),
    "duplicate-value": (WARNING, "Số liệu trùng", "The same observation twice with the same value; loaded once."),
    "impossible-value": (ERROR, "Giá trị không hợp lệ", "A value outside the catalog's min/max bounds."),
    "derived-mismatch": (WARNING, "Cột so sánh không khớp", "A % / comparison column disagrees with the values."),
    "count-mismatch": (WARNING, "Số tiêu chí đạt không khớp", "A 'Số tiêu chí đạt' cell disagrees with the marks."),
    "points-mismatch": (WARNING, "Điểm đạt được không khớp", "An urban scoring table's 'Đạt được' cell disagrees with the points computed from its levels."),
    "unreadable-mark": (ERROR, "Không đọc được ô đánh giá", "A criteria-matrix cell that is not x/Đạt/Chưa đạt/blank."),
    "unnamed-row": (WARNING, "Dòng không có tên", "A row with values but no indicator/unit name was skipped."),
    "skipped-name": (WARNING, "Không theo dõi", "Rows of a name the statistician chose not to follow ('không theo dõi') were not loaded."),
    "period-total-column": (WARNING, "Cột cộng dồn nhiều năm", "A column holding a total over several years ('Thực hiện giai đoạn 2016–2020'): the store holds yearly values, so it is not loaded."),
    "sum-mismatch": (WARNING, "Cột tổng không khớp", "A column the numbering row defines as a sum ('(4)=(2)+(3)') disagrees with its parts."),
    "internal-error": (ERROR, "Lỗi hệ thống khi đọc tệp", "An unexpected failure; the technical detail is logged."),
}


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    file: str
    sheet: str | None
    cell: str | None
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def title(self) -> str:
        return CODES.get(self.code, (ERROR, self.code, ""))[1]

    def as_dict(self) -> dict:
        return asdict(self) | {"title": self.title}


def problem(code: str, file: str, sheet: str | None, cell: str | None, message: str,
            severity: str | None = None) -> Problem:
    if code not in CODES:
        raise KeyError(f"unknown problem code {code!r}")
    return Problem(code, severity or CODES[code][0], file, sheet, cell, message)
