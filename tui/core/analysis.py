"""Everything the reader shows about a corpus, computed once in a worker.

The reader needs the alignment, the quotes and every discrepancy together, plus a few
indexes (which facts a sentence belongs to, which discrepancies a fact holds) that would
otherwise be recomputed on each key press.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tui.core.models import Alignment, Corpus, Discrepancy, Group, Quote, Story
from tui.core.progress import drain, scaled

if TYPE_CHECKING:
    from tui.core.align import AlignParams
    from tui.core.cache import FactCache

ALIGN_SHARE = 0.8
"""Part of the progress bar given to the alignment."""
PARALLEL_FROM = 2_000
"""Sentences from which aligning in worker processes pays for starting them."""
QUOTES_SHARE = 0.1
"""Part given to the quotes; the discrepancies take the rest."""


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
    """Align the corpus, find its quotes and every discrepancy, yielding progress (0..1)."""
    # Imported here: numpy, wordfreq and the aligner take a noticeable time to import,
    # and the app imports this module before its first paint.
    from tui.core.align import DEFAULT_PARAMS, align_steps  # noqa: PLC0415 (start-up)
    from tui.core.discrepancies import discrepancy_steps  # noqa: PLC0415 (start-up)
    from tui.core.quotes import extract_quotes  # noqa: PLC0415 (start-up)
    from tui.core.stories import find_stories  # noqa: PLC0415 (start-up)

    stories = find_stories(corpus)
    facts = _align_stories(
        corpus, stories, params or DEFAULT_PARAMS, align_steps, cache=cache, jobs=jobs
    )
    groups = yield from scaled(facts, 0.0, ALIGN_SHARE)
    quotes = extract_quotes(corpus)
    yield ALIGN_SHARE + QUOTES_SHARE
    found, by_group = yield from scaled(
        discrepancy_steps(corpus, groups, quotes), ALIGN_SHARE + QUOTES_SHARE, 1.0
    )
    groups = tuple(replace(g, discrepancies=by_group.get(g.id, ())) for g in groups)
    return Analysis(corpus, Alignment(groups, found, stories), quotes)


def _align_stories(
    corpus: Corpus,
    stories: tuple[Story, ...],
    params: AlignParams,
    align_steps: Callable[[Corpus, AlignParams], Generator[float, None, tuple[Group, ...]]],
    *,
    cache: FactCache | None = None,
    jobs: int = 1,
) -> Generator[float, None, tuple[Group, ...]]:
    """Facts sought inside each story only; ids numbered across stories in story order.

    A story found in ``cache`` is not aligned again; with ``jobs`` > 1 the others are
    aligned in that many processes (stories are independent; the result is the same).
    """
    from tui.core.align.model import MODEL_FILE  # noqa: PLC0415 (start-up)

    sizes = {a.id: max(1, len(a.sentences)) for a in corpus.articles}
    total = sum(sizes.values())
    model = MODEL_FILE.read_bytes() if cache is not None else b""
    found: dict[int, tuple[Group, ...]] = {}
    todo: list[tuple[Story, Corpus, str]] = []
    for story in stories:
        if len(story.articles) < 2:
            continue
        part = Corpus(tuple(corpus.article(a) for a in story.articles))
        key = cache.key(part.articles, params, model) if cache is not None else ""
        cached = cache.get(key, part.articles) if cache is not None else None
        if cached is not None:
            found[story.id] = cached
        else:
            todo.append((story, part, key))
    done = sum(sizes[a] for s in stories if s.id in found for a in s.articles)
    yield done / total
    if jobs > 1 and len(todo) > 1:
        results = yield from _in_processes(todo, params, jobs, sizes, done=done, total=total)
    else:
        results = {}
        for story, part, _ in todo:
            weight = sum(sizes[a] for a in story.articles)
            low, high = done / total, (done + weight) / total
            results[story.id] = yield from scaled(align_steps(part, params), low, high)
            done += weight
    for story, _, key in todo:
        found[story.id] = results[story.id]
        if cache is not None:
            cache.put(key, results[story.id])
    groups: list[Group] = []
    for story in stories:
        first = len(groups)
        mine = found.get(story.id, ())
        groups.extend(replace(g, id=first + n, story=story.id) for n, g in enumerate(mine))
    yield 1.0
    return tuple(groups)


def _in_processes(
    todo: list[tuple[Story, Corpus, str]],
    params: AlignParams,
    jobs: int,
    sizes: Mapping[str, int],
    *,
    done: int,
    total: int,
) -> Generator[float, None, dict[int, tuple[Group, ...]]]:
    """Align stories in worker processes; each sends back its facts, nothing else."""
    import concurrent.futures  # noqa: PLC0415 (only with --jobs)
    import multiprocessing  # noqa: PLC0415 (only with --jobs)

    results: dict[int, tuple[Group, ...]] = {}
    # Forked workers inherit the loaded articles: only the facts travel back.
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
        futures = {pool.submit(_align_one, part, params): story for story, part, _ in todo}
        for future in concurrent.futures.as_completed(futures):
            story = futures[future]
            results[story.id] = future.result()
            done += sum(sizes[a] for a in story.articles)
            yield done / total
    return results


def _align_one(part: Corpus, params: AlignParams) -> tuple[Group, ...]:
    from tui.core.align import align  # noqa: PLC0415 (in the worker)

    return align(part, params)


def facts_by_story(
    corpus: Corpus, params: AlignParams | None = None
) -> tuple[tuple[Story, ...], tuple[Group, ...]]:
    """The stories and their facts alone (no quotes, no discrepancies): quality scripts."""
    from tui.core.align import DEFAULT_PARAMS, align_steps  # noqa: PLC0415 (start-up)
    from tui.core.stories import find_stories  # noqa: PLC0415 (start-up)

    stories = find_stories(corpus)
    groups = drain(_align_stories(corpus, stories, params or DEFAULT_PARAMS, align_steps))
    return stories, groups


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
