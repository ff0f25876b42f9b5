"""Values compared between sentences the aligner left apart but the pair model pairs.

The aligner groups a sentence only above its threshold, so a fact two outlets word
differently (a list of expenses against one clause) is never one group and its values are
never compared. Here two sentences of one story, in different articles and in no common
fact, are compared when the pair model finds them likely enough the same fact
(:data:`MATCH_FLOOR`) and their values fill one slot by the usual, strict rules (same
unit and rare neighbour words; the same happening for a date; the same role for a place).
Such a discrepancy is less certain: its confidence is lowered and its summary says that
the sentences were matched for the comparison. Never across stories.

Only sentences whose values share a slot key (a unit and a word around the number, a
date's grain and neighbour, a place's role and what is there; each rule module says
which) are compared, found through an index: the cost grows with the pairs that could
conflict, not with the square of a story's sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import replace

from tui.core.align import DEFAULT_PARAMS
from tui.core.align.model import shipped_model
from tui.core.align.pipeline import Prepared, evidence_steps
from tui.core.discrepancies.dates import DateMention
from tui.core.discrepancies.dates import slot_keys as date_keys
from tui.core.discrepancies.facts import (
    Found,
    SentenceValues,
    date_conflicts,
    dates_may_conflict,
    merge_sharing,
    places_found,
    value_places,
)
from tui.core.discrepancies.numbers import Mention, conflicts_among
from tui.core.discrepancies.numbers import slot_keys as number_keys
from tui.core.discrepancies.places import PlaceMention
from tui.core.discrepancies.places import slot_keys as place_keys
from tui.core.models import Corpus, Group
from tui.core.progress import drain

MATCH_FLOOR = 0.15
"""P(same fact) from which two unlinked sentences are compared (the aligner groups at
about 0.45): below it, two sentences sharing a unit and a few words are two facts."""
MATCHED_CONFIDENCE = 0.75
"""Factor on the confidence of a conflict whose sentences were matched for it."""

Where = tuple[str, int]
"""(article id, sentence index)."""
Values = tuple[list[Mention], list[DateMention], list[PlaceMention]]
"""A sentence's numbers, dates and places (:class:`.facts.SentenceValues`)."""
_NONE: frozenset[int] = frozenset()


def matched_conflicts(
    corpus: Corpus,
    groups: Sequence[Group],
    stories: Sequence[Sequence[str]],
    values: SentenceValues | None = None,
    prepared: Prepared | None = None,
) -> list[Found]:
    """Number, date and place conflicts between likely-matched sentences of each story
    (``prepared``: the aligner's features of the corpus, reused for a story that is it)."""
    facts = sentence_facts(groups)
    values = values or SentenceValues(corpus)
    found: list[Found] = []
    for articles in stories:
        story = [corpus.article(a) for a in articles]
        found.extend(_story_conflicts(Corpus(tuple(story)), facts, values, prepared))
    # Conflicts of one kind sharing a stated value are one: its sources gathered once.
    return merge_sharing(found, lambda a, b: a.kind == b.kind)


def sentence_facts(groups: Sequence[Group]) -> dict[Where, set[int]]:
    """The facts (group ids) each sentence is a member of."""
    facts: dict[Where, set[int]] = defaultdict(set)
    for group in groups:
        for m in group.members:
            facts[(m.article, m.sentence)].add(group.id)
    return facts


def share_a_fact(facts: Mapping[Where, set[int]], x: Where, y: Where) -> bool:
    """Two sentences in one fact (``facts``: :func:`sentence_facts`)."""
    return bool(facts.get(x, _NONE) & facts.get(y, _NONE))


