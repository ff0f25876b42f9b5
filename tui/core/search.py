"""Text search over every article: the sentences that hold the words, in reading order.

A name is found in every spelling the corpus uses: searching "Syrskyi" finds Sirski and
Syrskyj too, when the articles were found to spell one name those ways.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tui.core.models import Article, Corpus, Discrepancy, Sentence
from tui.core.text.names import same_name

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


def spelling_groups(discrepancies: Iterable[Discrepancy]) -> list[frozenset[str]]:
    """The spellings of each name the articles spell differently (``entity_variant``, and
    ``name`` where the text makes them one entity)."""
    return [
        frozenset(v.text for v in d.values if v.text)
        for d in discrepancies
        if d.kind in ("entity_variant", "name")
    ]


def spellings(words: str, groups: Iterable[frozenset[str]] = ()) -> list[str]:
    """What to look for: the words, and every spelling of the name they are (one word)."""
    needle = words.strip()
    found = [needle]
    if not needle or " " in needle:
        return found
    for group in groups:
        if any(g.casefold() == needle.casefold() or same_name(needle, g) for g in group):
            seen = {f.casefold() for f in found}
            found.extend(sorted(g for g in group if g.casefold() not in seen))
    return found


def search(
    corpus: Corpus, words: str, limit: int, groups: Iterable[frozenset[str]] = ()
) -> list[SearchHit]:
    """Sentences holding ``words`` or another spelling of the name (``groups``, from
    :func:`spelling_groups`), case-insensitive, at most ``limit`` of them."""
    hits: list[SearchHit] = []
    for hit in _hits(corpus, spellings(words, groups)):
        hits.append(hit)
        if len(hits) >= limit:
            break
    return hits


def _hits(corpus: Corpus, words: list[str]) -> Iterator[SearchHit]:
    needles = [w.casefold() for w in words if len(w) >= MIN_QUERY]
    if len(words[0]) < MIN_QUERY:
        return
    for position, article in enumerate(corpus.articles):
        for sentence in article.sentences:
            text = sentence.text.casefold()
            places = [(text.find(n), len(n)) for n in needles]
            found = [(at, size) for at, size in places if at >= 0]
            if found:
                at, size = min(found)
                yield SearchHit(position, article, sentence, at, size)
