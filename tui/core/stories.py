"""Stories before facts: which articles of a folder report the same event.

A downloads folder, a topic folder or an archive holds several stories; aligning
sentences across two of them only produces false facts ("Tuesday" of one arrest vs
"Wednesday" of another). Each article becomes a TF-IDF vector of its content words, with
names and counted numbers weighted up (they tell one event from a similar one); articles
are grouped by average-linkage clustering on cosine similarity, and two articles dated
far apart are kept apart. Every article belongs to exactly one story.
"""

from __future__ import annotations

import heapq
import itertools
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from tui.core.models import Article, Corpus, Story
from tui.core.progress import SENTENCE_BATCH, drain
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
    title_from: float = 0.3
    """Cosine of two titles' rare words above which the titles say one event ("Donald
    Trump Sworn In As 45th President" / "Donald Trump Is Sworn In as President")."""
    title_weight: float = 0.5
    """What each unit of title cosine above ``title_from`` adds to two articles' similarity:
    a short report and a long one of one event share few body words but their headline."""
    label_words: int = 4
    """Words in a story's label."""


DEFAULT_STORY_PARAMS = StoryParams()
COMMON_FROM = 100
"""Words in more articles than this (and than a tenth of them) make no candidate pairs."""


NUMBER_RARITY = 2.5
"""How rare a number counts, as a word's rarity in English does: few words say more."""
BAGS_SHARE = 0.85
"""Part of the work (and of the progress reported) spent reading the articles' words."""


def find_stories(corpus: Corpus, params: StoryParams = DEFAULT_STORY_PARAMS) -> tuple[Story, ...]:
    """The stories of a corpus, in the order of their first article."""
    return drain(story_steps(corpus, params))


def story_steps(
    corpus: Corpus, params: StoryParams = DEFAULT_STORY_PARAMS
) -> Generator[float, None, tuple[Story, ...]]:
    """:func:`find_stories`, yielding progress (0..1) as it reads the articles."""
    articles = corpus.articles
    if not articles:
        return ()
    surfaces: dict[str, dict[str, int]] = {}
    bags = []
    size = sum(len(a.sentences) for a in articles) or 1
    done = batch = 0
    for article in articles:
        bags.append(_bag(article, params, surfaces))
        done += len(article.sentences)
        batch += len(article.sentences)
        if batch >= SENTENCE_BATCH:
            batch = 0
            yield BAGS_SHARE * done / size
    vectors = _tfidf(bags)
    dates = [_date(article.date) for article in articles]
    similarity = _similarities(vectors, dates, params.max_days)
    _add_titles(similarity, [_title_vector(a.title) for a in articles], params)
    clusters = _average_linkage(similarity, dates, params)
    clusters.sort(key=min)
    stories = []
    for number, members in enumerate(clusters):
        total: dict[str, float] = {}
        for i in members:
            for key, weight in vectors[i].items():
                total[key] = total.get(key, 0.0) + weight
        label = _label(total, surfaces, params.label_words)
        ids = tuple(articles[i].id for i in sorted(members))
        stories.append(Story(number, label, ids))
    return tuple(stories)


