"""The panes side by side, kept level: the one parent that moves them.

Panes never talk to each other. They tell the deck when the user scrolled one, and the
deck scrolls the others by the alignment anchors (:mod:`tui.app.sync`).

The deck's own list of panes is the truth, changed synchronously on each key: mounting
and removing widgets finishes later, and a second key must never see half a change.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive

from tui.app.messages import PaneFocused, PaneLaidOut, PaneScrolled
from tui.app.sync import Anchor, anchor_pairs, map_row
from tui.core.analysis import Analysis
from tui.core.models import Corpus

if TYPE_CHECKING:
    from tui.app.layout import LayoutCache
    from tui.app.widgets.pane import ArticlePane

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
        self.count = count
        """How many panes the deck opens with."""
        self.layouts: LayoutCache | None = None
        """The articles wrapped to their panes' widths, shared by the panes (made with the
        first pane: the reader's first frame, while it reads the files, has none)."""
        self.active = 0
        """Index of the pane `[`/`]` and `-` act on (the last one focused)."""
        self._panes = [
            self._new_pane(index, position)
            for index, position in enumerate(range(min(count, len(corpus.articles))))
        ]
        self._anchors: dict[tuple[str, int, str, int, int], list[Anchor]] = {}
        self._level_pending = False
        self._hold: int | None = None
        """A pane to keep where it is at the next levelling (the one just clicked)."""

    def compose(self) -> ComposeResult:
        yield from self._panes

    def _new_pane(self, index: int, position: int) -> ArticlePane:
        # Imported with the first pane: the wrapping and the article views are not on the
        # first frame of a reader still reading its files (about 5 ms before its paint).
        from tui.app.layout import LayoutCache  # noqa: PLC0415 (start-up)
        from tui.app.widgets.pane import ArticlePane  # noqa: PLC0415 (start-up)

        if self.layouts is None:
            self.layouts = LayoutCache()
        article = self.corpus.articles[position]
        pane = ArticlePane(index, article, position, self.layouts, active=index == self.active)
        # Panes come and go while the deck runs: it hands them its state itself, at once,
        # rather than through data_bind (which binds only from the deck's own compose).
        pane.set_reactive(ArticlePane.current, self.current)
        pane.set_reactive(ArticlePane.analysis, self.analysis)
        pane.set_reactive(ArticlePane.bookmarked, self.bookmarked)
        return pane

    def use_corpus(self, corpus: Corpus) -> None:
        """The articles, read at last (the panes open on the first ones), or the same
        under new names: each pane shows its article's new version."""
        self.corpus = corpus
        if not self._panes:
            count = min(self.count, len(corpus.articles))
            self._panes = [self._new_pane(index, index) for index in range(count)]
            self.mount(*self._panes)
            if self._panes:
                self._activate(0)
            return
        for pane in self._panes:
            pane.rename(corpus.articles[pane.position])

    @property
    def panes(self) -> list[ArticlePane]:
        """The panes, left to right (a copy: the deck alone changes the list)."""
        return list(self._panes)

    @property
    def positions(self) -> list[int]:
        """Corpus position of the article shown in each pane."""
        return [pane.position for pane in self._panes]

    def watch_analysis(self) -> None:
        if self.layouts is not None:
            self.layouts.clear()  # Quotes arrived: badges change the wrapping.
        self._anchors.clear()
        for pane in self._panes:
            pane.analysis = self.analysis

    def watch_bookmarked(self) -> None:
        for pane in self._panes:
            pane.bookmarked = self.bookmarked

    def watch_current(self) -> None:
        for pane in self._panes:
            pane.current = self.current
        self.level()

    # -- which article where ----------------------------------------------------------

    def add_pane(self) -> bool:
        """Add a pane with the next article not shown; False if there is no room."""
        positions = self.positions
        count = len(positions)
        if count >= len(self.corpus.articles) or self.size.width // (count + 1) < MIN_PANE_WIDTH:
            return False
        start = positions[-1] if positions else -1
        total = len(self.corpus.articles)
        candidates = [(start + step) % total for step in range(1, total + 1)]
        position = next(p for p in candidates if p not in positions)
        pane = self._new_pane(count, position)
        self._panes.append(pane)
        self.mount(pane)
        self._activate(count)
        return True

    def remove_pane(self) -> bool:
        """Remove the active pane; False if it is the last one."""
        if len(self._panes) <= 1:
            return False
        gone = self._panes.pop(self.active)
        gone.retire()
        gone.remove()
        for index, pane in enumerate(self._panes):
            pane.renumber(index)
        self._activate(min(self.active, len(self._panes) - 1))
        return True

    def _activate(self, index: int) -> None:
        """Make a pane the active one and focus it; level once the new widths are laid out."""
        self.active = index
        for pane in self._panes:
            pane.set_class(pane.index == index, "-active")
        self._anchors.clear()
        # A new pane takes the focus once mounted; by then another key may have moved on.
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        if self._panes:
            self._panes[min(self.active, len(self._panes) - 1)].view.focus()
        self.level()

    def cycle(self, step: int) -> None:
        """Show the previous/next article in the active pane, skipping ones shown.

        The pane is pinned: an article the user chose stays while facts change.
        """
        total = len(self.corpus.articles)
        positions = self.positions
        position = positions[self.active]
        for _ in range(total):
            position = (position + step) % total
            if position not in positions or total <= len(positions):
                break
        self.show_in(self.active, position)
        self._panes[self.active].pin(True)
        self.level()

    def show_in(self, index: int, position: int) -> None:
        """Show the article at a corpus position in one pane."""
        self._panes[index].set_article(self.corpus.articles[position], position)

    def show_article(self, article_id: str) -> ArticlePane:
        """The pane showing an article, putting it in the active pane if none does."""
        for pane in self.panes:
            if pane.article.id == article_id:
                return pane
        position = next(i for i, a in enumerate(self.corpus.articles) if a.id == article_id)
        self.show_in(self.active, position)
        return self.panes[self.active]

    def show_fact_articles(
        self,
        fact: int,
        first: Sequence[str] = (),
        keep: Collection[int] = (),
        *,
        bring: bool = True,
    ) -> None:
        """Bring the articles reporting a fact into the panes, ``first`` (conflicting
        values) first. Pinned panes, and the panes in ``keep``, keep their article.
        ``bring=False``: only when no pane reports the fact."""
        if self.analysis is None or not 0 <= fact < len(self.analysis.groups):
            return
        members = list(dict.fromkeys(m.article for m in self.analysis.groups[fact].members))
        wanted = list(dict.fromkeys([*first, *members]))[: len(self._panes)]
        shown = {pane.article.id for pane in self._panes}
        if not bring and shown.intersection(members):
            return
        missing = [a for a in wanted if a not in shown]
        free = [
            pane
            for pane in self._panes
            if not pane.pinned and pane.index not in keep and pane.article.id not in wanted
        ]
        # Panes not reporting the fact change first; then from the right.
        free.sort(key=lambda pane: (pane.article.id in members, -pane.index))
        ids = [a.id for a in self.corpus.articles]
        for pane, article_id in zip(free, missing, strict=False):
            self.show_in(pane.index, ids.index(article_id))

    def toggle_pin(self) -> bool:
        """Pin or unpin the active pane; True when it is now pinned."""
        pane = self._panes[self.active]
        pane.pin(not pane.pinned)
        return pane.pinned

    def focus_pane(self, step: int) -> None:
        """Focus the next/previous pane."""
        panes = self.panes
        if panes:
            self.active = (self.active + step) % len(panes)
            panes[self.active].view.focus()

    def on_pane_focused(self, message: PaneFocused) -> None:
        if not 0 <= message.pane < len(self._panes):
            return  # A pane removed since (its focus came late).
        self.active = message.pane
        for pane in self._panes:
            pane.set_class(pane.index == self.active, "-active")

    # -- keeping panes level ----------------------------------------------------------

    def reading_row(self) -> int:
        """The screen row where facts are placed: a third of the way down (the filler)."""
        return min((pane.view.pad for pane in self.panes), default=0)

    def hold(self, index: int) -> None:
        """Keep one pane still at the next levelling: the others come level with it.

        A click selects the fact under the pointer; moving that text away would make the
        user lose what they clicked.
        """
        self._hold = index

    def level(self) -> None:
        """Put the current fact's sentences at the same screen row in every pane."""
        self._level_pending = False
        hold, self._hold = self._hold, None
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
        if hold is not None and hold in rows:
            held = panes[hold].view
            screen_row = rows[hold] - round(held.scroll_y)
            if not 0 <= screen_row < held.scrollable_content_region.height:
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
        lead_fact = self._fact_row(leader)
        if lead_fact is not None:
            lead_fact -= round(leader.view.scroll_y)  # its screen row in the leader
            if not 0 <= lead_fact < leader.view.scrollable_content_region.height:
                lead_fact = None
        for pane in self.panes:
            if pane is leader or pane.index in skip:
                continue
            # While the current fact is on screen, the panes reporting it keep it level;
            # elsewhere the anchors map rows (they interpolate between facts).
            if lead_fact is not None and (own := self._fact_row(pane)) is not None:
                row = own - lead_fact
            else:
                anchors = self._pair(leader, pane)
                row = round(pane.view.pad + map_row(anchors, lead_row) - screen_row)
            # Following, a pane stops at its first and last page: the filler is only
            # there to level a fact's sentence (so it may stay while that is on screen).
            low, high = pane.view.pad, pane.view.last_page
            if self._fact_visible_at(pane, row):
                low, high = min(low, row), max(high, row)
            pane.view.scroll_to_row(min(max(row, low), high))

    def _fact_row(self, pane: ArticlePane) -> int | None:
        """The scroll row of the current fact's sentence in a pane, if it reports it."""
        sentence = pane.member_sentence(self.current)
        return None if sentence is None else pane.sentence_row(sentence)

    def _fact_visible_at(self, pane: ArticlePane, scroll: int) -> bool:
        row = self._fact_row(pane)
        return row is not None and 0 <= row - scroll < pane.view.scrollable_content_region.height

    def _pair(self, leader: ArticlePane, follower: ArticlePane) -> list[Anchor]:
        lead, follow = leader.view.wrapped, follower.view.wrapped
        if self.analysis is None or lead is None or follow is None:
            return []
        key = (lead.article.id, lead.width, follow.article.id, follow.width, self.current)
        anchors = self._anchors.get(key)
        if anchors is None:
            members = self.analysis.article_members
            anchors = self._anchors[key] = anchor_pairs(
                members.get(lead.article.id, ()),
                members.get(follow.article.id, ()),
                lead.sentence_rows,
                follow.sentence_rows,
                keep=self.current,
            )
        return anchors

    def on_pane_scrolled(self, message: PaneScrolled) -> None:
        message.stop()
        self._level_pending = False
        panes = self.panes
        if self.scroll_lock and 0 <= message.pane < len(panes):
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
