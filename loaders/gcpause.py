"""Bulk work without the cyclic garbage collector. Reading a sheet makes a million Python objects
(calamine's rows, then our lists); each allocation burst triggers collections that walk every live
container, ~0,25 s per 1M-cell sheet for no garbage (the loader makes no reference cycles: reference
counting frees everything). The collector is paused while any caller is inside and restored after the
last one leaves, as it was."""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_inside = 0
_was_enabled = False


@contextmanager
def paused_gc():
    global _inside, _was_enabled
    with _lock:
        if _inside == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0 and _was_enabled:
                gc.enable()
