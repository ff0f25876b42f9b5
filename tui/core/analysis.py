"""Everything the reader shows about a corpus, computed once in a worker.

The reader needs the alignment, the quotes and every discrepancy together, plus a few
indexes (which facts a sentence belongs to, which discrepancies a fact holds) that would
otherwise be recomputed on each key press.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from tui.core.models import (
    Alignment,
    Corpus,
    Discrepancy,
    Group,
    Quote,
    Story,
    StoryAnalysis,
)
from tui.core.progress import drain, scaled

if TYPE_CHECKING:
    from tui.core.align import AlignParams
    from tui.core.cache import FactCache

STORIES_SHARE = 0.05
"""Part of the progress bar given to finding the stories."""
ALIGN_SHARE = 0.8
"""Part of a story's progress given to its alignment."""
PREPARE_SHARE = 0.5
"""Part of it given to the sentences' features (which the discrepancies reuse)."""
PARALLEL_FROM = 2_000
"""Sentences from which aligning in worker processes pays for starting them."""
QUOTES_SHARE = 0.1
"""Part of a story's progress given to its quotes; its discrepancies take the rest."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """A corpus with its alignment, quotes and discrepancies, and lookups over them."""

    corpus: Corpus
    alignment: Alignment
    """The facts, and every discrepancy (each kind, one list; see :mod:`tui.core.discrepancies`)."""
    quotes: tuple[Quote, ...]

    group_position: Mapping[int, int] = field(init=False, repr=False, compare=False)
    """Group id -> position in ``alignment.groups`` (the facts list order)."""
    sentence_groups: Mapping[tuple[str, int], tuple[int, ...]] = field(
        init=False, repr=False, compare=False
    )
    """(article id, sentence index) -> positions of the facts holding that sentence."""
    article_members: Mapping[str, tuple[tuple[int, int], ...]] = field(
        init=False, repr=False, compare=False
    )
    """Article id -> (fact position, sentence index) for each fact it reports."""
    fact_discrepancies: tuple[tuple[Discrepancy, ...], ...] = field(
        init=False, repr=False, compare=False
    )
    """Per fact position, the discrepancies placed in it."""
    article_quotes: Mapping[str, tuple[Quote, ...]] = field(init=False, repr=False, compare=False)
    """Article id -> its quotes in text order."""
    discrepancy_fact: Mapping[int, int] = field(init=False, repr=False, compare=False)
    """Discrepancy id -> position of the fact it belongs to (when it belongs to one)."""

    def __post_init__(self) -> None:
        groups = self.alignment.groups
        positions = {group.id: i for i, group in enumerate(groups)}
        by_sentence: dict[tuple[str, int], list[int]] = {}
        by_article: dict[str, list[tuple[int, int]]] = {}
        for position, group in enumerate(groups):
            seen: set[str] = set()
            for member in group.members:
                by_sentence.setdefault((member.article, member.sentence), []).append(position)
                if member.article not in seen:
                    seen.add(member.article)
                    by_article.setdefault(member.article, []).append((position, member.sentence))
        per_fact: list[list[Discrepancy]] = [[] for _ in groups]
        to_fact: dict[int, int] = {}
        for discrepancy in self.discrepancies:
            if discrepancy.group is not None and discrepancy.group in positions:
                position = positions[discrepancy.group]
                per_fact[position].append(discrepancy)
                to_fact[discrepancy.id] = position
        quotes: dict[str, list[Quote]] = {}
        for quote in sorted(self.quotes, key=lambda q: (q.article, q.start)):
            quotes.setdefault(quote.article, []).append(quote)
        object.__setattr__(self, "group_position", positions)
        object.__setattr__(self, "sentence_groups", {k: tuple(v) for k, v in by_sentence.items()})
        object.__setattr__(self, "article_members", {k: tuple(v) for k, v in by_article.items()})
        object.__setattr__(self, "fact_discrepancies", tuple(tuple(d) for d in per_fact))
        object.__setattr__(self, "article_quotes", {k: tuple(v) for k, v in quotes.items()})
        object.__setattr__(self, "discrepancy_fact", to_fact)

    @property
    def groups(self) -> tuple[Group, ...]:
        """The aligned facts, in list order."""
        return self.alignment.groups

    @property
    def discrepancies(self) -> tuple[Discrepancy, ...]:
        """Every discrepancy, in id order."""
        return self.alignment.discrepancies

    def discrepancy(self, discrepancy_id: int) -> Discrepancy:
        """The discrepancy with that id (``KeyError`` if none)."""
        for discrepancy in self.discrepancies:
            if discrepancy.id == discrepancy_id:
                return discrepancy
        raise KeyError(discrepancy_id)

    def fact_of_discrepancy(self, discrepancy: Discrepancy) -> int | None:
        """The position of the fact a discrepancy belongs to, if it belongs to one."""
        return self.discrepancy_fact.get(discrepancy.id)

    def fact_of_sentence(self, article_id: str, sentence: int) -> int | None:
        """The first fact holding a sentence, if any."""
        facts = self.sentence_groups.get((article_id, sentence), ())
        return facts[0] if facts else None

    def fact_of_quote(self, quote: Quote) -> int | None:
        """The first fact holding the sentence a quote starts in, if any."""
        article = self.corpus.article(quote.article)
        return self.fact_of_sentence(article.id, article.sentence_at(quote.start))


def analyse_steps(
    corpus: Corpus,
    params: AlignParams | None = None,
    *,
    cache: FactCache | None = None,
    jobs: int = 1,
) -> Generator[float, None, Analysis]:
    """Split the corpus into stories and analyse each, yielding progress (0..1).

    A story is analysed from its articles alone (facts, quotes, discrepancies), so it is
    the unit that is cached, run in a worker process or stored in an index; the stories
    are then put together with ids renumbered in story order. Serial, parallel (``jobs``)
    and cached runs give the same result.
    """
    # Imported here: numpy, wordfreq and the aligner take a noticeable time to import,
    # and the app imports this module before its first paint.
    from tui.core.align import DEFAULT_PARAMS  # noqa: PLC0415 (start-up)

    params = params or DEFAULT_PARAMS
    cache = _trusted(cache)
    keys = _Keys(corpus, params, cache)
    stories = yield from scaled(_stories(corpus, cache, keys), 0.0, STORIES_SHARE)
    yield STORIES_SHARE
    results = yield from scaled(
        _analyse_stories(corpus, stories, params, keys, cache=cache, jobs=jobs), STORIES_SHARE, 1.0
    )
    if cache is not None:
        cache.flush()
    return merge_stories(corpus, stories, results)


def analyse_story_steps(
    part: Corpus, params: AlignParams | None = None
) -> Generator[float, None, StoryAnalysis]:
    """One story's facts, quotes and discrepancies, from its articles alone."""
    from tui.core.align import DEFAULT_PARAMS, align_steps  # noqa: PLC0415 (start-up)
    from tui.core.align.pipeline import Prepared, prepare_steps  # noqa: PLC0415 (start-up)
    from tui.core.discrepancies import discrepancy_steps  # noqa: PLC0415 (start-up)
    from tui.core.quotes import extract_quotes  # noqa: PLC0415 (start-up)

    groups: tuple[Group, ...] = ()
    prepared: Prepared | None = None  # The aligner's features, which the discrepancies reuse.
    if len(part.articles) > 1:
        used = params or DEFAULT_PARAMS
        prepared = yield from scaled(prepare_steps(part, used), 0.0, PREPARE_SHARE)
        groups = yield from scaled(
            align_steps(part, used, prepared=prepared), PREPARE_SHARE, ALIGN_SHARE
        )
    quotes = extract_quotes(part)
    yield ALIGN_SHARE + QUOTES_SHARE
    found, by_group = yield from scaled(
        discrepancy_steps(part, groups, quotes, prepared), ALIGN_SHARE + QUOTES_SHARE, 1.0
    )
    groups = tuple(replace(g, discrepancies=by_group.get(g.id, ())) for g in groups)
    return StoryAnalysis(groups, quotes, found)


