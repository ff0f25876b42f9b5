"""The one list of discrepancies that the reader, the reports and the bookmarks share.

Every kind is found here and numbered once: conflicting values inside aligned facts
(:mod:`.facts`) and between sentences the pair model matches below the aligner's
threshold (:mod:`.matched`), quotations worded differently (:mod:`.wording`) and spelling variants of
one name (:mod:`.spelling`). A discrepancy outside any fact is placed in the first fact
that holds one of its sentences, so the facts list and ``discrepancies --json`` agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator, Sequence

from tui.core.align.pipeline import Prepared
from tui.core.discrepancies.ages import age_conflicts
from tui.core.discrepancies.alike_places import alike_places
from tui.core.discrepancies.credits import label_credits, quote_credits
from tui.core.discrepancies.fact_quotes import fact_quote_wordings
from tui.core.discrepancies.facts import Found, SentenceValues, value_conflicts, value_places
from tui.core.discrepancies.matched import matched_conflicts, without_known
from tui.core.discrepancies.naming import (
    given_name_conflicts,
    name_conflicts,
    plural_slips,
    relative_slips,
    surname_slips,
)
from tui.core.discrepancies.quote_passages import quote_wordings
from tui.core.discrepancies.spelling import entity_variant_steps
from tui.core.models import Corpus, Discrepancy, Group, Quote
from tui.core.progress import scaled

Discrepancies = tuple[tuple[Discrepancy, ...], dict[int, tuple[int, ...]]]
"""Every discrepancy (ids from 0), and per group id the ids placed in that group."""


def discrepancy_steps(
    corpus: Corpus,
    groups: Sequence[Group],
    quotes: Sequence[Quote],
    prepared: Prepared | None = None,
) -> Generator[float, None, Discrepancies]:
    """Find every discrepancy, yielding progress (0..1). ``prepared``: the aligner's
    features of the corpus, which the comparison of matched sentences reuses."""
    values = SentenceValues(corpus)
    found = yield from scaled(value_conflicts(corpus, groups, quotes, values), 0.0, 0.5)
    stories = _stories(corpus, groups)
    found.extend(without_known(matched_conflicts(corpus, groups, stories, values, prepared), found))
    yield 0.6
    variants = yield from scaled(entity_variant_steps(corpus, groups), 0.6, 1.0)
    found.extend(Found(v.kind, v.group, v.summary, v.values) for v in variants)
    found.extend(quote_wordings(quotes, corpus))
    found.extend(without_known(quote_credits(quotes, corpus), found))
    found.extend(without_known(label_credits(quotes, corpus, stories), found))
    found.extend(fact_quote_wordings(groups, quotes, corpus))
    found.extend(without_known(name_conflicts(corpus, stories), found))
    found.extend(without_known(given_name_conflicts(corpus, groups, stories, prepared), found))
    found.extend(without_known(plural_slips(corpus, stories), found))
    found.extend(without_known(relative_slips(corpus, stories), found))
    slips = without_known(surname_slips(corpus, stories), found)
    # A slip the spelling variants already list as a variant is now a name discrepancy.
    slipped = {place for slip in slips for place in value_places(slip)}
    found = [f for f in found if f.kind != "entity_variant" or not value_places(f) & slipped]
    found.extend(slips)
    found.extend(without_known(alike_places(corpus, stories), found))
    found.extend(without_known(age_conflicts(corpus, stories), found))
    holding: dict[tuple[str, int], int] = {}
    for fact in groups:
        for member in fact.members:
            holding.setdefault((member.article, member.sentence), fact.id)
    result: list[Discrepancy] = []
    by_group: dict[int, list[int]] = defaultdict(list)
    for number, item in enumerate(found):
        group = item.group
        if group is None:
            group = next(
                (
                    holding[(v.article, v.sentence)]
                    for v in item.values
                    if (v.article, v.sentence) in holding
                ),
                None,
            )
        result.append(
            Discrepancy(number, item.kind, group, item.summary, item.values, item.confidence)
        )
        if group is not None:
            by_group[group].append(number)
    return tuple(result), {g: tuple(ids) for g, ids in by_group.items()}


def _stories(corpus: Corpus, groups: Sequence[Group]) -> list[list[str]]:
    """The articles of each story (as the facts place them), in corpus order."""
    story: dict[str, int] = {}
    for group in groups:
        for member in group.members:
            story.setdefault(member.article, group.story)
    by_story: dict[int, list[str]] = defaultdict(list)
    for article in corpus.articles:
        if article.id in story:
            by_story[story[article.id]].append(article.id)
    return list(by_story.values())
