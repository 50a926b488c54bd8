"""`python -m loaders check|load|export` — a thin layer over the library (docs/loading.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from loaders.cli_aliases import add_alias_commands, cmd_aliases
from loaders.commit import commit, cross_file_problems
from loaders.mapfile import print_unknowns, read_map, write_map_template
from loaders.parse import FileResult, parse_upload
from loaders.problems import problem
from loaders.read import Limits
from loaders.report import format_line, summary
from vn import numbers as fmt


def _limits(args) -> Limits:
    return Limits(max_bytes=int(args.max_mb * 1024 * 1024))


def _read(path: str) -> tuple[str, bytes | None, str | None]:
    p = Path(path)
    try:
        return p.name, p.read_bytes(), None
    except OSError as exc:
        return p.name, None, str(exc.strerror or exc)


def _parse_all(files: list[str], con, limits: Limits, decisions=None) -> list[FileResult]:
    results = []
    for path in files:
        name, data, failure = _read(path)
        if data is None:
            r = FileResult(name=path, sha256="", size=0)
            r.problems.append(
                problem("not-a-spreadsheet", path, None, None, "unopened", reason=failure or "")
            )
            results.append(r)
            continue
        if Path(path).stat().st_size > limits.max_bytes:
            pass  # parse_upload reports too-large
        r = parse_upload(path, data, con, limits=limits, decisions=decisions)
        results.append(r)
    return results


def _print_problems(results: list[FileResult], extra=()) -> tuple[int, int]:
    errors = warnings = 0
    for r in results:
        for p in r.problems:
            print(format_line(p))
            errors += p.is_error
            warnings += not p.is_error
    for p in extra:
        print(format_line(p))
        errors += p.is_error
        warnings += not p.is_error
    return errors, warnings


def _open(db: str | None, create: bool = True):
    from store import open_store
    from store.connection import StoreError, db_path

    try:
        return open_store(db_path(db) if db else None)
    except StoreError as exc:
        print(f"lỗi: {exc.title} — {exc.detail}", file=sys.stderr)
        return None


def cmd_check(args) -> int:
    from store import open_store

    db = args.db or os.environ.get(
        "CHITIEU_DB"
    )  # the store `load` would use: its learnt names apply
    con = _open(db) if db else open_store(":memory:")
    if con is None:
        return 1
    decisions = read_map(args.map, con) if args.map else None
    if isinstance(decisions, str):
        print(f"lỗi: {decisions}", file=sys.stderr)
        return 2
    results = _parse_all(args.files, con, _limits(args), decisions)
    errors, warnings = _print_problems(results, cross_file_problems(results))
    print_unknowns(results)
    if args.write_map:
        write_map_template(results, args.write_map)
    n_obs = sum(len(r.observations) for r in results)
    print(summary(len(results), n_obs, errors, warnings), file=sys.stderr)
    return 1 if errors else 0


def cmd_load(args) -> int:
    con = _open(args.db)
    if con is None:
        return 1
    decisions = read_map(args.map, con) if args.map else None
    if isinstance(decisions, str):
        print(f"lỗi: {decisions}", file=sys.stderr)
        return 2
    results = _parse_all(args.files, con, _limits(args), decisions)
    errors, warnings = _print_problems(results)
    print_unknowns(results)
    user = args.user or os.environ.get("CHITIEU_USER") or _whoami()
    outcome = commit(con, results, user)
    shown = {(p.file, p.sheet, p.cell, p.code) for r in results for p in r.problems}
    for p in outcome.problems:
        if (p.file, p.sheet, p.cell, p.code) not in shown:
            print(format_line(p))
    con.close()
    if not outcome.committed:
        print("Không nạp gì: sửa các lỗi trên rồi nạp lại.", file=sys.stderr)
        return 1
    n_obs = fmt.number(outcome.n_observations, 0)
    n_rep = fmt.number(outcome.n_replaced, 0)
    print(
        f"Đã nạp {n_obs} số liệu ({n_rep} thay thế số cũ), mã lần nạp: "
        f"{', '.join(map(str, outcome.upload_ids))}.",
        file=sys.stderr,
    )
    return 0


def cmd_export(args) -> int:
    from loaders.export import write_csv

    con = _open(args.db)
    if con is None:
        return 1
    write_csv(con, sys.stdout)
    con.close()
    return 0


def _whoami() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "cli"


def main(argv: list[str] | None = None) -> int:
    import logging

    if not os.environ.get("CHITIEU_DEBUG"):  # technical detail stays out of the user's terminal
        logging.getLogger("loaders").addHandler(logging.NullHandler())
        logging.getLogger("loaders").propagate = False
    parser = argparse.ArgumentParser(
        prog="python -m loaders", description="Nạp biểu báo cáo vào kho số liệu."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("check", "kiểm tra tệp, không ghi gì"),
        ("load", "kiểm tra và nạp tệp (tất cả hoặc không)"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("files", nargs="+", metavar="FILE")
        p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
        p.add_argument(
            "--max-mb",
            type=float,
            default=20.0,
            help="giới hạn dung lượng mỗi tệp (MB, mặc định 20)",
        )
        p.add_argument(
            "--map",
            metavar="MAP.csv",
            help="quyết định cho các tên chưa có trong danh mục: cột name,kind,code (code = mã chỉ tiêu, "
            "mã đơn vị hành chính, hoặc skip = không theo dõi)",
        )
        if name == "check":
            p.add_argument(
                "--write-map",
                metavar="MAP.csv",
                help="ghi mẫu MAP.csv cho các tên chưa biết (điền cột code)",
            )
        if name == "load":
            p.add_argument(
                "--user", help="người nạp (mặc định $CHITIEU_USER hoặc tài khoản hệ thống)"
            )
    p = sub.add_parser("export", help="xuất mọi số liệu đã lưu ra CSV")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    add_alias_commands(sub)
    args = parser.parse_args(argv)
    try:
        commands = {
            "check": cmd_check,
            "load": cmd_load,
            "export": cmd_export,
            "aliases": cmd_aliases,
        }
        return commands[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… export | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # no traceback reaches the user
        print(
            f"lỗi: lỗi hệ thống ({type(exc).__name__}: {exc}). Không có gì được ghi.",
            file=sys.stderr,
        )
        return 1
