"""The uploaded files themselves, kept beside the store by content (`files/<sha256>.<ext>`), so that a
re-apply, an audit or a question about a figure can go back to the file it came from. Size-capped
(`CHITIEU_FILES_MAX_MB`, default 2048 in total): past the cap a file is not kept, and the log says so."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from store.connection import db_path
from store.settings import env_int

log = logging.getLogger(__name__)
_SUFFIX = re.compile(r"\.(xlsx|xlsm|xls|ods|csv|txt)$", re.I)


def folder(path: str | os.PathLike | None = None) -> Path:
    """`files/` beside the store file — the write store, or a published snapshot of it."""
    target = db_path(path)
    base = target.parent.parent if target.parent.name == "snapshots" else target.parent
    return base / "files"


def kept(sha256: str, path: str | os.PathLike | None = None) -> Path | None:
    """The kept copy of the file with these bytes, if any."""
    found = (
        sorted(folder(path).glob(f"{sha256}.*")) if re.fullmatch(r"[0-9a-f]{64}", sha256) else []
    )
    return found[0] if found else None


def keep(sha256: str, name: str, data: bytes, path: str | os.PathLike | None = None) -> Path | None:
    """Keep `data` under its sha256 (once); None when past the cap or the folder cannot be written."""
    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        return None
    existing = kept(sha256, path)
    if existing is not None:
        return existing
    target_dir = folder(path)
    cap = env_int("CHITIEU_FILES_MAX_MB", 2048) << 20
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        used = sum(p.stat().st_size for p in target_dir.iterdir() if p.is_file())
        if used + len(data) > cap:
            log.warning("uploaded file %s not kept: the files folder is at its cap", name)
            return None
        match = _SUFFIX.search(name)
        target = target_dir / f"{sha256}{match.group(0).lower() if match else ''}"
        partial = target_dir / f".{target.name}.partial"
        partial.write_bytes(data)
        os.replace(partial, target)
        return target
    except OSError:
        log.exception("uploaded file %s not kept", name)
        return None
