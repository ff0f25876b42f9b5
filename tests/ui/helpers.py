"""What the pilot tests check: where each pane's fact sentence sits on screen."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app.app import ReaderApp
from tui.app.widgets.pane import ArticlePane


async def ready(pilot: Pilot[None]) -> ReaderApp:
    """Wait for the alignment worker and the messages it posts."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.workers.wait_for_complete()
    for _ in range(3):  # the analysis, then the panes' new layouts, then levelling
        await pilot.pause()
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
