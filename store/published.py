"""Several processes, one store: one writer at a time, read-only snapshots for everyone else.

DuckDB lets one process open a file read-write, or any number open it read-only — never both. So the
store file (`data/chitieu.duckdb`, the system of record) is opened only for the length of a write:
`writing()` takes an OS lock beside it (`chitieu.duckdb.lock`; a second writer waits, told so), opens
the file read-write (migrations, reference sync), runs the write, closes the file and publishes a
copy as the newest snapshot (`snapshots/chitieu-000042.duckdb`, named in `snapshots/chitieu.current`,
both replaced atomically). Readers — every server process, `loaders check|export`, `indicators …` —
open the newest snapshot read-only (`reader()`), and switch to a newer one when it appears. Snapshots
never change once published, so any number of processes read them while a write runs; the last
`KEEP_SNAPSHOTS` are kept (an older one a reader still holds stays readable: unlinked, not gone).
Each publish also hard-links the snapshot into `backups/` (no copy), keeping the last
`CHITIEU_BACKUPS` (docs/operations.md)."""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from store.connection import StoreError, alive, db_path, freeze, open_store, scalar
from store.settings import env_int

log = logging.getLogger(__name__)
KEEP_SNAPSHOTS = 3
WAIT_SECONDS = 600.0  # a writer waits this long for another one (a national load takes ~1 min)
_SNAPSHOT = re.compile(r"-(\d{6,})\.duckdb$")
_AUTOMATIC = re.compile(r"-\d{8}-\d{6}-\d{6,}\.duckdb$")


def snapshot_dir(path: Path) -> Path:
    return path.parent / "snapshots"


def backup_dir(path: Path) -> Path:
    return Path(os.environ.get("CHITIEU_BACKUP_DIR") or path.parent / "backups")


def _pointer(path: Path) -> Path:
    return snapshot_dir(path) / f"{path.stem}.current"


def current_snapshot(path: str | os.PathLike | None = None) -> Path | None:
    """The newest published snapshot of the store at `path`, or None before the first publish."""
    target = db_path(path)
    try:
        name = _pointer(target).read_text("utf-8").strip()
    except OSError:
        return None
    snapshot = snapshot_dir(target) / name
    return snapshot if name and snapshot.exists() else None


