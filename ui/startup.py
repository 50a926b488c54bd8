"""What a server does once, when it starts and before it answers its first request (serve.py): the
modules the pages import, the store prepared and opened, Altair's schema loaded, and the recent
views read ahead on the newest snapshot (ui.warmup). A fresh server's first leader then waits for
the page, not for the server. Nothing here may stop the server: a failure is logged and the pages
do the same work on their first run, as they would without it."""

from __future__ import annotations

import ast
import ctypes
import importlib
import importlib.util
import logging
import sys
import threading
import time
from pathlib import Path

from store.settings import env_int

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
WARM_SECONDS = 20.0  # the longest the first request is held for the recent views to be read
# the longest the server waits for all of it before it answers: a store whose page summaries must be
# remade (new code on a national store: minutes) is prepared while the first page says it waits
HOLD_SECONDS = 60.0


def page_modules(root: Path = ROOT) -> list[str]:
    """The modules app.py and pages/*.py import at their top (what a page run imports first);
    finding whether `from ui import layout` names a module imports `ui` itself."""
    names: set[str] = set()
    for script in [root / "app.py", *sorted((root / "pages").glob("*.py"))]:
        for node in ast.parse(script.read_text("utf-8")).body:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "__future__":
                    continue
                for alias in node.names:  # a module (`from ui import layout`) or a name in one
                    inner = f"{node.module}.{alias.name}"
                    names.add(inner if _is_module(inner) else node.module)
    return sorted(names)


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # its parent is a module, not a package (`vn.numbers.number`)
        return False


def _altair_schema() -> None:
    """Altair validates each chart against the Vega-Lite schema, loaded on first use (~0,3 s)."""
    import altair as alt
    import pandas as pd

    alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q").to_dict()


class _ThisThread(logging.Filter):
    """Streamlit warns of a missing ScriptRunContext whenever its caches run outside a page run:
    here that is the point, so its warnings from this thread are dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread != threading.get_ident()


def prepare_then_serve(hold_seconds: float = HOLD_SECONDS) -> bool:
    """`prepare` in a thread of its own, waited for up to `hold_seconds`; True when it finished.
    Beyond that the server answers and the preparation goes on (the first page's "Đang mở kho dữ
    liệu…" waits for the same store preparation: ui.data)."""
    worker = threading.Thread(target=prepare, name="chitieu-startup", daemon=True)
    worker.start()
    worker.join(hold_seconds)
    if worker.is_alive():
        log.warning("start-up still running after %.0f s: serving meanwhile", hold_seconds)
        return False
    return True


def prepare(warm_seconds: float = WARM_SECONDS) -> float:
    """Everything above, in order; seconds taken. Never raises."""
    from ui import logs

    started = time.perf_counter()
    logs.setup()
    quiet = _ThisThread()
    context_log = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    context_log.addFilter(quiet)
    try:
        _run(warm_seconds)
    finally:
        context_log.removeFilter(quiet)
    seconds = time.perf_counter() - started
    log.info("start-up done in %.2f s", seconds)
    return seconds


def _cap_allocator_arenas() -> None:
    """glibc gives each thread that allocates at once its own heap arena (up to 8 per core), and
    Streamlit runs every session in a thread: 20 leaders' page runs fragmented memory across ~16
    arenas. A few arenas shared keep a busy server's resident memory near what it holds
    (CHITIEU_MALLOC_ARENAS, 0 = glibc's default)."""
    arenas = env_int("CHITIEU_MALLOC_ARENAS", 2)
    if arenas <= 0 or sys.platform != "linux":
        return
    libc = ctypes.CDLL(None)
    if not hasattr(libc, "mallopt"):  # not glibc (musl): nothing to set
        return
    libc.mallopt(M_ARENA_MAX, arenas)


def _run(warm_seconds: float) -> None:
    steps = [
        ("allocator", _cap_allocator_arenas),
        ("imports", lambda: [importlib.import_module(name) for name in page_modules()]),
        ("charts", _altair_schema),
        ("store", _open_store),
        ("recent views", lambda: _wait_warmed(warm_seconds)),
    ]
    for name, step in steps:
        begun = time.perf_counter()
        try:
            step()
        except Exception:  # the pages do this work themselves on their first run
            log.exception("start-up step %s failed", name)
        log.info("start-up: %s in %.2f s", name, time.perf_counter() - begun)


def _open_store() -> None:
    from ui import data

    data.connection()  # migrated, summaries current, warm-up watching (ui.data)


def _wait_warmed(seconds: float) -> None:
    from ui import data, warmup

    if not warmup.wait_warmed(data.store_path(), timeout=seconds):
        log.warning("recent views still being read after %.0f s: serving meanwhile", seconds)
