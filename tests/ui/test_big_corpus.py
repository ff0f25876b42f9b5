"""A corpus of several BASIL events: panes follow facts into other events, views are scoped."""

from __future__ import annotations

from pathlib import Path

from helpers import pane_articles, ready

from tui.app.app import ReaderApp
from tui.app.screens.discrepancies import DiscrepanciesScreen
from tui.app.screens.quotes import QuotesScreen
from tui.core.text.corpus import load_corpus


async def test_four_events(basil: Path) -> None:
    events = sorted(p for p in basil.iterdir() if p.is_dir())[:4]
    corpus = load_corpus(events)
    assert len(corpus.articles) == 12
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        analysis = app.analysis
        assert analysis is not None and len(analysis.groups) > 4
        # Every fact is shown by the panes, even when it belongs to another event.
        for position, group in enumerate(analysis.groups):
            app.reader.select(position)
            assert {m.article for m in group.members} & set(pane_articles(app))
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        assert screen.scope is not None and set(pane_articles(app)) <= screen.scope
        listed = len(screen.quotes)
        await pilot.press("a")
        assert screen.scope is None and len(screen.quotes) >= listed
        await pilot.press("escape", "d")
        assert isinstance(app.screen, DiscrepanciesScreen)
        assert "of 12 articles" in str(app.screen.query_one(".view-box").border_title)
