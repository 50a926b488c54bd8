"""reports.page_reads names what each page reads: the pages, run as a leader opens them, compute no
cached frame that page_reads does not compute too (else the warm-up after a publish and the page
benchmark would miss it); and the warm-up reads a new snapshot's recent views before anyone asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports import page_reads
from store import connection, published, scope
from tests.signin import ADMIN
from tests.test_pages import run_page
from ui import warmup

PAGES = {
    "Tổng quan": "app.py",
    "Chỉ tiêu": "pages/chi_tieu.py",
    "Phường/xã": "pages/phuong_xa.py",
    "So sánh": "pages/so_sanh.py",
}


def _forget_everything() -> None:
    scope.forget()
    with connection._lock:
        connection._cache.clear()


def _keys_of_scopes() -> set[str]:
    """The frames cached on every scoped connection of this process."""
    with connection._lock:
        return {
            key for con in list(scope._cache.values()) for key in connection._cache.get(con, {})
        }


@pytest.mark.parametrize("page", list(PAGES))
def test_page_reads_cover_what_the_page_computes(page, app_env):
    path = str(app_env)
    run_page(PAGES[page])  # the store is prepared and published
    _forget_everything()
    at = run_page(PAGES[page])
    assert not at.exception, at.exception
    by_page = _keys_of_scopes()
    views = warmup.recent(path)
    assert views and views[0][0] == tuple(sorted(ADMIN[2])), views  # the page said what it showed
    codes, approved_only, sel = views[0]
    _forget_everything()
    con = scope.scoped(published.reader(path), codes, approved_only)
    page_reads.run(con, sel, [page])
    by_reads = _keys_of_scopes()
    assert by_page, "the page cached nothing: the test would prove nothing"
    assert by_page <= by_reads, sorted(by_page - by_reads)


def test_a_new_snapshot_is_read_ahead_for_the_views_shown_last(app_env):
    path = str(app_env)
    at = run_page("app.py")
    assert not at.exception
    codes, approved_only, sel = warmup.recent(path)[0]
    before = published.current_snapshot(path)
    published.publish(Path(path))  # what every write that changed something ends with
    after = published.current_snapshot(path)
    assert after != before
    assert warmup.wait_warmed(path, timeout=120)
    # the first leader's connection to the new snapshot already holds the page's frames
    fresh = scope.scoped(published.reader(path), codes, approved_only)
    with connection._lock:
        held = set(connection._cache.get(fresh, {}))
    assert any(key.startswith("('scorecard', (" + str(sel.unit_id)) for key in held), held
    assert scope.snapshot_file(published.reader(path)) == str(after)


def test_a_restarted_server_reads_ahead_the_views_the_last_one_showed(app_env):
    path = str(app_env)
    run_page("pages/so_sanh.py")  # the store prepared and published
    _forget_everything()
    at = run_page("pages/so_sanh.py")
    assert not at.exception
    by_page = _keys_of_scopes()
    kept = warmup.recent(path)[0]
    # a new process: nothing remembered in memory, nothing cached
    with warmup._lock:
        warmup._views.clear()
        warmup._warmed.pop(path, None)
    _forget_everything()
    warmup.watch(path)
    assert warmup.recent(path)[0] == kept  # read back from beside the store
    assert warmup.wait_warmed(path, timeout=120)
    codes, approved_only, sel = kept
    fresh = scope.scoped(published.reader(path), codes, approved_only)
    with connection._lock:
        held = set(connection._cache.get(fresh, {}))
    assert by_page and by_page <= held, sorted(by_page - held)


def test_after_an_upload_the_views_of_its_units_are_read_ahead_first(app_env):
    """Of more views than a warm-up reads, those whose scope the new upload wrote come first."""
    import pandas as pd

    from reports.unit_view import Selection
    from store.uploads import commit_upload
    from vn.periods import Period

    path = str(app_env)
    run_page("app.py")  # the store prepared and published
    assert warmup.wait_warmed(path, timeout=120)
    with warmup._lock:  # the watcher leaves this store alone: the test asks `ahead` itself
        warmup._warmed.pop(path, None)
    reader = published.reader(path)
    wards = reader.execute(
        "SELECT unit_id, code, name FROM admin_units WHERE unit_type = 'phuong'"
        " AND valid_to IS NULL ORDER BY unit_id LIMIT 2"
    ).fetchall()
    (w1, code1, name1), (w2, code2, name2) = wards
    with warmup._lock:
        warmup._views.clear()

    def show(unit_id, code, name, year):
        sel = Selection(unit_id, name, Period(year, 1, 6), "phuong", "current")
        warmup.seen(path, scope.scoped(reader, [code]), sel)

    show(w1, code1, name1, 2016)  # the oldest of RECENT + 1 views
    for year in range(2017, 2017 + warmup.RECENT):
        show(w2, code2, name2, year)
    assert [v[0] for v in warmup.ahead(path, reader)] == [(code2,)] * warmup.RECENT  # the newest
    row = {
        "indicator_code": "gtsx_tong",
        "unit_id": w1,
        "year": 2016,
        "month_from": 1,
        "month_to": 6,
        "kind": "estimate",
        "target_source": "",
        "value": 123.0,
    }
    with published.writing(path) as w:
        commit_upload(w, pd.DataFrame([row]), file_name="phuong_6t.xlsx", uploaded_by="test")
    first = warmup.ahead(path, published.reader(path))
    assert first[0][0] == (code1,) and first[0][2].unit_id == w1  # its ward's leader first
    assert len(first) == warmup.RECENT and [v[0] for v in first[1:]] == [(code2,)] * 7
