"""What the pilot tests check: where each pane's fact sentence sits on screen."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app.app import ReaderApp
from tui.app.widgets.pane import ArticlePane

MAX_PAUSES = 50
"""Pauses to wait for the marks at most; each lets the app handle its pending messages."""


async def ready(pilot: Pilot[None]) -> ReaderApp:
    """Wait for the alignment worker and the messages it posts, then for the layout that
    draws the bookmarks' marks and the user's links (a loaded machine may need more
    pauses), never with sleeps."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.workers.wait_for_complete()
    for _ in range(3):  # the analysis, then the panes' new layouts, then levelling
        await pilot.pause()
    for _ in range(MAX_PAUSES):
        reader = app.reader
        if not reader._shown_pending and (reader.analysis is not None or reader.unreadable):
            break
        await pilot.pause()  # The analysis may still be queued; a failed one never comes.
    assert not app.reader._shown_pending, "the bookmarks' marks were never drawn"
    return app


def fact_screen_rows(app: ReaderApp) -> dict[str, int]:
    """Screen row (in the pane's text area) of the current fact's sentence, per reporting pane."""
    rows = {}
    for pane in app.reader.deck.panes:
        sentence = pane.member_sentence()
        if sentence is None:
            continue
        row = pane.sentence_row(sentence)
        assert row is not None
        rows[pane.article.id] = row - round(pane.view.scroll_y)
    return rows


def pane_articles(app: ReaderApp) -> list[str]:
    return [pane.article.id for pane in app.reader.deck.panes]


def reporting(pane: ArticlePane) -> bool:
    return pane.member_sentence() is not None


def assert_level(app: ReaderApp) -> None:
    """Every pane reporting the current fact shows its sentence on the same screen row."""
    rows = fact_screen_rows(app)
    assert rows, "no pane reports the current fact"
    assert len(set(rows.values())) == 1, rows
