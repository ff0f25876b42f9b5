"""Show the disagreement: a fact's articles come into the panes, conflicting values first;
pinned panes keep theirs; numbers are a warning only when the sources disagree on them."""

from __future__ import annotations

from collections.abc import Callable

from fixture import SEED, fake_steps
from helpers import fact_screen_rows, pane_articles, ready
from test_highlight import style_at
from test_pane_timing import settle

from tui.app.app import ReaderApp
from tui.core.models import Corpus

App = Callable[..., ReaderApp]


async def test_n_always_shows_two_conflicting_values_on_screen(make_app: App) -> None:
    for size in ((160, 48), (80, 24)):
        async with make_app().run_test(size=size) as pilot:
            app = await ready(pilot)
            analysis = app.analysis
            assert analysis is not None
            seen = set()
            for _ in range(len(analysis.discrepancies)):
                await pilot.press("n")
                await settle(pilot)
                discrepancy = app.reader.current_discrepancy
                assert discrepancy is not None
                if discrepancy.id in seen:
                    break
                seen.add(discrepancy.id)
                values = {v.article: v.value for v in discrepancy.values}
                on_screen = {
                    article: row
                    for article, row in fact_screen_rows(app).items()
                    if 0 <= row < app.reader.deck.panes[0].view.size.height
                }
                shown = {values[a] for a in on_screen if a in values}
                if len(set(values.values())) > 1:
                    assert len(shown) >= 2, (size, discrepancy.summary, pane_articles(app))


async def test_a_pinned_pane_keeps_its_article(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        first = pane_articles(app)[0]
        await pilot.press("p")  # pin the focused pane (the first)
        assert app.reader.deck.panes[0].pinned
        for fact, group in enumerate(analysis.groups):
            if first not in {m.article for m in group.members}:
                app.reader.select(fact)
                await settle(pilot)
                assert pane_articles(app)[0] == first
                # The unpinned pane shows an article reporting the fact.
                assert pane_articles(app)[1] in {m.article for m in group.members}
                break
        else:
            raise AssertionError("every fact is in the first article")
        await pilot.press("p")
        assert not app.reader.deck.panes[0].pinned


async def test_brackets_pin_the_article_chosen(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await pilot.press("tab", "right_square_bracket")
        chosen = pane_articles(app)[1]
        assert app.reader.deck.panes[1].pinned
        for _ in range(5):
            await pilot.press("j")
        assert pane_articles(app)[1] == chosen


async def test_numbers_are_a_warning_only_in_conflict(seeds: Corpus) -> None:
    app = ReaderApp(seeds, fake_steps)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.reader.select(4)  # more than 1,000 troops: no discrepancy
        await settle(pilot)
        pane = next(p for p in app.reader.deck.panes if p.article.id == SEED[0])
        text = seeds.article(SEED[0]).text
        sentence = seeds.article(SEED[0]).sentences[1]
        agreed = style_at(pane.view, text.index("1,000", sentence.start))
        app.reader.select(1)  # civilians evacuated: 76,000 vs 80,000
        await settle(pilot)
        pane = next(p for p in app.reader.deck.panes if p.article.id == SEED[0])
        sentence = seeds.article(SEED[0]).sentences[5]
        disputed = style_at(pane.view, text.index("76,000", sentence.start))
        assert agreed.bold and disputed.bold
        assert disputed.bgcolor != agreed.bgcolor
        warning = pane.view.get_component_rich_style("article-view--number", partial=True)
        assert disputed.bgcolor == warning.bgcolor


async def test_facts_read_as_a_gist(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        facts = app.reader.facts
        for position, group in enumerate(analysis.groups[:10]):
            gist = facts.gist(position)
            texts = [
                app.corpus.article(m.article).sentences[m.sentence].text for m in group.members
            ]
            assert any(gist.rstrip("…") in " ".join(t.split()) for t in texts)
            assert " · " not in gist or any(" · " in t for t in texts)
