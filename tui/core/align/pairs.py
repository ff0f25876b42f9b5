"""Candidate sentence pairs and the evidence the pair model weighs for each.

Candidates are the cross-article pairs that share a content word found in few sentences
(an inverted index, as text-reuse systems block), plus every pair of headlines and leads
and every pair the clause-aware engine scores or keeps. Each candidate gets a row of
evidence: IDF cosine and BM25 both ways, how the pair ranks among each sentence's
candidates in the other article (a fact is usually reported once per article), the
engine's score and verdict, shared quoted runs, both leads. :mod:`tui.core.align.model`
turns a row into a probability that both sentences report the same fact.

Cosines under English rarity, clause cosines, shared names, numbers and phrases, fuzzy
ratios, position and length were tried and dropped: cross-validated on news, they made
the model rank pairs worse than IDF cosine alone (``python -m bench.train_pair_model``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain

import numpy as np

from tui.core.align.features import DERIVED, SentenceFeatures
from tui.core.align.postings import Postings, posting_pairs

FEATURES = (
    "idf_cosine",
    "bm25_min",
    "bm25_max",
    "rank_best",
    "rank_worst",
    "margin",
    "best_ratio",
    "mutual_best",
    "engine",
    "engine_verdict",
    "quote_run",
    "both_leads",
)
"""The evidence for one pair, in the order of the model's weights."""
LEAD_TEXT = 2
"""Text sentences that open an article (its lead): news leads restate the headline."""
MAX_DF = 60
"""Words in more sentences than this make no candidates (they still count as evidence)."""
BM25_K1 = 1.2
BM25_B = 0.75
"""The usual BM25 constants (Robertson and Zaragoza 2009): term saturation, length norm."""
MAX_RANK = 3
"""Ranks from this on count as one (a third-best match is as unlikely as a tenth)."""


@dataclass(frozen=True, slots=True)
class Described:
    """What pair evidence needs of every sentence, computed once, as arrays.

    Evidence is summed over the keys two sentences share for tens of thousands of pairs
    per story: looked up in sorted arrays, not intersected set by set in Python.
    """

    starts: np.ndarray
    """Sentence ``i``'s content keys are ``keys[starts[i]:starts[i + 1]]``."""
    keys: np.ndarray
    """Content key ids (no derived keys), each sentence's in its own order."""
    codes: np.ndarray
    """Sorted ``sentence * len(idf) + key`` of every content key: which sentence has which."""
    idf: np.ndarray
    """Per key id: its inverse sentence frequency in the corpus."""
    article: np.ndarray
    lead: np.ndarray
    norm_idf: np.ndarray
    total_idf: np.ndarray


def describe(feats: list[SentenceFeatures]) -> Described:
    """Per sentence: its content keys weighted by inverse sentence frequency, and its lead flag."""
    ids: dict[str, int] = {}
    sentence_keys = [
        [ids.setdefault(k, len(ids)) for k in f.keys if k[:1] != DERIVED] for f in feats
    ]
    lengths = np.array([len(k) for k in sentence_keys], dtype=np.int64)
    keys = np.fromiter(chain.from_iterable(sentence_keys), np.int64, int(lengths.sum()))
    owner = np.repeat(np.arange(len(feats)), lengths)
    df = np.bincount(keys, minlength=len(ids)).tolist()
    n = len(feats) + 1
    idf = np.array([math.log(n / d) for d in df], dtype=np.float64)
    weights = idf[keys]
    texts_seen: dict[int, int] = defaultdict(int)
    lead = np.zeros(len(feats), dtype=bool)
    for i, f in enumerate(feats):
        lead[i] = f.kind == "heading" and f.sentence == 0
        if f.kind == "text" and texts_seen[f.article] < LEAD_TEXT:
            texts_seen[f.article] += 1
            lead[i] = True
    # bincount adds in input order, sentence by sentence: the sums of a loop, bit for bit.
    return Described(
        starts=np.concatenate(([0], np.cumsum(lengths))),
        keys=keys,
        codes=np.sort(owner * len(ids) + keys),
        idf=idf,
        article=np.array([f.article for f in feats], dtype=np.int64),
        lead=lead,
        norm_idf=np.sqrt(np.bincount(owner, weights=weights * weights, minlength=len(feats))),
        total_idf=np.bincount(owner, weights=weights, minlength=len(feats)),
    )


