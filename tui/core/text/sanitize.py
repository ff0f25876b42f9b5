"""Untrusted text made safe to show: control characters become visible placeholders.

An article, a file name or a bookmark note can carry terminal escape sequences (OSC 52
writes the clipboard, ``ESC[2J`` clears the screen) or bidi overrides that reorder what
the reader sees. They are replaced once, where text enters the program, one character for
one character, so every offset into the kept text is the offset into what was read.
"""

from __future__ import annotations

import re

KEPT_CONTROLS = "\t\n"
"""The only control characters article text and notes keep."""

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Marks, embeddings, overrides and isolates: they reorder the text around them."""

BIDI_PLACEHOLDER = "\u2426"  # ␦
"""Shown for a bidi control and for a C1 control (neither has a picture of its own)."""

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]",
)
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
_SURROGATE_ESCAPE = re.compile("[\udc80-\udcff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def placeholder(char: str) -> str:
    """The visible stand-in for one unsafe character: ␛ for ESC, ␀ for NUL, ␡ for DEL."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return BIDI_PLACEHOLDER


def _replace(match: re.Match[str]) -> str:
    return placeholder(match.group())


def sanitize(text: str) -> str:
    """Text with every control but tab and newline replaced, same length, same offsets."""
    return _UNSAFE.sub(_replace, text)


def sanitize_line(text: str) -> str:
    """One line: tabs and newlines replaced too (titles, file names, error messages)."""
    return _UNSAFE_IN_LINE.sub(_replace, text)


def is_safe(text: str) -> bool:
    """True when :func:`sanitize` would leave the text as it is."""
    return _UNSAFE.search(text) is None


def display_name(name: str) -> str:
    """A file name fit to print and to encode as UTF-8.

    Undecodable bytes (which Python keeps as surrogate escapes) are written ``\\xNN``,
    any other lone surrogate ``\\uDXXX``; controls (a newline in a name) are placeholders.
    The result names the same file for every caller, so ids, paths and messages agree.
    """
    name = _SURROGATE_ESCAPE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)
    name = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", name)
    return sanitize_line(name)
