"""Values compared between sentences the aligner left apart but the pair model pairs.

The aligner groups a sentence only above its threshold, so a fact two outlets word
differently (a list of expenses against one clause) is never one group and its values are
never compared. Here two sentences of one story, in different articles and in no common
fact, are compared when the pair model finds them likely enough the same fact
(:data:`MATCH_FLOOR`) and their values fill one slot by the usual, strict rules (same
unit and rare neighbour words; the same happening for a date; the same role for a place).
Such a discrepancy is less certain: its confidence is lowered and its summary says that
the sentences were matched for the comparison. Never across stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations

from tui.core.align import DEFAULT_PARAMS
from tui.core.align.model import shipped_model
from tui.core.align.pipeline import evidence_steps
from tui.core.discrepancies.dates import DateMention, same_event
from tui.core.discrepancies.facts import Found, SentenceValues, date_conflicts, places_found
from tui.core.discrepancies.numbers import Mention, conflicts_among
from tui.core.discrepancies.places import PlaceMention
from tui.core.models import Article, Corpus, Group
from tui.core.progress import drain

MATCH_FLOOR = 0.15
"""P(same fact) from which two unlinked sentences are compared (the aligner groups at
about 0.45): below it, two sentences sharing a unit and a few words are two facts."""
MATCHED_CONFIDENCE = 0.75
"""Factor on the confidence of a conflict whose sentences were matched for it."""

Where = tuple[str, int]
"""(article id, sentence index)."""


def matched_conflicts(
    corpus: Corpus,
    groups: Sequence[Group],
    stories: Sequence[Sequence[str]],
    values: SentenceValues | None = None,
) -> list[Found]:
    """Number, date and place conflicts between likely-matched sentences of each story."""
    linked: set[frozenset[Where]] = set()
    for group in groups:
        places = {(m.article, m.sentence) for m in group.members}
        linked.update(frozenset(pair) for pair in combinations(places, 2))
    values = values or SentenceValues(corpus)
    found: list[Found] = []
    for articles in stories:
        story = [corpus.article(a) for a in articles]
        found.extend(_story_conflicts(Corpus(tuple(story)), linked, values))
    return _merge(found)


def _story_conflicts(
    story: Corpus, linked: set[frozenset[Where]], values: SentenceValues
) -> list[Found]:
    numbers: dict[Where, list[Mention]] = {}
    dates: dict[Where, list[DateMention]] = {}
    places: dict[Where, list[PlaceMention]] = {}
    for article in story.articles:
        for sentence in article.sentences:
            at = (article.id, sentence.index)
            numbers[at], dates[at], places[at] = values.of(*at)
    candidates: dict[tuple[Where, Where], list[Found]] = {}
    valued = {at for at in numbers if numbers[at] or dates[at] or places[at]}
    for a, b in combinations(story.articles, 2):
        for x in _where(a, valued):
            for y in _where(b, valued):
                if frozenset((x, y)) in linked:
                    continue
                conflicts = [
                    *_numbers(numbers[x], numbers[y]),
                    *(
                        date_conflicts(None, dates[x] + dates[y], strict=True)
                        if _may_clash(dates[x], dates[y])
                        else ()
                    ),
                    *(places_found(None, places[x] + places[y]) if places[x] and places[y] else ()),
                ]
                if conflicts:
                    candidates[(x, y)] = conflicts
    if not candidates:
        return []
    result: list[Found] = []
    for (x, y), p in _probabilities(story, list(candidates)).items():
        if p < MATCH_FLOOR:
            continue
        note = f" (sentences matched for the comparison, P(same fact) {p:.2f})"
        result.extend(
            replace(f, summary=f.summary + note, confidence=f.confidence * MATCHED_CONFIDENCE)
            for f in candidates[(x, y)]
        )
    return result


def _may_clash(a: list[DateMention], b: list[DateMention]) -> bool:
    """Whether two sentences hold dates of one happening that disagree: what any date
    conflict between them needs, checked before the full (quadratic) comparison."""
    return any(same_event(x, y) and not x.agrees(y) for x in a for y in b)


def _where(article: Article, valued: set[Where]) -> list[Where]:
    """The article's sentences that state a value."""
    return [(article.id, s.index) for s in article.sentences if (article.id, s.index) in valued]


def _numbers(a: list[Mention], b: list[Mention]) -> list[Found]:
    if not a or not b or not {m.unit for m in a} & {m.unit for m in b}:
        return []
    return [
        Found("number", None, c.summary, c.values, c.confidence) for c in conflicts_among(a + b)
    ]


def _probabilities(
    story: Corpus, pairs: list[tuple[Where, Where]]
) -> dict[tuple[Where, Where], float]:
    """The pair model's P(same fact) for each pair, as the aligner computes it."""
    index: dict[Where, int] = {}
    for article in story.articles:
        for sentence in article.sentences:
            index[(article.id, sentence.index)] = len(index)
    wanted = [(min(index[x], index[y]), max(index[x], index[y])) for x, y in pairs]
    found = drain(evidence_steps(story, DEFAULT_PARAMS, pairs=wanted))
    probability = shipped_model().probability(found.rows).tolist()
    return dict(zip(pairs, probability, strict=True))


def _merge(found: Iterable[Found]) -> list[Found]:
    """Conflicts of one kind sharing a stated value are one: its sources gathered once."""
    kept: list[Found] = []
    for f in found:
        mine = _keys(f)
        twin = next((n for n, k in enumerate(kept) if k.kind == f.kind and _keys(k) & mine), None)
        if twin is None:
            kept.append(f)
            continue
        old = kept[twin]
        present = {v.article for v in old.values}
        extra = tuple(v for v in f.values if v.article not in present)
        kept[twin] = replace(old, values=old.values + extra)
    return kept


def _keys(f: Found) -> set[tuple[str, int, int]]:
    return {(v.article, v.sentence, v.start) for v in f.values}


def without_known(found: list[Found], known: Sequence[Found]) -> list[Found]:
    """Matched conflicts that repeat no value a fact's conflict of that kind already lists."""
    return [f for f in found if not any(k.kind == f.kind and _keys(k) & _keys(f) for k in known)]
