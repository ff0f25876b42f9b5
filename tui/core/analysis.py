"""Everything the reader shows about a corpus, computed once in a worker.

The reader needs the alignment, the quotes and every discrepancy together, plus a few
indexes (which facts a sentence belongs to, which discrepancies a fact holds) that would
otherwise be recomputed on each key press.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass, field

from tui.core.models import Alignment, Corpus, Discrepancy, Group, Quote

ALIGN_SHARE = 0.9
"""Part of the progress bar given to the alignment; quotes take the rest."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """A corpus with its alignment, quotes and discrepancies, and lookups over them."""

    corpus: Corpus
    alignment: Alignment
    quotes: tuple[Quote, ...]
    discrepancies: tuple[Discrepancy, ...]
    """The alignment's discrepancies followed by the quote_wording ones."""

    group_position: Mapping[int, int] = field(init=False, repr=False, compare=False)
    """Group id -> position in ``alignment.groups`` (the facts list order)."""
    sentence_groups: Mapping[tuple[str, int], tuple[int, ...]] = field(
        init=False, repr=False, compare=False
    )
    """(article id, sentence index) -> positions of the facts holding that sentence."""
    article_members: Mapping[str, tuple[tuple[int, int], ...]] = field(
        init=False, repr=False, compare=False
    )
    """Article id -> (fact position, sentence index) for each fact it reports."""
    fact_discrepancies: tuple[tuple[Discrepancy, ...], ...] = field(
        init=False, repr=False, compare=False
    )
    """Per fact position, its discrepancies (quote wording ones placed by their sentences)."""
    article_quotes: Mapping[str, tuple[Quote, ...]] = field(init=False, repr=False, compare=False)
    """Article id -> its quotes in text order."""
    discrepancy_fact: Mapping[int, int] = field(init=False, repr=False, compare=False)
    """Discrepancy id -> position of the fact it belongs to (when it belongs to one)."""

    def __post_init__(self) -> None:
        groups = self.alignment.groups
        positions = {group.id: i for i, group in enumerate(groups)}
        by_sentence: dict[tuple[str, int], list[int]] = {}
        by_article: dict[str, list[tuple[int, int]]] = {}
        for position, group in enumerate(groups):
            seen: set[str] = set()
            for member in group.members:
                by_sentence.setdefault((member.article, member.sentence), []).append(position)
                if member.article not in seen:
                    seen.add(member.article)
                    by_article.setdefault(member.article, []).append((position, member.sentence))
        per_fact: list[list[Discrepancy]] = [[] for _ in groups]
        to_fact: dict[int, int] = {}
        for discrepancy in self.discrepancies:
            for position in self._positions_of(discrepancy, positions, by_sentence):
                per_fact[position].append(discrepancy)
                to_fact.setdefault(discrepancy.id, position)
        quotes: dict[str, list[Quote]] = {}
        for quote in sorted(self.quotes, key=lambda q: (q.article, q.start)):
            quotes.setdefault(quote.article, []).append(quote)
        object.__setattr__(self, "group_position", positions)
        object.__setattr__(self, "sentence_groups", {k: tuple(v) for k, v in by_sentence.items()})
        object.__setattr__(self, "article_members", {k: tuple(v) for k, v in by_article.items()})
        object.__setattr__(self, "fact_discrepancies", tuple(tuple(d) for d in per_fact))
        object.__setattr__(self, "article_quotes", {k: tuple(v) for k, v in quotes.items()})
        object.__setattr__(self, "discrepancy_fact", to_fact)

    @staticmethod
    def _positions_of(
        discrepancy: Discrepancy,
        positions: Mapping[int, int],
        by_sentence: Mapping[tuple[str, int], list[int]],
    ) -> list[int]:
        if discrepancy.group is not None and discrepancy.group in positions:
            return [positions[discrepancy.group]]
        found: list[int] = []
        for value in discrepancy.values:
            for position in by_sentence.get((value.article, value.sentence), ()):
                if position not in found:
                    found.append(position)
        return found[:1]

    @property
    def groups(self) -> tuple[Group, ...]:
        """The aligned facts, in list order."""
        return self.alignment.groups

    def discrepancy(self, discrepancy_id: int) -> Discrepancy:
        """The discrepancy with that id (``KeyError`` if none)."""
        for discrepancy in self.discrepancies:
            if discrepancy.id == discrepancy_id:
                return discrepancy
        raise KeyError(discrepancy_id)

    def fact_of_discrepancy(self, discrepancy: Discrepancy) -> int | None:
        """The position of the fact a discrepancy belongs to, if it belongs to one."""
        return self.discrepancy_fact.get(discrepancy.id)

    def quote_at(self, article_id: str, offset: int) -> Quote | None:
        """The quote of an article covering a text offset."""
        for quote in self.article_quotes.get(article_id, ()):
            if quote.start <= offset < quote.end:
                return quote
        return None


def analyse_steps(corpus: Corpus) -> Generator[float, None, Analysis]:
    """Align the corpus and find its quotes, yielding progress from 0 to 1."""
    # Imported here, not at the top: numpy, wordfreq and the aligner take a noticeable
    # time to import, and the app imports this module before its first paint.
    from tui.core.align import align_steps
    from tui.core.quotes import extract_quotes, quote_discrepancies

    steps = align_steps(corpus)
    while True:
        try:
            fraction = next(steps)
        except StopIteration as stop:
            alignment: Alignment = stop.value
            break
        yield fraction * ALIGN_SHARE
    quotes = extract_quotes(corpus)
    yield ALIGN_SHARE + (1 - ALIGN_SHARE) / 2
    first_id = max((d.id for d in alignment.discrepancies), default=-1) + 1
    extra = quote_discrepancies(quotes, corpus, first_id)
    yield 1.0
    return Analysis(corpus, alignment, quotes, alignment.discrepancies + extra)


def analyse(corpus: Corpus) -> Analysis:
    """The whole analysis at once, for scripts and tests."""
    steps = analyse_steps(corpus)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            result: Analysis = stop.value
            return result