# ------------------------------------------------------------------ writing
@contextmanager
def _write_lock(path: Path, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait("Đang chờ một lần ghi khác vào kho dữ liệu kết thúc…")
            deadline = time.monotonic() + WAIT_SECONDS
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(
                            "Kho dữ liệu đang bận ghi quá lâu",
                            f"{path.name}: another writer held the lock over {WAIT_SECONDS:.0f} s",
                        ) from None
                    time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def writing(
    path: str | os.PathLike | None = None, on_wait: Callable[[str], None] | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store opened read-write for one write, then closed and published — only when the block
    ends without an exception and changed something (a failed or refused write publishes nothing).
    Writers in any process take turns."""
    target = db_path(path)
    with _write_lock(target, on_wait):
        con = open_store(target)
        try:
            before = _state(con)
            yield con
            if _state(con) != before:
                _derive(con)
            changed = _state(con) != before
        except BaseException:
            con.close()
            raise
        con.close()  # closing checkpoints: the file alone holds everything
        snapshot = current_snapshot(target)
        # a refused load or a no-op init publishes nothing: no copy, no backup pushed out
        if changed or snapshot is None or stale_file(snapshot):
            publish(target)


# What is computed from the data before each publish (indicators.summaries.refresh, registered by
# the processes that write: the app, `loaders load`). Store/ cannot import indicators/; a process
# without them publishes data whose summaries are stale, and readers then compute live.
_derivations: list[Callable[[duckdb.DuckDBPyConnection], bool]] = []


def derive_with(fn: Callable[[duckdb.DuckDBPyConnection], bool]) -> None:
    """Run `fn(con)` after every write of this process that changed the data, before publishing."""
    if fn not in _derivations:
        _derivations.append(fn)


def _derive(con: duckdb.DuckDBPyConnection) -> bool:
    wrote = False
    for fn in _derivations:
        try:
            wrote = bool(fn(con)) or wrote
        except Exception:  # derived data only: the write stands, readers compute live meanwhile
            log.exception("derivation %s failed", getattr(fn, "__name__", fn))
    return wrote


def _state(con: duckdb.DuckDBPyConnection) -> tuple:
    """What a write can change that readers see: data, reference data and aliases, schema, the
    page summaries' stamp."""
    from store.connection import data_version, reference_version

    return (
        data_version(con),
        reference_version(con),
        scalar(con, "SELECT coalesce(max(version), 0) FROM schema_migrations"),
        tuple(
            r[0]
            for r in con.execute(
                "SELECT value FROM meta WHERE key IN ('summaries_version', 'summaries_code',"
                " 'summaries_reference') ORDER BY key"
            ).fetchall()
        ),
    )


def stale_file(snapshot: Path) -> bool:
    try:
        con = duckdb.connect(str(snapshot), read_only=True)
    except duckdb.Error:
        return True
    try:
        return stale(con)
    finally:
        con.close()


def publish(path: Path) -> Path:
    """Copy the (closed, checkpointed) store file as the next snapshot; point readers at it. Called
    with the write lock held."""
    folder = snapshot_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = [
        int(m.group(1))
        for p in folder.glob(f"{path.stem}-*.duckdb")
        if (m := _SNAPSHOT.search(p.name))
    ]
    name = f"{path.stem}-{max(numbers, default=0) + 1:06d}.duckdb"
    started = time.perf_counter()
    partial = folder / f".{name}.partial"
    shutil.copyfile(path, partial)
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, folder / name)
    pointer = _pointer(path)
    fresh = pointer.with_name(pointer.name + ".partial")
    fresh.write_text(name, "utf-8")
    os.replace(fresh, pointer)
    log.info("published %s in %.2f s", name, time.perf_counter() - started)
    _keep_backup(path, folder / name)
    _prune(folder, path.stem, keep=name)
    return folder / name


def _prune(folder: Path, stem: str, keep: str) -> None:
    snapshots = sorted(
        (p for p in folder.glob(f"{stem}-*.duckdb") if _SNAPSHOT.search(p.name)),
        key=lambda p: int(_SNAPSHOT.search(p.name).group(1)),  # type: ignore[union-attr]
    )
    for old in snapshots[:-KEEP_SNAPSHOTS]:
        if old.name != keep:
            old.unlink(missing_ok=True)
    for torn in folder.glob(f".{stem}-*.partial"):  # a copy a killed writer left (the lock is ours)
        torn.unlink(missing_ok=True)


def _keep_backup(path: Path, snapshot: Path) -> None:
    """A hard link of the new snapshot in backups/ (a copy where links are not possible)."""
    keep = env_int("CHITIEU_BACKUPS", 10)
    if keep <= 0:
        return
    folder = backup_dir(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = (
            folder
            / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}-{snapshot.stem.rsplit('-', 1)[1]}.duckdb"
        )
        try:
            os.link(snapshot, target)
        except OSError:
            shutil.copyfile(snapshot, target)
        # only automatic backups (…-YYYYMMDD-HHMMSS-NNNNNN.duckdb) rotate; `store backup` copies stay
        automatic = sorted(
            p for p in folder.glob(f"{path.stem}-*.duckdb") if _AUTOMATIC.search(p.name)
        )
        for old in automatic[:-keep]:
            old.unlink(missing_ok=True)
    except OSError:
        log.exception("automatic backup of %s failed", snapshot.name)


def stale(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a snapshot predates this code: a migration it lacks, or reference data (data/) that
    changed since it was published. Then one write brings the store up to date."""
    from store import migrations, reference

    try:
        version = scalar(con, "SELECT coalesce(max(version), 0) FROM schema_migrations")
        sha = scalar(con, "SELECT value FROM meta WHERE key = 'reference_sha256'")
    except duckdb.Error:
        return True
    latest = max((number for number, _, _ in migrations.available()), default=0)
    return int(version or 0) < latest or sha != reference.fingerprint()


# ------------------------------------------------------------------ backup and restore
def backup(
    path: str | os.PathLike | None = None,
    to: str | os.PathLike | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Path:
    """A consistent copy of the store while anything runs: the newest snapshot (never written after
    publishing) copied to `to` (default the backups folder). Returns the copy's path."""
    target = db_path(path)
    snapshot = current_snapshot(target)
    if snapshot is None:
        with writing(target, on_wait):
            pass
        snapshot = current_snapshot(target)
    if snapshot is None:
        raise StoreError("Không sao lưu được kho dữ liệu", f"{target.name}: no snapshot published")
    folder = Path(to) if to else backup_dir(target)
    if folder.exists() and not folder.is_dir():
        raise StoreError(
            "Nơi sao lưu không phải thư mục", f"{folder.name}: chọn một thư mục (--to)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    copy, n = folder / f"{target.stem}-saoluu-{stamp}.duckdb", 1
    while copy.exists():  # two backups in one second: both kept
        n += 1
        copy = folder / f"{target.stem}-saoluu-{stamp}-{n}.duckdb"
    partial = copy.with_name("." + copy.name + ".partial")
    shutil.copyfile(snapshot, partial)
    os.replace(partial, copy)
    _backup_accounts(target, copy)
    return copy


def _backup_accounts(target: Path, copy: Path) -> None:
    """The accounts and audit (store.accounts_db) beside the store's copy, taken with SQLite's own
    online backup (consistent while sign-ins write). A restore leaves the live accounts alone:
    `<copy>.accounts.sqlite` is put back by hand when wanted (docs/operations.md)."""
    import sqlite3

    from store.accounts_db import accounts_path

    source = accounts_path(target)
    if not source.exists():
        return
    live = sqlite3.connect(source, timeout=30)
    kept = sqlite3.connect(copy.with_name(copy.stem + ".accounts.sqlite"))
    try:
        live.backup(kept)
    finally:
        kept.close()
        live.close()


def schema_version(file: Path) -> int:
    """The migration a store file is at; StoreError when it is not a store."""
    try:
        con = duckdb.connect(str(file), read_only=True)
    except duckdb.Error as exc:
        raise StoreError("Tệp không phải kho dữ liệu", f"{file.name}: {exc}") from exc
    try:
        return int(scalar(con, "SELECT coalesce(max(version), 0) FROM schema_migrations") or 0)
    except duckdb.Error as exc:
        raise StoreError(
            "Tệp không phải kho dữ liệu Chỉ tiêu", f"{file.name}: không có bảng schema_migrations"
        ) from exc
    finally:
        con.close()


def restore(
    file: str | os.PathLike,
    path: str | os.PathLike | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Path:
    """Make `file` (a backup) the store: refused when a newer version of the code wrote it; the
    current store is kept aside (returned) and the restored one migrated and published."""
    from store import migrations

    source, target = Path(file), db_path(path)
    if not source.is_file():
        raise StoreError("Không tìm thấy tệp sao lưu", f"{source.name}: không có tệp này")
    latest = max((number for number, _, _ in migrations.available()), default=0)
    version = schema_version(source)
    if version > latest:
        raise StoreError(
            "Bản sao lưu mới hơn phiên bản ứng dụng này",
            f"{source.name}: schema {version} > {latest}; cập nhật ứng dụng trước khi khôi phục",
        )
    with _write_lock(target, on_wait):
        # the backup is copied first: nothing is moved until its bytes are safe beside the store
        # (restoring the store onto itself, or from a snapshot about to be pruned, loses nothing)
        partial = target.with_name("." + target.name + ".restoring")
        shutil.copyfile(source, partial)
        aside = target.with_name(
            f"{target.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}.duckdb"
        )
        wal = target.with_name(target.name + ".wal")
        if target.exists():
            os.replace(target, aside)
        if wal.exists():
            os.replace(wal, aside.with_name(aside.name + ".wal"))
        try:
            os.replace(partial, target)
            open_store(target).close()  # migrated to this code's schema, reference data in sync
        except BaseException:
            target.unlink(missing_ok=True)
            if aside.exists():
                os.replace(aside, target)  # the store as it was
            raise
        publish(target)
    return aside


# ------------------------------------------------------------------ reading
_readers: dict[str, tuple[Path, duckdb.DuckDBPyConnection]] = {}
_readers_lock = threading.Lock()


def reader(
    path: str | os.PathLike | None = None, on_wait: Callable[[str], None] | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the newest snapshot, shared in this process and replaced when a
    newer one is published. The first reader of a store that was never published publishes it."""
    target = db_path(path)
    snapshot = current_snapshot(target)
    if snapshot is None:
        with writing(target, on_wait):
            pass  # creates or migrates the store and publishes it
        snapshot = current_snapshot(target)
        if snapshot is None:
            raise StoreError("Không mở được kho dữ liệu", f"{target.name}: no snapshot published")
    key = str(target)
    with _readers_lock:
        held = _readers.get(key)
        if held is not None and held[0] == snapshot and alive(held[1]):
            return held[1]
        try:
            con = duckdb.connect(str(snapshot), read_only=True)
        except duckdb.Error as exc:
            raise StoreError("Không mở được kho dữ liệu", f"{snapshot.name}: {exc}") from exc
        freeze(con)  # a published snapshot never changes
        # the older connection is not closed here: a page still reading it finishes on it, and it is
        # closed when the last reference goes
        _readers[key] = (snapshot, con)
        return con


def forget_readers() -> None:
    """Drop this process's reader connections (tests; after a restore)."""
    with _readers_lock:
        for _, con in _readers.values():
            try:
                con.close()
            except duckdb.Error:
                pass
        _readers.clear()
