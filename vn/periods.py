"""A reporting period — a year and a span of months — and how Vietnamese reports name it."""

from __future__ import annotations

from dataclasses import dataclass

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_label(month_from: int, month_to: int) -> str:
    """(1, 6) → '6 tháng', (1, 12) → 'Cả năm', (7, 9) → 'Quý III', (10, 10) → 'Tháng 10'."""
    if month_from == 1 and month_to == 12:
        return "Cả năm"
    if month_from == 1 and month_to > 1:
        return f"{month_to} tháng"
    if month_from == month_to:
        return f"Tháng {month_to}"
    if month_to - month_from == 2 and month_from % 3 == 1:
        return f"Quý {ROMAN[(month_from + 2) // 3]}"
    return f"Tháng {month_from}–{month_to}"


def period_title(year: int, month_from: int, month_to: int) -> str:
    """'6 tháng năm 2016', 'năm 2016', 'Quý III năm 2019'."""
    label = period_label(month_from, month_to)
    return f"năm {year}" if label == "Cả năm" else f"{label} năm {year}"


@dataclass(frozen=True, order=True)
class Period:
    """Months `month_from`..`month_to` of `year` (1–12: the whole year)."""

    year: int
    month_from: int = 1
    month_to: int = 12

    def __post_init__(self) -> None:
        if not (1 <= self.month_from <= self.month_to <= 12):
            raise ValueError(f"months {self.month_from}–{self.month_to} are not a span of one year")

    @property
    def months(self) -> tuple[int, int]:
        return self.month_from, self.month_to

    @property
    def whole_year(self) -> bool:
        return (self.month_from, self.month_to) == (1, 12)

    @property
    def label(self) -> str:
        """'6 tháng', 'Cả năm', 'Quý III'."""
        return period_label(self.month_from, self.month_to)

    @property
    def title(self) -> str:
        """'6 tháng năm 2016', 'năm 2016' — inside a sentence."""
        return period_title(self.year, self.month_from, self.month_to)

    @property
    def heading(self) -> str:
        """'6 tháng năm 2016', 'Năm 2016' — at the start of a line."""
        text = self.title
        return text[:1].upper() + text[1:]

    @property
    def key(self) -> str:
        """The span as the URL writes it: '1-6'."""
        return f"{self.month_from}-{self.month_to}"

    @classmethod
    def from_key(cls, year: int, key: str) -> "Period":
        month_from, month_to = (int(p) for p in key.split("-"))
        return cls(year, month_from, month_to)

    def last_year(self) -> "Period":
        """The same span a year earlier (cùng kỳ)."""
        return Period(self.year - 1, self.month_from, self.month_to)

    def of_year(self) -> "Period":
        """The whole year this span belongs to."""
        return Period(self.year)
