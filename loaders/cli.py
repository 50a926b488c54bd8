"""`python -m loaders check|load|export` — a thin layer over the library (docs/loading.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from loaders.cli_aliases import add_alias_commands, cmd_aliases
from loaders.commit import commit, cross_file_problems, earlier_copies
from loaders.isolated import parse_isolated
from loaders.mapfile import print_unknowns, read_map, write_map_template
from loaders.parse import FileResult
from loaders.problems import problem
from loaders.read import Limits
from loaders.report import format_line, summary
from vn import numbers as fmt


def _limits(args) -> Limits:
    return Limits(max_bytes=int(args.max_mb * 1024 * 1024))


_OS_REASONS = {
    "ENOENT": "không có tệp này",
    "EACCES": "không có quyền đọc",
    "EPERM": "không có quyền đọc",
    "EISDIR": "đây là một thư mục",
}


def _read(path: str, max_bytes: int | None = None) -> tuple[str, bytes | None, str | None]:
    """The file's bytes, or why not: a missing file, a folder, a device or a pipe (`/dev/zero` would
    never end), or a file over `max_bytes` (refused before it is read: its size is enough)."""
    import errno
    import stat

    p = Path(path)
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            return p.name, None, "đây là một thư mục" if p.is_dir() else "không phải một tệp thường"
        if max_bytes is not None and info.st_size > max_bytes:
            return p.name, b"", f"size:{info.st_size}"
        return p.name, p.read_bytes(), None
    except OSError as exc:
        code = errno.errorcode.get(exc.errno or 0, "")
        return p.name, None, _OS_REASONS.get(code, "không đọc được tệp")


def _uploader_provinces(user: str, db: str | None, con) -> set[str] | None:
    """The provinces of the account `--user` names (its units'), the names of the files are
    matched among, as on the upload page; None (the whole deployment) for a name with no account."""
    from store import accounts, regions
    from store.connection import db_path

    try:
        account = accounts.get(user, db_path(db) if db else None)
    except Exception:  # no accounts file yet, or unreadable: match in the whole deployment
        return None
    return regions.of_units(con, account.units) if account is not None else None


def _parse_all(
    files: list[str],
    con,
    limits: Limits,
    decisions=None,
    read: dict[str, bytes] | None = None,
    within: set[str] | None = None,
) -> list[FileResult]:
    """Every file parsed in the worker; `read` (when given) collects each file's bytes by sha256,
    to keep beside the store once loaded."""
    results = []
    for path in files:
        name, data, failure = _read(path, limits.max_bytes)
        if failure and failure.startswith("size:"):
            r = FileResult(name=path, sha256="", size=int(failure[5:]))
            r.problems.append(
                problem(
                    "too-large",
                    path,
                    None,
                    None,
                    "bytes",
                    size_mb=fmt.number(r.size / 2**20, 1),
                    limit_mb=fmt.number(limits.max_bytes / 2**20, 0),
                )
            )
            results.append(r)
            continue
        if data is None:
            r = FileResult(name=path, sha256="", size=0)
            r.problems.append(
                problem("not-a-spreadsheet", path, None, None, "unopened", reason=failure or "")
            )
            results.append(r)
            continue
        # in a worker, as the app does: a hostile file is a problem on that file, not a crash
        r = parse_isolated(path, data, con, limits=limits, decisions=decisions, within=within)
        r.problems += earlier_copies(con, r)
        if read is not None and r.sha256:
            read[r.sha256] = data
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


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _open(db: str | None):
    """The newest published snapshot of the store, read-only: reading commands run beside the app,
    another server and a load in progress (store.published). None, said why, when it cannot."""
    from store import published
    from store.connection import StoreError, db_path

    try:
        return published.reader(db_path(db) if db else None, on_wait=_say)
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
    read: dict[str, bytes] = {}
    user = args.user or os.environ.get("CHITIEU_USER") or _whoami()
    within = _uploader_provinces(user, args.db, con)
    results = _parse_all(args.files, con, _limits(args), decisions, read, within)
    errors, warnings = _print_problems(results)
    print_unknowns(results)
    from indicators import summaries
    from store import published
    from store.connection import StoreError, db_path

    published.derive_with(summaries.refresh)  # the page summaries made before publishing
    try:  # parsed on the snapshot; written with the write lock, then published for every reader
        with published.writing(db_path(args.db) if args.db else None, on_wait=_say) as w:
            # a load that finished while this one waited may have brought the same file
            for r in results:
                for p in earlier_copies(w, r):
                    if p not in r.problems:
                        print(format_line(p))
            outcome = commit(w, results, user, files=read)
    except StoreError as exc:
        print(f"lỗi: {exc.title} — {exc.detail}", file=sys.stderr)
        return 1
    shown = {(p.file, p.sheet, p.cell, p.code) for r in results for p in r.problems}
    for p in outcome.problems:
        if (p.file, p.sheet, p.cell, p.code) not in shown:
            print(format_line(p))
    if not outcome.committed:
        print("Không nạp gì: sửa các lỗi trên rồi nạp lại.", file=sys.stderr)
        return 1
    n_obs = fmt.number(outcome.n_observations, 0)
    n_rep = fmt.number(outcome.n_replaced, 0)
    same = f", {fmt.number(outcome.n_unchanged, 0)} không đổi" if outcome.n_unchanged else ""
    print(
        f"Đã nạp {n_obs} số liệu ({n_rep} thay thế số cũ{same}), mã lần nạp: "
        f"{', '.join(map(str, outcome.upload_ids))}.",
        file=sys.stderr,
    )
    return 0


def cmd_export(args) -> int:
    from loaders.export import ambiguous_targets, write_csv

    con = _open(args.db)
    if con is None:
        return 1
    write_csv(con, sys.stdout, with_source=args.with_source)
    if not args.with_source and (n := ambiguous_targets(con)):
        print(
            f"Lưu ý: {n} dòng kế hoạch chỉ khác nhau ở cấp giao (tỉnh giao, HĐND giao…); tệp này "
            "không nạp lại được đúng. Thêm --with-source để có cột target_source.",
            file=sys.stderr,
        )
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
    from vn.cli import use_vietnamese

    use_vietnamese()
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
                "--user",
                help="người nạp (mặc định $CHITIEU_USER hoặc tài khoản hệ thống); khi là một tài khoản, "
                "tên đơn vị trong tệp được đối chiếu trong các tỉnh của tài khoản đó",
            )
    p = sub.add_parser("export", help="xuất mọi số liệu đã lưu ra CSV")
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument(
        "--with-source",
        action="store_true",
        help="thêm cột target_source (cấp giao kế hoạch) để tệp nạp lại vào kho trống đúng từng số",
    )
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
