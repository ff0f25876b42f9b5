"""The footer: the reader's key hints come with its first frame and are not rebuilt."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets._footer import FooterKey

from tui.app.app import ReaderApp
from tui.app.widgets.footer import KeyFooter

App = Callable[..., ReaderApp]


async def test_keys_come_with_the_screen_and_stay(make_app: App) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # Textual's Footer had none yet: it composed them after the screen's first refresh.
        footer = app.screen.query_one(KeyFooter)
        keys = list(footer.query(FooterKey))
        assert [key.description for key in keys[:2]] == ["Next fact", "Next ≠"]
        assert keys[-1].has_class("-command-palette", "-compact")
        assert not any(key.has_class("-compact") for key in keys[:-1])
        await pilot.press("tab")  # Another pane focused: the bindings are published again.
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys  # The same hints, not rebuilt.