def _story_conflicts(
    story: Corpus,
    facts: dict[Where, set[int]],
    values: SentenceValues,
    prepared: Prepared | None,
) -> list[Found]:
    read = {
        (article.id, sentence.index): values.of(article.id, sentence.index)
        for article in story.articles
        for sentence in article.sentences
    }
    candidates: dict[tuple[Where, Where], list[Found]] = {}
    for x, y in compared_pairs(story, {at: slot_keys(*v) for at, v in read.items()}):
        if share_a_fact(facts, x, y):
            continue  # Sentences of one fact: the fact's own comparison has them.
        conflicts = pair_conflicts(read[x], read[y])
        if conflicts:
            candidates[(x, y)] = conflicts
    if not candidates:
        return []
    result: list[Found] = []
    for (x, y), p in same_fact_probabilities(story, list(candidates), prepared).items():
        if p < MATCH_FLOOR:
            continue
        note = f" (sentences matched for the comparison, P(same fact) {p:.2f})"
        result.extend(
            replace(f, summary=f.summary + note, confidence=f.confidence * MATCHED_CONFIDENCE)
            for f in candidates[(x, y)]
        )
    return result


def slot_keys(
    numbers: Sequence[Mention], dates: Sequence[DateMention], places: Sequence[PlaceMention]
) -> set[Hashable]:
    """Keys of the slots a sentence's values fill: two sentences share one whenever a value
    of one can conflict with a value of the other (each rule module says which keys)."""
    return {
        *(("number", k) for m in numbers for k in number_keys(m)),
        *(("date", k) for m in dates for k in date_keys(m)),
        *(("place", k) for m in places for k in place_keys(m)),
    }


def compared_pairs(story: Corpus, keys: Mapping[Where, set[Hashable]]) -> list[tuple[Where, Where]]:
    """Sentence pairs of different articles sharing a slot key, in story order (article
    pairs, then sentences): found through an index by key, not by trying every pair."""
    index: dict[Hashable, list[Where]] = defaultdict(list)
    for at, its in keys.items():
        for key in its:
            index[key].append(at)
    article = {a.id: n for n, a in enumerate(story.articles)}
    pairs = {
        (x, y)
        for x, its in keys.items()
        for key in its
        for y in index[key]
        if article[x[0]] < article[y[0]]
    }
    return sorted(pairs, key=lambda p: (article[p[0][0]], article[p[1][0]], p[0][1], p[1][1]))


def pair_conflicts(x: Values, y: Values) -> list[Found]:
    """The conflicts between two sentences' values (the full comparison)."""
    (numbers_x, dates_x, places_x), (numbers_y, dates_y, places_y) = x, y
    return [
        *_numbers(numbers_x, numbers_y),
        *(
            date_conflicts(None, dates_x + dates_y, strict=True)
            if dates_may_conflict(dates_x, dates_y)
            else ()
        ),
        *(places_found(None, places_x + places_y) if places_x and places_y else ()),
    ]


def _numbers(a: list[Mention], b: list[Mention]) -> list[Found]:
    if not a or not b or not {m.unit for m in a} & {m.unit for m in b}:
        return []
    return [
        Found("number", None, c.summary, c.values, c.confidence) for c in conflicts_among(a + b)
    ]


def same_fact_probabilities(
    story: Corpus, pairs: list[tuple[Where, Where]], prepared: Prepared | None
) -> dict[tuple[Where, Where], float]:
    """The pair model's P(same fact) for each pair, as the aligner computes it."""
    index: dict[Where, int] = {}
    for article in story.articles:
        for sentence in article.sentences:
            index[(article.id, sentence.index)] = len(index)
    wanted = [(min(index[x], index[y]), max(index[x], index[y])) for x, y in pairs]
    found = drain(evidence_steps(story, DEFAULT_PARAMS, pairs=wanted, prepared=prepared))
    probability = shipped_model().probability(found.rows).tolist()
    return dict(zip(pairs, probability, strict=True))


def without_known(found: list[Found], known: Sequence[Found]) -> list[Found]:
    """Matched conflicts that repeat no value a fact's conflict of that kind already lists."""
    taken: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for k in known:
        taken[k.kind] |= value_places(k)
    return [f for f in found if not value_places(f) & taken[f.kind]]
