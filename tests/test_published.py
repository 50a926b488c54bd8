"""Several processes on one store (store.published): writes take turns and publish a snapshot,
readers in any process open the newest snapshot read-only and switch when a newer one appears, a
failed write publishes nothing, backups are kept, and kill -9 in the middle of a commit leaves no
partial upload."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import store
from loaders import commit, parse_upload
from store import published
from tests.conftest import ROOT, SAMPLES

GTSX = "SELECT value FROM observations WHERE indicator_code = 'gtsx_tong' AND kind = 'estimate' AND year = 2016 AND month_to = 6 AND unit_id = (SELECT unit_id FROM admin_units WHERE name = 'Thành phố Hà Tĩnh' LIMIT 1)"


def _touch(w, n: int) -> None:
    """A small real write: a learnt name (bumps the aliases version readers see)."""
    from store.aliases import add_alias

    add_alias(
        w, {"kind": "indicator", "name": f"tên {n}", "name_key": f"ten {n}", "target": "gtsx_tong"}
    )


def _load(path, sample="city_6t_2016.xlsx"):
    with published.writing(path) as w:
        read = parse_upload(sample, (SAMPLES / sample).read_bytes(), w)
        outcome = commit(w, [read], user="kiểm thử")
    assert outcome.committed
    return outcome


def test_a_write_publishes_a_snapshot_readers_switch_to(tmp_path):
    path = tmp_path / "s.duckdb"
    first = published.reader(path)  # a store never published: created and published
    assert store.scalar(first, "SELECT count(*) FROM observations") == 0
    assert published.current_snapshot(path).name == "s-000001.duckdb"
    _load(path)
    second = published.reader(path)
    assert second is not first and published.current_snapshot(path).name == "s-000002.duckdb"
    assert store.scalar(second, GTSX) == pytest.approx(4339)
    assert (
        store.scalar(first, "SELECT count(*) FROM observations") == 0
    )  # an old snapshot stays as it was
    with pytest.raises(Exception):
        second.execute("DELETE FROM observations")  # readers cannot write


def test_a_refused_load_publishes_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    published.reader(path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "load",
            str(SAMPLES / "bad_text_number.xlsx"),
            "--db",
            str(path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 1
    assert published.current_snapshot(path).name == "s-000001.duckdb"
    assert not list((tmp_path / "backups").glob("s-*-000002.duckdb"))


def test_restoring_the_store_onto_itself_loses_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    _load(path)
    published.restore(path, path)
    assert store.scalar(published.reader(path), GTSX) == pytest.approx(4339)


def test_a_failed_write_publishes_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    published.reader(path)
    with pytest.raises(RuntimeError), published.writing(path) as w:
        w.execute("DELETE FROM admin_units")
        raise RuntimeError("interrupted")
    assert published.current_snapshot(path).name == "s-000001.duckdb"
    assert store.scalar(published.reader(path), "SELECT count(*) FROM admin_units") > 0


def test_writers_take_turns_and_the_second_is_told_it_waits(tmp_path):
    path = tmp_path / "s.duckdb"
    published.reader(path)
    inside, release, told = threading.Event(), threading.Event(), []

    def hold():
        with published.writing(path) as w:
            _touch(w, 1)
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    inside.wait(10)
    timer = threading.Timer(0.5, release.set)
    timer.start()
    started = time.monotonic()
    with published.writing(path, on_wait=told.append) as w:
        waited = time.monotonic() - started
        _touch(w, 2)
    holder.join()
    assert told and "Đang chờ" in told[0] and waited >= 0.4
    assert published.current_snapshot(path).name == "s-000003.duckdb"


def test_old_snapshots_are_pruned_and_backups_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("CHITIEU_BACKUPS", "2")
    path = tmp_path / "s.duckdb"
    manual = published.backup(path)  # a `store backup` copy in the same folder: never rotated away
    # what a writer killed in the middle of a copy leaves
    torn = tmp_path / "snapshots" / ".s-000009.duckdb.partial"
    torn.write_bytes(b"half")
    for n in range(4):
        with published.writing(path) as w:
            _touch(w, n)
    with published.writing(path):
        pass  # changes nothing: publishes nothing
    assert manual.exists() and not torn.exists()
    snapshots = sorted(p.name for p in (tmp_path / "snapshots").glob("s-*.duckdb"))
    assert snapshots == ["s-000003.duckdb", "s-000004.duckdb", "s-000005.duckdb"]
    backups = sorted(p for p in (tmp_path / "backups").glob("s-*.duckdb") if p != manual)
    assert len(backups) == 2 and backups[-1].name.endswith("-000005.duckdb")
    assert os.path.samefile(backups[-1], tmp_path / "snapshots" / "s-000005.duckdb")  # a link


def test_a_load_from_another_process_while_a_reader_holds_the_store(tmp_path):
    """`python -m loaders load` while this process (an app, say) has the store open for reading."""
    path = tmp_path / "s.duckdb"
    before = published.reader(path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "load",
            str(SAMPLES / "city_6t_2016.xlsx"),
            "--db",
            str(path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    assert store.scalar(before, "SELECT count(*) FROM observations") == 0
    assert store.scalar(published.reader(path), GTSX) == pytest.approx(4339)
    # and another process reads it too, while this one still holds its snapshot
    export = subprocess.run(
        [sys.executable, "-m", "loaders", "export", "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert export.returncode == 0 and "gtsx_tong" in export.stdout


def test_a_stale_snapshot_is_brought_up_to_date_by_one_write(tmp_path):
    path = tmp_path / "s.duckdb"
    con = published.reader(path)
    assert not published.stale(con)
    with published.writing(path) as w:  # as an older version of the code would have left it
        w.execute("UPDATE meta SET value = 'old' WHERE key = 'reference_sha256'")
    assert published.stale(published.reader(path))
    with published.writing(path):
        pass  # opening read-write resyncs the reference data
    assert not published.stale(published.reader(path))


_KILLED_LOAD = """
import sys
sys.path.insert(0, {root!r})
import pandas as pd
from loaders import parse_upload
from store import published
from store.uploads import commit_upload
from tests.loader_helpers import SAMPLES
with published.writing({path!r}) as w:
    read = parse_upload("city.xlsx", (SAMPLES / "city_6t_2016.xlsx").read_bytes(), w).observations
    # ~40,000 values: the sample's over 1,100 years, each commit changing every one of them
    big = pd.concat([read.assign(year=1000 + k) for k in range(1100)], ignore_index=True)
    print("committing", flush=True)
    n = 0
    while True:
        n += 1
        commit_upload(w, big.assign(value=big.value * n), file_name=f"lan_{{n}}.xlsx", uploaded_by="kill")
