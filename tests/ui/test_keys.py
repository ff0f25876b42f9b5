"""Pilot tests: every key of the main screen, checked by the state it changes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator

from helpers import fact_screen_rows, pane_articles, ready
from textual.widgets import Input, OptionList

from tui.app.app import ReaderApp
from tui.app.screens.discrepancies import DiscrepanciesScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.quotes import QuotesScreen
from tui.app.screens.search import SearchScreen
from tui.app.widgets.pane import ArticlePane
from tui.core.analysis import Analysis, analyse_steps
from tui.core.models import Corpus

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


async def test_paints_before_the_analysis_is_done(make_app: App) -> None:
    release = threading.Event()

    def slow(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.1
        release.wait(10)
        return (yield from analyse_steps(corpus))

    app = make_app(analyse=slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.reader.analysis is None
        assert len(app.reader.deck.panes) == 2
        assert app.reader.deck.panes[0].view.wrapped is not None
        await pilot.press("j")  # keys work meanwhile
        release.set()
        await ready(pilot)
        assert app.reader.analysis is not None
        assert app.reader.current == 0


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


async def test_quotes_view_jumps_to_the_quote(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
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


async def test_q_and_ctrl_q_quit(make_app: App) -> None:
    for key in ("q", "ctrl+q"):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press(key)
            await pilot.pause()
        assert app.return_code == 0, key
        assert not app.is_running


async def test_clicks_select_facts(make_app: App) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.click("#facts", offset=(10, 3))
        assert app.reader.current == 3
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


async def test_a_failed_alignment_is_reported_and_the_reader_stays(make_app: App) -> None:
    def broken(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.2
        raise RuntimeError("aligner crashed")

    app = make_app(analyse=broken)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.reader.analysis is None
        assert "aligner crashed" in (app.reader.facts.failed or "")
        assert "alignment failed" in app.reader.note
        await pilot.press("j", "w", "tab")
        assert app.is_running
        assert app.reader.deck.active == 1


async def test_b_bookmarks_the_current_discrepancy_and_B_jumps_back(make_app: App) -> None:
    from tui.app.screens.bookmark_dialog import BookmarkDialog
    from tui.app.screens.bookmarks import BookmarksScreen

    async with make_app().run_test(size=SIZE) as pilot:
        app = await ready(pilot)
        await pilot.press("n")
        fact, discrepancy = app.reader.current, app.reader.current_discrepancy
        assert discrepancy is not None
        await pilot.press("b")
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press(*"ask", "enter")
        await pilot.pause()
        assert app.bookmark_store is not None
        (saved,) = app.bookmark_store.list()
        assert saved.kind == "discrepancy" and saved.note == "ask"
        group = app.reader.current_group
        assert group is not None and group.id in app.reader.bookmarked
        await pilot.press("j", "j", "B")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current == fact
        assert app.reader.current_discrepancy == discrepancy


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
