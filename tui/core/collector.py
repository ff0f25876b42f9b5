"""The garbage collector paused while long-lived objects are made, from any thread.

Decoding a cached analysis or a frame from the analysis process makes hundreds of
thousands of objects that all live on: the collector's passes over them only cost time.
Pauses may overlap (a worker thread decodes while the reader's first paint turns the
collector on), so they are counted under a lock: the collector runs again when the last
one ends, if it ran before the first or was turned on meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """The pauses under way, and whether the collector runs again when they end."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.resume = False


_pauses = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the ``with`` block, then as it was (or as it was turned)."""
    with _pauses.lock:
        if _pauses.count == 0:
            _pauses.resume = gc.isenabled()
            gc.disable()
        _pauses.count += 1
    try:
        yield
    finally:
        with _pauses.lock:
            _pauses.count -= 1
            if _pauses.count == 0 and _pauses.resume:
                gc.enable()


def resume_collector() -> None:
    """The collector on: now, or when the pauses under way end."""
    with _pauses.lock:
        if _pauses.count:
            _pauses.resume = True
        else:
            gc.enable()