def story_corpus(corpus: Corpus, story: Story) -> Corpus:
    """The articles of one story, in corpus order."""
    articles = {a.id: a for a in corpus.articles}
    return Corpus(tuple(articles[a] for a in story.articles))


def merge_stories(
    corpus: Corpus, stories: Sequence[Story], results: Mapping[int, StoryAnalysis]
) -> Analysis:
    """The stories' analyses as one: ids numbered across stories in story order, quotes
    renamed after their article's place in the corpus and listed in reading order."""
    groups: list[Group] = []
    found: list[Discrepancy] = []
    quotes: list[Quote] = []
    for story in stories:
        result = results[story.id]
        first_group, first_found = len(groups), len(found)
        groups.extend(
            replace(
                g,
                id=first_group + g.id,
                story=story.id,
                discrepancies=tuple(first_found + i for i in g.discrepancies),
            )
            for g in result.groups
        )
        found.extend(
            replace(
                d,
                id=first_found + d.id,
                group=None if d.group is None else first_group + d.group,
            )
            for d in result.discrepancies
        )
        quotes.extend(_renamed(corpus, result.quotes))
    quotes.sort(key=_reading_order(corpus))
    return Analysis(corpus, Alignment(tuple(groups), tuple(found), tuple(stories)), tuple(quotes))


