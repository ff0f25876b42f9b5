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
