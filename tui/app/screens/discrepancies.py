"""Every point where the sources disagree, with each source's value."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.messages import BookmarkRequested, Target
from tui.app.screens.scope import Scope, in_scope, scope_note
from tui.app.steady import same_size
from tui.app.widgets.colors import article_color
from tui.app.widgets.pane import short_name
from tui.core.analysis import Analysis
from tui.core.models import Discrepancy


def _bare(text: str) -> str:
    """Letters and digits only: ``76,000`` and ``76000`` say the same."""
    return re.sub(r"[\W_]", "", text).casefold()


KIND_LABELS = {
    "number": "number",
    "date": "date",
    "place": "place",
    "name": "name",
    "attribution": "attribution",
    "entity_variant": "name variant",
    "quote_wording": "quote wording",
}


class DiscrepanciesScreen(ModalScreen[Target | None]):
    """Pick a discrepancy to go to its fact."""

    AUTO_FOCUS = "OptionList"  # Not the filter: keys typed as the view opens move the list.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", priority=True),
        Binding("q,d", "close", "Close", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("a", "toggle_scope", "All articles"),
        Binding("b", "bookmark", "Bookmark"),
    ]

    def __init__(
        self,
        analysis: Analysis,
        current: Discrepancy | None = None,
        scope: Scope = None,
        verdicts: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(classes="view")
        self.verdicts = verdicts or {}
        """Discrepancy id -> what the user said of it (dismissed, or which source is right)."""
        self.analysis = analysis
        self.current = current
        self.scope = scope
        self.on_screen = scope
        """The articles whose discrepancies are listed (those on screen); None for all."""
        self.shown: list[Discrepancy] = []
        self.words: list[str] = []
        """The filter (`/`): every word in the kind, the summary, a value or a source."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_subtitle = "enter: go to the fact · /: filter · esc: close"
            if not self.analysis.discrepancies:
                yield Label("The sources agree on every number, date, name and quote found.")
            yield Input(placeholder="/ filter: kind, words, a value or a source", id="d-filter")
            yield OptionList(id="discrepancy-list")

    def _fill(self) -> None:
        self.shown = in_scope(
            self.analysis.discrepancies, self.scope, lambda d: [v.article for v in d.values]
        )
        if self.words:
            self.shown = [d for d in self.shown if self._matches(d)]
        box = self.query_one(".view-box")
        box.border_title = f"Discrepancies · {len(self.shown)}" + scope_note(
            self.analysis, self.scope
        )
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        if self.shown:
            index = self.shown.index(self.current) if self.current in self.shown else 0
            options.highlighted = index

    def _matches(self, discrepancy: Discrepancy) -> bool:
        corpus = self.analysis.corpus
        parts = [discrepancy.kind, KIND_LABELS.get(discrepancy.kind, ""), discrepancy.summary]
        for value in discrepancy.values:
            article = corpus.article(value.article)
            parts += [value.text, value.value, article.source or "", article.title, article.path]
        haystack = " ".join(parts).casefold()
        return all(word in haystack for word in self.words)

    def action_filter(self) -> None:
        self.query_one("#d-filter", Input).focus()

    @on(Input.Changed, "#d-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.words = event.value.casefold().split()
        self._fill()

    @on(Input.Submitted, "#d-filter")
    def _filter_done(self) -> None:
        self.query_one(OptionList).focus()

    def action_toggle_scope(self) -> None:
        """Between the articles on screen and all of them."""
        if self.on_screen is None:
            return
        self.scope = None if self.scope is not None else self.on_screen
        self._fill()

    def _options(self) -> list[Option | None]:
        positions = {a.id: i for i, a in enumerate(self.analysis.corpus.articles)}
        articles = {a.id: a for a in self.analysis.corpus.articles}
        options: list[Option | None] = []
        for discrepancy in self.shown:
            fact = self.analysis.fact_of_discrepancy(discrepancy)
            where = f"fact {fact + 1}" if fact is not None else "no fact"
            prompt = Text.assemble(
                ("≠ ", "bold"),
                (f"{KIND_LABELS.get(discrepancy.kind, discrepancy.kind):<13}", "bold"),
                " ",
                discrepancy.summary,
                (f"  {where}", "dim"),
            )
            if discrepancy.id in self.verdicts:
                prompt.append(f"  ✓ {self.verdicts[discrepancy.id]}", "italic")
            for value in discrepancy.values:
                article = articles[value.article]
                prompt.append("\n   ")
                prompt.append("▌", article_color(positions.get(value.article, 0)))
                prompt.append(f" {short_name(article)}: ", "dim")
                prompt.append(value.text, "bold")
                # A number's or a date's value as compared ("1 thousand" is 1000); a
                # quote's folded words would repeat it: the summary's diff shows them.
                compared = discrepancy.kind != "quote_wording"
                if compared and _bare(value.value) != _bare(value.text):
                    prompt.append(f"  ({value.value})", "dim")
            options.append(Option(prompt, id=str(discrepancy.id)))
        return options

    def on_resize(self, event: events.Resize) -> None:
        same_size(self, event)

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        discrepancy = self.analysis.discrepancy(int(event.option.id or -1))
        self.dismiss(self.target(discrepancy))

    def target(self, discrepancy: Discrepancy) -> Target:
        """The fact holding the discrepancy, else the first source's sentence."""
        fact = self.analysis.fact_of_discrepancy(discrepancy)
        article = offset = None
        if discrepancy.values:
            value = discrepancy.values[0]
            article = value.article
            offset = self.analysis.corpus.article(article).sentences[value.sentence].start
        return Target(fact=fact, article=article, offset=offset, discrepancy=discrepancy)

    def action_bookmark(self) -> None:
        """Bookmark the highlighted discrepancy; the view stays open."""
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            discrepancy = self.analysis.discrepancy(int(option.id or -1))
            self.post_message(BookmarkRequested(discrepancy=discrepancy))

    def action_close(self) -> None:
        if self.query_one("#d-filter", Input).has_focus:
            self.query_one(OptionList).focus()  # First Escape leaves the filter.
            return
        self.dismiss(None)
