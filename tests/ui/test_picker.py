"""Choosing a pane's article by name: fuzzy over outlet, title, date and file."""

from __future__ import annotations

from collections.abc import Callable

from helpers import pane_articles, ready
from test_pane_timing import settle, storm

from tui.app.app import ReaderApp
from tui.app.screens.picker import ArticlePicker, rank

App = Callable[..., ReaderApp]


async def test_a_picks_the_focused_panes_article_by_title(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        target = next(i for i, a in enumerate(app.corpus.articles) if "sixth day" in a.title)
        await pilot.press("tab")
        storm(app, ["a", *"sixth day"])  # typed at once: no key is lost
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ArticlePicker)
        assert picker.found[0] == target
        await pilot.press("enter")
        await settle(pilot)
        assert pane_articles(app)[1] == app.corpus.articles[target].id
        assert app.reader.deck.panes[1].pinned
        assert app.reader.facts.shown == tuple(app.reader.deck.positions)


def test_rank_finds_misspelled_and_partial_names(seeds) -> None:  # type: ignore[no-untyped-def]
    bold = next(i for i, a in enumerate(seeds.articles) if "Bold Advances" in a.title)
    assert rank(seeds, "bold advnces")[0] == bold
    assert rank(seeds, "") == list(range(len(seeds.articles)))
    assert rank(seeds, "zzzzqqq") == []
