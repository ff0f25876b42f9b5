"""The facts filter: a line of words; the list behind follows as you type."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from tui.app.screens.view import ViewScreen


class FactFilterScreen(ViewScreen[None]):
    """Enter keeps the filter; Escape clears it."""

    FIRST_FOCUS = "#fact-filter"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "clear", "Clear")]

    def __init__(self, words: str, apply: Callable[[str], int]) -> None:
        super().__init__(classes="view filter-view")
        self.words = words
        self.apply = apply
        """Filters the list with the words; returns how many facts it shows."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_title = "Filter the facts"
            box.border_subtitle = "enter: keep · esc: clear"
            yield Input(
                self.words,
                placeholder="words, an outlet, ≠ (disagree), ★ (bookmarked)",
                id="fact-filter",
            )
            yield Label("", id="fact-filter-count")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._apply(self.words)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._apply(event.value)

    def _apply(self, words: str) -> None:
        count = self.apply(words)
        label = "every fact" if not words.strip() else f"{count} facts match"
        self.query_one("#fact-filter-count", Label).update(label)

    @on(Input.Submitted)
    def _keep(self) -> None:
        self.dismiss(None)

    def action_clear(self) -> None:
        self.apply("")
        self.dismiss(None)
