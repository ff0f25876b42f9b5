"""Snapshots of the reader on the seeds: main screen wide and at 80x24, and the views.

They use the real alignment and quotes: when those modules change their output, look at
the report (``pytest tests/ui/test_snapshots.py``) before ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tui.app.app import ReaderApp

App = Callable[..., ReaderApp]
Compare = Callable[..., bool]


async def settle(pilot: Pilot[Any]) -> None:
    """The alignment is done and every pane is level on the first fact."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run_before


def test_main_screen_wide(snap_compare: Compare, make_app: App) -> None:
    run_before = keys("n", "n", "tab", "right_square_bracket")
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=run_before)


def test_main_screen_80x24(snap_compare: Compare, make_app: App) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys("j"))


def test_quotes_view(snap_compare: Compare, make_app: App) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=keys("w"))


def test_discrepancy_view(snap_compare: Compare, make_app: App) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=keys("d"))


def test_compare_view(snap_compare: Compare, make_app: App) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=keys("n", "v"))


def test_compare_view_80x24(snap_compare: Compare, make_app: App) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys("n", "v"))


def test_only_here_view(snap_compare: Compare, make_app: App) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=keys("o"))


def test_article_picker(snap_compare: Compare, make_app: App) -> None:
    run_before = keys("a", "k", "u", "r", "s", "k")
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)
