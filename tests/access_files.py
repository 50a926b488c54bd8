"""Report files for the access tests, as a ward statistician would make them."""

from __future__ import annotations

from tests.loader_helpers import xlsx_bytes

LETTERHEAD = [
    ["UBND THÀNH PHỐ HÀ TĨNH", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["UBND PHƯỜNG BẮC HÀ", "", "", "", "Độc lập - Tự do - Hạnh phúc"],
    [],
]


def ward_report(budget: float = 61.5) -> bytes:
    """Phường Bắc Hà's 6-month 2019 report: its plan and its first half."""
    return xlsx_bytes(
        {
            "Bao cao": LETTERHEAD
            + [
                ["BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG NĂM 2019"],
                [],
                ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2019", "Thực hiện 6 tháng"],
                ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 120, budget],
                ["2", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 25, 14],
            ]
        }
    )


def two_wards() -> bytes:
    """A long table with rows for Bắc Hà and for Nam Hà (another ward)."""
    header = ["Chỉ tiêu", "Đơn vị", "Năm", "Từ tháng", "Đến tháng", "Loại", "Giá trị"]
    rows = [
        ["Thu ngân sách trên địa bàn", "Phường Bắc Hà", 2019, 1, 6, "Thực hiện", 61.5],
        ["Thu ngân sách trên địa bàn", "Phường Nam Hà", 2019, 1, 6, "Thực hiện", 48.0],
        ["Thu ngân sách trên địa bàn", "Phường Nam Hà", 2019, 1, 12, "Kế hoạch", 95.0],
    ]
    return xlsx_bytes({"Hai phuong": [header, *rows]})
