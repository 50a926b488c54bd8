"""store.cached keeps frames per connection within a byte budget across all connections: the least
recently used frames go first, a freed connection's frames are not counted, hits move to the end."""

from __future__ import annotations

import duckdb
import pandas as pd

from store import connection


def _frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"x": range(n), "name": [f"Phường {i}" for i in range(n)]})


def test_frames_beyond_the_budget_go_least_recently_used_first(monkeypatch):
    size = connection._size(_frame(1000))
    monkeypatch.setattr(connection, "CACHE_BYTES", int(size * 2.5))
    a, b = duckdb.connect(), duckdb.connect()
    computed: list[str] = []

    def get(con, name):
        return connection.cached(con, name, 1, lambda: computed.append(name) or _frame(1000))

    get(a, "a1")
    get(b, "b1")
    get(a, "a1")  # a hit: a1 is now the most recently used
    get(b, "b2")  # over budget: b1 (least recently used) goes, a1 stays
    assert computed == ["a1", "b1", "b2"]
    get(a, "a1")
    get(b, "b1")
    assert computed == ["a1", "b1", "b2", "b1"]
    assert connection.cached_bytes() <= connection.CACHE_BYTES + size


def test_a_freed_connections_frames_are_not_counted(monkeypatch):
    size = connection._size(_frame(1000))
    monkeypatch.setattr(connection, "CACHE_BYTES", int(size * 1.5))
    kept = duckdb.connect()
    connection.cached(kept, "kept", 1, lambda: _frame(1000))
    gone = duckdb.connect()
    connection.cached(gone, "gone", 1, lambda: _frame(1000))  # kept's frame went to make room
    del gone
    computed = []
    connection.cached(kept, "kept", 1, lambda: computed.append(1) or _frame(1000))
    assert computed == [1]  # recomputed once: the freed connection's frame made no one else go
    connection.cached(kept, "kept", 1, lambda: computed.append(2) or _frame(1000))
    assert computed == [1]


def test_a_caller_changing_its_frame_leaves_the_kept_one_alone():
    con = duckdb.connect()
    first = connection.cached(con, "f", 1, lambda: _frame(3))
    first.loc[0, "x"] = 99
    first["extra"] = 1
    second = connection.cached(con, "f", 1, lambda: _frame(0))
    assert second["x"].tolist() == [0, 1, 2] and "extra" not in second
