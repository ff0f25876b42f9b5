"""Sources by name: R renames the focused pane's source, everywhere and for this corpus."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from helpers import ready
from test_pane_timing import settle, storm

from tui.app.app import ReaderApp
from tui.app.widgets.pane import short_name
from tui.core.settings import SETTINGS_NAME

App = Callable[..., ReaderApp]


async def test_R_names_a_source_and_the_name_is_kept(make_app: App, _data_dir: Path) -> None:
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        first = app.reader.deck.panes[0].article.id
        storm(app, ["R", *"Kyiv Post", "enter"])
        await settle(pilot)
        assert app.reader.deck.panes[0].article.source == "Kyiv Post"
        assert app.corpus.article(first).source == "Kyiv Post"
        assert app.analysis is not None
        assert short_name(app.analysis.corpus.article(first)) == "Kyiv Post"
        header = app.reader.deck.panes[0].header.meta.plain
        assert "Kyiv Post" in header
        theme_kept = app.theme
    saved = json.loads((_data_dir / SETTINGS_NAME).read_text())
    assert saved["names"][app.corpus_key] == {first: "Kyiv Post"}
    async with make_app().run_test(size=(160, 48)) as pilot:
        app = await ready(pilot)
        assert app.corpus.article(first).source == "Kyiv Post"
        assert app.theme == theme_kept
        # An empty name goes back to the file's own.
        storm(app, ["R", "ctrl+u", "enter"])
        await settle(pilot)
        assert app.corpus.article(first).source is None
