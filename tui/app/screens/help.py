"""Help: how to read the screen (help.md) and every key of the main screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.app.steady import same_size

HELP = Path(__file__).resolve().parent.parent / "help.md"


class DrawnOnce:
    """A renderable drawn once per width: Textual draws a Static's renderable to measure
    its height, then again to paint it (the help's Markdown, 8-10 ms each time)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._drawn: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Not the height: Textual measures with none, paints with the one it measured.
        key = (options.min_width, options.max_width, options.justify, options.overflow)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = list(console.render(self.renderable, options))
        return drawn

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


class HelpScreen(ModalScreen[None]):
    """The help text, then a table of the keys active on the screen that opened it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__(classes="view")
        self.keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or binding.action in seen:
                continue
            seen.add(binding.action)
            keys = " ".join(
                screen.app.get_key_display(Binding(k, "")) for k in binding.key.split(",")
            )
            self.keys.append((keys, binding.tooltip or binding.description))
        self.keys.append(
            ("space pgdn pgup home end", "Scroll the focused pane (the mouse wheel too)")
        )
        self.keys.append(("shift+↓ shift+↑ ctrl+e ctrl+y", "Scroll the focused pane by a line"))
        self.keys.append(("ctrl+p", "Command palette: facts, views, bookmarks"))
        self.keys.append(("ctrl+q", "Quit"))

    def compose(self) -> ComposeResult:
        # Two Statics, not Textual's Markdown and DataTable widgets: those mount a widget
        # per paragraph and row, and the help took 3x longer to appear (about 1 s on a
        # busy machine, far beyond a key's 100 ms).
        from rich.markdown import Markdown  # noqa: PLC0415 (start-up: markdown-it)

        with VerticalScroll(classes="view-box") as box:
            box.border_title = "Help"
            box.border_subtitle = "esc: close"
            text = Markdown(HELP.read_text(encoding="utf-8"))
            yield Static(DrawnOnce(text), id="help-text")
            table = Table(box=None, expand=True)
            table.add_column("Keys", style="bold", max_width=18)
            table.add_column("Does", ratio=1)
            for keys, does in self.keys:
                table.add_row(keys, does)
            yield Static(DrawnOnce(table), id="help-keys")

    def on_resize(self, event: events.Resize) -> None:
        same_size(self, event)

    def action_close(self) -> None:
        self.dismiss(None)
