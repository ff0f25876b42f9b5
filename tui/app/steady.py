"""Screens laid out once per size.

Textual lays a screen out when it appears, and that layout sends the screen a resize
event of the size it just took, upon which it lays itself out and paints again, whole:
10-25 ms as the reader's first keys arrive, and again as each view opens (the help
showed 20 ms later for it). Each screen of the reader hands its resize events here.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen


def same_size(screen: Screen[Any], event: events.Resize) -> None:
    """Drop a resize to the size the screen already has (a real one always differs)."""
    if event.size == screen.outer_size:
        event.prevent_default()  # Textual's own handler, which lays the screen out again.
