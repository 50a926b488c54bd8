"""`python -m store users add|list|disable|reset-password` — accounts from the shell (the first
administrator is made here). Passwords are asked twice without echo, or read from stdin with
--password-stdin (scripts); never taken as an argument, so they stay out of the shell history."""

from __future__ import annotations

import getpass
import os
import pwd
import sys

from store import accounts, audit, published
from store.accounts import AccountError


def add_commands(sub) -> None:
    users = sub.add_parser("users", help="tài khoản: add, list, disable, reset-password")
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="thêm tài khoản (hỏi mật khẩu)")
    add.add_argument("name", metavar="NAME", help="tên đăng nhập")
    add.add_argument("--role", required=True, choices=sorted(accounts.roles()))
    add.add_argument(
        "--unit",
        required=True,
        action="append",
        metavar="CODE",
        help="mã đơn vị hành chính (GSO) trong phạm vi; lặp lại cho nhiều đơn vị",
    )
    add.add_argument("--display-name", default="", help="họ tên hiển thị")
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    listing = actions.add_parser("list", help="liệt kê tài khoản (CSV)")
    off = actions.add_parser("disable", help="khóa tài khoản (phiên đang mở kết thúc)")
    off.add_argument("name", metavar="NAME")
    reset = actions.add_parser("reset-password", help="đặt mật khẩu mới (hỏi mật khẩu)")
    reset.add_argument("name", metavar="NAME")
    reset.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    for p in (add, listing, off, reset):
        p.add_argument("--db", help="đường dẫn kho (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")


def _password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise AccountError("Hai lần nhập mật khẩu không giống nhau.")
    return first


def _operator() -> str:
    """The OS account running the command (from the process, not from $USER, which anyone sets)."""
    try:
        return f"cli:{pwd.getpwuid(os.geteuid()).pw_name}"
    except KeyError:
        return f"cli:{os.geteuid()}"


def run(args, path) -> int:
    """Exit 0 when done, 2 with a Vietnamese message when refused."""
    try:
        if args.users_command == "list":
            print("username,display_name,role,units,disabled,demo")
            for u in accounts.all_users(path):
                print(
                    f"{u.username},{u.display_name.replace(',', ' ')},{u.role},"
                    f"{' '.join(u.units)},{int(u.disabled)},{int(u.demo)}"
                )
            return 0
        if args.users_command == "add":
            codes = {c.strip() for c in args.unit}
            reader = published.reader(path)
            found = {
                row[0]
                for row in reader.execute(
                    "SELECT DISTINCT code FROM admin_units WHERE code IN (SELECT unnest(?::VARCHAR[]))",
                    [sorted(codes)],
                ).fetchall()
            }
            if found != codes:
                missing = ", ".join(sorted(codes - found))
                raise AccountError(
                    f"Không có đơn vị hành chính mã {missing} (data/admin_units.csv)."
                )
            user = accounts.add(
                args.name,
                _password(args.password_stdin),
                args.role,
                sorted(codes),
                args.display_name,
                path,
            )
            audit.record(
                _operator(),
                "user_add",
                f"{user.username} ({user.role})",
                units=user.units,
                store=path,
            )
            print(f"Đã thêm tài khoản {user.username} ({accounts.roles()[user.role].label}).")
        elif args.users_command == "disable":
            user = accounts.disable(args.name, path)
            audit.record(_operator(), "user_disable", user.username, store=path)
            print(f"Đã khóa tài khoản {user.username}.")
        else:
            user = accounts.set_password(args.name, _password(args.password_stdin), path)
            audit.record(_operator(), "user_password", user.username, store=path)
            print(f"Đã đặt mật khẩu mới cho {user.username}; các phiên đang mở đã kết thúc.")
    except AccountError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    return 0
