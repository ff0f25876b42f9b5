"""The bookmark dialog and the bookmarks view, driven by key presses in a tiny host app."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widgets import Input, OptionList

from tui.app.screens.bookmark_dialog import BookmarkDialog, BookmarkEdit
from tui.app.screens.bookmarks import BookmarksScreen, ConfirmDelete
from tui.core.bookmarks.anchoring import AnchoredBookmark
from tui.core.bookmarks.store import (
    BookmarkStore,
    draft_for_discrepancy,
    draft_for_fact,
    open_store,
)
from tui.core.models import (
    Alignment,
    Article,
    Corpus,
    Discrepancy,
    DiscrepancyValue,
    Group,
    Member,
)
from tui.core.text.corpus import article_from_text

NYT = (
    "Ukraine pressed its offensive in the Kursk region on Monday. "
    "Officials said 76,000 residents had been evacuated from the border districts. "
    "The fighting continued into the night."
)
FOX = (
    "Russia scrambled to contain a Ukrainian incursion into Kursk. "
    "More than 121,000 people have left the area, according to the regional governor. "
    "Moscow called the attack a provocation."
)


def article(article_id: str, text: str) -> Article:
    return article_from_text(article_id, text)


CORPUS = Corpus((article("nyt", NYT), article("fox", FOX)))
OFFENSIVE = Group(5, "offensive in Kursk", 0.7, (Member("nyt", 0), Member("fox", 0)))
EVACUATED = Group(6, "residents evacuated", 0.8, (Member("nyt", 1), Member("fox", 1)), (2,))
DISC = Discrepancy(
    2,
    "number",
    6,
    "evacuated: 76,000 vs 121,000",
    (
        DiscrepancyValue("nyt", 1, "76,000", "76000"),
        DiscrepancyValue("fox", 1, "121,000", "121000"),
    ),
)
ALIGNMENT = Alignment((OFFENSIVE, EVACUATED), (DISC,))


class Host(App[None]):
    """Pushes one screen on mount and records what it dismisses with."""

    def __init__(self, make: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make = make
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.make(), self.results.append)


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*("space" if c == " " else c for c in text))


def seeded_store() -> BookmarkStore:
    """Three bookmarks: a fact, a discrepancy, and one on text the corpus no longer has."""
    store, _ = open_store()
    store.add(draft_for_fact(OFFENSIVE, CORPUS).with_note("where exactly?", ["map"]))
    store.add(draft_for_discrepancy(DISC, CORPUS, ALIGNMENT).with_note("which toll?", ["toll"]))
    gone = Corpus((article("nyt", "A paragraph that was later removed from the story entirely."),))
    store.add(draft_for_fact(Group(1, "removed", 1.0, (Member("nyt", 0),)), gone))
    return store


async def test_dialog_enter_saves_note_and_tags() -> None:
    app = Host(lambda: BookmarkDialog("residents evacuated"))
    async with app.run_test() as pilot:
        await type_text(pilot, "check the toll")
        await pilot.press("tab")
        await type_text(pilot, "#toll, ask")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [BookmarkEdit("check the toll", ("toll", "ask"))]


async def test_dialog_escape_cancels_and_edit_keeps_values() -> None:
    app = Host(lambda: BookmarkDialog("x", "old note", ("a", "b")))
    async with app.run_test() as pilot:
        assert app.screen.query_one("#tags", Input).value == "#a #b"
        await type_text(pilot, " more")
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        app.push_screen(BookmarkDialog("x", "old note", ("a",)), app.results.append)
        await pilot.pause()
        await type_text(pilot, " more")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results[1] == BookmarkEdit("old note more", ("a",))


async def test_list_filter_and_jump() -> None:
    store = seeded_store()
    app = Host(lambda: BookmarksScreen(store, CORPUS, ALIGNMENT, ()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert [a.status for a in screen.shown] == ["exact", "exact", "orphaned"]
        assert screen.query_one(OptionList).option_count == 3
        await pilot.press("slash")
        await type_text(pilot, "#tol")
        assert [a.bookmark.note for a in screen.shown] == ["which toll?"]
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "kursk where")
        assert [a.bookmark.note for a in screen.shown] == ["where exactly?"]
        await pilot.press("enter")  # Leaves the filter for the list.
        await pilot.press("enter")  # Jumps.
        await pilot.pause()
    (jump,) = app.results
    assert isinstance(jump, AnchoredBookmark)
    assert jump.group == OFFENSIVE.id and jump.sentences == (("nyt", 0), ("fox", 0))


async def test_discrepancy_jump_carries_current_ids() -> None:
    store = seeded_store()
    app = Host(lambda: BookmarksScreen(store, CORPUS, ALIGNMENT, ()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
    (jump,) = app.results
    assert (jump.discrepancy, jump.group) == (DISC.id, EVACUATED.id)


async def test_orphaned_bookmark_is_shown_and_cannot_be_jumped_to() -> None:
    store = seeded_store()
    app = Host(lambda: BookmarksScreen(store, CORPUS, ALIGNMENT, ()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)  # Still open.
        assert app.results == []
        assert any("orphaned" in str(n.message) for n in app._notifications)
        assert "orphaned" in str(app.screen.query_one(OptionList).get_option_at_index(2).prompt)
    assert len(store.list()) == 3


async def test_edit_note_saves_to_the_store() -> None:
    store = seeded_store()
    app = Host(lambda: BookmarksScreen(store, CORPUS, ALIGNMENT, ()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)
        await type_text(pilot, " ask NYT")
        await pilot.press("tab")
        await type_text(pilot, " #urgent")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert screen.current is not None and screen.current.bookmark.id == 2
    edited = store.get(2)
    assert (edited.note, edited.tags) == ("which toll? ask NYT", ("toll", "urgent"))


async def test_delete_asks_first() -> None:
    store = seeded_store()
    app = Host(lambda: BookmarksScreen(store, CORPUS, ALIGNMENT, ()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")
        await pilot.pause()
        assert len(store.list()) == 3
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert [a.bookmark.id for a in screen.shown] == [2, 3]
        assert screen.current is not None and screen.current.bookmark.id == 2
    assert [b.id for b in store.list()] == [2, 3]


async def test_read_only_store_lists_but_refuses_changes() -> None:
    store = seeded_store()
    store.close()
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA user_version = 99")  # A newer release's store: opened read-only.
    conn.commit()
    conn.close()
    read_only, _ = open_store()
    assert read_only.read_only
    app = Host(lambda: BookmarksScreen(read_only, CORPUS, ALIGNMENT, ()))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.screen.query_one("#bookmark-banner").display
        assert len(app.screen.shown) == 3
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert any("read-only" in str(n.message) for n in app._notifications)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
    assert len(read_only.list()) == 3


async def test_escape_closes_with_nothing() -> None:
    store = seeded_store()
    app = Host(lambda: BookmarksScreen(store, CORPUS, None, ()))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_the_list_shows_this_corpus_bookmarks_and_a_shows_all() -> None:
    store = seeded_store()
    elsewhere = Corpus((article("bbc", "Another story, about another event entirely, told once."),))
    store.add(draft_for_fact(Group(9, "elsewhere", 1.0, (Member("bbc", 0),)), elsewhere))
    app = Host(lambda: BookmarksScreen(store, CORPUS, ALIGNMENT, ()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert len(screen.shown) == 3
        assert "1 of other corpora" in str(screen.query_one("#bookmarks-box").border_title)
        await pilot.press("a")
        assert len(screen.shown) == 4
        await pilot.press("a")
        assert len(screen.shown) == 3
