"""The compare view: a fact's sentences from every source, word-diffed against a reference."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from fixture import make_analysis
from helpers import ready
from test_pane_timing import settle
from textual.widgets import OptionList

from tui.app.app import ReaderApp
from tui.app.screens.compare import CompareScreen
from tui.app.screens.quotes import QuotesScreen
from tui.core.analysis import Analysis
from tui.core.models import Alignment, Corpus

App = Callable[..., ReaderApp]


def prompts(screen: CompareScreen) -> list[str]:
    options = screen.query_one(OptionList)
    return [
        str(options.get_option_at_index(i).prompt)
        for i in range(options.option_count)
        if options.get_option_at_index(i).id is not None
    ]


async def test_v_compares_the_current_fact(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await pilot.press("n")
        await settle(pilot)
        group = app.reader.current_group
        assert group is not None
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert len(screen.tellings) == len(group.members)
        shown = prompts(screen)
        assert "◆ reference" in shown[0]
        assert any("{+" in p or "[-" in p for p in shown[1:])
        # The conflicting value is in a telling.
        discrepancy = app.reader.current_discrepancy
        assert discrepancy is not None
        assert any(v.text in t.values for t in screen.tellings for v in discrepancy.values)
        await pilot.press("down", "r")
        assert screen.reference == 1
        assert "◆ reference" in prompts(screen)[1]
        await pilot.press("g")
        await settle(pilot)
        assert app.screen is app.reader
        assert screen.tellings[1].article in [p.article.id for p in app.reader.deck.panes]


async def test_a_quote_is_compared_across_outlets(seeds: Corpus) -> None:
    base = make_analysis(seeds)
    q0, q1 = base.quotes
    quotes = (replace(q0, same_as=(q1.id,)), replace(q1, same_as=(q0.id,)))
    shared = Analysis(seeds, Alignment(base.groups, base.discrepancies), quotes)

    def steps(corpus: Corpus):  # type: ignore[no-untyped-def]
        yield 0.5
        return shared

    app = ReaderApp(seeds, steps)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, QuotesScreen)
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        shown = prompts(screen)
        assert len(shown) == 2
        diffs = {"{+large-scale+} [-a major-]", "[-a major-] {+large-scale+}"}
        diffs |= {"[-large-scale-] {+a major+}", "{+a major+} [-large-scale-]"}
        assert any(d in shown[1] for d in diffs), shown[1]
