"""Candidate pairs of sentences and their scores, without comparing all pairs.

Only sentences sharing a rare key are compared (blocking on an inverted index, as
passim blocks on rare n-grams), and the shared weight is summed in numpy; the score mixes
cosine and overlap so that a long sentence carrying several facts still matches a short
one carrying one of them. Work is cut into slices of sentences so that the caller gets
control back (for progress and cancellation) every fraction of a second.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from tui.core.align.features import (
    DERIVED,
    KeyIndex,
    SentenceFeatures,
    share_of,
    topic_shares,
)
from tui.core.align.params import AlignParams
from tui.core.align.postings import Postings

PAIR_BATCH = 20_000
"""Scored pairs merged between two yields."""


@dataclass(frozen=True, slots=True)
class PairScore:
    """A scored candidate pair of sentences (indices into the features list)."""

    a: int
    b: int
    score: float
    shared: float
    names_only: bool = False
    """Only names (and phrases of names) are shared: kept for closely related articles."""


def score_pairs(
    feats: list[SentenceFeatures], weights: dict[str, float], params: AlignParams
) -> Generator[tuple[float, list[PairScore]], None, None]:
    """Score the pairs sharing a blocking key; yields (progress, pairs above ``params.link``).

    Everything is summed in numpy: rare (blocking) keys make the candidates, the other
    keys found in at most ``params.block_max_df`` sentences add their weight to candidates
    they share; keys in more sentences than that are everywhere and count for nothing.
    Candidates are summed one slice of first sentences at a time (a slice's pairs never
    meet another slice's), so every slice is a batch of finished pairs.
    """
    index = KeyIndex.of(feats, {k: i for i, k in enumerate(weights)})
    w = np.array(list(weights.values()), dtype=np.float64)
    derived = np.array([k[:1] == DERIVED for k in weights], dtype=bool)
    yield 0.01, []
    n = len(feats)
    article = np.array([f.article for f in feats], dtype=np.int64)
    articles = int(article.max(initial=0)) + 1
    topic_codes, topic_share = topic_shares(feats, index, articles, params)
    yield 0.02, []
    keys, unit = index.keys, index.unit
    # Each sentence's weight (a loop's sum, bit for bit: bincount adds in input order).
    background = share_of(topic_codes, topic_share, keys * articles + article[unit])
    totals = np.bincount(
        unit, weights=w[keys] * np.maximum(0.0, 1 - params.topic * background), minlength=n
    )
    plain = ~derived[keys]
    seen = np.bincount(keys[plain], minlength=len(w))
    capital = np.bincount(keys[plain & index.capital], minlength=len(w))
    yield 0.05, []
    ctx = _Context(
        w=w,
        derived=derived,
        named=capital * 2 > seen,  # Mostly capitalised where no sentence starts: names.
        totals=totals,
        article=article,
        heading=np.array([f.kind == "heading" for f in feats], dtype=bool),
        n=n,
        articles=articles,
        topic_codes=topic_codes,
        topic_share=topic_share,
        params=params,
    )
    # Pairs are summed in the order their keys first appear.
    postings = Postings.of(keys, unit)
    scoring = (postings.sizes > 1) & (postings.sizes <= params.block_max_df)
    blocking = scoring & (w[postings.keys] >= params.block_min_weight)
    codes, owners = _pair_codes(postings, blocking, n)
    yield 0.15, []
    extra_codes, extra_owners = _pair_codes(postings, scoring & ~blocking, n)
    rows = max(1, n * params.slice_pairs // max(1, len(codes)), n // 30_000 + 1)
    order, bounds = _slices(codes, n, rows)
    extra_order, extra_bounds = _slices(extra_codes, n, rows)
    yield 0.35, []
    slices = len(bounds) - 1
    for s in range(slices):
        mine = order[bounds[s] : bounds[s + 1]]
        theirs = extra_order[extra_bounds[s] : extra_bounds[s + 1]]
        batch = _score_slice(
            ctx, codes[mine], owners[mine], extra_codes[theirs], extra_owners[theirs]
        )
        yield 0.35 + 0.65 * (s + 1) / slices, batch


@dataclass(frozen=True, slots=True)
class _Context:
    """Per-key and per-sentence arrays every slice of candidates is scored with."""

    w: np.ndarray
    derived: np.ndarray
    named: np.ndarray
    totals: np.ndarray
    article: np.ndarray
    heading: np.ndarray
    n: int
    articles: int
    topic_codes: np.ndarray
    topic_share: np.ndarray
    params: AlignParams


def _pair_codes(postings: Postings, chosen: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (``a * n + b``, a < b) of sentences sharing a chosen key, with the key."""
    first, second, key = postings.pairs(chosen)
    return first * n + second, key


def _slices(codes: np.ndarray, n: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Order of ``codes`` by slice of ``rows`` first sentences, and where each slice starts."""
    count = n // rows + 1
    block = (codes // n // rows).astype(np.int16)  # Small integers: a linear radix sort.
    order = np.argsort(block, kind="stable")
    bounds = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(block, minlength=count), out=bounds[1:])
    return order, bounds


def _score_slice(
    ctx: _Context,
    codes: np.ndarray,
    owners: np.ndarray,
    extra_codes: np.ndarray,
    extra_owners: np.ndarray,
) -> list[PairScore]:
    """Scores of the candidates of one slice, those above ``params.link`` as pairs."""
    params = ctx.params
    if not len(codes):
        return []
    cand, inverse = np.unique(codes, return_inverse=True)
    ia, ib = cand // ctx.n, cand % ctx.n
    arts = (ctx.article[ia], ctx.article[ib])
    partial, plain, content = _sums(ctx, inverse, owners, arts)
    if len(extra_codes):
        at = np.searchsorted(cand, extra_codes)
        at[at == len(cand)] = 0
        hit = cand[at] == extra_codes
        more = _sums(ctx, at[hit], extra_owners[hit], arts)
        partial, plain, content = partial + more[0], plain + more[1], content + more[2]
    score = partial / (1.8 * np.maximum(ctx.totals[ia] * ctx.totals[ib], 1e-9) ** 0.25)
    score = np.where(ctx.heading[ia] | ctx.heading[ib], score * params.heading_factor, score)
    score = np.where(ctx.article[ia] == ctx.article[ib], score - params.same_article_margin, score)
    # One shared word (and its contexts) is a coincidence; so is a weak overlap.
    keep = (plain >= 2) & (partial >= 0.6 * params.min_shared) & (score >= params.link)
    return [
        PairScore(a, b, sc, sh, not c)
        for a, b, sc, sh, c in zip(
            ia[keep].tolist(),
            ib[keep].tolist(),
            score[keep].tolist(),
            partial[keep].tolist(),
            (content[keep] > 0).tolist(),
            strict=True,
        )
    ]


def _sums(
    ctx: _Context,
    at: np.ndarray,
    keys: np.ndarray,
    arts: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per candidate: shared weight, shared plain keys, shared plain keys that are no name.

    A key that runs through both articles (their topic) keeps only part of its weight.
    """
    size = len(arts[0])
    plain = ~ctx.derived[keys]
    background = np.minimum(_topic(ctx, keys, arts[0][at]), _topic(ctx, keys, arts[1][at]))
    return (
        np.bincount(
            at,
            weights=ctx.w[keys] * np.maximum(0.0, 1 - ctx.params.topic * background),
            minlength=size,
        ),
        np.bincount(at, weights=plain, minlength=size),
        np.bincount(at, weights=plain & ~ctx.named[keys], minlength=size),
    )


def _topic(ctx: _Context, keys: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Share of ``article``'s sentences each key runs through (0 below ``topic_min``)."""
    return share_of(ctx.topic_codes, ctx.topic_share, keys * ctx.articles + article)


def by_sentence(
    pairs: list[PairScore],
    owner: list[int],
    units: list[SentenceFeatures],
    params: AlignParams,
) -> Generator[float, None, list[PairScore]]:
    """Pairs of sentences from pairs of sentences or clauses: the best score wins.

    Yields progress (0..1); returns the pairs.
    """
    best: dict[tuple[int, int], PairScore] = {}
    for n, p in enumerate(pairs):
        if n % PAIR_BATCH == PAIR_BATCH - 1:
            yield n / len(pairs)
        a, b = sorted((owner[p.a], owner[p.b]))
        if a == b:
            continue
        score = p.score
        if units[p.a].kind == "clause" or units[p.b].kind == "clause":
            score *= params.clause_factor
        old = best.get((a, b))
        if old is None or score > old.score:
            best[(a, b)] = PairScore(a, b, score, p.shared, p.names_only)
    return [p for p in best.values() if p.score >= params.link]
