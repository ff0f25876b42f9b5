"""Speaker labels written inside a quote: transcripts (``"WALLACE: Let's start ..."``).

Interview transcripts quoted in full give each turn as an upper-case label and a colon.
The label is the speaker; headings set the same way (``BREAKING:``) are not.
"""

from __future__ import annotations

import re

from tui.core.quotes.lexicon import LABEL_HEADINGS

_LABEL = re.compile(
    r"\s*((?:MR|MRS|MS|DR|SEN|REP|GOV)?\.?\s*[A-Z][A-Z'’\-]+(?:[ \t]+[A-Z][A-Z'’\-]+){0,2}):\s+\S"
)


def transcript_label(quoted: str) -> str | None:
    """The label opening a quoted transcript turn, in title case (``Wallace``), or None."""
    match = _LABEL.match(quoted)
    if match is None:
        return None
    label = " ".join(match.group(1).split())
    words = [w.strip(".").lower() for w in label.split()]
    if any(w in LABEL_HEADINGS for w in words) or len(label.replace(" ", "")) < 2:
        return None
    return " ".join(w.capitalize() for w in label.split())
