"""Facts aligned across articles: which sentences of different reports say the same thing.

Three stages, each sized for tens of thousands of sentences and each in its own module:

1. :mod:`tui.core.align.features`: every sentence becomes a set of weighted, folded keys.
2. :mod:`tui.core.align.scoring`: only sentences sharing a rare key are compared, in numpy.
3. :mod:`tui.core.align.grouping`: strong pairs seed groups over the whole corpus.

This module drives them as one generator that yields progress often enough (every
fraction of a second on a thousand articles) for the app to cancel promptly.
"""

from __future__ import annotations

from collections.abc import Generator

from tui.core.align.features import (
    SentenceFeatures,
    clauses,
    features,
    key_weights,
    merge_name_variants,
    quote_pairs,
)
from tui.core.align.grouping import build_groups, group_sentences, near_best, with_leads
from tui.core.align.params import DEFAULT_PARAMS, AlignParams
from tui.core.align.scoring import (
    PairScore,
    by_sentence,
    score_pairs,
    with_article_affinity,
    with_quotes,
)
from tui.core.models import Corpus, Group
from tui.core.progress import SENTENCE_BATCH, drain, scaled

GROUP_BATCH = 100
"""Groups built (labels, diffs) between two progress reports."""


def align(corpus: Corpus, params: AlignParams = DEFAULT_PARAMS) -> tuple[Group, ...]:
    """Align the corpus in one go (scripts and tests; the analysis drives the steps)."""
    return drain(align_steps(corpus, params))


def align_steps(
    corpus: Corpus, params: AlignParams = DEFAULT_PARAMS
) -> Generator[float, None, tuple[Group, ...]]:
    """The facts of the corpus, yielding progress (0..1) between batches of work."""
    feats: list[SentenceFeatures] = []
    total = sum(len(a.sentences) for a in corpus.articles) or 1
    for a_index, article in enumerate(corpus.articles):
        for sentence in article.sentences:
            feats.append(
                features(a_index, sentence.index, sentence.start, sentence.kind, sentence.text)
            )
            if len(feats) % SENTENCE_BATCH == 0:
                yield 0.35 * len(feats) / total
    remap = yield from scaled(merge_name_variants(feats), 0.35, 0.38)
    weights = yield from scaled(key_weights(feats, params), 0.38, 0.4)
    # Long sentences carry several facts: their clauses are matched too, on their own.
    units = list(feats)
    owner = list(range(len(feats)))
    for n, f in enumerate(feats):
        for clause in clauses(f, remap, params):
            units.append(clause)
            owner.append(n)
        if n % SENTENCE_BATCH == SENTENCE_BATCH - 1:
            yield 0.4 + 0.05 * n / len(feats)
    pairs: list[PairScore] = []
    for progress, batch in score_pairs(units, weights, params):
        pairs.extend(batch)
        yield 0.45 + 0.4 * progress
    pairs = yield from scaled(by_sentence(pairs, owner, units, params), 0.85, 0.86)
    pairs = with_article_affinity(feats, pairs, params)
    yield 0.865
    pairs = yield from scaled(near_best(feats, pairs, params), 0.865, 0.87)
    pairs = with_quotes(pairs, quote_pairs(feats, params), params)
    pairs = with_leads(feats, weights, pairs, params)
    members = group_sentences(feats, pairs, params)
    yield 0.9
    scores = {(p.a, p.b): p.score for p in pairs}
    groups: list[Group] = []
    for start in range(0, len(members), GROUP_BATCH):
        stop = start + GROUP_BATCH
        groups.extend(build_groups(corpus, feats, weights, members, scores, start=start, stop=stop))
        yield 0.9 + 0.1 * min(1.0, stop / len(members))
    yield 1.0
    return tuple(groups)
