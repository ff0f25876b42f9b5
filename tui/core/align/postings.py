"""Postings (each key's sentences) and the pairs of sentences sharing a key, in numpy.

A key found in ``s`` sentences pairs them ``s * (s - 1) / 2`` ways. Making those pairs one
key at a time (a ``triu`` per key) cost tens of thousands of small numpy calls per story;
keys with postings of one size are done together, so the calls are one per distinct size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@dataclass(frozen=True, slots=True)
class Postings:
    """Each key's sentences in ascending order, keys in the order they first appear."""

    keys: np.ndarray
    """Key ids, in order of first appearance."""
    sizes: np.ndarray
    """Number of sentences of each key."""
    members: np.ndarray
    """The sentences of each key, one key after the other."""
    owner: np.ndarray
    """Position in ``keys`` of each member's key."""

    @classmethod
    def of(cls, keys: np.ndarray, sentence: np.ndarray) -> Postings:
        """Postings of the entries (``keys[i]`` in ``sentence[i]``, sentences ascending)."""
        present, first_seen = np.unique(keys, return_index=True)
        ordered = present[np.argsort(first_seen)]
        place = np.zeros(int(keys.max(initial=-1)) + 1, dtype=np.int64)
        place[ordered] = np.arange(len(ordered))
        order = np.argsort(place[keys], kind="stable")
        owner = place[keys][order]
        return cls(ordered, np.bincount(owner, minlength=len(ordered)), sentence[order], owner)

    def pairs(self, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every pair of sentences sharing a ``chosen`` key (a mask over ``keys``), with the key.

        Returns (first, second, key), first < second, key by key in order, then in ``triu``
        order: what a loop over the keys would give, so sums over the pairs add up in the
        same order, to the last bit.
        """
        first, second, at = posting_pairs(self.members[chosen[self.owner]], self.sizes[chosen])
        return first, second, self.keys[chosen][at]


def posting_pairs(
    members: np.ndarray, sizes: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair (i < j by position) of each list, as (first, second, list index).

    ``members`` holds the lists one after the other, ``sizes`` their lengths; the pairs
    come list by list, in ``triu`` order within a list.
    """
    sizes = np.asarray(sizes, dtype=np.int64)
    starts = np.cumsum(sizes) - sizes
    counts = sizes * (sizes - 1) // 2
    at = np.cumsum(counts) - counts
    total = int(counts.sum())
    first = np.empty(total, dtype=np.int64)
    second = np.empty(total, dtype=np.int64)
    for size in np.unique(sizes[sizes > 1]).tolist():
        lists = np.flatnonzero(sizes == size)
        i, j = _upper_pairs(size)
        rows = starts[lists][:, None]
        where = (at[lists][:, None] + np.arange(len(i))).ravel()
        first[where] = members[rows + i].ravel()
        second[where] = members[rows + j].ravel()
    return first, second, np.repeat(np.arange(len(sizes)), counts)


@lru_cache(maxsize=512)
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of a list of that size; sizes repeat a lot."""
    a, b = np.triu_indices(size, 1)
    return a, b
