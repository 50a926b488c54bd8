"""Page benchmark on the national-scale store (bench/national_store.py).

Part 1 — queries: for each page, the data functions the page script calls, in its order and with its
parameters (a province of ~98 communes, 9 months of 2025), each repeated N times in this process on the
app's own kind of connection (the published snapshot through the viewer's scope, as ui.data.scoped). Prints median and p95 per call and per page (the sum
of one pass over the page's calls), with the ratio to the target (issue 16: 50 ms cold, 20 ms warm;
ratio ≤ 1 = met).

Part 2 — Chromium: the app served by `streamlit run app.py` on the bench store, Debian chromium driven
by Playwright. Prints the time from navigation to the first chart drawn ([data-testid=stVegaLiteChart]
canvas/svg) for Tổng quan, Chỉ tiêu and So sánh — the first load (for Tổng quan: of a fresh server)
and the median of later loads — and, for Tổng quan and Chỉ tiêu, the time from picking another year
in the sidebar's Năm box to the rerun finished (script state notRunning, new heading, chart drawn),
with the ratios to the targets (a fresh server's first page 3 s, later loads 1,5 s, a filter change
0,5 s).

    .venv/bin/python -m bench.page_bench [--db bench/out/national.duckdb] [--repeat 30] [--loads 5]
                                         [--no-browser] [--no-queries]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import national_store  # noqa: E402
from vn.periods import Period  # noqa: E402

QUERY_TARGET_MS = {"cold": 50.0, "warm": 20.0}  # a page's queries, median of one pass
FRESH_SERVER_TARGET_S = 3.0  # a fresh server's first page → first chart
FIRST_CHART_TARGET_S = 1.5  # later loads → first chart
FILTER_TARGET_S = 0.5  # a filter change → redrawn
# an administrator of the bench province: the pages show what its leaders see
VIEWER = ("bench.quantri", "quan_tri", (national_store.BENCH_PROVINCE_CODE,))
PROVINCE = (
    0  # set by main(): Tỉnh Thanh Hóa's unit_id (national_store.BENCH_PROVINCE_CODE, 166 communes)
)
YEAR, MONTH_FROM, MONTH_TO = 2025, 1, 9  # an in-year period: pace history and projections are used
OTHER_YEAR = 2024  # the filter change in the browser


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * (len(ordered) - 1))))]


def _load() -> str:
    try:
        return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return ""


def _commit() -> str:
    import subprocess

    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        return out.stdout.strip() or "?"
    except OSError:
        return "?"


# --- part 1: the pages' data functions ---------------------------------------------------------------


def selection(con):
    from reports.unit_view import Selection

    return Selection(PROVINCE, "Tỉnh Thanh Hóa", Period(YEAR, MONTH_FROM, MONTH_TO), "tinh")


def page_steps(con) -> dict[str, list[tuple[str, object]]]:
    """Per page, the reads its script makes (reports.page_reads: a test holds the pages to it)."""
    from reports import page_reads

    return page_reads.steps(con, selection(con))


MODES = {
    "cold": "a new snapshot: its instance opened, its scope built, nothing read yet",
    "new scope": "the snapshot's instance in use by other scopes; this scope built anew",
    "after publish": "a new snapshot, warmed (ui.warmup) for the viewer's last view before the view",
    "warm": "repeated views of the same unit and period (frames cached)",
}


def run_queries(db: Path, repeat: int) -> list[dict]:
    """Each page's reads on the connection a page gets (the snapshot through the viewer's scope),
    in the four situations of MODES. COLD is what a view nobody has seen since an upload waits for;
    AFTER PUBLISH what the first leader waits for once the warm-up has read the views shown last."""
    import store
    from store import published, scope
    from ui import warmup

    writer = store.open_store(db)
    national_store.ensure_units(writer)
    writer.close()
    national_store.ensure_published(db)
    reader = published.reader(db)
    con = scope.scoped(reader, VIEWER[2])
    n_obs = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    n_kids = con.execute(
        "SELECT count(*) FROM admin_units WHERE parent_id = ?", [PROVINCE]
    ).fetchone()[0]
    results = []
    for mode, meaning in MODES.items():
        print(
            f"\n== Queries, {mode.upper()} ({meaning}): {n_obs:,} observations; province {PROVINCE}"
            f" with {n_kids} communes over time; {MONTH_FROM}-{MONTH_TO}/{YEAR}; {repeat} passes; {_load()}"
        )
        print(
            f"{'page / call':58s} {'median ms':>10s} {'p95 ms':>8s} {'first ms':>9s} {'ratio':>6s}"
        )
        target = QUERY_TARGET_MS["warm" if mode == "warm" else "cold"]
        warmups: list[float] = []
        for page in page_steps(con):
            times: dict[str, list[float]] = {}
            totals = []
            # each page's passes start from a collected heap: COLD's ~30 throwaway instances (a
            # server makes one per publish) would otherwise be collected in the next page's passes
            gc.collect()
            for i in range(repeat + 1):  # pass 0 is the first pass, reported apart
                opened = 0.0
                if mode != "warm":
                    if mode == "new scope":
                        scope.forget_scopes()
                        scope.wait_for_spares()  # the idle moment between two leaders' views
                    else:
                        scope.forget()
                    if mode == "after publish":
                        warmup.seen(str(db), scope.scoped(reader, VIEWER[2]), selection(con))
                        scope.forget()
                        warmups.append(warmup.warm(str(db)))
                    start = time.perf_counter()
                    con = scope.scoped(reader, VIEWER[2])
                    opened = (time.perf_counter() - start) * 1000
                steps = [("scoped connection", None)] * (mode != "warm")
                steps += page_steps(con)[page]
                total = 0.0
                for name, fn in steps:
                    start = time.perf_counter()
                    if fn is not None:
                        fn()  # type: ignore[operator]
                    ms = opened if fn is None else (time.perf_counter() - start) * 1000
                    times.setdefault(name, []).append(ms)
                    total += ms
                totals.append(total)
            print(f"{page}")
            for name in times:
                rest = times[name][1:]
                print(
                    f"  {name:56s} {statistics.median(rest):10.1f} {p95(rest):8.1f} {times[name][0]:9.1f}"
                )
            rest = totals[1:]
            median = statistics.median(rest)
            print(
                f"  {'PAGE TOTAL':56s} {median:10.1f} {p95(rest):8.1f} {totals[0]:9.1f} "
                f"{median / target:6.2f} {'ok' if median <= target else 'MISS'}"
            )
            results.append(
                {
                    "page": page,
                    "mode": mode,
                    "median_ms": median,
                    "p95_ms": p95(rest),
                    "first_ms": totals[0],
                }
            )
        if warmups:
            print(
                f"  warm-up after a publish (the viewer's last view, all pages): median"
                f" {statistics.median(warmups):.2f} s, max {max(warmups):.2f} s"
            )
    con.close()
    return results


# --- part 2: Chromium ---------------------------------------------------------------------------------

CHART = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _first_chart(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(CHART, timeout=120000)
    seconds = time.perf_counter() - start
    page.wait_for_selector(IDLE, timeout=120000)
    _no_error(page)
    return seconds


def _no_error(page) -> None:
    errors = page.locator("[data-testid='stException']")
    if errors.count():
        raise RuntimeError("the page shows an exception: " + errors.first.inner_text()[:2000])


def _change_year(page, year: int, heading_text: str) -> float:
    """Pick `year` in the sidebar's Năm box; seconds until the rerun finished with the chart drawn."""
    box = page.locator("[data-testid='stSidebar']").get_by_role("combobox", name="Năm")
    box.click()
    option = page.get_by_role("option", name=str(year), exact=True)
    if not option.is_visible():  # the list opens on a key as well as on a click (react-aria)
        page.keyboard.press("ArrowDown")
    option.wait_for(timeout=30000)
    start = time.perf_counter()
    option.click()
    page.wait_for_function(
        """([text, idle, chart]) => document.querySelector(idle) !== null
              && document.querySelector(chart) !== null
              && [...document.querySelectorAll("[data-testid='stMain'] h3")].some(h => h.innerText.includes(text))""",
        arg=[heading_text, IDLE, CHART],
        timeout=120000,
        polling=20,
    )
    seconds = time.perf_counter() - start
    _no_error(page)
    return seconds


