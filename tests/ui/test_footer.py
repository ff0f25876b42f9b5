"""The footer: the reader's key hints come with its first frame, in one widget, and are
not rebuilt; a hint is clicked and hovered as Textual's are."""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget

from tui.app.app import ReaderApp
from tui.app.screens.help import HelpScreen
from tui.app.widgets.footer import KeyFooter

App = Callable[..., ReaderApp]


def _offset(footer: KeyFooter, description: str) -> tuple[int, int]:
    """Where the hint with that description is drawn, on the footer's line."""
    x = 0
    for hint in footer.hints.keys:
        if hint.description == description:
            return (x + 1, 0)
        x += len(f" {hint.shown} {hint.description} ")
    raise AssertionError(f"no hint {description!r}")


async def test_keys_come_with_the_screen_and_stay(make_app: App) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        hints = footer.hints
        assert [hint.description for hint in hints.keys[:2]] == ["Next fact", "Next ≠"]
        assert hints.palette is not None and hints.palette.shown == "^p"
        assert not list(footer.query(Widget))  # One widget, not one per key.
        await pilot.press("tab")  # Another pane focused: the bindings are published again.
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert footer.hints is hints  # The same hints, not rebuilt.


async def test_a_hint_clicked_presses_its_key(make_app: App) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        await pilot.click(KeyFooter, offset=_offset(footer, "Help"))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_hint_hovered_shows_its_tooltip(make_app: App) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.hover(KeyFooter, offset=_offset(footer, "Quotes"))
        await pilot.pause()
        quotes = next(h for h in footer.hints.keys if h.description == "Quotes")
        assert footer.tooltip == quotes.tooltip
        await pilot.hover(KeyFooter, offset=(footer.size.width - 3, 0))  # The palette's.
        await pilot.pause()
        assert footer.hints.palette is not None
        assert footer.tooltip == footer.hints.palette.tooltip


async def test_a_hint_hovered_is_highlighted_and_follows_new_bindings(make_app: App) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        x, _ = _offset(footer, "Quotes")
        plain = footer.render().get_style_at_offset(app.console, x).bgcolor
        await pilot.hover(KeyFooter, offset=(x, 0))
        await pilot.pause()
        hovered = footer.render().get_style_at_offset(app.console, x).bgcolor
        hover = footer.get_component_rich_style("key-footer--hover").bgcolor
        assert hovered == hover != plain
        await pilot.press("tab")  # The bindings published again: the hover stays on Quotes.
        await pilot.pause()
        quotes = next(h for h in footer.hints.keys if h.description == "Quotes")
        assert footer.tooltip == quotes.tooltip
