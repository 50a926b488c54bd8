"""Deterministic demo data ("Dữ liệu mẫu") for a fresh store: Thành phố Hà Tĩnh and its wards and
communes 2016 to June 2025, the wards and communes that replaced them from 1 July 2025 (2025's
second half, 2026 with plans and 6/9-month figures), plus huyện Can Lộc's communes for the New
Rural Area criteria.

Every ward's and commune's figures are built from the units of 2016 that its territory covers, so a
merged ward's figures are its parts' figures and nothing jumps at a merger.

Plausible, not real: magnitudes follow the 2016 seed report (shared/samples/city_6t_2016.xlsx) and
domain.md §4. Written as one upload with status 'demo', so the upload history can roll it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from store import query
from store.connection import memo
from store.uploads import CommitResult, commit_upload

DEMO_FILE_NAME = "Dữ liệu mẫu (demo)"
CITY_CODE = "436"
CAN_LOC_CODE = "443"
YEARS = range(2015, 2027)  # 2015 only so that 2016 has a same period to compare with
LAST_OLD_YEAR = 2024  # the last whole year of the units before the 2025 reform
REFORM_YEAR = 2025  # old units to 30 June (NQ 1665/NQ-UBTVQH15), new ones from 1 July
# The units formed on 1 July 2025 from TP Hà Tĩnh's wards and communes (domain.md §6.3 (c))
NEW_UNIT_CODES = ("18073", "18100", "18652", "18628", "18619", "18604", "18685")
# How Phường Đại Nài's figures are split between Thành Sen and Hà Huy Tập when making demo figures.
# Not a known share: data/succession_shares.csv has none, so the app flags that history.
DEMO_SPLIT = 0.5
FIRST_MODELLED_YEAR = 2016  # admin units are modelled from 2016-01-01; 2015 uses the 2016 state
SEED = 20160630

# City-level yearly target in 2016 and yearly growth of the plan; each ward gets a share.
FLOWS = {
    # code: (2016 target, plan growth per year, typical H1 share, typical 9M share)
    "gtsx_cn_ttcn": (2710.0, 0.09, 0.46, 0.72),
    "gtsx_xay_dung": (2480.0, 0.08, 0.50, 0.75),
    "gtsx_tm_dv": (3420.0, 0.10, 0.48, 0.74),
    "gtsx_nong_nghiep": (414.5, 0.03, 0.42, 0.70),
    "thu_tien_sdd": (350.0, 0.06, 0.33, 0.62),
    "von_dau_tu": (3150.0, 0.07, 0.44, 0.71),
    "luot_kham_benh": (120000.0, 0.04, 0.55, 0.78),
    "viec_lam_moi": (2000.0, 0.02, 0.45, 0.74),
    "ban_le_dich_vu": (9800.0, 0.12, 0.47, 0.73),
    "doanh_nghiep_moi": (260.0, 0.05, 0.45, 0.72),
    "khu_dan_cu_kieu_mau": (16.0, 0.10, 0.0, 0.30),
    "to_dan_pho_mau": (24.0, 0.10, 0.0, 0.35),
    "tuyen_duong_van_minh": (16.0, 0.10, 0.0, 0.40),
}
# Indicators added to the catalog with the loaders' second round (agriculture, schools, security).
MORE_FLOWS = {
    "dien_tich_gieo_trong": (1850.0, -0.01, 0.55, 0.80),
    "dien_tich_lua": (1120.0, -0.015, 0.50, 0.50),
    "san_luong_luong_thuc": (6900.0, 0.0, 0.52, 0.55),
    "tong_dan_lon": (9800.0, 0.01, 0.95, 0.97),
    "tong_dan_bo": (3100.0, 0.005, 0.96, 0.98),
    "san_pham_ocop": (6.0, 0.15, 0.30, 0.55),
    "hop_tac_xa_moi": (5.0, 0.03, 0.40, 0.70),
    "truong_chuan_quoc_gia": (30.0, 0.03, 1.0, 1.0),
    "so_ho_can_ngheo": (820.0, -0.06, 1.0, 1.0),
    "tai_nan_giao_thong": (40.0, -0.03, 0.48, 0.74),
}
# City-only levels/rates: (2016 value, yearly change, target margin)
CITY_LEVELS = {
    "thu_nhap_binh_quan": (41.8, 4.3, 1.03),
    "tang_truong_gtsx": (9.5, 0.2, 1.02),
    "thu_gom_rac": (90.9, 1.2, 1.01),
    "lao_dong_qua_dao_tao": (62.0, 2.0, 1.02),
    "gia_dinh_van_hoa": (88.0, 0.6, 1.01),
    "nuoc_sach": (86.0, 1.3, 1.01),
}
MORE_LEVELS = {
    "nang_suat_lua": (55.2, 0.4, 1.01),
    "gia_tri_sx_tren_ha": (92.0, 4.5, 1.02),
    "ty_le_che_phu_rung": (11.5, 0.2, 1.01),
    "ty_le_tang_dan_so_tu_nhien": (1.05, -0.02, 0.98),
    "ty_le_sinh_con_thu_3": (12.5, -0.4, 0.97),
    "ty_le_truong_chuan": (78.0, 2.0, 1.01),
    "bac_si_van_dan": (14.0, 0.5, 1.02),
    "giuong_benh_van_dan": (40.0, 0.8, 1.01),
    "suy_dinh_duong": (9.8, -0.35, 0.97),
    "thon_van_hoa": (86.0, 0.9, 1.01),
    "giao_quan": (100.0, 0.0, 1.0),
    "tthc_dung_han": (96.0, 0.4, 1.005),
    "dvc_truc_tuyen": (20.0, 7.0, 1.05),
}


def _units_by_year(con: duckdb.DuckDBPyConnection, parent_code: str) -> dict[int, pd.DataFrame]:
    """Children of the unit with `parent_code`, as valid on 30 June of each year."""
    result = {}
    for year in YEARS:
        day = date(max(year, FIRST_MODELLED_YEAR), 6, 30)
        result[year] = query(
            con,
            """
            SELECT c.unit_id, c.code, c.name, c.unit_type, p.unit_id AS parent_id
            FROM admin_units c JOIN admin_units p ON c.parent_id = p.unit_id
            WHERE p.code = ? AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)
              AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)
            ORDER BY c.code
            """,
            [parent_code, day, day, day, day],
        )
    return result


def _unit_id(con: duckdb.DuckDBPyConnection, code: str, year: int) -> int | None:
    day = date(max(year, FIRST_MODELLED_YEAR), 6, 30)
    row = query(
        con,
        "SELECT unit_id FROM admin_units WHERE code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)",
        [code, day, day],
    )
    return None if row.empty else int(row.unit_id.iloc[0])


@dataclass(frozen=True)
class DemoUnit:
    unit_id: int
    code: str
    parent_code: str | None
    valid_to: date | None


@dataclass(frozen=True)
class Place:
    """A city the demo covers: its wards and communes up to June 2025 and the units formed from them
    on 1 July 2025 (`new_codes`); `scale`: its plans against Hà Tĩnh's."""

    city_code: str
    new_codes: tuple[str, ...]
    scale: float = 1.0


