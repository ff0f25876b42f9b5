"""`t` lists the stories of a corpus; Enter reads one (its first fact, its articles)."""

from __future__ import annotations

from helpers import ready

from tui.app.app import ReaderApp
from tui.app.screens.stories import StoriesScreen
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text

TEXTS = (
    "Flooding forced 12,000 residents of Dorvale to evacuate on Monday after the Linn river "
    "burst its banks. The Dorvale mayor praised volunteers who filled sandbags all night.",
    "The Marwick council voted on Monday to close two libraries to save money. Volunteers "
    "had kept the Marwick libraries open on weekends, the mayor said.",
    "About 15,000 people fled Dorvale on Monday as the Linn river flooded the town. "
    "Volunteers filled sandbags through the night, the Dorvale mayor said.",
    "Marwick councillors approved the closure of two libraries on Monday. Volunteers "
    "had kept the Marwick libraries open at weekends, said the mayor.",
)


def two_stories() -> Corpus:
    return Corpus(tuple(article_from_text(f"a{n}", text) for n, text in enumerate(TEXTS)))


async def test_t_lists_the_stories_and_enter_reads_one() -> None:
    app = ReaderApp(two_stories())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        reader = app.reader
        assert reader.analysis is not None and len(reader.analysis.alignment.stories) == 2
        assert reader.current_group is not None and reader.current_group.story == 0
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        group = reader.current_group
        assert group is not None and group.story == 1
        shown = {pane.article.id for pane in reader.deck.panes}
        assert shown & {m.article for m in group.members}
        status = str(reader.query_one("#status-text").render())
        assert "story 2/2" in status and "confidence" in status


async def test_t_on_one_story_says_so(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, StoriesScreen)
