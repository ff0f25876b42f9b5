"""The aligned facts, one line each: marker, coverage strip, label.

A Line API list rather than an OptionList: with 300 articles there are thousands of
facts, and only the dozen on screen are ever drawn.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.messages import FactClicked
from tui.app.widgets.colors import article_color
from tui.core.analysis import Analysis
from tui.core.models import Corpus
from tui.core.text.gist import gist, shorten

GIST_LIMIT = 120
"""Longest gist kept; the list cuts it again (at a word) to the width it has."""

FULL_STRIP = 10
"""Up to this many articles, the strip has a cell per article; beyond, per pane."""


class FactList(ScrollView, can_focus=False):
    """Every aligned fact; click one to select it (keys are the screen's)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fact-list--current",
        "fact-list--discrepancy",
        "fact-list--bookmark",
        "fact-list--absent",
        "fact-list--dim",
    }

    current: reactive[int] = reactive(-1, init=False, repaint=False)
    analysis: reactive[Analysis | None] = reactive(None, init=False, repaint=False)
    bookmarked: reactive[frozenset[int]] = reactive(frozenset(), init=False, repaint=False)
    """Group ids with a bookmark."""
    shown: reactive[tuple[int, ...]] = reactive((), init=False, repaint=False)
    """Corpus positions of the articles in the panes (the strip for big corpora)."""
    progress: reactive[float] = reactive(0.0, init=False, repaint=False)
    failed: reactive[str | None] = reactive(None, init=False, repaint=False)
    """What went wrong, in one line, when the articles could not be read or aligned."""
    dismissed: reactive[frozenset[int]] = reactive(frozenset(), init=False, repaint=False)
    """Discrepancy ids the user dismissed: a fact with only those shows no `≠`."""
    listed: reactive[tuple[int, ...] | None] = reactive(None, init=False, repaint=False)
    """Positions of the facts listed (a filter is on), or None for every fact."""

    def __init__(self, corpus: Corpus, *, reading: int = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.reading = reading
        """How many files and links are being read (0: the corpus is at hand)."""
        self._ids = {article.id: i for i, article in enumerate(corpus.articles)}
        self._base: Style | None = None
        self._cache: dict[int, Strip] = {}
        self._gists: dict[int, str] = {}
        self._articles = {article.id: article for article in corpus.articles}

    def use_corpus(self, corpus: Corpus) -> None:
        """The articles, read at last, or the same under new names (a source renamed)."""
        self.corpus = corpus
        self.reading = 0
        self._ids = {article.id: i for i, article in enumerate(corpus.articles)}
        self._articles = {article.id: article for article in corpus.articles}
        self._changed()

    def gist(self, position: int) -> str:
        """A readable label for a fact: its most central sentence, shortened."""
        found = self._gists.get(position)
        if found is None:
            assert self.analysis is not None
            group = self.analysis.groups[position]
            texts = [self._articles[m.article].sentences[m.sentence].text for m in group.members]
            found = self._gists[position] = gist(texts, GIST_LIMIT) or group.label
        return found

    def _position(self, row: int) -> int:
        """The fact position drawn on a list row (-1: none)."""
        if self.listed is None:
            return row
        return self.listed[row] if 0 <= row < len(self.listed) else -1

    def _row_of(self, position: int) -> int:
        """The list row of a fact position (-1: filtered out)."""
        if self.listed is None:
            return position
        try:
            return self.listed.index(position)
        except ValueError:
            return -1

    def _changed(self) -> None:
        self._cache.clear()
        count = len(self.analysis.groups) if self.analysis else 1
        if self.listed is not None:
            count = max(len(self.listed), 1)
        self.virtual_size = Size(self.scrollable_content_region.width, count)
        self.refresh()

    def watch_listed(self) -> None:
        self._changed()
        self.watch_current(-1, self.current)

    def watch_analysis(self) -> None:
        self._gists.clear()
        self._changed()

    def watch_bookmarked(self) -> None:
        self._changed()

    def watch_dismissed(self) -> None:
        self._changed()

    def watch_shown(self) -> None:
        self._changed()

    def watch_progress(self) -> None:
        self._changed()

    def watch_failed(self) -> None:
        self._changed()

    def watch_current(self, old: int, new: int) -> None:
        old, new = self._row_of(old), self._row_of(new)
        self._cache.pop(old, None)
        self._cache.pop(new, None)
        self.refresh_line(old)  # Two lines changed; scrolling repaints the rest anyway.
        self.refresh_line(new)
        if new >= 0:
            height = self.scrollable_content_region.height
            if not self.scroll_y <= new < self.scroll_y + height:
                self.scroll_to(y=max(new - height // 3, 0), animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None
        self._cache.clear()

    def on_click(self, event: events.Click) -> None:
        position = self._position(int(self.scroll_y) + event.y)
        if self.analysis is not None and 0 <= position < len(self.analysis.groups):
            self.post_message(FactClicked(position))

    def _base_style(self) -> Style:
        # ``rich_style`` walks the ancestors each time: too slow to ask per line.
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self._base_style()
        strip = self._cache.get(row)
        if strip is None:
            text = self._row_text(row)
            if text is None:
                return Strip.blank(width, base)
            text.stylize_before(base)
            text.truncate(width, overflow="ellipsis")
            if self._position(row) == self.current:
                text.stylize(self.get_component_rich_style("fact-list--current", partial=True))
            strip = Strip(list(text.render(self.app.console)), text.cell_len)
            strip = strip.extend_cell_length(width, self._pad(row, base)).crop(0, width)
            self._cache[row] = strip
        return strip

    def _pad(self, row: int, base: Style) -> Style:
        if self._position(row) == self.current:
            return base + self.get_component_rich_style("fact-list--current", partial=True)
        return base

    def _row_text(self, row: int) -> Text | None:
        dim = self.get_component_rich_style("fact-list--dim", partial=True)
        if self.analysis is None:
            if row > 0:
                return None
            if self.failed:
                return Text(self.failed, style=dim)
            if self.reading:
                return Text(f"Reading {self.reading} articles… {self.progress:.0%}", style=dim)
            return Text(
                f"Aligning {len(self.corpus.articles)} articles… {self.progress:.0%}", style=dim
            )
        groups = self.analysis.groups
        if not groups:
            return Text("No fact is reported by two articles." if row == 0 else "", style=dim)
        if self.listed is not None and not self.listed:
            return Text("No fact matches the filter (F)." if row == 0 else "", style=dim)
        row = self._position(row)
        if not 0 <= row < len(groups):
            return None
        group = groups[row]
        text = Text("▸" if row == self.current else " ", no_wrap=True, end="")
        if any(d.id not in self.dismissed for d in self.analysis.fact_discrepancies[row]):
            text.append("≠", self.get_component_rich_style("fact-list--discrepancy", partial=True))
        else:
            text.append(" ")
        if group.id in self.bookmarked:
            text.append("★", self.get_component_rich_style("fact-list--bookmark", partial=True))
        else:
            text.append(" ")
        text.append(" ")
        text.append_text(self._strip(row, dim))
        text.append(" ")
        room = max(self.scrollable_content_region.width - text.cell_len, 12)
        text.append(shorten(self.gist(row), room))
        return text

    def _strip(self, row: int, dim: Style) -> Text:
        """Which articles report the fact: a coloured cell each, a dot for absent ones."""
        assert self.analysis is not None
        reporting = {self._ids.get(m.article, -1) for m in self.analysis.groups[row].members}
        cells = Text(no_wrap=True, end="")
        total = len(self.corpus.articles)
        positions = range(total) if total <= FULL_STRIP else self.shown
        for position in positions:
            if position in reporting:
                cells.append("■", Style(color=article_color(position)))
            else:
                cells.append("·", dim)
        if total > FULL_STRIP:
            others = len(reporting - set(self.shown))
            cells.append(f"+{others}" if others else "  ", dim)
        return cells
