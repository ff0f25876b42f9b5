"""Pane changes under any key timing: keys sent faster than the screen refreshes."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from helpers import fact_screen_rows, pane_articles, ready
from textual import events
from textual.pilot import Pilot

from tui.app.app import ReaderApp
from tui.app.widgets.pane import ArticlePane

App = Callable[..., ReaderApp]
SIZE = (160, 48)

CHARACTERS = {
    "plus": "+",
    "minus": "-",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "tab": "\t",
    "escape": "\x1b",
}


def storm(app: ReaderApp, keys: list[str]) -> None:
    """Post every key at once, as a fast typist or a loaded machine delivers them."""
    for key in keys:
        character = CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(6):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def assert_consistent(app: ReaderApp) -> None:
    deck = app.reader.deck
    panes = deck.panes
    in_dom = list(deck.query_children(ArticlePane))
    assert in_dom == panes
    assert [p.index for p in panes] == list(range(len(panes)))
    assert [p.view.pane for p in panes] == list(range(len(panes)))
    assert deck.positions == [app.corpus.articles.index(p.article) for p in panes]
    assert 0 <= deck.active < len(panes)
    assert app.reader.facts.shown == tuple(deck.positions)


async def test_plus_twice_at_once_adds_two_panes(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        ids = [a.id for a in app.corpus.articles]
        storm(app, ["plus", "plus"])
        await settle(pilot)
        assert pane_articles(app) == ids[:4]
        assert app.focused is app.reader.deck.panes[3].view
        assert_consistent(app)


async def test_plus_then_keys_on_the_new_pane_at_once(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        ids = [a.id for a in app.corpus.articles]
        storm(app, ["plus", "right_square_bracket", "minus", "minus", "plus"])
        await settle(pilot)
        assert_consistent(app)
        assert pane_articles(app) == [ids[0], ids[1]]  # +, ] on 2 (-> 3), -, -, +


@pytest.mark.parametrize("seed", [15, 16, 17])
async def test_key_storm_of_200_mixed_keys(make_app: App, seed: int) -> None:
    keys = [
        "plus", "plus", "minus", "right_square_bracket", "left_square_bracket", "tab",
        "shift+tab", "j", "k", "n", "N", "ctrl+e", "ctrl+y", "s", "w", "escape", "d",
        "escape", "f", "space", "pageup",
    ]  # fmt: skip
    chosen = random.Random(seed).choices(keys, k=200)
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        storm(app, chosen)
        await settle(pilot)
        while not isinstance(app.screen, type(app.reader)):
            await pilot.press("escape")
            await settle(pilot)
        assert_consistent(app)
        assert app.return_code is None
        # Still usable: the next fact is level in every pane reporting it.
        await pilot.press("j")
        await settle(pilot)
        rows = fact_screen_rows(app)
        assert len(set(rows.values())) <= 1, rows


async def test_scroll_lock_keeps_the_fact_when_articles_differ_in_order(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        deck, analysis = app.reader.deck, app.analysis
        assert analysis is not None
        ids = [a.id for a in app.corpus.articles]
        deck.show_in(1, 2)
        await settle(pilot)
        shared = [
            fact
            for fact, group in enumerate(analysis.groups)
            if {ids[0], ids[2]} <= {m.article for m in group.members}
        ]
        assert shared
        checked: list[int] = []
        for fact in shared[:8]:
            app.reader.select(fact)
            await settle(pilot)
            before = fact_screen_rows(app)
            assert len(set(before.values())) == 1, (fact, before)
            if min(before.values()) < 2:
                continue  # At the top of both texts: a following pane stops at its first page.
            checked.append(fact)
            await pilot.press("ctrl+e")
            await settle(pilot)
            after = fact_screen_rows(app)
            assert len(set(after.values())) == 1, (fact, before, after)
        assert len(checked) >= 3


async def test_clicking_a_sentence_leaves_the_text_under_the_pointer(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        deck, analysis = app.reader.deck, app.analysis
        assert analysis is not None
        pane = deck.panes[1]
        # A sentence of pane 1 in a fact other than the current one, on screen.
        members = analysis.article_members[pane.article.id]
        for fact, sentence in members:
            if fact == app.reader.current:
                continue
            row = pane.sentence_row(sentence)
            assert row is not None
            on_screen = row - round(pane.view.scroll_y)
            if 0 <= on_screen < pane.view.size.height:
                break
        else:
            raise AssertionError("no other fact's sentence on screen")
        scroll = pane.view.scroll_y
        await pilot.click(pane.view, offset=(3, on_screen))
        await settle(pilot)
        assert app.reader.current == analysis.sentence_groups[(pane.article.id, sentence)][0]
        assert pane.view.scroll_y == scroll
        rows = fact_screen_rows(app)
        assert set(rows.values()) == {on_screen}, rows
