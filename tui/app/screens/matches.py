"""Possible matches: for one sentence, the likeliest sentences of each other article, with
the probability that they report the same fact; enter links one to the current fact."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.app.screens.view import ViewScreen
from tui.app.widgets.colors import article_color
from tui.app.widgets.pane import short_name
from tui.core.analysis import Analysis
from tui.core.models import Corpus
from tui.core.text.gist import shorten

SNIPPET = 150


class MatchesScreen(ViewScreen[tuple[str, int] | None]):
    """Candidates per article, best first; dismisses with the (article, sentence) accepted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,m", "close", "Close"),
        Binding("l", "accept", "Link to the fact"),
    ]

    def __init__(self, analysis: Analysis, article: str, sentence: int, fact: int) -> None:
        super().__init__(classes="view")
        self.analysis = analysis
        self.article = article
        self.sentence = sentence
        self.fact = fact
        self.candidates: dict[str, tuple[str, int]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_title = "Possible matches"
            box.border_subtitle = "enter / l: link it to the current fact · esc: close"
            text = self.analysis.corpus.article(self.article).sentences[self.sentence].text
            yield Label(Text(shorten(text, 200), style="italic"))
            yield OptionList(id="matches-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.find()

    def _story(self) -> Corpus:
        """The articles of the sentence's story (matches are only sought there)."""
        corpus = self.analysis.corpus
        for story in self.analysis.alignment.stories:
            if self.article in story.articles:
                return Corpus(tuple(corpus.article(a) for a in story.articles))
        return corpus

    @work(thread=True, exclusive=True, group="matches", exit_on_error=False)
    def find(self) -> None:
        from tui.core.align.matches import possible_matches  # noqa: PLC0415 (the model)

        found = possible_matches(self._story(), self.article, self.sentence)
        self.app.call_from_thread(self._show, found)

    def _show(self, found: dict[str, list[object]]) -> None:
        corpus = self.analysis.corpus
        positions = {a.id: i for i, a in enumerate(corpus.articles)}
        members = {(m.article, m.sentence) for m in self.analysis.groups[self.fact].members}
        options: list[Option | None] = []
        for article_id, matches in found.items():
            article = corpus.article(article_id)
            options.append(
                Option(
                    Text.assemble(
                        ("▌ ", article_color(positions.get(article_id, 0))),
                        (short_name(article, 40), "bold"),
                    ),
                    disabled=True,
                )
            )
            for match in matches:
                sentence = getattr(match, "sentence", 0)
                probability = getattr(match, "probability", 0.0)
                key = f"{article_id}#{sentence}"
                self.candidates[key] = (article_id, sentence)
                mark = "✓ in this fact" if (article_id, sentence) in members else ""
                prompt = Text.assemble(
                    (f"  {probability:>4.0%} ", "bold"),
                    shorten(article.sentences[sentence].text, SNIPPET),
                    (f"  {mark}", "dim"),
                )
                options.append(Option(prompt, id=key))
            options.append(None)
        box = self.query_one(OptionList)
        box.clear_options()
        box.add_options(options[:-1] if options else options)
        for index in range(box.option_count):
            if not box.get_option_at_index(index).disabled:
                box.highlighted = index
                break

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = self.candidates.get(event.option.id or "")
        if chosen is not None:
            self.dismiss(chosen)

    def action_accept(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            chosen = self.candidates.get(options.get_option_at_index(options.highlighted).id or "")
            if chosen is not None:
                self.dismiss(chosen)

    def action_close(self) -> None:
        self.dismiss(None)
