"""The reader app (a first version: one pane per article)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import HorizontalScroll, VerticalScroll
from textual.widgets import Footer, Header, Static

from tui.core.models import Corpus


class ReaderApp(App[None]):
    """Articles side by side."""

    TITLE = "kursk-reader"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        yield Header()
        with HorizontalScroll():
            for article in self.corpus.articles:
                with VerticalScroll():
                    yield Static(f"[b]{article.title}[/b]\n\n{article.text}", markup=False)
        yield Footer()


def run_app(corpus: Corpus) -> None:
    """Run the reader until the user quits."""
    ReaderApp(corpus).run()
