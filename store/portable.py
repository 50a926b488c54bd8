"""A full-fidelity export of the store — every table, every version, upload, alias, recognition and
criteria score — as a folder of Parquet files (DuckDB's `EXPORT DATABASE`), and its import into a new
store. Unlike a backup (a DuckDB file of this major version) the folder is readable by any tool that
reads Parquet, and it survives a DuckDB file-format change.

    python -m store export DIR [--db PATH]     # from the newest snapshot, while the app runs
    python -m store import DIR [--db PATH]     # into a store that does not exist yet"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from store import published
from store.connection import StoreError, db_path


def export(folder: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """Write every table of the newest snapshot to `folder` (created; must be empty)."""
    target = Path(folder)
    if target.exists() and any(target.iterdir()):
        raise StoreError("Thư mục xuất đã có tệp", f"{target.name}: chọn một thư mục trống")
    published.reader(path)  # publishes a store that never was
    snapshot = published.current_snapshot(path)
    assert snapshot is not None
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"EXPORT DATABASE '{_quoted(target)}' (FORMAT parquet)")
    finally:
        con.close()
    return target


def import_(folder: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """Create the store at `path` from an exported folder (refused when a store is already there:
    restore a backup over an existing one instead), migrate it to this code's schema, publish it."""
    source, target = Path(folder), db_path(path)
    schema = source / "schema.sql"
    if not schema.exists() or "CREATE TABLE uploads" not in schema.read_text("utf-8", "replace"):
        raise StoreError(
            "Thư mục không phải bản xuất kho dữ liệu",
            f"{source.name}: không có schema.sql của kho Chỉ tiêu (xuất bằng python -m store export)",
        )
    if target.exists():
        raise StoreError(
            "Đã có kho dữ liệu ở đường dẫn này",
            f"{target.name}: nhập vào một đường dẫn mới (--db), hoặc dùng python -m store restore",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name("." + target.name + ".importing")
    partial.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    try:
        con.execute(f"IMPORT DATABASE '{_quoted(source)}'")
    except duckdb.Error as exc:
        con.close()
        partial.unlink(missing_ok=True)
        raise StoreError("Không nhập được bản xuất", f"{source.name}: {exc}") from exc
    try:
        # EXPORT DATABASE does not carry a sequence's position: continue after the last upload
        last = con.execute("SELECT coalesce(max(upload_id), 0) FROM uploads").fetchone()
        con.execute("DROP SEQUENCE IF EXISTS upload_id_seq")
        con.execute(f"CREATE SEQUENCE upload_id_seq START WITH {int(last[0] if last else 0) + 1}")
    except duckdb.Error as exc:
        con.close()
        partial.unlink(missing_ok=True)
        raise StoreError("Không nhập được bản xuất", f"{source.name}: {exc}") from exc
    con.close()
    os.replace(partial, target)
    with published.writing(target):
        pass  # migrations newer than the export applied, reference data synced, published
    return target


def _quoted(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")
