"""Parsing in a worker process, so that no file can take the server down with it.

A spreadsheet library handed a hostile file can allocate without bound or abort the process (a cell at
XFD1048576 under a false declared size asks calamine for 549 GB). The server therefore reads the
catalog itself and hands the bytes to a worker: a fresh interpreter (spawned, never forked from the
server's threads: a fork inherits their locks and can hang; `python -m loaders.worker`, not
multiprocessing, which would run the server's `__main__` again), with an address-space cap
(`resource.setrlimit`), kept warm for the next file. Each parse has a time limit; progress comes back
over a pipe; a worker that dies or overruns becomes a problem on that file and is replaced, and the
server and every other session carry on. At most `CHITIEU_PARSE_WORKERS` parses run at once (the
others wait their turn, saying so)."""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from multiprocessing.connection import Connection as Pipe
from pathlib import Path

from loaders.catalog import Catalog, load_catalog
from loaders.parse import FileResult, Progress
from loaders.problems import problem
from loaders.read import Limits
from loaders.unknowns import Decisions
from store import Connection
from store.settings import env_int
from vn.numbers import number

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerLimits:
    """What one parse may use: address space (MB) and wall time (s). A 1-million-cell workbook needs
    about 0,4 GB resident (2,4 GB of address space) and 5–10 s on the bench machine."""

    memory_mb: int = env_int("CHITIEU_PARSE_MEMORY_MB", 4096)
    seconds: int = env_int("CHITIEU_PARSE_SECONDS", 300)


MAX_WORKERS = max(1, env_int("CHITIEU_PARSE_WORKERS", 2))
_SLOTS = threading.BoundedSemaphore(MAX_WORKERS)
_idle: list[_Worker] = []
_idle_lock = threading.Lock()


ROOT = Path(__file__).resolve().parent.parent


class _Worker:
    """A `python -m loaders.worker` process and the socket to it."""

    def __init__(self, memory_mb: int):
        ours, theirs = socket.socketpair()
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        }
        env["RUST_BACKTRACE"] = "0"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "loaders.worker", str(theirs.fileno()), str(memory_mb << 20)],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # an allocator's abort message is not the server's business
            cwd=ROOT,
            env=env,
        )
        theirs.close()
        self.pipe = Pipe(ours.detach())
        self.memory_mb = memory_mb

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        try:
            self.pipe.close()
        finally:
            if self.alive():
                self.process.kill()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                pass


def _take(memory_mb: int) -> _Worker:
    with _idle_lock:
        while _idle:
            worker = _idle.pop()
            if worker.alive() and worker.memory_mb == memory_mb:
                return worker
            worker.stop()
    return _Worker(memory_mb)


def _give_back(worker: _Worker) -> None:
    with _idle_lock:
        _idle.append(worker)


def _failed(name: str, variant: str, **fields: str) -> FileResult:
    result = FileResult(name=name, sha256="", size=0)
    result.problems.append(problem("parse-failed", name, None, None, variant, **fields))
    return result


def parse_isolated(
    name: str,
    data: bytes,
    con: Connection,
    *,
    limits: Limits | None = None,
    progress: Progress | None = None,
    decisions: Decisions | None = None,
    worker: WorkerLimits | None = None,
    waiting: Progress | None = None,
    within: Collection[str] | None = None,
) -> FileResult:
    """`parse_upload` in a worker process. Never raises for a bad file: a worker that dies (memory
    cap, abort) or runs out of time gives a `parse-failed` problem. `waiting` is told when the file
    waits for a free worker. `within`: the uploader's provinces, as for `parse_upload`."""
    worker = worker or WorkerLimits()
    report = progress or (lambda fraction, message: None)
    if not _SLOTS.acquire(blocking=False):
        (waiting or report)(0.0, "Đang chờ lượt xử lý (các tệp khác đang được đọc)…")
        _SLOTS.acquire()
    try:
        catalog = load_catalog(con).within(within)
        outcome = _run(name, data, catalog, limits, decisions, worker, report)
    finally:
        _SLOTS.release()
    if not outcome.sha256:  # a failure made here: still name the file's bytes
        outcome.sha256, outcome.size = hashlib.sha256(data).hexdigest(), len(data)
    return outcome


def _run(
    name: str,
    data: bytes,
    catalog: Catalog,
    limits: Limits | None,
    decisions: Decisions | None,
    worker_limits: WorkerLimits,
    report: Progress,
) -> FileResult:
    worker = _take(worker_limits.memory_mb)
    started = time.monotonic()
    healthy = False
    try:
        try:
            worker.pipe.send((name, data, catalog, limits, decisions))
        except (BrokenPipeError, OSError):
            return _died(name, worker)
        while True:
            if time.monotonic() - started > worker_limits.seconds:
                log.warning("parse of %s stopped after %s s", name, worker_limits.seconds)
                return _failed(name, "timeout", seconds=number(worker_limits.seconds, 0))
            try:
                ready = worker.pipe.poll(0.2)
                message = worker.pipe.recv() if ready else None
            except (EOFError, OSError):  # the worker died, mid-message or before
                return _died(name, worker)
            if message is None:
                if not worker.alive():
                    return _died(name, worker)
                continue
            if message[0] == "progress":
                report(message[1], message[2])
                continue
            healthy = True
            return message[1]
    finally:
        if healthy:
            _give_back(worker)
        else:
            worker.stop()  # dead, stuck or out of time: the next file gets a fresh one


def _died(name: str, worker: _Worker) -> FileResult:
    try:
        worker.process.wait(5)
    except subprocess.TimeoutExpired:
        pass
    log.warning("parse worker for %s died with exit code %s", name, worker.process.returncode)
    return _failed(name, "died")
