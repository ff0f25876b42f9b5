"""Errors the command line reports as one line on stderr and exit code 1."""

from __future__ import annotations

import sys

from tui.core.text.sanitize import sanitize_line

PROG = "kursk-reader"


class InputError(Exception):
    """A problem with the user's input or data: one line on stderr, exit 1."""


def say(kind: str, message: str) -> None:
    """One ``kursk-reader: KIND: message`` line on stderr, whatever the message holds (a
    newline or an escape sequence in a file name): the command and the reader say it alike."""
    print(f"{PROG}: {kind}: {sanitize_line(message)}", file=sys.stderr)
