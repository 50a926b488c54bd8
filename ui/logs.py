"""The app's log: one rotating file per store folder (`data/logs/chitieu.log` beside the default
store, or `$CHITIEU_LOG_DIR`), set up once per server process. Failures are written here with the
error id the user was shown (ui.errors); docs/operations.md says where to look."""

from __future__ import annotations

import logging
import os
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

import store

_lock = threading.Lock()
_done: set[str] = set()
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5


def log_dir() -> Path:
    configured = os.environ.get("CHITIEU_LOG_DIR")
    if configured:
        return Path(configured)
    target = store.db_path()
    return (Path.cwd() if str(target) == ":memory:" else target.parent) / "logs"


def setup() -> Path:
    """Send the app's and the loader's records to the rotating file (idempotent); returns its path."""
    path = log_dir() / "chitieu.log"
    with _lock:
        if str(path) in _done:
            return path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        except OSError:  # a read-only folder: the console still has it
            handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s")
        )
        for name in ("chitieu", "loaders", "store", "indicators", "reports", "ui"):
            logger = logging.getLogger(name)
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
        _done.add(str(path))
    return path
