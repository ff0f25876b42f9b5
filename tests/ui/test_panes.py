"""The panes: focus, articles shown, adding and removing, scroll lock, small terminals."""

from __future__ import annotations

from collections.abc import Callable

from helpers import fact_screen_rows, pane_articles, ready

from tui.app.app import ReaderApp
from tui.app.widgets.pane import ArticlePane

SIZE = (120, 36)


App = Callable[..., ReaderApp]


def assert_level_rows(leader: ArticlePane, follower: ArticlePane, lead: int, follow: int) -> None:
    """Two text rows are on the same screen row."""
    on_screen = [
        pane.view.pad + row - round(pane.view.scroll_y)
        for pane, row in ((leader, lead), (follower, follow))
    ]
    assert on_screen[0] == on_screen[1], on_screen


def assert_level(app: ReaderApp) -> None:
    rows = fact_screen_rows(app)
    assert rows, "no pane reports the current fact"
    assert len(set(rows.values())) == 1, rows


async def test_tab_focuses_the_next_pane(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        deck = app.reader.deck
        assert app.focused is deck.panes[0].view
        await pilot.press("tab")
        assert deck.active == 1 and app.focused is deck.panes[1].view
        await pilot.press("tab")
        assert deck.active == 0 and app.focused is deck.panes[0].view
        await pilot.press("shift+tab")
        assert deck.active == 1


async def test_brackets_change_the_focused_pane_article(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        ids = [a.id for a in app.corpus.articles]
        await pilot.press("tab", "right_square_bracket")
        assert pane_articles(app) == [ids[0], ids[2]]
        await pilot.press("right_square_bracket")
        assert pane_articles(app) == [ids[0], ids[3]]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert pane_articles(app) == [ids[0], ids[1]]
        await pilot.press("left_square_bracket")
        assert pane_articles(app) == [ids[0], ids[4]]  # skips the article pane 0 shows


async def test_plus_and_minus_add_and_remove_panes(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        ids = [a.id for a in app.corpus.articles]
        await pilot.press("plus")
        await pilot.pause()
        assert pane_articles(app) == ids[:3]
        assert app.focused is app.reader.deck.panes[2].view
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert pane_articles(app) == ids[:1]
        await pilot.press("minus")  # the last pane stays
        await pilot.pause()
        assert pane_articles(app) == ids[:1]


async def test_only_the_leftmost_pane_has_no_border_to_its_left(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        deck = app.reader.deck

        def borders() -> list[bool]:
            return [pane.styles.border_left[0] not in ("", "none") for pane in deck.panes]

        assert borders() == [False, True]
        await pilot.press("tab", "plus")  # A third pane, then the first one removed.
        await pilot.pause()
        assert borders() == [False, True, True]
        await pilot.press("shift+tab", "shift+tab", "minus")
        await pilot.pause()
        assert deck.active == 0 and borders() == [False, True]


async def test_scroll_lock_keeps_anchors_level_and_s_toggles_it(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        deck = app.reader.deck
        analysis = app.analysis
        assert analysis is not None
        # The two articles sharing the most facts.
        members = {a: {f for f, _ in m} for a, m in analysis.article_members.items()}
        ids = [a.id for a in app.corpus.articles]
        first, second = max(
            ((a, b) for a in members for b in members if a < b),
            key=lambda pair: len(members[pair[0]] & members[pair[1]]),
        )
        deck.show_in(0, ids.index(first))
        deck.show_in(1, ids.index(second))
        for _ in range(3):  # the new layouts, then the deck levelling them
            await pilot.pause()
        leader, follower = deck.panes
        anchors = deck._pair(leader, follower)
        assert len(anchors) >= 2
        row = deck.reading_row()
        checked = 0
        for lead_row, follow_row in anchors:
            # Scroll rows: the filler above the text, then the text's own rows.
            lead_scroll = leader.view.pad + lead_row - row
            follow_scroll = follower.view.pad + follow_row - row
            if not follower.view.pad <= follow_scroll <= follower.view.last_page:
                continue  # a following pane stops at its first and last page
            leader.view.scroll_to(y=lead_scroll, animate=False, immediate=True)
            await pilot.pause()
            await pilot.pause()
            assert round(follower.view.scroll_y) == follow_scroll, (lead_row, follow_row)
            assert_level_rows(leader, follower, lead_row, follow_row)
            checked += 1
        assert checked
        await pilot.press("s")
        assert app.reader.scroll_lock is False
        before = follower.view.scroll_y
        leader.view.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        await pilot.pause()
        assert follower.view.scroll_y == before
        await pilot.press("s")
        assert app.reader.scroll_lock is True


async def test_small_terminals(make_app: App) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        app = await ready(pilot)
        facts = app.reader.query_one("#facts")
        assert facts.region.width == 80  # the list sits on top
        assert all(p.view.size.height >= 8 for p in app.reader.deck.panes)
        await pilot.press("j")
        assert_level(app)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("j", "n", "s", "f")
        await pilot.pause()
        assert app.reader.current >= 1
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert_level(app)


async def test_f_hides_and_shows_the_facts_list(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        facts = app.reader.facts
        assert facts.display
        await pilot.press("f")
        assert not facts.display
        assert all(p.view.size.width > 50 for p in app.reader.deck.panes)
        await pilot.press("f")
        assert facts.display
