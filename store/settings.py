"""Numbers an operator sets in the environment (docs/operations.md, "Limits"): a value that is not a
whole number falls back to the default rather than stopping the server."""

from __future__ import annotations

import os


def env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default
