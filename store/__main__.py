"""`python -m store init|backup|restore|export|import` — create or upgrade a store; back it up while
the app runs; restore a backup; a full export as Parquet and its import (docs/operations.md).

Demo data: `python -m store.demo [--db PATH]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from store import cli_users, portable, published
from store.connection import StoreError, db_path

DB_HELP = "đường dẫn kho (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)"


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    from vn.cli import use_vietnamese

    use_vietnamese()
    parser = argparse.ArgumentParser(prog="python -m store")
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="tạo/nâng cấp kho dữ liệu (create or migrate the store)")
    init.add_argument("--db", help=DB_HELP)
    backup = sub.add_parser("backup", help="sao lưu kho (chạy được khi ứng dụng đang chạy)")
    backup.add_argument("--db", help=DB_HELP)
    backup.add_argument("--to", help="thư mục ghi bản sao lưu (mặc định data/backups)")
    restore = sub.add_parser("restore", help="khôi phục kho từ một bản sao lưu")
    restore.add_argument("file", help="tệp sao lưu (.duckdb)")
    restore.add_argument("--db", help=DB_HELP)
    exp = sub.add_parser("export", help="xuất toàn bộ kho (mọi bảng, Parquet) ra một thư mục")
    exp.add_argument("folder", help="thư mục trống để ghi")
    exp.add_argument("--db", help=DB_HELP)
    imp = sub.add_parser("import", help="tạo kho mới từ một thư mục đã xuất")
    imp.add_argument("folder", help="thư mục đã xuất bằng python -m store export")
    imp.add_argument("--db", help=DB_HELP)
    cli_users.add_commands(sub)
    args = parser.parse_args(argv)
    path = db_path(args.db)
    try:
        if args.command == "users":
            return cli_users.run(args, path)
        if args.command == "backup":
            print(f"Đã sao lưu: {published.backup(path, args.to, on_wait=_say)}")
        elif args.command == "export":
            print(f"Đã xuất toàn bộ kho vào {portable.export(args.folder, path)}")
        elif args.command == "import":
            print(f"Đã tạo kho {portable.import_(args.folder, path)} từ {args.folder}")
        elif args.command == "restore":
            aside = published.restore(args.file, path, on_wait=_say)
            print(f"Đã khôi phục {path} từ {args.file}; kho cũ được giữ ở {aside}")
        else:
            with published.writing(path, on_wait=_say):
                pass  # migrated, reference data synced, published for readers
            print(f"Kho dữ liệu sẵn sàng: {path}")
    except StoreError as exc:
        print(f"lỗi: {exc.title} — {exc.detail}", file=sys.stderr)
        return 2 if args.command in ("restore", "import", "export") else 1
    except OSError as exc:
        where = Path(exc.filename).name if exc.filename else ""
        print(f"lỗi: không đọc/ghi được tệp {where} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    except duckdb.Error as exc:  # never a traceback: DuckDB's own words, briefly
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"lỗi: kho dữ liệu từ chối thao tác — {first}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
