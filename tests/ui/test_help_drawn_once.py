"""The help's text is drawn once per width, as the same segments as drawn directly."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown

from tui.app.screens.help import HELP, DrawnOnce


class Counted:
    """A renderable that counts how often it is drawn."""

    def __init__(self) -> None:
        self.inner = Markdown(HELP.read_text(encoding="utf-8"))
        self.drawn = 0

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.drawn += 1
        yield self.inner


def test_drawn_once_per_width_and_the_same() -> None:
    console = Console(width=100, color_system="truecolor", file=None, force_terminal=True)
    counted = Counted()
    once = DrawnOnce(counted)
    options = console.options.update_width(96)
    first = list(console.render(once, options))
    again = list(console.render(once, options.update(height=40)))
    assert first == again == list(console.render(counted.inner, options))
    assert counted.drawn == 1
    list(console.render(once, options.update_width(60)))
    assert counted.drawn == 2
