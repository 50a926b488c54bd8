"""The full-fidelity export (`python -m store export DIR`) and its import into a new store give back
every table exactly, and the imported store goes on numbering uploads after the last one."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import store
from loaders import commit, parse_upload
from store import portable, published
from tests.conftest import ROOT, SAMPLES


def _tables(con) -> dict[str, list]:
    names = [
        r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()
    ]
    return {n: sorted(map(repr, con.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}


def _store(*args):
    return subprocess.run(
        [sys.executable, "-m", "store", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_export_then_import_gives_every_table_back(demo_db_path, tmp_path):
    source = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, source)
    before = _tables(published.reader(source))
    assert len(before["observation_versions"]) > len(before["observations"]) > 30000
    run = _store("export", str(tmp_path / "xuat"), "--db", str(source))
    assert run.returncode == 0, run.stderr
    run = _store("import", str(tmp_path / "xuat"), "--db", str(tmp_path / "moi.duckdb"))
    assert run.returncode == 0, run.stderr
    assert _tables(published.reader(tmp_path / "moi.duckdb")) == before
    with published.writing(tmp_path / "moi.duckdb") as w:  # uploads go on after the last one
        outcome = commit(
            w, [parse_upload("bc.xlsx", (SAMPLES / "city_6t_2016.xlsx").read_bytes(), w)]
        )
    assert outcome.upload_ids == [max(int(r.split(",")[0][1:]) for r in before["uploads"]) + 1]


def test_export_and_import_refuse_what_they_must(tmp_path):
    path = tmp_path / "s.duckdb"
    published.reader(path)
    full = tmp_path / "day"
    full.mkdir()
    (full / "x.txt").write_text("x")
    with pytest.raises(store.StoreError, match="đã có tệp"):
        portable.export(full, path)
    with pytest.raises(store.StoreError, match="không phải bản xuất"):
        portable.import_(full, tmp_path / "new.duckdb")
    portable.export(tmp_path / "xuat", path)
    with pytest.raises(store.StoreError, match="Đã có kho"):
        portable.import_(tmp_path / "xuat", path)  # never over an existing store
    run = _store("import", str(full), "--db", str(tmp_path / "other.duckdb"))
    assert run.returncode == 2 and "lỗi:" in run.stderr and "Traceback" not in run.stderr