"""


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.9])
def test_kill_9_during_a_commit_leaves_no_partial_upload(tmp_path, delay):
    path = tmp_path / "s.duckdb"
    published.reader(path)
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_LOAD.format(root=str(ROOT), path=str(path))],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "committing"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    con = store.open_store(path)  # opens (WAL replayed or dropped), and every upload is whole
    try:
        bad = store.scalar(
            con,
            """SELECT count(*) FROM uploads u WHERE u.n_observations - u.n_unchanged <>
               (SELECT count(*) FROM observation_versions v WHERE v.upload_id = u.upload_id)""",
        )
        orphans = store.scalar(
            con,
            "SELECT count(*) FROM observation_versions WHERE upload_id NOT IN (SELECT upload_id FROM uploads)",
        )
        assert bad == 0 and orphans == 0
    finally:
        con.close()
    with published.writing(path):  # the lock died with its holder: the next writer goes ahead
        pass


def _tables(con) -> dict[str, list]:
    names = [
        r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()
    ]
    return {n: sorted(map(repr, con.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}


def test_backup_wipe_restore_gives_identical_tables(tmp_path):
    path = tmp_path / "s.duckdb"
    _load(path)
    _load(path, "ward_budget_10t_2020.xlsx")
    before = _tables(published.reader(path))
    run = subprocess.run(
        [sys.executable, "-m", "store", "backup", "--db", str(path), "--to", str(tmp_path / "bk")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    (copy,) = (tmp_path / "bk").glob("s-*.duckdb")
    with published.writing(path) as w:  # wipe: every upload and value gone
        for table in ("observation_versions", "observations", "uploads"):
            w.execute(f"DELETE FROM {table}")
    assert store.scalar(published.reader(path), "SELECT count(*) FROM observations") == 0
    run = subprocess.run(
        [sys.executable, "-m", "store", "restore", str(copy), "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "kho cũ được giữ ở" in run.stdout
    assert _tables(published.reader(path)) == before
    assert list(tmp_path.glob("s.before-restore-*.duckdb"))  # the wiped store kept aside


def test_restore_refuses_a_newer_schema_and_a_file_that_is_not_a_store(tmp_path):
    path = tmp_path / "s.duckdb"
    published.reader(path)
    newer = published.backup(path, tmp_path / "bk")
    import duckdb

    con = duckdb.connect(str(newer))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    with pytest.raises(store.StoreError, match="mới hơn"):
        published.restore(newer, path)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("không phải kho")
    with pytest.raises(store.StoreError, match="không phải kho"):
        published.restore(junk, path)
    assert store.scalar(published.reader(path), "SELECT count(*) FROM admin_units") > 0


def test_two_loads_of_one_file_at_once_the_second_warns_it_is_the_same_file(tmp_path):
    path = tmp_path / "s.duckdb"
    published.reader(path)
    command = [
        sys.executable,
        "-m",
        "loaders",
        "load",
        str(SAMPLES / "city_6t_2016.xlsx"),
        "--db",
        str(path),
    ]
    runs = [
        subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    said = "".join(out + err for out, err in outputs)
    assert said.count("[same-file]") == 1 and "36 không đổi" in said  # whichever came second
    assert store.scalar(published.reader(path), "SELECT count(*) FROM observation_versions") == 36
