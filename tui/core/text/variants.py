"""Names that several articles spell differently: one entity, not a disagreement.

Syrskyii / Syrskyj / Sirski, Korenovo / Korenewo, Kyiv / Kiev. Candidates come from
Jaro-Winkler over all capitalised words at once; :mod:`tui.core.text.names` decides which
candidates are one name. Alignment gives each cluster one key; discrepancies list them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler
from wordfreq import zipf_frequency

from tui.core.text import names
from tui.core.text.normalize import SPELLING_RARITY, rarity

LONG_NAME = 7
"""Letters from which a name's spellings need share only their first letter."""


def name_variants(words: Iterable[str]) -> dict[str, str]:
    """Map single-word name spellings that are variants of each other to one of them.

    Candidates come from Jaro-Winkler on folded keys (rapidfuzz ``cdist``, both cores);
    :func:`names.same_name` confirms them (edit distance, derivations, inflections), so
    ``Korean`` / ``Korenovo`` and ``Russia`` / ``Russian`` stay apart. One of the two
    must be rare in English: two everyday words are two words, not one name.
    """
    unique = sorted({w for w in words if len(w) >= 4 and rarity(w.lower()) >= SPELLING_RARITY})
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
                _same_start(folded[i], folded[j])
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


def _same_start(a: str, b: str) -> bool:
    """Two folded spellings that start alike: the first two letters, or on long names the
    first letter (a transliteration's vowels vary early: Zainabieh / Zinabieh)."""
    return a[:2] == b[:2] or (a[:1] == b[:1] and min(len(a), len(b)) >= LONG_NAME)


def _zipf(word: str) -> float:
    """Frequency of a word in English: a transliteration variant is rare on one side."""
    return float(zipf_frequency(word.lower(), "en"))