HA_TINH = Place(CITY_CODE, NEW_UNIT_CODES)
# Thành phố Hà Giang (tỉnh Hà Giang, merged into Tuyên Quang on 1 July 2025): its wards and communes
# went into Phường Hà Giang 1, Phường Hà Giang 2 and Xã Ngọc Đường (with Xã Phong Quang of Vị
# Xuyên and part of Xã Yên Định of Bắc Mê). Seeded only where the deployment serves it
# (CHITIEU_PROVINCES includes Hà Giang or Tuyên Quang): the multi-province path, exercised.
HA_GIANG = Place("024", ("00691", "00694", "00700"), scale=0.3)


@dataclass
class Territory:
    """The units the demo covers, each as shares of the 2016 units ("atoms") its territory holds."""

    city_code: str = CITY_CODE
    scale: float = 1.0
    atoms: list[int] = field(default_factory=list)
    city_atoms: set[int] = field(default_factory=set)
    pieces: dict[int, dict[int, float]] = field(default_factory=dict)
    by_year: dict[int, list[DemoUnit]] = field(default_factory=dict)
    city_ids: dict[int, int] = field(default_factory=dict)

    def units_of(self, year: int) -> list[DemoUnit]:
        return self.by_year.get(year, [])


def territory(con: duckdb.DuckDBPyConnection, place: Place = HA_TINH) -> Territory:
    units = query(
        con,
        "SELECT u.unit_id, u.code, u.valid_from, u.valid_to, p.code AS parent_code "
        "FROM admin_units u LEFT JOIN admin_units p ON p.unit_id = u.parent_id ORDER BY u.code, u.valid_from",
    )
    links = query(con, "SELECT old_unit_id, new_unit_id, share FROM unit_succession")
    before: dict[int, list[tuple[int, float]]] = {}
    for r in links.itertuples():
        share = DEMO_SPLIT if pd.isna(r.share) else float(r.share)
        before.setdefault(int(r.new_unit_id), []).append((int(r.old_unit_id), share))

    def atoms_of(unit_id: int) -> dict[int, float]:
        if unit_id not in before:
            return {unit_id: 1.0}
        out: dict[int, float] = {}
        for old, share in before[unit_id]:
            for atom, part in atoms_of(old).items():
                out[atom] = out.get(atom, 0.0) + share * part
        return out

    reform = pd.Timestamp(date(REFORM_YEAR, 7, 1))
    new = units[units.code.isin(place.new_codes) & (units.valid_from == reform)]
    area: dict[int, float] = {}
    for unit_id in new.unit_id:
        for atom, share in atoms_of(int(unit_id)).items():
            area[atom] = area.get(atom, 0.0) + share
    out = Territory(city_code=place.city_code, scale=place.scale, atoms=sorted(area))

    def in_force(day: date) -> pd.DataFrame:
        stamp = pd.Timestamp(day)
        return units[
            (units.valid_from <= stamp) & (units.valid_to.isna() | (units.valid_to >= stamp))
        ]

    for year in YEARS:
        days = [date(max(year, FIRST_MODELLED_YEAR), 6, 30)]
        if year >= REFORM_YEAR:
            days = [days[0], date(year, 7, 1)] if year == REFORM_YEAR else [date(year, 7, 1)]
        listed: list[DemoUnit] = []
        for day in days:
            for r in in_force(day).itertuples():
                pieces = atoms_of(int(r.unit_id))
                if r.code == place.city_code:
                    out.city_ids[year] = int(r.unit_id)
                if not set(pieces) <= set(area) or any(p.unit_id == r.unit_id for p in listed):
                    continue
                out.pieces[int(r.unit_id)] = pieces
                valid_to = None if pd.isna(r.valid_to) else pd.Timestamp(r.valid_to).date()
                listed.append(DemoUnit(int(r.unit_id), str(r.code), r.parent_code, valid_to))
        out.by_year[year] = listed
    first = out.by_year[FIRST_MODELLED_YEAR]
    out.city_atoms = {u.unit_id for u in first if u.parent_code == place.city_code}
    return out


