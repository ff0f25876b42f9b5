"""Keys typed right after a view opens reach it: none is lost to a focus not yet given."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ready
from test_pane_timing import settle, storm
from textual.widgets import Input, OptionList

from tui.app.app import ReaderApp
from tui.app.screens.quotes import QuotesScreen
from tui.app.screens.search import SearchScreen

App = Callable[..., ReaderApp]


async def test_words_typed_as_search_opens_are_kept(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        storm(app, ["slash", "k", "u", "r", "s", "k"])
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "kursk"


async def test_moves_typed_as_quotes_open_are_kept(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await pilot.press("w")
        first = app.screen.query_one(OptionList).highlighted
        await pilot.press("escape")
        storm(app, ["w", "down", "down"])
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen)
        assert first is not None
        assert app.screen.query_one(OptionList).highlighted == first + 2


async def test_a_note_typed_as_the_bookmark_dialog_opens_is_kept(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await settle(pilot)
        storm(app, ["b", "o", "k"])
        await settle(pilot)
        assert app.screen.query_one("#note", Input).value == "ok"


async def test_keys_typed_as_a_view_with_a_filter_opens_go_to_its_list(make_app: App) -> None:
    from tui.app.screens.discrepancies import DiscrepanciesScreen

    async with make_app().run_test(size=(80, 24)) as pilot:
        app = await ready(pilot)
        for view, keys, filter_id in (
            (QuotesScreen, ["w", "down", "j"], "#quote-filter"),
            (DiscrepanciesScreen, ["d", "down", "j"], "#d-filter"),
        ):
            storm(app, keys)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, view)
            assert isinstance(app.focused, OptionList)
            assert screen.query_one(filter_id, Input).value == ""
            await pilot.press("escape")
            await settle(pilot)
