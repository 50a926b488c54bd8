"""Shared helpers for the loader tests: the samples directory, a store per test, expected CSVs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders.catalog import Catalog
from loaders.columns import period_end

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
if not SAMPLES.exists():
    SAMPLES = Path("/work/shared/samples")


def expected_observations(path: Path, catalog: Catalog) -> pd.DataFrame:
    """An `*.expected.csv` mapped through the catalog: codes, unit ids and catalog-measure values."""
    frame = pd.read_csv(
        path, dtype={"unit": str, "indicator": str, "measure": str}, keep_default_na=False
    )
    rows = []
    # a report names units as they are at its date (the end of its latest period)
    when = max(period_end(int(y), int(m)) for y, m in zip(frame["year"], frame["month_to"]))
    for r in frame.itertuples(index=False):
        found = catalog.match_indicator(r.indicator)
        assert len(found) == 1, f"expected CSV names an unknown indicator {r.indicator!r}"
        code = next(iter(found))
        valid, _ = catalog.match_unit(r.unit, when)
        assert len(valid) == 1, f"expected CSV names an unknown unit {r.unit!r}"
        source = catalog.match_measure(r.measure) if r.measure not in ("", "-") else None
        target = catalog.indicators.at[code, "measure"]
        factor = catalog.factor(source, target) if source else 1.0
        rows.append(
            {
                "indicator_code": code,
                "unit_id": valid[0],
                "year": int(r.year),
                "month_from": int(r.month_from),
                "month_to": int(r.month_to),
                "kind": r.kind,
                "value": float(r.value) * factor,
            }
        )
    return pd.DataFrame(rows)


def xlsx_bytes(
    sheets: dict[str, list[list]],
    merges: dict[str, list[str]] | None = None,
    hidden_sheets=(),
    hidden_rows: dict[str, list[int]] | None = None,
) -> bytes:
    """A workbook built from rows (openpyxl), for variants of the sample families."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
        for r in (hidden_rows or {}).get(name, []):
            ws.row_dimensions[r].hidden = True
        if name in hidden_sheets:
            ws.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


LETTERHEAD = [
    ["UBND THÀNH PHỐ HÀ TĨNH", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["PHÒNG TÀI CHÍNH - KẾ HOẠCH", "", "", "Độc lập - Tự do - Hạnh phúc"],
    [],
]


def city_report(
    title: str, headers: list[str], rows: list[list], letterhead=None, gap: int = 1
) -> list[list]:
    """Rows of a city report table: letterhead, title, blank rows, one header row, data."""
    out = [list(r) for r in (letterhead if letterhead is not None else LETTERHEAD)]
    out.append([title])
    out.extend([[]] * gap)
    out.append(headers)
    out.extend(rows)
    return out


# Hà Tĩnh's files read alike whether the deployment serves Hà Tĩnh alone (the default) or the whole
# country (CHITIEU_PROVINCES=all, 14,000 units): the loader tests run against both.
DEPLOYMENTS = ["42", "all"]


def deployment_store(chosen: str):
    """A fresh in-memory store of the deployment `chosen` serves (store.regions)."""
    import os

    import store

    before = os.environ.get("CHITIEU_PROVINCES")
    os.environ["CHITIEU_PROVINCES"] = chosen
    try:
        return store.open_store(":memory:")
    finally:
        if before is None:
            del os.environ["CHITIEU_PROVINCES"]
        else:
            os.environ["CHITIEU_PROVINCES"] = before


# the uploader's provinces per store: in the national store, a Hà Tĩnh statistician's
_SCOPES: dict[int, set[str]] = {}


def deployment_scope(con, chosen: str) -> None:
    if chosen == "all":
        _SCOPES[id(con)] = {"42"}


def parse(name: str, data: bytes, con, **kw):
    """`loaders.parse_upload` as a Hà Tĩnh statistician's upload runs it on this store."""
    from loaders import parse_upload

    return parse_upload(name, data, con, within=_SCOPES.get(id(con)), **kw)


def catalog_of(con):
    """The catalog names are matched in for this store's uploader (see `parse`)."""
    from loaders.catalog import load_catalog

    return load_catalog(con).within(_SCOPES.get(id(con)))
