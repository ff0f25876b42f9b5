"""Text search over every article: the sentences that hold the words, in reading order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tui.core.models import Article, Corpus, Sentence

MIN_QUERY = 2
"""Shorter queries match almost every sentence: nothing is searched below this."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One sentence holding the words, and where in it they start."""

    position: int
    """Index of the article in the corpus (its colour in the reader)."""
    article: Article
    sentence: Sentence
    found: int
    """Offset of the match inside ``sentence.text``."""
    length: int


def search(corpus: Corpus, words: str, limit: int) -> list[SearchHit]:
    """Sentences holding ``words`` (case-insensitive), at most ``limit`` of them."""
    hits: list[SearchHit] = []
    for hit in _hits(corpus, words):
        hits.append(hit)
        if len(hits) >= limit:
            break
    return hits


def _hits(corpus: Corpus, words: str) -> Iterator[SearchHit]:
    needle = words.strip().casefold()
    if len(needle) < MIN_QUERY:
        return
    for position, article in enumerate(corpus.articles):
        for sentence in article.sentences:
            found = sentence.text.casefold().find(needle)
            if found >= 0:
                yield SearchHit(position, article, sentence, found, len(needle))
