"""The reader's first screen of a folder opened before: its first story, ahead of the rest.

Reopening a cached folder, the reader waited for every article and fact (BASIL: 300
articles, 1,747 facts, about 70,000 objects to rebuild in its process) before it could
show the first fact. The first screen only needs the first story: its facts, their
discrepancies and quotes, the articles up to the story's last one (so that every article
keeps its place in the corpus), and the totals the status line gives. That is kept in
the cache beside the whole analysis, keyed by the files' bytes and the analysis's source,
read back through the codec and checked like any entry, and shown until the whole
analysis replaces it.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.core.analysis import Analysis
from tui.core.models import Alignment, Corpus, Discrepancy, Group, Quote, Story

if TYPE_CHECKING:
    from tui.core.cache import FactCache
    from tui.core.text.corpus import Sources

MAX_ARTICLES = 50
"""A first story whose articles reach further into the corpus is no shortcut: none."""
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
MIN_ARTICLES = 2
"""Articles the preview holds at least: the reader opens with two panes."""


@dataclass(frozen=True, slots=True)
class Totals:
    """What the whole analysis holds, for the status line meanwhile."""

    articles: int
    stories: int
    facts: int
    discrepancies: int


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """The first story's analysis over the first articles of the corpus, and the totals.

    Its facts are the first of the whole analysis, in the same places, and its articles
    the first of the corpus: positions in the reader mean the same before and after."""

    analysis: Analysis
    totals: Totals
    fingerprint: str
    """The whole corpus's :func:`.corpus_fingerprint`: the key of the names the user gave
    its sources (the reader applies them without hashing every article first)."""


def first_screen_of(analysis: Analysis) -> FirstScreen | None:
    """The first screen of an analysis; None when it would not be a shortcut (one story,
    the first story's articles spread over the corpus, or no facts)."""
    groups = analysis.alignment.groups
    stories = analysis.alignment.stories
    if len(stories) < 2 or not groups or groups[0].story != 0:
        return None
    facts = groups[: _prefix(groups)]
    if any(g.id != n for n, g in enumerate(facts)):
        return None  # Facts are read back numbered by place: these would not match.
    ids = [a.id for a in analysis.corpus.articles]
    place = {article_id: n for n, article_id in enumerate(ids)}
    last = max(place[a] for a in stories[0].articles)
    count = max(last + 1, min(MIN_ARTICLES, len(ids)))
    if count > MAX_ARTICLES or count >= len(ids):
        return None
    kept = set(ids[:count])
    fact_ids = {g.id for g in facts}
    in_story = set(stories[0].articles)
    discrepancies = tuple(
        d
        for d in analysis.alignment.discrepancies
        if d.group in fact_ids or (d.group is None and all(v.article in in_story for v in d.values))
    )
    quotes = [q for q in analysis.quotes if q.article in kept]
    quoted = {q.id for q in quotes}
    # A quote of an article kept may be linked to one further on: that link waits.
    quotes = [
        q if all(s in quoted for s in q.same_as) else replace(q, same_as=_kept(q, quoted))
        for q in quotes
    ]
    corpus = Corpus(analysis.corpus.articles[:count])
    alignment = Alignment(facts, discrepancies, (stories[0],))
    totals = Totals(len(ids), len(stories), len(groups), len(analysis.alignment.discrepancies))
    from tui.core.text.corpus import corpus_fingerprint  # noqa: PLC0415 (start-up)

    fingerprint = corpus_fingerprint(analysis.corpus)
    return FirstScreen(Analysis(corpus, alignment, tuple(quotes)), totals, fingerprint)


def _kept(quote: Quote, quoted: set[str]) -> tuple[str, ...]:
    return tuple(s for s in quote.same_as if s in quoted)


def _prefix(groups: tuple[Group, ...]) -> int:
    """How many facts, from the first, belong to the first one's story."""
    story = groups[0].story
    return next((n for n, g in enumerate(groups) if g.story != story), len(groups))


class FirstScreens:
    """First screens in the cache, keyed by the files' bytes, ids and paths, and the
    source of the parser and of the analysis: the same files give the same analysis."""

    def __init__(self, cache: FactCache) -> None:
        self.cache = cache

    def get(self, sources: Sources) -> FirstScreen | None:
        return self.cache.read(self._key(sources), decode_first_screen)

    def drop(self, sources: Sources) -> None:
        key = self._key(sources)
        if key is not None:
            self.cache.drop(key)

    def put(self, sources: Sources, first: FirstScreen) -> None:
        key = self._key(sources)
        if key is not None:
            self.cache.put(key, encode_first_screen(first))
            self.cache.flush()

    @staticmethod
    def _key(sources: Sources) -> str | None:
        from tui.core.cache import FactCache, analysis_digest, parser_digest  # noqa: PLC0415

        if sources.urls or not sources.files:
            return None  # Pages are fetched again: their text is not known yet.
        code, parser = analysis_digest(), parser_digest()
        if code is None or parser is None:
            return None
        parts: list[bytes | str] = [code, parser, sys.version]
        for file in sources.files:
            parts += [file.article_id, str(file.path), file.data, file.error or ""]
        return FactCache.key("first-screen", parts)


def encode_first_screen(first: FirstScreen) -> str:
    """The first screen as the codec writes it, discrepancy ids kept beside it: the codec
    numbers them from 0 in their order, and the first story's are not all the first of
    the whole analysis (a name or a matched sentence's conflict comes after every fact's)."""
    from tui.core.codec import (  # noqa: PLC0415 (start-up)
        article_data,
        discrepancy_data,
        dumps,
        group_data,
        quote_data,
        stories_data,
    )

    alignment = first.analysis.alignment
    local = {d.id: n for n, d in enumerate(alignment.discrepancies)}
    groups = []
    for group in alignment.groups:
        data = group_data(group)
        data["discrepancies"] = [local[i] for i in group.discrepancies]
        groups.append(data)
    discrepancies = [discrepancy_data(d) for d in alignment.discrepancies]
    totals = first.totals
    return dumps(
        {
            "articles": [article_data(a) for a in first.analysis.corpus.articles],
            "story": stories_data(alignment.stories),
            "groups": groups,
            "discrepancies": discrepancies,
            "discrepancy_ids": [d.id for d in alignment.discrepancies],
            "quotes": [quote_data(q) for q in first.analysis.quotes],
            "totals": [totals.articles, totals.stories, totals.facts, totals.discrepancies],
            "fingerprint": first.fingerprint,
        }
    )


def decode_first_screen(blob: str | bytes) -> FirstScreen | None:
    """A first screen read back and checked (articles, spans, ids, totals), else None."""
    from tui.core.codec import (  # noqa: PLC0415 (start-up)
        Damaged,
        decode_article,
        in_story,
        story_from_parts,
    )

    try:
        data = json.loads(blob)
        articles = tuple(decode_article(a) for a in data["articles"])
        by_id = {a.id: a for a in articles}
        ((label, story_articles),) = data["story"]
        story = Story(0, _text(label), tuple(_text(a) for a in story_articles))
        part = story_from_parts(data["groups"], data["quotes"], data["discrepancies"], by_id)
        ids = [_count(i) for i in data["discrepancy_ids"]]
        totals = Totals(*(_count(n) for n in data["totals"]))
        fingerprint = data["fingerprint"]
        if not (isinstance(fingerprint, str) and _FINGERPRINT.fullmatch(fingerprint)):
            return None
        discrepancies = tuple(
            Discrepancy(ids[n], d.kind, d.group, d.summary, d.values, d.confidence)
            for n, d in enumerate(part.discrepancies)
        )
        if len(ids) != len(discrepancies):
            return None
        groups = tuple(in_story(g, 0, tuple(ids[i] for i in g.discrepancies)) for g in part.groups)
    except (Damaged, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None
    alignment = Alignment(groups, discrepancies, (story,))
    first = FirstScreen(Analysis(Corpus(articles), alignment, part.quotes), totals, fingerprint)
    return first if _consistent(first, len(by_id)) else None


def _consistent(first: FirstScreen, distinct_articles: int) -> bool:
    """What the codec cannot check alone: the story's articles are among those kept, each
    discrepancy has its own id, and the totals hold more than what is here."""
    articles = first.analysis.corpus.articles
    alignment, totals = first.analysis.alignment, first.totals
    kept = {a.id for a in articles}
    ids = [d.id for d in alignment.discrepancies]
    (story,) = alignment.stories
    return (
        distinct_articles == len(articles) >= 1
        and bool(story.articles)
        and all(a in kept for a in story.articles)
        and bool(alignment.groups)
        and len(set(ids)) == len(ids)
        and all(i < totals.discrepancies for i in ids)
        and totals.articles > len(articles)
        and totals.stories >= 2
        and totals.facts >= len(alignment.groups)
    )


def _text(value: object) -> str:
    from tui.core.text.sanitize import sanitize_line  # noqa: PLC0415 (start-up)

    if not isinstance(value, str):
        raise TypeError("not text")
    return sanitize_line(value)


def _count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise TypeError("not a count")
    return value
