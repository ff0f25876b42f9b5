"""A pane: one article's header and its text, following the current fact."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from tui.app.layout import LayoutCache
from tui.app.messages import PaneFocused
from tui.app.targets import value_spans
from tui.app.widgets.article_view import ArticleView, Highlight
from tui.app.widgets.colors import article_color
from tui.core.analysis import Analysis
from tui.core.models import Article, Group
from tui.core.text.gist import shorten


def short_name(article: Article, limit: int = 28) -> str:
    """A few words naming an article in lists: its outlet, else its title in quotation
    marks (an untitled article's first words would read like a speaker: "— Ukrainian
    President Volodymyr…"), else its file name. File hashes are not names.
    """
    if article.source:
        name = article.source
    elif article.title:
        words = shorten(article.title, max(limit - 2, 4))
        return f"“{words}”"
    else:
        name = Path(article.path).name or article.id.rsplit("/", 1)[-1]
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


class PaneHeader(Static):
    """Title, then date, outlet and file; or that the article does not report the fact.

    One widget drawing two lines (each cut with an ellipsis to the width): two Statics
    in a container were three widgets to mount, style and draw before the first paint.
    """

    _shown: tuple[Text, Text] | None = None

    def show(self, title: Text, meta: Text) -> None:
        """Replace both lines (fixed height: no layout pass)."""
        if (title, meta) != self._shown:
            self._shown = (title, meta)
            self.update(Text("\n").join((title, meta)), layout=False)

    @property
    def meta(self) -> Text:
        """The second line as shown (empty before the first)."""
        return self._shown[1] if self._shown else Text()


class ArticlePane(Vertical):
    """One article in the deck; the deck binds ``current`` and ``analysis`` into it."""

    current: reactive[int] = reactive(-1, init=False, repaint=False)
    """Position of the current fact (bound from the deck)."""
    analysis: reactive[Analysis | None] = reactive(None, init=False, repaint=False)
    bookmarked: reactive[frozenset[int]] = reactive(frozenset(), init=False, repaint=False)

    def __init__(
        self, index: int, article: Article, position: int, layouts: LayoutCache, *, active: bool
    ) -> None:
        # Classes given here, not set once made: a class set on a pane not yet mounted
        # restyles it for nothing, and ``:first-of-type`` (for the leftmost pane's border)
        # restyled every pane again once mounted.
        place = ["-first"] if index == 0 else []
        super().__init__(classes=" ".join(["pane", *place, *(["-active"] if active else [])]))
        self.index = index
        self.article = article
        self.position = position
        """The article's position in the corpus (for its colour and for `[`/`]`)."""
        self.view = ArticleView(index, layouts)
        self.header = PaneHeader()
        self.search: str | None = None
        self.hot_quote: str | None = None
        self.marks: Mapping[str, tuple[tuple[int, int], ...]] = {}
        """Stretches to mark, by article: they follow the article if `[`/`]` brings it back."""
        self.pinned = False
        """Keeps its article when another fact is selected (else the fact's articles come)."""

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.view

    def on_mount(self) -> None:
        self.call_after_refresh(self._show)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.index >= 0:
            self.post_message(PaneFocused(self.index))

    def pin(self, pinned: bool) -> None:
        """Pin the pane to its article, or let facts bring theirs."""
        self.pinned = pinned
        self._update()

    def rename(self, article: Article) -> None:
        """The same article under a new name: the header changes, the text stays put."""
        self.article = article
        self._update()

    def renumber(self, index: int) -> None:
        """Take a new place in the deck (a pane to the left was removed)."""
        self.index = self.view.pane = index
        self.set_class(index == 0, "-first")

    def retire(self) -> None:
        """Leaving the deck: messages still on their way name no pane."""
        self.renumber(-1)

    def set_article(self, article: Article, position: int) -> None:
        """Show another article in this pane."""
        self.article = article
        self.position = position
        self._show()

    def _show(self) -> None:
        quotes = self.analysis.article_quotes.get(self.article.id, ()) if self.analysis else ()
        self.view.show(self.article, quotes)
        self._update()

    def watch_analysis(self) -> None:
        self._show()

    def watch_current(self) -> None:
        self._update()

    def watch_bookmarked(self) -> None:
        self._update()

    def _group(self) -> Group | None:
        if self.analysis is None or not 0 <= self.current < len(self.analysis.groups):
            return None
        return self.analysis.groups[self.current]

    def member_sentence(self, fact: int | None = None) -> int | None:
        """The sentence of this article in a fact (the current one by default)."""
        fact = self.current if fact is None else fact
        if self.analysis is None or not 0 <= fact < len(self.analysis.groups):
            return None
        sentences = [
            m.sentence for m in self.analysis.groups[fact].members if m.article == self.article.id
        ]
        return min(sentences, default=None)

    def sentence_row(self, sentence: int) -> int | None:
        """The scroll row of a sentence, filler included (None before the first layout)."""
        layout = self.view.wrapped
        return None if layout is None else self.view.pad + layout.sentence_rows[sentence]

    def mark(
        self,
        search: str | None = None,
        quote: str | None = None,
        marks: Mapping[str, tuple[tuple[int, int], ...]] | None = None,
    ) -> None:
        """Mark searched words, a quote's badge, stretches of text (from a view's jump)."""
        self.search, self.hot_quote, self.marks = search, quote, marks or {}
        self.view.set_search(search)
        self._update()

    def _update(self) -> None:
        highlight: Highlight = ()
        reports = True
        conflicts: list[tuple[int, int]] = []
        if self.analysis is not None and 0 <= self.current < len(self.analysis.groups):
            members = self.analysis.groups[self.current].members
            highlight = tuple((m.sentence, m.diff) for m in members if m.article == self.article.id)
            reports = bool(highlight)
            for discrepancy in self.analysis.fact_discrepancies[self.current]:
                spans = value_spans(discrepancy, self.analysis.corpus)
                conflicts.extend(spans.get(self.article.id, ()))
        self.view.set_highlight(highlight, self.hot_quote, tuple(conflicts))
        self.view.set_marks(self.marks.get(self.article.id, ()))
        self.set_class(not reports, "-absent")
        self.header.show(*self._header_text(reports))

    def _header_text(self, reports: bool) -> tuple[Text, Text]:
        article = self.article
        title = Text.assemble(("▌", article_color(self.position)), " ", (article.title, "bold"))
        if not reports:
            second = Text("✗ does not report this fact", style="bold")
        else:
            parts = [p for p in (article.date, article.source, Path(article.path).name) if p]
            second = Text(" · ".join(parts), style="dim")
            group = self._group()
            if group is not None and group.id in self.bookmarked:
                second = Text.assemble(("★ bookmarked", "bold"), " · ", second)
        if self.pinned:
            second = Text.assemble(("⊙ pinned", "bold"), " · ", second)
        return title, second
