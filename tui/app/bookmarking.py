"""Wiring the bookmark store and its screens (issue 6) into the reader.

The store, drafts and re-anchoring are plain Python in ``tui.core``; the dialog and
the list are the bookmark screens. Here: which target ``b`` marks, and where a chosen
bookmark takes the reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.app.messages import Target
from tui.app.screens.bookmark_dialog import BookmarkDialog, BookmarkEdit
from tui.app.screens.bookmarks import BookmarksScreen
from tui.core.bookmarks.anchoring import AnchoredBookmark, bookmarked_groups, reanchor_in
from tui.core.bookmarks.store import (
    BookmarkStore,
    StoreError,
    draft_for_discrepancy,
    draft_for_fact,
    draft_for_quote,
    open_store,
)

if TYPE_CHECKING:
    from textual.app import App

    from tui.app.app import ReaderApp
    from tui.app.reader import ReaderScreen
    from tui.core.analysis import Analysis
    from tui.core.bookmarks.model import Bookmark, BookmarkDraft
    from tui.core.models import Discrepancy, Quote


def open_bookmark_store(app: ReaderApp) -> None:
    """Open the store once; a damaged or read-only one is reported, never fatal."""
    store, warning = open_store()
    app.bookmark_store = store
    if warning:
        app.notify(warning, severity="warning", timeout=8, markup=False)
    if store.unavailable is None:
        try:
            skipped = store.read().skipped
        except StoreError:
            return
        if skipped:  # Damaged rows are left out, never fatal; say so once.
            more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
            app.notify(skipped[0] + more, severity="warning", timeout=8, markup=False)


def app_store(app: App[Any]) -> BookmarkStore | None:
    """The app's store, opened now if it was not yet (``ReaderApp.open_bookmark_store``
    opens it once); None in an app that keeps none."""
    opener = getattr(app, "open_bookmark_store", None)
    if opener is not None:
        opener()
    store = getattr(app, "bookmark_store", None)
    return store if isinstance(store, BookmarkStore) else None


def refresh_markers(reader: ReaderScreen) -> None:
    """Recompute which facts carry a bookmark (after a save, an edit, a delete)."""
    store, analysis = app_store(reader.app), reader.analysis
    if store is None or analysis is None:
        return
    try:
        bookmarks = store.list()
    except StoreError as error:  # The file broke while the app runs: say so, keep reading.
        reader.notify(str(error), severity="error", markup=False)
        return
    anchored = reanchor_in(bookmarks, analysis)
    reader.bookmarked = bookmarked_groups(anchored)
    refresh_corrections(reader)
    refresh_links(reader)


def bookmark(
    reader: ReaderScreen, *, quote: Quote | None = None, discrepancy: Discrepancy | None = None
) -> None:
    """Bookmark a quote or discrepancy (a view's), else the current quote, discrepancy or
    fact, with a note and tags."""
    store, analysis = app_store(reader.app), reader.analysis
    if store is None or analysis is None:
        return
    corpus = analysis.corpus
    quote = quote or (None if discrepancy else reader.current_quote)
    discrepancy = discrepancy or reader.current_discrepancy
    if quote is not None:
        draft = draft_for_quote(quote, corpus)
    elif discrepancy is not None:
        draft = draft_for_discrepancy(discrepancy, corpus, analysis.alignment)
    elif (group := reader.current_group) is not None:
        draft = draft_for_fact(group, corpus)
    else:
        reader.notify("Select a fact first.")
        return

    existing = _existing(store, analysis, draft)

    def save(edit: BookmarkEdit | None) -> None:
        if edit is None:
            return
        try:
            if existing is None:
                store.add(draft.with_note(edit.note, edit.tags))
            else:
                store.update_note(existing.id, edit.note, edit.tags)
        except StoreError as error:
            reader.notify(str(error), severity="error", markup=False)
            return
        verb = "Bookmarked" if existing is None else "Bookmark updated"
        reader.notify(f"{verb}: {draft.label}", timeout=2, markup=False)
        refresh_markers(reader)

    if existing is None:
        reader.app.push_screen(BookmarkDialog(draft.label), save)
    else:  # Marking the same thing again edits its bookmark instead of adding a twin.
        dialog = BookmarkDialog(draft.label, existing.note, existing.tags, title="Edit bookmark")
        reader.app.push_screen(dialog, save)


def _existing(store: BookmarkStore, analysis: Analysis, draft: BookmarkDraft) -> Bookmark | None:
    """The saved bookmark that marks what ``draft`` marks now, if there is one."""
    try:
        anchored = reanchor_in(store.list(), analysis)
    except StoreError:
        return None
    for item in anchored:
        if item.orphaned or item.bookmark.kind != draft.kind:
            continue
        now = {"fact": item.group, "discrepancy": item.discrepancy, "quote": item.quote}
        if str(now[draft.kind]) == draft.target:
            return item.bookmark
    return None


def open_bookmarks(reader: ReaderScreen) -> None:
    """List the bookmarks; the chosen one takes the reader to its fact or sentence."""
    store, analysis = app_store(reader.app), reader.analysis
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


def go_to_bookmark(reader: ReaderScreen, item: AnchoredBookmark) -> None:
    """Take the reader to a re-anchored bookmark: its fact, else its first sentence."""
    analysis = reader.analysis
    if analysis is None or item.orphaned:
        return
    discrepancy = next((d for d in analysis.discrepancies if d.id == item.discrepancy), None)
    quote = next((q for q in analysis.quotes if q.id == item.quote), None)
    fact = analysis.group_position.get(item.group) if item.group is not None else None
    article = offset = None
    if item.sentences:
        article, sentence = item.sentences[0]
        offset = analysis.corpus.article(article).sentences[sentence].start
    reader.goto(
        Target(fact=fact, article=article, offset=offset, discrepancy=discrepancy, quote=quote)
    )


def refresh_corrections(reader: ReaderScreen) -> None:
    """Read the corrections again and match them to this analysis's discrepancies."""
    from tui.core.bookmarks.corrections import (  # noqa: PLC0415 (start-up)
        by_discrepancy,
        list_corrections,
    )

    store, analysis = app_store(reader.app), reader.analysis
    if store is None or analysis is None or store.unavailable is not None:
        return
    try:
        corrections = list_corrections(store)
    except StoreError:
        return  # An old store opened read-only: no corrections table yet.
    reader.corrections = by_discrepancy(corrections, analysis.discrepancies)
    reader.dismissed = frozenset(d for d, c in reader.corrections.items() if c.kind == "dismissed")


def correct(reader: ReaderScreen, kind: str) -> None:
    """Dismiss the current discrepancy, or mark the focused pane's value as the right one."""
    from tui.core.bookmarks.corrections import add_correction  # noqa: PLC0415 (start-up)

    store, analysis, discrepancy = (
        app_store(reader.app),
        reader.analysis,
        reader.current_discrepancy,
    )
    if store is None or analysis is None:
        return
    if discrepancy is None:
        reader.notify("Go to a discrepancy first (n, or the discrepancy view).")
        return
    verdict = ""
    if kind == "checked":
        panes = reader.deck.panes
        pane = panes[min(reader.deck.active, len(panes) - 1)]
        if pane.article.id not in {v.article for v in discrepancy.values}:
            reader.notify("Focus the pane of the source that is right (tab), then press y.")
            return
        verdict = pane.article.id
    name = analysis.corpus.article(verdict).source or verdict if verdict else ""
    heading = (
        f"Not a disagreement: {discrepancy.summary}"
        if kind == "dismissed"
        else f"Checked: {name} is right · {discrepancy.summary}"
    )

    def save(edit: BookmarkEdit | None) -> None:
        if edit is None:
            return
        try:
            add_correction(
                store,
                "dismissed" if kind == "dismissed" else "checked",
                discrepancy,
                analysis.corpus,
                verdict=verdict,
                note=edit.note,
            )
        except StoreError as error:
            reader.notify(str(error), severity="error", markup=False)
            return
        refresh_corrections(reader)
        reader.show_correction()

    title = "Dismiss" if kind == "dismissed" else "Checked"
    reader.app.push_screen(BookmarkDialog(heading, title=title, with_tags=False), save)


def refresh_links(reader: ReaderScreen) -> None:
    """Apply the reader's links and unlinks to the alignment (after loading, after a change)."""
    from tui.core.bookmarks.links import apply_links, list_links  # noqa: PLC0415 (start-up)

    store, base = app_store(reader.app), reader.base_analysis
    if store is None or base is None or store.unavailable is not None:
        return
    try:
        links = list_links(store)
    except StoreError:
        return  # An old store opened read-only: no links table yet.
    if links or reader.analysis is not base:
        reader.use_analysis(apply_links(base, links))


def link(reader: ReaderScreen, kind: str, article: str, sentence: int) -> None:
    """Put a sentence into the current fact (or take it out), kept with the bookmarks."""
    from tui.core.bookmarks.links import add_link  # noqa: PLC0415 (start-up)

    store, analysis, group = app_store(reader.app), reader.analysis, reader.current_group
    if store is None or analysis is None or group is None:
        return
    if len({(m.article, m.sentence) for m in group.members} - {(article, sentence)}) < 1:
        reader.notify("A fact keeps at least one sentence.")
        return
    try:
        add_link(
            store,
            "link" if kind == "link" else "unlink",
            group,
            analysis.corpus,
            article=article,
            sentence=sentence,
        )
    except StoreError as error:
        reader.notify(str(error), severity="error", markup=False)
        return
    refresh_links(reader)
    verb = "Linked to" if kind == "link" else "Unlinked from"
    reader.notify(f"{verb} fact {reader.current + 1}", timeout=2)


MEMO_NAME = "kursk-reader-memo.md"
"""Where `E` writes the memo of what is open (in the folder the reader was started from)."""


def export_memo(reader: ReaderScreen, folder: Path | None = None) -> Path | None:
    """Write the memo of this corpus's bookmarks and corrections; the path written."""
    from tui.core.bookmarks.belongs import CorpusScope  # noqa: PLC0415 (start-up)
    from tui.core.bookmarks.corrections import list_corrections  # noqa: PLC0415
    from tui.core.bookmarks.export_file import ExportRefused, write_export  # noqa: PLC0415
    from tui.core.bookmarks.memo import export_markdown  # noqa: PLC0415
    from tui.core.bookmarks.store import data_dir  # noqa: PLC0415

    store = app_store(reader.app)
    if store is None:
        reader.notify("The bookmarks are not open yet.")
        return None
    scope = CorpusScope(reader.corpus)
    try:
        bookmarks = [b for b in store.list() if b in scope]
        corrections = list(reader.corrections.values())
        if not corrections:
            corrections = [
                c
                for c in list_corrections(store)
                if c.fingerprint == scope.fingerprint
                or any(a in scope.article_ids for a, _ in c.values)
            ]
        text = export_markdown(bookmarks, corrections=corrections)
        written = write_export((folder or Path.cwd()) / MEMO_NAME, text, protected=data_dir())
    except (StoreError, ExportRefused, OSError) as error:
        reader.notify(f"The memo could not be written: {error}", severity="error", markup=False)
        return None
    reader.notify(
        f"Memo of {len(bookmarks)} bookmarks and {len(corrections)} corrections: {written.path}",
        timeout=6,
        markup=False,
    )
    return written.path
