"""Warm-up after a publish: when a newer snapshot appears (an upload, an approval, a rollback, in
this process or another), a background thread opens it and reads what the pages showed last —
the recent views' scopes, units and periods (reports.page_reads) — so that the first leader after an
upload reads cached frames instead of waiting for the queries. Views are remembered per process,
the newest `RECENT`; a warm-up never raises (a failure is logged and the pages compute as usual)."""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import OrderedDict
from pathlib import Path

from reports import page_reads
from reports.unit_view import Selection
from store import Connection, published, scope

log = logging.getLogger(__name__)
RECENT = 8  # views replayed after a publish (a province's leaders share most of them)
POLL_SECONDS = 1.0  # how often the newest snapshot's pointer is read (a few bytes)

_lock = threading.Lock()
_views: OrderedDict[tuple, Selection] = OrderedDict()
_watcher: threading.Thread | None = None
_warmed: dict[str, Path] = {}  # store watched → the snapshot last warmed
_done = threading.Condition(_lock)
_stop = threading.Event()


def seen(path: str, con: Connection, sel: Selection) -> None:
    """Remember that a page showed `sel` of the store at `path` through the scoped connection `con`."""
    codes = getattr(con, "codes", None)
    if not codes:  # not a scoped connection (tests, the whole store): nothing to replay
        return
    key = (path, tuple(codes), bool(getattr(con, "approved_only", False)), sel)
    with _lock:
        _views[key] = sel
        _views.move_to_end(key)
        while len(_views) > RECENT:
            _views.popitem(last=False)


def recent(path: str) -> list[tuple[tuple[str, ...], bool, Selection]]:
    """The views of the store at `path` remembered, newest first: (scope codes, approved only, selection)."""
    with _lock:
        return [
            (codes, approved, sel) for at, codes, approved, sel in reversed(_views) if at == path
        ]


def warm(path: str) -> float:
    """Open the newest snapshot of the store at `path` and read the recent views on it; seconds."""
    started = time.perf_counter()
    reader = published.reader(path)
    views = recent(path)
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
        if path not in _warmed:
            _warmed[path] = published.current_snapshot(path) or Path()
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
