"""A fact's gist: its most central sentence, shortened at a word boundary.

A fact is several sentences saying one thing; the one sharing most words with the others
says it most plainly, and reads better in a list than a bag of keywords.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"\w[\w'’-]*")
_TRAILING = ",;:—–-([“\"'‘ "


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text) if len(w) > 2)


def central(texts: Sequence[str]) -> int:
    """Index of the text sharing most words with the others (Jaccard; shorter on a tie)."""
    if not texts:
        raise ValueError("no texts")
    bags = [_words(t) for t in texts]

    def score(i: int) -> tuple[float, int]:
        total = 0.0
        for j, other in enumerate(bags):
            if j != i and (bags[i] or other):
                total += len(bags[i] & other) / len(bags[i] | other)
        return total, -len(texts[i])

    return max(range(len(texts)), key=score)


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if text[len(cut)] != " " and space >= limit // 2:
        cut = cut[:space]
    return (cut.rstrip(_TRAILING) or cut) + "…"


def gist(texts: Sequence[str], limit: int = 60) -> str:
    """The most central text, shortened to ``limit`` characters."""
    return shorten(texts[central(texts)], limit) if texts else ""
