"""Command palette provider: jump to a bookmark by its label, note or tags (like hike's)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.messages import Target
from tui.core.anchoring import AnchoredBookmark, reanchor_in
from tui.core.bookmarks import BookmarkStore, StoreError

if TYPE_CHECKING:
    from tui.app.screens.reader import ReaderScreen

MAX_HITS = 40


class BookmarksProvider(Provider):
    """Every bookmark that can still be found in the articles (orphans are left out)."""

    def _anchored(self) -> tuple[ReaderScreen | None, list[AnchoredBookmark]]:
        from tui.app.screens.reader import ReaderScreen

        screen = self.screen
        store = getattr(self.app, "bookmark_store", None)
        if not isinstance(screen, ReaderScreen) or not isinstance(store, BookmarkStore):
            return None, []
        analysis = screen.analysis
        if analysis is None:
            return screen, []
        try:
            bookmarks = store.list()
        except StoreError:
            return screen, []
        anchored = reanchor_in(bookmarks, analysis)
        return screen, [a for a in anchored if not a.orphaned]

    async def discover(self) -> Hits:
        reader, anchored = self._anchored()
        if reader is None:
            return
        for item in anchored[:10]:
            yield DiscoveryHit(_text(item), partial(go_to_bookmark, reader, item), help=_help(item))

    async def search(self, query: str) -> Hits:
        reader, anchored = self._anchored()
        if reader is None:
            return
        matcher = self.matcher(query)
        found = 0
        for item in anchored:
            text = _text(item)
            score = max(matcher.match(text), matcher.match(_help(item)) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(go_to_bookmark, reader, item),
                    help=_help(item),
                )
                found += 1
                if found >= MAX_HITS:
                    return


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


def _text(item: AnchoredBookmark) -> str:
    return f"Bookmark: {item.bookmark.label}"


def _help(item: AnchoredBookmark) -> str:
    bookmark = item.bookmark
    parts = [bookmark.note.splitlines()[0] if bookmark.note else bookmark.kind]
    parts += [f"#{tag}" for tag in bookmark.tags]
    return " ".join(parts)
