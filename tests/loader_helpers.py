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
    frame = pd.read_csv(path, dtype={"unit": str, "indicator": str, "measure": str}, keep_default_na=False)
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
        rows.append({
            "indicator_code": code, "unit_id": valid[0], "year": int(r.year), "month_from": int(r.month_from),
            "month_to": int(r.month_to), "kind": r.kind, "value": float(r.value) * factor,
        })
    return pd.DataFrame(rows)
