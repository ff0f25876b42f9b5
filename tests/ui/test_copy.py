"""`c` copies a sentence or a quote with its citation."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ready

from tui.app.app import ReaderApp
from tui.core.text.cite import citation

App = Callable[..., ReaderApp]


async def test_c_copies_the_focused_panes_sentence_with_its_source(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        pane = app.reader.deck.panes[0]
        sentence = pane.member_sentence()
        assert sentence is not None
        await pilot.press("c")
        article = pane.article
        words = " ".join(article.sentences[sentence].text.split())
        assert app.clipboard == f"“{words}” — {citation(article)}"


async def test_c_in_the_quotes_view_copies_the_quote_and_speaker(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await pilot.press("w", "c")
        assert app.clipboard.startswith("“")
        assert " — " in app.clipboard
        assert "”" in app.clipboard
