"""Candidate sentence pairs and the evidence the pair model weighs for each.

Candidates are the cross-article pairs that share a content word found in few sentences
(an inverted index, as text-reuse systems block), plus every pair of headlines and leads
and every pair the clause-aware engine scores or keeps. Each candidate gets a row of evidence:
cosines under corpus and English rarity, the engine's score, how close the pair comes to
each sentence's best match in the other article, shared names, numbers, phrases and
quoted runs, lead and position, length. :mod:`tui.core.align.model` turns a row into a
probability that both sentences report the same fact.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from tui.core.align.features import DERIVED, PAIR, QTY, SentenceFeatures
from tui.core.text.normalize import Token, rarity

FEATURES = (
    "idf_cosine",
    "clause_cosine",
    "focus_cosine",
    "shared_idf",
    "mutual_best",
    "name_jaccard",
    "rare_cosine",
    "idf_overlap",
    "engine",
    "engine_verdict",
    "best_ratio",
    "shared_words",
    "shared_names",
    "shared_numbers",
    "shared_quantities",
    "shared_phrases",
    "quote_run",
    "both_leads",
    "heading",
    "position_gap",
    "length_ratio",
    "fuzz",
)
"""The evidence for one pair, in the order of the model's weights."""
LEAD_TEXT = 2
"""Text sentences that open an article (its lead): news leads restate the headline."""
MAX_DF = 60
"""Words in more sentences than this make no candidates (they still count as evidence)."""


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What pair evidence needs of one sentence, computed once."""

    plain: dict[str, float]
    """Content keys (no derived keys) -> corpus inverse frequency."""
    rare: dict[str, float]
    """Content keys -> English rarity."""
    names: frozenset[str]
    numbers: frozenset[str]
    quantities: frozenset[str]
    phrases: frozenset[str]
    folded: str
    lead: bool
    heading: bool
    position: float
    """Place in the article, 0 (top) to 1 (end)."""
    norm_idf: float
    norm_rare: float
    share: dict[str, float] | None = None
    """Content keys -> share of this article's sentences holding them (its topic words)."""
    pieces: tuple[tuple[frozenset[str], float], ...] = ()
    """The whole sentence's content keys and, for a long one, each clause's (one sentence,
    several facts), each with its IDF norm."""


def describe(
    feats: list[SentenceFeatures], clauses: Mapping[int, list[SentenceFeatures]] | None = None
) -> list[_Sentence]:
    """Per sentence: its weighted keys, names, numbers, clauses, lead flag and position."""
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for key in f.keys:
            if key[:1] != DERIVED:
                df[key] += 1
    n = len(feats) + 1
    lengths: dict[int, int] = defaultdict(int)
    for f in feats:
        lengths[f.article] += 1
    texts_seen: dict[int, int] = defaultdict(int)
    in_article: dict[tuple[int, str], int] = defaultdict(int)
    for f in feats:
        for key in f.keys:
            if key[:1] != DERIVED:
                in_article[(f.article, key)] += 1
    described: list[_Sentence] = []
    for f in feats:
        first = f.tokens[0].start if f.tokens else -1
        plain: dict[str, float] = {}
        rare: dict[str, float] = {}
        names, numbers, quantities, phrases = set(), set(), set(), set()
        for key, token in f.keys.items():
            if key.startswith(QTY):
                quantities.add(key)
                continue
            if key.startswith(PAIR):
                phrases.add(key)
                continue
            plain[key] = math.log(n / df[key])
            rare[key] = _rarity(token)
            if token.kind == "number":
                value = token.value or 0.0
                if value > 10 and not 1900 <= value <= 2100:
                    numbers.add(key)
            elif token.capital and token.start != first:
                names.add(key)
        lead = f.kind == "heading" and f.sentence == 0
        if f.kind == "text" and texts_seen[f.article] < LEAD_TEXT:
            texts_seen[f.article] += 1
            lead = True
        described.append(
            _Sentence(
                plain,
                rare,
                frozenset(names),
                frozenset(numbers),
                frozenset(quantities),
                frozenset(phrases),
                " ".join(t.norm for t in f.tokens),
                lead,
                f.kind == "heading",
                f.sentence / max(1, lengths[f.article] - 1),
                math.sqrt(sum(v * v for v in plain.values())),
                math.sqrt(sum(v * v for v in rare.values())),
                {k: in_article[(f.article, k)] / (lengths[f.article] + 2) for k in plain},
                _pieces(plain, (clauses or {}).get(len(described), [])),
            )
        )
    return described


