"""The collector paused from any thread: back as it was, or as the first paint turned it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from tui.core.collector import collector_paused, resume_collector


@pytest.fixture(autouse=True)
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_a_pause_puts_the_collector_back_as_it_was() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # The outer pause is still under way.
    assert gc.isenabled()
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()  # Off before: off after.


def test_turned_on_during_a_pause_it_runs_when_the_pause_ends() -> None:
    gc.disable()  # The reader's start-up.
    with collector_paused():  # A frame read in a worker thread.
        resume_collector()  # The first paint, meanwhile.
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    resume_collector()  # No pause under way: at once.
    assert gc.isenabled()


def test_overlapping_pauses_in_two_threads() -> None:
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()  # The worker's pause goes on.
    release.set()
    thread.join(5)
    assert gc.isenabled()
