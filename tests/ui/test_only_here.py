"""Only here: sentences no other source reports, and who is silent on each fact."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ready
from test_pane_timing import settle
from textual.widgets import OptionList

from tui.app.app import ReaderApp
from tui.app.screens.only_here import OnlyHereScreen
from tui.core.blindspots import only_here, silent

App = Callable[..., ReaderApp]


async def test_o_lists_what_only_one_source_reports_and_goes_there(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, OnlyHereScreen)
        first = app.corpus.articles[0].id
        lone = only_here(analysis, first)
        assert lone
        for index in lone:
            assert (first, index) not in analysis.sentence_groups
        options = screen.query_one(OptionList)
        highlighted = options.get_option_at_index(options.highlighted or 0)
        assert highlighted.id == f"s:{first}:{lone[0]}"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.reader
        pane = next(p for p in app.reader.deck.panes if p.article.id == first)
        layout = pane.view.wrapped
        assert layout is not None
        sentence = app.corpus.article(first).sentences[lone[0]]
        row = pane.view.pad + layout.row_of_offset(sentence.start) - round(pane.view.scroll_y)
        assert 0 <= row < pane.view.size.height


async def test_silent_sources_are_listed_per_fact(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, OnlyHereScreen)
        for fact in range(len(analysis.groups)):
            quiet = silent(analysis, fact)
            reporting = {m.article for m in analysis.groups[fact].members}
            assert not reporting & set(quiet)
            assert (f"f:{fact}" in screen.targets) == bool(quiet)
