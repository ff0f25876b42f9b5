"""The stories of the corpus: pick one to read its facts, its articles in the panes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.messages import Target
from tui.app.screens.view import ViewScreen
from tui.app.widgets.pane import short_name
from tui.core.analysis import Analysis


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class StoriesScreen(ViewScreen[Target | None]):
    """One line per story: its label, its articles, how many facts it holds."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,t", "close", "Close")]

    def __init__(self, analysis: Analysis, current: int | None = None) -> None:
        super().__init__(classes="view")
        self.analysis = analysis
        self.current = current

    def compose(self) -> ComposeResult:
        stories = self.analysis.alignment.stories
        with Vertical(classes="view-box") as box:
            box.border_title = f"Stories · {len(stories)}"
            box.border_subtitle = "enter: read the story · esc: close"
            yield OptionList(*self._options(), id="story-list")

    def _options(self) -> list[Option]:
        facts: dict[int, int] = {}
        for group in self.analysis.groups:
            facts[group.story] = facts.get(group.story, 0) + 1
        options = []
        for story in self.analysis.alignment.stories:
            names = ", ".join(
                short_name(self.analysis.corpus.article(a)) for a in story.articles[:4]
            )
            more = f" +{len(story.articles) - 4}" if len(story.articles) > 4 else ""
            prompt = Text.assemble(
                (f"{story.id + 1:>3}  ", "dim"),
                (story.label or "(no label)", "bold"),
                (
                    f"  {_plural(len(story.articles), 'article')}, "
                    f"{_plural(facts.get(story.id, 0), 'fact')}",
                    "dim",
                ),
                f"\n     {names}{more}",
            )
            options.append(Option(prompt, id=str(story.id)))
        return options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.current is not None:
            options.highlighted = self.current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        story = self.analysis.alignment.stories[int(event.option.id or 0)]
        fact = next(
            (n for n, group in enumerate(self.analysis.groups) if group.story == story.id), None
        )
        if fact is None:  # A story of one article: shown alone.
            self.dismiss(Target(article=story.articles[0], offset=0))
        else:
            self.dismiss(Target(fact=fact))

    def action_close(self) -> None:
        self.dismiss(None)
