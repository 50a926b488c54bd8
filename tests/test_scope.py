"""The scope filter holds for every query function: on a user's scoped connection no function of
store.queries, indicators.queries, store.approvals or store.uploads returns a unit outside the
scope — whatever unit ids it is asked about (property test over scopes and arguments)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import indicators.queries
import store.queries
from store import approvals, published, scope, uploads
from store import summaries as stored
from vn.periods import Period

SKIP = {"only_indicators"}  # builds SQL text, takes no connection


def _functions():
    found = []
    for info in pkgutil.iter_modules(store.queries.__path__):
        module = importlib.import_module(f"store.queries.{info.name}")
        found += [
            f
            for name, f in inspect.getmembers(module, inspect.isfunction)
            if f.__module__ == module.__name__ and not name.startswith("_") and name not in SKIP
        ]
    found += [indicators.queries.snapshot, indicators.queries.year_targets]
    found += [approvals.listing, approvals.reporting_status, approvals.count_pending]
    found += [uploads.history, uploads.units_of, uploads.same_file]
    return found


FUNCTIONS = _functions()


@pytest.fixture(scope="module")
def reader(demo_db_path, tmp_path_factory):
    path = tmp_path_factory.mktemp("scope") / "s.duckdb"
    path.write_bytes(demo_db_path.read_bytes())
    con = published.reader(path)
    yield con
    published.forget_readers()


def _arguments(function, unit_ids: list[int], indicator_codes: list[str]) -> dict:
    values = {
        "unit_id": unit_ids[0],
        "parent_id": unit_ids[0],
        "unit_ids": unit_ids,
        "parent_ids": unit_ids,
        "codes": indicator_codes,
        "indicator_codes": indicator_codes,
        "shared_codes": indicator_codes,
        "code_prefixes": ["ntm_"],
        "indicator_code": indicator_codes[0],
        "period": Period(2019, 1, 6),
        "year": 2019,
        "years": [2019, 2020],
        "before_year": 2020,
        "month_to": 6,
        "until": 2025,
        "day": date(2020, 6, 30),
        "include_term": True,
        "min_years": 2,
        "month_from": 1,
        "upload_id": 1,
        "sha256": "0" * 64,
        "status": None,
    }
    params = list(inspect.signature(function).parameters)[1:]
    return {p: values[p] for p in params if p in values}


def _units_in(result) -> set[int]:
    if isinstance(result, pd.DataFrame) and "unit_id" in result:
        return {int(u) for u in result["unit_id"].dropna()}
    if isinstance(result, pd.Series) and "unit_id" in result:
        return {int(result["unit_id"])}
    if isinstance(result, list) and result and isinstance(result[0], int | float):
        return {int(u) for u in result}  # uploads.units_of
    return set()


@pytest.mark.parametrize(
    "function", FUNCTIONS, ids=[f"{f.__module__}.{f.__name__}" for f in FUNCTIONS]
)
def test_no_query_returns_a_unit_outside_the_scope(function, reader):
    every_unit = [
        int(u) for u in reader.execute("SELECT unit_id FROM admin_units").fetchall() for u in u
    ]
    every_code = sorted({c for (c,) in reader.execute("SELECT code FROM admin_units").fetchall()})
    indicator_codes = [c for (c,) in reader.execute("SELECT code FROM indicators").fetchall()]

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        codes=st.lists(st.sampled_from(every_code), min_size=1, max_size=2, unique=True),
        asked=st.lists(st.sampled_from(every_unit), min_size=1, max_size=4, unique=True),
        picked=st.lists(st.sampled_from(indicator_codes), min_size=1, max_size=3, unique=True),
    )
    def check(codes, asked, picked):
        allowed = set(scope.unit_ids(reader, codes))
        con = scope.scoped(reader, codes)
        result = function(con, **_arguments(function, asked, picked))
        assert _units_in(result) <= allowed, (function.__name__, codes, asked)
        if function is store.queries.exports.all_observations:
            names = {c for (c,) in con.execute("SELECT code FROM admin_units").fetchall()}
            assert {row[2] for row in result} <= names

    check()


def test_the_scope_is_the_units_named_and_everything_under_them(reader):
    city = set(scope.unit_ids(reader, ["436"]))
    wards = {
        u
        for (u,) in reader.execute(
            "SELECT unit_id FROM admin_units WHERE parent_id IN (SELECT unit_id FROM admin_units WHERE code = '436')"
        ).fetchall()
    }
    assert wards and wards <= city
    can_loc = set(scope.unit_ids(reader, ["443"]))
    assert can_loc and not (can_loc & city)
    con = scope.scoped(reader, ["436"])
    total = reader.execute("SELECT count(*) FROM observations").fetchall()[0][0]
    seen = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
    outside = reader.execute(
        "SELECT count(*) FROM observations WHERE unit_id NOT IN (SELECT unnest(?::INTEGER[]))",
        [sorted(city)],
    ).fetchall()[0][0]
    assert seen == total - outside and 0 < seen < total
    province = scope.scoped(reader, ["42"])
    assert province.execute("SELECT count(*) FROM observations").fetchall()[0][0] == total


def _counts(con) -> tuple:
    return con.execute(
        "SELECT (SELECT count(*) FROM observations), (SELECT count(*) FROM admin_units),"
        " (SELECT count(*) FROM uploads), (SELECT count(*) FROM page_summaries)"
    ).fetchone()


def test_a_scope_made_from_a_spare_sees_what_a_scope_made_anew_sees(demo_db_path, tmp_path):
    import shutil

    copy = tmp_path / "kho.duckdb"
    shutil.copy(demo_db_path, copy)
    reader = published.reader(copy)
    scope.forget()
    with mock.patch.object(scope, "SPARES", 0):  # none prepared: each scope made anew
        anew = {codes: _counts(scope.scoped(reader, [codes])) for codes in ("436", "443", "42")}
        approved_anew = _counts(scope.scoped(reader, ["436"], approved_only=True))
    scope.forget()
    first = scope.scoped(reader, ["443"])  # made anew; spares are prepared after it
    assert scope.wait_for_spares()
    spares = set(scope._spares[(id(first.snapshot_instance), False)][1])
    assert len(spares) == scope.SPARES
    city, province = scope.scoped(reader, ["436"]), scope.scoped(reader, ["42"])
    assert {city.database, province.database} <= spares  # each its own spare, none given twice
    assert city.database != province.database
    assert _counts(city) == anew["436"] and _counts(province) == anew["42"]
    assert _counts(first) == anew["443"]
    assert 0 < _counts(city)[0] < _counts(province)[0]
    assert _counts(scope.scoped(reader, ["436"], approved_only=True)) == approved_anew
    scope.forget()


def test_a_spare_of_a_snapshot_instance_gone_is_never_used(demo_db_path, tmp_path):
    import shutil

    copy = tmp_path / "kho.duckdb"
    shutil.copy(demo_db_path, copy)
    reader = published.reader(copy)
    scope.forget()
    old = scope.scoped(reader, ["443"])
    assert scope.wait_for_spares()
    old_spares = set(scope._spares[(id(old.snapshot_instance), False)][1])
    scope.forget()  # as after a restore: the snapshot gets a new instance
    con = scope.scoped(reader, ["436"])
    assert con.snapshot_instance is not old.snapshot_instance
    assert con.database not in old_spares
    assert 0 < _counts(con)[0]
    assert scope.wait_for_spares()
    scope.forget()


def test_an_instance_no_longer_served_keeps_no_spares(demo_db_path, tmp_path, monkeypatch):
    import shutil

    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    shutil.copy(demo_db_path, first)
    shutil.copy(demo_db_path, second)
    scope.forget()
    monkeypatch.setattr(scope, "SNAPSHOTS", 1)
    old = scope.scoped(published.reader(first), ["436"])
    assert scope.wait_for_spares()
    assert any(held is old.snapshot_instance for held, _ in scope._spares.values())
    new = scope.scoped(published.reader(second), ["436"])  # the first instance is let go
    assert scope.wait_for_spares()
    held = [base for base, _ in scope._spares.values()]
    assert not any(base is old.snapshot_instance for base in held)
    assert any(base is new.snapshot_instance for base in held)
    scope.forget()


def test_a_cursor_that_lost_its_scope_sees_no_table_not_the_whole_store(demo_db_path, tmp_path):
    import shutil

    import duckdb

    copy = tmp_path / "kho.duckdb"
    shutil.copy(demo_db_path, copy)
    con = scope.scoped(published.reader(copy), ["436"])
    inside = con.cursor().execute("SELECT count(DISTINCT unit_id) FROM observations").fetchone()
    whole = published.reader(copy).execute("SELECT count(DISTINCT unit_id) FROM observations")
    assert 0 < inside[0] < whole.fetchone()[0]
    lost = con.cursor().cursor()  # DuckDB's own cursor: back on the instance's empty database
    with pytest.raises(duckdb.CatalogException):
        lost.execute("SELECT count(*) FROM observations")


def test_sessions_share_a_scoped_connection_from_many_threads(demo_db_path, tmp_path):
    import shutil
    from concurrent.futures import ThreadPoolExecutor

    copy = tmp_path / "kho.duckdb"
    shutil.copy(demo_db_path, copy)
    con = scope.scoped(published.reader(copy), ["436"])
    sql = "SELECT count(*), sum(value) FROM observations WHERE kind = 'actual'"
    expected = con.execute(sql).fetchall()

    def ask(_):
        return con.execute(sql).fetchall()

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(map(tuple, pool.map(ask, range(200)))) == {tuple(expected)}


def test_what_no_scope_filters_is_read_once_per_snapshot(demo_db_path, tmp_path, monkeypatch):
    """The catalog and whether the summaries serve are the snapshot's whatever the scope: a second
    scope's first view does not read them again; a new snapshot does."""
    import shutil

    from indicators import catalog
    from indicators import summaries as page_summaries
    from store import summaries as stored

    copy = tmp_path / "kho.duckdb"
    shutil.copy(demo_db_path, copy)
    reader = published.reader(copy)
    # the tables they read are ones no scope filters (no unit_id: the views are the tables)
    for table in ("indicators", "measures", "indicator_groups", "meta"):
        columns = {
            c
            for (c,) in reader.execute(f"SELECT name FROM pragma_table_info('{table}')").fetchall()
        }
        assert columns and "unit_id" not in columns, table
    reads = {"catalog": 0, "fresh": 0}
    real_catalog, real_fresh = catalog.stored_catalog.indicators, stored.fresh

    def counted_catalog(con):
        reads["catalog"] += 1
        return real_catalog(con)

    def counted_fresh(con, code):
        reads["fresh"] += 1
        return real_fresh(con, code)

    monkeypatch.setattr(catalog.stored_catalog, "indicators", counted_catalog)
    monkeypatch.setattr(stored, "fresh", counted_fresh)
    scope.forget()
    city, other = scope.scoped(reader, ["436"]), scope.scoped(reader, ["443"])
    assert city is not other
    first = catalog.indicators(city)
    assert catalog.indicators(other).equals(first)
    assert page_summaries.current(city) == page_summaries.current(other)
    assert reads == {"catalog": 1, "fresh": 1}
    whole = catalog.indicators(reader)  # the snapshot itself, unscoped: its own cache
    assert whole.equals(first) and reads["catalog"] == 2
    scope.forget()  # a new snapshot's instance (as after a publish): read anew
    catalog.indicators(scope.scoped(reader, ["436"]))
    assert reads["catalog"] == 3


