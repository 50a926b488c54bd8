"""Many leaders at once while a statistician uploads: the median time for an overview page to finish
its run with 20 browser sessions opening it together and a 1-million-cell upload being parsed,
against one session alone (parsing runs in a worker process, so it should not stop the others).

    .venv/bin/python -m bench.sessions_bench [--sessions 20] [--upload bench/out/long_1000000.xlsx]

Needs Debian chromium (make test installs it). Works on a copy of the demo store."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store import demo, published  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path, streamlit_server  # noqa: E402

PAGE = "/?unit=2&year=2025&period=1-9"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


async def _open(browser, url: str) -> float:
    page = await browser.new_page(viewport={"width": 1280, "height": 720})
    started = time.perf_counter()
    await page.goto(url + PAGE)
    await page.wait_for_selector(IDLE, timeout=300_000)
    await page.locator("[data-testid='kpi-card']").first.wait_for(timeout=300_000)
    took = time.perf_counter() - started
    await page.close()
    return took


async def _run(url: str, sessions: int, upload: Path) -> tuple[float, list[float], float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        # one browser, one page per session: the leaders' browsers are on their own machines, so the
        # bench spends as little of this machine on them as it can
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        await _open(browser, url)  # warm the server's caches once
        alone = statistics.median([await _open(browser, url) for _ in range(3)])
        uploader = await browser.new_page()
        await uploader.goto(url + "/tai_len")
        await uploader.wait_for_selector(IDLE)
        await uploader.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            str(upload)
        )
        await asyncio.sleep(1.0)  # the parse has started
        started = time.perf_counter()
        times = await asyncio.gather(*(_open(browser, url) for _ in range(sessions)))
        wall = time.perf_counter() - started
        await uploader.locator("[data-testid='stExpander']").first.wait_for(timeout=600_000)
        parse_done = time.perf_counter() - started
        await browser.close()
    print(f"the upload finished parsing {parse_done:.1f} s after the crowd arrived")
    return alone, list(times), wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--upload", default=str(ROOT / "bench" / "out" / "long_1000000.xlsx"))
    args = parser.parse_args(argv)
    upload = Path(args.upload)
    if not upload.exists():
        from bench import loader_bench

        upload.parent.mkdir(parents=True, exist_ok=True)
        loader_bench.generate_long(upload, 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        with published.writing(db) as w:
            demo.seed(w)
        with streamlit_server(db) as url:
            alone, times, wall = asyncio.run(_run(url, args.sessions, upload))
    crowd = statistics.median(times)
    print(f"one session alone: median {alone:.2f} s")
    print(
        f"{args.sessions} sessions at once, an upload of {upload.name} parsing: median {crowd:.2f} s, "
        f"max {max(times):.2f} s, all done in {wall:.1f} s — {crowd / alone:.1f}× one session"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
