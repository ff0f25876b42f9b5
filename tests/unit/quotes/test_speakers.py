"""Speaker finding: a sentence-opening word is a name when it is capitalised elsewhere too."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tui.core.quotes.speakers import _names_elsewhere

_PIECES = st.sampled_from(["Trump", "Trump's", "U.S.", "said", "a", ",", ";", ".", " ", "\n", "x"])


@given(st.lists(_PIECES, max_size=25), st.sampled_from(["Trump", "U.S.", "Trump's", "T"]))
def test_names_elsewhere_is_the_mid_sentence_pattern(pieces: list[str], word: str) -> None:
    text = "".join(pieces)
    expected = re.search(rf"[a-z,;]\s+{re.escape(word)}\b", text) is not None
    assert _names_elsewhere(text, word) == expected
