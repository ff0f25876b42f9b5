"""Correct the machine: x dismisses a discrepancy (n skips it), y marks the focused pane's
value as right; both are kept in the store and found again on the next launch."""

from __future__ import annotations

from collections.abc import Callable

from helpers import ready
from test_pane_timing import settle

from tui.app.app import ReaderApp
from tui.app.screens.bookmark_dialog import BookmarkDialog
from tui.core.bookmarks.corrections import list_corrections

App = Callable[..., ReaderApp]


async def test_x_dismisses_and_n_skips_it_after_a_relaunch(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await settle(pilot)
        await pilot.press("n")
        first = app.reader.current_discrepancy
        assert first is not None
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press(*"same", "enter")
        await settle(pilot)
        assert app.reader.corrections[first.id].kind == "dismissed"
        assert app.reader.facts.dismissed == {first.id}
        fact = app.reader.current
        assert app.analysis is not None
        if [d.id for d in app.analysis.fact_discrepancies[fact]] == [first.id]:
            row = app.reader.facts._row_text(fact)
            assert row is not None and "≠" not in row.plain[:3]
        assert "dismissed" in app.reader.note
        assert app.bookmark_store is not None
        assert len(list_corrections(app.bookmark_store)) == 1
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await settle(pilot)
        assert first.id in app.reader.corrections
        seen = []
        for _ in range(12):
            await pilot.press("n")
            discrepancy = app.reader.current_discrepancy
            assert discrepancy is not None
            seen.append(discrepancy.id)
        assert first.id not in seen
        # The discrepancy view says what was decided.
        await pilot.press("d")
        await settle(pilot)
        from textual.widgets import OptionList

        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("✓ dismissed: not a disagreement — same" in p for p in prompts)


async def test_y_marks_the_focused_panes_value_as_right(make_app: App) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        discrepancy = app.reader.current_discrepancy
        assert discrepancy is not None
        right = app.reader.deck.panes[app.reader.deck.active].article.id
        assert right in {v.article for v in discrepancy.values}
        await pilot.press("y")
        await settle(pilot)
        await pilot.press(*"called", "enter")
        await settle(pilot)
        correction = app.reader.corrections[discrepancy.id]
        assert correction.kind == "checked" and correction.verdict == right
        assert "is right — called" in app.reader.note


async def test_E_writes_the_memo_of_what_is_open(
    make_app: App,
    tmp_path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.chdir(tmp_path)
    async with make_app().run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await settle(pilot)
        await pilot.press("n", "x")
        await settle(pilot)
        await pilot.press(*"same", "enter")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press(*"ask", "enter")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
    memo = (tmp_path / "kursk-reader-memo.md").read_text()
    assert memo.startswith("# Fact-check memo")
    assert "1 bookmark," in memo and "## Corrections" in memo and "not a disagreement" in memo
