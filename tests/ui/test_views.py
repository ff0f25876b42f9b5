"""The views: quotes, discrepancies, search, help and the palette, each answering with a target."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from helpers import assert_level, ready
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList

from tui.app.app import ReaderApp
from tui.app.screens.discrepancies import DiscrepanciesScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.quotes import QuotesScreen
from tui.app.screens.search import SearchScreen
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text

SIZE = (120, 36)


App = Callable[..., ReaderApp]
S = TypeVar("S", bound=Screen[Any])


async def _opened(pilot: Pilot[None], key: str, view: type[S]) -> tuple[ReaderApp, S]:
    """Press ``key`` once the analysis is in: the app, and the view the key opens."""
    app = await ready(pilot)
    await pilot.press(key)
    screen = app.screen
    assert isinstance(screen, view)
    return app, screen


async def test_quotes_view_jumps_to_the_quote(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app, _ = await _opened(pilot, "w", QuotesScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        quote = app.reader.current_quote
        assert quote is not None
        pane = next(p for p in app.reader.deck.panes if p.article.id == quote.article)
        layout = pane.view.wrapped
        assert layout is not None
        row = pane.view.pad + layout.row_of_offset(quote.start) - round(pane.view.scroll_y)
        assert 0 <= row < pane.view.size.height


async def test_discrepancy_view_jumps_to_the_fact(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        await pilot.press("d")
        assert isinstance(app.screen, DiscrepanciesScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = analysis.discrepancies[1]
        assert app.reader.current_discrepancy == chosen
        assert app.reader.current == analysis.fact_of_discrepancy(chosen)
        assert_level(app)
        await pilot.press("d")
        await pilot.press("escape")
        assert not isinstance(app.screen, DiscrepanciesScreen)


async def test_search_results_are_facts_to_jump_to(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"evacuat")
        await pilot.press("down")
        assert isinstance(app.focused, OptionList)
        await pilot.press("up")
        assert isinstance(app.focused, Input)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        group = app.reader.current_group
        assert group is not None
        texts = [
            app.corpus.article(m.article).sentences[m.sentence].text.casefold()
            for m in group.members
        ]
        assert any("evacuat" in t for t in texts)
        assert any(p.view.search is not None for p in app.reader.deck.panes)


async def test_help_opens_and_closes(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_jumps_to_a_fact(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        analysis = app.analysis
        assert analysis is not None
        prefixes = [g.label[:14] for g in analysis.groups]
        target = next(g for g in analysis.groups[3:] if prefixes.count(g.label[:14]) == 1)
        await pilot.press("ctrl+p")
        await pilot.press(*target.label[:14])
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current_group == target


async def test_quotes_view_filters_as_you_type(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app, screen = await _opened(pilot, "w", QuotesScreen)
        options = screen.query_one(OptionList)
        before = options.option_count
        await pilot.press("slash", *"putin")
        await pilot.pause()
        assert screen.query_one("#quote-filter", Input).value == "putin"
        shown = [
            screen.quotes[o.id]
            for o in (options.get_option_at_index(i) for i in range(options.option_count))
            if o.id
        ]
        assert shown and options.option_count < before
        for quote in shown:
            article = app.corpus.article(quote.article)
            words = " ".join(
                x for x in (quote.text, quote.speaker, quote.speaker_id, article.source) if x
            )
            assert "putin" in words.casefold()
        await pilot.press("escape")  # leaves the filter
        assert isinstance(app.screen, QuotesScreen) and options.has_focus
        await pilot.press("escape")
        assert not isinstance(app.screen, QuotesScreen)


async def test_search_finds_every_spelling_of_a_name(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("slash", *"Syrskyi")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        marked = {t.search for t in screen.targets}
        assert {"Sirski", "Syrskyj"} <= marked, marked  # and Syrskyi(i) itself


async def test_discrepancy_view_filters_as_you_type(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app, screen = await _opened(pilot, "d", DiscrepanciesScreen)
        before = len(screen.shown)
        await pilot.press("slash", *"name")
        await pilot.pause()
        assert screen.shown and len(screen.shown) < before
        assert all(
            "name" in f"{d.kind} {d.summary} {[v.text for v in d.values]}".casefold()
            or d.kind == "entity_variant"
            for d in screen.shown
        )
        await pilot.press("escape")  # leaves the filter
        assert isinstance(app.screen, DiscrepanciesScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, DiscrepanciesScreen)


async def test_palette_finds_a_fact_by_another_spelling_of_a_name(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Syrskyi")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        group = app.reader.current_group
        assert group is not None
        words = " ".join(
            [group.label, app.reader.facts.gist(app.reader.current)]
            + [app.corpus.article(m.article).sentences[m.sentence].text for m in group.members]
        )
        assert any(name in words for name in ("Sirski", "Syrskyj", "Syrskyii")), words


async def test_a_value_shows_its_compared_form_but_a_quote_only_as_written(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        _, screen = await _opened(pilot, "d", DiscrepanciesScreen)
        options = screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(n).prompt) for n in range(len(screen.shown))]
        assert any("1 thousand  (1000)" in p for p in prompts)  # The value as compared.
    corpus = Corpus(
        (
            article_from_text("a", 'Senator Jon Smith said: "We don’t leave anyone behind, ever."'),
            article_from_text(
                "b", '"We do not leave anybody behind, ever," said Senator Jon Smith.'
            ),
        )
    )
    async with ReaderApp(corpus).run_test(size=SIZE) as pilot:
        _, screen = await _opened(pilot, "d", DiscrepanciesScreen)
        (index,) = [n for n, d in enumerate(screen.shown) if d.kind == "quote_wording"]
        prompt = str(screen.query_one(OptionList).get_option_at_index(index).prompt)
        assert "We don’t leave anyone behind" in prompt
        assert "(we do not leave" not in prompt  # Its folded words: the summary's diff.
