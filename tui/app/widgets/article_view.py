"""One article, wrapped and drawn line by line (Textual's Line API).

Only the visible lines are rendered, and each is cached until the highlight or the
width changes: a key press costs a screenful of lines per pane, whatever the corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.layout import ArticleLayout, LayoutCache, Line
from tui.app.messages import PaneLaidOut, PaneScrolled, SentenceClicked
from tui.core.models import Article, DiffSpan, Quote

Highlight = tuple[tuple[int, tuple[DiffSpan, ...]], ...]
"""The highlighted sentences (index and diff spans): a fact may hold several of one article."""

_DIFF_CLASS = {
    "own": "article-view--own",
    "number": "article-view--number",
    "entity": "article-view--entity",
}


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The text of one article, with the current fact's sentence highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("shift+down,ctrl+e", "line_down", "Line down", show=False),
        Binding("shift+up,ctrl+y", "line_up", "Line up", show=False),
        Binding("home", "top", "Top", show=False),
        Binding("end", "bottom", "Bottom", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--heading",
        "article-view--quote",
        "article-view--tweet",
        "article-view--badge",
        "article-view--badge-hot",
        "article-view--sentence",
        "article-view--own",
        "article-view--number",
        "article-view--entity",
        "article-view--match",
    }

    def __init__(self, pane: int, layouts: LayoutCache, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane = pane
        self.layouts = layouts
        self.article: Article | None = None
        self.quotes: tuple[Quote, ...] = ()
        self.wrapped: ArticleLayout | None = None
        self.pad = 0
        """Blank rows above the text: a sentence on the first line can still be placed at
        the reading row, level with the other panes (a diff viewer's filler)."""
        self.highlight: Highlight = ()
        self.conflicts: tuple[tuple[int, int], ...] = ()
        self.hot_quote: str | None = None
        self.search: re.Pattern[str] | None = None
        self.marks: tuple[tuple[int, int], ...] = ()
        self._quiet = False
        self._base: Style | None = None
        self._cache: LRUCache[int, Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}

    # -- state set by the pane --------------------------------------------------------

    def show(self, article: Article, quotes: Sequence[Quote]) -> None:
        """Show another article (or the same one with new quotes), from its top."""
        if article is not self.article:
            self.wrapped = None
        self.article = article
        self.quotes = tuple(quotes)
        self.relayout(force=True)

    def set_highlight(
        self,
        highlight: Highlight,
        hot_quote: str | None = None,
        conflicts: tuple[tuple[int, int], ...] = (),
    ) -> None:
        """Highlight sentences with their diff spans (or none); ``conflicts``: the values
        the sources disagree on (only numbers among them get the warning colour)."""
        if (highlight, hot_quote, conflicts) != (self.highlight, self.hot_quote, self.conflicts):
            self.highlight = highlight
            self.hot_quote = hot_quote
            self.conflicts = conflicts
            self._redraw()

    def set_search(self, words: str | None) -> None:
        """Mark the occurrences of searched words."""
        pattern = re.compile(re.escape(words), re.IGNORECASE) if words else None
        if pattern != self.search:
            self.search = pattern
            self._redraw()

    def set_marks(self, marks: tuple[tuple[int, int], ...]) -> None:
        """Mark stretches of text: a quote or the values of a discrepancy."""
        if marks != self.marks:
            self.marks = marks
            self._redraw()

    def _redraw(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Called on every focus or class change nearby: keep the lines if nothing changed.
        styles = {name: self.get_component_rich_style(name, partial=True) for name in self._styles}
        if self.rich_style != self._base or styles != self._styles:
            self._base = None
            self._styles.clear()
            self._cache.clear()

    def relayout(self, force: bool = False) -> None:
        """Wrap the article at the current width, keeping the top sentence in view."""
        width = self.scrollable_content_region.width
        if self.article is None or width <= 0:
            return
        if not force and self.wrapped is not None and self.wrapped.width == width:
            return
        first = self.wrapped is None
        self.wrapped = self.layouts.get(self.article, width, self.quotes)
        height = max(self.scrollable_content_region.height, 1)
        self.pad = height // 3
        # Filler above, and room to scroll the last line to the top: any sentence can be
        # put at any screen row.
        self.virtual_size = Size(width, self.pad + len(self.wrapped.lines) + height - 1)
        if first:
            self.scroll_to_row(self.pad)
        self._cache.clear()
        self.refresh()
        self.post_message(PaneLaidOut(self.pane))

    # -- scrolling --------------------------------------------------------------------

    def scroll_to_row(self, row: float) -> None:
        """Scroll without telling the other panes (the deck is doing it)."""
        self._quiet = True
        try:
            self.scroll_to(y=max(round(row), 0), animate=False, immediate=True)
        finally:
            self._quiet = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._quiet and round(old_value) != round(new_value):
            self.post_message(PaneScrolled(self.pane))

    def action_page_down(self) -> None:
        self.scroll_page_down()

    def action_page_up(self) -> None:
        self.scroll_page_up()

    def action_line_down(self) -> None:
        self.scroll_down(animate=False)

    def action_line_up(self) -> None:
        self.scroll_up(animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=self.pad, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.last_page, animate=False)

    @property
    def last_page(self) -> int:
        """The scroll position showing the end of the text at the bottom."""
        lines = len(self.wrapped.lines) if self.wrapped is not None else 0
        return max(self.pad + lines - self.scrollable_content_region.height, self.pad)

    def on_click(self, event: events.Click) -> None:
        if self.wrapped is None:
            return
        row = int(self.scroll_y) + event.y - self.pad
        if 0 <= row < len(self.wrapped.lines):
            index = bisect_right(self.wrapped.sentence_rows, row) - 1
            self.post_message(SentenceClicked(self.pane, max(index, 0)))

    # -- rendering --------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def _base_style(self) -> Style:
        # ``rich_style`` walks the ancestors each time: too slow to ask per line.
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y - self.pad
        width = self.scrollable_content_region.width
        base = self._base_style()
        if self.wrapped is None or not 0 <= row < len(self.wrapped.lines):
            return Strip.blank(width, base)
        strip = self._cache.get(row)
        if strip is None:
            text = self._line_text(self.wrapped.lines[row])
            text.stylize_before(base)
            strip = Strip(text.render(self.app.console), text.cell_len)
            strip = strip.crop_extend(0, width, base)
            self._cache[row] = strip
        return strip

    def _line_text(self, line: Line) -> Text:
        """The styled text of one line: base styles, then the highlight, then badges."""
        assert self.article is not None
        source = self.article.text
        start, end = line.start, line.end
        text = Text(source[start:end].replace("\n", " ").replace("\t", " "))
        if line.kind == "heading":
            text.stylize(self._style("article-view--heading"))

        def paint(name: str, span_start: int, span_end: int) -> None:
            if span_end > start and span_start < end:
                text.stylize(self._style(name), max(span_start, start) - start, span_end - start)

        for tweet in self.article.tweets:
            paint("article-view--tweet", tweet.start, tweet.end)
        for quote in self.quotes:
            if quote.end > start and quote.start < end:
                paint("article-view--quote", quote.start, quote.end)
        for index, spans in self.highlight:
            sentence = self.article.sentences[index]
            if sentence.end <= start or sentence.start >= end:
                continue
            paint("article-view--sentence", sentence.start, sentence.end)
            for span in spans:
                kind = span.kind
                if kind == "number" and not self._in_conflict(span.start, span.end):
                    kind = "own"  # A number all sources agree on is no warning.
                if kind in _DIFF_CLASS:
                    paint(_DIFF_CLASS[kind], span.start, span.end)
        for mark_start, mark_end in self.marks:
            paint("article-view--match", mark_start, mark_end)
        if self.search is not None:
            for match in self.search.finditer(
                source, max(start - 40, 0), min(end + 40, len(source))
            ):
                paint("article-view--match", match.start(), match.end())
        for badge in reversed(line.badges):
            cut = max(badge.offset - start, 0)
            name = "article-view--badge-hot" if badge.quote == self.hot_quote else ""
            if not name:
                hot = self._in_highlight(badge.offset)
                name = "article-view--badge-hot" if hot else "article-view--badge"
            label = Text.assemble((f" {badge.label} ", self._style(name)), " ")
            text = Text.assemble(text[:cut], label, text[cut:])
        return text

    def _in_conflict(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.conflicts)

    def _in_highlight(self, offset: int) -> bool:
        assert self.article is not None
        sentences = self.article.sentences
        return any(sentences[i].start <= offset < sentences[i].end for i, _ in self.highlight)
