"""Only here: per article, what no other source reports; per fact, who is silent."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.messages import Target
from tui.app.screens.scope import Scope, scope_note
from tui.app.screens.view import ViewScreen
from tui.app.widgets.colors import article_color
from tui.app.widgets.pane import short_name
from tui.app.widgets.words import plural
from tui.core.analysis import Analysis
from tui.core.blindspots import only_here, silent
from tui.core.text.gist import shorten

SNIPPET = 150


class OnlyHereScreen(ViewScreen[Target | None]):
    """Sentences no other source reports, by article; then the facts with silent sources."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,o", "close", "Close"),
        Binding("a", "toggle_scope", "All articles"),
    ]

    def __init__(self, analysis: Analysis, gists: list[str], scope: Scope = None) -> None:
        super().__init__(classes="view")
        self.analysis = analysis
        self.gists = gists
        """Each fact's gist, in list order."""
        self.scope = scope
        self.on_screen = scope
        self.targets: dict[str, Target] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="view-box") as box:
            box.border_subtitle = "enter: go there · esc: close"
            yield OptionList(id="only-here-list")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _articles(self) -> list[tuple[int, str]]:
        return [
            (position, article.id)
            for position, article in enumerate(self.analysis.corpus.articles)
            if self.scope is None or article.id in self.scope
        ]

    def _fill(self) -> None:
        self.targets.clear()
        options: list[Option | None] = []
        lone = 0
        for position, article_id in self._articles():
            article = self.analysis.corpus.article(article_id)
            found = only_here(self.analysis, article_id)
            lone += len(found)
            head = Text.assemble(
                ("▌ ", article_color(position)),
                (f"Only in {short_name(article, 40)}", "bold"),
                (f"  {plural(len(found), 'sentence')} no other source reports", "dim"),
            )
            options.append(Option(head, disabled=True))
            for index in found:
                sentence = article.sentences[index]
                key = f"s:{article_id}:{index}"
                self.targets[key] = Target(article=article_id, offset=sentence.start)
                options.append(Option(Text("  " + shorten(sentence.text, SNIPPET)), id=key))
            options.append(None)
        scope = {a for _, a in self._articles()}
        silent_rows: list[Option] = []
        names = {a.id: short_name(a, 24) for a in self.analysis.corpus.articles}
        for fact in range(len(self.analysis.groups)):
            quiet = [a for a in silent(self.analysis, fact) if a in scope]
            if not quiet:
                continue
            key = f"f:{fact}"
            self.targets[key] = Target(fact=fact)
            prompt = Text.assemble(
                (f"  {fact + 1:>3} ", "dim"),
                shorten(self.gists[fact], 70),
                ("  silent: ", "dim"),
                (", ".join(names[a] for a in quiet), "bold"),
            )
            silent_rows.append(Option(prompt, id=key))
        options.append(
            Option(
                Text.assemble(
                    ("Who is silent", "bold"),
                    (f"  {plural(len(silent_rows), 'fact')} some sources do not report", "dim"),
                ),
                disabled=True,
            )
        )
        options.extend(silent_rows)
        box = self.query_one(".view-box")
        box.border_title = (
            f"Only here · {plural(lone, 'sentence')} in one source only"
            + scope_note(self.analysis, self.scope)
        )
        list_ = self.query_one(OptionList)
        list_.clear_options()
        list_.add_options(options)
        for index in range(list_.option_count):
            if not list_.get_option_at_index(index).disabled:
                list_.highlighted = index
                break

    def action_toggle_scope(self) -> None:
        if self.on_screen is None:
            return
        self.scope = None if self.scope is not None else self.on_screen
        self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        target = self.targets.get(event.option.id or "")
        if target is not None:
            self.dismiss(target)

    def action_close(self) -> None:
        self.dismiss(None)