def _bag(
    article: Article, params: StoryParams, surfaces: dict[str, dict[str, int]]
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
        body = text is article.text
        # Unpacked: a hundred thousand tokens on 300 articles, and fields by name cost more.
        for start, end, norm, key, kind, value, _, capital in content_tokens(tokenize(text)):
            factor: float = weight
            if body and (lead_end is None or start < lead_end):
                factor *= params.lead_weight
            if kind == "number":
                number = value or 0.0
                if number <= 10 or 1900 <= number <= 2100:
                    continue
                factor *= params.number_weight
            elif capital and not _opens(text, start):
                factor *= params.name_weight
            bag[key] = bag.get(key, 0.0) + factor
            surface = text[start:end]
            spellings = surfaces.get(key)
            if spellings is None:
                surfaces[key] = {surface: 1}
            else:
                spellings[surface] = spellings.get(surface, 0) + 1
            if key not in rarities:
                rarities[key] = NUMBER_RARITY if kind == "number" else rarity(norm)
    return bag, rarities


def _opens(text: str, start: int) -> bool:
    """The word opens a sentence (its capital says nothing)."""
    before = text[max(0, start - 3) : start].strip()
    return not before or before[-1] in ".!?\"“'"


def _tfidf(bags: Sequence[tuple[dict[str, float], dict[str, float]]]) -> list[dict[str, float]]:
    """Unit-length sparse vectors: log-scaled counts times corpus and English rarity."""
    rarities: dict[str, float] = {}
    df: Counter[str] = Counter()
    for bag, rare in bags:
        rarities.update(rare)
        df.update(bag.keys())
    n = len(bags)
    idf = {key: math.log((1 + n) / (1 + count)) + 1.0 for key, count in df.items()}
    vectors = []
    for bag, _ in bags:
        # English rarity as well as corpus rarity: in a folder of five reports of one
        # event, the words all five share ("Kursk") are what makes them one story.
        vector = {
            key: (1.0 + math.log(count)) * idf[key] * rarities[key] for key, count in bag.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({key: v / norm for key, v in vector.items()})
    return vectors


def _title_vector(title: str) -> dict[str, float]:
    """A title's content words, each weighted by its rarity in English, at unit length."""
    vector: dict[str, float] = {}
    for _, _, word, key, kind, _, _, _ in content_tokens(tokenize(title)):
        vector[key] = NUMBER_RARITY if kind == "number" else rarity(word)
    length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {key: v / length for key, v in vector.items()}


def _add_titles(
    similarity: dict[tuple[int, int], float],
    titles: Sequence[dict[str, float]],
    params: StoryParams,
) -> None:
    """Raise the similarity of two articles whose titles share most of their rare words
    (only pairs already compared: they share a body word and are dated close enough).

    Chosen on ``bench.bench_stories`` (README) among weights 0.2-0.8 and floors
    0.25-0.5: BASIL's events split 5 -> 1 (ARI 0.983 -> 0.997), and ECB+ topics 1-35,
    whose topics each hold two similar events, no worse (ARI 0.800 -> 0.802 all at once,
    0.733 -> 0.748 per topic)."""
    for (i, j), value in similarity.items():
        small, large = sorted((titles[i], titles[j]), key=len)
        cosine = sum(w * large.get(key, 0.0) for key, w in small.items())
        if cosine > params.title_from:
            similarity[(i, j)] = value + params.title_weight * (cosine - params.title_from)


def _similarities(
    vectors: list[dict[str, float]], dates: list[date | None], max_days: int
) -> dict[tuple[int, int], float]:
    """Cosine of every pair of articles sharing a word (an inverted index, not all pairs).

    Words in more than ``max(COMMON_FROM, n / 10)`` articles make no pairs: they are
    everywhere, add little to any one similarity, and would make the work quadratic.
    Two articles dated more than ``max_days`` apart are never one story, so they are
    never paired: an archive of many days pairs each article only with its days'.
    """
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vector in enumerate(vectors):
        for key, weight in vector.items():
            postings.setdefault(key, []).append((i, weight))
    n = len(vectors)
    cap = max(COMMON_FROM, n // 10)
    days = [d.toordinal() if d else None for d in dates]
    sums: dict[tuple[int, int], float] = {}
    # Keys in the same order as always: each pair's sum adds its words in one order.
    for found in postings.values():
        if len(found) < 2 or len(found) > cap:
            continue
        for i, j, product in _close_pairs(found, days, max_days):
            sums[(i, j)] = sums.get((i, j), 0.0) + product
    return sums


def _close_pairs(
    found: list[tuple[int, float]], days: list[int | None], max_days: int
) -> Iterator[tuple[int, int, float]]:
    """Pairs ``i < j`` of one word's articles not dated too far apart, with their product."""
    undated = [(i, w) for i, w in found if days[i] is None]
    dated = sorted((day, i, w) for i, w in found if (day := days[i]) is not None)
    by_day = [day for day, _, _ in dated]
    for x, (day, i, wi) in enumerate(dated):
        for _, j, wj in dated[x + 1 : bisect_right(by_day, day + max_days)]:
            yield (i, j, wi * wj) if i < j else (j, i, wj * wi)
    for x, (i, wi) in enumerate(undated):
        for j, wj in itertools.chain(undated[x + 1 :], ((j, w) for _, j, w in dated)):
            yield (i, j, wi * wj) if i < j else (j, i, wj * wi)


def _average_linkage(
    similarity: dict[tuple[int, int], float], dates: list[date | None], params: StoryParams
) -> list[list[int]]:
    """Merge the two clusters of highest average similarity while it reaches ``join``.

    Two clusters whose articles would then span more than ``max_days`` never merge. The
    pairs not in ``similarity`` count as 0; a heap keeps the merges cheap on many articles.
    """
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(dates))}
    span: dict[int, tuple[date, date] | None] = {
        i: (d, d) if d else None for i, d in enumerate(dates)
    }
    links: dict[int, dict[int, float]] = {i: {} for i in clusters}
    for (i, j), value in similarity.items():
        links[i][j] = value
        links[j][i] = value
    heap = [(-value, i, j) for (i, j), value in similarity.items() if value >= params.join]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        average = links[a].get(b, 0.0) / (len(clusters[a]) * len(clusters[b]))
        if abs(average + negative) > 1e-12:
            continue  # Stale: the clusters changed since this entry was pushed.
        merged_span = _merge_spans(span[a], span[b])
        if merged_span and (merged_span[1] - merged_span[0]).days > params.max_days:
            continue
        a, b = min(a, b), max(a, b)
        clusters[a].extend(clusters.pop(b))
        span[a] = merged_span
        for other, value in links.pop(b).items():
            links[other].pop(b, None)
            if other != a:
                links[a][other] = links[a].get(other, 0.0) + value
                links[other][a] = links[a][other]
        links[a].pop(a, None)
        for other, value in links[a].items():
            candidate = value / (len(clusters[a]) * len(clusters[other]))
            if candidate >= params.join:
                heapq.heappush(heap, (-candidate, min(a, other), max(a, other)))
    return list(clusters.values())


def _merge_spans(
    a: tuple[date, date] | None, b: tuple[date, date] | None
) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


def _label(weights: dict[str, float], surfaces: dict[str, dict[str, int]], words: int) -> str:
    """The story's heaviest words, as the articles most often write them (first seen on a tie)."""
    top = sorted(weights, key=lambda k: -weights[k])[:words]
    return " · ".join(max(surfaces[k], key=surfaces[k].__getitem__) for k in top if weights[k] > 0)


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