def _renamed(corpus: Corpus, quotes: Sequence[Quote]) -> list[Quote]:
    """One story's quotes named ``q<i>-<n>`` after their article's place ``i`` in the corpus
    (``n`` is their place in the article, kept); ``same_as`` follows."""
    place = {a.id: n for n, a in enumerate(corpus.articles)}
    names = {q.id: f"q{place[q.article]}-{q.id.rpartition('-')[2]}" for q in quotes}
    return [
        replace(q, id=names[q.id], same_as=tuple(names[other] for other in q.same_as))
        for q in quotes
    ]


def _reading_order(corpus: Corpus) -> Callable[[Quote], tuple[int, int]]:
    """Quotes in the order of the corpus's articles, then of their place in the article."""
    place = {a.id: n for n, a in enumerate(corpus.articles)}
    return lambda q: (place[q.article], int(q.id.rpartition("-")[2]))


class _Keys:
    """Cache keys of a corpus's stories and of its split into stories (each article hashed once)."""

    def __init__(self, corpus: Corpus, params: AlignParams, cache: FactCache | None) -> None:
        self.digests: dict[str, bytes] = {}
        self.params = repr(params)
        self.model = b""
        self.code = b""
        if cache is not None:
            from tui.core.align.model import MODEL_FILE  # noqa: PLC0415 (start-up)
            from tui.core.cache import analysis_digest, article_digest  # noqa: PLC0415

            self.digests = {a.id: article_digest(a) for a in corpus.articles}
            self.model = MODEL_FILE.read_bytes()
            # The analysis's own source: an upgrade (or an edit) is never served old results
            # (without it there is no cache: see _trusted).
            self.code = analysis_digest() or b""

    def stories(self, corpus: Corpus) -> str:
        from tui.core.cache import FactCache  # noqa: PLC0415 (start-up)
        from tui.core.stories import DEFAULT_STORY_PARAMS  # noqa: PLC0415 (start-up)

        parts: list[bytes | str] = [repr(DEFAULT_STORY_PARAMS), self.code]
        parts.extend(self.digests[a.id] for a in corpus.articles)
        return FactCache.key("stories", parts)

    def story(self, part: Corpus) -> str:
        from tui.core.cache import FactCache  # noqa: PLC0415 (start-up)

        parts: list[bytes | str] = [self.params, self.model, self.code]
        parts.extend(self.digests[a.id] for a in part.articles)
        return FactCache.key("story", parts)


def _stories(
    corpus: Corpus, cache: FactCache | None, keys: _Keys
) -> Generator[float, None, tuple[Story, ...]]:
    """The corpus's stories: from the cache when its articles are the same, else found."""
    from tui.core.codec import dumps, stories_data  # noqa: PLC0415
    from tui.core.stories import story_steps  # noqa: PLC0415 (start-up)

    if cache is None:
        return (yield from story_steps(corpus))
    key = keys.stories(corpus)
    cached = cache.read(key, partial(_read_stories, corpus=corpus))
    if cached is not None:
        return cached
    stories = yield from story_steps(corpus)
    cache.put(key, dumps(stories_data(stories)))
    return stories


def _read_stories(blob: str, corpus: Corpus) -> tuple[Story, ...] | None:
    from tui.core.codec import decode_stories  # noqa: PLC0415 (start-up)

    try:
        return decode_stories(json.loads(blob), corpus)
    except (ValueError, RecursionError):  # Damaged: rebuilt, never trusted.
        return None


def _analyse_stories(
    corpus: Corpus,
    stories: Sequence[Story],
    params: AlignParams,
    keys: _Keys,
    *,
    cache: FactCache | None,
    jobs: int,
) -> Generator[float, None, dict[int, StoryAnalysis]]:
    """Each story's analysis: from the cache, else in ``jobs`` processes, else here."""
    from tui.core.codec import decode_story, encode_story  # noqa: PLC0415 (start-up)

    sizes = {a.id: max(1, len(a.sentences)) for a in corpus.articles}
    total = sum(sizes.values())
    results: dict[int, StoryAnalysis] = {}
    todo: list[tuple[Story, Corpus, str]] = []
    done = 0
    for story in stories:
        part = story_corpus(corpus, story)
        key = keys.story(part) if cache is not None else ""
        read = partial(decode_story, articles=part.articles)
        cached = cache.read(key, read) if cache is not None else None
        if cached is not None:
            results[story.id] = cached
            done += sum(sizes[a] for a in story.articles)
            continue
        todo.append((story, part, key))
    yield done / total
    if jobs > 1 and len(todo) > 1:
        blobs = yield from _in_processes(todo, params, jobs, sizes, done=done, total=total)
        for story, part, key in todo:
            result = decode_story(blobs[story.id], part.articles)
            if result is None:  # Cannot happen unless a worker was broken: say so.
                raise RuntimeError(f"story {story.id}: a worker sent back a damaged result")
            results[story.id] = result
            if cache is not None:
                cache.put(key, blobs[story.id])
        return results
    for story, part, key in todo:
        weight = sum(sizes[a] for a in story.articles)
        low, high = done / total, (done + weight) / total
        results[story.id] = yield from scaled(analyse_story_steps(part, params), low, high)
        done += weight
        if cache is not None:
            cache.put(key, encode_story(results[story.id]))
    return results


