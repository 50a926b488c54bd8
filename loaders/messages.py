"""Vietnamese messages for the problems that name things: what is wrong, where, how to fix it."""

from __future__ import annotations

from datetime import date

from loaders.problems import Problem, problem


def fmt(value: float) -> str:
    """vi-VN number: 1.234,5."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")


def _suggest(names: list[str]) -> str:
    return f" Có phải: {', '.join(names)}?" if names else ""


def unknown_indicator(file: str, sheet: str, cell: str, name: str, catalog, ambiguous=None,
                      suggestions: list[str] | None = None) -> Problem:
    if ambiguous:
        names = [catalog.indicators.at[c, "name"] for c in sorted(ambiguous)]
        return problem("ambiguous-indicator", file, sheet, cell,
            f"Tên chỉ tiêu \"{name}\" (ô {cell}) khớp với nhiều chỉ tiêu trong danh mục: {', '.join(names)}. "
            "Hãy ghi tên đầy đủ để phân biệt.")
    return problem("unknown-indicator", file, sheet, cell,
        f"Không tìm thấy chỉ tiêu \"{name}\" (ô {cell}) trong danh mục."
        f"{_suggest(suggestions[:3] if suggestions is not None else catalog.indicator_matcher.candidates(name))} "
        "Sửa tên cho đúng danh mục, hoặc đề nghị quản trị thêm tên gọi này vào danh mục chỉ tiêu.")


def unknown_unit(file: str, sheet: str, cell: str, name: str, catalog, valid, others, when: date) -> Problem:
    if len(valid) > 1:
        names = [f"{catalog.units[i].name} (mã {catalog.units[i].code})" for i in valid]
        return problem("ambiguous-unit", file, sheet, cell,
            f"Tên đơn vị \"{name}\" (ô {cell}) khớp với nhiều đơn vị: {', '.join(names)}. "
            "Hãy ghi đủ loại đơn vị (Phường/Xã/Thị trấn) để phân biệt.")
    if others:
        spans = ", ".join(
            f"{catalog.units[i].name} {catalog.units[i].valid_from:%d/%m/%Y}–"
            f"{catalog.units[i].valid_to:%d/%m/%Y}" if catalog.units[i].valid_to else
            f"{catalog.units[i].name} từ {catalog.units[i].valid_from:%d/%m/%Y}" for i in others)
        return problem("unknown-unit", file, sheet, cell,
            f"Đơn vị \"{name}\" (ô {cell}) không còn/chưa tồn tại vào ngày {when:%d/%m/%Y} của kỳ báo cáo "
            f"(có trong danh mục: {spans}). Hãy kiểm tra lại năm của biểu hoặc ghi tên đơn vị sau sáp nhập.")
    return problem("unknown-unit", file, sheet, cell,
        f"Không tìm thấy đơn vị \"{name}\" (ô {cell}).{_suggest(catalog.unit_suggestions(name, when))} "
        "Sửa tên cho đúng danh mục đơn vị hành chính rồi tải lên lại.")


def unknown_measure(file: str, sheet: str, cell: str, text: str, catalog) -> Problem:
    names = catalog.measure_matcher.candidates(text)
    return problem("unknown-measure", file, sheet, cell,
        f"Không hiểu đơn vị tính \"{text}\" (ô {cell}).{_suggest(names)} "
        "Hãy ghi đơn vị tính theo danh mục, ví dụ \"Tỷ đồng\", \"Triệu đồng\", \"%\", \"Người\".")


def text_in_number(file: str, sheet: str, cell: str, value: object) -> Problem:
    return problem("text-in-number", file, sheet, cell,
        f"Ô {cell} ghi \"{value}\" — không phải là số. Hãy nhập số (ví dụ 1.234,5), "
        "hoặc để trống / ghi \"-\" nếu chưa có số liệu.")
