"""What the generator writes: indicators as offices spell them, measures and their factors, periods,
letterheads, comparison headers, section marks and footers. Written from the report conventions
(domain.md §7, §10; the loader issue's list), independently of the loader's own vocabulary."""

from __future__ import annotations

# code → (spellings, catalog measure, kind of value: money | pct | count | people | households)
INDICATORS: dict[str, tuple[list[str], str]] = {
    "gtsx_tong": (
        [
            "Tổng giá trị sản xuất (giá so sánh 2010)",
            "Tổng giá trị sản xuất (giá SS 2010)",
            "Giá trị sản xuất (giá SS 2010)",
            "Tổng giá trị sản xuất",
            "Tổng GTSX",
        ],
        "money",
    ),
    "gtsx_cn_ttcn": (
        ["Công nghiệp - Tiểu thủ công nghiệp", "CN - TTCN", "Công nghiệp và tiểu thủ công nghiệp"],
        "money",
    ),
    "gtsx_xay_dung": (["Xây dựng cơ bản", "XDCB", "Xây dựng"], "money"),
    "gtsx_tm_dv": (["Thương mại - Dịch vụ", "TM - DV", "Thương mại, dịch vụ"], "money"),
    "gtsx_nong_nghiep": (
        ["Nông - lâm nghiệp - thủy sản", "NLTS", "Nông, lâm nghiệp và thủy sản", "Nông nghiệp"],
        "money",
    ),
    "thu_ngan_sach": (
        [
            "Thu ngân sách trên địa bàn",
            "Thu NSNN trên địa bàn",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tổng thu NSNN trên địa bàn",
        ],
        "money",
    ),
    "thu_tien_sdd": (["Thu tiền sử dụng đất", "Tiền sử dụng đất", "Thu tiền SDĐ"], "money"),
    "von_dau_tu": (
        ["Tổng vốn đầu tư phát triển toàn xã hội", "Tổng vốn đầu tư toàn xã hội"],
        "money",
    ),
    "ban_le_dich_vu": (
        ["Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tổng mức bán lẻ"],
        "money",
    ),
    "doanh_nghiep_moi": (
        ["Số doanh nghiệp thành lập mới", "Doanh nghiệp thành lập mới", "Số DN thành lập mới"],
        "firms",
    ),
    "bhyt_bao_phu": (
        [
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "Tỷ lệ bao phủ BHYT",
            "Tỷ lệ người dân tham gia BHYT",
        ],
        "pct",
    ),
    "ty_le_ho_ngheo": (["Tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo đa chiều"], "pct"),
    "so_ho_ngheo": (["Số hộ nghèo", "Số hộ nghèo đa chiều"], "households"),
    "viec_lam_moi": (
        ["Số lao động được tạo việc làm mới", "Giải quyết việc làm mới", "Tạo việc làm mới"],
        "people",
    ),
    "lao_dong_qua_dao_tao": (["Tỷ lệ lao động qua đào tạo"], "pct"),
    "gia_dinh_van_hoa": (["Tỷ lệ gia đình văn hóa", "Tỷ lệ hộ gia đình văn hóa"], "pct"),
    "thu_gom_rac": (
        ["Tỷ lệ chất thải rắn sinh hoạt được thu gom", "Tỷ lệ thu gom, xử lý rác thải sinh hoạt"],
        "pct",
    ),
    "nuoc_sach": (["Tỷ lệ dân số được sử dụng nước sạch", "Tỷ lệ hộ dân sử dụng nước sạch"], "pct"),
    "dan_so": (["Dân số trung bình", "Dân số"], "people"),
    "thu_nhap_binh_quan": (["Thu nhập bình quân đầu người"], "income"),
    "dien_tich_gieo_trong": (
        ["Tổng diện tích gieo trồng cây hằng năm", "Diện tích gieo trồng cây hằng năm"],
        "area",
    ),
    "san_luong_luong_thuc": (["Sản lượng lương thực có hạt", "Tổng sản lượng lương thực"], "tons"),
    "truong_chuan_quoc_gia": (
        ["Số trường đạt chuẩn quốc gia", "Trường đạt chuẩn quốc gia"],
        "schools",
    ),
    "tthc_dung_han": (
        [
            "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
        ],
        "pct",
    ),
    "so_ho_can_ngheo": (["Số hộ cận nghèo"], "households"),
}
SUB_ITEMS = {
    "gtsx_tong": ["gtsx_cn_ttcn", "gtsx_xay_dung", "gtsx_tm_dv", "gtsx_nong_nghiep"],
    "thu_ngan_sach": ["thu_tien_sdd"],
}
# names offices use that are not in the catalog: a loader must ask, never map them
UNKNOWN = [
    "Diện tích nuôi trồng thủy sản",
    "Số cơ sở sản xuất kinh doanh cá thể",
    "Diện tích trồng rừng tập trung",
    "Số tin bài tuyên truyền",
    "Tỷ lệ đường giao thông nông thôn được cứng hóa",
    "Số thuê bao internet băng rộng",
]

