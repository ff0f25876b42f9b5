"""Candidate scoring: blocking on rare keys, sliced summation."""

from __future__ import annotations

from dataclasses import replace

from tui.core.align import DEFAULT_PARAMS, AlignParams
from tui.core.align.features import features, key_weights, merge_name_variants
from tui.core.align.scoring import score_pairs
from tui.core.progress import drain
from tui.core.text.corpus import load_corpus


def test_slices_of_candidates_give_the_same_pairs() -> None:
    """Scoring one slice of sentences at a time changes when it yields, not what it finds."""

    seeds = load_corpus([])
    feats = [
        features(n, s.index, s.start, s.kind, s.text)
        for n, a in enumerate(seeds.articles)
        for s in a.sentences
    ]
    drain(merge_name_variants(feats))
    weights = drain(key_weights(feats, DEFAULT_PARAMS))

    def pairs(params: AlignParams) -> list[tuple[int, int, float]]:
        found = [p for _, batch in score_pairs(feats, weights, params) for p in batch]
        return sorted((p.a, p.b, round(p.score, 9)) for p in found)

    whole = pairs(DEFAULT_PARAMS)
    assert pairs(replace(DEFAULT_PARAMS, slice_pairs=50)) == whole
    assert whole
