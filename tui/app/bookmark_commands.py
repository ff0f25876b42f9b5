"""Command palette provider: jump to a bookmark by its label, note or tags (like hike's)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.bookmarking import app_store, go_to_bookmark
from tui.core.bookmarks.anchoring import AnchoredBookmark, reanchor_in
from tui.core.bookmarks.store import StoreError

if TYPE_CHECKING:
    from tui.app.reader import ReaderScreen

MAX_HITS = 40


class BookmarksProvider(Provider):
    """Every bookmark that can still be found in the articles (orphans are left out)."""

    def _anchored(self) -> tuple[ReaderScreen | None, list[AnchoredBookmark]]:
        # Only the reader screen lists this provider in its COMMANDS.
        screen = cast("ReaderScreen", self.screen)
        store = app_store(self.app)  # Opened now if the analysis is still running.
        if store is None:
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


def _text(item: AnchoredBookmark) -> str:
    return f"Bookmark: {item.bookmark.label}"


def _help(item: AnchoredBookmark) -> str:
    bookmark = item.bookmark
    parts = [bookmark.note.splitlines()[0] if bookmark.note else bookmark.kind]
    parts += [f"#{tag}" for tag in bookmark.tags]
    return " ".join(parts)
