"""A folder opened before shows its first story at once: the whole analysis's totals in
the status line, `j`/`k` inside that story, other keys say what they wait for, and the
whole analysis then takes over without moving the reader."""

from __future__ import annotations

import threading
from collections.abc import Generator

from helpers import ready

from tests.conftest import TWO_STORIES
from tui.app.app import ReaderApp
from tui.core.analysis import Analysis, analyse
from tui.core.first_screen import FirstScreen, first_screen_of
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text


def _status(app: ReaderApp) -> str:
    return str(app.reader.query_one("#status-text").render())


async def test_the_first_story_shows_before_the_rest() -> None:
    whole = analyse(Corpus(tuple(article_from_text(k, v) for k, v in TWO_STORIES.items())))
    first = first_screen_of(whole)
    assert first is not None
    release = threading.Event()

    def session(_: Corpus) -> Generator[float | Corpus | FirstScreen, None, Analysis]:
        yield first
        release.wait(5)
        yield whole.corpus
        return whole

    app = ReaderApp(Corpus(()), session, reading=len(TWO_STORIES))
    total = len(whole.alignment.groups)
    shown = len(first.analysis.alignment.groups)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.reader.totals == first.totals
        assert f"story 1/2 · Fact 1/{total}" in _status(app)
        assert [p.article.id for p in app.reader.deck.panes] == ["flood-a", "vote-a"]
        for _ in range(shown):
            await pilot.press("j")
        assert app.reader.current == shown - 1  # The last fact of the first story.
        await pilot.press("t", "n")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert sum("Still reading the other stories" in m for m in messages) == 3
        release.set()
        await ready(pilot)
        assert app.reader.totals is None
        assert app.reader.current == shown - 1  # Where the reader was.
        assert app.analysis is not None and app.analysis.alignment == whole.alignment
        assert f"Fact {shown}/{total}" in _status(app)
        await pilot.press("j")
        assert app.reader.current == shown  # Into the second story now.


async def test_a_first_screen_of_other_articles_is_dropped_when_they_come() -> None:
    whole = analyse(Corpus(tuple(article_from_text(k, v) for k, v in TWO_STORIES.items())))
    changed = {**TWO_STORIES, "flood-a": TWO_STORIES["flood-a"] + " The river fell."}
    stale = first_screen_of(
        analyse(Corpus(tuple(article_from_text(k, v) for k, v in changed.items())))
    )
    assert stale is not None
    release = threading.Event()

    def session(_: Corpus) -> Generator[float | Corpus | FirstScreen, None, Analysis]:
        yield stale
        yield whole.corpus
        release.wait(5)
        return whole

    app = ReaderApp(Corpus(()), session, reading=len(TWO_STORIES))
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(4):
            await pilot.pause()
        assert app.reader.totals is None and app.analysis is None  # Not trusted.
        release.set()
        await ready(pilot)
        assert app.analysis is not None and app.analysis.alignment == whole.alignment
        assert app.reader.current == 0


async def test_a_failed_analysis_after_the_first_screen_stops_waiting() -> None:
    whole = analyse(Corpus(tuple(article_from_text(k, v) for k, v in TWO_STORIES.items())))
    first = first_screen_of(whole)
    assert first is not None

    def session(_: Corpus) -> Generator[float | Corpus | FirstScreen, None, Analysis]:
        yield first
        raise RuntimeError("disk full")

    app = ReaderApp(Corpus(()), session, reading=len(TWO_STORIES))
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(6):
            await pilot.pause()
        assert app.reader.totals is None  # Keys no longer say the rest is coming.
        assert "Alignment failed" in str(app.reader.facts.failed)
