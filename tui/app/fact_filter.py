"""Which facts the list shows: words typed in the filter (`F`).

Every word must be in the fact's sentences or the names of its sources; ``≠`` (or ``!=``)
keeps the facts where the sources disagree, ``★`` (or ``*``) the bookmarked ones.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from tui.core.analysis import Analysis

CONFLICT = frozenset({"≠", "!="})
BOOKMARKED = frozenset({"★", "*"})


def fact_filter(
    analysis: Analysis,
    words: str,
    bookmarked: Collection[int],
    gist: Callable[[int], str],
) -> tuple[int, ...] | None:
    """Positions of the facts matching ``words``; None when there is no filter."""
    tokens = words.casefold().split()
    if not tokens:
        return None
    conflicts = any(t in CONFLICT for t in tokens)
    marked = any(t in BOOKMARKED for t in tokens)
    plain = [t for t in tokens if t not in CONFLICT | BOOKMARKED]
    corpus = analysis.corpus
    articles = {a.id: a for a in corpus.articles}
    found = []
    for position, group in enumerate(analysis.groups):
        if conflicts and not analysis.fact_discrepancies[position]:
            continue
        if marked and group.id not in bookmarked:
            continue
        if plain:
            parts = [gist(position), group.label]
            for member in group.members:
                article = articles[member.article]
                parts += [article.sentences[member.sentence].text, article.source or ""]
                parts += [article.title, article.path]
            haystack = " ".join(parts).casefold()
            if not all(t in haystack for t in plain):
                continue
        found.append(position)
    return tuple(found)
