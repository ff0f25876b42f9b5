"""Which articles a view lists: with a big corpus, those on screen first (`a`: all).

Three hundred articles hold thousands of quotes and discrepancies; someone comparing two
reports wants theirs, and a list of thousands takes a second to draw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from tui.core.analysis import Analysis

Scope = frozenset[str] | None
"""Article ids to list, or None for every article."""
T = TypeVar("T")
SCOPE_FROM = 10
"""Beyond this many articles, views start with the articles on screen."""


def in_scope(items: Sequence[T], scope: Scope, articles: Callable[[T], Iterable[str]]) -> list[T]:
    """The items touching an article in scope (all of them without a scope)."""
    if scope is None:
        return list(items)
    return [item for item in items if any(a in scope for a in articles(item))]


def scope_note(analysis: Analysis, scope: Scope) -> str:
    """The title's note on what is listed."""
    total = len(analysis.corpus.articles)
    if scope is None:
        return f" · all {total} articles" if total > SCOPE_FROM else ""
    return f" · {len(scope)} of {total} articles (a: all)"
