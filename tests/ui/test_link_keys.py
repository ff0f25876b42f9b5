"""Accept a possible match with one key (m, then enter), unlink with u; kept across launches."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ready
from test_pane_timing import settle

from tui.app.app import ReaderApp
from tui.app.screens.matches import MatchesScreen

App = Callable[..., ReaderApp]


def members(app: ReaderApp) -> set[tuple[str, int]]:
    group = app.reader.current_group
    assert group is not None
    return {(m.article, m.sentence) for m in group.members}


async def test_m_enter_links_a_candidate_and_u_unlinks_it(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await settle(pilot)
        group_id = app.reader.current_group.id if app.reader.current_group else -1
        await pilot.press("m")
        screen = app.screen
        assert isinstance(screen, MatchesScreen)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert screen.candidates
        outside = [c for c in screen.candidates.values() if c not in members(app)]
        assert outside
        # Highlight the first candidate not already in the fact, then accept it.
        options = screen.query_one("#matches-list")
        while (
            screen.candidates.get(
                options.get_option_at_index(options.highlighted).id or ""  # type: ignore[attr-defined]
            )
            != outside[0]
        ):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.current_group is not None
        assert app.reader.current_group.id == group_id
        assert outside[0] in members(app)
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await settle(pilot)
        app.reader.select_group(group_id)
        await settle(pilot)
        assert outside[0] in members(app)
        # u on the pane showing it takes it out again.
        deck = app.reader.deck
        index = next((i for i, p in enumerate(deck.panes) if p.article.id == outside[0][0]), None)
        if index is None:
            deck.show_in(deck.active, [a.id for a in app.corpus.articles].index(outside[0][0]))
            index = deck.active
        deck.active = index
        pane = deck.panes[index]
        if pane.member_sentence() == outside[0][1]:
            await pilot.press("u")
            await settle(pilot)
            assert outside[0] not in members(app)
