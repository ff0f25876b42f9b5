"""Help: how to read the screen (help.md) and every key of the main screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

HELP = Path(__file__).resolve().parent.parent / "help.md"


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
            yield Static(Markdown(HELP.read_text(encoding="utf-8")), id="help-text")
            table = Table(box=None, expand=True)
            table.add_column("Keys", style="bold", max_width=18)
            table.add_column("Does", ratio=1)
            for keys, does in self.keys:
                table.add_row(keys, does)
            yield Static(table, id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
