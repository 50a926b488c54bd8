"""Many leaders at once while a statistician uploads: how long the overview takes the server with 20
sessions asking for it together — alone, and while a 1-million-cell upload is being parsed — against
one session alone. Parsing runs in a worker process, so it should cost the others little.

Sessions are headless Streamlit clients (websocket, the protocol the browser speaks): a session's
time is from its rerun request to the server's `script_finished`, so no browser rendering on this
machine is counted. The upload goes through the real upload page in Chromium.

    .venv/bin/python -m bench.sessions_bench [--sessions 20] [--upload bench/out/long_1000000.xlsx]
    .venv/bin/python -m bench.sessions_bench --national [--sessions 20]

Needs Debian chromium (make test installs it). Works on a fresh demo store. `--national`: on the
national bench store (bench/national_store.py), each session an administrator of another province
opening its province's overview (20 scopes on one server), no upload; prints the server's resident
memory (VmRSS) before and after the crowd and its peak (VmHWM), against the 1 GB target of issue 16."""

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
from tests import signin  # noqa: E402
from tests.browser import CHROMIUM_ARGS, DB_OF, chromium_path, streamlit_server  # noqa: E402
from ui import session_token  # noqa: E402

QUERY = "unit=2&year=2025&period=1-9"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


COOKIE: dict[str, str] = {}  # the signed-in administrator's session cookie, set in main()
RSS_TARGET_MB = 1024.0  # issue 16: the server's memory with 20 sessions


def memory_mb(pid: int) -> dict[str, float]:
    """The process's resident memory now (VmRSS) and at its peak (VmHWM), MB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


async def session(port: int, query: str = QUERY, cookie: dict | None = None) -> float:
    """One new session, signed in, running the overview once: seconds to `script_finished`."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with websockets.connect(
        url, subprotocols=["streamlit"], max_size=None, additional_headers=cookie or COOKIE
    ) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_script_hash = ""
        started = time.perf_counter()
        await ws.send(msg.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await ws.recv())
            if forward.WhichOneof("type") == "script_finished":
                return time.perf_counter() - started


async def crowd(port: int, n: int) -> list[float]:
    return list(await asyncio.gather(*(session(port) for _ in range(n))))


async def with_upload(url: str, port: int, n: int, upload: Path) -> tuple[list[float], float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = await browser.new_context()
        await context.add_cookies(
            [{"name": session_token.COOKIE, "value": signin.token(DB_OF[url]), "url": url}]
        )
        page = await context.new_page()
        await page.goto(url + "/tai_len", timeout=300_000)
        await page.wait_for_selector(IDLE, timeout=300_000)
        await page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            str(upload)
        )
        await page.locator("[data-testid='stProgress']").first.wait_for(timeout=120_000)
        started = time.perf_counter()
        times = await crowd(port, n)
        await page.locator("[data-testid='stExpander']").first.wait_for(timeout=900_000)
        parsed = time.perf_counter() - started
        await browser.close()
    return times, parsed


def national(n: int) -> int:
    """n administrators of n provinces at once on the national store: time and server memory."""
    import store
    from bench import national_store
    from tests.browser import PID_OF

    db = national_store.DEFAULT_OUT
    if not db.exists():
        print(f"{db} missing: run `python -m bench.national_store` first")
        return 2
    national_store.serve_all()
    con = store.open_store(db)
    national_store.ensure_units(con)
    provinces = con.execute(
        "SELECT unit_id, code FROM admin_units WHERE parent_id IS NULL"
        " AND valid_from <= DATE '2025-09-30' AND (valid_to IS NULL OR valid_to >= DATE '2025-09-30')"
        " ORDER BY code LIMIT ?",
        [n],
    ).fetchall()
    con.close()
    national_store.ensure_published(db)
    views = []
    for unit_id, code in provinces:
        cookie = {
            "Cookie": f"{session_token.COOKIE}="
            + signin.token(db, f"bench.tinh{code}", "quan_tri", (code,))
        }
        views.append((f"unit={unit_id}&year=2025&period=1-9", cookie))
    env = {"CHITIEU_DEMO": "0", "CHITIEU_PROVINCES": national_store.PROVINCES}
    with streamlit_server(db, env) as url:
        port, pid = int(url.rsplit(":", 1)[1]), PID_OF[url]
        asyncio.run(session(port, *views[0]))  # the server's imports and first snapshot
        before = memory_mb(pid)
        alone = statistics.median(asyncio.run(session(port, *views[0])) for _ in range(3))

        async def everyone() -> list[float]:
            return list(await asyncio.gather(*(session(port, q, c) for q, c in views)))

        started = time.perf_counter()
        times = asyncio.run(everyone())
        wall = time.perf_counter() - started
        again = asyncio.run(everyone())  # the same views again: cached frames
        after = memory_mb(pid)
    med = statistics.median(times)
    print(f"national store, {len(views)} provinces' administrators on one server")
    print(f"one session alone (its province's overview, warm): median {alone:.2f} s")
    print(
        f"{len(views)} sessions at once, each its own province (first views): median {med:.2f} s,"
        f" max {max(times):.2f} s, all done in {wall:.2f} s"
    )
    print(
        f"the same {len(views)} again: median {statistics.median(again):.2f} s, max {max(again):.2f} s"
    )
    rss, peak = after["VmRSS"], after["VmHWM"]
    print(
        f"server memory: {before['VmRSS']:.0f} MB after its first page, {rss:.0f} MB after the"
        f" crowds, peak {peak:.0f} MB — ratio {peak / RSS_TARGET_MB:.2f} to {RSS_TARGET_MB:.0f} MB"
        f" {'ok' if peak <= RSS_TARGET_MB else 'MISS'}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--upload", default=str(ROOT / "bench" / "out" / "long_1000000.xlsx"))
    parser.add_argument(
        "--national", action="store_true", help="20 provinces on the national store"
    )
    args = parser.parse_args(argv)
    if args.national:
        return national(args.sessions)
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
            COOKIE["Cookie"] = f"{session_token.COOKIE}={signin.token(db)}"
            port = int(url.rsplit(":", 1)[1])
            asyncio.run(session(port))  # warm the server's caches once
            alone = statistics.median(asyncio.run(session(port)) for _ in range(5))
            many = asyncio.run(crowd(port, args.sessions))
            loaded, parsed = asyncio.run(with_upload(url, port, args.sessions, upload))
    print(f"one session alone: median {alone:.2f} s")
    for label, times in (("no upload", many), (f"{upload.name} being parsed", loaded)):
        med = statistics.median(times)
        print(
            f"{args.sessions} sessions at once, {label}: median {med:.2f} s, max {max(times):.2f} s "
            f"— {med / alone:.1f}× one session"
        )
    print(f"the upload's preview appeared {parsed:.1f} s after the crowd arrived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
