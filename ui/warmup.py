"""Warm-up after a publish: when a newer snapshot appears (an upload, an approval, a rollback, in
this process or another), a background thread opens it and reads what the pages showed last —
the recent views' scopes, units and periods (reports.page_reads) — so that the first leader after an
upload reads cached frames instead of waiting for the queries. The newest `REMEMBERED` views are kept
beside the store (`chitieu.views.json`: scope codes, unit and period, no figures), so a restarted
server reads them ahead too. A warm-up never raises: a failure is logged, the pages compute as
usual."""

from __future__ import annotations

import atexit
import json
import logging
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path

from reports import page_reads
from reports.unit_view import Selection
from store import Connection, db_path, published, scope, uploads
from vn.periods import Period

log = logging.getLogger(__name__)
REMEMBERED = 32  # views kept (and in chitieu.views.json): a few per province served
# views read ahead after a publish: those whose scope holds a unit the new uploads wrote first (the
# province's leaders are the ones who look next), then the newest
RECENT = 8
POLL_SECONDS = 1.0  # how often the newest snapshot's pointer is read (a few bytes)

_lock = threading.Lock()
_views: OrderedDict[tuple, Selection] = OrderedDict()
_watcher: threading.Thread | None = None
_warmed: dict[str, Path] = {}  # store watched → the snapshot last warmed
_uploads: dict[str, dict[int, str]] = {}  # store → its uploads' statuses at the last warm-up
_done = threading.Condition(_lock)
_stop = threading.Event()


def seen(path: str, con: Connection, sel: Selection) -> None:
    """Remember that a page showed `sel` of the store at `path` through the scoped connection `con`."""
    codes = getattr(con, "codes", None)
    if not codes:  # not a scoped connection (tests, the whole store): nothing to replay
        return
    key = (path, tuple(codes), bool(getattr(con, "approved_only", False)), sel)
    with _lock:
        new = key not in _views
        _views[key] = sel
        _views.move_to_end(key)
        while len(_views) > REMEMBERED:
            _views.popitem(last=False)
    if new:
        _save(path)


def _file(path: str) -> Path:
    store = db_path(path)
    return store.with_name(store.stem + ".views.json")


def _save(path: str) -> None:
    """The recent views of the store at `path`, for a restarted server (written whole, atomically)."""
    rows = [
        {
            "codes": list(codes),
            "approved_only": approved,
            "unit_id": sel.unit_id,
            "unit_name": sel.unit_name,
            "unit_type": sel.unit_type,
            "year": sel.period.year,
            "month_from": sel.period.month_from,
            "month_to": sel.period.month_to,
            "boundaries": sel.boundaries,
        }
        for codes, approved, sel in recent(path)
    ]
    target = _file(path)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
        os.replace(partial, target)
    except OSError:
        log.exception("could not keep the recent views in %s", target.name)


def _load(path: str) -> None:
    """The views a previous server of this store kept (oldest first, so the newest stay newest)."""
    try:
        rows = json.loads(_file(path).read_text("utf-8"))
        views = [
            (
                (path, tuple(str(c) for c in r["codes"]), bool(r["approved_only"])),
                Selection(
                    int(r["unit_id"]),
                    str(r["unit_name"]),
                    Period(int(r["year"]), int(r["month_from"]), int(r["month_to"])),
                    str(r["unit_type"]),
                    str(r["boundaries"]),
                ),
            )
            for r in reversed(rows)
        ]
    except (OSError, ValueError, KeyError, TypeError):  # none kept yet, or not ours: start empty
        return
    with _lock:
        for (at, codes, approved), sel in views:
            _views[(at, codes, approved, sel)] = sel
        while len(_views) > REMEMBERED:
            _views.popitem(last=False)


def recent(path: str) -> list[tuple[tuple[str, ...], bool, Selection]]:
    """The views of the store at `path` remembered, newest first: (scope codes, approved only, selection)."""
    with _lock:
        return [
            (codes, approved, sel) for at, codes, approved, sel in reversed(_views) if at == path
        ]


def ahead(path: str, reader: Connection) -> list[tuple[tuple[str, ...], bool, Selection]]:
    """The RECENT views to read on the snapshot `reader`: those whose scope holds a unit that an
    upload made, rolled back or applied again since the last warm-up wrote first, then the newest."""
    views = recent(path)
    states = uploads.states(reader)
    with _lock:
        before = _uploads.get(path)
        _uploads[path] = states
    changed = [u for u, s in states.items() if before is not None and before.get(u) != s]
    if changed:
        touched = uploads.units_of_uploads(reader, changed)
        # stable: the touched first, each part newest first
        views.sort(key=lambda view: touched.isdisjoint(scope.ids_of(reader, view[0])))
    return views[:RECENT]


def warm(path: str) -> float:
    """Open the newest snapshot of the store at `path` and read the recent views on it; seconds."""
    started = time.perf_counter()
    reader = published.reader(path)
    views = ahead(path, reader)
    for codes, approved_only, sel in views:
        try:
            page_reads.run(scope.scoped(reader, codes, approved_only), sel)
        except Exception:  # a view that no longer exists (a unit gone): the page will say so
            log.exception("warm-up of %s for %s failed", sel, codes)
    seconds = time.perf_counter() - started
    log.info("warm-up of %d views in %.2f s", len(views), seconds)
    return seconds


def watch(path: str) -> None:
    """Warm each new snapshot of the store at `path` from now on (one thread per process)."""
    global _watcher
    with _lock:
        first = path not in _warmed
    if first:
        _load(path)
        # a restarted server reads the kept views on the current snapshot at once
        start = Path() if recent(path) else published.current_snapshot(path) or Path()
        with _lock:
            _warmed.setdefault(path, start)
    with _lock:
        if _watcher is None or not _watcher.is_alive():
            _watcher = threading.Thread(target=_loop, name="chitieu-warmup", daemon=True)
            _watcher.start()
            atexit.register(_shut_down)


def wait_warmed(path: str, timeout: float = 60.0) -> bool:
    """Until the newest snapshot has been warmed (tests, benchmarks)."""
    deadline = time.monotonic() + timeout
    with _done:
        while _warmed.get(path) != published.current_snapshot(path):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            _done.wait(min(left, POLL_SECONDS))
    return True


def _shut_down() -> None:
    """At exit: the thread ends between reads (DuckDB objects must not outlive the interpreter)."""
    _stop.set()
    if _watcher is not None:
        _watcher.join(timeout=30)


def _loop() -> None:
    while not _stop.wait(POLL_SECONDS):
        with _lock:
            paths = list(_warmed)
        for path in paths:
            if _stop.is_set():
                return
            try:
                _check(path)
            except Exception:  # never let the thread die: the next publish is warmed again
                log.exception("warm-up of %s failed", path)


def _check(path: str) -> None:
    if not Path(path).parent.exists():  # a store removed (a test's): no longer watched
        with _lock:
            _warmed.pop(path, None)
        return
    newest = published.current_snapshot(path)
    if newest is None or newest == _warmed.get(path):
        return
    warm(path)
    with _done:
        _warmed[path] = newest
        _done.notify_all()
