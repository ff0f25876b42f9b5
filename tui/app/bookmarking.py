"""Wiring the bookmark store and its screens (issue 6) into the reader.

The store, drafts and re-anchoring are plain Python in ``tui.core``; the dialog and
the list are the bookmark screens. Here: which target ``b`` marks, and where a chosen
bookmark takes the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.bookmark_commands import go_to_bookmark
from tui.app.screens.bookmark_dialog import BookmarkDialog, BookmarkEdit
from tui.app.screens.bookmarks import BookmarksScreen
from tui.core.anchoring import AnchoredBookmark, bookmarked_groups, reanchor_in
from tui.core.bookmarks import (
    BookmarkStore,
    StoreError,
    draft_for_discrepancy,
    draft_for_fact,
    draft_for_quote,
    open_store,
)

if TYPE_CHECKING:
    from tui.app.app import ReaderApp
    from tui.app.screens.reader import ReaderScreen


def open_bookmark_store(app: ReaderApp) -> None:
    """Open the store once; a damaged or read-only one is reported, never fatal."""
    store, warning = open_store()
    app.bookmark_store = store
    if warning:
        app.notify(warning, severity="warning", timeout=8)


def close_bookmark_store(app: ReaderApp) -> None:
    if app.bookmark_store is not None:
        app.bookmark_store.close()


def _store(reader: ReaderScreen) -> BookmarkStore | None:
    store = getattr(reader.app, "bookmark_store", None)
    return store if isinstance(store, BookmarkStore) else None


def refresh_markers(reader: ReaderScreen) -> None:
    """Recompute which facts carry a bookmark (after a save, an edit, a delete)."""
    store, analysis = _store(reader), reader.analysis
    if store is None or analysis is None:
        return
    try:
        bookmarks = store.list()
    except StoreError as error:  # The file broke while the app runs: say so, keep reading.
        reader.notify(str(error), severity="error")
        return
    anchored = reanchor_in(bookmarks, analysis)
    reader.bookmarked = bookmarked_groups(anchored)


def bookmark(reader: ReaderScreen) -> None:
    """Bookmark the current quote, else discrepancy, else fact, with a note and tags."""
    store, analysis = _store(reader), reader.analysis
    if store is None or analysis is None:
        return
    corpus = analysis.corpus
    if reader.current_quote is not None:
        draft = draft_for_quote(reader.current_quote, corpus)
    elif reader.current_discrepancy is not None:
        draft = draft_for_discrepancy(reader.current_discrepancy, corpus, analysis.alignment)
    elif (group := reader.current_group) is not None:
        draft = draft_for_fact(group, corpus)
    else:
        reader.notify("Select a fact first.")
        return

    def save(edit: BookmarkEdit | None) -> None:
        if edit is None:
            return
        try:
            store.add(draft.with_note(edit.note, edit.tags))
        except StoreError as error:
            reader.notify(str(error), severity="error")
            return
        reader.notify(f"Bookmarked: {draft.label}", timeout=2)
        refresh_markers(reader)

    reader.app.push_screen(BookmarkDialog(draft.label), save)


def open_bookmarks(reader: ReaderScreen) -> None:
    """List the bookmarks; the chosen one takes the reader to its fact or sentence."""
    store, analysis = _store(reader), reader.analysis
    if store is None:
        return

    def jump(target: AnchoredBookmark | None) -> None:
        refresh_markers(reader)  # A bookmark may have been edited or deleted meanwhile.
        if target is not None:
            go_to_bookmark(reader, target)

    reader.app.push_screen(
        BookmarksScreen(
            store,
            reader.corpus,
            analysis.alignment if analysis else None,
            analysis.quotes if analysis else (),
            discrepancies=analysis.discrepancies if analysis else None,
        ),
        jump,
    )
