"""Moving between facts and discrepancies: j/k, n/N, clicks; every fact level."""

from __future__ import annotations

from collections.abc import Callable

from helpers import assert_level, pane_articles, ready

from tui.app.app import ReaderApp

SIZE = (120, 36)


App = Callable[..., ReaderApp]


async def test_first_fact_is_selected_and_level(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        assert app.reader.current == 0
        assert pane_articles(app) == [a.id for a in app.corpus.articles[:2]]
        assert_level(app)


async def test_next_and_previous_fact(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        for key, expected in (("j", 1), ("down", 2), ("k", 1), ("up", 0), ("up", 0)):
            await pilot.press(key)
            assert app.reader.current == expected, key
            assert_level(app)


async def test_every_fact_is_level(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        assert app.analysis is not None
        for position in range(len(app.analysis.groups)):
            app.reader.select(position)
            await pilot.pause()
            assert_level(app)


async def test_next_and_previous_discrepancy(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        with_disc = [i for i, found in enumerate(analysis.fact_discrepancies) if found]
        await pilot.press("n")
        assert app.reader.current == next(i for i in with_disc if i > 0)
        assert app.reader.current_discrepancy in analysis.fact_discrepancies[app.reader.current]
        await pilot.press("n")
        assert app.reader.current == [i for i in with_disc if i > 0][1]
        await pilot.press("N")
        assert app.reader.current == next(i for i in with_disc if i > 0)
        await pilot.press("j")
        assert app.reader.current_discrepancy is None


async def test_clicks_select_facts(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.click("#facts", offset=(10, 3))
        assert app.reader.current == 3
        for _ in range(3):  # the fact's articles came into the panes: their layouts, levelling
            await pilot.pause()
        assert_level(app)
        # A click on a sentence of a pane selects the fact holding it.
        analysis = app.analysis
        assert analysis is not None
        pane = app.reader.deck.panes[0]
        position, sentence = analysis.article_members[pane.article.id][-1]
        row = pane.sentence_row(sentence)
        assert row is not None
        pane.view.scroll_to(y=row, animate=False)
        await pilot.pause()
        await pilot.click(pane.view, offset=(3, 0))
        assert position in analysis.sentence_groups[(pane.article.id, sentence)]
        assert app.reader.current in analysis.sentence_groups[(pane.article.id, sentence)]
