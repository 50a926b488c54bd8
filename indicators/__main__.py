"""`python -m indicators <command> ...` — a thin layer over the library (see indicators/commands/)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from indicators.commands import COMMANDS
from indicators.commands.common import CommandError


def main(argv: list[str] | None = None) -> int:
    from vn.cli import use_vietnamese

    use_vietnamese()
    parser = argparse.ArgumentParser(
        prog="python -m indicators", description="Chỉ tiêu: indicator measures"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"indicators.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"indicators.commands.{name}":
                continue  # command not built yet
            raise
        module.add_parser(sub)
        modules[name] = module
    args = parser.parse_args(argv)
    try:
        return modules[args.command].run(args)
    except CommandError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and closed: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
