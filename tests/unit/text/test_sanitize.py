"""Sanitising untrusted text: placeholders for controls, same length, same offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.text.sanitize import display_name, is_safe, sanitize, sanitize_line

_CONTROLS = [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
_BIDI = list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_escape_sequences_become_visible() -> None:
    raw = "76,000 \x1b]52;c;cHduZWQ=\x1b\\were evacuated"
    clean = sanitize(raw)
    assert "\x1b" not in clean
    assert clean == "76,000 ␛]52;c;cHduZWQ=␛\\were evacuated"


def test_tab_and_newline_are_kept_in_text_but_not_in_a_line() -> None:
    assert sanitize("a\tb\nc") == "a\tb\nc"
    assert sanitize_line("a\tb\nc") == "a␉b␊c"


def test_c1_del_and_bidi_have_placeholders() -> None:
    assert sanitize("\x9b31m\x7f\u202eabc") == "␦31m␡␦abc"


def test_display_name_escapes_undecodable_bytes_and_newlines() -> None:
    name = b"x\xffy\nz.txt".decode("utf-8", "surrogateescape")
    shown = display_name(name)
    assert shown == "x\\xffy␊z.txt"
    shown.encode("utf-8")  # Valid UTF-8: no surrogate is left.


@given(st.text(alphabet=st.sampled_from([*_CONTROLS, *_BIDI, "a", " ", "é", "\u2400"])))
def test_sanitize_keeps_length_and_removes_every_control(text: str) -> None:
    clean = sanitize(text)
    assert len(clean) == len(text)
    assert is_safe(clean)
    assert all(c in "\t\n" or (ord(c) >= 0x20 and not 0x7F <= ord(c) < 0xA0) for c in clean)
    assert not set(clean) & set(_BIDI)
    for i, char in enumerate(text):
        if char.isprintable() and char not in _BIDI:
            assert clean[i] == char
    assert sanitize(clean) == clean
