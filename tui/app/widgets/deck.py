"""The panes side by side, kept level: the one parent that moves them.

Panes never talk to each other. They tell the deck when the user scrolled one, and the
deck scrolls the others by the alignment anchors (:mod:`tui.app.sync`).
"""

from __future__ import annotations

from collections.abc import Collection

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive

from tui.app.layout import LayoutCache
from tui.app.messages import PaneFocused, PaneLaidOut, PaneScrolled
from tui.app.sync import Anchor, anchor_pairs, map_row
from tui.app.widgets.pane import ArticlePane
from tui.core.analysis import Analysis
from tui.core.models import Corpus

MIN_PANE_WIDTH = 16
"""Narrower than this, a pane is no use: `+` refuses."""


class PaneDeck(Horizontal):
    """Articles side by side; owns which article each pane shows and keeps them level."""

    current: reactive[int] = reactive(-1, init=False, repaint=False)
    """Position of the current fact (bound from the screen)."""
    analysis: reactive[Analysis | None] = reactive(None, init=False, repaint=False)
    scroll_lock: reactive[bool] = reactive(True, init=False, repaint=False)
    """Scroll the other panes along with the one the user scrolls."""
    bookmarked: reactive[frozenset[int]] = reactive(frozenset(), init=False, repaint=False)
    """Group ids with a bookmark (the panes mark the current fact if it has one)."""

    def __init__(self, corpus: Corpus, count: int = 2, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.layouts = LayoutCache()
        self.positions: list[int] = list(range(min(count, len(corpus.articles))))
        """Corpus position of the article shown in each pane."""
        self.active = 0
        """Index of the pane `[`/`]` and `-` act on (the last one focused)."""
        self._anchors: dict[tuple[str, int, str, int], list[Anchor]] = {}
        self._level_pending = False

    def compose(self) -> ComposeResult:
        for index, position in enumerate(self.positions):
            pane = ArticlePane(index, self.corpus.articles[position], position, self.layouts)
            pane.set_class(index == self.active, "-active")
            yield pane.data_bind(PaneDeck.current, PaneDeck.analysis, PaneDeck.bookmarked)

    @property
    def panes(self) -> list[ArticlePane]:
        """The panes, left to right."""
        return list(self.query_children(ArticlePane))

    def watch_analysis(self) -> None:
        self.layouts.clear()  # Quotes arrived: badges change the wrapping.
        self._anchors.clear()

    def watch_current(self) -> None:
        self.level()

    # -- which article where ----------------------------------------------------------

    def add_pane(self) -> bool:
        """Add a pane with the next article not shown; False if there is no room."""
        count = len(self.positions)
        if count >= len(self.corpus.articles) or self.size.width // (count + 1) < MIN_PANE_WIDTH:
            return False
        start = self.positions[-1] if self.positions else -1
        total = len(self.corpus.articles)
        candidates = [(start + step) % total for step in range(1, total + 1)]
        position = next(p for p in candidates if p not in self.positions)
        self.positions.append(position)
        self.active = count
        self._rebuild()
        return True

    def remove_pane(self) -> bool:
        """Remove the active pane; False if it is the last one."""
        if len(self.positions) <= 1:
            return False
        del self.positions[self.active]
        self.active = min(self.active, len(self.positions) - 1)
        self._rebuild()
        return True

    def _rebuild(self) -> None:
        # Composed from the deck's own message loop: data_bind needs the deck as parent.
        async def rebuild() -> None:
            await self.recompose()
            self.panes[self.active].view.focus()
            self.call_after_refresh(self.level)

        self.call_later(rebuild)

    def cycle(self, step: int) -> None:
        """Show the previous/next article in the active pane, skipping ones shown."""
        total = len(self.corpus.articles)
        position = self.positions[self.active]
        for _ in range(total):
            position = (position + step) % total
            if position not in self.positions or total <= len(self.positions):
                break
        self.show_in(self.active, position)
        self.level()

    def show_in(self, index: int, position: int) -> None:
        """Show the article at a corpus position in one pane."""
        self.positions[index] = position
        self.panes[index].set_article(self.corpus.articles[position], position)

    def show_article(self, article_id: str) -> ArticlePane:
        """The pane showing an article, putting it in the active pane if none does."""
        for pane in self.panes:
            if pane.article.id == article_id:
                return pane
        position = next(i for i, a in enumerate(self.corpus.articles) if a.id == article_id)
        self.show_in(self.active, position)
        return self.panes[self.active]

    def show_fact_articles(self, fact: int) -> None:
        """When no pane reports a fact, put the articles that do into the panes."""
        if self.analysis is None or not 0 <= fact < len(self.analysis.groups):
            return
        shown = {pane.article.id for pane in self.panes}
        members = list(dict.fromkeys(m.article for m in self.analysis.groups[fact].members))
        if shown.intersection(members):
            return
        ids = [a.id for a in self.corpus.articles]
        for index, article_id in enumerate(members[: len(self.positions)]):
            self.show_in(index, ids.index(article_id))

    def focus_pane(self, step: int) -> None:
        """Focus the next/previous pane."""
        panes = self.panes
        if panes:
            self.active = (self.active + step) % len(panes)
            panes[self.active].view.focus()

    def on_pane_focused(self, message: PaneFocused) -> None:
        self.active = message.pane
        for pane in self.panes:
            pane.set_class(pane.index == self.active, "-active")

    # -- keeping panes level ----------------------------------------------------------

    def reading_row(self) -> int:
        """The screen row where facts are placed: a third of the way down (the filler)."""
        return min((pane.view.pad for pane in self.panes), default=0)

    def level(self) -> None:
        """Put the current fact's sentences at the same screen row in every pane."""
        self._level_pending = False
        panes = self.panes
        rows: dict[int, int] = {}
        for pane in panes:
            sentence = pane.member_sentence(self.current)
            row = None if sentence is None else pane.sentence_row(sentence)
            if row is not None:
                rows[pane.index] = row
        if not rows:
            return
        # A third of the way down, unless every sentence is nearer the top of its article:
        # then as low as the lowest of them, so that only the others show filler.
        deepest = max(rows[p.index] - p.view.pad for p in panes if p.index in rows)
        screen_row = min(self.reading_row(), deepest)
        for pane in panes:
            if pane.index in rows:
                pane.view.scroll_to_row(rows[pane.index] - screen_row)
        leader = panes[self.active] if self.active in rows else panes[next(iter(rows))]
        self.follow(leader, screen_row, skip=set(rows))

    def place(self, pane: ArticlePane, offset: int) -> None:
        """Scroll one pane to a text offset; the others follow."""
        layout = pane.view.wrapped
        if layout is None:
            return
        row = layout.row_of_offset(offset)
        screen_row = min(self.reading_row(), row)
        pane.view.scroll_to_row(pane.view.pad + row - screen_row)
        self.follow(pane, screen_row)

    def follow(self, leader: ArticlePane, screen_row: int, skip: Collection[int] = ()) -> None:
        """Scroll every other pane level with the leader around ``screen_row``."""
        lead_row = leader.view.scroll_y + screen_row - leader.view.pad
        for pane in self.panes:
            if pane is leader or pane.index in skip:
                continue
            anchors = self._pair(leader, pane)
            row = pane.view.pad + map_row(anchors, lead_row) - screen_row
            # Following, a pane stops at its first and last page: the filler is only
            # there to level a fact's sentence.
            pane.view.scroll_to_row(min(max(row, pane.view.pad), pane.view.last_page))

    def _pair(self, leader: ArticlePane, follower: ArticlePane) -> list[Anchor]:
        lead, follow = leader.view.wrapped, follower.view.wrapped
        if self.analysis is None or lead is None or follow is None:
            return []
        key = (lead.article.id, lead.width, follow.article.id, follow.width)
        anchors = self._anchors.get(key)
        if anchors is None:
            members = self.analysis.article_members
            anchors = self._anchors[key] = anchor_pairs(
                members.get(lead.article.id, ()),
                members.get(follow.article.id, ()),
                lead.sentence_rows,
                follow.sentence_rows,
            )
        return anchors

    def on_pane_scrolled(self, message: PaneScrolled) -> None:
        message.stop()
        self._level_pending = False
        panes = self.panes
        if self.scroll_lock and message.pane < len(panes):
            self.follow(panes[message.pane], self.reading_row())

    def on_pane_laid_out(self, message: PaneLaidOut) -> None:
        message.stop()
        if not self._level_pending:
            self._level_pending = True
            self.call_after_refresh(self._level_if_pending)

    def _level_if_pending(self) -> None:
        # A scroll by the user since the new layout wins over levelling again.
        if self._level_pending:
            self.level()
