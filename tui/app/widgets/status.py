"""The status line: where the reader is, and what the current fact holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.markup import escape
from textual.reactive import reactive
from textual.widgets import Static

from tui.app.widgets.words import plural
from tui.core.analysis import Analysis
from tui.core.models import Corpus

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from tui.core.first_screen import Totals

BAR_DELAY = 0.4
"""Seconds of aligning before the progress bar appears."""


class StatusLine(Horizontal):
    """``fact k/N``, coverage, discrepancies, lock; a progress bar while aligning."""

    current: reactive[int] = reactive(-1, init=False, repaint=False)
    analysis: reactive[Analysis | None] = reactive(None, init=False, repaint=False)
    scroll_lock: reactive[bool] = reactive(True, init=False, repaint=False)
    progress: reactive[float] = reactive(0.0, init=False, repaint=False)
    note: reactive[str] = reactive("", init=False, repaint=False)
    bookmarked: reactive[frozenset[int]] = reactive(frozenset(), init=False, repaint=False)
    """What the current fact was reached through (a quote, a discrepancy, a search)."""
    totals: reactive[Totals | None] = reactive(None, init=False, repaint=False)
    """The whole analysis's totals while only its first story is at hand."""

    def __init__(self, corpus: Corpus, *, reading: int = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.reading = reading
        """How many files and links are being read (0: the corpus is at hand)."""
        self.text = Static(id="status-text")
        self.bar: ProgressBar | None = None
        """Made only for a corpus that takes more than a moment (not before the first paint)."""
        self._shown = ""

    def compose(self) -> ComposeResult:
        yield self.text

    def on_mount(self) -> None:
        self.set_timer(BAR_DELAY, self._reveal_bar)
        self._update()

    def _reveal_bar(self) -> None:
        if self.analysis is None and not self.note and self.bar is None:
            from textual.widgets import ProgressBar  # noqa: PLC0415 (not on the first frame)

            self.bar = ProgressBar(total=1.0, show_eta=False, id="status-progress")
            self.bar.update(progress=self.progress)
            self.mount(self.bar)

    def watch_current(self) -> None:
        self._update()

    def watch_analysis(self) -> None:
        if self.analysis is not None:
            self._hide_bar()
        self._update()

    def _hide_bar(self) -> None:
        if self.bar is not None:
            self.bar.display = False

    def use_corpus(self, corpus: Corpus) -> None:
        """The articles, read at last, or the same under new names."""
        self.corpus = corpus
        self.reading = 0
        self._update()

    def watch_scroll_lock(self) -> None:
        self._update()

    def watch_note(self) -> None:
        self._update()

    def watch_bookmarked(self) -> None:
        self._update()

    def watch_totals(self) -> None:
        self._update()

    def watch_progress(self) -> None:
        if self.bar is not None:
            self.bar.update(progress=self.progress)
        self._update()

    def _update(self) -> None:
        articles = len(self.corpus.articles)
        lock = "[b]⇅ lock on[/]" if self.scroll_lock else "[dim]⇅ lock off[/]"
        sep = " [dim]·[/] "
        analysis = self.analysis
        if analysis is None:
            if self.note:  # The alignment failed: say so, the articles stay readable.
                self._hide_bar()
                self._show(f"[b $text-error]{escape(self.note)}[/]{sep}{articles} articles")
            elif self.reading:
                self._show(f"Reading {self.reading} articles{sep}{lock}")
            else:
                self._show(f"Aligning {articles} articles{sep}{lock}")
            return
        totals = self.totals
        total = totals.facts if totals else len(analysis.groups)
        all_disc = totals.discrepancies if totals else len(analysis.discrepancies)
        stories = totals.stories if totals else len(analysis.alignment.stories)
        if totals:
            articles = totals.articles
        if not 0 <= self.current < len(analysis.groups):
            parts = [
                plural(total, "fact"),
                plural(all_disc, "discrepancy", "discrepancies"),
                plural(articles, "article"),
                lock,
            ]
            self._show(sep.join(parts))
            return
        group = analysis.groups[self.current]
        reporting = group.coverage
        here = len(analysis.fact_discrepancies[self.current])
        disc = f"[b $text-warning]≠ {here} here[/]" if here else "[dim]no discrepancy[/]"
        star = " [b $text-accent]★[/]" if group.id in self.bookmarked else ""
        parts = [
            f"[dim]Fact[/] [b]{self.current + 1}/{total}[/]{star}",
            f"reported by {reporting}/{articles}",
            f"[dim]confidence[/] {group.score:.0%}",
            f"{disc} [dim]({all_disc} in all)[/]",
            lock,
        ]
        if stories > 1:
            # Coverage within the story: "2/3", not "2/300" on an archive of many stories.
            in_story = len(analysis.alignment.stories[group.story].articles)
            parts[1] = f"reported by {reporting}/{in_story}"
            parts.insert(0, f"[dim]story[/] {group.story + 1}/{stories}")
        if self.note:
            parts.append(f"[i]{escape(self.note)}[/]")
        self._show(sep.join(parts))

    def _show(self, markup: str) -> None:
        # Fixed size: no layout pass, which would repaint the whole screen.
        if markup != self._shown:
            self._shown = markup
            self.text.update(markup, layout=False)