def run_browser(db: Path, loads: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path, streamlit_server
    from tests.signin import open_page

    if chromium_path() is None:
        print("\n== Chromium: not installed (apt-get install chromium) — skipped")
        return []
    query = f"?unit={PROVINCE}&year={YEAR}&period={MONTH_FROM}-{MONTH_TO}"
    this_period = f"{MONTH_TO} tháng năm {YEAR}"
    other_period = f"{MONTH_TO} tháng năm {OTHER_YEAR}"
    pages = [
        ("Tổng quan", "/", True),
        ("Chỉ tiêu", "/chi_tieu", True),
        ("So sánh", "/so_sanh", False),
    ]
    results = []
    print(
        f"\n== Chromium: first load, then {loads} more loads and {loads} Năm changes per page; {_load()}"
    )
    print(f"{'measure':58s} {'median s':>9s} {'max s':>7s} {'ratio':>6s}")

    def row(label: str, values: list[float], target: float) -> None:
        median = statistics.median(values)
        print(
            f"{label:58s} {median:9.2f} {max(values):7.2f} {median / target:6.2f} {'ok' if median <= target else 'MISS'}"
        )
        results.append(
            {"measure": label, "median_s": median, "max_s": max(values), "target_s": target}
        )

    env = {"CHITIEU_DEMO": "0", "CHITIEU_PROVINCES": national_store.PROVINCES}
    with streamlit_server(db, env) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for i, (name, path, change) in enumerate(pages):
            page = open_page(browser, url, *VIEWER, viewport={"width": 1400, "height": 1100})
            first = _first_chart(page, url + path + query)
            row(
                f"{name}: first load{' (fresh server)' if i == 0 else ''} → first chart",
                [first],
                FRESH_SERVER_TARGET_S if i == 0 else FIRST_CHART_TARGET_S,
            )
            row(
                f"{name}: later loads → first chart",
                [_first_chart(page, url + path + query) for _ in range(loads)],
                FIRST_CHART_TARGET_S,
            )
            if change:
                changes = []
                for k in range(loads):
                    year, text = (OTHER_YEAR, other_period) if k % 2 == 0 else (YEAR, this_period)
                    changes.append(_change_year(page, year, text))
                row(f"{name}: Năm {YEAR} ⇄ {OTHER_YEAR} → chart redrawn", changes, FILTER_TARGET_S)
            page.close()
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.page_bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--db", type=Path, default=national_store.DEFAULT_OUT)
    parser.add_argument(
        "--repeat", type=int, default=30, help="passes over each page's calls (default 30)"
    )
    parser.add_argument(
        "--loads", type=int, default=5, help="browser loads and filter changes per page (default 5)"
    )
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-queries", action="store_true")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(
            f"{args.db} missing: run `python -m bench.national_store` (or `python -m bench`) first"
        )
        return 2
    print(f"page_bench on {args.db.name}: {os.cpu_count()} CPUs, commit {_commit()}, {_load()}")
    import store

    global PROVINCE
    national_store.serve_all()  # before any open: the store must not resync to the default province
    con = store.open_store(args.db)  # as the whole country's deployment (national_store.serve_all)
    national_store.ensure_units(con)
    PROVINCE = national_store.province_id(con)
    con.close()
    national_store.ensure_published(args.db)
    if not args.no_queries:
        run_queries(args.db, args.repeat)
    if not args.no_browser:
        run_browser(args.db, args.loads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
