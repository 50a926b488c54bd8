"""`python -m bench` (also `make bench`): build bench/out/national.duckdb when missing, then run the
page benchmark (queries per page, then Chromium). Arguments go to bench.page_bench, e.g.
`python -m bench --repeat 10 --no-browser`; `--rebuild` rebuilds the store first."""

from __future__ import annotations

import sys

from bench import national_store, page_bench


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    rebuild = "--rebuild" in args
    if rebuild:
        args.remove("--rebuild")
    if rebuild or not national_store.DEFAULT_OUT.exists():
        national_store.build(national_store.DEFAULT_OUT, force=True)
    return page_bench.main(args)


if __name__ == "__main__":
    raise SystemExit(main())
