"""Cue patterns: a pattern of the words before a position finds what a whole-text search finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.quotes import cues

_WORDS = ["with", "the", "Told", "telling", "their", "Obama's", "of", "x", ",", "·"]
_PIECES = st.sampled_from([*_WORDS, "\n", "\t", " ", " " * 40, "\n" * 90])


@given(st.lists(_PIECES, max_size=30), st.integers(min_value=0))
def test_tail_finds_what_the_whole_text_search_finds(pieces: list[str], cut: int) -> None:
    text = "".join(pieces)
    end = cut % (len(text) + 1)
    for tail in (cues.AFTER_PREPOSITION, cues.NOUN_BEFORE, cues.ADDRESSEE_CUE):
        assert tail.at(text, end) == (tail.pattern.search(text, 0, end) is not None)


def test_tail_sees_past_a_long_blank_run() -> None:
    text = "an interview with" + " " * 200 + "Jones"
    assert cues.AFTER_PREPOSITION.at(text, text.index("Jones"))
    assert not cues.AFTER_PREPOSITION.at("a long talk" + " " * 200 + "Jones", 211)
