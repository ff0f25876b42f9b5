"""Stories before facts: which articles of a folder report the same event.

A downloads folder, a topic folder or an archive holds several stories; aligning
sentences across two of them only produces false facts ("Tuesday" of one arrest vs
"Wednesday" of another). Each article becomes a TF-IDF vector of its content words, with
names and counted numbers weighted up (they tell one event from a similar one); articles
are grouped by average-linkage clustering on cosine similarity, and two articles dated
far apart are kept apart. Every article belongs to exactly one story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from tui.core.models import Article, Corpus, Story
from tui.core.text.normalize import content_tokens, rarity, tokenize


@dataclass(frozen=True, slots=True)
class StoryParams:
    """Knobs of story clustering (defaults measured on BASIL's 100 events, see README)."""

    join: float = 0.14
    """Average cosine similarity from which two clusters of articles are one story."""
    name_weight: float = 2.0
    """A capitalised word inside a sentence (a name) counts this much more."""
    number_weight: float = 1.5
    """A number other than a small count or a year counts this much more."""
    lead_weight: float = 2.0
    """Words of the title and the first sentences count this much more."""
    lead_sentences: int = 3
    """Sentences after the title that make the lead."""
    max_days: int = 3
    """Articles dated further apart than this are never one story."""
    label_words: int = 4
    """Words in a story's label."""


DEFAULT_STORY_PARAMS = StoryParams()


def find_stories(corpus: Corpus, params: StoryParams = DEFAULT_STORY_PARAMS) -> tuple[Story, ...]:
    """The stories of a corpus, in the order of their first article."""
    articles = corpus.articles
    if not articles:
        return ()
    surfaces: dict[str, Counter[str]] = {}
    bags = [_bag(article, params, surfaces) for article in articles]
    vectors, vocabulary = _tfidf(bags)
    similarity = vectors @ vectors.T
    dates = [_date(article.date) for article in articles]
    apart = np.array([[_too_far(a, b, params.max_days) for b in dates] for a in dates], dtype=bool)
    similarity[apart] = -1.0
    clusters = _average_linkage(similarity, params.join)
    clusters.sort(key=min)
    stories = []
    for number, members in enumerate(clusters):
        label = _label(vectors[members].sum(axis=0), vocabulary, surfaces, params.label_words)
        ids = tuple(articles[i].id for i in sorted(members))
        stories.append(Story(number, label, ids))
    return tuple(stories)


def _bag(
    article: Article, params: StoryParams, surfaces: dict[str, Counter[str]]
) -> tuple[dict[str, float], dict[str, float]]:
    """Weighted counts of the article's content keys (title and lead count more)."""
    bag: dict[str, float] = {}
    rarities: dict[str, float] = {}
    lead_end = None
    text_seen = 0
    for sentence in article.sentences:
        if sentence.kind == "text":
            text_seen += 1
            if text_seen == params.lead_sentences + 1:
                lead_end = sentence.start
                break
    for text, weight in ((article.title, params.lead_weight), (article.text, 1.0)):
        lead = params.lead_weight if text is article.text else 1.0
        for token in content_tokens(tokenize(text)):
            factor: float = weight
            if text is article.text and (lead_end is None or token.start < lead_end):
                factor *= lead
            if token.kind == "number":
                value = token.value or 0.0
                if value <= 10 or 1900 <= value <= 2100:
                    continue
                factor *= params.number_weight
            elif token.capital and not _opens(text, token.start):
                factor *= params.name_weight
            bag[token.key] = bag.get(token.key, 0.0) + factor
            surfaces.setdefault(token.key, Counter())[text[token.start : token.end]] += 1
            if token.key not in rarities:
                rarities[token.key] = 2.5 if token.kind == "number" else rarity(token.norm)
    return bag, rarities


def _opens(text: str, start: int) -> bool:
    """The word opens a sentence (its capital says nothing)."""
    before = text[max(0, start - 3) : start].strip()
    return not before or before[-1] in ".!?\"“'"


def _tfidf(
    bags: Sequence[tuple[dict[str, float], dict[str, float]]],
) -> tuple[np.ndarray, list[str]]:
    """Unit-length vectors: log-scaled counts times corpus and English rarity."""
    vocabulary: dict[str, int] = {}
    rarities: dict[str, float] = {}
    for _, rare in bags:
        rarities.update(rare)
    df: Counter[str] = Counter()
    for bag, _ in bags:
        df.update(bag.keys())
        for key in bag:
            vocabulary.setdefault(key, len(vocabulary))
    n = len(bags)
    vectors = np.zeros((n, len(vocabulary)), dtype=np.float64)
    for row, (bag, _) in enumerate(bags):
        for key, count in bag.items():
            # English rarity as well as corpus rarity: in a folder of five reports of one
            # event, the words all five share ("Kursk") are what makes them one story.
            idf = (math.log((1 + n) / (1 + df[key])) + 1.0) * rarities[key]
            vectors[row, vocabulary[key]] = (1.0 + math.log(count)) * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors /= np.maximum(norms, 1e-12)
    return vectors, list(vocabulary)


def _average_linkage(similarity: np.ndarray, join: float) -> list[list[int]]:
    """Merge the two most similar clusters while their average similarity reaches ``join``."""
    n = len(similarity)
    clusters: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums = similarity.copy()
    np.fill_diagonal(sums, -np.inf)
    blocked = similarity < 0
    sizes = np.ones(n)
    active = np.ones(n, dtype=bool)
    while len(clusters) > 1:
        average = sums / np.outer(sizes, sizes)
        average[~active, :] = -np.inf
        average[:, ~active] = -np.inf
        average[blocked] = -np.inf
        flat = int(np.argmax(average))
        a, b = divmod(flat, n)
        if average[a, b] < join:
            break
        a, b = min(a, b), max(a, b)
        clusters[a].extend(clusters.pop(b))
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sums[a, a] = -np.inf
        blocked[a, :] |= blocked[b, :]
        blocked[:, a] |= blocked[:, b]
        sizes[a] += sizes[b]
        active[b] = False
    return list(clusters.values())


def _label(
    weights: np.ndarray, vocabulary: list[str], surfaces: dict[str, Counter[str]], words: int
) -> str:
    """The story's heaviest words, as the articles most often write them."""
    top = np.argsort(-weights)[:words]
    shown = [surfaces[vocabulary[i]].most_common(1)[0][0] for i in top if weights[i] > 0]
    return " · ".join(shown)


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _too_far(a: date | None, b: date | None, days: int) -> bool:
    return a is not None and b is not None and abs((a - b).days) > days