# measure kind → [(written measure, factor from written into the catalog measure)]
MEASURES = {
    "money": [
        ("Tỷ đồng", 1.0),
        ("tỷ đồng", 1.0),
        ("Triệu đồng", 0.001),
        ("Tr.đ", 0.001),
        ("Tr.đồng", 0.001),
        ("triệu đồng", 0.001),
    ],
    "pct": [("%", 1.0)],
    "firms": [("Doanh nghiệp", 1.0), ("DN", 1.0)],
    "people": [("Người", 1.0), ("người", 1.0)],
    "households": [("Hộ", 1.0), ("hộ", 1.0)],
    "income": [("Triệu đồng/người", 1.0), ("Tr.đ/người/năm", 1.0)],
    "area": [("ha", 1.0), ("Ha", 1.0)],
    "tons": [("Tấn", 1.0), ("tấn", 1.0)],
    "schools": [("Trường", 1.0), ("trường", 1.0)],
}
# a plausible magnitude per measure kind (in the catalog measure)
SCALE = {
    "money": 1000.0,
    "pct": 60.0,
    "firms": 80.0,
    "people": 3000.0,
    "households": 200.0,
    "income": 50.0,
    "area": 800.0,
    "tons": 4000.0,
    "schools": 20.0,
}

TARGET_WORDS = [
    "Kế hoạch năm {y}",
    "KH năm {y}",
    "Kế hoạch {y}",
    "Chỉ tiêu giao năm {y}",
    "Dự toán năm {y}",
    "Nghị quyết năm {y}",
]
ACTUAL_WORDS = ["Thực hiện {p}", "TH {p}", "Kết quả {p}"]
ESTIMATE_WORDS = ["Ước thực hiện {p}", "Ước TH {p}", "ƯTH {p}"]
SAME_WORDS = [
    "Cùng kỳ năm {y0}",
    "Thực hiện cùng kỳ năm {y0}",
    "Cùng kỳ năm trước",
    "TH cùng kỳ {y0}",
]
RATIO_TARGET = [
    "So KH (%)",
    "% so KH",
    "TH/KH (%)",
    "ƯTH/KH",
    "So DT (%)",
    "Tỷ lệ TH/KH (%)",
    "So với kế hoạch (%)",
]
RATIO_SAME = ["So CK (%)", "% so cùng kỳ", "So cùng kỳ (%)", "So với cùng kỳ (%)"]
GROWTH_SAME = ["Tốc độ tăng (%)", "Tăng/giảm so cùng kỳ (%)", "Tăng trưởng (%)"]

LETTERHEADS = {  # unit type → (parent line, own line) patterns
    "thanh_pho": ("UBND TỈNH HÀ TĨNH", "UBND {NAME}"),
    "huyen": ("UBND TỈNH HÀ TĨNH", "UBND {NAME}"),
    "phuong": ("UBND {PARENT}", "UBND {NAME}"),
    "xa": ("UBND {PARENT}", "UBND {NAME}"),
}
FORM_CODES = ["Biểu số 01/KTXH", "Biểu số 02/TH", "Mẫu số 01", "Phụ lục 1", ""]
ATTACHED = [
    "Kèm theo Báo cáo số {n}/BC-UBND ngày {d}/{m}/{y}",
    "(Kèm theo báo cáo số {n}/BC-UBND ngày {d}/{m}/{y} của UBND)",
    "",
]
FOOTERS = [
    [["Ghi chú: Số liệu {p} là số ước thực hiện."], ["x: không giao chỉ tiêu"]],
    [
        ["Nơi nhận:", "", "", "", "TM. ỦY BAN NHÂN DÂN"],
        ["- Như trên;", "", "", "", "KT. CHỦ TỊCH"],
        ["- Lưu: VT, TK.", "", "", "", "PHÓ CHỦ TỊCH"],
        ["", "", "", "", "(Đã ký)"],
        ["", "", "", "", "Nguyễn Văn An"],
    ],
    [
        ["", "Người lập biểu", "", "", "Thủ trưởng đơn vị"],
        ["", "", "", "", ""],
        ["", "Trần Thị Bình", "", "", "Lê Văn Cường"],
    ],
    [
        ["", "", "", "{place}, ngày 15 tháng {m} năm {y}"],
        ["", "NGƯỜI LẬP BIỂU", "", "TM. UBND {NAME}"],
        ["", "", "", "CHỦ TỊCH"],
    ],
    [["Đ: Đạt; CĐ: Chưa đạt"], ["(*) Số liệu sơ bộ"]],
]
ROMAN = ["I", "II", "III", "IV", "V"]
