"""A word diff of two tellings of one thing, like ``git diff --word-diff``.

Words are compared without case or the punctuation around them, so "Tuesday," and
"tuesday" are the same word; the text shown is each side's own.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

DiffOp = Literal["same", "added", "removed"]
"""``added``: only in the other text; ``removed``: only in the reference."""

_EDGE = re.compile(r"^\W+|\W+$")


def _key(word: str) -> str:
    return _EDGE.sub("", word).casefold() or word


def word_diff(reference: str, other: str) -> list[tuple[DiffOp, str]]:
    """``other`` against ``reference``: runs of words, each the same, added or removed."""
    ref_words, other_words = reference.split(), other.split()
    matcher = SequenceMatcher(
        None, [_key(w) for w in ref_words], [_key(w) for w in other_words], autojunk=False
    )
    runs: list[tuple[DiffOp, str]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", " ".join(other_words[b0:b1])))
            continue
        if a1 > a0:
            runs.append(("removed", " ".join(ref_words[a0:a1])))
        if b1 > b0:
            runs.append(("added", " ".join(other_words[b0:b1])))
    return runs


def similarity(reference: str, other: str) -> float:
    """Share of words in common (0..1)."""
    a, b = [_key(w) for w in reference.split()], [_key(w) for w in other.split()]
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0
