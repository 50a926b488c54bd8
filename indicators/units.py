"""Finding an admin unit by code or name for a year (codes are reused after mergers). Names compare as the
upload matcher compares them (vn.units): "P. Bắc Hà", "UBND phường Bắc Hà" and "Bắc Hà" are one name."""

from __future__ import annotations

from datetime import date

import pandas as pd

from store import Connection
from store.queries import units as stored_units
from vn.text import name_key
from vn.units import bare, split_prefix


class UnitNotFound(LookupError):
    def __init__(self, wanted: str, candidates: list[str]):
        self.wanted, self.candidates = wanted, candidates
        hint = f" Có phải: {', '.join(candidates)}?" if candidates else ""
        super().__init__(f'Không tìm thấy đơn vị "{wanted}".{hint}')


def resolve(con: Connection, name_or_code: str, year: int) -> pd.Series:
    """The unit version in force during `year` (at its end, else its start, else the nearest version)
    whose code, full name or bare name matches. Raises UnitNotFound with candidates."""
    units = stored_units.all_units(con)
    wanted = name_or_code.strip()
    if wanted.isdigit():
        hits = units[units.code == wanted]
    else:
        full, (written_type, short) = name_key(wanted), split_prefix(wanted)
        has_prefix = written_type is not None
        hits = units[
            (units.name.map(name_key) == full)
            | (
                ~pd.Series([has_prefix] * len(units), index=units.index)
                & (units.name.map(bare) == short)
            )
        ]
        if hits.empty and has_prefix:
            hits = units[units.name.map(bare) == short]
    if hits.empty:
        import difflib

        names = sorted(set(units.name))
        raise UnitNotFound(wanted, difflib.get_close_matches(wanted, names, n=3, cutoff=0.6))
    for day in (date(year, 12, 31), date(year, 1, 1)):
        valid = hits[
            (hits.valid_from <= pd.Timestamp(day))
            & (hits.valid_to.isna() | (hits.valid_to >= pd.Timestamp(day)))
        ]
        if not valid.empty:
            return valid.sort_values("valid_from").iloc[-1]
    # outside every version: the nearest one in time
    mid = pd.Timestamp(date(year, 6, 30))
    distance = (hits.valid_from - mid).abs()
    return hits.loc[distance.idxmin()]
