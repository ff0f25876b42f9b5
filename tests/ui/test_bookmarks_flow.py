"""The whole bookmark flow in the real reader: bookmark with a note, restart, jump back."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from helpers import ready

from tui.app.app import ReaderApp
from tui.app.screens.bookmark_dialog import BookmarkDialog
from tui.app.screens.bookmarks import BookmarksScreen
from tui.core.bookmarks.store import open_store
from tui.core.text.corpus import bundled_seeds, load_corpus

SIZE = (160, 48)


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*("space" if c == " " else c for c in text))


async def bookmark_a_fact(paths: list[Path]) -> tuple[int, str]:
    """First run: select a fact that is not the first one, press b, type a note and tags."""
    app = ReaderApp(load_corpus(paths))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = app.reader
        groups = reader.analysis.alignment.groups if reader.analysis else ()
        assert len(groups) >= 2
        target = groups[len(groups) // 2]
        reader.select_group(target.id)
        await pilot.pause()
        assert reader.current_group is not None and reader.current_group.id == target.id
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)
        await type_text(pilot, "verify with the ministry")
        await pilot.press("tab")
        await type_text(pilot, "#check")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert target.id in reader.bookmarked  # The marker is on the fact.
        sentence = next(
            app.corpus.article(m.article).sentences[m.sentence].text for m in target.members
        )
    return target.id, sentence


async def test_bookmark_survives_a_restart_and_jumps_to_its_fact() -> None:
    group_id, _ = await bookmark_a_fact([])
    (saved,) = open_store()[0].list()
    assert (saved.note, saved.tags, saved.kind) == ("verify with the ministry", ("check",), "fact")

    app = ReaderApp(load_corpus([]))  # A new app on the same data folder.
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = app.reader
        assert group_id in reader.bookmarked
        first = reader.analysis.alignment.groups[0].id if reader.analysis else -1
        reader.select_group(first)
        await pilot.pause()
        assert reader.current_group is not None and reader.current_group.id != group_id
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert [a.bookmark.note for a in screen.shown] == ["verify with the ministry"]
        assert screen.shown[0].status == "exact"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert reader.current_group is not None and reader.current_group.id == group_id


async def test_bookmark_follows_its_fact_into_an_edited_corpus(tmp_path: Path) -> None:
    """Restart on a copy of the seeds with a paragraph added on top of every article."""
    _, sentence = await bookmark_a_fact([bundled_seeds()])
    edited = tmp_path / "edited"
    shutil.copytree(bundled_seeds(), edited)
    for path in edited.iterdir():
        path.write_text("Editor's note: this story was updated.\n\n" + path.read_text())

    app = ReaderApp(load_corpus([edited]))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = app.reader
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        (anchored,) = screen.shown
        assert anchored.status == "moved" and anchored.corpus_changed
        await pilot.press("enter")
        await pilot.pause()
        group = reader.current_group
        assert group is not None
        texts = [app.corpus.article(m.article).sentences[m.sentence].text for m in group.members]
        assert sentence in texts  # The same fact, whatever its id is now.


async def test_discrepancy_bookmark_jumps_back_to_the_discrepancy() -> None:
    app = ReaderApp(load_corpus([]))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await pilot.pause()
        disc = app.reader.current_discrepancy
        assert disc is not None
        await pilot.press("b")
        await pilot.pause()
        await type_text(pilot, "numbers differ")
        await pilot.press("enter")
        await pilot.pause()
    (saved,) = open_store()[0].list()
    assert saved.kind == "discrepancy" and saved.values

    app = ReaderApp(load_corpus([]))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.reader
        assert reader.current_discrepancy is not None
        assert reader.current_discrepancy.id == disc.id
        assert reader.current_discrepancy.summary == disc.summary


async def test_palette_finds_a_bookmark_by_its_note(monkeypatch: Any) -> None:
    from tui.app.bookmark_commands import BookmarksProvider
    from tui.app.reader import ReaderScreen

    monkeypatch.setattr(ReaderScreen, "COMMANDS", {*ReaderScreen.COMMANDS, BookmarksProvider})
    group_id, _ = await bookmark_a_fact([])
    app = ReaderApp(load_corpus([]))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = app.reader
        assert reader.current_group is not None and reader.current_group.id != group_id
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "verify with the ministry")  # the note, not a fact's words
        await pilot.pause(0.5)  # The palette searches in the background.
        await pilot.press("enter")
        await pilot.pause()
        assert reader.current_group is not None and reader.current_group.id == group_id


async def test_bookmarking_the_same_fact_again_edits_its_bookmark() -> None:
    group_id, _ = await bookmark_a_fact([])
    app = ReaderApp(load_corpus([]))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.reader.select_group(group_id)
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BookmarkDialog)
        assert dialog.dialog_title == "Edit bookmark"
        await type_text(pilot, " today")
        await pilot.press("enter")
        await pilot.pause()
    (saved,) = open_store()[0].list()
    assert saved.note == "verify with the ministry today"
