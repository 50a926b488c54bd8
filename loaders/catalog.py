"""What names mean: the indicator catalog, measures and admin units read from the store, with matchers.

Units are effective-dated and codes/names are reused across time, so a unit name resolves for a date.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from loaders.names import Matcher, indicator_key, key, measure_key, split_unit_prefix
from store import Connection, regions
from store import Error as StoreDbError
from store import aliases as store_aliases
from store.queries import catalog as stored_catalog
from vn.text import fold
from vn.units import type_labels

TYPE_NAMES = type_labels()  # data/unit_types.toml


def _marked(text: object) -> str:  # str() of any cell value
    """Lower case with its diacritics, single spaces (NFC): tells "thạch hạ" from "thạch hà"."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", str(text)).lower().split())


def split_unit_prefix_raw(text: object) -> str:
    """The name as written without a leading administrative prefix ("Xã Thạch Hạ" → "thạch hạ")."""
    t = _marked(text)
    for prefix in (
        "thành phố ",
        "thị trấn ",
        "thị xã ",
        "phường ",
        "huyện ",
        "tỉnh ",
        "xã ",
        "tp. ",
        "tp ",
        "p. ",
        "tt. ",
        "tt ",
    ):
        if t.startswith(prefix):
            return t[len(prefix) :].strip()
    return t


_CONSTANT_PRICES = re.compile(r"\b(?:theo )?gia so sanh(?: nam)?(?: (?:19|20)\d{2})?\b")
# "Tổng cộng", "Cộng", "Toàn huyện", "Cộng toàn thành phố", "Tổng số toàn tỉnh", "Chung toàn TP": the sheet's unit
_PLACE = r"(?:thanh pho|tp|huyen|thi xa|tinh|dia ban|xa|phuong|don vi)"
TOTAL_ROW = re.compile(
    rf"^(?:(?:tong cong|tong so|cong|tong)(?:\s+(?:toan|ca|chung))?(?:\s+{_PLACE})?"
    rf"|(?:toan|ca|chung(?:\s+toan)?)\s+{_PLACE})$"
)
SECTION_ROW = re.compile(
    r"^(?:cac|khoi|khu vuc|nhom)\s+(?:phuong|xa|thi tran|don vi|phuong xa|xa phuong)\b"
)


@dataclass
class Unit:
    unit_id: int
    code: str
    name: str
    unit_type: str
    parent_id: int | None
    valid_from: date
    valid_to: date | None

    open_start: bool = False  # valid since the catalog's first date: also valid before it

    def valid_at(self, when: date) -> bool:
        started = self.open_start or self.valid_from <= when
        return started and (self.valid_to is None or when <= self.valid_to)

    def valid_during(self, start: date, end: date) -> bool:
        """Existed at some time from `start` to `end`."""
        started = self.open_start or self.valid_from <= end
        return started and (self.valid_to is None or start <= self.valid_to)


