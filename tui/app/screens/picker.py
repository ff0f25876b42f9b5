"""Choose the article a pane shows by name: fuzzy over outlet, title, date and file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rapidfuzz import fuzz
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.app.screens.view import ViewScreen
from tui.app.widgets.colors import article_color
from tui.core.models import Article, Corpus

MIN_SCORE = 55
"""Below this fuzzy score (0-100) an article is no match for the words typed."""


def describe(article: Article) -> str:
    """What the picker searches and shows: outlet, title, date, file."""
    parts = [article.source, article.title, article.date, Path(article.path).name]
    return " · ".join(p for p in parts if p)


def rank(corpus: Corpus, words: str) -> list[int]:
    """Corpus positions of the articles matching ``words``, best first (all when empty)."""
    words = words.strip()
    if not words:
        return list(range(len(corpus.articles)))
    scored = []
    for position, article in enumerate(corpus.articles):
        score = fuzz.partial_token_set_ratio(words.casefold(), describe(article).casefold())
        if score >= MIN_SCORE:
            scored.append((-score, position))
    return [position for _, position in sorted(scored)]


class ArticlePicker(ViewScreen[int | None]):
    """Type part of an outlet, title or file name; enter shows it in the focused pane."""

    FIRST_FOCUS = "#pick-input"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "results", "Results", show=False),
    ]

    def __init__(self, corpus: Corpus, shown: list[int]) -> None:
        super().__init__(classes="view")
        self.corpus = corpus
        self.shown = shown
        """Corpus positions already in a pane (marked in the list)."""
        self.found: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_title = "Show in this pane"
            box.border_subtitle = "type to filter · enter: show it · esc: close"
            yield Input(placeholder="outlet, title or file name", id="pick-input")
            yield OptionList(id="pick-list")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._fill("")

    @on(Input.Changed, "#pick-input")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, words: str) -> None:
        self.found = rank(self.corpus, words)
        options = self.query_one(OptionList)
        options.clear_options()
        for position in self.found:
            article = self.corpus.articles[position]
            prompt = Text.assemble(("▌ ", article_color(position)), describe(article))
            if position in self.shown:
                prompt.append("  (in a pane)", "dim")
            options.add_option(Option(prompt, id=str(position)))
        if self.found:
            options.highlighted = 0
        box = self.query_one(".view-box")
        box.border_title = f"Show in this pane · {len(self.found)} of {len(self.corpus.articles)}"

    @on(Input.Submitted, "#pick-input")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if self.found:
            self.dismiss(self.found[options.highlighted or 0])

    def action_results(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)
