"""Report files written as statisticians write them, by someone who had not seen the loader, in three
batches (tests/realistic, tests/realistic2, tests/realistic3; each README says what every file is and which conventions it
exercises; make_realistic.py / make_files.py built them). Each must load every observation its
`*.expected.csv` lists and nothing else, report exactly the names in `*.unknown.txt` as unknown, and a file
marked REFUSE must be refused whole. A formula never computed (`*.formulas.txt`) must be refused on its cell;
`*.errors.txt` lists other errors a file must raise by policy ("code CELL": words in a number cell), its
observations still checked as parsed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from loaders.columns import period_end
from tests.loader_helpers import DEPLOYMENTS, catalog_of, deployment_scope, deployment_store, parse

HERE = Path(__file__).resolve().parent
FILES = sorted(
    p
    for folder in ("realistic", "realistic2", "realistic3")
    for p in (HERE / folder).iterdir()
    if p.suffix in (".xlsx", ".csv", ".ods", ".xls") and ".expected" not in p.name
)


@pytest.fixture(scope="module", params=DEPLOYMENTS, ids=lambda d: f"provinces-{d}")
def con(request):
    connection = deployment_store(request.param)
    deployment_scope(connection, request.param)
    yield connection
    connection.close()


def _unit_id(catalog, code: str, year: int, month_from: int, month_to: int) -> int:
    start, end = date(year, month_from, 1), period_end(year, month_to)
    ids = [
        u.unit_id for u in catalog.units.values() if u.code == code and u.valid_during(start, end)
    ]
    if len(ids) > 1:  # a code reused in the same year: the unit valid at the period's end
        ids = [i for i in ids if catalog.units[i].valid_at(end)] or ids
    assert len(ids) == 1, f"unit code {code} in {year}: {ids}"
    return ids[0]


def expected_set(path: Path, catalog) -> set[tuple]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = set()
    for r in frame.itertuples(index=False):
        code = r.indicator_code
        source = catalog.match_measure(r.measure) if r.measure not in ("", "-") else None
        factor = catalog.factor(source, catalog.indicators.at[code, "measure"]) if source else 1.0
        y, mf, mt = int(r.year), int(r.month_from), int(r.month_to)
        out.add(
            (
                code,
                _unit_id(catalog, r.unit_code, y, mf, mt),
                y,
                mf,
                mt,
                r.kind,
                r.target_source,
                float(f"{float(r.value) * factor:.9g}"),
            )
        )
    return out


def _has_formulas(path: Path) -> bool:
    """Files whose README says they carry formulas never computed (refused on those cells, by design)."""
    return (
        "uncached formulas"
        in (path.parent / "README.md").read_text("utf-8").split(path.name)[-1][:1500]
        if path.name in (path.parent / "README.md").read_text("utf-8")
        else False
    )


def stored(result) -> set[tuple]:
    return {
        (
            o.indicator_code,
            int(o.unit_id),
            int(o.year),
            int(o.month_from),
            int(o.month_to),
            o.kind,
            o.target_source or "",
            float(f"{o.value:.9g}"),
        )
        for o in result.observations.itertuples()
    }


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_realistic_file(con, path):
    catalog = catalog_of(con)
    result = parse(path.name, path.read_bytes(), con)
    lines = [f"{p.code} {p.sheet}!{p.cell}: {p.message}" for p in result.problems]
    unknown_file = path.with_name(path.stem + ".unknown.txt")
    unknown = [ln.strip() for ln in unknown_file.read_text("utf-8").splitlines() if ln.strip()]
    if unknown == ["REFUSE"]:
        assert [p.code for p in result.errors] == ["legacy-encoding"], lines
        return
    want = expected_set(path.with_name(path.stem + ".expected.csv"), catalog)
    got = stored(result)
    assert {u.name for u in result.unknowns} == set(unknown), lines
    allowed = {"unknown-indicator", "unknown-unit"} | (
        {"formula-without-value"} if _has_formulas(path) else set()
    )
    errors_file = path.with_name(
        path.stem + ".errors.txt"
    )  # errors the file must raise by policy ("code CELL")
    must = (
        {tuple(ln.split()) for ln in errors_file.read_text("utf-8").splitlines() if ln.strip()}
        if errors_file.exists()
        else set()
    )
    assert {(p.code, p.cell) for p in result.errors if p.code not in allowed} == must, lines
    assert got == want, (sorted(want - got)[:8], sorted(got - want)[:8])
    mismatch = path.with_name(path.stem + ".mismatch.txt")
    derived = [p for p in result.warnings if p.code == "derived-mismatch"]
    if mismatch.exists():
        marked = {
            ln.split()[0].rstrip(":").split("!")[-1]
            for ln in mismatch.read_text("utf-8").splitlines()
            if ln.strip()
        }
        assert {p.cell for p in derived} == marked, lines
    else:
        assert not derived, lines


def test_every_batch_checks_together_as_one_load(con):
    """A statistician sends several files in one upload: the cross-file check unites their columns
    (one file's categories may be strings, another's empty), whatever the files."""
    from loaders.commit import cross_file_problems

    for folder in ("realistic", "realistic2", "realistic3"):
        results = [parse(p.name, p.read_bytes(), con) for p in FILES if p.parent.name == folder]
        problems = cross_file_problems(results)
        assert all(p.code in ("conflicting-duplicate", "duplicate-value") for p in problems), [
            p.code for p in problems
        ]
