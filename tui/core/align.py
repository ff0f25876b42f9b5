"""Facts aligned across articles: which sentences of different reports say the same thing.

Three stages, each sized for tens of thousands of sentences and each in its own module:

1. :mod:`tui.core.features`: every sentence becomes a set of weighted, folded keys.
2. :mod:`tui.core.scoring`: only sentences sharing a rare key are compared, in numpy.
3. :mod:`tui.core.grouping`: strong pairs seed groups over the whole corpus.

This module drives them as one generator that yields progress often enough (every
fraction of a second on a thousand articles) for the app to cancel promptly.
"""

from __future__ import annotations

from collections.abc import Generator

from tui.core.discrepancies import discrepancy_steps
from tui.core.features import (
    SentenceFeatures,
    clauses,
    features,
    key_weights,
    merge_name_variants,
    quote_pairs,
)
from tui.core.grouping import build_groups, group_sentences, near_best, with_leads
from tui.core.models import Alignment, Corpus, Group
from tui.core.progress import drain, scaled
from tui.core.scoring import (
    PairScore,
    by_sentence,
    score_pairs,
    with_article_affinity,
    with_quotes,
)

BATCH = 1_000
"""Sentences featurised between two progress reports."""
GROUP_BATCH = 100
"""Groups built (labels, diffs) between two progress reports."""


def align(corpus: Corpus) -> Alignment:
    """Align the corpus in one go (the CLI's way; the app drives :func:`align_steps`)."""
    return drain(align_steps(corpus))


def align_steps(corpus: Corpus) -> Generator[float, None, Alignment]:
    """Align the corpus, yielding progress (0..1) between batches of work."""
    feats: list[SentenceFeatures] = []
    total = sum(len(a.sentences) for a in corpus.articles) or 1
    for a_index, article in enumerate(corpus.articles):
        for sentence in article.sentences:
            feats.append(
                features(a_index, sentence.index, sentence.start, sentence.kind, sentence.text)
            )
            if len(feats) % BATCH == 0:
                yield 0.35 * len(feats) / total
    remap = yield from scaled(merge_name_variants(feats), 0.35, 0.38)
    weights = yield from scaled(key_weights(feats), 0.38, 0.4)
    # Long sentences carry several facts: their clauses are matched too, on their own.
    units = list(feats)
    owner = list(range(len(feats)))
    for n, f in enumerate(feats):
        for clause in clauses(f, remap):
            units.append(clause)
            owner.append(n)
        if n % BATCH == BATCH - 1:
            yield 0.4 + 0.05 * n / len(feats)
    pairs: list[PairScore] = []
    for progress, batch in score_pairs(units, weights):
        pairs.extend(batch)
        yield 0.45 + 0.4 * progress
    pairs = yield from scaled(by_sentence(pairs, owner, units), 0.85, 0.86)
    pairs = with_article_affinity(feats, pairs)
    yield 0.865
    pairs = yield from scaled(near_best(feats, pairs), 0.865, 0.87)
    pairs = with_quotes(pairs, quote_pairs(feats))
    pairs = with_leads(feats, weights, pairs)
    members = group_sentences(feats, pairs)
    yield 0.9
    scores = {(p.a, p.b): p.score for p in pairs}
    groups: list[Group] = []
    for start in range(0, len(members), GROUP_BATCH):
        stop = start + GROUP_BATCH
        groups.extend(build_groups(corpus, feats, weights, members, scores, start=start, stop=stop))
        yield 0.9 + 0.05 * min(1.0, stop / len(members))
    known = {(corpus.articles[f.article].id, f.sentence): f.tokens for f in feats}
    discrepancies, by_group = yield from scaled(discrepancy_steps(corpus, groups, known), 0.95, 1.0)
    groups = [
        Group(g.id, g.label, g.score, g.members, tuple(by_group.get(g.id, ()))) for g in groups
    ]
    yield 1.0
    return Alignment(tuple(groups), tuple(discrepancies))
