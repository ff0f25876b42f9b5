"""The hand-set engine's own verdict on a pair, kept as evidence for the pair model.

Before the pair model, these rules decided: pairs from articles that share little are
discounted (affinity), pairs far below a sentence's best match in the other article are
dropped (near-best), sentences quoting the same words and the leads of related articles
are raised to a strong pair. Their result is one column of the model's evidence: tuned
on the seeds and two BASIL events, it is strong there and weaker elsewhere, which the
model weighs against the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator

from tui.core.align.features import DERIVED, SentenceFeatures
from tui.core.align.params import AlignParams
from tui.core.align.scoring import PAIR_BATCH, PairScore


def engine_verdict(
    feats: list[SentenceFeatures],
    weights: dict[str, float],
    pairs: list[PairScore],
    quoted: set[tuple[int, int]],
    params: AlignParams,
) -> Generator[float, None, list[PairScore]]:
    """The pairs the engine keeps, with its final scores; yields progress."""
    pairs = with_article_affinity(feats, pairs, params)
    pairs = yield from near_best(feats, pairs, params)
    pairs = with_quotes(pairs, quoted, params)
    return with_leads(feats, weights, pairs, params)


def with_article_affinity(
    feats: list[SentenceFeatures], pairs: list[PairScore], params: AlignParams
) -> list[PairScore]:
    """Discount pairs from articles that share little compared with their best partners.

    Reports of one event match on many sentences; a few strong pairs between two
    articles whose real partners share far more are usually coincidences of wording
    (the same senator's title, the same boilerplate), so they need more.
    """
    if len({f.article for f in feats}) <= params.small_corpus:
        return [p for p in pairs if not p.names_only]
    strong: dict[tuple[int, int], int] = defaultdict(int)
    best: dict[int, int] = defaultdict(int)
    for p in pairs:
        if p.score >= params.engine_accept:
            strong[(feats[p.a].article, feats[p.b].article)] += 1
    for (x, y), support in strong.items():
        best[x] = max(best[x], support)
        best[y] = max(best[y], support)
    kept = []
    for p in pairs:
        x, y = feats[p.a].article, feats[p.b].article
        support = strong[(x, y)]
        related = support / max(1, min(best[x], best[y]))
        closeness = max(
            min(1.0, support / params.affinity), min(1.0, related / params.affinity_share)
        )
        if p.names_only and closeness < 1.0:
            continue  # "Senate Minority Leader Chuck Schumer" in two unrelated stories.
        if closeness >= 1.0:
            kept.append(p)
        else:
            factor = params.affinity_floor + (1 - params.affinity_floor) * closeness
            kept.append(PairScore(p.a, p.b, p.score * factor, p.shared, p.names_only))
    return kept


def with_quotes(
    pairs: list[PairScore], quoted: set[tuple[int, int]], params: AlignParams
) -> list[PairScore]:
    """Raise pairs of sentences quoting the same words to a strong pair (add missing ones)."""
    if not quoted:
        return pairs
    missing = set(quoted)
    kept = []
    for p in pairs:
        if (p.a, p.b) in quoted:
            missing.discard((p.a, p.b))
            kept.append(
                PairScore(
                    p.a, p.b, max(p.score, params.quote_score), max(p.shared, params.min_shared)
                )
            )
        else:
            kept.append(p)
    kept.extend(PairScore(a, b, params.quote_score, params.min_shared) for a, b in sorted(missing))
    return kept


def near_best(
    feats: list[SentenceFeatures], pairs: list[PairScore], params: AlignParams
) -> Generator[float, None, list[PairScore]]:
    """Pairs close to the best match of both sentences in the other's article.

    Sentences of one story share its topic words with many sentences of another report;
    the one reporting the same fact is usually the best match there, so a pair far below
    either sentence's best partner in that article is a topic-level coincidence.
    Yields progress (0..1); returns the pairs kept.
    """
    best: dict[tuple[int, int], float] = defaultdict(float)
    for n, p in enumerate(pairs):
        if n % PAIR_BATCH == PAIR_BATCH - 1:
            yield 0.5 * n / len(pairs)
        ka, kb = (p.a, feats[p.b].article), (p.b, feats[p.a].article)
        best[ka] = max(best[ka], p.score)
        best[kb] = max(best[kb], p.score)
    kept = []
    for n, p in enumerate(pairs):
        if n % PAIR_BATCH == PAIR_BATCH - 1:
            yield 0.5 + 0.5 * n / len(pairs)
        article_a, article_b = feats[p.a].article, feats[p.b].article
        if max(best[(p.a, article_b)], best[(p.b, article_a)]) * params.near_best <= p.score:
            kept.append(p)
    return kept


def with_leads(
    feats: list[SentenceFeatures],
    weights: dict[str, float],
    pairs: list[PairScore],
    params: AlignParams,
) -> list[PairScore]:
    """Pair the headlines and leads of related articles on their topic words too.

    A headline and a lead state the story's core fact in the very words that run through
    both reports ("Farenthold resigns"), which topic discounting weighs at nothing; so
    between the openings of two related articles, ``params.lead_keys`` shared content words
    weighing ``params.lead_shared`` undiscounted make a strong pair.
    """
    leads: dict[int, list[int]] = defaultdict(list)
    texts: dict[int, int] = defaultdict(int)
    for n, f in enumerate(feats):
        if f.kind == "heading" and not leads[f.article]:
            leads[f.article].append(n)
        elif f.kind == "text" and texts[f.article] < params.lead_text:
            texts[f.article] += 1
            leads[f.article].append(n)
    related = _related_articles(feats, pairs, params)
    scores = {(p.a, p.b): p for p in pairs}
    for x, y in related:
        for one in leads[x]:
            for other in leads[y]:
                a, b = min(one, other), max(one, other)
                shared = [
                    k
                    for k in feats[a].keys.keys() & feats[b].keys.keys()
                    if k[:1] != DERIVED and weights[k] >= params.block_min_weight
                ]
                weight = sum(weights[k] for k in shared)
                old = scores.get((a, b))
                if (
                    len(shared) >= params.lead_keys
                    and weight >= params.lead_shared
                    and (old is None or old.score < params.lead_score)
                ):
                    scores[(a, b)] = PairScore(
                        a, b, params.lead_score, max(weight, params.min_shared)
                    )
    return list(scores.values())


def _related_articles(
    feats: list[SentenceFeatures], pairs: list[PairScore], params: AlignParams
) -> set[tuple[int, int]]:
    """Pairs of articles reporting one story: all of a small corpus, else strongly linked."""
    articles = sorted({f.article for f in feats})
    if len(articles) <= params.small_corpus:
        return {(x, y) for i, x in enumerate(articles) for y in articles[i + 1 :]}
    strong: dict[tuple[int, int], int] = defaultdict(int)
    best: dict[int, int] = defaultdict(int)
    for p in pairs:
        x, y = feats[p.a].article, feats[p.b].article
        if p.score >= params.engine_accept and x != y:
            strong[(min(x, y), max(x, y))] += 1
    for (x, y), support in strong.items():
        best[x] = max(best[x], support)
        best[y] = max(best[y], support)
    return {
        (x, y)
        for (x, y), support in strong.items()
        if support >= params.affinity or support >= params.affinity_share * min(best[x], best[y])
    }