def candidates(
    described: Described, extra: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Cross-article pairs sharing a content word found in few sentences, plus leads, plus ``extra``."""
    d = described
    n = len(d.article)
    postings = Postings.of(d.keys, np.repeat(np.arange(n), np.diff(d.starts)))
    first, second, _ = postings.pairs((postings.sizes > 1) & (postings.sizes <= MAX_DF))
    leads = np.flatnonzero(d.lead)
    lead_a, lead_b, _ = posting_pairs(leads, np.array([len(leads)]))
    more = np.array(list(extra), dtype=np.int64).reshape(-1, 2)
    a = np.concatenate((first, lead_a, more.min(axis=1)))
    b = np.concatenate((second, lead_b, more.max(axis=1)))
    apart = d.article[a] != d.article[b]
    codes = np.unique(a[apart] * n + b[apart])
    return list(zip((codes // n).tolist(), (codes % n).tolist(), strict=True))


def evidence(
    described: Described,
    pairs: list[tuple[int, int]],
    *,
    engine: Mapping[tuple[int, int], float],
    verdict: Mapping[tuple[int, int], float],
    quoted: set[tuple[int, int]],
) -> np.ndarray:
    """One row of :data:`FEATURES` per pair."""
    d = described
    rows = np.zeros((len(pairs), len(FEATURES)), dtype=np.float64)
    if not pairs:
        return rows
    ab = np.array(pairs, dtype=np.int64)
    a, b = ab[:, 0], ab[:, 1]
    hit, hit_squares = _shared_sums(d, a, b)
    cosine = hit_squares / np.maximum(1e-9, d.norm_idf[a] * d.norm_idf[b])
    rows[:, 0] = cosine
    rows[:, 1], rows[:, 2] = _bm25(d, a, b, hit)
    _rank_columns(d, a, b, cosine, rows)
    rows[:, 8] = np.minimum(1.0, [engine.get(p, 0.0) for p in pairs])
    rows[:, 9] = np.minimum(1.0, [verdict.get(p, 0.0) for p in pairs])
    rows[:, 10] = [p in quoted for p in pairs]
    rows[:, 11] = d.lead[a] & d.lead[b]
    return rows


def _shared_sums(d: Described, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, the summed inverse frequency of the keys both share, and of its squares."""
    lengths = np.diff(d.starts)[a]
    row = np.repeat(np.arange(len(a)), lengths)
    within = np.arange(len(row)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    keys = d.keys[d.starts[a][row] + within]
    wanted = b[row] * len(d.idf) + keys
    at = np.minimum(np.searchsorted(d.codes, wanted), len(d.codes) - 1)
    shared = d.codes[at] == wanted
    idf = d.idf[keys[shared]]
    row = row[shared]
    return (
        np.bincount(row, weights=idf, minlength=len(a)),
        np.bincount(row, weights=idf * idf, minlength=len(a)),
    )


def _bm25(
    d: Described, a: np.ndarray, b: np.ndarray, hit: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """BM25 of each sentence as the query against the other, as a share of its self-score.

    Unlike the cosine, a short sentence wholly contained in a long one scores high from
    its own side: a headline restated inside a lead.
    """
    lengths = np.diff(d.starts)
    average = max(1e-9, int(lengths.sum()) / max(1, len(lengths)))
    norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / average)
    scores = []
    for query, doc in ((a, b), (b, a)):
        whole = d.total_idf[query] / (1 + norm[query])
        share = np.zeros(len(a))
        np.divide(hit / (1 + norm[doc]), whole, out=share, where=whole > 0)
        scores.append(share)
    return np.minimum(*scores), np.maximum(*scores)


def _rank_columns(
    d: Described, a: np.ndarray, b: np.ndarray, cosine: np.ndarray, rows: np.ndarray
) -> None:
    """How the pair ranks among each sentence's candidates in the other article.

    An article reports a fact once, so the sentence that reports the same fact is
    usually the best match there, and clearly ahead of the second: rank from both
    sides, the margin over the best rival, the share of the best cosine.
    """
    count = len(a)
    articles = int(d.article.max()) + 1
    # Each pair twice: as a candidate of its first sentence in the second's article, and back.
    group = np.concatenate((a * articles + d.article[b], b * articles + d.article[a]))
    value = np.concatenate((cosine, cosine))
    order = np.lexsort((-value, group))
    group, value = group[order], value[order]
    at = np.arange(len(group))
    new_group = np.ones(len(group), dtype=bool)
    new_group[1:] = group[1:] != group[:-1]
    new_value = new_group.copy()
    new_value[1:] |= value[1:] != value[:-1]
    first = np.maximum.accumulate(np.where(new_group, at, 0))
    rank = np.maximum.accumulate(np.where(new_value, at, 0)) - first  # Better rivals.
    top = value[first]
    size = np.bincount(first, minlength=len(group))[first]
    second = value[np.minimum(first + 1, len(group) - 1)]
    rival = np.where(rank > 0, top, np.where(size > 1, second, 0.0))
    back = np.empty(len(group), dtype=np.int64)
    back[order] = at
    ranks = (np.minimum(rank, MAX_RANK) / MAX_RANK)[back].reshape(2, count)
    margins = (value - rival)[back].reshape(2, count)
    tops = top[back].reshape(2, count)
    best = tops.max(axis=0)
    share = np.zeros(count)
    np.divide(cosine, best, out=share, where=best > 0)
    rows[:, 3] = ranks.min(axis=0)
    rows[:, 4] = ranks.max(axis=0)
    rows[:, 5] = margins.min(axis=0)
    rows[:, 6] = share
    rows[:, 7] = (cosine > 0) & (cosine >= tops.min(axis=0))
