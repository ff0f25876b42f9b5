"""Errors the command line reports as one line on stderr and exit code 1."""

from __future__ import annotations


class InputError(Exception):
    """A problem with the user's input or data: one line on stderr, exit 1."""
