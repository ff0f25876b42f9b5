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

from tui.core.features import DERIVED, SentenceFeatures

ACCEPT = 0.15
"""Pair score from which two sentences of different articles report the same fact."""
LINK = 0.12
"""Weaker score that lets a sentence join a group it is linked to almost entirely."""
MIN_SHARED = 1.0
"""Least shared evidence (summed key weights): two common words never make a fact."""
SAME_ARTICLE_MARGIN = 0.15
"""A fact repeated inside one article needs a stronger match to join its group."""
HEADING_FACTOR = 0.85
"""Headings are short and generic: they align, but with a discount."""
CLAUSE_FACTOR = 0.9
"""A clause match counts a little less than a whole-sentence match."""
SMALL_CORPUS = 3
"""Up to this many articles, all are taken to report one story (no affinity discount)."""
AFFINITY = 12
"""Strong pairs two articles need before each of their pairs counts in full."""
AFFINITY_SHARE = 0.3
"""Share of an article's best partner's support at which another partner counts fully."""
AFFINITY_FLOOR = 0.5
"""Score factor of a pair whose two articles share no other strong pair."""
BLOCK_MIN_WEIGHT = 0.1
"""Keys lighter than this (common words) do not generate candidates (they still score)."""
BLOCK_MAX_DF = 120
"""Keys in more sentences than this do not generate candidates (they still score)."""
SLICE_PAIRS = 400_000
"""Candidate pair occurrences summed between two yields (about a tenth of a second)."""


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
    feats: list[SentenceFeatures], weights: dict[str, float]
) -> Generator[tuple[float, list[PairScore]], None, None]:
    """Score the pairs sharing a blocking key; yields (progress, pairs above ``LINK``).

    Everything is summed in numpy: rare (blocking) keys make the candidates, the other
    keys found in at most ``BLOCK_MAX_DF`` sentences add their weight to candidates
    they share; keys in more sentences than that are everywhere and count for nothing.
    """
    key_ids = {k: i for i, k in enumerate(weights)}
    w = np.array(list(weights.values()), dtype=np.float64)
    postings: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in f.keys:
            postings[key_ids[key]].append(i)
    totals = np.zeros(len(feats))
    for k, posting in postings.items():
        totals[posting] += w[k]
    derived = np.array([k[:1] == DERIVED for k in weights], dtype=bool)
    named = _name_keys(feats, key_ids, len(weights))
    n = len(feats)
    scoring = [k for k, p in postings.items() if 1 < len(p) <= BLOCK_MAX_DF]
    blocking = [k for k in scoring if w[k] >= BLOCK_MIN_WEIGHT]
    cand, partial, plain, content = _sum_over(
        blocking, postings, w=w, derived=derived, named=named, n=n
    )
    yield 0.3, []
    if len(cand):
        others = [k for k in scoring if w[k] < BLOCK_MIN_WEIGHT]
        extra = _sum_over(others, postings, w=w, derived=derived, named=named, n=n)
        if len(extra[0]):
            at = np.searchsorted(cand, extra[0])
            at[at == len(cand)] = 0
            hit = cand[at] == extra[0]
            partial = partial + np.bincount(at[hit], weights=extra[1][hit], minlength=len(cand))
            plain = plain + np.bincount(at[hit], weights=extra[2][hit], minlength=len(cand))
            content = content + np.bincount(at[hit], weights=extra[3][hit], minlength=len(cand))
    yield 0.6, []
    ia, ib = cand // n, cand % n
    score = partial / (1.8 * np.maximum(totals[ia] * totals[ib], 1e-9) ** 0.25)
    art = np.array([f.article for f in feats])
    heading = np.array([f.kind == "heading" for f in feats], dtype=bool)
    score = np.where(heading[ia] | heading[ib], score * HEADING_FACTOR, score)
    score = np.where(art[ia] == art[ib], score - SAME_ARTICLE_MARGIN, score)
    # One shared word (and its contexts) is a coincidence; so is a weak overlap.
    keep = (plain >= 2) & (partial >= 0.6 * MIN_SHARED) & (score >= LINK)
    batch = [
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
    yield 1.0, batch


def _sum_over(
    keys: list[int],
    postings: dict[int, list[int]],
    *,
    w: np.ndarray,
    derived: np.ndarray,
    named: np.ndarray,
    n: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For every pair of sentences sharing some of ``keys``: shared weight and counts."""
    chunks: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    for k in keys:
        p = np.array(postings[k], dtype=np.int64)
        a, b = _upper_pairs(len(p))
        chunks.append(p[a] * n + p[b])
        owners.append(np.full(len(a), k, dtype=np.int64))
    if not chunks:
        empty = np.zeros(0)
        return np.zeros(0, dtype=np.int64), empty, empty, empty
    pairs, inverse = np.unique(np.concatenate(chunks), return_inverse=True)
    key = np.concatenate(owners)
    del chunks, owners
    plain = ~derived[key]
    shared = np.bincount(inverse, weights=w[key], minlength=len(pairs))
    plains = np.bincount(inverse, weights=plain, minlength=len(pairs))
    contents = np.bincount(inverse, weights=plain & ~named[key], minlength=len(pairs))
    return pairs, shared, plains, contents


def _name_keys(feats: list[SentenceFeatures], key_ids: dict[str, int], size: int) -> np.ndarray:
    """Keys mostly written with a capital where no sentence starts: names and titles."""
    capital = np.zeros(size)
    seen = np.zeros(size)
    for f in feats:
        first = f.tokens[0].start if f.tokens else -1
        for key, token in f.keys.items():
            if key[:1] != DERIVED:
                i = key_ids[key]
                seen[i] += 1
                capital[i] += token.capital and token.start != first
    return np.asarray(capital * 2 > seen)


@lru_cache(maxsize=512)
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of a posting list of that size; sizes repeat a lot."""
    a, b = np.triu_indices(size, 1)
    return a, b


def by_sentence(
    pairs: list[PairScore], owner: list[int], units: list[SentenceFeatures]
) -> list[PairScore]:
    """Pairs of sentences from pairs of sentences or clauses: the best score wins."""
    best: dict[tuple[int, int], PairScore] = {}
    for p in pairs:
        a, b = sorted((owner[p.a], owner[p.b]))
        if a == b:
            continue
        score = p.score
        if units[p.a].kind == "clause" or units[p.b].kind == "clause":
            score *= CLAUSE_FACTOR
        old = best.get((a, b))
        if old is None or score > old.score:
            best[(a, b)] = PairScore(a, b, score, p.shared, p.names_only)
    return [p for p in best.values() if p.score >= LINK]


def with_article_affinity(feats: list[SentenceFeatures], pairs: list[PairScore]) -> list[PairScore]:
    """Discount pairs from articles that share little compared with their best partners.

    Reports of one event match on many sentences; a few strong pairs between two
    articles whose real partners share far more are usually coincidences of wording
    (the same senator's title, the same boilerplate), so they need more.
    """
    if len({f.article for f in feats}) <= SMALL_CORPUS:
        return [p for p in pairs if not p.names_only]
    strong: dict[tuple[int, int], int] = defaultdict(int)
    best: dict[int, int] = defaultdict(int)
    for p in pairs:
        if p.score >= ACCEPT:
            strong[(feats[p.a].article, feats[p.b].article)] += 1
    for (x, y), support in strong.items():
        best[x] = max(best[x], support)
        best[y] = max(best[y], support)
    kept = []
    for p in pairs:
        x, y = feats[p.a].article, feats[p.b].article
        support = strong[(x, y)]
        related = support / max(1, min(best[x], best[y]))
        closeness = max(min(1.0, support / AFFINITY), min(1.0, related / AFFINITY_SHARE))
        if p.names_only and closeness < 1.0:
            continue  # "Senate Minority Leader Chuck Schumer" in two unrelated stories.
        if closeness >= 1.0:
            kept.append(p)
        else:
            factor = AFFINITY_FLOOR + (1 - AFFINITY_FLOOR) * closeness
            kept.append(PairScore(p.a, p.b, p.score * factor, p.shared, p.names_only))
    return kept


def pair_score(shared: float, total_a: float, total_b: float) -> float:
    """Shared evidence, only gently normalised by length (roughly 0..1).

    Full cosine punishes the long sentences that carry several facts; raw shared weight
    favours them. The fourth root of the product sits in between (tuned on the gold set).
    """
    if shared <= 0 or total_a <= 0 or total_b <= 0:
        return 0.0
    return float(shared / (1.8 * (total_a * total_b) ** 0.25))
