"""A sentence's tokens and names, computed once however many rules and sentence pairs read them."""

from __future__ import annotations

from functools import lru_cache

from tui.core.text.names import NameMention, find_names
from tui.core.text.normalize import Token, tokenize


@lru_cache(maxsize=8_192)
def sentence_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``text`` (the numbers, dates and places of one sentence share them)."""
    return tuple(tokenize(text))


@lru_cache(maxsize=8_192)
def sentence_names(text: str) -> tuple[NameMention, ...]:
    """The names in ``text`` (its numbers' subjects, full names and spelling variants)."""
    return tuple(find_names(text))
