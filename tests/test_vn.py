"""The Vietnamese-text ground floor: one folding, one set of unit prefixes and one period naming for
every layer (the command line's --unit and the upload matcher read a name the same way)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from indicators import units
from loaders.names import split_unit_prefix
from vn.periods import Period
from vn.text import fold, name_key
from vn.units import split_prefix, type_label


def test_fold_and_name_key():
    assert fold("  Phường  BẮC Hà\n") == "phuong bac ha"
    assert fold("Đồng Môn") == "dong mon"
    assert name_key("Bắc Hà (cũ)") == "bac ha cu"


@pytest.mark.parametrize(
    "written",
    [
        "Phường Bắc Hà",
        "P. Bắc Hà",
        "UBND phường Bắc Hà",
        "Ủy ban nhân dân phường Bắc Hà",
        "phường bắc hà",
    ],
)
def test_unit_prefixes_are_read_once_for_every_layer(empty_store, written):
    assert split_prefix(written) == ("phuong", "bac ha")
    assert split_unit_prefix(written) == ("phuong", "bac ha")  # the upload matcher
    assert (
        units.resolve(empty_store, written, 2016)["name"] == "Phường Bắc Hà"
    )  # the command line's --unit


def test_a_name_without_prefix_and_type_labels():
    assert split_prefix("Bắc Hà") == (None, "bac ha")
    assert type_label("thi_tran") == "Thị trấn" and type_label("dac_khu") == "Đặc khu"


def test_period_value():
    p = Period(2016, 1, 6)
    assert (p.label, p.title, p.heading, p.key) == (
        "6 tháng",
        "6 tháng năm 2016",
        "6 tháng năm 2016",
        "1-6",
    )
    assert Period(2016).heading == "Năm 2016" and Period(2019, 7, 9).title == "Quý III năm 2019"
    assert p.last_year() == Period(2015, 1, 6) and p.of_year() == Period(2016)
    assert Period.from_key(2020, "1-10") == Period(2020, 1, 10)
    with pytest.raises(ValueError):
        Period(2020, 7, 3)


def test_vietnamese_alphabetical_order():
    from vn.text import collation_key

    names = [
        "Đất",
        "Công nghiệp",
        "Diện tích lúa",
        "Cấp nước",
        "Dân số",
        "Cân đối",
        "Ương",
        "Uống",
        "Ăn",
        "Anh",
    ]
    assert sorted(names, key=collation_key) == [
        "Anh",
        "Ăn",
        "Cân đối",
        "Cấp nước",
        "Công nghiệp",
        "Dân số",
        "Diện tích lúa",
        "Đất",
        "Uống",
        "Ương",
    ]


def _babel_number(value: float, decimals: int, min_decimals: int) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + (
        "." + "0" * min_decimals + "#" * (decimals - min_decimals) if decimals else ""
    )
    text = format_decimal(round(value, decimals), format=pattern, locale="vi_VN")
    return "0" if text in ("-0", "−0") else text


@settings(max_examples=3000, deadline=None)
@given(
    hst.floats(min_value=-1e15, max_value=1e15, allow_nan=False)
    | hst.sampled_from([2.675, 1.005, 999.995, -999.995, 0.5, 2.5, -0.004, 99999999999999.9]),
    hst.integers(min_value=0, max_value=12),
    hst.integers(min_value=0, max_value=12),
)
def test_number_formats_as_babels_vi_vn_pattern_would(value, decimals, min_decimals):
    """numbers.number writes vi_VN's separators by hand for speed: the same text as Babel's."""
    from vn import numbers as fmt

    min_decimals = min(min_decimals, decimals)
    if abs(value) >= 1e15:
        return  # written as a power of ten (tested above)
    assert fmt.number(value, decimals, min_decimals) == _babel_number(value, decimals, min_decimals)


@settings(max_examples=1500, deadline=None)
@given(
    hst.lists(
        hst.floats(allow_nan=True, allow_infinity=True)
        | hst.sampled_from([None, "12,5", "abc", True, 2.675, 999.995, -0.004, 1e15, -1e300])
        | hst.integers(min_value=-(10**20), max_value=10**20),
        max_size=30,
    ),
    hst.integers(min_value=-1, max_value=14),
    hst.integers(min_value=-1, max_value=14),
)
def test_numbers_and_percents_write_each_value_as_number_and_percent_do(values, decimals, least):
    """The list formatters (charts' tens of thousands of cells) give exactly the one-by-one text."""
    from vn import numbers as fmt

    assert fmt.numbers(values, decimals, least) == [fmt.number(v, decimals, least) for v in values]
    assert fmt.percents(values, decimals) == [fmt.percent(v, decimals) for v in values]
    assert fmt.numbers(values, decimals, least, missing="") == [
        fmt.number(v, decimals, least, missing="") for v in values
    ]
