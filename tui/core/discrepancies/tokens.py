"""A sentence's tokens, computed once however many rules and sentence pairs read it."""

from __future__ import annotations

from functools import lru_cache

from tui.core.text.normalize import Token, tokenize


@lru_cache(maxsize=8_192)
def sentence_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``text`` (the numbers, dates and places of one sentence share them)."""
    return tuple(tokenize(text))
