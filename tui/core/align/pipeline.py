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
from dataclasses import dataclass

import numpy as np

from tui.core.align.engine import engine_verdict
from tui.core.align.features import (
    SentenceFeatures,
    clauses,
    features,
    key_weights,
    merge_name_variants,
    quote_pairs,
)
from tui.core.align.grouping import build_groups, group_sentences
from tui.core.align.model import PairModel, shipped_model
from tui.core.align.pairs import Described, candidates, describe, evidence
from tui.core.align.params import DEFAULT_PARAMS, AlignParams
from tui.core.align.scoring import (
    PairScore,
    by_sentence,
    score_pairs,
)
from tui.core.models import Article, Corpus, Group
from tui.core.progress import SENTENCE_BATCH, drain, scaled

GROUP_BATCH = 100
"""Groups built (labels, diffs) between two progress reports."""


def align(corpus: Corpus, params: AlignParams = DEFAULT_PARAMS) -> tuple[Group, ...]:
    """Align the corpus in one go (scripts and tests; the analysis drives the steps)."""
    return drain(align_steps(corpus, params))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Candidate pairs of a corpus's sentences, with the evidence the pair model weighs."""

    feats: list[SentenceFeatures]
    weights: dict[str, float]
    pairs: list[tuple[int, int]]
    """Indices into ``feats``, first < second, from different articles."""
    rows: np.ndarray
    """One row of :data:`tui.core.align.pairs.FEATURES` per pair."""
    verdict: list[PairScore]
    """The pairs the hand-set engine keeps (:mod:`tui.core.align.engine`)."""


def evidence_steps(
    corpus: Corpus,
    params: AlignParams,
    pairs: list[tuple[int, int]] | None = None,
    prepared: Prepared | None = None,
) -> Generator[float, None, Evidence]:
    """Featurise every sentence, find candidate pairs and their evidence; yields progress.

    ``pairs`` (indices into the features, in corpus order) replaces the candidates: the
    training script and the discrepancy finder ask for the evidence of other pairs.
    ``prepared``: the corpus's features, already computed (the aligner's, which the
    discrepancy finder reuses); used only when it was made for these articles and params.
    """
    if prepared is None or not prepared.made_for(corpus, params):
        prepared = yield from scaled(prepare_steps(corpus, params), 0.0, 0.75)
    engine, verdict, quoted = prepared.engine, prepared.verdict, prepared.quoted
    if pairs is None:
        pairs = candidates(prepared.described, extra=[*engine, *quoted, *verdict])
    rows = evidence(prepared.described, pairs, engine=engine, verdict=verdict, quoted=quoted)
    yield 1.0
    return Evidence(prepared.feats, prepared.weights, pairs, rows, prepared.kept)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the evidence of any pair of a corpus's sentences needs, computed once."""

    articles: tuple[Article, ...]
    params: AlignParams
    """The articles and parameters it was made for."""
    feats: list[SentenceFeatures]
    weights: dict[str, float]
    described: Described
    engine: dict[tuple[int, int], float]
    """The engine's score of each pair it scored."""
    quoted: set[tuple[int, int]]
    verdict: dict[tuple[int, int], float]
    kept: list[PairScore]
    """The pairs the engine keeps, with their scores."""

    def made_for(self, corpus: Corpus, params: AlignParams) -> bool:
        """Made for these articles (compared by identity first: cheap) and parameters."""
        return self.params == params and self.articles == corpus.articles


def prepare_steps(corpus: Corpus, params: AlignParams) -> Generator[float, None, Prepared]:
    """Features, key weights, the engine's pairs and verdict, and the sentences described."""
    feats: list[SentenceFeatures] = []
    total = sum(len(a.sentences) for a in corpus.articles) or 1
    for a_index, article in enumerate(corpus.articles):
        for sentence in article.sentences:
            feats.append(
                features(a_index, sentence.index, sentence.start, sentence.kind, sentence.text)
            )
            if len(feats) % SENTENCE_BATCH == 0:
                yield 0.4 * len(feats) / total
    remap = yield from scaled(merge_name_variants(feats), 0.4, 0.44)
    weights = yield from scaled(key_weights(feats, params), 0.44, 0.47)
    # Long sentences carry several facts: their clauses are matched too, on their own.
    units = list(feats)
    owner = list(range(len(feats)))
    for n, f in enumerate(feats):
        for clause in clauses(f, remap, params):
            units.append(clause)
            owner.append(n)
        if n % SENTENCE_BATCH == SENTENCE_BATCH - 1:
            yield 0.47 + 0.06 * n / len(feats)
    scored: list[PairScore] = []
    for progress, batch in score_pairs(units, weights, params):
        scored.extend(batch)
        yield 0.53 + 0.4 * progress
    scored = yield from scaled(by_sentence(scored, owner, units, params), 0.93, 0.96)
    engine = {(p.a, p.b): p.score for p in scored}
    quoted = quote_pairs(feats, params)
    kept = yield from scaled(engine_verdict(feats, weights, scored, quoted, params), 0.96, 0.99)
    verdict = {(p.a, p.b): p.score for p in kept}
    return Prepared(
        corpus.articles, params, feats, weights, describe(feats), engine, quoted, verdict, kept
    )


def align_steps(
    corpus: Corpus,
    params: AlignParams = DEFAULT_PARAMS,
    model: PairModel | None = None,
    prepared: Prepared | None = None,
) -> Generator[float, None, tuple[Group, ...]]:
    """The facts of the corpus, yielding progress (0..1) between batches of work
    (``prepared``: its features, when the caller made them to use them again)."""
    found = yield from scaled(evidence_steps(corpus, params, prepared=prepared), 0.0, 0.85)
    feats, weights = found.feats, found.weights
    model = model or shipped_model()
    accept = params.accept if params.accept is not None else model.threshold
    probability = dict(zip(found.pairs, model.probability(found.rows).tolist(), strict=True))
    pairs = _links(found, probability, accept, params)
    members = group_sentences(feats, pairs, params.engine_accept, params)
    yield 0.9
    # A fact's score is its pairs' mean probability: the confidence the reader shows.
    scores = {(p.a, p.b): probability.get((p.a, p.b), 0.0) for p in pairs}
    groups: list[Group] = []
    for start in range(0, len(members), GROUP_BATCH):
        stop = start + GROUP_BATCH
        groups.extend(build_groups(corpus, feats, weights, members, scores, start=start, stop=stop))
        yield 0.9 + 0.1 * min(1.0, stop / len(members))
    yield 1.0
    return tuple(groups)


def _links(
    found: Evidence, probability: dict[tuple[int, int], float], accept: float, params: AlignParams
) -> list[PairScore]:
    """The pairs grouping weighs, on the engine's scale.

    With ``trust_engine``, the engine's own pairs stand as it scored them and the model
    adds those it finds likely (at the engine's acceptance score); without, only the
    model's pairs count, their probability mapped so that ``accept`` is acceptance.
    """
    scale = params.engine_accept / accept
    links: dict[tuple[int, int], PairScore] = {}
    if params.trust_engine:
        links = {(p.a, p.b): p for p in found.verdict}
    for pair, p in probability.items():
        if p < accept * params.link_share:
            continue
        score = p * scale
        old = links.get(pair)
        if old is None or old.score < score:
            links[pair] = PairScore(
                pair[0], pair[1], score, max(params.min_shared, old.shared if old else 0.0)
            )
    return list(links.values())
