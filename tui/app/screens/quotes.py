"""Who said what: every quote across the articles, grouped by speaker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.messages import BookmarkRequested, Target
from tui.app.screens.scope import Scope, in_scope, scope_note
from tui.app.screens.view import ViewScreen
from tui.app.widgets.colors import article_color
from tui.app.widgets.pane import short_name
from tui.app.widgets.words import plural
from tui.core.analysis import Analysis
from tui.core.models import Quote
from tui.core.quotes import by_speaker


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class QuotesScreen(ViewScreen[Target | None]):
    """Pick a quote to see it in its article (and in the fact that holds it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", priority=True),
        Binding("q,w", "close", "Close", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("a", "toggle_scope", "All articles"),
        Binding("b", "bookmark", "Bookmark"),
        Binding("v", "compare", "Compare outlets"),
        Binding("c", "copy", "Copy with citation"),
    ]

    def __init__(self, analysis: Analysis, scope: Scope = None) -> None:
        super().__init__(classes="view")
        self.analysis = analysis
        self.scope = scope
        self.on_screen = scope
        """The articles to list quotes from (those on screen); None for all."""
        self.quotes: dict[str, Quote] = {}
        self._articles: dict[str, str] = {}
        self.words: list[str] = []
        """The filter: every word must be in the quote, its speaker or its outlet."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_subtitle = "enter: go to the quote · /: filter · esc: close"
            if not self.analysis.quotes:
                yield Label("No direct quotes were found in these articles.")
            yield Input(placeholder="/ filter: words, speaker or outlet", id="quote-filter")
            yield OptionList(id="quote-list")

    def _fill(self) -> None:
        shown = in_scope(self.analysis.quotes, self.scope, lambda q: (q.article,))
        if self.words:
            shown = [q for q in shown if self._matches(q)]
        box = self.query_one(".view-box")
        box.border_title = f"Who said what · {plural(len(shown), 'quote')}" + scope_note(
            self.analysis, self.scope
        )
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(shown))
        for index in range(options.option_count):
            if not options.get_option_at_index(index).disabled:
                options.highlighted = index
                break

    def _matches(self, quote: Quote) -> bool:
        article = self.analysis.corpus.article(quote.article)
        names = (quote.speaker, quote.speaker_id, article.source, article.title)
        haystack = " ".join([quote.text, *(n for n in names if n)]).casefold()
        return all(word in haystack for word in self.words)

    def action_filter(self) -> None:
        self.query_one("#quote-filter", Input).focus()

    @on(Input.Changed, "#quote-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.words = event.value.casefold().split()
        self._fill()

    @on(Input.Submitted, "#quote-filter")
    def _filter_done(self) -> None:
        self.query_one(OptionList).focus()

    def action_toggle_scope(self) -> None:
        """Between the articles on screen and all of them."""
        if self.on_screen is None:
            return
        self.scope = None if self.scope is not None else self.on_screen
        self._fill()

    def _options(self, shown: Sequence[Quote]) -> list[Option | None]:
        positions = {a.id: i for i, a in enumerate(self.analysis.corpus.articles)}
        options: list[Option | None] = []
        for speaker, quotes in by_speaker(shown):
            articles = len({q.article for q in quotes})
            counts = f"  {plural(len(quotes), 'quote')} in {plural(articles, 'article')}"
            heading = Text.assemble((speaker, "bold"), (counts, "dim"))
            options.append(Option(heading, disabled=True))
            for quote in sorted(quotes, key=lambda q: (positions.get(q.article, 0), q.start)):
                self.quotes[quote.id] = quote
                color = article_color(positions.get(quote.article, 0))
                prompt = Text.assemble(
                    ("  ▌", color),
                    (f"“{_snippet(quote.text)}”", "italic"),
                    ("  " + self._source(quote), "dim"),
                )
                if quote.same_as:
                    # The same words quoted by other articles (not said several times).
                    outlets = len({self._article_of(q) for q in quote.same_as} | {quote.article})
                    prompt.append(f"  in {plural(outlets, 'article')}", "bold")
                if quote.speaker is None and quote.reason:
                    prompt.append(f"  ({quote.reason})", "dim")
                if quote.speaker_from is not None:
                    # This article only said "she": the named speaker is another's.
                    named_by = short_name(self.analysis.corpus.article(quote.speaker_from))
                    prompt.append(f"  (named by {named_by})", "dim")
                options.append(Option(prompt, id=quote.id))
            options.append(None)
        return options[:-1] if options else options

    def _article_of(self, quote_id: str) -> str:
        """The article of a quote, by id."""
        if not self._articles:
            self._articles = {q.id: q.article for q in self.analysis.quotes}
        return self._articles.get(quote_id, quote_id)

    def _source(self, quote: Quote) -> str:
        """Outlet and cue, and the article's own spelling when it is not the heading's."""
        name = short_name(self.analysis.corpus.article(quote.article))
        spelled = ""
        if quote.speaker and quote.speaker != (quote.speaker_id or quote.speaker):
            spelled = f" as “{quote.speaker}”"
        return f"— {name}{spelled}" + (f", {quote.cue}" if quote.cue else "")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        quote = self.quotes.get(event.option.id or "")
        if quote is not None:
            self.dismiss(self.target(quote))

    def target(self, quote: Quote) -> Target:
        """The quote's place, and the fact holding its sentence if there is one."""
        fact = self.analysis.fact_of_quote(quote)
        return Target(fact=fact, article=quote.article, offset=quote.start, quote=quote)

    def action_bookmark(self) -> None:
        """Bookmark the highlighted quote; the view stays open."""
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        quote = self.quotes.get(options.get_option_at_index(options.highlighted).id or "")
        if quote is not None:
            self.post_message(BookmarkRequested(quote=quote))

    def action_copy(self) -> None:
        """The highlighted quote, its speaker and its source, to the clipboard."""
        from tui.core.text.cite import cited  # noqa: PLC0415 (start-up)

        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        quote = self.quotes.get(options.get_option_at_index(options.highlighted).id or "")
        if quote is not None:
            article = self.analysis.corpus.article(quote.article)
            text = cited(quote.text, article, quote.speaker)
            self.app.copy_to_clipboard(text)
            self.notify(f"Copied: {text}", timeout=3, markup=False)

    def action_compare(self) -> None:
        """The highlighted quote as each outlet printed it, word-diffed."""
        from tui.app.screens.compare import CompareScreen, quote_tellings  # noqa: PLC0415

        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        quote = self.quotes.get(options.get_option_at_index(options.highlighted).id or "")
        if quote is None:
            return
        if not quote.same_as:
            self.notify("No other article prints these words.")
            return
        tellings = quote_tellings(self.analysis, quote)
        title = f"Compare · {quote.speaker or 'unattributed'}'s words in {len(tellings)} articles"

        def went(target: Target | None) -> None:
            if target is not None:
                self.dismiss(target)

        self.app.push_screen(CompareScreen(self.analysis, tellings, title), went)

    def action_close(self) -> None:
        if self.query_one("#quote-filter", Input).has_focus:
            self.query_one(OptionList).focus()  # First Escape leaves the filter.
            return
        self.dismiss(None)
