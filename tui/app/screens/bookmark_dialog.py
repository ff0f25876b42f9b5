"""The small dialog that asks for a bookmark's note and tags (Enter saves, Escape cancels)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from tui.app.screens.view import ViewScreen
from tui.core.bookmarks.store import parse_tags


@dataclass(frozen=True, slots=True)
class BookmarkEdit:
    """What the user typed: the dialog's result when saved."""

    note: str
    tags: tuple[str, ...]


class BookmarkDialog(ViewScreen[BookmarkEdit | None]):
    """Note and tags for a new or existing bookmark; dismisses with ``None`` on Escape."""

    DEFAULT_CSS = """
    BookmarkDialog {
        align: center middle;
        background: $background 60%;
    }
    BookmarkDialog > #dialog {
        width: 72;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: thick $accent;
        background: $surface;
    }
    BookmarkDialog #heading {
        text-style: bold;
        width: 100%;
        margin-bottom: 1;
    }
    BookmarkDialog #target {
        color: $text-muted;
        width: 100%;
        max-height: 3;
        margin-bottom: 1;
    }
    BookmarkDialog Input {
        margin-bottom: 1;
    }
    BookmarkDialog #hint {
        color: $text-muted;
    }
    """

    FIRST_FOCUS = "#note"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(
        self,
        heading: str,
        note: str = "",
        tags: Sequence[str] = (),
        *,
        title: str = "Bookmark",
        with_tags: bool = True,
    ) -> None:
        super().__init__()
        self.with_tags = with_tags
        """False for a correction's note: a dismissal or a verdict has no tags."""
        self.heading = heading
        """What is being bookmarked (the fact's label, the discrepancy, the quote)."""
        self.note = note
        self.tags = tuple(tags)
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.dialog_title, id="heading")
            yield Static(self.heading, id="target", markup=False)
            placeholder = "Note (why check this?)" if self.with_tags else "Note (why?)"
            yield Input(self.note, placeholder=placeholder, id="note", select_on_focus=False)
            tags = Input(
                " ".join(f"#{t}" for t in self.tags),
                placeholder="Tags, e.g. #toll #ask-editor",
                id="tags",
                select_on_focus=False,
            )
            tags.display = self.with_tags
            yield tags
            hint = "Enter saves · Tab next field · Escape cancels"
            yield Label(hint if self.with_tags else "Enter saves · Escape cancels", id="hint")

    def on_mount(self) -> None:
        note = self.query_one("#note", Input)
        note.focus()
        note.cursor_position = len(note.value)

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        """Enter in either field saves both."""
        event.stop()
        note = self.query_one("#note", Input).value.strip()
        tags = parse_tags(self.query_one("#tags", Input).value)
        self.dismiss(BookmarkEdit(note, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)
