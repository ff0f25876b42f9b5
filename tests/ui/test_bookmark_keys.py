"""`b` bookmarks what is current; `B` lists bookmarks and jumps back."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ready

from tui.app.app import ReaderApp

SIZE = (120, 36)


App = Callable[..., ReaderApp]


async def test_b_bookmarks_the_current_discrepancy_and_B_jumps_back(make_app: App) -> None:
    from tui.app.screens.bookmark_dialog import BookmarkDialog
    from tui.app.screens.bookmarks import BookmarksScreen

    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("n")
        fact, discrepancy = app.reader.current, app.reader.current_discrepancy
        assert discrepancy is not None
        await pilot.press("b")
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press(*"ask", "enter")
        await pilot.pause()
        assert app.bookmark_store is not None
        (saved,) = app.bookmark_store.list()
        assert saved.kind == "discrepancy" and saved.note == "ask"
        group = app.reader.current_group
        assert group is not None and group.id in app.reader.bookmarked
        await pilot.press("j", "j", "B")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current == fact
        assert app.reader.current_discrepancy == discrepancy


async def test_b_in_the_quotes_view_bookmarks_the_highlighted_quote(make_app: App) -> None:
    from textual.widgets import OptionList

    from tui.app.screens.bookmark_dialog import BookmarkDialog
    from tui.app.screens.quotes import QuotesScreen

    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("w", "down")
        view = app.screen
        assert isinstance(view, QuotesScreen)
        options = view.query_one(OptionList)
        assert options.highlighted is not None
        quote = view.quotes[options.get_option_at_index(options.highlighted).id or ""]
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press(*"check", "enter")
        await pilot.pause()
        assert app.screen is view  # the view stays open
        assert app.bookmark_store is not None
        (saved,) = app.bookmark_store.list()
        assert saved.kind == "quote" and saved.note == "check"
        assert saved.quote_text == quote.text or quote.text[:20] in saved.anchors[0].text


async def test_b_in_the_discrepancy_view_bookmarks_the_highlighted_one(make_app: App) -> None:
    from textual.widgets import OptionList

    from tui.app.screens.bookmark_dialog import BookmarkDialog
    from tui.app.screens.discrepancies import DiscrepanciesScreen

    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("d")
        view = app.screen
        assert isinstance(view, DiscrepanciesScreen)
        options = view.query_one(OptionList)
        assert options.highlighted is not None
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is view
        assert app.bookmark_store is not None
        (saved,) = app.bookmark_store.list()
        assert saved.kind == "discrepancy"
        assert saved.target == options.get_option_at_index(options.highlighted).id
