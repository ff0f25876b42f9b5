"""Names several articles spell differently: one entity, reported as a variant.

Syrskyii / Syrskyj / Sirski is *not* a disagreement, but a reader checking spellings
wants to see it; the clusters come from :func:`tui.core.text.variants.name_variants`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Generator, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from tui.core.discrepancies.tokens import sentence_names
from tui.core.models import Corpus, DiscrepancyValue, Group
from tui.core.text import names
from tui.core.text.variants import name_variants

SENTENCE_BATCH = 3_000
"""Sentences searched for names between two progress reports."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One name's spellings, the group they share (if any) and a readable summary."""

    group: int | None
    summary: str
    values: tuple[DiscrepancyValue, ...]


def entity_variant_steps(
    corpus: Corpus, groups: Sequence[Group]
) -> Generator[float, None, list[Variant]]:
    """Names spelled differently across (or within) articles, yielding progress (0..1)."""
    total = sum(len(a.sentences) for a in corpus.articles) or 1
    done = 0
    first_seen: dict[str, tuple[str, int]] = {}
    spans: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = defaultdict(int)
    for article in corpus.articles:
        for sentence in article.sentences:
            done += 1
            if done % SENTENCE_BATCH == 0:
                yield 0.8 * done / total
            if sentence.kind == "dateline":
                continue
            for mention in sentence_names(sentence.text):
                for part in re.finditer(r"[^\W\d_][\w'’-]*", mention.text):
                    word = re.sub(r"['’]s$", "", part.group(0))
                    if word not in first_seen:
                        first_seen[word] = (article.id, sentence.index)
                        at = sentence.start + mention.start + part.start()
                        spans[word] = (at, at + len(word))
                    counts[word] += 1
    variants = name_variants(first_seen)
    yield 0.9
    clusters: dict[str, list[str]] = defaultdict(list)
    for word, canon in variants.items():
        clusters[canon].append(word)
    # The spelling most used in the corpus names the cluster.
    clusters = {max(ws, key=lambda w: (counts[w], len(w))): ws for ws in clusters.values()}
    # Union-find can chain (Mali ~ Malia ~ Malloy): keep spellings close to the main one.
    clusters = {
        canon: kept
        for canon, ws in clusters.items()
        if len(
            kept := [
                w
                for w in ws
                if Indel.normalized_similarity(names.fold(w), names.fold(canon)) >= 0.8
            ]
        )
        > 1
    }
    where: dict[tuple[str, int], list[int]] = defaultdict(list)
    for group in groups:
        for m in group.members:
            where[(m.article, m.sentence)].append(group.id)
    order = {a.id: n for n, a in enumerate(corpus.articles)}
    found = []
    for canon, words in clusters.items():
        words.sort(key=lambda w: (order[first_seen[w][0]], first_seen[w][1]))
        values = tuple(
            DiscrepancyValue(first_seen[w][0], first_seen[w][1], w, canon, *spans[w]) for w in words
        )
        shared = set.intersection(*(set(where[(v.article, v.sentence)]) for v in values))
        summary = f"{' / '.join(words)}: one name, spelled differently"
        found.append(Variant(min(shared) if shared else None, summary, values))
    found.sort(key=lambda f: (order[f.values[0].article], f.values[0].sentence))
    return found
