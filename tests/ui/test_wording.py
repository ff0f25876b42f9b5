"""Counts read right: "1 discrepancy", and a quote in several articles says so."""

from __future__ import annotations

from dataclasses import replace

from fixture import make_analysis
from helpers import ready
from textual.widgets import OptionList

from tui.app.app import ReaderApp
from tui.app.screens.quotes import QuotesScreen
from tui.app.widgets.status import StatusLine
from tui.app.widgets.words import plural
from tui.core.analysis import Analysis
from tui.core.models import Alignment, Corpus


def test_plural() -> None:
    assert plural(1, "discrepancy", "discrepancies") == "1 discrepancy"
    assert plural(0, "discrepancy", "discrepancies") == "0 discrepancies"
    assert plural(2, "article") == "2 articles"


async def test_one_discrepancy_is_singular_and_a_shared_quote_names_its_articles(
    seeds: Corpus,
) -> None:
    base = make_analysis(seeds)
    q0, q1 = base.quotes
    quotes = (replace(q0, same_as=(q1.id,)), replace(q1, same_as=(q0.id,)))
    one = Analysis(seeds, Alignment(base.groups, base.discrepancies[:1]), quotes)

    def steps(corpus: Corpus):  # type: ignore[no-untyped-def]
        yield 0.5
        return one

    app = ReaderApp(seeds, steps)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        app.reader.current = -1
        await pilot.pause()
        status = app.reader.query_one(StatusLine)
        assert "1 discrepancy " in status._shown or status._shown.endswith("1 discrepancy")
        await pilot.press("w")
        view = app.screen
        assert isinstance(view, QuotesScreen)
        prompts = [
            str(view.query_one(OptionList).get_option_at_index(i).prompt)
            for i in range(view.query_one(OptionList).option_count)
        ]
        assert any("in 2 articles" in p for p in prompts)
        assert not any("×" in p for p in prompts)
