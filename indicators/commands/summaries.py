"""`python -m indicators summaries [--db PATH]` — make the page summaries now (docs/architecture.md)
and publish them: after `python -m store.demo`, `store restore|import` or an upgrade, so that the
app's first page does not wait for them. Prints one line: what was made and how long it took."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    p = sub.add_parser("summaries", help="tính sẵn số liệu tổng hợp cho các trang (page summaries)")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")


def run(args: argparse.Namespace) -> int:
    from indicators import summaries
    from store import StoreError, db_path, published

    said: list[str] = []
    try:
        with published.writing(
            db_path(args.db) if args.db else None,
            on_wait=lambda message: print(message, file=sys.stderr),
        ) as con:
            wrote = summaries.refresh(con, said.append)
    except StoreError as exc:
        print(f"Lỗi: {exc.title} — {exc.detail}", file=sys.stderr)
        return 1
    print(said[-1] if wrote and said else "page summaries: already current")
    return 0
