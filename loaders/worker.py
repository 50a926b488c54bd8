"""The parse worker's side (`python -m loaders.worker FD MEMORY_BYTES`, started by loaders.isolated):
one parse per request read from the socket FD, until it closes. A plain interpreter started with
subprocess, not multiprocessing: the server's `__main__` (Streamlit swaps in the page script) is
never run again here."""

from __future__ import annotations

import os
import resource
import sys
from multiprocessing.connection import Connection

from loaders.parse import parse_with_catalog


def serve(pipe: Connection, memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    def report(fraction: float, message: str) -> None:
        pipe.send(("progress", fraction, message))

    while True:
        try:
            name, data, catalog, limits, decisions = pipe.recv()
        except (EOFError, OSError):
            return
        result = parse_with_catalog(
            name, data, lambda: catalog, limits=limits, progress=report, decisions=decisions
        )
        pipe.send(("done", result))


if __name__ == "__main__":
    os.environ["RUST_BACKTRACE"] = "0"  # an abort is reported as a problem, not a Rust backtrace
    serve(Connection(int(sys.argv[1])), int(sys.argv[2]))
