"""Screens laid out once per size.

Textual lays a screen out when it appears, and that layout sends the screen a resize
event of the size it just took, upon which it lays itself out and paints again, whole:
10-25 ms as the reader's first keys arrive, and again as each view opens (the help
showed 20 ms later for it). Each screen of the reader hands its resize events here.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.screen import Screen


def breakpoint_classes(screen: Screen[Any], size: Size) -> dict[str, bool]:
    """Each of the screen's breakpoint classes, on or off at ``size``, as Textual's resize
    handler sets them: in each direction, the largest breakpoint within the size."""
    app = screen.app
    across = screen.HORIZONTAL_BREAKPOINTS
    down = screen.VERTICAL_BREAKPOINTS
    across = (app.HORIZONTAL_BREAKPOINTS if across is None else across) or []
    down = (app.VERTICAL_BREAKPOINTS if down is None else down) or []
    classes = {name: False for _, name in (*across, *down)}
    for extent, breakpoints in ((size.width, across), (size.height, down)):
        within = [(at, name) for at, name in breakpoints if extent >= at]
        if within:
            classes[max(within)[1]] = True
    return classes


def same_size(screen: Screen[Any], event: events.Resize) -> None:
    """Drop a resize to the size the screen already has (a real one always differs).

    The breakpoint classes are still set for it: a screen under another one is laid out
    for a new size by the resize of the one on top, so its own event, dropped here, was
    Textual's only update of them."""
    if event.size == screen.outer_size:
        screen.update_classes(breakpoint_classes(screen, event.size), animate=False)
        event.prevent_default()  # Textual's own handler, which lays the screen out again.
