"""Counts in words: "1 discrepancy", "2 discrepancies"."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and the word, singular for one (``many``: an irregular plural)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
