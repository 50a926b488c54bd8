"""Rerun benchmark: how long a page's script takes when it runs again without anyone downloading (a
click elsewhere, a slide change). Every rerun used to build each download's file (a PNG and an SVG
per slide, the .docx/.xlsx/.csv); with `st.download_button(data=callable)` they are built only when
clicked.

Runs each page with Streamlit's AppTest on a demo store (built into a temporary folder), warms it once,
then times `--repeat` reruns and prints the median and the slowest.

    .venv/bin/python -m bench.rerun_bench [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAGES = [
    ("pages/trinh_chieu.py", "Trình chiếu"),
    ("pages/bao_cao.py", "Báo cáo"),
    ("pages/chi_tieu.py", "Chỉ tiêu"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.rerun_bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    from streamlit.testing.v1 import AppTest

    from tests.signin import sign_in_apptest, use_test_secret

    use_test_secret()

    import store
    from store import demo

    folder = Path(tempfile.mkdtemp(prefix="rerun_bench_"))
    db = folder / "demo.duckdb"
    con = store.open_store(db)
    demo.seed(con)
    con.close()
    os.environ["CHITIEU_DB"] = str(db)
    os.chdir(ROOT)
    for path, label in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        sign_in_apptest(at, db)  # the pages as an administrator sees them (every unit)
        at.switch_page(path)
        at.run()
        if at.exception:
            print(f"{label}: lỗi {at.exception[0].message}")
            return 1
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        print(
            f"[{label}] rerun: median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms "
            f"({args.repeat} reruns)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
