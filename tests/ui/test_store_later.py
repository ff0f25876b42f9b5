"""The bookmark store opens once the analysis is drawn, or when a key needs it sooner; the
facts are drawn before the bookmarks' marks and the collector's pass."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator

from helpers import ready
from textual.message import Message

from tui.app.app import ReaderApp
from tui.app.messages import AnalysisReady
from tui.app.screens.bookmarks import BookmarksScreen
from tui.core.analysis import Analysis
from tui.core.models import Corpus

App = Callable[..., ReaderApp]


def never(corpus: Corpus) -> Generator[float, None, Analysis]:
    """An analysis that is still running when the test ends."""
    while True:
        time.sleep(0.01)
        yield 0.5


async def test_not_opened_while_the_analysis_runs_but_for_a_key(make_app: App) -> None:
    app = make_app(analyse=never)
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert app.bookmark_store is None
        await pilot.press("B")
        await pilot.pause()
        assert app.bookmark_store is not None
        assert isinstance(app.screen, BookmarksScreen)


async def test_opened_once_the_facts_are_drawn(make_app: App) -> None:
    app = make_app()
    # Whether the store was open as the analysis arrived, and at the layout that drew it.
    opened: list[tuple[str, bool]] = []

    def laid_out(_: object) -> None:
        app.reader.screen_layout_refresh_signal.unsubscribe(app)
        opened.append(("drawn", app.bookmark_store is not None))

    def seen(message: Message) -> None:
        if isinstance(message, AnalysisReady) and not opened:  # Once (it bubbles to the app).
            opened.append(("arrived", app.bookmark_store is not None))
            app.reader.screen_layout_refresh_signal.subscribe(app, laid_out, immediate=True)

    async with app.run_test(size=(160, 48), message_hook=seen) as pilot:
        await ready(pilot)
        assert app.reader.analysis is not None
        assert app.bookmark_store is not None
        assert not app.reader._shown_pending
    assert opened == [("arrived", False), ("drawn", False)]
