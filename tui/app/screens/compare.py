"""Compare one fact (or one quote) across sources: each telling stacked, word-diffed
against the one chosen as the reference, values in conflict marked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.messages import Target
from tui.app.screens.view import ViewScreen
from tui.app.widgets.colors import article_color
from tui.app.widgets.pane import short_name
from tui.core.analysis import Analysis
from tui.core.models import Quote
from tui.core.text.worddiff import word_diff


@dataclass(frozen=True, slots=True)
class Telling:
    """One source's words for the thing compared."""

    article: str
    text: str
    offset: int
    """Where the words start in the article (to go there)."""
    values: tuple[str, ...] = ()
    """This source's values in conflict with another's."""


def fact_tellings(analysis: Analysis, fact: int) -> list[Telling]:
    """Each member sentence of a fact, with its source's values in conflict."""
    values: dict[tuple[str, int], list[str]] = {}
    for discrepancy in analysis.fact_discrepancies[fact]:
        for value in discrepancy.values:
            values.setdefault((value.article, value.sentence), []).append(value.text)
    tellings = []
    for member in analysis.groups[fact].members:
        sentence = analysis.corpus.article(member.article).sentences[member.sentence]
        key = (member.article, member.sentence)
        tellings.append(
            Telling(member.article, sentence.text, sentence.start, tuple(values.get(key, ())))
        )
    return tellings


def quote_tellings(analysis: Analysis, quote: Quote) -> list[Telling]:
    """A quote as each outlet printed it (the quotes found to be the same words)."""
    by_id = {q.id: q for q in analysis.quotes}
    quotes = [quote, *(by_id[q] for q in quote.same_as if q in by_id)]
    return [Telling(q.article, q.text, q.start) for q in quotes]


class CompareScreen(ViewScreen[Target | None]):
    """Every source's telling, diffed word by word against the reference."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,v", "close", "Close"),
        Binding("r", "reference", "Make reference"),
        Binding("g", "go", "Go to it"),
    ]

    def __init__(self, analysis: Analysis, tellings: list[Telling], title: str) -> None:
        super().__init__(classes="view")
        self.analysis = analysis
        self.tellings = tellings
        self.title_text = title
        self.reference = 0
        """Index of the telling the others are compared with."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = "r: make reference · g: go to it · esc: close"
            yield OptionList(id="compare-list")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = highlighted if highlighted is not None else self.reference

    def _options(self) -> list[Option | None]:
        positions = {a.id: i for i, a in enumerate(self.analysis.corpus.articles)}
        reference = self.tellings[self.reference].text
        options: list[Option | None] = []
        for index, telling in enumerate(self.tellings):
            article = self.analysis.corpus.article(telling.article)
            # Named by its outlet, the title follows; named by its title, the file does.
            second = article.title if article.source else Path(article.path).name
            head = Text.assemble(
                ("▌ ", article_color(positions.get(telling.article, 0))),
                (short_name(article, 40), "bold"),
                (f"  {second}", "dim"),
            )
            if article.date:
                head.append(f" · {article.date}", "dim")
            if index == self.reference:
                head.append("  ◆ reference", "bold")
                body = Text(" ".join(telling.text.split()))
            else:
                body = self._diff(reference, telling.text)
            for value in telling.values:
                body.highlight_words([value], "bold reverse", case_sensitive=False)
            prompt = Text.assemble(head, "\n  ", body)
            options.append(Option(prompt, id=str(index)))
            options.append(None)
        return options[:-1]

    @staticmethod
    def _diff(reference: str, other: str) -> Text:
        text = Text()
        for op, words in word_diff(reference, other):
            if text:
                text.append(" ")
            if op == "same":
                text.append(words)
            elif op == "added":
                text.append(f"{{+{words}+}}", "bold green")
            else:
                text.append(f"[-{words}-]", "strike red")
        return text

    def _highlighted(self) -> int | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return int(options.get_option_at_index(options.highlighted).id or 0)

    def action_reference(self) -> None:
        """The highlighted telling becomes the one the others are compared with."""
        chosen = self._highlighted()
        if chosen is not None:
            self.reference = chosen
            self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_reference()

    def action_go(self) -> None:
        chosen = self._highlighted()
        if chosen is not None:
            telling = self.tellings[chosen]
            self.dismiss(Target(article=telling.article, offset=telling.offset))

    def action_close(self) -> None:
        self.dismiss(None)
