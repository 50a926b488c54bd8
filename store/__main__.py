"""`python -m store init [--db PATH]` — create or upgrade a store (schema + catalog + units, no data).

Demo data: `python -m store.demo [--db PATH]`."""

from __future__ import annotations

import argparse
import sys

from store.connection import StoreError, db_path, open_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m store")
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="tạo/nâng cấp kho dữ liệu (create or migrate the store)")
    init.add_argument("--db", help="đường dẫn kho (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    args = parser.parse_args(argv)
    path = db_path(args.db)
    try:
        con = open_store(path)
    except StoreError as exc:
        print(f"{exc.title}: {exc.detail}", file=sys.stderr)
        return 1
    print(f"Kho dữ liệu sẵn sàng: {path}")
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
