"""The bookmarks view: filter by text or tag, jump to one, edit its note, delete it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.screens.bookmark_dialog import BookmarkDialog, BookmarkEdit
from tui.app.screens.view import ViewScreen
from tui.app.widgets.footer import KeyFooter
from tui.core.bookmarks.anchoring import AnchoredBookmark, reanchor
from tui.core.bookmarks.belongs import CorpusScope
from tui.core.bookmarks.store import BookmarkStore, StoreError
from tui.core.models import Alignment, Corpus, Discrepancy, Quote

STATUS_LABELS = {
    "exact": "",
    "moved": "moved",
    "fuzzy": "text changed",
    "orphaned": "orphaned: its text is gone",
}


def matches(anchored: AnchoredBookmark, query: str) -> bool:
    """Every word of the query is in the bookmark; ``#word`` must start one of its tags."""
    bookmark = anchored.bookmark
    haystack = " ".join(
        (
            bookmark.label,
            bookmark.note,
            bookmark.kind,
            bookmark.discrepancy_kind or "",
            bookmark.speaker or "",
            " ".join(bookmark.articles),
            " ".join(a.text for a in bookmark.anchors),
            " ".join(v.text for v in bookmark.values),
            " ".join(bookmark.tags),
            "orphaned" if anchored.orphaned else "",
        )
    ).casefold()
    tags = [t.casefold() for t in bookmark.tags]
    for term in query.casefold().split():
        if term.startswith("#"):
            if not any(tag.startswith(term[1:]) for tag in tags):
                return False
        elif term not in haystack:
            return False
    return True


