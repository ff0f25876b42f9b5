"""The facts filter (F): words, an outlet, ≠ and ★; j/k move among the facts shown."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ready
from test_pane_timing import settle, storm

from tui.app.app import ReaderApp
from tui.app.screens.fact_filter import FactFilterScreen

App = Callable[..., ReaderApp]


async def test_filter_as_you_type_then_j_stays_inside(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        storm(app, ["F", "≠"])
        await settle(pilot)
        assert isinstance(app.screen, FactFilterScreen)
        listed = app.reader.facts.listed
        assert listed is not None and listed
        assert all(analysis.fact_discrepancies[p] for p in listed)
        assert len(listed) < len(analysis.groups)
        await pilot.press(*" kursk")
        listed = app.reader.facts.listed
        assert listed is not None
        for position in listed:
            group = analysis.groups[position]
            articles = [app.corpus.article(m.article) for m in group.members]
            text = " ".join(
                [a.sentences[m.sentence].text for a, m in zip(articles, group.members, strict=True)]
                + [f"{a.title} {a.source} {a.path}" for a in articles]
                + [group.label]
            )
            assert analysis.fact_discrepancies[position]
            assert "kursk" in (text + app.reader.facts.gist(position)).casefold()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.reader
        seen = []
        for _ in range(len(listed) + 1):
            await pilot.press("j")
            seen.append(app.reader.current)
        assert set(seen) <= set(listed)
        # Escape in the filter clears it.
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.reader.facts.listed is None


async def test_bookmarked_only(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        assert app.reader.filter_facts("★") == 0
        await settle(pilot)
        assert app.reader.facts.listed == ()