def _city_id(territory: Territory, year: int) -> int | None:
    return territory.city_ids.get(year)


def _serves(con: duckdb.DuckDBPyConnection, place: Place) -> bool:
    """The deployment holds the place's city and its 2025 units (store.regions)."""
    row = con.execute(
        "SELECT count(DISTINCT code) FROM admin_units WHERE code IN (SELECT unnest(?))",
        [[place.city_code, *place.new_codes]],
    ).fetchone()
    return row is not None and row[0] == 1 + len(place.new_codes)


def _ward_weights(codes: list, rng: np.random.Generator) -> dict:
    raw = {c: rng.uniform(0.5, 1.8) for c in codes}
    total = sum(raw.values())
    return {c: w / total for c, w in raw.items()}


def generate(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """All demo observations as a DataFrame in the store's observation shape."""
    rng = np.random.default_rng(SEED)
    rows: list[tuple] = []

    def add(
        code: str,
        unit_id: int,
        year: int,
        m_from: int,
        m_to: int,
        kind: str,
        value: float,
        source: str = "",
    ):
        rows.append((code, unit_id, year, m_from, m_to, kind, source, float(value)))

    area = territory(con)
    _add_flows(add, area, FLOWS, rng)
    # indicators added to the catalog later draw from their own generator, so earlier demo values stay
    _add_flows(add, area, MORE_FLOWS, np.random.default_rng(SEED + 1))
    second = territory(con, HA_GIANG) if _serves(con, HA_GIANG) else None
    if second is not None:  # its own generators: Hà Tĩnh's figures are the same with or without it
        _add_flows(add, second, FLOWS, np.random.default_rng(SEED + 10))
        _add_flows(add, second, MORE_FLOWS, np.random.default_rng(SEED + 11))
    _derive_totals(rows)
    _add_rates(add, area)
    if second is not None:
        _add_rates(add, second)
    _add_city_levels(add, con, rng)
    _add_city_levels(add, con, np.random.default_rng(SEED + 2), MORE_LEVELS)
    _add_ntm(add, con, rng)
    _add_criteria_assessments(add, con)
    _add_term_targets(rows, con)
    frame = pd.DataFrame(
        rows,
        columns=[
            "indicator_code",
            "unit_id",
            "year",
            "month_from",
            "month_to",
            "kind",
            "target_source",
            "value",
        ],
    )
    frame = frame.drop_duplicates(
        ["indicator_code", "unit_id", "year", "month_from", "month_to", "kind", "target_source"],
        keep="last",
    )
    return within_bounds(con, frame)


def within_bounds(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> pd.DataFrame:
    """Values held inside the catalog's bounds (a coverage rate's random walk can pass 100 %): demo
    data must load back through the loader's own checks (`loaders export` → `loaders load`)."""
    bounds = query(con, "SELECT code AS indicator_code, min_value, max_value FROM indicators")
    merged = frame[["indicator_code"]].merge(bounds, on="indicator_code", how="left")
    value = frame["value"].to_numpy(dtype=float)
    lo, hi = merged["min_value"].to_numpy(dtype=float), merged["max_value"].to_numpy(dtype=float)
    value = np.where(~np.isnan(hi) & (value > hi), hi, value)
    value = np.where(~np.isnan(lo) & (value < lo), lo, value)
    return frame.assign(value=value)


ROUND_COUNTS = (
    "doanh_nghiep_moi",
    "khu_dan_cu_kieu_mau",
    "to_dan_pho_mau",
    "tuyen_duong_van_minh",
    "luot_kham_benh",
    "viec_lam_moi",
    "tong_dan_lon",
    "tong_dan_bo",
    "san_pham_ocop",
    "hop_tac_xa_moi",
    "truong_chuan_quoc_gia",
    "so_ho_can_ngheo",
    "tai_nan_giao_thong",
)


# Indicators whose value is a level at the period's end (catalog `accumulates = false`): a new ward's
# July–September report gives the level on 30 September, not what happened in those months.
STOCKS = ("truong_chuan_quoc_gia", "so_ho_can_ngheo", "tong_dan_lon", "tong_dan_bo")


def _flow_atoms(territory: Territory, flows: dict, rng) -> dict:
    """Per year, indicator and atom: target, h1e, h1, m9, ye, y (a flow's h1 ≤ m9 ≤ y)."""
    atoms = territory.atoms
    weights = _ward_weights(atoms, rng)
    speed = {a: rng.normal(1.0, 0.05) for a in atoms}  # some wards lag every year
    city_share = sum(weights[a] for a in territory.city_atoms)
    out: dict = {}
    for year in YEARS:
        k = year - 2016
        for code, (base, growth, h1, m9) in flows.items():
            whole = (
                base * territory.scale * (1 + growth) ** k / city_share
            )  # the city's plan, scaled to the territory
            noise = rng.normal(1.0, 0.04)
            for atom in atoms:
                target = whole * weights[atom]
                achieved = target * noise * speed[atom] * rng.normal(1.02, 0.05)
                if code in STOCKS:  # a level moves slowly: no yearly swing of its own
                    achieved = target * speed[atom] * (1.0 + 0.1 * (noise - 1.0))
                vals = {
                    "target": target,
                    "h1e": achieved * h1 * rng.normal(1.0, 0.02),
                    "h1": achieved * h1 * rng.normal(1.0, 0.01),
                    "m9": achieved * m9 * rng.normal(1.0, 0.01),
                    "ye": achieved * rng.normal(1.0, 0.02),
                    "y": achieved,
                }
                if (
                    code not in STOCKS
                ):  # what happened by June is part of what happened by September
                    vals["m9"] = max(vals["m9"], vals["h1"])
                    vals["y"] = max(vals["y"], vals["m9"])
                if code in ROUND_COUNTS:
                    vals = {key: float(round(v)) for key, v in vals.items()}
                out[(year, code, atom)] = vals
    return out


def _combine(values: dict, year: int, code: str, pieces: dict[int, float]) -> dict:
    total: dict[str, float] = {}
    for atom, share in pieces.items():
        for key, v in values[(year, code, atom)].items():
            total[key] = total.get(key, 0.0) + share * v
    if code in ROUND_COUNTS:
        return {key: float(round(v)) for key, v in total.items()}
    return {key: round(v, 3) for key, v in total.items()}


def _add_flows(add, territory: Territory, flows: dict, rng) -> None:
    """Flows per ward and commune, built from the 2016 units they cover, so that a merged ward's
    figures are its parts' figures: up to 2024 plan, 6 and 9 months and year; in 2025 the old units'
    plan and first half, the new ones' July–September and July–December; 2026 the new units'
    plan, 6 and 9 months and year estimate. The city's are its wards' sums, to June 2025."""
    values = _flow_atoms(territory, flows, rng)
    for year in YEARS:
        for code, (_, _, h1, _) in flows.items():
            city: dict[str, float] = {}
            for unit in territory.units_of(year):
                vals = _combine(values, year, code, territory.pieces[unit.unit_id])
                if year <= LAST_OLD_YEAR:
                    _emit(add, code, unit.unit_id, year, vals, False, h1 > 0)
                elif unit.valid_to is not None:  # 2025, before the reform
                    add(code, unit.unit_id, year, 1, 12, "target", vals["target"])
                    add(code, unit.unit_id, year, 1, 6, "estimate", vals["h1e"])
                    add(code, unit.unit_id, year, 1, 6, "actual", vals["h1"])
                elif year == REFORM_YEAR:  # the new units' first months
                    stock = code in STOCKS
                    add(code, unit.unit_id, year, 7, 9, "actual", _after(vals, "m9", stock, code))
                    add(code, unit.unit_id, year, 7, 12, "actual", _after(vals, "y", stock, code))
                else:
                    _emit(add, code, unit.unit_id, year, vals, True, h1 > 0)
                if unit.parent_code == territory.city_code:
                    for key, v in vals.items():
                        city[key] = city.get(key, 0.0) + v
            city_id = _city_id(territory, year)
            if city_id is None or not city:
                continue
            if year <= LAST_OLD_YEAR:
                _emit(add, code, city_id, year, city, False, h1 > 0, source="hdnd_giao")
            else:
                add(code, city_id, year, 1, 12, "target", round(city["target"], 3), "hdnd_giao")
                add(code, city_id, year, 1, 6, "estimate", round(city["h1e"], 3))
                add(code, city_id, year, 1, 6, "actual", round(city["h1"], 3))


def _after(vals: dict, key: str, stock: bool, code: str) -> float:
    """A new unit's figure from 1 July: a stock's level then; a flow's months since June."""
    value = vals[key] if stock else vals[key] - vals["h1"]
    return float(round(value)) if code in ROUND_COUNTS else round(value, 3)


def _emit(add, code, unit_id, year, vals, latest, has_h1, source=""):
    vals = {key: round(v, 3) for key, v in vals.items()}
    add(code, unit_id, year, 1, 12, "target", vals["target"], source)
    if has_h1:
        add(code, unit_id, year, 1, 6, "estimate", vals["h1e"])
        add(code, unit_id, year, 1, 6, "actual", vals["h1"])
    add(code, unit_id, year, 1, 9, "actual", vals["m9"])
    add(code, unit_id, year, 1, 12, "estimate", vals["ye"])
    if not latest:
        add(code, unit_id, year, 1, 12, "actual", vals["y"])


def _derive_totals(rows: list[tuple]) -> None:
    """Production value total = sum of its four sectors; budget revenue = land-use fees × 2,3 (demo)."""
    sectors = ("gtsx_cn_ttcn", "gtsx_xay_dung", "gtsx_tm_dv", "gtsx_nong_nghiep")
    sums: dict[tuple, float] = {}
    for code, unit_id, year, m_from, m_to, kind, source, value in rows:
        key = (unit_id, year, m_from, m_to, kind, source)
        if code in sectors:
            sums[key] = sums.get(key, 0.0) + value
    for key, value in sums.items():
        unit_id, year, m_from, m_to, kind, source = key
        rows.append(("gtsx_tong", unit_id, year, m_from, m_to, kind, source, round(value, 3)))
    land = [r for r in rows if r[0] == "thu_tien_sdd"]
    for code, unit_id, year, m_from, m_to, kind, source, value in land:
        rows.append(
            ("thu_ngan_sach", unit_id, year, m_from, m_to, kind, source, round(value * 2.3, 3))
        )
        if source == "hdnd_giao" and kind == "target":
            rows.append(
                (
                    "thu_ngan_sach",
                    unit_id,
                    year,
                    m_from,
                    m_to,
                    kind,
                    "tinh_giao",
                    round(value * 2.3 * 0.86, 3),
                )
            )


RATE_PARTS = ("dan_so", "so_nguoi_bhyt", "tong_so_ho", "so_ho_ngheo")


def _rate_atoms(territory: Territory) -> dict:
    """Per year and atom: population, insured, households and poor households, at mid-year (h1)
    and at the year's end (y): whole numbers."""
    out = {}
    for atom in territory.atoms:
        size = np.random.default_rng(atom * 7919).uniform(0.6, 1.6)
        for year in YEARS:
            k = year - 2016
            local = np.random.default_rng(atom * 100 + k)
            pop = round(9000 * size * (1.01**k))
            households = round(pop / 3.6)
            cover = min(99.5, 76 + 2.2 * k + local.normal(0, 2.5))
            poor = max(0.3, 3.3 - 0.2 * k + local.normal(0, 0.15))
            out[(year, atom)] = {
                "y": {
                    "dan_so": pop,
                    "so_nguoi_bhyt": round(pop * cover / 100),
                    "tong_so_ho": households,
                    "so_ho_ngheo": round(households * poor / 100),
                },
                "h1": {
                    "dan_so": round(pop / 1.005),
                    "so_nguoi_bhyt": round(pop / 1.005 * (cover - 1.1) / 100),
                    "tong_so_ho": round(households / 1.005),
                    "so_ho_ngheo": round(households / 1.005 * (poor + 0.15) / 100),
                },
            }
    return out


def _add_rates(add, territory: Territory) -> None:
    """Health-insurance coverage and poverty rate with their numerators and denominators (whole
    numbers), for the units of each year and the city; the rates are recomputed, never averaged."""
    atoms = _rate_atoms(territory)

    def parts(year: int, pieces: dict[int, float], when: str) -> dict[str, float]:
        return {
            code: float(round(sum(s * atoms[(year, a)][when][code] for a, s in pieces.items())))
            for code in RATE_PARTS
        }

    def emit(unit_id: int, year: int, months: tuple[int, int], kind: str, v: dict) -> None:
        for code in RATE_PARTS:
            add(code, unit_id, year, *months, kind, v[code])
        add(
            "bhyt_bao_phu",
            unit_id,
            year,
            *months,
            kind,
            round(v["so_nguoi_bhyt"] / v["dan_so"] * 100, 2),
        )
        add(
            "ty_le_ho_ngheo",
            unit_id,
            year,
            *months,
            kind,
            round(v["so_ho_ngheo"] / v["tong_so_ho"] * 100, 2),
        )

    def plans(unit_id: int, year: int, source: str = "") -> None:
        k = year - 2016
        add(
            "bhyt_bao_phu",
            unit_id,
            year,
            1,
            12,
            "target",
            round(min(100.0, 78 + 2.3 * k), 2),
            source,
        )
        add(
            "ty_le_ho_ngheo",
            unit_id,
            year,
            1,
            12,
            "target",
            round(max(0.6, 3.25 - 0.2 * k), 2),
            source,
        )

    for year in YEARS:
        latest = year == max(YEARS)
        city: dict[str, dict[str, float]] = {"h1": {}, "y": {}}
        for unit in territory.units_of(year):
            pieces = territory.pieces[unit.unit_id]
            mid, end = parts(year, pieces, "h1"), parts(year, pieces, "y")
            if year == REFORM_YEAR and unit.valid_to is None:
                emit(unit.unit_id, year, (7, 12), "actual", end)  # levels on 31 December
                plans(unit.unit_id, year, "hdnd_giao")
                continue
            plans(unit.unit_id, year)
            emit(unit.unit_id, year, (1, 6), "actual", mid)
            if year != REFORM_YEAR:
                emit(unit.unit_id, year, (1, 12), "estimate" if latest else "actual", end)
            if unit.parent_code == territory.city_code:
                for when, v in (("h1", mid), ("y", end)):
                    for code in RATE_PARTS:
                        city[when][code] = city[when].get(code, 0.0) + v[code]
        city_id = _city_id(territory, year)
        if city_id is None or not city["h1"]:
            continue
        plans(city_id, year, "hdnd_giao")
        emit(city_id, year, (1, 6), "actual", city["h1"])
        if year != REFORM_YEAR:
            emit(city_id, year, (1, 12), "actual", city["y"])


def _add_city_levels(add, con, rng, levels: dict = CITY_LEVELS) -> None:
    for code, (start, step, margin) in levels.items():
        for year in YEARS:
            city_id = _unit_id(con, CITY_CODE, year)
            if city_id is None:
                continue
            k = year - 2016
            value = start + step * k + rng.normal(0, abs(step) * 0.3)
            add(
                code,
                city_id,
                year,
                1,
                12,
                "target",
                round((start + step * k) * margin, 2),
                "hdnd_giao",
            )
            add(
                code,
                city_id,
                year,
                1,
                6,
                "estimate",
                round(value * (0.98 if code != "tang_truong_gtsx" else 0.97), 2),
            )
            if year < REFORM_YEAR:  # the city ended on 30 June 2025
                add(code, city_id, year, 1, 12, "actual", round(value, 2))


def _add_ntm(add, con, rng) -> None:
    """Criteria 1–19 for every commune (xã) of the city and of Can Lộc; communes climb towards 19/19."""
    criteria = [f"ntm_tc{n:02d}" for n in range(1, 20)]
    reached_count: dict[int, int] = {}
    for parent in (CITY_CODE, CAN_LOC_CODE):
        by_year = _units_by_year(con, parent)
        start_state: dict[str, set[int]] = {}
        for year, units in by_year.items():
            if year > 2024:
                continue
            communes = units[units.unit_type == "xa"]
            for unit in communes.itertuples():
                met = start_state.setdefault(
                    unit.code,
                    set(rng.choice(19, size=int(rng.integers(9, 17)), replace=False).tolist()),
                )
                missing = [i for i in range(19) if i not in met]
                for i in rng.permutation(missing)[: int(rng.integers(0, 3))]:
                    met.add(int(i))
                for i, code in enumerate(criteria):
                    add(code, unit.unit_id, year, 1, 12, "actual", 1.0 if i in met else 0.0)
                if len(met) == 19:
                    reached_count[year] = reached_count.get(year, 0) + 1
    for parent in (CITY_CODE, CAN_LOC_CODE):
        for year in YEARS:
            pid = _unit_id(con, parent, year)
            if pid is not None and year <= 2024:
                add("so_xa_ntm", pid, year, 1, 12, "target", 0.0 + min(year - 2015, 6), "hdnd_giao")


# Urban class II standards of the city (2018 = shared/samples/urban_2018.xlsx), yearly step and noise.
URBAN_2018 = {
    "dt_1_1": (0.0, 0.0),
    "dt_1_2": (1.46, 0.03),
    "dt_1_3": (6.32, 0.2),
    "dt_1_5": (1.52, 0.01),
    "dt_1_6": (81.29, 0.8),
    "dt_1_7": (1.0, 0.0),
    "dt_2_1": (233.45, 3.5),
    "dt_2_2": (169.33, 2.5),
    "dt_3_1": (2078.27, 25.0),
    "dt_3_2": (9819.71, 160.0),
    "dt_4_1": (66.15, 0.9),
    "dt_4_2": (84.15, 0.5),
    "dt_5_1": (28.36, 0.4),
    "dt_5_2": (96.93, 0.4),
    "dt_5_3": (3.64, 0.12),
    "dt_5_4": (14.4, 0.5),
    "dt_5_5": (9.1, 0.3),
    "dt_5_6": (126.81, 2.0),
    "dt_5_7": (19.41, -0.8),
    "dt_5_8": (3.76, 0.12),
    "dt_5_10": (100.0, 0.0),
    "dt_5_11": (9.06, 0.35),
    "dt_5_12": (47.19, 4.5),
}
# TP Hà Tĩnh's 2019 dossier under NQ 1210: published criterion points (domain.md §2.3 [V]), total 88,69.
URBAN_2019_PUBLISHED = {1: 18.84, 2: 6.75, 3: 5.43, 4: 6.0, 5: 51.67}


def _add_criteria_assessments(add, con) -> None:
    """Urban assessments of the city 2016–2024 (2019 with its published criterion points) and the
    civilised-ward criteria (QĐ 18/2020/QĐ-UBND) of its wards 2020–2024. Own random stream: the
    demo's other series do not change."""
    rng = np.random.default_rng(SEED + 5)
    for year in range(2016, 2025):
        city_id = _unit_id(con, CITY_CODE, year)
        if city_id is None:
            continue
        for code, (value_2018, step) in URBAN_2018.items():
            value = (
                value_2018
                + step * (year - 2018)
                + (rng.normal(0, abs(step) * 0.3) if year != 2018 else 0.0)
            )
            if code in ("dt_1_1", "dt_1_7"):
                value = value_2018
            add(code, city_id, year, 1, 12, "actual", round(max(value, 0.0), 2))
        if year == 2019:
            for n, points in URBAN_2019_PUBLISHED.items():
                add(f"dt_diem_tc{n}", city_id, year, 1, 12, "actual", points)
    criteria = [f"vm_tc{n:02d}" for n in range(1, 19)]
    wards_by_year = _units_by_year(con, CITY_CODE)
    met_by_ward: dict[str, set[int]] = {}
    for year in range(2020, 2025):
        wards = wards_by_year[year]
        for ward in wards[wards.unit_type == "phuong"].itertuples():
            met = met_by_ward.setdefault(
                ward.code,
                set(rng.choice(18, size=int(rng.integers(11, 17)), replace=False).tolist()),
            )
            missing = [i for i in range(18) if i not in met]
            for i in rng.permutation(missing)[: int(rng.integers(0, 3))]:
                met.add(int(i))
            for i, code in enumerate(criteria):
                add(code, ward.unit_id, year, 1, 12, "actual", 1.0 if i in met else 0.0)


# Term targets 2020–2025 for the city, as multiples of its 2020 full-year value (demo).
TERM_TARGETS = {
    "gtsx_tong": 1.75,
    "thu_ngan_sach": 1.45,
    "thu_nhap_binh_quan": 1.5,
    "ty_le_ho_ngheo": 0.45,
    "bhyt_bao_phu": 1.06,
    "von_dau_tu": 1.5,
}


def _add_term_targets(rows: list[tuple], con: duckdb.DuckDBPyConnection) -> None:
    city_id = _unit_id(con, CITY_CODE, 2020)
    base = {
        r[0]: r[7]
        for r in rows
        if r[1] == city_id
        and r[2] == 2020
        and r[3] == 1
        and r[4] == 12
        and r[5] == "actual"
        and r[0] in TERM_TARGETS
    }
    for code, factor in TERM_TARGETS.items():
        if code in base:
            value = (
                min(base[code] * factor, 100.0) if code == "bhyt_bao_phu" else base[code] * factor
            )
            rows.append((code, city_id, 2025, 1, 12, "target", "nhiem_ky", round(value, 2)))


REVISION_FILE_NAME = "Dữ liệu mẫu (demo) — báo cáo ước tính điều chỉnh"


def revisions(frame: pd.DataFrame) -> pd.DataFrame:
    """A later report that revises the latest year's full-year estimates (as happens between the
    November review and the December HĐND session), so revisions show on hover."""
    latest = frame[
        (frame.year == max(YEARS))
        & (frame.kind == "estimate")
        & (frame.month_from == 1)
        & (frame.month_to == 12)
    ]
    factor = 1 + ((latest.unit_id * 7 + latest.indicator_code.str.len() * 3) % 9 - 3) / 100.0
    value = (latest.value * factor).round(3)
    counts = latest.indicator_code.isin([*ROUND_COUNTS, *RATE_PARTS])
    return latest.assign(value=value.where(~counts, value.round()))


def seed(con: duckdb.DuckDBPyConnection) -> CommitResult | None:
    """Fill an empty store with demo data: one upload plus a later revision of the latest estimates,
    both with status 'demo'. Does nothing when the store already holds any upload."""
    if int(query(con, "SELECT count(*) AS n FROM uploads").n.iloc[0]) > 0:
        return None
    frame = generate(con)
    first = commit_upload(
        con, frame, file_name=DEMO_FILE_NAME, uploaded_by="demo", layout="demo", status="demo"
    )
    commit_upload(
        con,
        within_bounds(con, revisions(frame)),
        file_name=REVISION_FILE_NAME,
        uploaded_by="demo",
        layout="demo",
        status="demo",
    )
    return first


def remove(con: duckdb.DuckDBPyConnection) -> int:
    """Roll back every demo upload (newest first). Returns how many were rolled back."""
    from store.uploads import rollback_upload

    ids = query(
        con, "SELECT upload_id FROM uploads WHERE status = 'demo' ORDER BY upload_id DESC"
    ).upload_id.tolist()
    for upload_id in ids:
        rollback_upload(con, int(upload_id))
    return len(ids)


def never_used(con: duckdb.DuckDBPyConnection) -> bool:
    """True while the store has never held an upload (demo or real): only then is it seeded."""
    return int(query(con, "SELECT count(*) AS n FROM uploads").n.iloc[0]) == 0


def has_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """True while demo observations are in force (the demo upload has not been rolled back)."""

    def count() -> int:
        return int(query(con, "SELECT count(*) AS n FROM uploads WHERE status = 'demo'").n.iloc[0])

    # asked three times a page run; through a scope it reads the scope's uploads (~15 ms each)
    return memo(con, "has_demo", count) > 0


def ensure_accounts(con: duckdb.DuckDBPyConnection, path) -> list:
    """While demo data are in force and no account exists: the demo accounts (data/access)."""
    from store import accounts

    def served(code: str) -> bool:
        row = con.execute("SELECT count(*) FROM admin_units WHERE code = ?", [code]).fetchone()
        return row is not None and row[0] > 0

    return accounts.add_demo_accounts(path, served) if has_demo(con) else []


def print_accounts(path) -> None:
    from store import accounts

    password, listed = accounts.demo_accounts()
    enabled = {u.username for u in accounts.all_users(path) if u.demo and not u.disabled}
    shown = [a for a in listed if a["username"] in enabled]
    if not shown:
        return
    print(f"Tài khoản mẫu (mật khẩu: {password}) — chỉ để xem thử, không dùng khi phục vụ mạng:")
    for a in shown:
        print(f"  {a['username']:<14} {a['display_name']}")


def main(argv: list[str] | None = None) -> int:
    """`python -m store.demo [--db PATH]`: create the store when missing and seed demo data once;
    the demo accounts with them (printed)."""
    import argparse
    import sys

    from store import StoreError, db_path, published
    from vn.cli import use_vietnamese

    use_vietnamese()
    parser = argparse.ArgumentParser(prog="python -m store.demo", description="Nạp dữ liệu mẫu")
    parser.add_argument(
        "--db", help="đường dẫn kho (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)"
    )
    args = parser.parse_args(argv)
    path = db_path(args.db)
    try:
        with published.writing(
            path, on_wait=lambda message: print(message, file=sys.stderr)
        ) as con:
            result = seed(con)
            ensure_accounts(con, path)
    except StoreError as exc:
        print(f"lỗi: {exc.title} — {exc.detail}", file=sys.stderr)
        return 1
    if result:
        print(f"Đã nạp dữ liệu mẫu: {result.n_observations} số liệu vào {path}")
    else:
        print(f"Kho {path} đã có dữ liệu; không nạp lại dữ liệu mẫu.")
    print_accounts(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