@dataclass
class Catalog:
    indicators: pd.DataFrame  # indexed by code
    measures: pd.DataFrame  # indexed by code
    units: dict[int, Unit]
    indicator_matcher: Matcher = field(default_factory=lambda: Matcher(normalise=indicator_key))
    measure_matcher: Matcher = field(default_factory=lambda: Matcher(normalise=measure_key))
    unit_index: dict[str, list[int]] = field(default_factory=dict)  # core name key → unit ids
    unit_names: Matcher = field(default_factory=Matcher)  # for candidates only
    criterion_codes: frozenset = frozenset()  # indicators that are criteria (0/1 marks)
    skipped: frozenset = (
        frozenset()
    )  # (kind, name key) a statistician chose not to follow ("không theo dõi")
    successors: dict[int, list[int]] = field(default_factory=dict)  # unit → units it went into
    # unit → the province (code, as of 01/07/2025) it lies in (store.regions); for `within`
    regions: dict[int, str] = field(default_factory=dict)
    _within: dict[frozenset, Catalog] = field(default_factory=dict, repr=False)

    def within(self, provinces) -> Catalog:
        """This catalog with only the units of `provinces` (codes as of 01/07/2025) to match names
        against — the uploader's: in a deployment serving several provinces a name several of them
        have is decided by whose report it is. None or empty: every unit."""
        if not provinces:
            return self
        key = frozenset(provinces)
        if key not in self._within:
            keep = {i for i, region in self.regions.items() if region in key}
            index = {core: [i for i in ids if i in keep] for core, ids in self.unit_index.items()}
            self._within[key] = replace(
                self, unit_index={c: ids for c, ids in index.items() if ids}, _within={}
            )
        return self._within[key]

    def successors_at(self, unit_id: int, when: date) -> list[int]:
        """The units in force at `when` that a unit dissolved before then went into (following
        every merger on the way): what a 2026 report naming a 2024 ward should name instead."""
        found: list[int] = []
        stack, seen = list(self.successors.get(unit_id, [])), {unit_id}
        while stack:
            current = stack.pop(0)
            if current in seen or current not in self.units:
                continue
            seen.add(current)
            if self.units[current].valid_at(when):
                found.append(current)
            else:
                stack.extend(self.successors.get(current, []))
        return found

    # ------------------------------------------------------------ indicators
    def match_indicator(self, text: object, parent: str | None = None) -> set[str]:
        found = self.indicator_matcher.lookup(text)
        if not found:  # "Tổng thu ngân sách trên địa bàn", "Số khu dân cư kiểu mẫu": a leading "Tổng"/"Số" is optional
            k = indicator_key(text)
            for word in ("tong ", "so ", "tong so "):
                other = k[len(word) :] if k.startswith(word) else word + k
                found = set(self.indicator_matcher.entries.get(other, ()))
                if found:
                    break
        if (
            not found
        ):  # "Giá trị sản xuất (giá SS 2010)": values are at constant prices unless said otherwise
            bare = _CONSTANT_PRICES.sub(" ", indicator_key(text)).strip()
            if bare != indicator_key(text):
                found = set(self.indicator_matcher.entries.get(" ".join(bare.split()), ()))
        if not found and str(text).strip() in self.indicators.index:
            found = {str(text).strip()}
        if len(found) > 1 and parent:
            narrowed = {c for c in found if self.indicators.at[c, "parent_code"] == parent}
            found = narrowed or found
        return found

    def indicator_in_text(self, text: object) -> str | None:
        """The one indicator a title names ("KẾT QUẢ THU NGÂN SÁCH CÁC PHƯỜNG…"), longest name wins."""
        words = indicator_key(text).split()
        best: tuple[int, str] | None = None
        for size in range(min(10, len(words)), 1, -1):
            for start in range(len(words) - size + 1):
                hit = self.indicator_matcher.entries.get(" ".join(words[start : start + size]))
                if hit and len(hit) == 1 and (best is None or size > best[0]):
                    best = (size, next(iter(hit)))
            if best:
                return best[1]
        return None

    # ------------------------------------------------------------ measures
    def match_measure(self, text: object) -> str | None:
        if str(text).strip() == "":
            return None
        found = self.measure_matcher.lookup(text)
        if not found:
            found = set(self.measure_matcher.entries.get(measure_key(text).replace(" ", ""), ()))
        return next(iter(found)) if len(found) == 1 else None

    def factor(self, source_measure: str, target_measure: str) -> float | None:
        """Multiplier from one measure into another, None when they measure different things."""
        if source_measure == target_measure:
            return 1.0
        src, dst = self.measures.loc[source_measure], self.measures.loc[target_measure]
        if src["base"] != dst["base"]:
            return None
        return float(src["factor"]) / float(dst["factor"])

    # ------------------------------------------------------------ units
    def match_unit(
        self, text: object, when: date, parent_id: int | None = None, since: date | None = None
    ) -> tuple[list[int], list[int]]:
        """(units valid at `when`, units of that name at other dates). With `since`, a unit that
        existed at any time from `since` to `when` is valid when none exists at `when` itself (a
        city's 2025 plan, written in December 2024, names a city that existed until 30/06/2025)."""
        unit_type, _ = split_unit_prefix(text)
        ids = self.unit_candidates(text)
        valid = [i for i in ids if self.units[i].valid_at(when)]
        if not valid and since is not None and since < when:
            valid = [i for i in ids if self.units[i].valid_during(since, when)]
        if (
            len(valid) > 1
        ):  # "Thạch Hạ" and "Thạch Hà" fold alike: the one written with its marks wins
            written = _marked(split_unit_prefix_raw(text))
            exact = [i for i in valid if _marked(self.units[i].name).endswith(written) and written]
            valid = exact or valid
        if len(valid) > 1 and parent_id is not None:
            narrowed = [i for i in valid if self.units[i].parent_id == parent_id]
            valid = narrowed or valid
        if len(valid) > 1 and not unit_type:  # "Hà Tĩnh" alone: the city before the province
            rank = {
                "thanh_pho": 0,
                "thi_xa": 1,
                "huyen": 2,
                "quan": 2,
                "phuong": 3,
                "xa": 4,
                "thi_tran": 5,
                "tinh": 9,
            }
            best = min(rank.get(self.units[i].unit_type, 8) for i in valid)
            valid = [i for i in valid if rank.get(self.units[i].unit_type, 8) == best]
        others = [i for i in ids if i not in valid]
        return valid, others

    def unit_candidates(self, text: object) -> list[int]:
        """Units a name can mean at any date (its administrative prefix, when written, must agree)."""
        unit_type, core = split_unit_prefix(text)
        ids = self.unit_index.get(core, [])
        if unit_type:
            ids = [i for i in ids if self.units[i].unit_type == unit_type]
        return ids

    def unit_suggestions(self, text: object, when: date, n: int = 3) -> list[str]:
        """Names to offer for an unknown unit name: only close spellings of the name itself (its
        administrative prefix aside), the written type and units valid at `when` first. Offered in the
        message only; never used to map a value."""
        unit_type, core = split_unit_prefix(text)
        if not core:
            return []
        close = difflib.get_close_matches(core, list(self.unit_index), n=8, cutoff=0.85)
        ranked = []
        for rank, c in enumerate(close):
            for i in self.unit_index[c]:
                u = self.units[i]
                wrong_type = unit_type is not None and u.unit_type != unit_type
                ranked.append((not u.valid_at(when), c != core, wrong_type, rank, i))
        names: list[str] = []
        seen: set[str] = set()
        for invalid, *_, i in sorted(ranked):
            u = self.units[i]
            if u.name in seen:
                continue
            seen.add(u.name)
            label = u.name
            if invalid:
                label += (
                    f" (đến {u.valid_to:%d/%m/%Y})"
                    if u.valid_to and u.valid_to < when
                    else f" (từ {u.valid_from:%d/%m/%Y})"
                )
            names.append(label)
        return names[:n]

    def units_in_text(self, text: object, when: date | None) -> list[int]:
        """Units a letterhead or title names ("UBND PHƯỜNG TRẦN PHÚ"), the most specific first;
        `when` None: units of that name at any date."""
        words = fold(text).replace(",", " ").replace(".", " ").split()
        found: list[tuple[int, int]] = []
        for start in range(len(words)):
            for plen in (3, 2, 1):
                prefix = " ".join(words[start : start + plen])
                unit_type = dict(PREFIX_WORDS).get(prefix)
                if not unit_type:
                    continue
                for size in range(4, 0, -1):
                    core = " ".join(words[start + plen : start + plen + size])
                    for i in self.unit_index.get(core, []):
                        u = self.units[i]
                        if u.unit_type == unit_type and (when is None or u.valid_at(when)):
                            found.append((plen + size, i))
                    if found and found[-1][0] == plen + size:
                        break
                break
        found.sort(key=lambda item: -item[0])
        ids = list(dict.fromkeys(i for _, i in found))
        return sorted(ids, key=lambda i: self.unit_level(i))

    def unit_level(self, unit_id: int) -> int:
        """0 ward/commune, 1 city/district, 2 province (a centrally-run city, "Thành phố Hà Nội", is
        written like a district-level one: it is a province because nothing is above it)."""
        unit = self.units[unit_id]
        if unit.parent_id is None:
            return 2
        level = {
            "phuong": 0,
            "xa": 0,
            "thi_tran": 0,
            "dac_khu": 0,
            "thanh_pho": 1,
            "thi_xa": 1,
            "huyen": 1,
            "quan": 1,
            "tinh": 2,
        }
        return level.get(unit.unit_type, 3)

    def province_name(self, unit_id: int) -> str:
        """The province a unit lies in ("Tỉnh Hà Giang"): its top ancestor."""
        unit = self.units[unit_id]
        while unit.parent_id is not None and unit.parent_id in self.units:
            unit = self.units[unit.parent_id]
        return unit.name

    def unit_label(self, unit_id: int) -> str:
        return self.units[unit_id].name


