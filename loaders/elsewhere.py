"""Units of provinces this deployment does not serve (store.regions): a report whose letterhead names
one ("UBND THÀNH PHỐ HÀ GIANG" where only Hà Tĩnh is served) is refused at that cell, never read as
a unit of the same name here (Hà Tĩnh has a Phường Trần Phú too). The whole country's units come from
data/admin_units.csv, read once per process."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pandas as pd

from loaders.catalog import PREFIX_WORDS, Catalog, Unit, add_units
from vn.text import fold


@lru_cache(maxsize=1)
def national() -> Catalog:
    from store import reference

    catalog = Catalog(
        indicators=pd.DataFrame(), measures=pd.DataFrame(), units={}, criterion_codes=frozenset()
    )
    add_units(catalog, reference.read_admin_units())
    return catalog


# a letterhead line that names its issuing body: the words it starts with (folded)
ISSUERS = (
    "ubnd",
    "uy ban nhan dan",
    "hdnd",
    "hoi dong nhan dan",
    "dang uy",
    "dang bo",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "thi uy",
    "cuc thong ke",
    "chi cuc thong ke",
    "phong",
    "tinh ",
    "thanh pho",
    "huyen",
    "quan",
    "thi xa",
    "phuong",
    "xa ",
    "thi tran",
)


def _names_a_unit_type(folded: str) -> bool:
    """ "ubnd thanh pho ha giang": a unit type word is in it (cheap, before the country is read)."""
    words = f" {folded.replace(',', ' ').replace('.', ' ')} "
    return any(f" {prefix} " in words for prefix, _ in PREFIX_WORDS)


def named_elsewhere(catalog: Catalog, text: str, when: date | None) -> list[Unit]:
    """Units an issuing body's line (`text`, "UBND THÀNH PHỐ HÀ GIANG") names that are not this
    deployment's, when it names none of the deployment's: the most specific first, at `when` when
    any exists then, else at any date."""
    folded = fold(text)
    if not folded.startswith(ISSUERS) or not _names_a_unit_type(folded):
        return []
    if catalog.units_in_text(text, None):
        return []
    country = national()
    ids = [i for i in country.units_in_text(text, when) if i not in catalog.units]
    if not ids and when is not None:
        ids = [i for i in country.units_in_text(text, None) if i not in catalog.units]
    return [country.units[i] for i in ids]


def province_of(unit: Unit) -> str:
    """The province a unit of the country lay in ("Tỉnh Hà Giang")."""
    return national().province_name(unit.unit_id)
