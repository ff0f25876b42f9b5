"""Keys pressed while the analysis runs say what they wait for."""

from __future__ import annotations

import threading
from collections.abc import Generator

from tui.app.app import ReaderApp
from tui.core.analysis import Analysis
from tui.core.models import Corpus


async def test_j_and_n_during_the_analysis_say_it_is_still_running(seeds: Corpus) -> None:
    release = threading.Event()

    def slow(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.3
        release.wait(5)
        raise RuntimeError("stopped by the test")

    app = ReaderApp(seeds, slow)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("j", "n")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert sum("Still aligning" in m for m in messages) >= 2
        release.set()