PREFIX_WORDS = [
    ("thanh pho", "thanh_pho"),
    ("tp", "thanh_pho"),
    ("thi xa", "thi_xa"),
    ("thi tran", "thi_tran"),
    ("tt", "thi_tran"),
    ("huyen", "huyen"),
    ("quan", "quan"),
    ("phuong", "phuong"),
    ("xa", "xa"),
    ("tinh", "tinh"),
    ("dac khu", "dac_khu"),
]


_cache: dict[str, Catalog] = {}


def add_units(catalog: Catalog, unit_rows: pd.DataFrame) -> None:
    """Index admin units by their name's core ("Trần Phú") for matching; the first versions are open
    at the start (valid before the table's first day too)."""
    for row in unit_rows.itertuples(index=False):
        parent = None if pd.isna(row.parent_id) else int(row.parent_id)
        valid_to = None if pd.isna(row.valid_to) else pd.Timestamp(row.valid_to).date()
        unit = Unit(
            int(row.unit_id),
            str(row.code),
            row.name,
            row.unit_type,
            parent,
            pd.Timestamp(row.valid_from).date(),
            valid_to,
        )
        catalog.units[unit.unit_id] = unit
        cores = {split_unit_prefix(row.name)[1], key(row.short_name)}
        for core in cores:
            catalog.unit_index.setdefault(core, []).append(unit.unit_id)
        catalog.unit_names.add(
            row.name, row.name, f"{TYPE_NAMES.get(row.unit_type, '')} {row.short_name}"
        )
    if catalog.units:
        first = min(u.valid_from for u in catalog.units.values())
        for u in catalog.units.values():
            u.open_start = u.valid_from == first


