"""Name a source: the outlet shown for an article everywhere (kept for this corpus)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from tui.app.screens.view import ViewScreen
from tui.core.models import Article


class RenameDialog(ViewScreen[str | None]):
    """Enter saves the name (empty: back to the file's own); Escape cancels."""

    FIRST_FOCUS = "#rename-input"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, article: Article) -> None:
        super().__init__(classes="view filter-view")
        self.article = article

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_title = "Name this source"
            box.border_subtitle = "enter: save (empty: the file's own) · esc: cancel"
            yield Input(self.article.source or "", placeholder="outlet", id="rename-input")
            yield Label(f"{self.article.title} · {Path(self.article.path).name}", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
