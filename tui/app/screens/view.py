"""The base of the reader's views: keys typed as a view opens are never lost.

The reader's keys that open a view are priority bindings, run as the key arrives (not
after it bubbled up from the focused pane, by when the next keys were already sent to
the pane). The view focuses its first widget once mounted: keys reaching the view before
then are handed to that widget, in the order they came.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.screen import ModalScreen, ScreenResultType

from tui.app.steady import same_size


class ViewScreen(ModalScreen[ScreenResultType]):
    """A modal view whose first focus (``FIRST_FOCUS``, a selector) gets the early keys."""

    FIRST_FOCUS: ClassVar[str] = "OptionList"
    AUTO_FOCUS = "OptionList"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Textual focuses AUTO_FOCUS as the screen appears, before on_mount runs: it must
        # be the widget keys are meant for, not a filter Input that happens to come first.
        cls.AUTO_FOCUS = cls.FIRST_FOCUS

    def on_resize(self, event: events.Resize) -> None:
        same_size(self, event)

    async def on_key(self, event: events.Key) -> None:
        if self.focused is not None:
            return  # Bubbling up from the focused widget: it had its turn.
        target = self.query(self.FIRST_FOCUS).first()
        if not target.focusable:
            return
        event.stop()
        event.prevent_default()
        self.set_focus(target)
        target.post_message(events.Key(event.key, event.character))