def _learnt_names(con: Connection, catalog: Catalog) -> None:
    """Aliases saved from earlier uploads: an indicator alias is one more name of its indicator; a unit
    alias one more name of every unit of the same type and name as its target (the report's date
    still picks which); a skip is remembered so the name is not asked about again."""
    try:
        learnt = store_aliases.aliases(con)
    except StoreDbError:
        return
    skipped = set()
    for row in learnt.itertuples(index=False):
        if row.target == "skip":
            skipped.add((row.kind, row.name_key))
        elif row.kind == "indicator" and row.target in catalog.indicators.index:
            catalog.indicator_matcher.entries.setdefault(row.name_key, set()).add(row.target)
        elif row.kind == "unit" and row.target.isdigit() and int(row.target) in catalog.units:
            target = catalog.units[int(row.target)]
            same = [
                u.unit_id
                for u in catalog.units.values()
                if u.unit_type == target.unit_type and u.name == target.name
            ]
            bucket = catalog.unit_index.setdefault(row.name_key, [])
            bucket.extend(i for i in same if i not in bucket)
    catalog.skipped = frozenset(skipped)


def load_catalog(con: Connection) -> Catalog:
    """The catalog of the store `con` (cached per reference-data fingerprint)."""
    try:
        token = stored_catalog.reference_fingerprint(con)
        token = f"{token}:{store_aliases.version(con)}" if token else ""
    except StoreDbError:
        token = ""
    if token and token in _cache:
        return _cache[token]
    indicators, measures, unit_rows = stored_catalog.for_matching(con)
    indicators = indicators.set_index("code", drop=False)
    measures = measures.set_index("code", drop=False)
    catalog = Catalog(
        indicators=indicators,
        measures=measures,
        units={},
        criterion_codes=frozenset(indicators.index[indicators["is_criterion"].astype(bool)]),
    )
    for row in indicators.itertuples(index=False):
        aliases = list(row.aliases) if row.aliases is not None else []
        catalog.indicator_matcher.add(row.code, row.name, *aliases)
    for row in measures.itertuples(index=False):
        aliases = list(row.aliases) if row.aliases is not None else []
        catalog.measure_matcher.add(row.code, row.name, row.code, *aliases)
        for text in (row.name, *aliases):
            catalog.measure_matcher.entries.setdefault(
                measure_key(text).replace(" ", ""), set()
            ).add(row.code)
    add_units(catalog, unit_rows)
    links = stored_catalog.successions(con)
    for link in links.itertuples(index=False):
        catalog.successors.setdefault(int(link.old_unit_id), []).append(int(link.new_unit_id))
    if not unit_rows.empty:
        catalog.regions = regions.region_of(unit_rows, links).to_dict()
    _learnt_names(con, catalog)
    if token:
        _cache[token] = catalog
    return catalog