def _in_processes(
    todo: list[tuple[Story, Corpus, str]],
    params: AlignParams,
    jobs: int,
    sizes: Mapping[str, int],
    *,
    done: int,
    total: int,
) -> Generator[float, None, dict[int, str]]:
    """Analyse stories in worker processes; each sends back its story as compact JSON."""
    import concurrent.futures  # noqa: PLC0415 (only with --jobs)
    import multiprocessing  # noqa: PLC0415 (only with --jobs)

    blobs: dict[int, str] = {}
    # Forked workers inherit the loaded articles: only the results travel back.
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
        # The biggest stories first, so no long one is left alone at the end.
        order = sorted(todo, key=lambda t: -sum(sizes[a] for a in t[0].articles))
        futures = {pool.submit(story_json, part, params): story for story, part, _ in order}
        for future in concurrent.futures.as_completed(futures):
            story = futures[future]
            blobs[story.id] = future.result()
            done += sum(sizes[a] for a in story.articles)
            yield done / total
    return blobs


def story_json(part: Corpus, params: AlignParams | None = None) -> str:
    """One story analysed and encoded: the task a worker process (or Dask) runs."""
    from tui.core.codec import encode_story  # noqa: PLC0415 (in the worker)

    return encode_story(drain(analyse_story_steps(part, params)))


def facts_by_story(
    corpus: Corpus, params: AlignParams | None = None
) -> tuple[tuple[Story, ...], tuple[Group, ...]]:
    """The stories and their facts alone (no quotes, no discrepancies): quality scripts."""
    from tui.core.align import DEFAULT_PARAMS, align  # noqa: PLC0415 (start-up)
    from tui.core.stories import find_stories  # noqa: PLC0415 (start-up)

    stories = find_stories(corpus)
    groups: list[Group] = []
    for story in stories:
        if len(story.articles) > 1:
            found = align(story_corpus(corpus, story), params or DEFAULT_PARAMS)
            first = len(groups)
            groups.extend(replace(g, id=first + g.id, story=story.id) for g in found)
    return stories, tuple(groups)


def quotes_by_story(corpus: Corpus, cache: FactCache | None = None) -> tuple[Quote, ...]:
    """The quotes the analysis finds, without the facts: each story's, put together. A
    story the cache holds gives its quotes from there; the others are extracted, and not
    stored (the cache keeps whole story analyses; the split into stories is stored)."""
    from tui.core.codec import decode_story  # noqa: PLC0415 (start-up)
    from tui.core.quotes import extract_quotes  # noqa: PLC0415 (start-up)

    cache = _trusted(cache)
    keys = _Keys(corpus, _default_params(), cache)
    quotes: list[Quote] = []
    for story in drain(_stories(corpus, cache, keys)):
        part = story_corpus(corpus, story)
        blob = cache.get(keys.story(part)) if cache is not None else None
        cached = decode_story(blob, part.articles) if blob is not None else None
        found = cached.quotes if cached is not None else extract_quotes(part)
        quotes.extend(_renamed(corpus, found))
    if cache is not None:
        cache.flush()
    return tuple(sorted(quotes, key=_reading_order(corpus)))


def _trusted(cache: FactCache | None) -> FactCache | None:
    """The cache, unless the analysis's source cannot be read: its keys could then not
    tell this code's results from another version's."""
    from tui.core.cache import analysis_digest  # noqa: PLC0415 (start-up)

    return cache if cache is not None and analysis_digest() is not None else None


def _default_params() -> AlignParams:
    from tui.core.align.params import DEFAULT_PARAMS  # noqa: PLC0415 (start-up)

    return DEFAULT_PARAMS


def default_jobs(corpus: Corpus) -> int:
    """The cores available for a corpus big enough to gain from them, else one process."""
    sentences = sum(len(a.sentences) for a in corpus.articles)
    return (os.cpu_count() or 1) if sentences >= PARALLEL_FROM else 1


def analyse(
    corpus: Corpus,
    params: AlignParams | None = None,
    *,
    cache: FactCache | None = None,
    jobs: int = 1,
) -> Analysis:
    """The whole analysis at once, for the report commands, scripts and tests."""
    return drain(analyse_steps(corpus, params, cache=cache, jobs=jobs))
