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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from tui.core.align.features import DERIVED, SentenceFeatures

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
class _Sentence:
    """What pair evidence needs of one sentence, computed once."""

    plain: dict[str, float]
    """Content keys (no derived keys) -> corpus inverse frequency."""
    lead: bool
    norm_idf: float
    total_idf: float


def describe(feats: list[SentenceFeatures]) -> list[_Sentence]:
    """Per sentence: its keys weighted by inverse sentence frequency, and its lead flag."""
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for key in f.keys:
            if key[:1] != DERIVED:
                df[key] += 1
    n = len(feats) + 1
    texts_seen: dict[int, int] = defaultdict(int)
    described: list[_Sentence] = []
    for f in feats:
        plain = {k: math.log(n / df[k]) for k in f.keys if k[:1] != DERIVED}
        lead = f.kind == "heading" and f.sentence == 0
        if f.kind == "text" and texts_seen[f.article] < LEAD_TEXT:
            texts_seen[f.article] += 1
            lead = True
        described.append(
            _Sentence(
                plain,
                lead,
                math.sqrt(sum(v * v for v in plain.values())),
                sum(plain.values()),
            )
        )
    return described


def candidates(
    feats: list[SentenceFeatures],
    described: list[_Sentence],
    extra: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Cross-article pairs sharing a content word found in few sentences, plus leads, plus ``extra``."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(described):
        for key in d.plain:
            postings[key].append(i)
    found: set[tuple[int, int]] = set()
    for members in postings.values():
        if 1 < len(members) <= MAX_DF:
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    if feats[a].article != feats[b].article:
                        found.add((a, b))
    leads = [i for i, d in enumerate(described) if d.lead]
    for x, a in enumerate(leads):
        for b in leads[x + 1 :]:
            if feats[a].article != feats[b].article:
                found.add((a, b))
    found.update((min(a, b), max(a, b)) for a, b in extra if feats[a].article != feats[b].article)
    return sorted(found)


def evidence(
    feats: list[SentenceFeatures],
    described: list[_Sentence],
    pairs: list[tuple[int, int]],
    *,
    engine: Mapping[tuple[int, int], float],
    verdict: Mapping[tuple[int, int], float],
    quoted: set[tuple[int, int]],
) -> np.ndarray:
    """One row of :data:`FEATURES` per pair."""
    rows = np.zeros((len(pairs), len(FEATURES)), dtype=np.float64)
    cosines = np.zeros(len(pairs))
    average = sum(len(d.plain) for d in described) / max(1, len(described))
    for row, (a, b) in enumerate(pairs):
        da, db = described[a], described[b]
        shared = da.plain.keys() & db.plain.keys()
        cosine = sum(da.plain[k] * db.plain[k] for k in shared) / max(
            1e-9, da.norm_idf * db.norm_idf
        )
        cosines[row] = cosine
        rows[row, :3] = (cosine, *_bm25(da, db, shared, average))
        rows[row, 8:] = (
            min(1.0, engine.get((a, b), 0.0)),
            min(1.0, verdict.get((a, b), 0.0)),
            float((a, b) in quoted),
            float(da.lead and db.lead),
        )
    _rank_columns(feats, pairs, cosines, rows)
    return rows


def _bm25(da: _Sentence, db: _Sentence, shared: set[str], average: float) -> tuple[float, float]:
    """BM25 of each sentence as the query against the other, as a share of its self-score.

    Unlike the cosine, a short sentence wholly contained in a long one scores high from
    its own side: a headline restated inside a lead.
    """
    scores = []
    for query, doc in ((da, db), (db, da)):
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(doc.plain) / max(1e-9, average))
        self_norm = BM25_K1 * (1 - BM25_B + BM25_B * len(query.plain) / max(1e-9, average))
        hit = sum(query.plain[k] for k in shared) / (1 + norm)
        whole = query.total_idf / (1 + self_norm)
        scores.append(hit / whole if whole > 0 else 0.0)
    return min(scores), max(scores)


def _rank_columns(
    feats: list[SentenceFeatures],
    pairs: list[tuple[int, int]],
    cosines: np.ndarray,
    rows: np.ndarray,
) -> None:
    """How the pair ranks among each sentence's candidates in the other article.

    An article reports a fact once, so the sentence that reports the same fact is
    usually the best match there, and clearly ahead of the second: rank from both
    sides, the margin over the best rival, the share of the best cosine.
    """
    ranked: dict[tuple[int, int], list[float]] = defaultdict(list)
    for row, (a, b) in enumerate(pairs):
        ranked[(a, feats[b].article)].append(-cosines[row])
        ranked[(b, feats[a].article)].append(-cosines[row])
    for scores in ranked.values():
        scores.sort()
    for row, (a, b) in enumerate(pairs):
        cosine = cosines[row]
        ranks, margins, tops = [], [], []
        for key in ((a, feats[b].article), (b, feats[a].article)):
            scores = ranked[key]
            rank = bisect_left(scores, -cosine)
            ranks.append(min(rank, MAX_RANK) / MAX_RANK)
            rival = -scores[1] if rank == 0 and len(scores) > 1 else (-scores[0] if rank else 0.0)
            margins.append(cosine - rival)
            tops.append(-scores[0])
        top = max(tops)
        rows[row, 3:8] = (
            min(ranks),
            max(ranks),
            min(margins),
            cosine / top if top > 0 else 0.0,
            float(cosine > 0 and cosine >= min(tops)),
        )
