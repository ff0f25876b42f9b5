"""Search the text of every article; each result is a fact (or a place) to jump to."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.app.messages import Target
from tui.app.screens.view import ViewScreen
from tui.app.widgets.colors import article_color
from tui.app.widgets.pane import short_name
from tui.core.analysis import Analysis
from tui.core.models import Corpus
from tui.core.search import search, spelling_groups

MAX_RESULTS = 200


class Results(OptionList):
    """The results; `up` on the first one goes back to the words."""

    def action_cursor_up(self) -> None:
        if not self.highlighted:
            self.screen.query_one(Input).focus()
        else:
            super().action_cursor_up()


class SearchScreen(ViewScreen[Target | None]):
    """Type words; pick a sentence that holds them."""

    FIRST_FOCUS = "#search-input"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "results", "Results", show=False),
    ]

    def __init__(self, corpus: Corpus, analysis: Analysis | None, query: str = "") -> None:
        super().__init__(classes="view")
        self.corpus = corpus
        self.analysis = analysis
        self.query_text = query
        self.targets: list[Target] = []
        self.spellings = spelling_groups(analysis.discrepancies) if analysis else []
        """Names the articles spell differently: a search finds every spelling."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_title = "Search the articles"
            box.border_subtitle = "enter: go to the result · ↓: results · esc: close"
            yield Input(self.query_text, placeholder="words to find", id="search-input")
            yield Results(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._search(self.query_text)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        if self.targets:
            self.dismiss(self.targets[0])

    def action_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            results.highlighted = results.highlighted or 0

    def _search(self, words: str) -> None:
        results = self.query_one(OptionList)
        results.clear_options()
        hits = search(self.corpus, words, MAX_RESULTS, self.spellings)
        self.targets = []
        options: list[Option] = []
        for hit in hits:
            fact = None
            if self.analysis is not None:
                fact = self.analysis.fact_of_sentence(hit.article.id, hit.sentence.index)
            self.targets.append(
                Target(
                    fact=fact,
                    article=hit.article.id,
                    offset=hit.sentence.start,
                    # The spelling this article uses (a name may be spelled several ways).
                    search=hit.sentence.text[hit.found : hit.found + hit.length],
                )
            )
            options.append(
                Option(self._prompt(hit.position, hit.sentence.text, hit.found, hit.length, fact))
            )
        results.add_options(options)
        more = "+" if len(options) >= MAX_RESULTS else ""
        box = self.query_one(".view-box")
        box.border_title = f"Search the articles · {len(options)}{more} results"

    def _prompt(self, position: int, text: str, found: int, length: int, fact: int | None) -> Text:
        article = self.corpus.articles[position]
        start = max(found - 50, 0)
        snippet = " ".join(text[start : found + length + 80].split())
        prefix = "…" if start else ""
        line = Text.assemble(("▌", article_color(position)), f" {prefix}{snippet}")
        line.highlight_words([text[found : found + length]], "reverse", case_sensitive=False)
        where = (
            f"fact {fact + 1}: {self.analysis.groups[fact].label}"
            if fact is not None and self.analysis
            else "not an aligned fact"
        )
        line.append(f"\n   {short_name(article)} · {where}", "dim")
        return line

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.targets[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
