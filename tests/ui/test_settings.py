"""The theme chosen in the palette is remembered across launches."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from helpers import ready

from tui.app.app import ReaderApp
from tui.core.bookmarks.store import data_dir
from tui.core.settings import SETTINGS_NAME, Settings, load_settings, settings_dir

App = Callable[..., ReaderApp]


async def test_theme_is_remembered_across_launches(make_app: App, _data_dir: Path) -> None:
    async with make_app().run_test() as pilot:
        app = await ready(pilot)
        assert app.theme == "textual-dark"
        app.theme = "textual-light"
        await pilot.pause()
    saved = json.loads((_data_dir / SETTINGS_NAME).read_text())
    assert saved == {"theme": "textual-light", "names": {}}
    assert not [p for p in _data_dir.iterdir() if p.name != SETTINGS_NAME and "settings" in p.name]
    async with make_app().run_test() as pilot:
        app = await ready(pilot)
        assert app.theme == "textual-light"


async def test_damaged_or_unknown_settings_give_the_default(make_app: App, _data_dir: Path) -> None:
    _data_dir.mkdir(parents=True, exist_ok=True)
    for content in ("{not json", '["theme"]', '{"theme": "no-such-theme"}', "\x00\xff"):
        (_data_dir / SETTINGS_NAME).write_text(content)
        async with make_app().run_test() as pilot:
            app = await ready(pilot)
            assert app.theme == "textual-dark"


def test_settings_live_next_to_the_bookmarks(_data_dir: Path) -> None:
    assert settings_dir() == data_dir() == _data_dir
    assert load_settings() == Settings()


def test_names_are_read_defensively(_data_dir: Path) -> None:
    _data_dir.mkdir(parents=True, exist_ok=True)
    (_data_dir / SETTINGS_NAME).write_text(
        json.dumps({"names": {"abc": {"a1": "Reuters\x1b[31m", "a2": 3, "a3": ""}, "x": 1}})
    )
    names = load_settings().names
    assert list(names) == ["abc"]
    assert set(names["abc"]) == {"a1"} and "\x1b" not in names["abc"]["a1"]
