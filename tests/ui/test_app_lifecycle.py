"""The app as a whole: first paint before the analysis, a failed analysis, quitting."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator

from helpers import ready

from tui.app.app import ReaderApp
from tui.core.analysis import Analysis, analyse_steps
from tui.core.models import Corpus

SIZE = (120, 36)


App = Callable[..., ReaderApp]


async def test_paints_before_the_analysis_is_done(make_app: App) -> None:
    release = threading.Event()

    def slow(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.1
        release.wait(10)
        return (yield from analyse_steps(corpus))

    app = make_app(analyse=slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.reader.analysis is None
        assert len(app.reader.deck.panes) == 2
        assert app.reader.deck.panes[0].view.wrapped is not None
        await pilot.press("j")  # keys work meanwhile
        release.set()
        await ready(pilot)
        assert app.reader.analysis is not None
        assert app.reader.current == 0


async def test_q_and_ctrl_q_quit(make_app: App) -> None:
    for key in ("q", "ctrl+q"):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press(key)
            await pilot.pause()
        assert app.return_code == 0, key
        assert not app.is_running


async def test_a_failed_alignment_is_reported_and_the_reader_stays(make_app: App) -> None:
    def broken(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.2
        raise RuntimeError("aligner crashed")

    app = make_app(analyse=broken)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.reader.analysis is None
        assert "aligner crashed" in (app.reader.facts.failed or "")
        assert "alignment failed" in app.reader.note
        await pilot.press("j", "w", "tab")
        assert app.is_running
        assert app.reader.deck.active == 1
