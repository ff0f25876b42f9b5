"""The reader on an index: the loaded analysis at once, and the story picker over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ready

from tui.app.app import ReaderApp
from tui.app.screens.stories import StoriesScreen
from tui.core import analysis as analysis_module
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text
from tui.reports.index import already, build_index, load_index

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


async def test_the_reader_reads_an_index_and_picks_its_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "archive.kri"
    corpus = Corpus(tuple(article_from_text(f"a{n}", t) for n, t in enumerate(TEXTS)))
    build_index(corpus, out, workers=0)
    loaded = load_index(out)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader analysed the index again")

    monkeypatch.setattr(analysis_module, "analyse_story_steps", never)
    app = ReaderApp(loaded.corpus, analyse=already(loaded))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        reader = app.reader
        assert reader.analysis is not None
        assert reader.analysis.alignment == loaded.alignment
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        group = reader.current_group
        assert group is not None and group.story == 1