def _pieces(
    plain: dict[str, float], clauses: list[SentenceFeatures]
) -> tuple[tuple[frozenset[str], float], ...]:
    whole = frozenset(plain)
    found = [(whole, math.sqrt(sum(v * v for v in plain.values())))]
    for clause in clauses:
        keys = frozenset(k for k in clause.keys if k in plain)
        if keys and keys != whole:
            found.append((keys, math.sqrt(sum(plain[k] ** 2 for k in keys))))
    return tuple(found)


def _rarity(token: Token) -> float:
    if token.kind == "number":
        value = token.value or 0.0
        return 1.0 if value <= 10 else (1.5 if 1900 <= value <= 2100 else 2.5)
    return rarity(token.norm)


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
    for row, (a, b) in enumerate(pairs):
        da, db = described[a], described[b]
        shared = da.plain.keys() & db.plain.keys()
        dot = sum(da.plain[k] * db.plain[k] for k in shared)
        cosine = dot / max(1e-9, da.norm_idf * db.norm_idf)
        cosines[row] = cosine
        rare_dot = sum(da.rare[k] * db.rare[k] for k in shared)
        small = min(sum(da.plain.values()), sum(db.plain.values()))
        shared_idf = sum(da.plain[k] for k in shared)
        length_a, length_b = len(da.plain), len(db.plain)
        clause = _best_piece_cosine(da, db)
        names_union = len(da.names | db.names)
        rows[row] = (
            cosine,
            max(clause, cosine),
            _focus_cosine(da, db, shared),
            math.log1p(shared_idf),
            0.0,
            len(da.names & db.names) / names_union if names_union else 0.0,
            rare_dot / max(1e-9, da.norm_rare * db.norm_rare),
            shared_idf / max(1e-9, small),
            min(1.0, engine.get((a, b), 0.0)),
            min(1.0, verdict.get((a, b), 0.0)),
            0.0,
            min(len(shared), 8) / 8,
            min(len(da.names & db.names), 3) / 3,
            min(len(da.numbers & db.numbers), 2) / 2,
            min(len(da.quantities & db.quantities), 2) / 2,
            min(len(da.phrases & db.phrases), 3) / 3,
            float((a, b) in quoted),
            float(da.lead and db.lead),
            float(da.heading or db.heading),
            abs(da.position - db.position),
            min(length_a, length_b) / max(1, length_a, length_b),
            fuzz.token_set_ratio(da.folded, db.folded) / 100.0,
        )
    # How close the pair comes to each sentence's best match in the other article: the
    # sentence reporting the same fact is usually the best one there.
    best: dict[tuple[int, int], float] = defaultdict(float)
    for row, (a, b) in enumerate(pairs):
        best[(a, feats[b].article)] = max(best[(a, feats[b].article)], cosines[row])
        best[(b, feats[a].article)] = max(best[(b, feats[a].article)], cosines[row])
    column = FEATURES.index("best_ratio")
    mutual = FEATURES.index("mutual_best")
    for row, (a, b) in enumerate(pairs):
        top_a, top_b = best[(a, feats[b].article)], best[(b, feats[a].article)]
        top = max(top_a, top_b)
        rows[row, column] = cosines[row] / top if top > 0 else 0.0
        rows[row, mutual] = float(cosines[row] > 0 and cosines[row] >= min(top_a, top_b))
    return rows


def _focus_cosine(da: _Sentence, db: _Sentence, shared: set[str]) -> float:
    """IDF cosine where each article's topic words (in many of its sentences) weigh less.

    Two reports of one resignation both say "Farenthold" in every other sentence: that
    word tells which story, not which fact. Only shared words can be discounted, so the
    norms are corrected over the shared words alone.
    """
    sa, sb = da.share or {}, db.share or {}
    dot = 0.0
    na2, nb2 = da.norm_idf**2, db.norm_idf**2
    for key in shared:
        factor = max(0.0, 1.0 - 2.0 * min(sa.get(key, 0.0), sb.get(key, 0.0)))
        wa, wb = da.plain[key], db.plain[key]
        dot += wa * wb * factor * factor
        na2 -= wa * wa * (1.0 - factor * factor)
        nb2 -= wb * wb * (1.0 - factor * factor)
    return dot / max(1e-9, math.sqrt(max(0.0, na2) * max(0.0, nb2)))


def _best_piece_cosine(da: _Sentence, db: _Sentence) -> float:
    """The best IDF cosine between any clause (or the whole) of one and of the other."""
    best = 0.0
    for keys_a, norm_a in da.pieces:
        for keys_b, norm_b in db.pieces:
            shared = keys_a & keys_b
            if shared:
                dot = sum(da.plain[k] * db.plain[k] for k in shared)
                best = max(best, dot / max(1e-9, norm_a * norm_b))
    return best
