"""ui.startup (serve.py's lifespan): before a fresh server's first request it has imported what the
pages import, opened the store and read the kept views ahead; a step that fails is logged and the
server still starts. Every browser test runs its server through serve.py too (tests/browser.py)."""

from __future__ import annotations

import importlib
import logging
import sys

from store import connection, published, scope
from tests.test_pages import run_page
from ui import startup, warmup


def test_the_pages_imports_are_found_from_their_source():
    names = startup.page_modules()
    # app.py's `from ui import attention, cards, …` and a page's `from reports import charts`
    assert {"ui.layout", "ui.filters", "reports.charts", "reports.unit_view", "pandas"} <= set(
        names
    )
    assert not any(n.startswith("__future__") for n in names)
    assert "ui.text" in names and "ui.text.md" not in names  # `from ui.text import md`: a name
    for name in names:
        importlib.import_module(name)


def test_a_restarted_server_has_read_the_kept_views_before_its_first_request(app_env):
    path = str(app_env)
    run_page("app.py")  # a previous server: store prepared and published, the view kept
    kept = warmup.recent(path)[0]
    with warmup._lock:  # a new process: nothing in memory, nothing cached
        warmup._views.clear()
        warmup._warmed.pop(path, None)
    scope.forget()
    with connection._lock:
        connection._cache.clear()
    seconds = startup.prepare(warm_seconds=120)
    assert seconds > 0
    assert "reports.charts" in sys.modules and "altair" in sys.modules
    codes, approved_only, sel = kept
    first = scope.scoped(published.reader(path), codes, approved_only)
    with connection._lock:
        held = set(connection._cache.get(first, {}))
    assert any(key.startswith("('scorecard', (" + str(sel.unit_id)) for key in held), held


def test_a_failing_step_is_logged_and_the_server_still_starts(app_env, monkeypatch, caplog):
    def broken() -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(startup, "_open_store", broken)
    with caplog.at_level(logging.INFO, logger="ui.startup"):
        startup.prepare(warm_seconds=1)
    assert "start-up step store failed" in caplog.text
    assert "start-up done" in caplog.text  # the steps after it ran, the lifespan goes on


def test_the_allocator_is_held_to_a_few_arenas(monkeypatch):
    calls = []

    class Libc:
        def mallopt(self, parameter, value):
            calls.append((parameter, value))
            return 1

    monkeypatch.setattr(startup.ctypes, "CDLL", lambda name: Libc())
    monkeypatch.setattr(startup.sys, "platform", "linux")
    monkeypatch.delenv("CHITIEU_MALLOC_ARENAS", raising=False)
    startup._cap_allocator_arenas()
    assert calls == [(startup.M_ARENA_MAX, 2)]  # the default
    monkeypatch.setenv("CHITIEU_MALLOC_ARENAS", "0")  # glibc's own default kept
    startup._cap_allocator_arenas()
    assert calls == [(startup.M_ARENA_MAX, 2)]


def test_a_long_preparation_does_not_keep_the_server_from_answering(monkeypatch):
    import threading

    release = threading.Event()
    monkeypatch.setattr(startup, "prepare", lambda: release.wait(30))
    assert startup.prepare_then_serve(hold_seconds=0.2) is False  # served while it goes on
    release.set()
    assert startup.prepare_then_serve(hold_seconds=5) is True
