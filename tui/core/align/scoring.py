"""Candidate pairs of sentences and their scores, without comparing all pairs.

Only sentences sharing a rare key are compared (blocking on an inverted index, as
passim blocks on rare n-grams), and the shared weight is summed in numpy; the score mixes
cosine and overlap so that a long sentence carrying several facts still matches a short
one carrying one of them. Work is cut into slices of sentences so that the caller gets
control back (for progress and cancellation) every fraction of a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tui.core.align.features import DERIVED, SentenceFeatures, topic_shares
from tui.core.align.params import AlignParams

UNIT_BATCH = 4_000
"""Sentences and clauses indexed between two yields."""
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
    key_ids = {k: i for i, k in enumerate(weights)}
    w = np.array(list(weights.values()), dtype=np.float64)
    yield 0.01, []
    postings: dict[int, list[int]] = defaultdict(list)
    plain_w = list(weights.values())
    articles = max((f.article for f in feats), default=0) + 1
    shares = topic_shares(feats, key_ids, articles, params)
    while True:
        try:
            yield 0.01 + 0.01 * next(shares), []
        except StopIteration as done:
            topic_codes, topic_share = done.value
            break
    topic = dict(zip(topic_codes.tolist(), topic_share.tolist(), strict=True))
    sums: list[float] = []
    for i, f in enumerate(feats):
        ids = [key_ids[key] for key in f.keys]
        for k in ids:
            postings[k].append(i)
        at = f.article
        sums.append(
            sum(
                plain_w[k] * max(0.0, 1 - params.topic * topic.get(k * articles + at, 0.0))
                for k in ids
            )
        )
        if i % UNIT_BATCH == UNIT_BATCH - 1:
            yield 0.04 * i / len(feats), []
    n = len(feats)
    totals = np.array(sums, dtype=np.float64)
    yield 0.05, []
    ctx = _Context(
        w=w,
        derived=np.array([k[:1] == DERIVED for k in weights], dtype=bool),
        named=(yield from _name_keys(feats, key_ids, len(weights))),
        totals=totals,
        article=np.array([f.article for f in feats]),
        heading=np.array([f.kind == "heading" for f in feats], dtype=bool),
        n=n,
        articles=articles,
        topic_codes=topic_codes,
        topic_share=topic_share,
        params=params,
    )
    scoring = [k for k, p in postings.items() if 1 < len(p) <= params.block_max_df]
    blocking = [k for k in scoring if w[k] >= params.block_min_weight]
    others = [k for k in scoring if w[k] < params.block_min_weight]
    codes, owners = yield from _pair_codes(blocking, postings, n, (0.05, 0.15), params.slice_pairs)
    extra_codes, extra_owners = yield from _pair_codes(
        others, postings, n, (0.15, 0.3), params.slice_pairs
    )
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


def _pair_codes(
    keys: list[int],
    postings: dict[int, list[int]],
    n: int,
    span: tuple[float, float],
    slice_pairs: int,
) -> Generator[tuple[float, list[PairScore]], None, tuple[np.ndarray, np.ndarray]]:
    """Every pair (``a * n + b``, a < b) of sentences sharing one of ``keys``, with the key."""
    chunks: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    size = 0
    for done, k in enumerate(keys):
        p = np.array(postings[k], dtype=np.int64)
        a, b = _upper_pairs(len(p))
        chunks.append(p[a] * n + p[b])
        owners.append(np.full(len(a), k, dtype=np.int64))
        size += len(a)
        if size >= slice_pairs:
            size = 0
            yield span[0] + (span[1] - span[0]) * done / len(keys), []
    if not chunks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(chunks), np.concatenate(owners)


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


def _name_keys(
    feats: list[SentenceFeatures], key_ids: dict[str, int], size: int
) -> Generator[tuple[float, list[PairScore]], None, np.ndarray]:
    """Keys mostly written with a capital where no sentence starts: names and titles."""
    capital = np.zeros(size)
    seen = np.zeros(size)
    for n, f in enumerate(feats):
        if n % UNIT_BATCH == UNIT_BATCH - 1:
            yield 0.05, []
        first = f.tokens[0].start if f.tokens else -1
        for key, token in f.keys.items():
            if key[:1] != DERIVED:
                i = key_ids[key]
                seen[i] += 1
                capital[i] += token.capital and token.start != first
    return np.asarray(capital * 2 > seen)


def _topic(ctx: _Context, keys: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Share of ``article``'s sentences each key runs through (0 below ``TOPIC_MIN``)."""
    if not len(ctx.topic_codes) or not len(keys):
        return np.zeros(len(keys))
    codes = keys * ctx.articles + article
    at = np.searchsorted(ctx.topic_codes, codes)
    at[at == len(ctx.topic_codes)] = 0
    return np.where(ctx.topic_codes[at] == codes, ctx.topic_share[at], 0.0)


@lru_cache(maxsize=512)
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of a posting list of that size; sizes repeat a lot."""
    a, b = np.triu_indices(size, 1)
    return a, b


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