class ConfirmDelete(ModalScreen[bool]):
    """Delete for real? ``y`` or the button confirms; ``n`` or Escape keeps it."""

    DEFAULT_CSS = """
    ConfirmDelete { align: center middle; background: $background 60%; }
    ConfirmDelete > #confirm {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    ConfirmDelete #question { width: 100%; margin-bottom: 1; }
    ConfirmDelete #buttons { height: auto; align-horizontal: right; }
    ConfirmDelete Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Delete"),
        Binding("n", "answer(False)", "Keep"),
        Binding("escape", "answer(False)", "Keep", priority=True),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Keep (n)", id="keep")
                yield Button("Delete (y)", id="delete", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete")

    def action_answer(self, delete: bool) -> None:
        self.dismiss(delete)


class BookmarksScreen(ViewScreen[AnchoredBookmark | None]):
    """Every bookmark, re-anchored in the current corpus; dismisses with the one to jump to."""

    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen > #bookmarks-box {
        width: 90%; max-width: 140; height: 85%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    BookmarksScreen #bookmark-filter { margin-bottom: 1; }
    BookmarksScreen #bookmark-list { height: 1fr; }
    BookmarksScreen #bookmark-banner { color: $warning; }
    BookmarksScreen #bookmark-empty { color: $text-muted; padding: 1 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", priority=True),
        Binding("enter", "jump", "Jump", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("e", "edit", "Edit note"),
        Binding("x,delete", "delete", "Delete"),
        Binding("a", "toggle_corpora", "All corpora"),
    ]

    def __init__(
        self,
        store: BookmarkStore,
        corpus: Corpus,
        alignment: Alignment | None = None,
        quotes: Sequence[Quote] = (),
        *,
        discrepancies: Sequence[Discrepancy] | None = None,
    ) -> None:
        super().__init__(classes="view")
        self.store = store
        self.corpus = corpus
        self.alignment = alignment
        self.quotes = tuple(quotes)
        self.discrepancies = discrepancies
        self.anchored: list[AnchoredBookmark] = []
        """Every bookmark, re-anchored (refreshed after each edit or delete)."""
        self.shown: list[AnchoredBookmark] = []
        """Those passing the filter, in list order."""
        self.scope = CorpusScope(corpus)
        self.every_corpus = False
        """Bookmarks belong to a corpus: this one's are listed unless `a` asks for all."""

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box", classes="view-box") as box:
            box.border_title = "Bookmarks"
            box.border_subtitle = "enter: jump · e: edit note · x: delete · /: filter · esc: close"
            if self.store.read_only:
                yield Label(f"Read-only: {self.store.reason}", id="bookmark-banner", markup=False)
            yield Input(placeholder="Filter: words or #tag", id="bookmark-filter")
            yield Label("", id="bookmark-empty", markup=False)
            yield OptionList(id="bookmark-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    @property
    def current(self) -> AnchoredBookmark | None:
        """The highlighted bookmark, if any."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def reload(self, keep: int | None = None) -> None:
        """Read the store again (other instances may have saved) and re-anchor everything."""
        try:
            bookmarks = self.store.list()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            bookmarks = ()
        self.anchored = reanchor(
            bookmarks, self.corpus, self.alignment, self.quotes, discrepancies=self.discrepancies
        )
        self._fill(keep)

    def _title(self, listed: list[AnchoredBookmark]) -> None:
        box = self.query_one("#bookmarks-box")
        orphans = sum(1 for a in listed if a.orphaned)
        elsewhere = len(self.anchored) - len(listed)
        box.border_title = (
            f"Bookmarks · {len(listed)}"
            + (f" · {orphans} orphaned" if orphans else "")
            + (f" · {elsewhere} of other corpora (a: all)" if elsewhere else "")
            + (" · every corpus (a: this one)" if self.every_corpus else "")
        )

    def _in_corpus(self, item: AnchoredBookmark) -> bool:
        return self.every_corpus or item.bookmark in self.scope

    def action_toggle_corpora(self) -> None:
        """Between this corpus's bookmarks and every corpus's."""
        self.every_corpus = not self.every_corpus
        self._fill()

    def _fill(self, keep: int | None = None) -> None:
        query = self.query_one("#bookmark-filter", Input).value
        listed = [a for a in self.anchored if self._in_corpus(a)]
        self._title(listed)
        self.shown = [a for a in listed if matches(a, query)]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(_prompt(a), id=str(a.bookmark.id)) for a in self.shown)
        empty = self.query_one("#bookmark-empty", Label)
        if self.store.unavailable is not None:  # Never shown as empty: nothing is lost.
            empty.update(f"Bookmarks are unavailable: {self.store.unavailable}")
        elif not self.anchored:
            empty.update("No bookmarks yet: press b on a fact, discrepancy or quote.")
        elif not any(self._in_corpus(a) for a in self.anchored):
            empty.update("No bookmark on these articles yet (a: every corpus's).")
        elif not self.shown:
            empty.update(f"No bookmark matches “{query}”.")
        empty.display = not self.shown
        if self.shown:
            ids = [a.bookmark.id for a in self.shown]
            options.highlighted = ids.index(keep) if keep in ids else 0

    @on(Input.Changed, "#bookmark-filter")
    def filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#bookmark-filter")
    def filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def action_filter(self) -> None:
        self.query_one("#bookmark-filter", Input).focus()

    def action_close(self) -> None:
        if self.focused is self.query_one("#bookmark-filter", Input) and self.shown:
            self.query_one(OptionList).focus()  # First Escape leaves the filter.
            return
        self.dismiss(None)

    def action_jump(self) -> None:
        target = self.current
        if target is None:
            return
        if target.orphaned:
            self.notify(
                f"Bookmark {target.bookmark.id} is orphaned: its text is not in these "
                "articles any more. It is kept; export it to read what it marked.",
                severity="warning",
            )
            return
        self.dismiss(target)

    def action_edit(self) -> None:
        target = self.current
        if self._refuse_read_only() or target is None:
            return
        bookmark = target.bookmark

        def save(edit: BookmarkEdit | None) -> None:
            if edit is None:
                return
            try:
                self.store.update_note(bookmark.id, edit.note, edit.tags)
            except KeyError:
                self.notify(f"Bookmark {bookmark.id} was deleted meanwhile.", severity="warning")
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
            self.reload(keep=bookmark.id)

        dialog = BookmarkDialog(
            bookmark.label, bookmark.note, bookmark.tags, title=f"Edit bookmark {bookmark.id}"
        )
        self.app.push_screen(dialog, save)

    def action_delete(self) -> None:
        target = self.current
        if self._refuse_read_only() or target is None:
            return
        bookmark = target.bookmark
        index = self.shown.index(target)
        neighbour = self.shown[index + 1] if index + 1 < len(self.shown) else None
        if neighbour is None and index > 0:
            neighbour = self.shown[index - 1]

        def answer(delete: bool | None) -> None:
            if not delete:
                return
            try:
                self.store.delete(bookmark.id)
            except KeyError:
                pass  # Already gone (another instance): the reload shows that.
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
            self.reload(keep=neighbour.bookmark.id if neighbour else None)

        question = f"Delete bookmark {bookmark.id}, “{bookmark.label}”? This cannot be undone."
        self.app.push_screen(ConfirmDelete(question), answer)

    def _refuse_read_only(self) -> bool:
        if self.store.read_only:
            self.notify(
                f"Bookmarks are read-only: {self.store.reason}", severity="error", markup=False
            )
            return True
        return False


def _prompt(anchored: AnchoredBookmark) -> Text:
    """Two or three lines: kind and label, then note, tags, sources and status."""
    bookmark = anchored.bookmark
    kind: str = bookmark.kind
    if bookmark.discrepancy_kind:
        kind = f"{kind} · {bookmark.discrepancy_kind.replace('_', ' ')}"
    style = "dim strike" if anchored.orphaned else "bold"
    text = Text.assemble(
        (f"#{bookmark.id} ", "dim"), (f"{kind}: ", "italic"), (bookmark.label, style)
    )
    if bookmark.values:
        values = " vs ".join(v.text for v in bookmark.values)
        text.append(f"\n   {values}", "bold")
    details = Text("\n   ")
    if bookmark.note:
        details.append(bookmark.note.splitlines()[0])
        details.append("  ")
    if bookmark.tags:
        details.append(" ".join(f"#{t}" for t in bookmark.tags), "cyan")
        details.append("  ")
    names = ", ".join(n.short for n in bookmark.sources) or f"{len(bookmark.articles)} source(s)"
    details.append(f"{names} · {bookmark.created[:10]}", "dim")
    status = STATUS_LABELS[anchored.status]
    if status:
        details.append(f"  [{status}]", "bold red" if anchored.orphaned else "yellow")
    text.append_text(details)
    return text
