"""A fact's gist: the most central sentence, cut at a word boundary."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.text.gist import central, gist, shorten


def test_the_sentence_sharing_most_words_is_the_gist() -> None:
    texts = [
        "Putin called it a major provocation on Monday.",
        "The Kremlin called the incursion a major provocation.",
        "A spokesman said the incursion was a large provocation by Kyiv.",
    ]
    assert central(texts) == 1
    assert gist(texts, 200) == texts[1]


def test_shortened_at_a_word_boundary() -> None:
    text = "Ukrainian President Volodymyr Zelenskyy acknowledged the offensive"
    short = shorten(text, 30)
    assert short == "Ukrainian President Volodymyr…"
    assert len(short) <= 30


def test_a_long_word_is_cut_inside() -> None:
    assert shorten("a" * 50, 10) == "a" * 9 + "…"


@given(st.text(min_size=1, max_size=200), st.integers(min_value=2, max_value=80))
def test_never_longer_than_the_limit_and_one_line(text: str, limit: int) -> None:
    short = shorten(text, limit)
    assert len(short) <= limit
    assert "\n" not in short