def test_what_is_cut_from_the_snapshot_is_what_the_scope_reads_itself(reader):
    """The lineage graph and the period's unit list are built once per snapshot and cut to each
    scope's units (store.scope.cut_from_snapshot): for any scope, day and approval view the cut
    equals the scope's own read through its views."""
    from indicators import lineage
    from store.queries import observations, units
    from vn.periods import Period

    every_code = sorted({c for (c,) in reader.execute("SELECT code FROM admin_units").fetchall()})

    whole = lineage._build(reader)
    every_unit = sorted(whole.units)

    def narrowed_reads(con, ids, period):
        clear = ["gtsx_tong", "thu_ngan_sach"]
        years = {  # one unit's each: an empty read's strings come as objects, an empty cut's not
            f"year series {c} {u}": observations._series(con, c, u, whole_years=True)
            for c in clear
            for u in {*ids[:2], *ids[-2:]}  # the last: outside the scope in the second case
        }
        whole_years = {
            f"whole years {u}": stored.whole_years(con, u, list(range(2016, 2027)), clear)
            for u in {*ids[:2], *ids[-2:]}
        }
        return (
            years
            | whole_years
            | {
                "year_plans": observations.year_plans(con, ids, period.year),
                "year_plans of two, with the term": observations.year_plans(
                    con, ids, period.year, clear, include_term=True
                ),
                "series": pd.concat(
                    [observations._series(con, c, u) for c in clear for u in ids[:3]]
                ),
                "revisions": observations.revisions(con, "gtsx_tong", ids, period),
                "summaries": stored.read(con, ids, period.year, 1, period.month_to, clear),
                "one indicator's summaries": stored.read(
                    con, ids, period.year, 1, period.month_to, clear[:1]
                ),
                "summary column": stored.read_column(
                    con, ids, period, "gtsx_tong", "pct_of_target"
                ),
            }
        )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        codes=st.lists(st.sampled_from(every_code), min_size=1, max_size=3, unique=True),
        approved_only=st.booleans(),
        day=st.sampled_from([date(2019, 6, 30), date(2024, 12, 31), date(2025, 9, 30)]),
    )
    def check(codes, approved_only, day):
        con = scope.scoped(reader, codes, approved_only=approved_only)
        cut, own = lineage.lineage(con), lineage._build(con)
        assert cut.units.keys() == own.units.keys()
        assert cut.earliest == own.earliest and cut._shared_names == own._shared_names
        for unit in own.units:
            assert cut.predecessors(unit) == own.predecessors(unit)
            assert cut.successors(unit) == own.successors(unit)
            assert cut.label(unit) == own.label(unit)
            assert cut.has_children(unit) == own.has_children(unit)
            # the texts' labels never depend on the scope
            assert cut.label_everywhere(unit) == whole.label_everywhere(unit)
        listed = units.in_force_with_data(con, day, day.year)
        read = units._in_force_with_data(con, day, day.year)
        key = ["unit_id"]
        pd.testing.assert_frame_equal(  # a cut may hold no top unit: int32 where the whole's Int32
            listed.sort_values(key).reset_index(drop=True),
            read.sort_values(key).reset_index(drop=True),
            check_dtype=False,
        )
        # the order the pickers show: parents first, then by type and name
        ranked = ["has_children", "unit_type", "name"]
        pd.testing.assert_frame_equal(listed[ranked], read[ranked], check_dtype=False)
        # a unit's children, the periods offered and who reported: cut as the scope reads them
        for parent in sorted(own.units)[:6]:
            for when in (day, None):
                pd.testing.assert_frame_equal(  # an empty read's strings come as objects
                    units.children(con, parent, when),
                    units._children(con, parent, when),
                    check_dtype=False,
                )
        pd.testing.assert_frame_equal(
            observations.all_periods(con), observations._all_periods(con), check_dtype=False
        )
        period = Period(day.year, 1, day.month)
        asked = sorted(own.units)
        reported = observations.units_with_values(con, asked, period)
        read_ids = observations._units_with_values(con, period).unit_id
        assert reported == sorted(int(u) for u in read_ids if u in set(asked))
        # reads narrowed to the whole snapshot (store.scope.narrowed) give the scope's own rows,
        # also when asked for units outside it (then read through the scope's views)
        outside = [u for u in every_unit if u not in own.units][:2]
        for ids in (asked[:8], asked[:3] + outside):
            mine = narrowed_reads(con, ids, period)
            own_views = lambda c, *_, **__: c  # noqa: E731
            never = lambda *_, **__: None  # noqa: E731
            with (
                mock.patch.object(scope, "narrowed", own_views),
                mock.patch.object(observations, "narrowed", own_views),
                mock.patch.object(stored, "narrowed", own_views),
                mock.patch.object(observations, "recent_of_snapshot", never),
                mock.patch.object(stored, "recent_of_snapshot", never),
            ):
                theirs = narrowed_reads(con, ids, period)
            for name in mine:  # year_plans has no order: compared sorted
                a, b = (
                    f.sort_values(list(f.columns)).reset_index(drop=True)
                    for f in (mine[name], theirs[name])
                )
                # an empty read's strings come as objects, an empty cut's as strings
                pd.testing.assert_frame_equal(a, b, obj=name, check_dtype=not a.empty)
            for unit in ids:  # the years stored, as the scope reads them
                span = list(range(2016, 2027))
                with mock.patch.object(stored, "read_of_snapshot", never):
                    theirs_years = stored.summarised_years(con, unit, span)
                assert stored.summarised_years(con, unit, span) == theirs_years

    check()
