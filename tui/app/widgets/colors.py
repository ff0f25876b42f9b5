"""One colour per article, the same in pane headers, lists and the facts' coverage strips.

Its own module: the facts list draws them on the first frame, and the panes' module (their
wrapping, their views) is imported only once there are articles to show.
"""

from __future__ import annotations

ARTICLE_COLORS = (
    "#5fafff",
    "#ff875f",
    "#87d75f",
    "#d787ff",
    "#ffd75f",
    "#5fd7d7",
    "#ff5f87",
    "#afaf87",
)
"""One colour per article, the same in pane headers and in the facts' coverage strips."""


def article_color(index: int) -> str:
    """The colour of the article at this corpus position."""
    return ARTICLE_COLORS[index % len(ARTICLE_COLORS)]
