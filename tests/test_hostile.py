"""Hostile and unlucky files (tests/hostile.py) are answered with a problem on that file, in this
process and in the parse worker, and nothing they hold reaches a message as a control character."""

from __future__ import annotations

import os
import re

import pytest
from hostile import FILES, extreme_values, far_cell

import store
from loaders import Limits, commit, parse_isolated, parse_upload
from loaders.isolated import WorkerLimits
from store.uploads import history
from tests.loader_helpers import SAMPLES

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


@pytest.fixture(scope="module")
def con():
    connection = store.open_store(":memory:")
    yield connection
    connection.close()


def _shown_text(result) -> list[str]:
    texts = [result.name] + [p.message for p in result.problems] + [p.file for p in result.problems]
    texts += [u.name for u in result.unknowns] + [s.sheet for s in result.layouts]
    return texts


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_hostile_file_is_answered_in_process(con, name):
    build, code = FILES[name]
    result = parse_upload(name, build(), con)
    if code is not None:
        assert code in {p.code for p in result.errors}, [p.message for p in result.problems]
    assert not result.ok or code is None
    assert not any(CONTROL.search(t) for t in _shown_text(result))
    assert "root:" not in " ".join(p.message for p in result.problems)  # XXE: no server file read


def test_far_cell_is_refused_by_its_real_extent_before_any_grid(con):
    result = parse_upload("xa.xlsx", far_cell(), con)
    (error,) = result.errors
    assert error.code == "too-large" and error.sheet == "Sheet1"
    assert "XFD1048576" in error.message and "1.048.576 dòng × 16.384 cột" in error.message


def test_extreme_values_are_refused_on_their_cells_and_the_sane_row_still_reads(con):
    result = parse_upload("lon.xlsx", extreme_values(), con)
    by_cell = {p.cell: p for p in result.errors}
    assert by_cell["E7"].code == "impossible-value" and "1,7×10³⁰⁸" in by_cell["E7"].message
    assert (
        "lớn bất thường" in by_cell["E7"].message and "100.000.000 Tỷ đồng" in by_cell["E7"].message
    )
    assert by_cell["E8"].code == "impossible-value"  # 10³⁰ tỷ đồng
    assert "không phải là một số hữu hạn" in by_cell["E10"].message  # '1e400' is infinite
    assert by_cell["D9"].code == by_cell["E9"].code == "text-in-number"  # 'nan', 'inf' as text
    assert '"nan"' in by_cell["D9"].message  # quoted as the cell's text, never as a formatted value
    poverty = result.observations[result.observations.indicator_code == "ty_le_ho_ngheo"]
    assert sorted(poverty.value) == [1.2, 1.5]


def test_a_worker_that_dies_is_a_problem_on_its_file_and_the_server_carries_on(con):
    # without the extent check calamine asks for 549 GB: the capped worker aborts, not this process
    result = parse_isolated("xa.xlsx", far_cell(), con, limits=Limits(max_cells=10**13))
    (error,) = result.errors
    assert error.code == "parse-failed" and "quá lớn hoặc hỏng" in error.message
    assert result.sha256 and result.size == len(far_cell())
    again = parse_isolated("city.xlsx", (SAMPLES / "city_6t_2016.xlsx").read_bytes(), con)
    assert again.ok and len(again.observations) > 0


def test_a_worker_out_of_time_is_stopped(con):
    data = (SAMPLES / "city_6t_2016.xlsx").read_bytes()
    result = parse_isolated("city.xlsx", data, con, worker=WorkerLimits(1024, 0))
    assert [p.code for p in result.errors] == ["parse-failed"]
    assert "0 giây" in result.errors[0].message


def test_the_worker_reads_what_this_process_reads(con):
    for sample in ("city_6t_2016.xlsx", "ward_budget_10t_2020.xlsx", "long_2016.csv"):
        data = (SAMPLES / sample).read_bytes()
        here, there = parse_upload(sample, data, con), parse_isolated(sample, data, con)
        assert [p.message for p in here.problems] == [p.message for p in there.problems]
        assert here.observations.equals(there.observations)
        assert [vars(s) for s in here.layouts] == [vars(s) for s in there.layouts]


def test_an_upload_is_recorded_without_its_server_folder(tmp_path):
    con = store.open_store(tmp_path / "s.duckdb")
    path = str(SAMPLES / "city_6t_2016.xlsx")
    result = parse_upload(path, open(path, "rb").read(), con)
    assert commit(con, [result], user="kiểm thử").committed
    assert history(con).file_name.tolist()[0] == "city_6t_2016.xlsx"
    assert os.sep not in history(con).file_name.tolist()[0]


def test_a_file_waits_its_turn_when_every_worker_is_busy_and_says_so(con, monkeypatch):
    import threading

    from loaders import isolated

    slots = threading.BoundedSemaphore(1)
    monkeypatch.setattr(isolated, "_SLOTS", slots)
    slots.acquire()  # another file is being read
    told, done = [], []
    data = (SAMPLES / "city_6t_2016.xlsx").read_bytes()
    reader = threading.Thread(
        target=lambda: done.append(
            parse_isolated("bc.xlsx", data, con, waiting=lambda f, m: told.append(m))
        )
    )
    reader.start()
    reader.join(2)
    assert reader.is_alive() and told == ["Đang chờ lượt xử lý (các tệp khác đang được đọc)…"]
    slots.release()  # the other file is done: this one goes ahead
    reader.join(120)
    assert done and done[0].ok and len(done[0].observations) == 36
