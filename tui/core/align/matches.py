"""Possible matches: for one sentence, the likeliest sentences of each other article.

The aligner keeps pairs above the model's threshold; a reader checking its verdict (or
correcting it) also wants the near misses, with how likely each one is.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.align.model import PairModel, shipped_model
from tui.core.align.params import DEFAULT_PARAMS, AlignParams
from tui.core.align.pipeline import evidence_steps
from tui.core.models import Corpus
from tui.core.progress import drain


@dataclass(frozen=True, slots=True)
class Match:
    """A sentence of another article, and the probability that it reports the same fact."""

    article: str
    sentence: int
    probability: float
    above_threshold: bool
    """Whether the aligner counts the pair as one fact."""


def possible_matches(
    corpus: Corpus,
    article_id: str,
    sentence: int,
    *,
    per_article: int = 3,
    params: AlignParams = DEFAULT_PARAMS,
    model: PairModel | None = None,
) -> dict[str, list[Match]]:
    """Per other article of ``corpus`` (give it the sentence's story), its best candidates.

    ``KeyError`` when the article is not in the corpus, ``IndexError`` when it has no
    such sentence.
    """
    article = corpus.article(article_id)
    if not 0 <= sentence < len(article.sentences):
        raise IndexError(f"{article_id} has no sentence {sentence}")
    index: dict[tuple[str, int], int] = {}
    for a in corpus.articles:
        for s in a.sentences:
            index[(a.id, s.index)] = len(index)
    me = index[(article_id, sentence)]
    others = [(key, n) for key, n in index.items() if key[0] != article_id]
    pairs = [(min(me, n), max(me, n)) for _, n in others]
    found = drain(evidence_steps(corpus, params, pairs=pairs))
    model = model or shipped_model()
    accept = params.accept if params.accept is not None else model.threshold
    probability = model.probability(found.rows)
    by_article: dict[str, list[Match]] = {}
    for ((other, number), _), p in zip(others, probability.tolist(), strict=True):
        by_article.setdefault(other, []).append(Match(other, number, round(p, 3), p >= accept))
    return {
        a: sorted(matches, key=lambda m: -m.probability)[:per_article]
        for a, matches in by_article.items()
    }
