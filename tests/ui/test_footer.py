"""The footer: the reader's key hints come with its first frame and are not rebuilt."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable

from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.app.app import ReaderApp
from tui.app.widgets.footer import KeyFooter

App = Callable[..., ReaderApp]


async def test_keys_come_with_the_screen_and_stay(make_app: App) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # Textual's Footer had none yet: it composed them after the screen's first refresh.
        footer = app.screen.query_one(KeyFooter)
        keys = list(footer.query(FooterKey))
        assert [key.description for key in keys[:2]] == ["Next fact", "Next ≠"]
        assert keys[-1].has_class("-command-palette", "-compact")
        assert not any(key.has_class("-compact") for key in keys[:-1])
        await pilot.press("tab")  # Another pane focused: the bindings are published again.
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys  # The same hints, not rebuilt.


def test_the_private_textual_names_the_footer_relies_on_still_exist() -> None:
    """KeyFooter builds Textual's private ``FooterKey`` itself and sets the private
    ``Footer._bindings_ready``: a Textual upgrade that renames either fails here, by name,
    rather than as a reader whose key hints never show."""
    footer = importlib.import_module("textual.widgets._footer")
    key = getattr(footer, "FooterKey", None)
    assert isinstance(key, type), "textual.widgets._footer.FooterKey is gone"
    assert isinstance(vars(key).get("compact"), reactive), "FooterKey.compact is no reactive"
    wanted = ["key", "key_display", "description", "action", "disabled", "tooltip", "classes"]
    assert list(inspect.signature(key).parameters) == wanted, "FooterKey takes other arguments"
    ready = getattr(Footer, "_bindings_ready", None)
    assert isinstance(ready, reactive), "Footer._bindings_ready is gone"
    assert callable(getattr(Footer, "bindings_changed", None)), "Footer.bindings_changed is gone"
