"""Names that several articles spell differently: one entity, not a disagreement.

Syrskyii / Syrskyj / Sirski, Korenovo / Korenewo, Kyiv / Kiev. Candidates come from
Jaro-Winkler over all capitalised words at once; :mod:`tui.core.names` decides which
candidates are one name. Alignment uses the same clusters to give variants one key.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel, JaroWinkler
from wordfreq import zipf_frequency

from tui.core import names
from tui.core.models import Corpus, DiscrepancyValue, Group
from tui.core.normalize import rarity
from tui.core.progress import drain

SENTENCE_BATCH = 3_000
"""Sentences searched for names between two progress reports."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One name's spellings, the group they share (if any) and a readable summary."""

    group: int | None
    summary: str
    values: tuple[DiscrepancyValue, ...]


def name_variants(words: Iterable[str]) -> dict[str, str]:
    """Map single-word name spellings that are variants of each other to one of them.

    Candidates come from Jaro-Winkler on folded keys (rapidfuzz ``cdist``, both cores);
    :func:`names.same_name` confirms them (edit distance, derivations, inflections), so
    ``Korean`` / ``Korenovo`` and ``Russia`` / ``Russian`` stay apart. One of the two
    must be rare in English: two everyday words are two words, not one name.
    """
    unique = sorted({w for w in words if len(w) >= 4 and rarity(w.lower()) >= 2.2})
    if len(unique) < 2:
        return {}
    folded = [names.fold(w) for w in unique]
    parent = list(range(len(unique)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    matrix = process.cdist(
        folded,
        folded,
        scorer=JaroWinkler.normalized_similarity,
        score_cutoff=names.SAME_NAME_THRESHOLD,
        dtype=np.float32,
        workers=2,
    )
    rows, cols = np.nonzero(np.triu(matrix, 1))
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if (
            unique[i].lower() == unique[j].lower()
            or folded[i] == folded[j]
            or (
                folded[i][:2] == folded[j][:2]
                and min(_zipf(unique[i]), _zipf(unique[j])) < 3.0
                and names.same_name(unique[i], unique[j])
            )
        ):
            parent[root(i)] = root(j)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(unique)):
        clusters[root(i)].append(i)
    result: dict[str, str] = {}
    for members in clusters.values():
        if len({unique[i].lower() for i in members}) > 1:
            canon = unique[min(members, key=lambda i: (-len(unique[i]), unique[i]))]
            for i in members:
                result[unique[i]] = canon
    return result


def _zipf(word: str) -> float:
    """Frequency of a word in English: a transliteration variant is rare on one side."""
    return float(zipf_frequency(word.lower(), "en"))


def entity_variants(corpus: Corpus, groups: Sequence[Group]) -> list[Variant]:
    """Names spelled differently across (or within) articles: variants, not conflicts."""
    return drain(entity_variant_steps(corpus, groups))


def entity_variant_steps(
    corpus: Corpus, groups: Sequence[Group]
) -> Generator[float, None, list[Variant]]:
    """:func:`entity_variants`, yielding progress (0..1) between batches of sentences."""
    total = sum(len(a.sentences) for a in corpus.articles) or 1
    done = 0
    first_seen: dict[str, tuple[str, int]] = {}
    counts: dict[str, int] = defaultdict(int)
    for article in corpus.articles:
        for sentence in article.sentences:
            done += 1
            if done % SENTENCE_BATCH == 0:
                yield 0.8 * done / total
            if sentence.kind == "dateline":
                continue
            for mention in names.find_names(sentence.text):
                for raw in re.findall(r"[^\W\d_][\w'’-]*", mention.text):
                    word = re.sub(r"['’]s$", "", raw)
                    first_seen.setdefault(word, (article.id, sentence.index))
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
            DiscrepancyValue(first_seen[w][0], first_seen[w][1], w, canon) for w in words
        )
        shared = set.intersection(*(set(where[(v.article, v.sentence)]) for v in values))
        summary = f"{' / '.join(words)}: one name, spelled differently"
        found.append(Variant(min(shared) if shared else None, summary, values))
    found.sort(key=lambda f: (order[f.values[0].article], f.values[0].sentence))
    return found
