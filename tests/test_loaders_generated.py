"""Hundreds of report files composed from the conventions (tests/reportgen), each loaded and its stored
observations compared exactly with the ones the generator put in: letterheads and form codes, one to
three header levels, numbering and ĐVT rows, sections, sub-items, totals first or last, units down or
across, criteria matrices both ways, series, long tables, footers and signatures, number styles,
encodings (NFD, Windows-1258, legacy TCVN3/VNI refused) and formats."""

from __future__ import annotations

import os

import pytest

from loaders.unknowns import SKIP, Decisions
from tests.loader_helpers import DEPLOYMENTS, deployment_scope, deployment_store, parse
from tests.reportgen import case

N_CASES = int(os.environ.get("CHITIEU_GENERATED", "330"))
KEY = ["indicator_code", "unit_id", "year", "month_from", "month_to", "kind", "target_source"]


@pytest.fixture(scope="module", params=DEPLOYMENTS, ids=lambda d: f"provinces-{d}")
def con(request):
    connection = deployment_store(request.param)
    deployment_scope(connection, request.param)
    yield connection
    connection.close()


def stored(result) -> set[tuple]:
    o = result.observations
    return {
        (
            r.indicator_code,
            int(r.unit_id),
            int(r.year),
            int(r.month_from),
            int(r.month_to),
            r.kind,
            r.target_source or "",
            float(f"{r.value:.9g}"),
        )
        for r in o.itertuples()
    }


def expected(c) -> set[tuple]:
    return {
        (code, unit, year, mf, mt, kind, source, float(f"{value:.9g}"))
        for code, unit, year, mf, mt, kind, source, value in c.expected
    }


@pytest.mark.parametrize("seed", range(N_CASES))
def test_generated_report_loads_exactly(con, seed):
    c = case(seed)
    result = parse(c.name, c.data, con)
    lines = [f"{p.code} {p.sheet}!{p.cell}: {p.message}" for p in result.problems]
    if c.refuse:
        assert [p.code for p in result.errors] == [c.refuse], (c.describe, lines)
        assert result.observations.empty
        return
    unknown = {u.name for u in result.unknowns}
    assert unknown == c.unknown, (c.describe, lines)
    assert not [p for p in result.errors if p.code not in ("unknown-indicator", "unknown-unit")], (
        c.describe,
        lines,
    )
    assert not [
        p
        for p in result.warnings
        if p.code in ("derived-mismatch", "sum-mismatch", "count-mismatch", "unnamed-row")
    ], (c.describe, lines)
    got, want = stored(result), expected(c)
    assert got == want, (c.describe, sorted(want - got)[:5], sorted(got - want)[:5], lines)
    if (
        c.unknown
    ):  # deciding "không theo dõi" for each unknown name: the file loads, the skip is said
        decided = parse(
            c.name,
            c.data,
            con,
            decisions=Decisions.of((u.kind, u.name, SKIP) for u in result.unknowns),
        )
        assert decided.ok, [p.message for p in decided.errors]
        assert stored(decided) == want
        assert {p.code for p in decided.warnings} >= {"skipped-name"}
