"""Helpers for real-browser tests: a Streamlit server on a free loopback port, headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Debian's chromium (/usr/bin/chromium), installed by `make test`; Playwright never downloads one."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


DB_OF: dict[str, Path] = {}  # a running test server's URL → its store (tests.signin mints cookies)
PID_OF: dict[str, int] = {}  # url → the server process (benchmarks read its memory)


@contextmanager
def streamlit_server(db_path: Path, extra_env: dict | None = None):
    from tests.signin import TEST_SECRET

    port = free_port()
    env = {
        **os.environ,
        "CHITIEU_DB": str(db_path),
        "CHITIEU_SECRET": TEST_SECRET,
        **(extra_env or {}),
    }
    log = open(db_path.parent / f"streamlit_{port}.log", "w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "serve.py",  # as `make run`: prepared before its first request (ui.startup)
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    DB_OF[url] = db_path
    PID_OF[url] = proc.pid
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError(
                "streamlit did not start: " + (db_path.parent / f"streamlit_{port}.log").read_text()
            )
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def wait_idle(page, timeout_ms: int = 60000) -> None:
    """Wait until Streamlit finished its rerun (a new document starts in state 'initial').

    The end of the run is not the end of drawing: page links, charts and tables are lazily loaded
    frontend components (PageLink.*.js, …) that appear up to a second or two later on a browser's
    first visit. Check those with `wait_count` or Playwright's `expect`, never with a bare count."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout_ms
    )


def wait_count(locator, at_least: int = 1, timeout_ms: int = 20000) -> int:
    """Wait until `locator` matches at least `at_least` elements; return how many it matches."""
    from playwright.sync_api import expect

    if at_least <= 1:
        expect(locator.first).to_be_attached(timeout=timeout_ms)
    else:
        expect(locator.nth(at_least - 1)).to_be_attached(timeout=timeout_ms)
    return locator.count()


def assert_no_error(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.locator(
        "[data-testid='stException']"
    ).first.inner_text()
    text = page.locator("[data-testid='stApp']").inner_text()
    assert "Page not found" not in text
    assert "Traceback" not in text


def shot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def until_url(page, action, pattern: str, tries: int = 3, timeout_ms: int = 15000) -> None:
    """Do `action` until the URL matches `pattern` (a click or key press can land while a rerun is
    still drawing the page and be lost; retried a few times before failing)."""
    for attempt in range(tries):
        action(attempt)
        try:
            page.wait_for_url(pattern, timeout=timeout_ms)
            return
        except Exception:
            if attempt == tries - 1:
                raise
            wait_idle(page)
