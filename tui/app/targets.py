"""What a jump from a view shows besides the place: a note for the status line, and the
stretches of text to mark (the quote, or each source's value in its sentence)."""

from __future__ import annotations

from tui.app.messages import Target
from tui.core.models import Corpus, Discrepancy, Group

Marks = dict[str, tuple[tuple[int, int], ...]]
"""Article id -> (start, end) offsets to mark."""


def target_note(target: Target) -> str:
    """How the reader got to the current fact, for the status line."""
    if target.quote is not None:
        return f"quote: {target.quote.speaker or 'unattributed'}"
    if target.discrepancy is not None:
        return f"≠ {target.discrepancy.summary}"
    if target.search:
        return f"search: {target.search}"
    return ""


def target_marks(target: Target, corpus: Corpus) -> Marks:
    """The quote's words, or each source's value found in its sentence."""
    found: dict[str, list[tuple[int, int]]] = {}
    if target.quote is not None:
        found[target.quote.article] = [(target.quote.start, target.quote.end)]
    if target.discrepancy is not None:
        for article, spans in value_spans(target.discrepancy, corpus).items():
            found.setdefault(article, []).extend(spans)
    return {article: tuple(spans) for article, spans in found.items()}


def conflict_order(discrepancy: Discrepancy | None, fact: Group | None = None) -> list[str]:
    """The articles to show for a discrepancy: one per distinct value first, so that two
    panes side by side always hold two values in conflict; then the others. Values in
    the fact's own sentences come first: those are the ones the panes line up."""
    if discrepancy is None:
        return []
    members = {(m.article, m.sentence) for m in fact.members} if fact else set()
    values = sorted(discrepancy.values, key=lambda v: (v.article, v.sentence) not in members)
    first: dict[str, str] = {}
    for value in values:
        first.setdefault(value.value, value.article)
    distinct = list(dict.fromkeys(first.values()))
    return list(dict.fromkeys([*distinct, *(v.article for v in values)]))


def value_spans(discrepancy: Discrepancy, corpus: Corpus) -> Marks:
    """Where each source's value is in its article: its span, else its words found in
    its sentence (hand-built values carry no span)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for value in discrepancy.values:
        if value.end > value.start:
            found.setdefault(value.article, []).append((value.start, value.end))
            continue
        sentence = corpus.article(value.article).sentences[value.sentence]
        at = sentence.text.casefold().find(value.text.casefold())
        if at >= 0 and value.text:
            span = (sentence.start + at, sentence.start + at + len(value.text))
            found.setdefault(value.article, []).append(span)
    return {article: tuple(spans) for article, spans in found.items()}
